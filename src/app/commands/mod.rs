//! The one path of every change: what the user asks for, from any window or tool, arrives here
//! as a [`UiCommand`] and is turned into edits of the document. No other code of the window
//! calls the document's mutators; the map redraws what the document reports changed, and the
//! status line's message belongs to the step that said it.

mod edits;
mod levers;

use super::Editor;
use super::status::Mark;
use super::view::Meeting;
use crate::i18n::{Lang, texts};
use crate::model::{CollegeId, DocumentError, Edit, UnitId};
use crate::ui::coloring::Coloring;

/// What a click or a drag on the map does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Click a block to give it to the selected collège.
    Click,
    /// Drag over blocks to paint them; one stroke is one undo step.
    Brush,
    /// Drag a rectangle: its blocks go to the selected collège.
    Rectangle,
    /// Draw a free outline: its blocks go to the selected collège.
    Lasso,
    /// Click a block to select its collège.
    Eyedropper,
    /// Click a block to lock or unlock it.
    Lock,
    /// Click a block to share its pupils between collèges by percentages.
    Split,
    /// Click a block to place a new collège there.
    NewCollege,
    /// Click a block to rebuild this collège there.
    MoveCollege(CollegeId),
}

/// How the collège cards are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// The territory's order.
    Map,
    /// By name.
    Name,
    /// Fullest first.
    CapacityUse,
    /// Highest IPS first.
    Ips,
    /// Most boursiers first.
    Boursiers,
    /// Longest mean walk first.
    Walk,
}

/// Everything the user can ask for, from any window or tool: run once, at the end of the frame,
/// by [`Editor::run`], the one place that changes the document.
#[must_use]
#[derive(Debug)]
pub enum UiCommand {
    /// Give a unit to the selected collège.
    AssignToSelected(UnitId),
    /// Give the blocks inside an outline (lon/lat) to the selected collège.
    AssignArea(Vec<geo::Point<f64>>),
    /// A brush stroke starts.
    BeginStroke,
    /// Units under the brush.
    Paint(Vec<UnitId>),
    /// The brush stroke ends.
    EndStroke,
    /// Pick a collège for the tools.
    Select(CollegeId),
    /// Select the collège of a unit.
    Eyedrop(UnitId),
    /// Lock or unlock a unit.
    ToggleUnitLock(UnitId),
    /// Lock or unlock a collège.
    ToggleCollegeLock(CollegeId),
    /// Change tool.
    SetTool(Tool),
    /// Change the map's fill.
    SetColoring(Coloring),
    /// Change the order of the cards.
    SetSort(SortKey),
    /// Undo the last step.
    Undo,
    /// Redo.
    Redo,
    /// Copy the active scenario.
    NewScenario,
    /// Show another scenario.
    Switch(usize),
    /// Rename the active scenario.
    Rename(String),
    /// Give every unit back its baseline collège.
    ResetToBaseline,
    /// Change the language.
    SetLang(Lang),
    /// Bring back the scenarios of the previous session's autosave.
    Recover,
    /// Start afresh, ignoring the autosave (it is replaced by this session's work).
    DismissRecovery,
    /// Ask where to save the project.
    OpenSaveDialog,
    /// Ask which project to open.
    OpenOpenDialog,
    /// Open the import assistant.
    OpenImportDialog,
    /// Open the walking settings and street file window.
    OpenWalkWindow,
    /// Enter or leave meeting mode.
    ToggleMeeting,
    /// In meeting mode, show the baseline (true) or the scenario (false).
    ShowBefore(bool),
    /// In meeting mode, what the pupils' icons show.
    SetIcons(crate::ui::meeting::IconsBy),
    /// Open the window of documents for the public (handout, map, chart, table).
    OpenPublish,
    /// Open the comparison of two scenarios.
    OpenCompare,
    /// Open the assistant that proposes a sectorisation.
    OpenAssistant,
    /// Open the shared-sectors window.
    OpenShared,
    /// Open the window that shares a block between collèges.
    OpenSplit(UnitId),
    /// Open the new-collège window for this block.
    PlaceCollege(UnitId),
    /// Rebuild a collège on this block.
    MoveCollege(CollegeId, UnitId),
    /// Open the merger window for this collège.
    OpenMerge(CollegeId),
    /// Relieve an overfull collège by a chain of border moves.
    Dominos(CollegeId),
    /// Change the avoidance model's parameters.
    SetAvoidance(crate::metrics::avoidance::AvoidanceModel),
    /// Close a collège in the scenario; its blocks go to the nearest open collège.
    CloseCollege(CollegeId),
    /// Apply an edit as it is (reopen a collège, accept a sector in pieces, share a block).
    Apply(Edit),
    /// Open a new collège on a block, with its name and places.
    NewCollege {
        /// The block where it stands.
        at: UnitId,
        /// Its name.
        name: String,
        /// Its places.
        capacity: f64,
    },
    /// Merge two collèges (the first keeps its place).
    Merge(CollegeId, CollegeId),
    /// Merge the sectors of these collèges into one shared sector under this rule.
    CreateShared(Vec<CollegeId>, crate::model::shared::Rule),
    /// Make a new scenario of the assistant's proposal (the moves kept).
    AcceptProposal(Box<Proposal>),
    /// Change the indicators' settings (walking speed, threshold, detour).
    SetConfig(Box<crate::metrics::MetricsConfig>),
    /// Name the author of a scenario (on the documents for the public).
    SetAuthor(usize, String),
    /// Read a street file and route the walks along it, in the background.
    LoadStreets(std::path::PathBuf),
    /// Write the project there, in the background.
    SaveTo(std::path::PathBuf),
    /// Open this project in place of the current work (loaded in the background).
    OpenProject(std::path::PathBuf),
    /// Open a territory just imported in place of the current work.
    UseImported(Box<(crate::model::Territory, crate::model::Scenario)>),
    /// Open the window that builds a département from the national files.
    OpenDepartement,
    /// Open the "À propos" window.
    OpenAbout,
}

/// The assistant's proposal as the user accepted it.
#[derive(Debug)]
pub struct Proposal {
    /// The scenario the search started from.
    pub start_index: usize,
    /// The moves kept.
    pub moves: Vec<crate::assistant::Move>,
    /// The index it lowered.
    pub target: crate::assistant::Target,
    /// The limits it kept.
    pub constraints: crate::assistant::Constraints,
}

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
            UiCommand::ToggleMeeting => {
                view.meeting = match view.meeting {
                    Some(_) => None,
                    None => Some(Meeting {
                        // a room first sees the proposal being discussed
                        before: false,
                        icons_by: crate::ui::meeting::IconsBy::Group,
                    }),
                };
                // the map's area changes: fit the territory again
                view.homed_for = None;
            }
            UiCommand::ShowBefore(b) => {
                if let Some(m) = &mut view.meeting {
                    m.before = b;
                }
            }
            UiCommand::SetIcons(by) => {
                if let Some(m) = &mut view.meeting {
                    m.icons_by = by;
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
            UiCommand::OpenAbout => w.about = Some(Default::default()),
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
                    self.jobs.saving = Some(self.session.save_in_background(&ctx, &self.doc, path));
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
                self.session.recovered = None;
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
