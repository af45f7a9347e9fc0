//! The import assistant: the same steps as `carte-mixite import`, in a window. Choose the files,
//! read their columns (suggested from the usual French open-data names, changeable), choose
//! where the baseline comes from, import in the background, read the validation report, open
//! the result in the editor.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use crate::i18n::{Lang, texts};
use crate::io::import::{
    BaselineSource, CollegeColumns, ImportError, ImportSpec, Imported, UnitColumns,
    suggest_college_columns, suggest_unit_columns,
};

/// Where the baseline comes from, as offered in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Baseline {
    #[default]
    Sectors,
    Column,
    Nearest,
}

/// The column names of the unit file, of the collège file and of the sector file (when given),
/// or why they could not be read.
type Columns = Result<(Vec<String>, Vec<String>, Option<Vec<String>>), String>;

/// The assistant's state.
#[derive(Default)]
pub struct ImportDialog {
    name: String,
    /// Paths: units, collèges, joined table, sectors.
    paths: [String; 4],
    baseline: Baseline,
    estimate_ips: bool,
    /// Columns of the unit and collège files, once read.
    fields: Option<(Vec<String>, Vec<String>)>,
    /// Columns of the sector file, once read, when one is given.
    sector_fields: Option<Vec<String>>,
    units: UnitColumns,
    colleges: CollegeColumns,
    /// The sector file's column holding each sector's collège.
    sector_uai: Option<String>,
    reading: Option<Receiver<Columns>>,
    browsing: Option<(usize, Receiver<Option<PathBuf>>)>,
    running: Option<Receiver<Result<Imported, String>>>,
    /// Why the last step failed, in words.
    outcome: Option<String>,
    /// What the last import produced, in words, and the territory.
    summary: Option<crate::i18n::ImportSummary>,
    result: Option<Imported>,
    /// The user's choices for sector names joined by likeness or not at all: (name, UAI).
    name_choices: Vec<(String, String)>,
}

/// What the assistant asks of the app.
pub enum ImportAnswer {
    /// Keep the window open.
    Open,
    /// Close it.
    Close,
    /// Open this territory in the editor.
    Use(Box<Imported>),
    /// Switch to the département assistant (the national files as published).
    Departement,
}

impl ImportDialog {
    /// A new assistant, with the usual choices.
    pub fn new() -> Self {
        ImportDialog {
            estimate_ips: true,
            ..Default::default()
        }
    }

    fn poll(&mut self, lang: Lang) {
        if let Some((i, rx)) = &self.browsing
            && let Ok(picked) = rx.try_recv()
        {
            if let Some(p) = picked {
                self.paths[*i] = p.display().to_string();
            }
            self.browsing = None;
        }
        if let Some(rx) = &self.reading
            && let Ok(result) = rx.try_recv()
        {
            self.reading = None;
            match result {
                Ok((u, c, s)) => {
                    self.units = suggest_unit_columns(&u);
                    self.colleges = suggest_college_columns(&c);
                    self.sector_uai = s.as_deref().and_then(|s| suggest_college_columns(s).uai);
                    self.fields = Some((u, c));
                    self.sector_fields = s;
                    self.outcome = None;
                }
                Err(e) => self.outcome = Some(e),
            }
        }
        if let Some(rx) = &self.running
            && let Ok(result) = rx.try_recv()
        {
            self.running = None;
            match result {
                Ok(imported) => {
                    self.summary = Some(crate::i18n::import_summary(&imported, lang));
                    self.outcome = None;
                    self.result = Some(imported);
                }
                Err(e) => self.outcome = Some(e),
            }
        }
    }

    fn spec(&self) -> ImportSpec {
        let path = |i: usize| {
            let p = self.paths[i].trim();
            (!p.is_empty()).then(|| PathBuf::from(p))
        };
        ImportSpec {
            name: self.name.trim().to_string(),
            units: path(0).unwrap_or_default(),
            unit_columns: self.units.clone(),
            colleges: path(1).unwrap_or_default(),
            college_columns: self.colleges.clone(),
            join: path(2),
            baseline: match (self.baseline, path(3)) {
                (Baseline::Sectors, Some(p)) => BaselineSource::Sectors {
                    path: p,
                    uai: self.sector_uai.clone(),
                },
                (Baseline::Column, _) => BaselineSource::Column,
                _ => BaselineSource::Nearest,
            },
            estimate_ips: self.estimate_ips,
            name_matches: None,
            name_choices: self.name_choices.clone(),
        }
    }

    /// Imports in the background with the current choices.
    fn start_import(&mut self, ctx: &egui::Context, lang: Lang) {
        let spec = self.spec();
        let (send, recv) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let result = crate::io::import::import(&spec).map_err(|e| match e {
                ImportError::Unusable(r)
                | ImportError::NoColumn { report: r, .. }
                | ImportError::Territory(_, r) => crate::i18n::report_text(&r, lang),
            });
            let _ = send.send(result);
            repaint.request_repaint();
        });
        self.running = Some(recv);
        self.result = None;
        self.summary = None;
    }

    /// The territory's name and its files, each with a "Browse" button.
    fn files_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let tx = texts(lang);
        egui::Grid::new("import-files")
            .num_columns(3)
            .show(ui, |ui| {
                let label = ui.label(tx.import_name);
                ui.add_sized([460.0, 24.0], egui::TextEdit::singleline(&mut self.name))
                    .labelled_by(label.id);
                ui.end_row();
                let names = [
                    tx.import_units,
                    tx.import_colleges,
                    tx.import_join,
                    tx.import_sectors,
                ];
                for (i, name) in names.iter().enumerate() {
                    let label = ui.label(*name);
                    ui.add(egui::TextEdit::singleline(&mut self.paths[i]).desired_width(420.0))
                        .labelled_by(label.id);
                    if ui
                        .add_enabled(self.browsing.is_none(), egui::Button::new(tx.browse))
                        .clicked()
                    {
                        self.browsing = Some((
                            i,
                            crate::ui::file_dialog::pick_in_background(ui.ctx(), None, false),
                        ));
                    }
                    ui.end_row();
                }
            });
    }

    /// Draws the window.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> ImportAnswer {
        self.poll(lang);
        let tx = texts(lang);
        let mut answer = ImportAnswer::Open;
        let busy = self.reading.is_some() || self.running.is_some();
        egui::Window::new(tx.import_title)
            .collapsible(false)
            .default_width(760.0)
            // the height follows the content: the report appears under the form
            .resizable([true, false])
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                if ui
                    .button(
                        egui::RichText::new(crate::i18n::departement::texts(lang).from_import)
                            .strong(),
                    )
                    .clicked()
                {
                    answer = ImportAnswer::Departement;
                }
                ui.label(tx.import_help);
                self.files_ui(ui, lang);
                let can_read = !self.paths[0].trim().is_empty() && !self.paths[1].trim().is_empty();
                if ui
                    .add_enabled(can_read && !busy, egui::Button::new(tx.import_read_columns))
                    .clicked()
                {
                    let (u, c) = (
                        PathBuf::from(self.paths[0].trim()),
                        PathBuf::from(self.paths[1].trim()),
                    );
                    let s = Some(self.paths[3].trim())
                        .filter(|p| !p.is_empty())
                        .map(PathBuf::from);
                    let (send, recv) = channel();
                    let repaint = ui.ctx().clone();
                    std::thread::spawn(move || {
                        let read = |p: &std::path::Path| {
                            let (layer, report) = crate::io::layer::read_layer(p);
                            layer
                                .map(|l| l.fields)
                                .ok_or_else(|| crate::i18n::report_text(&report, lang))
                        };
                        let sectors = s.as_deref().map(read).transpose();
                        let _ = send.send(read(&u).and_then(|u| Ok((u, read(&c)?, sectors?))));
                        repaint.request_repaint();
                    });
                    self.reading = Some(recv);
                }
                if let Some((ufields, cfields)) = &self.fields {
                    ui.separator();
                    ui.label(egui::RichText::new(tx.import_columns).strong());
                    columns_grid_ui(
                        ui,
                        lang,
                        (&mut self.units, ufields),
                        (&mut self.colleges, cfields),
                    );
                    if self.units.census_cs.is_some() {
                        ui.label(tx.import_census_found);
                    }
                    ui.horizontal(|ui| {
                        ui.label(egui::RichText::new(tx.import_baseline).strong());
                        ui.radio_value(&mut self.baseline, Baseline::Sectors, tx.import_by_sectors);
                        ui.radio_value(&mut self.baseline, Baseline::Column, tx.import_by_column);
                        ui.radio_value(&mut self.baseline, Baseline::Nearest, tx.import_by_nearest);
                    });
                    if self.baseline == Baseline::Sectors
                        && let Some(sfields) = &self.sector_fields
                    {
                        ui.horizontal(|ui| {
                            let l = ui.label(tx.import_sector_uai);
                            egui::ComboBox::from_id_salt("s-uai")
                                .selected_text(
                                    self.sector_uai
                                        .clone()
                                        .unwrap_or_else(|| tx.import_none.to_string()),
                                )
                                .show_ui(ui, |ui| {
                                    for f in sfields {
                                        ui.selectable_value(
                                            &mut self.sector_uai,
                                            Some(f.clone()),
                                            f,
                                        );
                                    }
                                })
                                .response
                                .labelled_by(l.id);
                        });
                    }
                    ui.checkbox(&mut self.estimate_ips, tx.import_estimate_ips);
                    let ready = !self.name.trim().is_empty()
                        && (self.baseline != Baseline::Sectors || !self.paths[3].trim().is_empty());
                    if ui
                        .add_enabled(ready && !busy, egui::Button::new(tx.import_run))
                        .clicked()
                    {
                        self.start_import(ui.ctx(), lang);
                    }
                }
                if busy {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tx.import_working);
                    });
                }
                ui.horizontal(|ui| {
                    if self.result.is_some()
                        && ui.button(tx.import_open_result).clicked()
                        && let Some(r) = self.result.take()
                    {
                        answer = ImportAnswer::Use(Box::new(r));
                    }
                    if ui.button(tx.cancel).clicked() {
                        answer = ImportAnswer::Close;
                    }
                });
                if let Some(text) = &self.outcome {
                    error_ui(ui, text);
                }
                if let Some(result) = &self.result
                    && result.name_matches.iter().any(|m| m.score < 1.0)
                {
                    ui.separator();
                    if names_table(ui, lang, result, &mut self.name_choices) && !busy {
                        self.start_import(ui.ctx(), lang);
                    }
                }
                if let Some(summary) = &self.summary {
                    ui.separator();
                    ui.label(egui::RichText::new(&summary.headline).strong());
                    // what is left of the screen under the form, so the window always fits
                    let room = (ctx.content_rect().height() - 700.0).max(150.0);
                    egui::ScrollArea::vertical()
                        .id_salt("import-summary")
                        .min_scrolled_height(room)
                        .max_height(room)
                        .show(ui, |ui| show_summary(ui, summary, lang));
                }
            });
        answer
    }
}

/// What an import produced: the headline is shown above; here the IPS calibration, the keys
/// that matched nothing, the split units and the whole report, each in its own section.
fn show_summary(ui: &mut egui::Ui, summary: &crate::i18n::ImportSummary, lang: Lang) {
    let tx = texts(lang);
    if let Some(c) = &summary.calibration {
        egui::CollapsingHeader::new(tx.import_calibration)
            .default_open(true)
            .show(ui, |ui| {
                ui.label(c);
            });
    }
    let list = |ui: &mut egui::Ui, title: &str, lines: &[String], open: bool| {
        egui::CollapsingHeader::new(format!("{title} ({})", lines.len()))
            .id_salt(title)
            .default_open(open && !lines.is_empty())
            .show(ui, |ui| {
                if lines.is_empty() {
                    ui.label(tx.import_nothing);
                }
                for l in lines {
                    ui.label(l);
                }
            });
    };
    list(ui, tx.import_unmatched, &summary.unmatched, true);
    list(ui, tx.import_split_units, &summary.split, false);
    list(ui, tx.import_report, &summary.report, false);
}

/// The sector names joined by likeness or not at all, each with a picker of the imported
/// collèges; true when the user asks to import again with the choices.
fn names_table(
    ui: &mut egui::Ui,
    lang: Lang,
    result: &Imported,
    choices: &mut Vec<(String, String)>,
) -> bool {
    let words = crate::i18n::departement::names_texts(lang);
    ui.label(egui::RichText::new(words.heading).strong());
    let colleges: Vec<(String, String)> = result
        .territory
        .colleges()
        .iter()
        .map(|c| (c.uai.clone(), c.name.clone()))
        .collect();
    egui::Grid::new("name-matches")
        .num_columns(2)
        .show(ui, |ui| {
            for m in result.name_matches.iter().filter(|m| m.score < 1.0) {
                ui.label(crate::i18n::departement::name_match_text(lang, m));
                let current = choices
                    .iter()
                    .find(|(n, _)| *n == m.name)
                    .map(|(_, u)| u.clone())
                    .or_else(|| m.uai.clone());
                let shown = current
                    .as_ref()
                    .and_then(|u| colleges.iter().find(|(cu, _)| cu == u))
                    .map_or(words.none.to_string(), |(u, n)| format!("{n} ({u})"));
                egui::ComboBox::from_id_salt(("name-match", &m.name))
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for (u, n) in &colleges {
                            if ui
                                .selectable_label(current.as_ref() == Some(u), format!("{n} ({u})"))
                                .clicked()
                            {
                                choices.retain(|(name, _)| *name != m.name);
                                choices.push((m.name.clone(), u.clone()));
                            }
                        }
                    });
                ui.end_row();
            }
        });
    ui.add_enabled(!choices.is_empty(), egui::Button::new(words.again))
        .clicked()
}

/// The columns to read in the units' and the collèges' tables, side by side.
fn columns_grid_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    (units, ufields): (&mut crate::io::import::UnitColumns, &[String]),
    (colleges, cfields): (&mut crate::io::import::CollegeColumns, &[String]),
) {
    let tx = texts(lang);
    egui::Grid::new("import-columns")
        .num_columns(4)
        .show(ui, |ui| {
            let pick = |ui: &mut egui::Ui,
                        id: &str,
                        label: &str,
                        value: &mut Option<String>,
                        fields: &[String]| {
                let l = ui.label(label);
                egui::ComboBox::from_id_salt(id)
                    .selected_text(value.clone().unwrap_or_else(|| tx.import_none.to_string()))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(value, None, tx.import_none);
                        for f in fields {
                            ui.selectable_value(value, Some(f.clone()), f);
                        }
                    })
                    .response
                    .labelled_by(l.id);
            };
            pick(ui, "u-key", tx.import_col_key, &mut units.key, ufields);
            pick(ui, "c-uai", "UAI", &mut colleges.uai, cfields);
            ui.end_row();
            pick(ui, "u-name", tx.import_col_name, &mut units.name, ufields);
            pick(
                ui,
                "c-name",
                tx.import_col_name,
                &mut colleges.name,
                cfields,
            );
            ui.end_row();
            pick(
                ui,
                "u-pupils",
                tx.import_col_pupils,
                &mut units.pupils,
                ufields,
            );
            pick(
                ui,
                "c-pupils",
                tx.import_col_pupils,
                &mut colleges.pupils,
                cfields,
            );
            ui.end_row();
            pick(ui, "u-ips", "IPS", &mut units.ips, ufields);
            pick(ui, "c-ips", "IPS", &mut colleges.ips, cfields);
            ui.end_row();
            pick(
                ui,
                "u-college",
                tx.import_col_college,
                &mut units.college,
                ufields,
            );
            pick(
                ui,
                "c-status",
                tx.import_col_status,
                &mut colleges.status,
                cfields,
            );
            ui.end_row();
            pick(
                ui,
                "u-school",
                tx.import_col_school,
                &mut units.school,
                ufields,
            );
            ui.end_row();
        });
}

/// Why the import failed, in red, scrolled when long.
fn error_ui(ui: &mut egui::Ui, text: &str) {
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("import-error")
        .max_height(260.0)
        .show(ui, |ui| {
            ui.label(egui::RichText::new(text).color(egui::Color32::from_rgb(170, 30, 30)));
        });
}
