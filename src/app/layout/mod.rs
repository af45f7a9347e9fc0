//! The editor's frame: the windows first (their decisions are commands), the keyboard, then
//! either the meeting room or the editor's bars, side panel and map.

mod address;
mod cards;
mod hover_card;
mod map_view;
mod meeting;
mod status_bar;
pub mod style;
mod top_bar;

use super::Editor;
use super::intent::UiCommand;
use crate::i18n::Lang;

impl Editor {
    /// Draws the editor and collects commands (run by the caller once the frame is drawn).
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<UiCommand>) {
        self.windows_ui(ui.ctx(), lang, commands);
        self.view.refresh_pieces(&self.doc);
        shortcuts(ui, self.view.meeting.is_some(), commands);
        if self.view.meeting.is_some() {
            self.meeting_ui(ui, lang, commands);
        } else {
            self.editor_ui(ui, lang, commands);
        }
        // the projector's window, drawn after the editor's map (which takes the changed blocks)
        self.audience_ui(ui.ctx(), lang, commands);
    }

    /// The editor's bars, side panel and map.
    fn editor_ui(&mut self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<UiCommand>) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            self.top_bar_ui(ui, lang, commands);
            self.tool_bar_ui(ui, lang, commands);
        });
        self.status_bar_ui(ui, lang);
        self.recovery_banner_ui(ui, lang, commands);
        self.side_panel_ui(ui, lang, commands);
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_ui(ui, lang, commands));
    }
}

/// Undo, redo, save, recenter the map, meeting mode.
fn shortcuts(ui: &egui::Ui, meeting: bool, commands: &mut Vec<UiCommand>) {
    ui.input(|i| {
        let ctrl = i.modifiers.command;
        if ctrl && i.key_pressed(egui::Key::Z) {
            commands.push(if i.modifiers.shift {
                UiCommand::Redo
            } else {
                UiCommand::Undo
            });
        }
        if ctrl && i.key_pressed(egui::Key::Y) {
            commands.push(UiCommand::Redo);
        }
        if ctrl && i.key_pressed(egui::Key::S) {
            commands.push(UiCommand::OpenSaveDialog);
        }
        if i.key_pressed(egui::Key::Home) {
            commands.push(UiCommand::Recenter);
        }
        if i.key_pressed(egui::Key::F5) || (meeting && i.key_pressed(egui::Key::Escape)) {
            commands.push(UiCommand::ToggleMeeting);
        }
    });
}
