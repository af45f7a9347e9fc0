//! The editor's side of the assistant: the search's inputs, and the proposal turned into a new
//! scenario through the one edit path.

use super::Editor;
use crate::assistant::{Constraints, Target};
use crate::i18n::{Lang, assistant_texts, number};
use crate::metrics::Minority;
use crate::model::{Assignment, Edit};
use crate::ui::assistant_window::{AssistantAction, SearchInputs};

impl Editor {
    /// The split window, for tests.
    pub fn split_window(&mut self) -> Option<&mut crate::ui::split_window::SplitWindow> {
        self.split_window.as_mut()
    }

    pub(super) fn split_ui(&mut self, ctx: &egui::Context, lang: Lang) {
        use crate::ui::split_window::SplitAction;
        let Some(mut w) = self.split_window.take() else {
            return;
        };
        let t = self.doc.territory().clone();
        match w.show(ctx, lang, &t, &self.doc.active().scenario) {
            None => {}
            Some(SplitAction::Close) => return,
            Some(SplitAction::Apply(u, a)) => {
                self.dirty = None;
                match self.apply(Edit::Assign(vec![(u, a)]), lang) {
                    Ok(()) => return,
                    Err(e) => self.notice = Some(crate::i18n::document_error(lang, &e)),
                }
            }
        }
        self.split_window = Some(w);
    }

    /// The shared-sectors window, for tests.
    pub fn shared_window(&mut self) -> Option<&mut crate::ui::shared_window::SharedWindow> {
        self.shared_window.as_mut()
    }

    pub(super) fn shared_ui(&mut self, ctx: &egui::Context, lang: Lang) {
        use crate::ui::shared_window::{SharedAction, SharedView};
        let Some(mut w) = self.shared_window.take() else {
            return;
        };
        let active = self.doc.active();
        let view = SharedView {
            territory: self.doc.territory(),
            scenario: &active.scenario,
            metrics: &active.metrics,
            baseline: &self.doc.baseline().scenario,
            revision: self.doc.revision(),
        };
        match w.show(ctx, lang, &view) {
            None => {}
            Some(SharedAction::Close) => return,
            Some(SharedAction::Create(colleges, rule)) => {
                self.ensure_editable(lang);
                let t = self.doc.territory().clone();
                let name = colleges
                    .iter()
                    .map(|&c| t.college(c).short_name.clone())
                    .collect::<Vec<_>>()
                    .join(" – ");
                let active = self.doc.active();
                let plan = crate::model::levers::make_shared(
                    &t,
                    &active.scenario,
                    &active.metrics,
                    name.clone(),
                    colleges,
                    rule,
                );
                let units = plan.sector.units.len();
                self.dirty = None;
                match self.doc.apply_step(plan.edits) {
                    Ok(()) => {
                        self.notice = Some((crate::i18n::shared_texts(lang).created)(&name, units));
                    }
                    Err(e) => self.notice = Some(crate::i18n::document_error(lang, &e)),
                }
            }
        }
        self.shared_window = Some(w);
    }

    /// The index the assistant offers first: the entropy index when groups are known, else the
    /// dissimilarity of boursiers.
    pub(super) fn default_assistant_target(&self) -> Target {
        let m = &self.doc.active().metrics;
        let idx = m.territory();
        if idx.entropy.is_some() {
            Target::Entropy
        } else if idx
            .minority(Minority::Boursiers)
            .and_then(|x| x.dissimilarity)
            .is_some()
        {
            Target::Dissimilarity(Minority::Boursiers)
        } else if idx.ips_spread.is_some() {
            // a département from the national files has IPS and nothing else
            Target::IpsSpread
        } else {
            Target::Dissimilarity(Minority::Boursiers)
        }
    }

    /// True while the assistant searches.
    pub fn assistant_running(&self) -> bool {
        self.assistant_window.as_ref().is_some_and(|w| w.running())
    }

    /// The assistant window, for tests.
    pub fn assistant_window(
        &mut self,
    ) -> Option<&mut crate::ui::assistant_window::AssistantWindow> {
        self.assistant_window.as_mut()
    }

    pub(super) fn assistant_ui(&mut self, ctx: &egui::Context, lang: Lang) {
        let Some(mut w) = self.assistant_window.take() else {
            return;
        };
        let indices = self.doc.active().metrics.territory();
        let values = |t: Target| t.value(&indices);
        let s = &self.doc.active().scenario;
        let t = self.doc.territory().clone();
        let locked = (
            t.unit_ids().filter(|&u| s.is_unit_locked(u)).count(),
            t.college_ids().filter(|&c| s.is_college_locked(c)).count(),
        );
        match w.show(ctx, lang, &t, &values, locked) {
            None => {}
            Some(AssistantAction::Close) => return,
            Some(AssistantAction::Run) => {
                let active = self.doc.active();
                w.start(SearchInputs {
                    territory: t.clone(),
                    start: active.scenario.clone(),
                    baseline: self.doc.baseline().scenario.clone(),
                    metrics: active.metrics.clone(),
                    start_index: self.doc.active_index(),
                });
            }
            Some(AssistantAction::Accept { start_index, moves }) => {
                self.accept_proposal(lang, start_index, &moves, w.target, &w.constraints());
                return;
            }
        }
        self.assistant_window = Some(w);
    }

    /// Makes a new scenario from `start_index` with the moves kept, as one undoable step. Moves
    /// whose block no longer goes where the search found it are skipped, and said so.
    fn accept_proposal(
        &mut self,
        lang: Lang,
        start_index: usize,
        moves: &[crate::assistant::Move],
        target: Target,
        constraints: &Constraints,
    ) {
        let tx = assistant_texts(lang);
        if self.doc.switch_to(start_index).is_err() {
            return;
        }
        let s = &self.doc.active().scenario;
        let (fresh, stale): (Vec<_>, Vec<_>) = moves.iter().partition(|m| {
            m.units
                .iter()
                .all(|&u| s.assignment(u) == &Assignment::College(m.from))
        });
        let n = self.doc.scenarios().len();
        let name = format!("{} {n}", tx.scenario_name);
        let index = self.doc.new_scenario_from_active(name.clone());
        let notes = (tx.notes)(
            &index_name(lang, target, self.doc.territory()),
            &limits_text(lang, constraints),
        );
        let _ = self.doc.set_notes(index, notes);
        let edit = Edit::Assign(fresh.iter().flat_map(|m| m.assignments()).collect());
        self.dirty = None;
        match self.doc.apply(edit) {
            Ok(()) => {
                let blocks = fresh.iter().map(|m| m.units.len()).sum();
                self.notice = Some((tx.accepted)(&name, blocks, stale.len()));
            }
            Err(e) => self.notice = Some(crate::i18n::document_error(lang, &e)),
        }
    }
}

fn index_name(lang: Lang, target: Target, t: &crate::model::Territory) -> String {
    let tx = assistant_texts(lang);
    match target {
        Target::Entropy => tx.index_entropy.into(),
        Target::Dissimilarity(Minority::Boursiers) => tx.index_boursiers.into(),
        Target::Dissimilarity(Minority::Group(g)) if Some(g) == t.groups.disadvantaged => {
            tx.index_disadvantaged.into()
        }
        Target::Dissimilarity(Minority::Group(g)) => {
            t.groups.names.get(g).cloned().unwrap_or_default()
        }
        Target::IpsSpread => crate::i18n::departement::spread_texts(lang).label.into(),
    }
}

fn limits_text(lang: Lang, c: &Constraints) -> String {
    let tx = assistant_texts(lang);
    let mut parts = Vec::new();
    if let Some((lo, hi)) = c.capacity {
        parts.push(format!(
            "{} {} % {} {} %",
            tx.capacity.to_lowercase(),
            number(lang, lo * 100.0, 0),
            tx.and,
            number(lang, hi * 100.0, 0)
        ));
    }
    if let Some(m) = c.max_walk_increase_m {
        parts.push(format!(
            "{} {}",
            tx.walk_increase.to_lowercase(),
            number(lang, m, 0)
        ));
    }
    if let Some(m) = c.max_walk_m {
        parts.push(format!(
            "{} {}",
            tx.walk_max.to_lowercase(),
            number(lang, m, 0)
        ));
    }
    if let Some(p) = c.max_moved_pupils {
        parts.push(format!(
            "{} {}",
            tx.moved_max.to_lowercase(),
            number(lang, p, 0)
        ));
    }
    if c.keep_contiguous {
        parts.push(tx.contiguous.to_lowercase());
    }
    parts.join(" ; ")
}
