//! Every window of the editor. Each shows itself and hands what the user decided to the
//! commands as [`UiCommand`]s; none changes the document. A window that needs only the document
//! is a `ui::window::WindowKind` and lives in the list `tools`; one that needs more of the editor
//! is a field of [`Windows`] with a line in [`Editor::windows_ui`] and an `Open…` command.

mod college;
mod levers;
mod publish;
mod remarks;
mod scenarios;

pub use college::CollegeWindow;

use super::Editor;
use super::intent::UiCommand;
use crate::i18n::{Lang, texts};
use crate::ui::window::{ToolWindow, WindowContext, WindowKind};

/// The windows that are open (None: closed).
#[derive(Default)]
pub struct Windows {
    /// The walking settings and street file.
    pub(in crate::app) walk: Option<crate::ui::walk::WalkWindow>,
    /// The documents for the public.
    pub(in crate::app) publish: Option<crate::ui::publish_window::PublishWindow>,
    /// The comparison of two scenarios.
    pub(in crate::app) compare: Option<crate::ui::publish_window::CompareWindow>,
    /// The room's remarks and the meeting record.
    pub(in crate::app) remarks: Option<crate::ui::remarks_window::RemarksWindow>,
    /// Every scenario and proposal in one table.
    pub(in crate::app) scenarios: Option<crate::ui::scenarios_window::ScenariosWindow>,
    /// Sharing one block between collèges.
    pub(in crate::app) split: Option<crate::ui::split_window::SplitWindow>,
    /// A new collège, or a merger.
    pub(in crate::app) college: Option<CollegeWindow>,
    /// Shared sectors.
    pub(in crate::app) shared: Option<crate::ui::shared_window::SharedWindow>,
    /// The assistant.
    pub(in crate::app) assistant: Option<crate::ui::assistant_window::AssistantWindow>,
    /// What mixing costs: the frontier and the neutral ensemble.
    pub(in crate::app) frontier: Option<crate::ui::frontier_window::FrontierWindow>,
    /// "Save the project".
    pub(in crate::app) save: Option<crate::ui::file_dialog::PathDialog>,
    /// "Open a project".
    pub(in crate::app) open: Option<crate::ui::file_dialog::PathDialog>,
    /// The import assistant.
    pub(in crate::app) import: Option<crate::ui::import_dialog::ImportDialog>,
    /// The windows that need only the document (`ui::window`), with their kind.
    pub(in crate::app) tools: Vec<(WindowKind, Box<dyn ToolWindow>)>,
    /// A département from the national files.
    pub(in crate::app) departement: Option<crate::ui::departement_dialog::DepartementDialog>,
}

impl Windows {
    /// The map a window lends the main map: the frontier's chosen point, else the assistant's
    /// preview.
    pub(in crate::app) fn map_preview(&self) -> Option<&crate::ui::assistant_window::Preview> {
        let frontier = self.frontier.as_ref().and_then(|w| w.preview());
        frontier.or_else(|| self.assistant.as_ref().and_then(|w| w.preview()))
    }
}

impl Editor {
    /// Shows every open window; what the user decided comes back as commands.
    pub(super) fn windows_ui(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        self.college_window_ui(ctx, lang, commands);
        self.file_dialogs_ui(ctx, lang, commands);
        self.import_dialogs_ui(ctx, lang, commands);
        self.walk_window_ui(ctx, lang, commands);
        self.publish_ui(ctx, lang, commands);
        self.compare_ui(ctx, lang);
        self.scenarios_ui(ctx, lang, commands);
        self.remarks_ui(ctx, lang, commands);
        self.lever_windows_ui(ctx, lang, commands);
        if self.windows.tools.is_empty() {
            return;
        }
        // OpenStreetMap is credited when its tiles are shown or the territory's data name it
        let osm = |text: &str| text.contains("OpenStreetMap");
        let with = WindowContext {
            lang,
            doc: &self.doc,
            osm_used: self.view.basemap.attribution(lang).is_some_and(|a| osm(&a))
                || self.doc.territory().info.sources.iter().any(|s| osm(s)),
        };
        self.windows.tools.retain_mut(|(_, w)| w.show(ctx, &with));
    }

    /// The walking settings and street file window.
    fn walk_window_ui(&mut self, ctx: &egui::Context, lang: Lang, commands: &mut Vec<UiCommand>) {
        use crate::ui::walk::WalkAction;
        let Some(w) = &mut self.windows.walk else {
            return;
        };
        let action = w.show(
            ctx,
            lang,
            self.doc.territory(),
            self.doc.config(),
            self.session.street_m,
            self.jobs.walk.is_some(),
        );
        match action {
            None => {}
            Some(WalkAction::Close) => self.windows.walk = None,
            Some(WalkAction::Settings(c)) => commands.push(UiCommand::SetConfig(Box::new(c))),
            Some(WalkAction::LoadStreets(path)) => commands.push(UiCommand::LoadStreets(path)),
        }
    }

    /// The import assistant and the département window.
    fn import_dialogs_ui(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        use crate::ui::departement_dialog::DepartementAnswer;
        use crate::ui::import_dialog::ImportAnswer;
        if let Some(dialog) = &mut self.windows.import {
            match dialog.show(ctx, lang) {
                ImportAnswer::Open => {}
                ImportAnswer::Close => self.windows.import = None,
                ImportAnswer::Use(imported) => {
                    self.windows.import = None;
                    commands.push(UiCommand::UseImported(Box::new((
                        imported.territory,
                        imported.baseline,
                    ))));
                }
                ImportAnswer::Departement => {
                    self.windows.import = None;
                    commands.push(UiCommand::OpenDepartement);
                }
            }
        }
        if let Some(dialog) = &mut self.windows.departement {
            match dialog.show(ctx, lang) {
                DepartementAnswer::Open => {}
                DepartementAnswer::Close => self.windows.departement = None,
                DepartementAnswer::Use(parts) => {
                    self.windows.departement = None;
                    commands.push(UiCommand::UseImported(parts));
                }
            }
        }
    }

    /// The "open a project" and "save the project" dialogs.
    fn file_dialogs_ui(&mut self, ctx: &egui::Context, lang: Lang, commands: &mut Vec<UiCommand>) {
        use crate::ui::file_dialog::{DialogAnswer, DialogSpec};
        let tx = texts(lang);
        let filter = ("Carte Mixité", &[crate::io::project::PROJECT_EXTENSION][..]);
        if let Some(dialog) = &mut self.windows.open {
            let spec = DialogSpec {
                title: tx.open_title,
                help: tx.open_help,
                confirm: tx.open,
                filter,
                save: false,
            };
            match dialog.show(ctx, &spec, lang) {
                DialogAnswer::Waiting => {}
                DialogAnswer::Cancelled => self.windows.open = None,
                DialogAnswer::Chosen(path) => {
                    self.windows.open = None;
                    commands.push(UiCommand::OpenProject(path));
                }
            }
        }
        if let Some(dialog) = &mut self.windows.save {
            let spec = DialogSpec {
                title: tx.save_title,
                help: tx.save_help,
                confirm: tx.save_confirm,
                filter,
                save: true,
            };
            match dialog.show(ctx, &spec, lang) {
                DialogAnswer::Waiting => {}
                DialogAnswer::Cancelled => self.windows.save = None,
                DialogAnswer::Chosen(path) => {
                    self.windows.save = None;
                    commands.push(UiCommand::SaveTo(path));
                }
            }
        }
    }
}
