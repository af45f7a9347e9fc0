//! A small window asking for a file: a path typed by hand (always possible, also where no
//! native dialog service exists), or chosen with the system's dialog (rfd), which runs on its own
//! thread so the window never freezes.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// Opens the system's file dialog on its own thread (the window never waits on it); the
/// answer comes on the returned channel, `None` when the user cancelled or no dialog service
/// exists (then the typed path is the way).
pub fn pick_in_background(
    ctx: &egui::Context,
    filter: Option<(&str, &[&str])>,
    save: bool,
) -> Receiver<Option<PathBuf>> {
    let (send, recv) = channel();
    let repaint = ctx.clone();
    let filter = filter.map(|(name, ext)| {
        (
            name.to_string(),
            ext.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        )
    });
    std::thread::spawn(move || {
        let mut dialog = rfd::FileDialog::new();
        if let Some((name, extensions)) = &filter {
            dialog = dialog.add_filter(name, extensions);
        }
        let picked = if save {
            dialog.save_file()
        } else {
            dialog.pick_file()
        };
        let _ = send.send(picked);
        repaint.request_repaint();
    });
    recv
}

/// Opens the system's dialog for several files on its own thread, as [`pick_in_background`]
/// does one.
pub fn pick_files_in_background(
    ctx: &egui::Context,
    filter: (&str, &[&str]),
) -> Receiver<Option<Vec<PathBuf>>> {
    let (send, recv) = channel();
    let repaint = ctx.clone();
    let (name, extensions) = (
        filter.0.to_string(),
        filter.1.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
    );
    std::thread::spawn(move || {
        let picked = rfd::FileDialog::new()
            .add_filter(&name, &extensions)
            .pick_files();
        let _ = send.send(picked);
        repaint.request_repaint();
    });
    recv
}

/// Opens the system's folder dialog on its own thread, as [`pick_in_background`] does files.
pub fn pick_folder_in_background(ctx: &egui::Context) -> Receiver<Option<PathBuf>> {
    let (send, recv) = channel();
    let repaint = ctx.clone();
    std::thread::spawn(move || {
        let _ = send.send(rfd::FileDialog::new().pick_folder());
        repaint.request_repaint();
    });
    recv
}

/// What the user did with the dialog this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum DialogAnswer {
    /// Nothing yet.
    Waiting,
    /// Closed without choosing.
    Cancelled,
    /// This file.
    Chosen(PathBuf),
}

/// The dialog's words and kind.
pub struct DialogSpec<'a> {
    /// Window title.
    pub title: &'a str,
    /// One sentence of help.
    pub help: &'a str,
    /// The confirming button ("Ouvrir", "Enregistrer").
    pub confirm: &'a str,
    /// File type name and extensions for the system dialog.
    pub filter: (&'a str, &'a [&'a str]),
    /// A save dialog (asks where to write) rather than an open one.
    pub save: bool,
}

/// A file dialog's state, kept between frames.
#[derive(Default)]
pub struct PathDialog {
    /// The path typed so far.
    pub path: String,
    picking: Option<Receiver<Option<PathBuf>>>,
}

impl PathDialog {
    /// A dialog starting with a path.
    pub fn new(path: String) -> Self {
        PathDialog {
            path,
            picking: None,
        }
    }

    /// Draws the window; says what the user did.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        spec: &DialogSpec<'_>,
        lang: crate::i18n::Lang,
    ) -> DialogAnswer {
        let tx = crate::i18n::texts(lang);
        if let Some(rx) = &self.picking {
            match rx.try_recv() {
                Ok(Some(path)) => {
                    self.path = path.display().to_string();
                    self.picking = None;
                }
                Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => self.picking = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        let mut answer = DialogAnswer::Waiting;
        let mut entered = false;
        egui::Window::new(spec.title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(spec.help);
                ui.horizontal(|ui| {
                    let label = ui.label(tx.file_path);
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut self.path).desired_width(420.0))
                        .labelled_by(label.id);
                    // Enter in the path confirms, as the button does
                    entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui
                        .add_enabled(self.picking.is_none(), egui::Button::new(tx.browse))
                        .clicked()
                    {
                        let recv = pick_in_background(ui.ctx(), Some(spec.filter), spec.save);
                        self.picking = Some(recv);
                    }
                });
                ui.horizontal(|ui| {
                    let path = self.path.trim();
                    let confirm = ui
                        .add_enabled(!path.is_empty(), egui::Button::new(spec.confirm))
                        .clicked();
                    if (confirm || entered) && !path.is_empty() {
                        answer = DialogAnswer::Chosen(PathBuf::from(path));
                    }
                    if ui.button(tx.cancel).clicked() {
                        answer = DialogAnswer::Cancelled;
                    }
                });
            });
        answer
    }
}
