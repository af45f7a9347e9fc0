//! The top bar: the territory, the scenarios, undo and redo, the windows, the language; and
//! the tool bar under it: tools, colourings, walking settings, background map.

use egui::{Color32, RichText};

use super::super::Editor;
use super::super::intent::UiCommand;
use super::super::view::Tool;
use super::super::view::scenario_name;
use crate::i18n::{Lang, texts};
use crate::ui::coloring::Coloring;

impl Editor {
    /// The first line: territory, scenario, history, windows, language.
    pub(super) fn top_bar_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let tx = texts(lang);
        let t = self.doc.territory().clone();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tx.app_title).size(22.0).strong());
            ui.label(RichText::new(&t.info.name).size(20.0));
            if t.info.fictional {
                ui.label(
                    RichText::new(tx.fictional_badge)
                        .strong()
                        .color(Color32::WHITE)
                        .background_color(Color32::from_rgb(150, 60, 20)),
                )
                .on_hover_text(tx.fictional_note);
            }
            ui.separator();
            let active = self.doc.active_index();
            egui::ComboBox::new("scenario", tx.scenario)
                // a fixed width: the bar keeps its layout whatever the scenario's name
                .width(190.0)
                .truncate()
                .selected_text(scenario_name(&self.doc, active, lang))
                .show_ui(ui, |ui| {
                    for i in 0..self.doc.scenarios().len() {
                        if ui
                            .selectable_label(i == active, scenario_name(&self.doc, i, lang))
                            .clicked()
                        {
                            commands.push(UiCommand::Switch(i));
                        }
                    }
                });
            // always present (disabled on the baseline): the bar keeps its size, so the
            // map never moves when the first edit creates a scenario
            let mut name = if active > 0 {
                self.doc.active().scenario.meta.name.clone()
            } else {
                String::new()
            };
            let r = ui.add_enabled(
                active > 0,
                egui::TextEdit::singleline(&mut name)
                    .desired_width(140.0)
                    .hint_text(tx.rename),
            );
            if r.changed() {
                commands.push(UiCommand::Rename(name));
            }
            if ui.button(format!("+ {}", tx.new_scenario)).clicked() {
                commands.push(UiCommand::NewScenario);
            }
            let h = &self.doc.active().history;
            if ui
                .add_enabled(
                    h.undo_len() > 0,
                    egui::Button::new(format!("↶ {}", tx.undo)),
                )
                .clicked()
            {
                commands.push(UiCommand::Undo);
            }
            if ui
                .add_enabled(
                    h.redo_len() > 0,
                    egui::Button::new(format!("↷ {}", tx.redo)),
                )
                .clicked()
            {
                commands.push(UiCommand::Redo);
            }
            if ui
                .add_enabled(
                    !self.doc.active_is_baseline(),
                    egui::Button::new(tx.reset_to_baseline),
                )
                .clicked()
            {
                commands.push(UiCommand::ResetToBaseline);
            }
            if ui.button(tx.open_project).clicked() {
                commands.push(UiCommand::OpenOpenDialog);
            }
            if ui.button(tx.import_button).clicked() {
                commands.push(UiCommand::OpenImportDialog);
            }
            if ui
                .button(RichText::new(tx.meeting_button).strong())
                .clicked()
            {
                commands.push(UiCommand::ToggleMeeting);
            }
            super::meeting::audience_button(ui, lang, self.view.audience.is_some(), 14.0, commands);
            // what the audience sees: the current map or the proposal
            if let Some(a) = &self.view.audience {
                if ui
                    .selectable_label(a.room.before, tx.meeting_before)
                    .clicked()
                {
                    commands.push(UiCommand::ShowBefore(true));
                }
                if ui
                    .selectable_label(!a.room.before, tx.audience_after)
                    .clicked()
                {
                    commands.push(UiCommand::ShowBefore(false));
                }
            }
            if ui.button(tx.publish_button).clicked() {
                commands.push(UiCommand::OpenPublish);
            }
            if ui.button(tx.compare_button).clicked() {
                commands.push(UiCommand::OpenCompare);
            }
            if ui
                .button(crate::i18n::scenarios::scenarios_texts(lang).title)
                .clicked()
            {
                commands.push(UiCommand::OpenScenarios);
            }
            if ui
                .button(crate::i18n::assistant_texts(lang).button)
                .clicked()
            {
                commands.push(UiCommand::OpenAssistant);
            }
            if ui.button(crate::i18n::shared_texts(lang).button).clicked() {
                commands.push(UiCommand::OpenShared);
            }
            let busy = self.jobs.saving.is_some();
            if ui
                .add_enabled(!busy, egui::Button::new(tx.save_project))
                .clicked()
            {
                commands.push(UiCommand::OpenSaveDialog);
            }
            for kind in crate::ui::window::WindowKind::ALL {
                if ui.button(kind.button(lang)).clicked() {
                    commands.push(UiCommand::Open(kind));
                }
            }
            ui.separator();
            for l in Lang::ALL {
                let name = l.code();
                if ui.selectable_label(lang == l, name).clicked() {
                    commands.push(UiCommand::SetLang(l));
                }
            }
        });
    }

    /// The second line: tools, colourings, walking settings, background map.
    pub(super) fn tool_bar_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let tx = texts(lang);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(crate::i18n::with_colon(lang, tx.tool)).strong());
            for (tool, name) in [
                (Tool::Click, tx.tool_click),
                (Tool::Brush, tx.tool_brush),
                (Tool::Rectangle, tx.tool_rect),
                (Tool::Lasso, tx.tool_lasso),
                (Tool::Eyedropper, tx.tool_pick),
                (Tool::Lock, tx.tool_lock),
                (Tool::Split, tx.tool_split),
                (Tool::NewCollege, tx.tool_new_college),
                (
                    Tool::Remark,
                    crate::i18n::scenarios::record_texts(lang).tool,
                ),
            ] {
                if ui.selectable_label(self.view.tool == tool, name).clicked() {
                    commands.push(UiCommand::SetTool(tool));
                }
            }
            if self.view.school_count > 0 {
                ui.toggle_value(&mut self.view.whole_schools, tx.whole_schools)
                    .on_hover_text((tx.whole_schools_hint)(self.view.school_count));
            }
            ui.separator();
            ui.label(RichText::new(crate::i18n::with_colon(lang, tx.coloring)).strong());
            for (c, name) in [
                (Coloring::College, tx.by_college),
                (Coloring::Ips, tx.by_ips),
                (Coloring::Boursiers, tx.by_boursiers),
                (Coloring::Walk, tx.by_walk),
                (Coloring::Reach, tx.by_reach),
            ] {
                if ui.selectable_label(self.view.coloring == c, name).clicked() {
                    commands.push(UiCommand::SetColoring(c));
                }
            }
            if ui
                .selectable_label(self.windows.walk.is_some(), tx.walk_settings)
                .clicked()
            {
                commands.push(UiCommand::OpenWalkWindow);
            }
            // label and choice stay together when the bar wraps
            if ui.max_rect().right() - ui.cursor().left() < 340.0 {
                ui.end_row();
            } else {
                ui.separator();
            }
            let basemap = ui
                .horizontal(|ui| self.view.basemap.controls_ui(ui, lang))
                .inner;
            if let Some(message) = basemap {
                self.status.say(message);
            }
        });
    }
}
