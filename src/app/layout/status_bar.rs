//! The status bar (the tool's hint, a job's progress, the last change's message) and the
//! banner offering back the work of a session that crashed.

use egui::{Color32, RichText};

use super::super::Editor;
use super::super::intent::UiCommand;
use super::super::view::Tool;
use crate::i18n::{Lang, texts};

impl Editor {
    /// The status bar, at a fixed height: a message appearing never shifts the map.
    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let tx = texts(lang);
        let t = self.doc.territory().clone();
        // a fixed height: a message appearing must never shift the map under the pointer
        egui::Panel::bottom("status")
            .exact_size(30.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    let hint = match (self.view.tool, self.view.selected) {
                        (Tool::Eyedropper, _) => tx.tool_hint_pick.to_string(),
                        (Tool::Lock, _) => tx.tool_hint_lock.to_string(),
                        (Tool::Split, _) => tx.tool_hint_split.to_string(),
                        (Tool::NewCollege, _) => tx.tool_hint_new_college.to_string(),
                        (Tool::Remark, _) => {
                            crate::i18n::scenarios::record_texts(lang).help.to_string()
                        }
                        (Tool::MoveCollege(c), _) => (tx.tool_hint_move)(&t.college(c).name),
                        (_, None) => tx.pick_college_hint.to_string(),
                        (Tool::Brush, Some(c)) => {
                            format!("{} → {}", tx.tool_hint_brush, t.college(c).name)
                        }
                        (Tool::Rectangle | Tool::Lasso, Some(c)) => {
                            format!("{} → {}", tx.tool_hint_area, t.college(c).name)
                        }
                        (Tool::Click, Some(c)) if self.view.whole_schools => {
                            format!("{} {}", tx.assign_school_hint, t.college(c).name)
                        }
                        (Tool::Click, Some(c)) => {
                            format!("{} {}", tx.assign_hint, t.college(c).name)
                        }
                    };
                    if let Some(job) = &self.jobs.walk {
                        job.progress_ui(ui, lang);
                    }
                    ui.label(RichText::new(hint).size(16.0));
                    if let Some(n) = self.status.notice() {
                        ui.separator();
                        // a long message is cut to the bar: the whole of it shows under the pointer
                        ui.label(
                            RichText::new(n)
                                .color(Color32::from_rgb(150, 60, 20))
                                .strong(),
                        )
                        .on_hover_text(n);
                    }
                });
            });
    }

    /// The offer of a previous session's work, while unanswered.
    pub(super) fn recovery_banner_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let tx = texts(lang);
        if let Some(r) = &self.session.recovered {
            egui::Panel::top("recovery").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let when = r.saved_at.with_timezone(&chrono::Local);
                    let remarks = r
                        .record
                        .as_ref()
                        .and_then(|v| v.get("remarks"))
                        .and_then(|a| a.as_array())
                        .map_or(0, Vec::len);
                    let text = crate::i18n::tr(
                        lang,
                        "recovery-found",
                        &[
                            ("scenarios", r.scenarios.len().into()),
                            ("remarks", remarks.into()),
                            ("date", when.format("%d/%m/%Y %H:%M").to_string().into()),
                        ],
                    );
                    ui.label(RichText::new(text).strong().size(17.0));
                    if ui.button(RichText::new(tx.recover).strong()).clicked() {
                        commands.push(UiCommand::Recover);
                    }
                    if ui.button(tx.dismiss_recovery).clicked() {
                        commands.push(UiCommand::DismissRecovery);
                    }
                });
            });
        }
    }
}
