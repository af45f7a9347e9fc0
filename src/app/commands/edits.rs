//! Edits from the map's tools: assigning blocks to the selected collège (whole écoles with
//! them when asked), painting, areas, and the work recovered from a crash.

use super::super::Editor;
use crate::i18n::{Lang, texts};
use crate::model::{Assignment, DocumentError, Edit, UnitId};

impl Editor {
    /// Makes sure the active scenario can be edited: the baseline is copied first.
    pub(in crate::app) fn ensure_editable(&mut self, lang: Lang) {
        if self.doc.active_is_baseline() {
            let n = self.doc.scenarios().len();
            self.doc
                .new_scenario_from_active(format!("{} {n}", texts(lang).new_scenario_name));
            self.status.say(texts(lang).auto_scenario_notice.into());
        }
    }

    /// The single path of every change. Edits on the baseline first copy it into a new
    /// scenario: the current carte scolaire is never changed.
    pub(in crate::app) fn apply(&mut self, edit: Edit, lang: Lang) -> Result<(), DocumentError> {
        self.ensure_editable(lang);
        self.doc.apply(edit)
    }

    /// Assigns units to the selected collège, leaving locked ones alone (and saying so).
    pub(super) fn assign_units(
        &mut self,
        units: Vec<UnitId>,
        lang: Lang,
    ) -> Result<(), DocumentError> {
        let Some(c) = self.view.selected else {
            self.status.say(texts(lang).pick_college_hint.into());
            return Ok(());
        };
        let units = if self.view.whole_schools {
            self.with_their_schools(units)
        } else {
            units
        };
        let s = &self.doc.active().scenario;
        let (free, locked): (Vec<UnitId>, Vec<UnitId>) = units.into_iter().partition(|&u| {
            !s.is_unit_locked(u)
                && !s
                    .assignment(u)
                    .shares()
                    .any(|(k, _)| s.is_college_locked(k))
        });
        if free.is_empty() && locked.len() == 1 {
            // a single locked block: the core's refusal explains why
            return self.apply(
                Edit::Assign(vec![(locked[0], Assignment::College(c))]),
                lang,
            );
        }
        if !locked.is_empty() {
            self.status
                .say(format!("{} {}", locked.len(), texts(lang).skipped_locked));
        }
        if free.is_empty() {
            return Ok(());
        }
        self.apply(
            Edit::Assign(
                free.into_iter()
                    .map(|u| (u, Assignment::College(c)))
                    .collect(),
            ),
            lang,
        )
    }

    /// The units and every other unit of their écoles.
    fn with_their_schools(&self, units: Vec<UnitId>) -> Vec<UnitId> {
        let t = self.doc.territory();
        let schools: std::collections::HashSet<&str> = units
            .iter()
            .filter_map(|&u| t.unit(u).school.as_deref())
            .collect();
        if schools.is_empty() {
            return units;
        }
        let mut all: Vec<UnitId> = t
            .unit_ids()
            .filter(|&u| {
                t.unit(u)
                    .school
                    .as_deref()
                    .is_some_and(|s| schools.contains(s))
            })
            .collect();
        all.extend(units.iter().filter(|&&u| t.unit(u).school.is_none()));
        all
    }

    /// A brush stroke over units: those not already the selected collège's alone.
    pub(super) fn paint(&mut self, units: Vec<UnitId>, lang: Lang) -> Result<(), DocumentError> {
        let s = &self.doc.active().scenario;
        let todo: Vec<UnitId> = units
            .into_iter()
            .filter(|&u| {
                s.assignment(u).main_college() != self.view.selected
                    || s.assignment(u).shares().count() > 1
            })
            .collect();
        if todo.is_empty() {
            Ok(())
        } else {
            self.assign_units(todo, lang)
        }
    }

    /// Units whose representative point lies inside an outline (lon/lat).
    pub(super) fn units_inside(&self, outline: &[geo::Point<f64>]) -> Vec<UnitId> {
        use geo::{BoundingRect, Contains};
        if outline.len() < 3 {
            return Vec::new();
        }
        let poly = geo::Polygon::new(
            geo::LineString::from(outline.iter().map(|p| p.0).collect::<Vec<_>>()),
            vec![],
        );
        let Some(bb) = poly.bounding_rect() else {
            return Vec::new();
        };
        let t = self.doc.territory();
        let mut units: Vec<UnitId> = t
            .units_in_rect(bb.min().into(), bb.max().into())
            .filter(|&u| poly.contains(&t.unit(u).anchor))
            .collect();
        units.sort();
        units
    }

    /// Brings back the scenarios (and planned collèges) of the previous session's autosave.
    pub(super) fn recover(&mut self) {
        let Some(r) = self.session.recovered.take() else {
            return;
        };
        // the room's remarks of that session, after those made since
        if let Some(back) = r
            .record
            .as_ref()
            .and_then(|v| crate::publish::record::MeetingRecord::from_json(v, self.doc.territory()))
        {
            for remark in back.remarks {
                if !self.session.record.remarks.contains(&remark) {
                    self.session.record.remarks.push(remark);
                }
            }
            for snapshot in back.snapshots {
                if !self.session.record.snapshots.contains(&snapshot) {
                    self.session.record.snapshots.push(snapshot);
                }
            }
        }
        let added = !r.planned.is_empty();
        for c in r.planned {
            if self.doc.territory().college_by_uai(&c.uai).is_none() {
                let _ = self.doc.add_college(c);
            }
        }
        if added {
            self.territory_changed();
        }
        let first = self.doc.scenarios().len();
        for (mut s, history) in r.scenarios.into_iter().zip(r.histories) {
            // never two scenarios of one name
            let taken: Vec<String> = self
                .doc
                .scenarios()
                .iter()
                .map(|h| h.scenario.meta.name.clone())
                .collect();
            s.meta.name = crate::io::proposals::unique_name(&taken, &s.meta.name, &s.meta.author);
            // with its undo history: Ctrl+Z goes on where the crash stopped it
            self.doc.add_scenario_with_history(s, history);
        }
        let target = if r.active == 0 {
            0
        } else {
            first + r.active - 1
        };
        let _ = self
            .doc
            .switch_to(target.min(self.doc.scenarios().len() - 1));
        self.autosave_after_answer(r.sources);
    }
}
