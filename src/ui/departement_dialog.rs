//! The département assistant: point at a folder of downloaded national files; it says which
//! role each file plays and what each missing one would add, builds the territory in the
//! background with a progress bar, and says what it did, summary first.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use crate::i18n::Lang;
use crate::i18n::departement::{self as words, texts};
use crate::io::national::departement::{
    DepartementBuild, DepartementSpec, Step, build_departement,
};
use crate::io::national::{Recognised, Role, expand, recognise};
use crate::model::{Scenario, Territory};

/// What the background build sends.
enum Message {
    Progress(Step),
    Done(Box<Result<DepartementBuild, String>>),
}

/// The window's state.
#[derive(Default)]
pub struct DepartementDialog {
    /// Folder or files (`;`-separated).
    pub inputs: String,
    /// Département code.
    pub code: String,
    /// Territory name.
    pub name: String,
    /// A UAI column of the user's.
    pub uai_column: String,
    /// The UAI column the user chose for one table (by file name).
    uai_columns: std::collections::BTreeMap<String, String>,
    browsing: Option<Receiver<Option<PathBuf>>>,
    reading: Option<Receiver<Vec<Recognised>>>,
    files: Option<Vec<Recognised>>,
    running: Option<Receiver<Message>>,
    step: Option<Step>,
    error: Option<String>,
    built: Option<DepartementBuild>,
    /// The built territory's report in words (summary, details, problems), made once.
    words: Option<(String, Vec<String>, String)>,
}

/// What the window asks of the app.
pub enum DepartementAnswer {
    /// Keep it open.
    Open,
    /// Close it.
    Close,
    /// Open this territory and baseline in the editor.
    Use(Box<(Territory, Scenario)>),
}

impl DepartementDialog {
    /// An empty window.
    pub fn new() -> Self {
        Self::default()
    }

    fn paths(&self) -> Vec<PathBuf> {
        self.inputs
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect()
    }

    fn spec(&self) -> DepartementSpec {
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        DepartementSpec {
            inputs: self.paths(),
            code: opt(&self.code),
            name: opt(&self.name),
            uai_column: opt(&self.uai_column),
            uai_columns: self.uai_columns.clone(),
        }
    }

    /// True while something runs in the background.
    pub fn busy(&self) -> bool {
        self.reading.is_some() || self.running.is_some()
    }

    /// Picks up what the background threads sent.
    pub fn poll(&mut self, lang: Lang) {
        if let Some(rx) = &self.browsing
            && let Ok(picked) = rx.try_recv()
        {
            if let Some(p) = picked {
                self.inputs = p.display().to_string();
                self.files = None;
            }
            self.browsing = None;
        }
        if let Some(rx) = &self.reading
            && let Ok(files) = rx.try_recv()
        {
            self.reading = None;
            self.files = Some(files);
        }
        if let Some(rx) = &self.running {
            loop {
                match rx.try_recv() {
                    Ok(Message::Progress(s)) => self.step = Some(s),
                    Ok(Message::Done(result)) => {
                        self.running = None;
                        self.step = None;
                        match *result {
                            Ok(b) => {
                                self.files = Some(b.report.files.clone());
                                let mut details = words::details(lang, &b.report);
                                let m = crate::metrics::Metrics::new(
                                    &b.territory,
                                    &b.baseline,
                                    crate::metrics::MetricsConfig::default(),
                                );
                                details.extend(words::spread_line(
                                    lang,
                                    &b.territory,
                                    &m.territory(),
                                ));
                                self.words = Some((
                                    words::summary(lang, &b.report),
                                    details,
                                    crate::i18n::report_text_grouped(&b.problems, lang),
                                ));
                                self.built = Some(b);
                                self.error = None;
                            }
                            Err(e) => self.error = Some(e),
                        }
                        break;
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => break,
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                        self.running = None;
                        self.step = None;
                        break;
                    }
                }
            }
        }
    }

    fn start_reading(&mut self, ctx: &egui::Context) {
        let paths = self.paths();
        let (send, recv) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let files: Vec<Recognised> = expand(&paths).iter().map(|p| recognise(p)).collect();
            let _ = send.send(files);
            repaint.request_repaint();
        });
        self.reading = Some(recv);
        self.built = None;
        self.error = None;
    }

    fn start_building(&mut self, ctx: &egui::Context, lang: Lang) {
        let spec = self.spec();
        let (send, recv) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let progress_send = send.clone();
            let progress_repaint = repaint.clone();
            let result = build_departement(&spec, &mut |s| {
                let _ = progress_send.send(Message::Progress(s));
                progress_repaint.request_repaint();
            })
            .map_err(|e| words::error_text(lang, &e));
            let _ = send.send(Message::Done(Box::new(result)));
            repaint.request_repaint();
        });
        self.running = Some(recv);
        self.built = None;
        self.error = None;
        self.step = Some(Step::Recognising);
    }

    /// Draws the window.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> DepartementAnswer {
        self.poll(lang);
        let tx = texts(lang);
        let mut answer = DepartementAnswer::Open;
        let busy = self.busy();
        egui::Window::new(tx.title)
            .collapsible(false)
            .default_width(820.0)
            .resizable([true, false])
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(tx.help);
                egui::Grid::new("departement-form")
                    .num_columns(3)
                    .show(ui, |ui| {
                        let l = ui.label(tx.folder);
                        let field = ui
                            .add_sized([480.0, 24.0], egui::TextEdit::singleline(&mut self.inputs))
                            .labelled_by(l.id);
                        if field.changed() {
                            self.files = None;
                        }
                        if field.lost_focus()
                            && ui.input(|i| i.key_pressed(egui::Key::Enter))
                            && !busy
                        {
                            self.start_reading(ui.ctx());
                        }
                        if ui
                            .add_enabled(self.browsing.is_none(), egui::Button::new(tx.browse))
                            .clicked()
                        {
                            self.browsing =
                                Some(crate::ui::file_dialog::pick_folder_in_background(ui.ctx()));
                        }
                        ui.end_row();
                        let l = ui.label(tx.code);
                        ui.add_sized(
                            [480.0, 24.0],
                            egui::TextEdit::singleline(&mut self.code).hint_text(tx.code_hint),
                        )
                        .labelled_by(l.id);
                        ui.end_row();
                        let l = ui.label(tx.name);
                        ui.add_sized([480.0, 24.0], egui::TextEdit::singleline(&mut self.name))
                            .labelled_by(l.id);
                        ui.end_row();
                        let l = ui.label(tx.uai_column);
                        ui.add_sized(
                            [480.0, 24.0],
                            egui::TextEdit::singleline(&mut self.uai_column).hint_text(tx.uai_hint),
                        )
                        .labelled_by(l.id);
                        ui.end_row();
                    });
                ui.horizontal(|ui| {
                    let has_input = !self.paths().is_empty();
                    if ui
                        .add_enabled(has_input && !busy, egui::Button::new(tx.read))
                        .clicked()
                    {
                        self.start_reading(ui.ctx());
                    }
                    let ready = self
                        .files
                        .as_ref()
                        .is_some_and(|f| f.iter().any(|f| f.role.is_some()));
                    if ui
                        .add_enabled(ready && !busy, egui::Button::new(tx.build))
                        .clicked()
                    {
                        self.start_building(ui.ctx(), lang);
                    }
                    if let Some(b) = &self.built
                        && ui.button(tx.open).clicked()
                    {
                        answer = DepartementAnswer::Use(Box::new((
                            b.territory.clone(),
                            b.baseline.clone(),
                        )));
                    }
                    if ui.button(tx.close).clicked() {
                        answer = DepartementAnswer::Close;
                    }
                });
                if let Some(step) = self.step {
                    let (label, fraction) = step_progress(lang, step);
                    ui.add(egui::ProgressBar::new(fraction).text(label).animate(true));
                } else if self.reading.is_some() {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tx.step_recognising);
                    });
                }
                if let Some(e) = &self.error {
                    ui.separator();
                    ui.label(egui::RichText::new(e).color(egui::Color32::from_rgb(170, 30, 30)));
                }
                let room = (ctx.content_rect().height() - 520.0).max(160.0);
                if let (Some(b), Some((summary, details, problems))) = (&self.built, &self.words) {
                    ui.separator();
                    ui.label(egui::RichText::new(summary).strong().size(16.0));
                    egui::ScrollArea::vertical()
                        .id_salt("departement-report")
                        .min_scrolled_height(room)
                        .max_height(room)
                        .show(ui, |ui| {
                            for line in details {
                                ui.label(line);
                            }
                            show_files(ui, lang, &b.report.files, &b.report.missing, None);
                            if !problems.is_empty() {
                                egui::CollapsingHeader::new(tx.problems)
                                    .default_open(false)
                                    .show(ui, |ui| {
                                        ui.label(problems);
                                    });
                            }
                        });
                } else if let Some(files) = &self.files {
                    ui.separator();
                    let missing: Vec<Role> = Role::ALL
                        .iter()
                        .copied()
                        .filter(|r| !files.iter().any(|f| f.role == Some(*r)))
                        .collect();
                    if files.iter().all(|f| f.role.is_none()) {
                        ui.label(tx.nothing_recognised);
                    }
                    egui::ScrollArea::vertical()
                        .id_salt("departement-files")
                        .min_scrolled_height(room)
                        .max_height(room)
                        .show(ui, |ui| {
                            show_files(ui, lang, files, &missing, Some(&mut self.uai_columns));
                        });
                }
            });
        answer
    }
}

/// Each file's role, with a picker of its UAI column for the tables that have one (when
/// `uai_columns` is given: before the build), then what the missing files would add.
fn show_files(
    ui: &mut egui::Ui,
    lang: Lang,
    files: &[Recognised],
    missing: &[Role],
    mut uai_columns: Option<&mut std::collections::BTreeMap<String, String>>,
) {
    let tx = texts(lang);
    ui.label(egui::RichText::new(tx.files).strong());
    for (line, file) in words::files_text(lang, files).into_iter().zip(files) {
        let uai_table = matches!(
            file.role,
            Some(
                Role::Directory
                    | Role::Geolocation
                    | Role::CollegeIps
                    | Role::EcoleIps
                    | Role::CollegeHeadcounts
                    | Role::EcoleHeadcounts
                    | Role::SecondDegreeHeadcounts
            )
        );
        match uai_columns.as_deref_mut() {
            Some(chosen) if uai_table => {
                ui.horizontal(|ui| {
                    ui.label(line);
                    uai_picker(ui, lang, file, chosen);
                });
            }
            _ => {
                ui.label(line);
            }
        }
    }
    let report = crate::io::national::departement::DepartementReport {
        missing: missing.to_vec(),
        ..Default::default()
    };
    let lines = words::missing_text(lang, &report);
    if !lines.is_empty() {
        ui.label(egui::RichText::new(tx.missing).strong());
        for line in lines {
            ui.label(line);
        }
    }
}

/// The UAI column of one table: the one recognised, or the user's choice among its columns.
fn uai_picker(
    ui: &mut egui::Ui,
    lang: Lang,
    file: &Recognised,
    chosen: &mut std::collections::BTreeMap<String, String>,
) {
    let name = file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let found = crate::io::national::departement::uai_column_of(&file.columns);
    let current = chosen.get(&name).cloned().or(found.clone());
    let l = ui.label(texts(lang).uai_of_table);
    egui::ComboBox::from_id_salt(("uai-column", &name))
        .selected_text(current.clone().unwrap_or_else(|| "—".into()))
        .show_ui(ui, |ui| {
            for c in &file.columns {
                if ui
                    .selectable_label(current.as_ref() == Some(c), c)
                    .clicked()
                {
                    if Some(c) == found.as_ref() {
                        chosen.remove(&name);
                    } else {
                        chosen.insert(name.clone(), c.clone());
                    }
                }
            }
        })
        .response
        .labelled_by(l.id);
}

/// What a build step says on the progress bar, and how far along it is.
fn step_progress(lang: Lang, step: Step) -> (String, f32) {
    let tx = texts(lang);
    match step {
        Step::Recognising => (tx.step_recognising.to_string(), 0.05),
        Step::Contours => (tx.step_contours.to_string(), 0.15),
        Step::Colleges => (tx.step_colleges.to_string(), 0.3),
        Step::Ecoles => (tx.step_ecoles.to_string(), 0.45),
        Step::Addresses(read, total) => {
            let f = if total > 0 {
                read as f32 / total as f32
            } else {
                0.0
            };
            (
                format!("{} {:.0} %", tx.step_addresses, f * 100.0),
                0.5 + 0.4 * f,
            )
        }
        Step::Building => (tx.step_building.to_string(), 0.92),
    }
}
