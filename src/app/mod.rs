//! The window: an eframe application whose [`CarteApp::logic`] receives what the background
//! finished and whose drawing collects the user's commands, run by [`Editor::run`], the one path
//! of every change. Its rooms:
//!
//! - `session`: loading, the project file, saving, autosave and recovery;
//! - `jobs`: background work (walks, a new building's walks, saving), polled once a frame;
//! - `intent`: what the user asks for, as commands; `commands`: each turned into edits of the
//!   document;
//! - `view`: selection, tool, colouring, the map's view and the caches keyed by revision;
//! - `windows`: every window, each handing back commands;
//! - `layout`: top bar, status bar, side panel and cards, map, hover card, meeting room, style;
//! - `status`: the status line's message, tied to the change that made it.

mod address;
mod bench;
mod commands;
mod editor;
mod intent;
mod jobs;
mod layout;
mod session;
mod status;
mod view;
mod windows;

use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText};

pub use address::{AddressSearch, Walk};
pub use bench::frame_bench;
pub use editor::Editor;
pub use intent::{Proposal, UiCommand};
pub use layout::style::setup_style;
pub use session::{Loaded, ProjectFile, load, load_with_autosave};
pub use view::{Meeting, SortKey, Tool, View};
pub use windows::CollegeWindow;

use crate::i18n::{Lang, texts};
use crate::io::autosave::{autosave_dir, autosave_path};

/// The eframe application.
pub struct CarteApp {
    /// Interface language.
    pub lang: Lang,
    loading: Option<Receiver<Result<Loaded, String>>>,
    /// The editor, once loaded.
    pub editor: Option<Editor>,
    error: Option<String>,
    styled: bool,
    /// The title last given to the window.
    title_shown: Option<String>,
}

impl CarteApp {
    /// Starts loading a territory in the background.
    pub fn new(ctx: &egui::Context, territory: Option<String>, lang: Lang) -> Self {
        let (tx, rx) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(load_with_autosave(
                territory.as_deref(),
                &autosave_dir(),
                lang,
            ));
            repaint.request_repaint();
        });
        CarteApp {
            lang,
            loading: Some(rx),
            editor: None,
            error: None,
            styled: false,
            title_shown: None,
        }
    }

    /// An app on an already loaded territory (tests).
    pub fn with_loaded(loaded: Loaded, lang: Lang) -> Self {
        CarteApp {
            lang,
            loading: None,
            editor: Some(Editor::new(loaded)),
            error: None,
            styled: false,
            title_shown: None,
        }
    }

    /// Receives what the background finished (no drawing): the territory being loaded, and
    /// every job of the editor.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.loading
            && let Ok(result) = rx.try_recv()
        {
            self.loading = None;
            match (result, &mut self.editor) {
                (Ok(loaded), _) => self.editor = Some(Editor::new(loaded)),
                // a project that cannot be opened leaves the current work on screen, and says why
                (Err(e), Some(editor)) => editor.status.say(e),
                (Err(e), None) => self.error = Some(e),
            }
        }
        if let Some(editor) = &mut self.editor {
            editor.jobs.ctx = Some(ctx.clone());
            editor.logic(ctx, self.lang);
        }
        // the title names the project open, so that a person (and the system's window list)
        // sees which file it is
        let title = self.title();
        if self.title_shown.as_deref() != Some(title.as_str()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = Some(title);
        }
    }

    /// The window's title: the app, and the project file or the territory open.
    pub fn title(&self) -> String {
        let Some(editor) = &self.editor else {
            return APP_NAME.to_string();
        };
        let shown = match editor.project_file() {
            Some(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => editor.doc.territory().info.name.clone(),
        };
        format!("{APP_NAME} — {shown}")
    }

    /// One whole frame: what the background finished, then the drawing (tests, benchmarks).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        self.logic(ui.ctx());
        self.draw(ui);
    }

    /// Draws one frame and runs the commands it collected.
    fn draw(&mut self, ui: &mut egui::Ui) {
        if !self.styled {
            layout::style::setup_style(ui.ctx());
            self.styled = true;
        }
        let tx = texts(self.lang);
        match &mut self.editor {
            Some(editor) => {
                let mut commands = Vec::new();
                editor.ui(ui, self.lang, &mut commands);
                for c in commands {
                    editor.run(c, &mut self.lang);
                }
                if let Some(imported) = editor.session.imported.take() {
                    // an imported territory replaces this one, with its own autosave
                    let (territory, baseline) = *imported;
                    let mut loaded = Loaded::new(territory, baseline);
                    if editor.session.autosave.is_some() {
                        loaded.autosave =
                            Some(autosave_path(&autosave_dir(), loaded.doc.territory()));
                    }
                    *editor = Editor::new(loaded);
                }
                if let Some(path) = editor.session.open_request.take() {
                    // loaded in the background; the current work stays until it is ready
                    let (tx, rx) = channel();
                    let repaint = ui.ctx().clone();
                    let autosave = editor.session.autosave.is_some();
                    let lang = self.lang;
                    std::thread::spawn(move || {
                        let path = path.display().to_string();
                        let loaded = if autosave {
                            load_with_autosave(Some(&path), &autosave_dir(), lang)
                        } else {
                            load(Some(&path), lang)
                        };
                        let _ = tx.send(loaded);
                        repaint.request_repaint();
                    });
                    self.loading = Some(rx);
                }
            }
            None => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.centered_and_justified(|ui| match &self.error {
                        Some(e) => {
                            ui.label(
                                RichText::new(format!("{} :\n{e}", tx.load_failed))
                                    .size(20.0)
                                    .color(Color32::from_rgb(170, 30, 30)),
                            );
                        }
                        None => {
                            ui.horizontal(|ui| {
                                ui.spinner();
                                ui.label(RichText::new(tx.loading).size(22.0));
                            });
                        }
                    });
                });
            }
        }
    }
}

impl eframe::App for CarteApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        CarteApp::logic(self, ctx);
        // the window is closing: nothing of the work is left unsaved
        if ctx.input(|i| i.viewport().close_requested())
            && let Some(editor) = self.editor.as_mut()
        {
            editor.autosave_on_close();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }
}

/// Opens the window on a territory folder, or on the embedded demo town.
/// The application's name, as its windows and menus show it.
pub const APP_NAME: &str = "Carte Mixité";

/// The window's icon, drawn from the same SVG as the desktop's (`assets/linux`).
fn window_icon() -> Option<egui::IconData> {
    let svg = include_bytes!("../../assets/linux/carte-mixite.svg");
    let tree = resvg::usvg::Tree::from_data(svg, &resvg::usvg::Options::default()).ok()?;
    let size = 128;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size)?;
    let scale = size as f32 / tree.size().width();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // tiny-skia keeps colours premultiplied by alpha; the window wants them straight
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Some(egui::IconData {
        rgba,
        width: size,
        height: size,
    })
}

pub fn run_window(territory: Option<String>, lang: Lang) -> std::process::ExitCode {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(APP_NAME)
        // the name the desktop entry's StartupWMClass and Wayland's app id match
        .with_app_id("carte-mixite")
        .with_inner_size([1600.0, 960.0])
        .with_maximized(true);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| Ok(Box::new(CarteApp::new(&cc.egui_ctx, territory, lang)))),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("carte-mixite: the window could not open: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
