//! Edits of the levers: closing, opening, rebuilding and merging collèges, dominos, shared
//! sectors, and the assistant's proposal made into a scenario.

use super::super::Editor;
use super::super::intent::{KeptMap, Proposal, UiCommand};
use super::super::view::Tool;
use crate::i18n::{Lang, assistant_texts, number, texts};
use crate::model::{Assignment, CollegeId, DocumentError, Edit, UnitId};

impl Editor {
    /// The commands that pull a lever.
    pub(super) fn lever_command(
        &mut self,
        command: UiCommand,
        lang: Lang,
    ) -> Result<(), DocumentError> {
        match command {
            UiCommand::CloseCollege(c) => self.close_college(c, lang),
            UiCommand::Dominos(c) => self.dominos(c, lang),
            UiCommand::MoveCollege(c, u) => self.move_college_to(lang, c, u),
            UiCommand::NewCollege { at, name, capacity } => {
                self.ensure_editable(lang);
                let loc = self.doc.territory().unit(at).anchor;
                let id = crate::model::levers::open_new_college(
                    &mut self.doc,
                    name.trim(),
                    loc,
                    Some(capacity),
                )?;
                self.college_added(id);
                self.status.say((texts(lang).college_opened)(name.trim()));
                Ok(())
            }
            UiCommand::Merge(a, b) => {
                self.ensure_editable(lang);
                let t = self.doc.territory().clone();
                let text = (texts(lang).merged)(&t.college(a).name, &t.college(b).name);
                let id = crate::model::levers::merge_colleges(&mut self.doc, a, b)?;
                self.college_added(id);
                self.status.say(text);
                Ok(())
            }
            UiCommand::CreateShared(colleges, rule) => self.create_shared(colleges, rule, lang),
            UiCommand::KeepFrontierMap(k) => {
                self.keep_frontier_map(lang, &k);
                Ok(())
            }
            UiCommand::AcceptProposal(p) => {
                self.accept_proposal(lang, &p);
                Ok(())
            }
            // every other command was handled before it reached the levers
            _ => Ok(()),
        }
    }

    /// After a collège was added to the territory: map, colours, labels, walks.
    pub(in crate::app) fn territory_changed(&mut self) {
        self.view.territory_changed(&self.doc);
        self.route_new_colleges();
    }

    /// A new, rebuilt or merged collège was added: it is selected, and the window that asked
    /// for it closes.
    fn college_added(&mut self, id: CollegeId) {
        self.territory_changed();
        self.view.selected = Some(id);
        self.windows.college = None;
    }

    /// Closes a collège in the scenario: its blocks go to the nearest open collège on foot.
    fn close_college(&mut self, c: CollegeId, lang: Lang) -> Result<(), DocumentError> {
        self.ensure_editable(lang);
        let active = self.doc.active();
        let plan = crate::model::levers::close_college(
            self.doc.territory(),
            &active.scenario,
            &active.metrics,
            c,
        );
        let t = self.doc.territory().clone();
        let units: usize =
            plan.destinations.iter().map(|d| d.1).sum::<usize>() + plan.stranded.len();
        let pupils: f64 = plan.destinations.iter().map(|d| d.2).sum();
        let to = plan
            .destinations
            .iter()
            .map(|(k, n, _)| format!("{} {n}", t.college(*k).short_name))
            .collect::<Vec<_>>()
            .join(", ");
        let r = self.doc.apply_step(plan.edits);
        if r.is_ok() {
            if self.view.selected == Some(c) {
                self.view.selected = None;
            }
            self.status.say((texts(lang).closure_done)(
                &t.college(c).name,
                units,
                pupils,
                &to,
                plan.stranded.len(),
            ));
        }
        r
    }

    /// Relieves an overfull collège by a chain of border moves.
    fn dominos(&mut self, c: CollegeId, lang: Lang) -> Result<(), DocumentError> {
        let t = self.doc.territory().clone();
        let active = self.doc.active();
        let chain = crate::assistant::dominos::dominos(
            &t,
            &active.scenario,
            &active.metrics,
            c,
            1.0,
            1000.0,
            6,
        );
        let tx = texts(lang);
        match chain {
            None => {
                self.status.say((tx.dominos_none)(&t.college(c).name));
                Ok(())
            }
            Some(chain) => {
                self.ensure_editable(lang);
                let path: Vec<String> = std::iter::once(c)
                    .chain(chain.iter().map(|mv| mv.to))
                    .map(|k| t.college(k).short_name.clone())
                    .collect();
                let pupils: f64 = chain.iter().map(|mv| mv.pupils).sum();
                let edit = Edit::Assign(chain.iter().flat_map(|mv| mv.assignments()).collect());
                let r = self.doc.apply(edit);
                if r.is_ok() {
                    self.status.say((tx.dominos_done)(
                        &path.join(" → "),
                        chain.len(),
                        &crate::i18n::number(lang, pupils, 0),
                    ));
                }
                r
            }
        }
    }

    /// Rebuilds `college` on block `at`.
    fn move_college_to(
        &mut self,
        lang: Lang,
        college: CollegeId,
        at: UnitId,
    ) -> Result<(), DocumentError> {
        self.ensure_editable(lang);
        let tx = texts(lang);
        let location = self.doc.territory().unit(at).anchor;
        let id = crate::model::levers::move_college(&mut self.doc, college, location, tx.rebuilt)?;
        self.college_added(id);
        self.view.tool = Tool::Click;
        let t = self.doc.territory();
        self.status.say((tx.college_moved)(
            &t.college(college).name,
            &t.unit(at).name,
        ));
        Ok(())
    }

    /// Merges the sectors of these collèges into one shared sector.
    fn create_shared(
        &mut self,
        colleges: Vec<CollegeId>,
        rule: crate::model::shared::Rule,
        lang: Lang,
    ) -> Result<(), DocumentError> {
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
        self.doc.apply_step(plan.edits)?;
        self.status
            .say((crate::i18n::shared_texts(lang).created)(&name, units));
        Ok(())
    }

    /// Makes a new scenario from `start_index` with the moves kept, as one undoable step. Moves
    /// whose block no longer goes where the search found it are skipped, and said so.
    /// A new scenario of a map of the frontier, drawn from the current map, with notes that say
    /// where it comes from and the limits it kept.
    fn keep_frontier_map(&mut self, lang: Lang, k: &KeptMap) {
        let w = crate::i18n::frontier::frontier_texts(lang);
        if self.doc.switch_to(0).is_err() {
            return;
        }
        let base = &self.doc.baseline().scenario;
        let changes: Vec<(UnitId, Assignment)> = self
            .doc
            .territory()
            .unit_ids()
            .filter(|&u| base.assignment(u) != k.scenario.assignment(u))
            .map(|u| (u, k.scenario.assignment(u).clone()))
            .collect();
        if changes.is_empty() {
            self.status.say(w.empty.to_string());
            return;
        }
        let moved = number(lang, k.moved, 0);
        let name = (w.kept_name)(&moved);
        let index = self.doc.new_scenario_from_active(name.clone());
        let notes = (w.notes)(
            &crate::i18n::frontier::index_name(lang, k.target, self.doc.territory()),
            &moved,
            &crate::i18n::frontier::limits_text(lang, &k.constraints),
        );
        let _ = self.doc.set_notes(index, notes);
        let blocks = changes.len();
        match self.doc.apply(Edit::Assign(changes)) {
            Ok(()) => self.status.say((w.kept)(&name, blocks)),
            Err(e) => self.status.say(crate::i18n::document_error(lang, &e)),
        }
    }

    fn accept_proposal(&mut self, lang: Lang, p: &Proposal) {
        let (start_index, moves, target, constraints) =
            (p.start_index, &p.moves, p.target, &p.constraints);
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
        let start = self.doc.active().scenario.clone();
        let n = self.doc.scenarios().len();
        let name = format!("{} {n}", tx.scenario_name);
        let index = self.doc.new_scenario_from_active(name.clone());
        let notes = (tx.notes)(
            &crate::i18n::frontier::index_name(lang, target, self.doc.territory()),
            &crate::i18n::frontier::limits_text(lang, constraints),
        );
        let _ = self.doc.set_notes(index, notes.clone());
        let edit = Edit::Assign(fresh.iter().flat_map(|m| m.assignments()).collect());
        match self.doc.apply(edit) {
            Ok(()) => {
                // the limits the notes state, checked against what was kept: a part of a
                // proposal may break them, and the notes (printed on the handout) say so
                let t = self.doc.territory();
                let checked = crate::assistant::check::check(
                    t,
                    self.doc.config(),
                    (&self.doc.baseline().scenario, &start),
                    &self.doc.active().scenario,
                    target,
                    constraints,
                );
                if !checked.breaches.is_empty() {
                    let list: Vec<String> = checked
                        .breaches
                        .iter()
                        .map(|b| crate::i18n::breach_text(lang, t, b))
                        .collect();
                    let notes = format!("{notes} {}", (tx.notes_breaches)(&list.join(" · ")));
                    let _ = self.doc.set_notes(index, notes);
                }
                let blocks = fresh.iter().map(|m| m.units.len()).sum();
                self.status.say((tx.accepted)(&name, blocks, stale.len()));
            }
            Err(e) => self.status.say(crate::i18n::document_error(lang, &e)),
        }
    }
}
