//! The window that opens a new collège on a block or merges two collèges.

use super::super::Editor;
use super::super::intent::UiCommand;
use crate::i18n::{Lang, texts};
use crate::model::{CollegeId, UnitId};

/// The window that creates or merges collèges.
pub enum CollegeWindow {
    /// A new collège on a block.
    New {
        /// The block where it stands.
        at: UnitId,
        /// Its name.
        name: String,
        /// Its places.
        capacity: f64,
    },
    /// Merge a collège with another.
    Merge {
        /// The collège that keeps its place.
        a: CollegeId,
        /// The other.
        b: Option<CollegeId>,
    },
}

impl Editor {
    /// The collège window, for tests.
    pub fn college_window(&mut self) -> Option<&mut CollegeWindow> {
        self.windows.college.as_mut()
    }

    pub(super) fn college_window_ui(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let Some(mut w) = self.windows.college.take() else {
            return;
        };
        let tx = texts(lang);
        let t = self.doc.territory().clone();
        let mut open = true;
        let mut done = None;
        let title = match &w {
            CollegeWindow::New { .. } => tx.new_college_title,
            CollegeWindow::Merge { .. } => tx.merge_title,
        };
        egui::Window::new(title)
            .default_pos(crate::ui::window::below_bars(ctx))
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| match &mut w {
                CollegeWindow::New { at, name, capacity } => {
                    ui.label(format!("{} {}", tx.new_college_at, t.unit(*at).name));
                    ui.horizontal(|ui| {
                        ui.label(tx.new_college_name);
                        ui.text_edit_singleline(name);
                    });
                    ui.horizontal(|ui| {
                        ui.label(tx.new_college_capacity);
                        ui.add(crate::ui::fields::number_field(
                            egui::DragValue::new(capacity)
                                .range(50.0..=2000.0)
                                .speed(10.0),
                            lang,
                            0,
                        ));
                    });
                    ui.label(egui::RichText::new(tx.new_college_help).weak());
                    if ui
                        .add_enabled(
                            !name.trim().is_empty(),
                            egui::Button::new(tx.new_college_create),
                        )
                        .clicked()
                    {
                        done = Some(UiCommand::NewCollege {
                            at: *at,
                            name: name.trim().to_string(),
                            capacity: *capacity,
                        });
                    }
                }
                CollegeWindow::Merge { a, b } => {
                    ui.label(format!("{} {}", tx.merge_with, t.college(*a).name));
                    let s = &self.doc.active().scenario;
                    egui::ComboBox::new("merge_b", "")
                        .selected_text(b.map_or("—".to_string(), |c| t.college(c).name.clone()))
                        .show_ui(ui, |ui| {
                            for c in t.college_ids() {
                                if c != *a
                                    && t.college(c).sector == crate::model::Sector::Public
                                    && s.is_college_open(c)
                                {
                                    ui.selectable_value(b, Some(c), &t.college(c).name);
                                }
                            }
                        });
                    ui.label(egui::RichText::new(tx.merge_help).weak());
                    if let Some(other) = *b
                        && ui.button(tx.merge_do).clicked()
                    {
                        done = Some(UiCommand::Merge(*a, other));
                    }
                }
            });
        // the window stays until the change is made: a refusal is said with the window still there
        if let Some(command) = done {
            commands.push(command);
        }
        if open {
            self.windows.college = Some(w);
        }
    }
}
