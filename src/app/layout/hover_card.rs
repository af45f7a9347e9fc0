//! The card under the pointer: a block's pupils, IPS, boursiers, école, collège and walk.

use egui::{Color32, RichText};

use super::super::Editor;
use crate::i18n::{Lang, number, texts};
use crate::model::{Assignment, UnitId};

impl Editor {
    pub(super) fn hover_card_ui(&self, ui: &egui::Ui, lang: Lang, u: UnitId, at: egui::Pos2) {
        let tx = texts(lang);
        let t = self.doc.territory();
        let unit = t.unit(u);
        let p = &unit.population;
        let scenario = &self.doc.active().scenario;
        let metrics = &self.doc.active().metrics;
        let fmt = |v: Option<f64>, d: usize| {
            v.map(|x| number(lang, x, d))
                .unwrap_or_else(|| tx.unknown.to_string())
        };
        let college = match scenario.assignment(u) {
            Assignment::Unassigned => tx.unassigned.to_string(),
            Assignment::College(c) => t.college(*c).name.clone(),
            Assignment::Shares(v) => v
                .iter()
                .map(|(c, s)| {
                    format!(
                        "{} {} %",
                        t.college(*c).short_name,
                        number(lang, s * 100.0, 0)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        };
        let walk = scenario
            .assignment(u)
            .main_college()
            .and_then(|c| metrics.walk_m(t, u, c));
        egui::Area::new(egui::Id::unique("hover_card"))
            .fixed_pos(at + egui::vec2(18.0, 18.0))
            .order(egui::Order::Tooltip)
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    // readable from the back of a room in meeting mode
                    let size = if self.view.meeting.is_some() {
                        22.0
                    } else {
                        15.0
                    };
                    ui.style_mut().override_font_id = Some(egui::FontId::proportional(size));
                    if self.view.meeting.is_some() {
                        ui.set_min_width(340.0);
                    }
                    ui.label(RichText::new(&unit.name).strong().size(size + 2.0));
                    // in front of a room, small counts are not shown
                    let public = self
                        .view
                        .meeting
                        .is_some()
                        .then(crate::metrics::Confidentiality::default);
                    match (public, p.pupils) {
                        (Some(c), Some(n)) if c.hides(n) => ui.label(format!(
                            "{} {} {}",
                            tx.fewer_than,
                            number(lang, c.threshold, 0),
                            tx.pupils
                        )),
                        _ => ui.label(format!(
                            "{} {}{}",
                            fmt(p.pupils, 0),
                            tx.pupils,
                            if p.pupils_estimated {
                                crate::i18n::departement::estimated_suffix(lang)
                            } else {
                                ""
                            }
                        )),
                    };
                    ui.label(format!(
                        "{} {}{}",
                        if p.ips_estimated {
                            tx.ips_estimated
                        } else {
                            tx.ips
                        },
                        fmt(p.ips_mean, 1),
                        ""
                    ));
                    let share = match (public, p.boursiers, p.pupils) {
                        (Some(c), b, n) => c.share(b, n).map(|s| s * 100.0),
                        (None, Some(b), Some(n)) if n > 0.0 => Some(b / n * 100.0),
                        _ => None,
                    };
                    ui.label(match share {
                        Some(_) => format!("{} % {}", fmt(share, 0), tx.boursiers),
                        // known but too few to show in public
                        None if public.is_some() && p.boursiers.is_some() => {
                            crate::i18n::labelled(lang, tx.boursiers, tx.not_shown_small)
                        }
                        None => tx.boursiers_unknown.to_string(),
                    });
                    if let Some(school) = &unit.school {
                        ui.label(school);
                    }
                    // a commune the carte scolaire divides by streets: said, and whether the
                    // current map's split of it is only an estimate
                    if let Some(line) = crate::i18n::departement::streets_note(
                        lang,
                        t,
                        u,
                        self.doc.baseline().scenario.assignment(u),
                    ) {
                        ui.label(RichText::new(line).italics());
                    }
                    ui.label(RichText::new(format!("→ {college}")).strong());
                    // where the assistant's preview on the map sends it
                    if let Some(c) = self
                        .windows
                        .map_preview()
                        .filter(|p| p.moved.contains(&u))
                        .and_then(|p| p.scenario.assignment(u).main_college())
                    {
                        ui.label(
                            RichText::new(format!(
                                "{} → {}",
                                crate::i18n::assistant_texts(lang).preview_word,
                                t.college(c).name
                            ))
                            .strong()
                            .color(Color32::from_rgb(200, 90, 0)),
                        );
                    }
                    if let Some(m) = walk {
                        ui.label(format!(
                            "{} m ({} {}, {})",
                            number(lang, m, 0),
                            number(lang, self.doc.config().walk_minutes(m), 0),
                            tx.minutes,
                            crate::i18n::walk_how(lang, self.doc.config().walk_source())
                        ));
                    }
                    if scenario.is_unit_locked(u) {
                        ui.label(RichText::new(format!("[{}]", tx.locked)).strong());
                    }
                });
            });
    }
}
