//! The one path of every change: what the user asks for, from any window or tool, arrives here
//! as a [`UiCommand`] and is turned into edits of the document. No other code of the window
//! calls the document's mutators; the map redraws what the document reports changed, and the
//! status line's message belongs to the step that said it.

mod edits;
mod levers;

use super::Editor;
use super::intent::UiCommand;
use super::status::Mark;
use crate::i18n::{Lang, texts};
use crate::model::{DocumentError, Edit};

impl Editor {
    /// Runs one command: the only way the window changes the document.
    pub fn run(&mut self, command: UiCommand, lang: &mut Lang) {
        let before = Mark::of(&self.doc);
        self.status.begin();
        let undo_or_redo = matches!(command, UiCommand::Undo | UiCommand::Redo);
        let result = match self.view_command(command, lang) {
            Ok(()) => Ok(()),
            Err(command) => match self.window_command(command, *lang) {
                Ok(()) => Ok(()),
                Err(command) => self.edit_command(command, *lang),
            },
        };
        if let Err(e) = result {
            self.status.say(crate::i18n::document_error(*lang, &e));
        }
        self.status.end(before, Mark::of(&self.doc), undo_or_redo);
    }

    /// Commands that change what is shown, never the document; the others are given back.
    fn view_command(&mut self, command: UiCommand, lang: &mut Lang) -> Result<(), UiCommand> {
        let view = &mut self.view;
        match command {
            UiCommand::Select(c) => view.selected = Some(c),
            UiCommand::Eyedrop(u) => {
                if let Some(c) = self.doc.active().scenario.assignment(u).main_college() {
                    view.selected = Some(c);
                }
            }
            UiCommand::SetTool(t) => view.tool = t,
            UiCommand::SetColoring(c) => view.coloring = c,
            UiCommand::SetSort(k) => view.sort = k,
            UiCommand::SetLang(l) => *lang = l,
            UiCommand::Recenter => view.homed_for = None,
            UiCommand::ToggleMeeting => {
                let room = view.room();
                view.meeting = match view.meeting {
                    Some(_) => None,
                    // a room first sees the proposal being discussed, or what the audience
                    // window already shows
                    None => Some(room),
                };
                // the map's area changes: fit the territory again
                view.homed_for = None;
            }
            UiCommand::ShowBefore(b) => {
                if let Some(m) = &mut view.meeting {
                    m.before = b;
                }
                if let Some(a) = &mut view.audience {
                    a.room.before = b;
                }
            }
            UiCommand::SetIcons(by) => {
                if let Some(m) = &mut view.meeting {
                    m.icons_by = by;
                }
                if let Some(a) = &mut view.audience {
                    a.room.icons_by = by;
                }
            }
            UiCommand::ToggleAudience(monitor) => {
                view.audience = match (&view.audience, monitor) {
                    (Some(_), None) => None,
                    _ => Some(super::view::Audience::new(view.room(), monitor)),
                };
            }
            UiCommand::AudienceFullscreen(on) => {
                if let Some(a) = &mut view.audience {
                    a.fullscreen = on;
                }
            }
            other => return Err(other),
        }
        Ok(())
    }

    /// Commands that open a window, start a background job or replace the work; the others
    /// are given back.
    fn window_command(&mut self, command: UiCommand, lang: Lang) -> Result<(), UiCommand> {
        let w = &mut self.windows;
        match command {
            UiCommand::OpenImportDialog => {
                w.import = Some(crate::ui::import_dialog::ImportDialog::new());
            }
            UiCommand::Open(kind) => {
                if !w.tools.iter().any(|(k, _)| *k == kind) {
                    w.tools.push((kind, kind.open()));
                }
            }
            UiCommand::OpenDepartement => {
                w.departement = Some(crate::ui::departement_dialog::DepartementDialog::new());
            }
            UiCommand::OpenPublish => {
                let author = self.doc.active().scenario.meta.author.clone();
                w.publish = Some(crate::ui::publish_window::PublishWindow::new(author));
            }
            UiCommand::OpenCompare => {
                // the current map against the scenario shown, or against the first proposal
                let b = match self.doc.active_index() {
                    0 => usize::from(self.doc.scenarios().len() > 1),
                    i => i,
                };
                w.compare = Some(crate::ui::publish_window::CompareWindow::new(0, b));
            }
            UiCommand::CompareThese(a, b) => {
                w.compare = Some(crate::ui::publish_window::CompareWindow::new(a, b));
            }
            UiCommand::OpenRemarks(unit) => {
                let name = format!("{}.csv", self.doc.territory().info.name);
                let path = self
                    .session
                    .default_save_path(&self.doc.territory().info.name);
                let path = std::path::Path::new(&path).with_file_name(name);
                if let Some(r) = &mut w.remarks {
                    if let Some(u) = unit {
                        r.target = crate::publish::record::RemarkTarget::Unit(u);
                    }
                } else {
                    w.remarks = Some(crate::ui::remarks_window::RemarksWindow::new(
                        unit,
                        path.display().to_string(),
                    ));
                }
            }
            UiCommand::PinRemark(r) => self.session.record.remarks.push(*r),
            UiCommand::RemoveRemark(k) => {
                if k < self.session.record.remarks.len() {
                    self.session.record.remarks.remove(k);
                }
            }
            UiCommand::FreezeFigures => {
                self.session.record.freeze(&self.doc);
                let name = &self.doc.active().scenario.meta.name;
                self.status
                    .say((crate::i18n::scenarios::record_texts(lang).frozen)(name));
            }
            UiCommand::WriteRecord(path) => self.write_record(path, lang),
            UiCommand::OpenScenarios => {
                w.scenarios = Some(crate::ui::scenarios_window::ScenariosWindow::new());
            }
            UiCommand::AddProposals(paths) => self.read_proposals(paths),
            UiCommand::AddressTyped(q) => self.address_query(q),
            UiCommand::AddressPick(i) => self.address_pick(i),
            UiCommand::AddressClear => self.address_clear(),
            UiCommand::AddressFile(p) => self.read_address_book(p),
            UiCommand::AddressPickFile => {
                if let Some(ctx) = self.jobs.ctx.clone() {
                    self.address.pick_book(&ctx);
                }
            }
            UiCommand::PlaceCollege(u) => {
                w.college = Some(super::windows::CollegeWindow::New {
                    at: u,
                    name: texts(lang).new_college_default.into(),
                    capacity: 600.0,
                });
            }
            UiCommand::OpenMerge(a) => {
                w.college = Some(super::windows::CollegeWindow::Merge { a, b: None });
            }
            UiCommand::OpenSplit(u) => {
                w.split = Some(crate::ui::split_window::SplitWindow::new(
                    u,
                    &self.doc.active().scenario,
                ));
            }
            UiCommand::OpenShared => {
                if w.shared.is_none() {
                    w.shared = Some(crate::ui::shared_window::SharedWindow::default());
                }
            }
            UiCommand::OpenAssistant => {
                if self.windows.assistant.is_none() {
                    let target = self.default_assistant_target();
                    let pupils = self
                        .doc
                        .territory()
                        .units()
                        .iter()
                        .filter_map(|u| u.population.pupils)
                        .sum();
                    let schools = self.view.school_count;
                    self.windows.assistant = Some(
                        crate::ui::assistant_window::AssistantWindow::new(target, pupils, schools),
                    );
                }
            }
            UiCommand::OpenWalkWindow => {
                w.walk = Some(crate::ui::walk::WalkWindow::default());
            }
            UiCommand::OpenOpenDialog => {
                w.open = Some(crate::ui::file_dialog::PathDialog::default());
            }
            UiCommand::OpenSaveDialog => {
                if self.jobs.saving.is_none() {
                    let path = self
                        .session
                        .default_save_path(&self.doc.territory().info.name);
                    w.save = Some(crate::ui::file_dialog::PathDialog::new(path));
                }
            }
            UiCommand::SaveTo(path) => {
                if let Some(ctx) = self.jobs.ctx.clone() {
                    self.jobs.saving =
                        Some(self.session.save_in_background(&ctx, &self.doc, path, lang));
                }
            }
            UiCommand::OpenProject(path) => {
                self.status
                    .say(format!("{} {}…", texts(lang).opening, path.display()));
                self.session.open_request = Some(path);
            }
            UiCommand::UseImported(parts) => self.session.imported = Some(parts),
            UiCommand::LoadStreets(path) => {
                self.status
                    .say(format!("{} {}", texts(lang).walk_reading, path.display()));
                self.jobs.walk = Some(crate::ui::walk::WalkJob::from_file(
                    self.doc.territory(),
                    path,
                    self.session.cache_dir.clone(),
                    lang,
                ));
            }
            other => return Err(other),
        }
        Ok(())
    }

    /// Commands that change the document: the tools, the scenarios, the levers.
    fn edit_command(&mut self, command: UiCommand, lang: Lang) -> Result<(), DocumentError> {
        match command {
            UiCommand::AssignToSelected(u) => self.assign_units(vec![u], lang),
            UiCommand::AssignArea(outline) => {
                let units = self.units_inside(&outline);
                self.doc.end_stroke();
                self.ensure_editable(lang);
                self.doc.begin_stroke();
                let r = self.assign_units(units, lang);
                self.doc.end_stroke();
                r
            }
            UiCommand::BeginStroke => {
                if self.view.selected.is_some() {
                    self.ensure_editable(lang);
                    self.doc.begin_stroke();
                }
                Ok(())
            }
            UiCommand::Paint(units) => self.paint(units, lang),
            UiCommand::EndStroke => {
                self.doc.end_stroke();
                Ok(())
            }
            UiCommand::ToggleUnitLock(u) => {
                let locked = self.doc.active().scenario.is_unit_locked(u);
                self.apply(Edit::LockUnits(vec![(u, !locked)]), lang)
            }
            UiCommand::ToggleCollegeLock(c) => {
                let locked = self.doc.active().scenario.is_college_locked(c);
                self.apply(Edit::LockColleges(vec![(c, !locked)]), lang)
            }
            UiCommand::Apply(edit) => self.apply(edit, lang),
            UiCommand::ShareBlock(u, a) => {
                self.apply(Edit::Assign(vec![(u, a)]), lang)?;
                self.windows.split = None;
                Ok(())
            }
            UiCommand::Undo => {
                self.doc.undo();
                Ok(())
            }
            UiCommand::Redo => {
                self.doc.redo();
                Ok(())
            }
            UiCommand::NewScenario => {
                let n = self.doc.scenarios().len();
                self.doc
                    .new_scenario_from_active(format!("{} {n}", texts(lang).new_scenario_name));
                Ok(())
            }
            UiCommand::Switch(i) => self.doc.switch_to(i),
            UiCommand::Rename(name) => match self.doc.active_index() {
                0 => Ok(()),
                i => self.doc.rename(i, name),
            },
            UiCommand::SetAuthor(i, author) => self.doc.set_author(i, author.trim()),
            UiCommand::ResetToBaseline => {
                if self.doc.active_is_baseline() {
                    Ok(())
                } else {
                    self.doc.reset_to_baseline()
                }
            }
            UiCommand::Recover => {
                self.recover();
                Ok(())
            }
            UiCommand::DismissRecovery => {
                if let Some(r) = self.session.recovered.take() {
                    self.autosave_after_answer(r.sources);
                }
                Ok(())
            }
            UiCommand::SetConfig(config) => {
                self.doc.set_config(*config);
                Ok(())
            }
            UiCommand::SetAvoidance(model) => {
                let mut config = self.doc.config().clone();
                config.avoidance = model;
                self.doc.set_config(config);
                // the range is recomputed with the new parameters
                self.view.forget_changes();
                Ok(())
            }
            other => self.lever_command(other, lang),
        }
    }
}
