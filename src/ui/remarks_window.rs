//! "Remarques de la salle": the facilitator pins what the room says to a block, the collège
//! picked or the scenario, with who said it; freezes the figures for the minutes; writes the
//! meeting record.

use std::path::PathBuf;

use egui::RichText;

use crate::i18n::Lang;
use crate::model::{CollegeId, Territory, UnitId};
use crate::publish::record::{MeetingRecord, Remark, RemarkTarget};

/// The window's state: the remark being written and what it is about.
pub struct RemarksWindow {
    text: String,
    who: String,
    /// What the next remark is about.
    pub target: RemarkTarget,
    path: String,
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum RemarksAction {
    /// Closed.
    Close,
    /// Pin this remark.
    Pin(Remark),
    /// Remove the remark at this place of the list.
    Remove(usize),
    /// Freeze the figures of the scenario shown.
    Freeze,
    /// Write the record as CSV there.
    Write(PathBuf),
}

/// What the window is shown with.
pub struct RemarksContext<'a> {
    /// The territory (names of blocks and collèges).
    pub territory: &'a Territory,
    /// The record so far.
    pub record: &'a MeetingRecord,
    /// The collège picked, if any.
    pub selected: Option<CollegeId>,
    /// The scenario shown.
    pub scenario: &'a str,
}

impl RemarksWindow {
    /// A window for a remark on `unit` (from the remark tool), else on the scenario; the
    /// record is proposed beside `default_path`.
    pub fn new(unit: Option<UnitId>, default_path: String) -> Self {
        RemarksWindow {
            text: String::new(),
            who: String::new(),
            target: unit.map_or(RemarkTarget::Scenario, RemarkTarget::Unit),
            path: default_path,
        }
    }

    /// Shows the window.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        with: &RemarksContext<'_>,
    ) -> Option<RemarksAction> {
        let w = crate::i18n::scenarios::record_texts(lang);
        let t = with.territory;
        let mut open = true;
        let mut action = None;
        egui::Window::new(w.title)
            .default_pos(crate::ui::window::below_bars(ctx))
            .open(&mut open)
            .collapsible(false)
            .default_width(620.0)
            .show(ctx, |ui| {
                ui.label(w.help);
                ui.add_space(4.0);
                // what it is about
                ui.horizontal_wrapped(|ui| {
                    ui.radio_value(&mut self.target, RemarkTarget::Scenario, w.on_scenario);
                    if let Some(c) = with.selected {
                        let name = (w.on_college)(&t.college(c).name);
                        ui.radio_value(&mut self.target, RemarkTarget::College(c), name);
                    }
                    if let RemarkTarget::Unit(u) = self.target {
                        let name = (w.on_block)(&t.unit(u).name);
                        ui.radio_value(&mut self.target, RemarkTarget::Unit(u), name);
                    }
                });
                let label = ui.label(w.text_label);
                let text = ui
                    .add(
                        egui::TextEdit::multiline(&mut self.text)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                let _ = text;
                ui.horizontal(|ui| {
                    let label = ui.label(w.who_label);
                    ui.add(egui::TextEdit::singleline(&mut self.who).desired_width(300.0))
                        .labelled_by(label.id);
                });
                let ready = !self.text.trim().is_empty();
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(ready, egui::Button::new(RichText::new(w.pin).strong()))
                        .clicked()
                    {
                        action = Some(RemarksAction::Pin(Remark {
                            target: self.target,
                            scenario: with.scenario.to_string(),
                            text: self.text.trim().to_string(),
                            who: self.who.trim().to_string(),
                            at: crate::publish::record::now(),
                        }));
                        self.text.clear();
                    }
                    if ui.button(w.freeze).on_hover_text(w.freeze_hint).clicked() {
                        action = Some(RemarksAction::Freeze);
                    }
                });
                ui.separator();
                if let Some(a) = list_ui(ui, lang, with) {
                    action = Some(a);
                }
                ui.separator();
                ui.horizontal(|ui| {
                    let label = ui.label(w.export_label);
                    ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(360.0))
                        .labelled_by(label.id);
                    let path = self.path.trim();
                    if ui
                        .add_enabled(!path.is_empty(), egui::Button::new(w.export))
                        .clicked()
                    {
                        action = Some(RemarksAction::Write(PathBuf::from(path)));
                    }
                });
            });
        if !open {
            return Some(RemarksAction::Close);
        }
        action
    }
}

/// The remarks so far, newest first, each with what it is about and who said it.
fn list_ui(ui: &mut egui::Ui, lang: Lang, with: &RemarksContext<'_>) -> Option<RemarksAction> {
    let w = crate::i18n::scenarios::record_texts(lang);
    let t = with.territory;
    let mut action = None;
    let remarks = &with.record.remarks;
    ui.label(RichText::new((w.list_heading)(remarks.len())).strong());
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .show(ui, |ui| {
            for (k, r) in remarks.iter().enumerate().rev() {
                let about = match r.target {
                    RemarkTarget::Unit(u) => (w.about_block)(&t.unit(u).name),
                    RemarkTarget::College(c) => t.college(c).name.clone(),
                    RemarkTarget::Scenario => w.about_scenario.to_string(),
                };
                let time = r.at.get(11..16).unwrap_or(&r.at);
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("{time} · {} · {about}", r.scenario)).weak());
                    if !r.who.is_empty() {
                        ui.label(RichText::new(&r.who).italics());
                    }
                    ui.label(&r.text);
                    if ui.small_button(w.remove).clicked() {
                        action = Some(RemarksAction::Remove(k));
                    }
                });
            }
        });
    action
}
