//! The meeting record: the room's remarks (pinned to a block, a collège or a scenario, with who
//! said it and when) and the figures the facilitator froze for the minutes ("Figer pour le
//! compte rendu"). It is kept in the project file, by block key and UAI, and written as a CSV
//! with the confidentiality rule applied (fewer than 5 pupils are not shown).

use serde::{Deserialize, Serialize};

use crate::model::{CollegeId, Document, Territory, UnitId};

use super::scenarios::ScenarioRow;

/// What a remark is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemarkTarget {
    /// A block of the map.
    Unit(UnitId),
    /// A collège.
    College(CollegeId),
    /// The scenario as a whole.
    Scenario,
}

/// A remark made in the room.
#[derive(Debug, Clone, PartialEq)]
pub struct Remark {
    /// What it is about.
    pub target: RemarkTarget,
    /// The scenario shown when it was made.
    pub scenario: String,
    /// The remark itself ("parents de l'école X : traversée de la rocade").
    pub text: String,
    /// Who said it (may be empty).
    pub who: String,
    /// When (local time, RFC 3339).
    pub at: String,
}

/// A scenario's figures frozen for the minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// When (local time, RFC 3339).
    pub at: String,
    /// The scenario's figures then (counts already follow the confidentiality rule).
    pub figures: ScenarioRow,
}

/// The room's remarks and frozen figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingRecord {
    /// Remarks, in the order made.
    pub remarks: Vec<Remark>,
    /// Frozen figures, in the order frozen.
    pub snapshots: Vec<Snapshot>,
}

/// The key under which the record is kept in the project file.
pub const PROJECT_KEY: &str = "meeting_record";

/// The time now, local, to the second.
pub fn now() -> String {
    chrono::Local::now()
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

impl MeetingRecord {
    /// Freezes the active scenario's figures.
    pub fn freeze(&mut self, doc: &Document) {
        let rows = super::scenarios::scenario_rows(doc);
        if let Some(row) = rows.into_iter().nth(doc.active_index()) {
            self.snapshots.push(Snapshot {
                at: now(),
                figures: row,
            });
        }
    }

    /// The record as kept in a project file.
    pub fn to_json(&self, t: &Territory) -> serde_json::Value {
        let file = RecordFile {
            remarks: self
                .remarks
                .iter()
                .map(|r| RemarkRecord {
                    unit: match r.target {
                        RemarkTarget::Unit(u) => Some(t.unit(u).key.clone()),
                        _ => None,
                    },
                    college: match r.target {
                        RemarkTarget::College(c) => Some(t.college(c).uai.clone()),
                        _ => None,
                    },
                    scenario: r.scenario.clone(),
                    text: r.text.clone(),
                    who: r.who.clone(),
                    at: r.at.clone(),
                })
                .collect(),
            snapshots: self
                .snapshots
                .iter()
                .map(|s| SnapshotRecord {
                    at: s.at.clone(),
                    scenario: s.figures.name.clone(),
                    author: s.figures.author.clone(),
                    separation: s.figures.separation,
                    ips_spread: s.figures.ips_spread,
                    pupils_moved: s.figures.pupils_moved,
                    walk_mean_m: s.figures.walk_mean_m,
                    over_capacity: s.figures.over_capacity,
                })
                .collect(),
        };
        serde_json::to_value(file).unwrap_or(serde_json::Value::Null)
    }

    /// The record read back from a project file; remarks on blocks or collèges this territory
    /// does not have are kept on the scenario, with what they named in front of their text.
    pub fn from_json(value: &serde_json::Value, t: &Territory) -> Option<MeetingRecord> {
        let file: RecordFile = serde_json::from_value(value.clone()).ok()?;
        let remarks = file
            .remarks
            .into_iter()
            .map(|r| {
                let (target, lost) = match (&r.unit, &r.college) {
                    (Some(k), _) => t
                        .unit_by_key(k)
                        .map_or((RemarkTarget::Scenario, Some(k)), |u| {
                            (RemarkTarget::Unit(u), None)
                        }),
                    (_, Some(uai)) => t
                        .college_by_uai(uai)
                        .map_or((RemarkTarget::Scenario, Some(uai)), |c| {
                            (RemarkTarget::College(c), None)
                        }),
                    _ => (RemarkTarget::Scenario, None),
                };
                Remark {
                    target,
                    text: match lost {
                        Some(name) => format!("[{name}] {}", r.text),
                        None => r.text.clone(),
                    },
                    scenario: r.scenario,
                    who: r.who,
                    at: r.at,
                }
            })
            .collect();
        let snapshots = file
            .snapshots
            .into_iter()
            .map(|s| Snapshot {
                at: s.at,
                figures: ScenarioRow {
                    index: usize::MAX,
                    name: s.scenario,
                    author: s.author,
                    separation: s.separation,
                    ips_spread: s.ips_spread,
                    pupils_moved: s.pupils_moved,
                    walk_mean_m: s.walk_mean_m,
                    over_capacity: s.over_capacity,
                },
            })
            .collect();
        Some(MeetingRecord { remarks, snapshots })
    }

    /// The record as a CSV table: one line per remark and per frozen figure, in time order.
    /// Numbers are written with a dot, so that spreadsheets read them.
    pub fn to_csv(
        &self,
        t: &Territory,
        lang: crate::i18n::Lang,
        minutes: &dyn Fn(f64) -> f64,
    ) -> String {
        let w = crate::i18n::scenarios::record_texts(lang);
        let mut lines: Vec<(String, Vec<String>)> = Vec::new();
        let num = |v: Option<f64>, d: usize| {
            v.map_or(String::new(), |v| crate::i18n::csv_number(lang, v, d))
        };
        for r in &self.remarks {
            let about = match r.target {
                RemarkTarget::Unit(u) => (w.about_block)(&t.unit(u).name),
                RemarkTarget::College(c) => t.college(c).name.clone(),
                RemarkTarget::Scenario => w.about_scenario.to_string(),
            };
            let mut row = vec![
                w.kind_remark.to_string(),
                r.at.clone(),
                r.scenario.clone(),
                about,
            ];
            row.extend([r.who.clone(), r.text.clone()]);
            row.extend(std::iter::repeat_n(String::new(), 5));
            lines.push((r.at.clone(), row));
        }
        for s in &self.snapshots {
            let f = &s.figures;
            let row = vec![
                w.kind_snapshot.to_string(),
                s.at.clone(),
                f.name.clone(),
                w.about_scenario.to_string(),
                f.author.clone(),
                String::new(),
                num(f.separation, 1),
                num(f.ips_spread, 1),
                num(f.pupils_moved, 0),
                num(f.walk_mean_m.map(minutes), 0),
                f.over_capacity.to_string(),
            ];
            lines.push((s.at.clone(), row));
        }
        lines.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out = csv::WriterBuilder::new()
            .delimiter(crate::i18n::csv_delimiter(lang))
            .from_writer(Vec::new());
        let _ = out.write_record(w.header.split(','));
        for (_, row) in lines {
            let _ = out.write_record(&row);
        }
        out.into_inner()
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

/// "14:32" from a time written as RFC 3339 (the text itself when it is not one).
fn clock(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_else(|_| at.to_string())
}

impl MeetingRecord {
    /// The record as a document to read: the scenarios it speaks of, the figures frozen, the
    /// remarks by scenario in the order made. Counts follow the confidentiality rule (frozen
    /// figures were stored with it applied: a hidden count is said to be under 5).
    pub fn to_paragraphs(
        &self,
        t: &Territory,
        lang: crate::i18n::Lang,
        minutes: &dyn Fn(f64) -> f64,
    ) -> Vec<super::pdf::Paragraph> {
        use crate::i18n::number;
        let w = crate::i18n::scenarios::record_texts(lang);
        let black = [0, 0, 0];
        let grey = [90, 90, 90];
        let mut out: Vec<super::pdf::Paragraph> = vec![
            ((w.pdf_title)(&t.info.name), 18.0, true, black),
            (w.pdf_intro.to_string(), 10.0, false, grey),
        ];
        // the scenarios, in the order the room first spoke of them
        let mut scenarios: Vec<&str> = Vec::new();
        let mut events: Vec<(&str, &str)> = self
            .snapshots
            .iter()
            .map(|s| (s.at.as_str(), s.figures.name.as_str()))
            .chain(
                self.remarks
                    .iter()
                    .map(|r| (r.at.as_str(), r.scenario.as_str())),
            )
            .collect();
        events.sort();
        for (_, name) in events {
            if !scenarios.contains(&name) {
                scenarios.push(name);
            }
        }
        out.push((w.pdf_scenarios.to_string(), 14.0, true, black));
        if scenarios.is_empty() {
            out.push((w.pdf_none.to_string(), 11.0, false, grey));
        }
        for name in &scenarios {
            out.push((format!("• « {name} »"), 11.0, false, black));
        }
        out.push((w.pdf_snapshots.to_string(), 14.0, true, black));
        if self.snapshots.is_empty() {
            out.push((w.pdf_none.to_string(), 11.0, false, grey));
        }
        let known = |v: Option<f64>, d: usize| {
            v.map_or_else(|| w.pdf_unknown.to_string(), |v| number(lang, v, d))
        };
        for s in &self.snapshots {
            let f = &s.figures;
            let moved = match f.pupils_moved {
                Some(m) => number(lang, m, 0),
                // a count under 5 is stored hidden; the current map moves no one
                None if f.index == 0 => number(lang, 0.0, 0),
                None => w.pdf_hidden.to_string(),
            };
            out.push(((w.pdf_snapshot)(&clock(&s.at), &f.name), 11.0, true, black));
            out.push((
                (w.pdf_figures)(
                    &known(f.separation, 1),
                    &known(f.ips_spread, 1),
                    &moved,
                    &known(f.walk_mean_m.map(minutes), 0),
                    f.over_capacity,
                ),
                11.0,
                false,
                black,
            ));
        }
        out.push((w.title.to_string(), 14.0, true, black));
        if self.remarks.is_empty() {
            out.push((w.pdf_none.to_string(), 11.0, false, grey));
        }
        for name in &scenarios {
            let mut on: Vec<&Remark> = self
                .remarks
                .iter()
                .filter(|r| r.scenario == *name)
                .collect();
            if on.is_empty() {
                continue;
            }
            on.sort_by(|a, b| a.at.cmp(&b.at));
            out.push(((w.pdf_on_scenario)(name), 12.0, true, black));
            for r in on {
                let about = match r.target {
                    RemarkTarget::Unit(u) => (w.about_block)(&t.unit(u).name),
                    RemarkTarget::College(c) => t.college(c).name.clone(),
                    RemarkTarget::Scenario => w.about_scenario.to_string(),
                };
                let who = if r.who.trim().is_empty() {
                    w.pdf_anonymous.to_string()
                } else {
                    r.who.clone()
                };
                out.push((
                    (w.pdf_remark)(&clock(&r.at), &about, &who, &r.text),
                    11.0,
                    false,
                    black,
                ));
            }
        }
        out.push((w.pdf_confidential.to_string(), 9.0, false, grey));
        out
    }

    /// The record as a PDF to hand out (the same words as [`MeetingRecord::to_paragraphs`]).
    pub fn to_pdf(
        &self,
        t: &Territory,
        lang: crate::i18n::Lang,
        minutes: &dyn Fn(f64) -> f64,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<super::pdf::Handout, super::pdf::HandoutError> {
        let w = crate::i18n::scenarios::record_texts(lang);
        super::pdf::flowing_document(
            &(w.pdf_title)(&t.info.name),
            &self.to_paragraphs(t, lang, minutes),
            lang,
            now,
        )
    }
}

#[derive(Serialize, Deserialize)]
struct RecordFile {
    #[serde(default)]
    remarks: Vec<RemarkRecord>,
    #[serde(default)]
    snapshots: Vec<SnapshotRecord>,
}

#[derive(Serialize, Deserialize)]
struct RemarkRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    college: Option<String>,
    scenario: String,
    text: String,
    #[serde(default)]
    who: String,
    at: String,
}

#[derive(Serialize, Deserialize)]
struct SnapshotRecord {
    at: String,
    scenario: String,
    #[serde(default)]
    author: String,
    separation: Option<f64>,
    ips_spread: Option<f64>,
    pupils_moved: Option<f64>,
    walk_mean_m: Option<f64>,
    over_capacity: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::MetricsConfig;

    #[test]
    fn the_pdf_record_names_the_scenarios_their_frozen_figures_and_every_remark() {
        let (t, baseline) = crate::io::territory_files::embedded_demo().unwrap();
        let t = std::sync::Arc::new(t);
        let doc = Document::new(t.clone(), baseline, MetricsConfig::default());
        let mut record = MeetingRecord::default();
        record.freeze(&doc);
        record.snapshots[0].at = "2026-12-04T08:20:00+01:00".into();
        // a proposal moving fewer than 5 pupils: its count was stored hidden
        let mut hidden = record.snapshots[0].clone();
        hidden.at = "2026-12-04T09:00:00+01:00".into();
        hidden.figures.index = 1;
        hidden.figures.name = "Proposition des parents".into();
        hidden.figures.pupils_moved = None;
        record.snapshots.push(hidden);
        record.remarks.push(Remark {
            target: RemarkTarget::Unit(UnitId(4)),
            scenario: "Proposition des parents".into(),
            text: "traversée de la rocade".into(),
            who: String::new(),
            at: "2026-12-04T09:05:00+01:00".into(),
        });
        let lang = crate::i18n::Lang::Fr;
        let paras = record.to_paragraphs(&t, lang, &|m| m / 80.0);
        let text: Vec<&str> = paras.iter().map(|p| p.0.as_str()).collect();
        let all = text.join("\n");
        assert!(
            all.contains("• « Carte actuelle »") && all.contains("• « Proposition des parents »")
        );
        assert!(all.contains("08:20 · « Carte actuelle »"), "{all}");
        assert!(all.contains("élèves qui changent de collège : 0"), "{all}");
        assert!(
            all.contains("élèves qui changent de collège : moins de 5"),
            "{all}"
        );
        assert!(all.contains("Sur « Proposition des parents »"));
        assert!(
            all.contains(&format!(
                "09:05 · îlot {} · sans nom : « traversée de la rocade »",
                t.unit(UnitId(4)).name
            )),
            "{all}"
        );
        assert!(all.contains("moins de 5 élèves"));
        let pdf = record
            .to_pdf(&t, lang, &|m| m / 80.0, chrono::Utc::now())
            .unwrap();
        assert!(pdf.pdf.starts_with(b"%PDF"));
        assert!(
            pdf.texts.iter().any(|s| s.contains("rocade")),
            "the remark is printed"
        );
        // nothing to say is said too
        let empty = MeetingRecord::default().to_paragraphs(&t, lang, &|m| m);
        assert!(empty.iter().any(|p| p.0 == "Aucun."));
    }

    #[test]
    fn remarks_and_frozen_figures_round_trip_and_read_as_a_table() {
        let (t, baseline) = crate::io::territory_files::embedded_demo().unwrap();
        let t = std::sync::Arc::new(t);
        let doc = Document::new(t.clone(), baseline, MetricsConfig::default());
        let mut record = MeetingRecord::default();
        record.remarks.push(Remark {
            target: RemarkTarget::Unit(UnitId(4)),
            scenario: "Carte actuelle".into(),
            text: "traversée de la rocade, \"dangereuse\"".into(),
            who: "parents de l'école Jean-Moulin".into(),
            at: "2026-12-04T08:30:00+01:00".into(),
        });
        record.remarks.push(Remark {
            target: RemarkTarget::College(CollegeId(2)),
            scenario: "Carte actuelle".into(),
            text: "déjà plein".into(),
            who: String::new(),
            at: "2026-12-04T08:35:00+01:00".into(),
        });
        record.freeze(&doc);
        let json = record.to_json(&t);
        let back = MeetingRecord::from_json(&json, &t).unwrap();
        assert_eq!(back.remarks, record.remarks);
        assert_eq!(back.snapshots.len(), 1);
        assert_eq!(
            back.snapshots[0].figures.separation,
            record.snapshots[0].figures.separation
        );
        // a remark on a block this territory lacks stays, on the scenario, saying what it named
        let mut other = json.clone();
        other["remarks"][0]["unit"] = "Z999".into();
        let back = MeetingRecord::from_json(&other, &t).unwrap();
        assert_eq!(back.remarks[0].target, RemarkTarget::Scenario);
        assert!(back.remarks[0].text.starts_with("[Z999] "));
        // the table: a header, three lines in time order, the quotes kept
        let csv = record.to_csv(&t, crate::i18n::Lang::Fr, &|m| m / 75.0);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(&rows[0][5], "traversée de la rocade, \"dangereuse\"");
        assert_eq!(&rows[1][3], &t.college(CollegeId(2)).name);
        assert_eq!(&rows[2][0], "figé");
        assert!(!rows[2][6].is_empty());
    }
}
