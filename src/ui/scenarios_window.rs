//! "Scénarios et propositions": every scenario of the project in one sortable table (the
//! facilitator's and those sent back by parents), any two opened side by side in the
//! comparison, and proposals added from their files.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use egui::RichText;

use crate::i18n::{Lang, number};
use crate::publish::scenarios::{ScenarioColumn, ScenarioRow, sort_rows};

/// The window's state.
pub struct ScenariosWindow {
    sort: (ScenarioColumn, bool),
    /// The scenarios ticked for the comparison (document indices, at most two).
    picked: Vec<usize>,
    path: String,
    pick: Option<Receiver<Option<Vec<PathBuf>>>>,
    /// What the last reading of proposals said: a summary, and each refused file's reason.
    pub report: Option<(String, Vec<String>)>,
}

/// Where each scenario falls in a neutral ensemble of random maps ("what mixing costs").
pub struct EnsembleColumn {
    /// The index the ensemble compares.
    pub index_name: String,
    /// Maps drawn.
    pub maps: usize,
    /// For each scenario (by document index), the share of the maps less mixed (None: its
    /// index is unknown).
    pub shares: Vec<Option<f64>>,
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenariosAction {
    /// Closed.
    Close,
    /// Compare these two scenarios.
    Compare(usize, usize),
    /// Show this scenario on the map.
    Show(usize),
    /// Read these files as proposals.
    Add(Vec<PathBuf>),
}

impl Default for ScenariosWindow {
    fn default() -> Self {
        Self::new()
    }
}

impl ScenariosWindow {
    /// The window, sorted by separation, lowest (most mixed) first.
    pub fn new() -> Self {
        ScenariosWindow {
            sort: (ScenarioColumn::Separation, false),
            picked: Vec::new(),
            path: String::new(),
            pick: None,
            report: None,
        }
    }

    /// Shows the table of `rows` (with where each falls in an ensemble, when one was drawn);
    /// `reading` while proposals are being read; `minutes` turns metres into minutes on foot.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        (mut rows, ensemble): (Vec<ScenarioRow>, Option<&EnsembleColumn>),
        reading: bool,
        minutes: &dyn Fn(f64) -> f64,
    ) -> Option<ScenariosAction> {
        let w = crate::i18n::scenarios::scenarios_texts(lang);
        let mut open = true;
        let mut action = None;
        // the system's dialog answered
        if let Some(rx) = &self.pick
            && let Ok(answer) = rx.try_recv()
        {
            self.pick = None;
            if let Some(paths) = answer.filter(|p| !p.is_empty()) {
                action = Some(ScenariosAction::Add(paths));
            }
        }
        self.picked.retain(|i| rows.iter().any(|r| r.index == *i));
        sort_rows(&mut rows, self.sort.0, self.sort.1);
        egui::Window::new(w.title)
            .default_pos(crate::ui::window::below_bars(ctx))
            .open(&mut open)
            .collapsible(false)
            .default_width(980.0)
            .show(ctx, |ui| {
                ui.label(w.help);
                ui.add_space(6.0);
                if let Some(a) = self.table_ui(ui, lang, (&rows, ensemble), minutes) {
                    action = Some(a);
                }
                ui.add_space(6.0);
                let two = self.picked.len() == 2;
                let compare = ui
                    .add_enabled(two, egui::Button::new(RichText::new(w.compare).strong()))
                    .on_disabled_hover_text(w.compare_hint);
                if compare.clicked() {
                    action = Some(ScenariosAction::Compare(self.picked[0], self.picked[1]));
                }
                ui.separator();
                if let Some(a) = self.add_ui(ui, lang, reading) {
                    action = Some(a);
                }
            });
        if !open {
            return Some(ScenariosAction::Close);
        }
        action
    }

    /// The table: a click on a heading sorts by it (again: the other way).
    fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        (rows, ensemble): (&[ScenarioRow], Option<&EnsembleColumn>),
        minutes: &dyn Fn(f64) -> f64,
    ) -> Option<ScenariosAction> {
        let w = crate::i18n::scenarios::scenarios_texts(lang);
        let ensemble_head = ensemble.map(|e| (w.col_ensemble)(&e.index_name, e.maps));
        let mut action = None;
        let heads = [
            (None, w.col_compare),
            (Some(ScenarioColumn::Name), w.col_name),
            (None, w.col_author),
            (Some(ScenarioColumn::Separation), w.col_separation),
            (Some(ScenarioColumn::Spread), w.col_spread),
            (Some(ScenarioColumn::Moved), w.col_moved),
            (Some(ScenarioColumn::Walk), w.col_walk),
            (Some(ScenarioColumn::Over), w.col_over),
        ];
        let fmt = |v: Option<f64>, d: usize| {
            v.map_or_else(|| w.unknown.to_string(), |x| number(lang, x, d))
        };
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                egui::Grid::new("scenarios_table")
                    .striped(true)
                    .spacing([14.0, 6.0])
                    .show(ui, |ui| {
                        for (column, head) in heads {
                            match column {
                                Some(c) => {
                                    let arrow = match self.sort {
                                        (s, false) if s == c => " ▲",
                                        (s, true) if s == c => " ▼",
                                        _ => "",
                                    };
                                    let b =
                                        ui.button(RichText::new(format!("{head}{arrow}")).strong());
                                    let b = if c == ScenarioColumn::Separation {
                                        b.on_hover_text(w.separation_hint)
                                    } else {
                                        b
                                    };
                                    if b.clicked() {
                                        self.sort = (c, self.sort.0 == c && !self.sort.1);
                                    }
                                }
                                None => {
                                    ui.label(RichText::new(head).strong());
                                }
                            }
                        }
                        if let Some(head) = &ensemble_head {
                            ui.label(RichText::new(head).strong())
                                .on_hover_text(w.ensemble_hint);
                        }
                        ui.end_row();
                        for r in rows {
                            let mut ticked = self.picked.contains(&r.index);
                            if ui.checkbox(&mut ticked, "").changed() {
                                if ticked {
                                    self.picked.push(r.index);
                                    if self.picked.len() > 2 {
                                        self.picked.remove(0);
                                    }
                                } else {
                                    self.picked.retain(|i| *i != r.index);
                                }
                            }
                            if ui.link(&r.name).on_hover_text(w.show_hint).clicked() {
                                action = Some(ScenariosAction::Show(r.index));
                            }
                            ui.label(&r.author);
                            ui.label(fmt(r.separation, 1));
                            ui.label(fmt(r.ips_spread, 1));
                            ui.label(
                                r.pupils_moved
                                    .map_or_else(|| w.hidden.to_string(), |p| number(lang, p, 0)),
                            );
                            ui.label(r.walk_mean_m.map_or_else(
                                || w.unknown.to_string(),
                                |m| (w.minutes)(&number(lang, minutes(m), 0)),
                            ));
                            ui.label(r.over_capacity.to_string());
                            if let Some(e) = ensemble {
                                ui.label(match e.shares.get(r.index).copied().flatten() {
                                    Some(share) => {
                                        format!(
                                            "{}{}",
                                            number(lang, share * 100.0, 0),
                                            crate::i18n::percent_sign(lang)
                                        )
                                    }
                                    None => w.unknown.to_string(),
                                });
                            }
                            ui.end_row();
                        }
                    });
            });
        action
    }

    /// Adding proposals: the system's dialog, or paths typed (Enter adds them).
    fn add_ui(&mut self, ui: &mut egui::Ui, lang: Lang, reading: bool) -> Option<ScenariosAction> {
        let w = crate::i18n::scenarios::scenarios_texts(lang);
        let mut action = None;
        ui.add_enabled_ui(!reading && self.pick.is_none(), |ui| {
            if ui.button(w.add).clicked() {
                let filter = (
                    "Carte Mixité",
                    &[crate::io::project::PROJECT_EXTENSION, "json"][..],
                );
                self.pick = Some(super::file_dialog::pick_files_in_background(
                    ui.ctx(),
                    filter,
                ));
            }
            ui.horizontal(|ui| {
                let label = ui.label(w.path_label);
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.path)
                            .hint_text(w.path_hint)
                            .desired_width(420.0),
                    )
                    .labelled_by(label.id);
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let paths: Vec<PathBuf> = self
                    .path
                    .split(';')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(PathBuf::from)
                    .collect();
                let clicked = ui
                    .add_enabled(!paths.is_empty(), egui::Button::new(w.add_typed))
                    .clicked();
                if (clicked || enter) && !paths.is_empty() {
                    action = Some(ScenariosAction::Add(paths));
                    self.path.clear();
                }
            });
        });
        if reading {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(w.reading);
            });
        }
        if let Some((summary, refused)) = &self.report {
            ui.label(RichText::new(summary).strong());
            if !refused.is_empty() {
                ui.label((w.refused)(refused.len()));
                for r in refused {
                    ui.label(
                        RichText::new(format!("• {r}")).color(egui::Color32::from_rgb(150, 40, 20)),
                    );
                }
            }
        }
        action
    }
}
