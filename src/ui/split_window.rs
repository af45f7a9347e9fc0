//! The split window: one block's pupils shared between collèges by percentages (cohort
//! quotas). The core checks the shares; the map stripes the block in its second collège's
//! colour and every indicator counts each share.

use egui::RichText;

use crate::i18n::{Lang, number, texts};
use crate::model::{Assignment, CollegeId, Scenario, Sector, Territory, UnitId};

/// What the window asks of the editor.
pub enum SplitAction {
    /// The window was closed.
    Close,
    /// Give the block these shares (0-1).
    Apply(UnitId, Assignment),
}

/// The window's state: the block and its rows (collège, percentage).
pub struct SplitWindow {
    /// The block.
    pub unit: UnitId,
    rows: Vec<(CollegeId, f64)>,
}

impl SplitWindow {
    /// A window starting from the block's assignment.
    pub fn new(unit: UnitId, s: &Scenario) -> Self {
        let rows = s
            .assignment(unit)
            .shares()
            .map(|(c, share)| (c, share * 100.0))
            .collect();
        SplitWindow { unit, rows }
    }

    /// Sets the rows (for tests): collège and percentage.
    pub fn set_rows(&mut self, rows: Vec<(CollegeId, f64)>) {
        self.rows = rows;
    }

    /// Shows the window.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        t: &Territory,
        s: &Scenario,
    ) -> Option<SplitAction> {
        let tx = texts(lang);
        let mut open = true;
        let mut action = None;
        let unit = t.unit(self.unit);
        egui::Window::new(format!("{} — {}", tx.split_title, unit.name))
            .default_pos(crate::ui::window::below_bars(ctx))
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label(tx.split_help);
                let mut remove = None;
                for (i, (c, pct)) in self.rows.iter_mut().enumerate() {
                    ui.horizontal(|ui| {
                        egui::ComboBox::new(("split_college", i), "")
                            .selected_text(&t.college(*c).name)
                            .show_ui(ui, |ui| {
                                for k in t.college_ids() {
                                    if t.college(k).sector == Sector::Public && s.is_college_open(k)
                                    {
                                        ui.selectable_value(c, k, &t.college(k).name);
                                    }
                                }
                            });
                        ui.add(crate::ui::fields::number_field(
                            egui::DragValue::new(pct).range(0.0..=100.0).suffix(" %"),
                            lang,
                            0,
                        ));
                        if ui.small_button("✖").clicked() {
                            remove = Some(i);
                        }
                    });
                }
                if let Some(i) = remove {
                    self.rows.remove(i);
                }
                if ui.button(tx.split_add).clicked() {
                    let used: Vec<CollegeId> = self.rows.iter().map(|r| r.0).collect();
                    if let Some(k) = t.college_ids().find(|&k| {
                        t.college(k).sector == Sector::Public
                            && s.is_college_open(k)
                            && !used.contains(&k)
                    }) {
                        self.rows.push((k, 0.0));
                    }
                }
                let sum: f64 = self.rows.iter().map(|r| r.1).sum();
                let ok = (sum - 100.0).abs() < 0.05;
                ui.label(
                    RichText::new(crate::i18n::labelled(
                        lang,
                        tx.split_total,
                        &crate::i18n::percent_tight(lang, &number(lang, sum, 1)),
                    ))
                    .strong()
                    .color(if ok {
                        ui.visuals().text_color()
                    } else {
                        egui::Color32::from_rgb(170, 30, 30)
                    }),
                );
                if !ok {
                    ui.label(tx.split_must_sum);
                }
                if ui
                    .add_enabled(
                        ok,
                        egui::Button::new(RichText::new(tx.split_apply).strong()),
                    )
                    .clicked()
                {
                    let shares: Vec<(CollegeId, f64)> = self
                        .rows
                        .iter()
                        .filter(|r| r.1 > 0.0)
                        .map(|&(c, p)| (c, p / sum))
                        .collect();
                    action = Some(SplitAction::Apply(self.unit, Assignment::Shares(shares)));
                }
            });
        if !open {
            return Some(SplitAction::Close);
        }
        action
    }
}
