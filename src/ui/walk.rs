//! Walking: the background job that routes the territory's streets (reading a street file first
//! when the user loads one), and the window where the facilitator sets the walking speed, the
//! school-transport threshold and the detour factor, loads streets, and sees which points are
//! far from any street.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use egui::RichText;

use crate::i18n::{Lang, number, texts};
use crate::metrics::{DistanceModel, MetricsConfig, WalkSource};
use crate::model::Territory;
use crate::routing::{Progress, Routed};

use crate::routing::FAR_SNAP_M;

/// What a walking job ends with.
pub enum WalkOutcome {
    /// The matrix; with the streets read from a file, when the job started from one.
    Routed {
        /// Matrix and street length.
        routed: Routed,
        /// Streets read from a file, to keep in the territory (and the project), with the
        /// names of its named ways.
        streets: Option<(
            Vec<geo::LineString<f64>>,
            Vec<crate::model::places::NamedStreet>,
        )>,
        /// What the file held, in words.
        report: Option<String>,
    },
    /// Stopped by the user, or the territory's streets hold no network.
    Stopped,
    /// The street file cannot be used: why, in words.
    Refused(String),
}

/// Walking distances along the streets, computed in the background (or found in the cache).
pub struct WalkJob {
    /// Collèges done, and the way to stop.
    pub progress: Arc<Progress>,
    /// Collèges to do.
    pub colleges: usize,
    /// True while a street file is being read.
    pub reading: Arc<std::sync::atomic::AtomicBool>,
    rx: Receiver<WalkOutcome>,
}

impl WalkJob {
    /// Routes the territory's own streets; `None` when it has none.
    pub fn start(t: &Arc<Territory>, cache: Option<PathBuf>) -> Option<Self> {
        if t.streets.is_empty() {
            return None;
        }
        let t = t.clone();
        Some(Self::spawn(
            t.colleges().len(),
            move |p, _| match crate::routing::route_territory(&t, cache.as_deref(), p) {
                Some(routed) => WalkOutcome::Routed {
                    routed,
                    streets: None,
                    report: None,
                },
                None => WalkOutcome::Stopped,
            },
        ))
    }

    /// Reads a street file, checks that it covers the territory, then routes it.
    pub fn from_file(
        t: &Arc<Territory>,
        file: PathBuf,
        cache: Option<PathBuf>,
        lang: Lang,
    ) -> Self {
        let t = t.clone();
        Self::spawn(t.colleges().len(), move |p, reading| {
            use std::sync::atomic::Ordering;
            reading.store(true, Ordering::Relaxed);
            let net = crate::routing::read_streets_for(&t, &file);
            reading.store(false, Ordering::Relaxed);
            let net = match net {
                Ok(n) => n,
                Err(e) => {
                    return WalkOutcome::Refused(crate::i18n::streets_error(
                        lang,
                        &e,
                        &t.info.name,
                    ));
                }
            };
            let report = crate::i18n::network_text(&net, lang);
            let streets = net.to_lines();
            let names = net
                .names
                .iter()
                .map(|(name, course)| crate::model::places::NamedStreet {
                    name: name.clone(),
                    line: geo::LineString::from(course.clone()),
                })
                .collect();
            let mut with = (*t).clone();
            with.streets = streets.clone();
            match crate::routing::route_territory(&with, cache.as_deref(), p) {
                Some(routed) => WalkOutcome::Routed {
                    routed,
                    streets: Some((streets, names)),
                    report: Some(report),
                },
                None => WalkOutcome::Stopped,
            }
        })
    }

    fn spawn(
        colleges: usize,
        work: impl FnOnce(&Progress, &std::sync::atomic::AtomicBool) -> WalkOutcome + Send + 'static,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let reading = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (send, rx) = std::sync::mpsc::channel();
        let (p, r) = (progress.clone(), reading.clone());
        std::thread::spawn(move || {
            // a panic in the job must not leave the bar turning forever
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&p, &r)))
                .unwrap_or(WalkOutcome::Stopped);
            let _ = send.send(outcome);
        });
        WalkJob {
            progress,
            colleges,
            reading,
            rx,
        }
    }

    /// The outcome, once there is one.
    pub fn poll(&self) -> Option<WalkOutcome> {
        match self.rx.try_recv() {
            Ok(o) => Some(o),
            Err(TryRecvError::Disconnected) => Some(WalkOutcome::Stopped),
            Err(TryRecvError::Empty) => None,
        }
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.progress
            .cancel
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// The progress bar, with a way to stop.
    pub fn progress_ui(&self, ui: &mut egui::Ui, lang: Lang) {
        let tx = texts(lang);
        let done = self
            .progress
            .done
            .load(std::sync::atomic::Ordering::Relaxed);
        let bar = if self.reading.load(std::sync::atomic::Ordering::Relaxed) {
            egui::ProgressBar::new(0.0)
                .animate(true)
                .text(tx.walk_reading)
        } else {
            let fraction = done as f32 / self.colleges.max(1) as f32;
            egui::ProgressBar::new(fraction)
                .text(format!("{} {done}/{}", tx.walk_computing, self.colleges))
        };
        ui.add(bar.desired_width(220.0));
        if ui.button(tx.walk_stop).clicked() {
            self.cancel();
        }
        ui.separator();
    }
}

/// What the walking window asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum WalkAction {
    /// New settings.
    Settings(MetricsConfig),
    /// Read this street file.
    LoadStreets(PathBuf),
    /// Close the window.
    Close,
}

/// The walking window's state.
#[derive(Default)]
pub struct WalkWindow {
    file: Option<crate::ui::file_dialog::PathDialog>,
    /// Why the last street file was refused, shown until the next try.
    pub refused: Option<String>,
}

impl WalkWindow {
    /// Draws the window; says what the user asked for.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        t: &Territory,
        config: &MetricsConfig,
        street_m: Option<f64>,
        busy: bool,
    ) -> Option<WalkAction> {
        let tx = texts(lang);
        let mut action = None;
        if let Some(dialog) = &mut self.file {
            let spec = crate::ui::file_dialog::DialogSpec {
                title: tx.walk_load_title,
                help: tx.walk_load_help,
                confirm: tx.open,
                filter: (
                    "OpenStreetMap, GeoJSON, Shapefile",
                    &["pbf", "osm", "gz", "geojson", "json", "shp", "zip"],
                ),
                save: false,
            };
            match dialog.show(ctx, &spec, lang) {
                crate::ui::file_dialog::DialogAnswer::Waiting => {}
                crate::ui::file_dialog::DialogAnswer::Cancelled => self.file = None,
                crate::ui::file_dialog::DialogAnswer::Chosen(p) => {
                    self.file = None;
                    self.refused = None;
                    action = Some(WalkAction::LoadStreets(p));
                }
            }
            return action;
        }
        let mut open = true;
        egui::Window::new(tx.walk_title)
            .default_pos(crate::ui::window::below_bars(ctx))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(460.0)
            .max_width(560.0)
            .show(ctx, |ui| {
                ui.spacing_mut().item_spacing.y = 8.0;
                match (config.walk_source(), street_m) {
                    (WalkSource::Streets, Some(m)) => ui.label(
                        RichText::new(format!(
                            "{} ({} km {}).",
                            tx.walk_source_streets,
                            number(lang, m / 1000.0, 1),
                            tx.walk_of_streets
                        ))
                        .strong(),
                    ),
                    (WalkSource::Streets, None) => {
                        ui.label(RichText::new(tx.walk_source_streets).strong())
                    }
                    _ => ui.label(tx.walk_source_none),
                };
                if let Some(why) = &self.refused {
                    ui.label(RichText::new(why).color(egui::Color32::from_rgb(170, 30, 30)));
                }
                if ui
                    .add_enabled(!busy, egui::Button::new(tx.walk_load))
                    .on_hover_text(tx.walk_load_help)
                    .clicked()
                {
                    self.file = Some(crate::ui::file_dialog::PathDialog::default());
                }
                ui.separator();
                let mut c = config.clone();
                egui::Grid::new("walk_settings")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        ui.label(tx.walk_speed);
                        ui.horizontal(|ui| {
                            ui.add(
                                crate::ui::fields::number_field(
                                    egui::DragValue::new(&mut c.walk_speed_kmh),
                                    lang,
                                    1,
                                )
                                .range(2.0..=7.0)
                                .speed(0.05)
                                .suffix(" km/h"),
                            );
                            ui.label(format!(
                                "({} {})",
                                number(lang, c.walk_minutes(1000.0), 0),
                                tx.walk_speed_hint
                            ));
                        });
                        ui.end_row();
                        ui.label(tx.walk_threshold);
                        let mut km = c.walk_threshold_m / 1000.0;
                        if ui
                            .add(
                                crate::ui::fields::number_field(
                                    egui::DragValue::new(&mut km),
                                    lang,
                                    1,
                                )
                                .range(0.5..=10.0)
                                .speed(0.05)
                                .suffix(" km"),
                            )
                            .changed()
                        {
                            c.walk_threshold_m = km * 1000.0;
                        }
                        ui.end_row();
                        ui.label(tx.walk_detour);
                        let DistanceModel::StraightLine { detour_factor } = &mut c.distance;
                        let streets = config.streets.is_some();
                        ui.horizontal(|ui| {
                            ui.add_enabled(
                                !streets,
                                crate::ui::fields::number_field(
                                    egui::DragValue::new(detour_factor),
                                    lang,
                                    2,
                                )
                                .range(1.0..=2.5)
                                .speed(0.01)
                                .prefix("× "),
                            );
                            if streets {
                                ui.label(RichText::new(tx.walk_detour_unused).weak());
                            }
                        });
                        ui.end_row();
                    });
                if c != *config {
                    action = Some(WalkAction::Settings(c));
                }
                if let Some(m) = &config.streets {
                    ui.separator();
                    far_list_ui(ui, lang, t, m);
                }
                if ui.button(tx.close).clicked() {
                    action = Some(WalkAction::Close);
                }
            });
        if !open {
            action = Some(WalkAction::Close);
        }
        action
    }
}

/// The units and collèges placed far from any street, by name.
fn far_list_ui(ui: &mut egui::Ui, lang: Lang, t: &Territory, m: &crate::routing::WalkMatrix) {
    let tx = texts(lang);
    let (units, colleges) = m.far_snaps(FAR_SNAP_M);
    if units.is_empty() && colleges.is_empty() {
        ui.label(tx.walk_far_none);
        return;
    }
    ui.label(RichText::new(tx.walk_far).strong());
    let line = |name: &str, off: f32| {
        if off.is_finite() {
            format!("• {name} : {} m", number(lang, f64::from(off), 0))
        } else {
            format!("• {name} : {}", tx.walk_unplaced)
        }
    };
    egui::ScrollArea::vertical()
        .max_height(180.0)
        .show(ui, |ui| {
            for c in colleges {
                if let Some(college) = t.colleges().get(c) {
                    ui.label(line(&college.name, m.college_snap_m[c]));
                }
            }
            for u in units {
                if let Some(unit) = t.units().get(u) {
                    ui.label(line(&unit.name, m.unit_snap_m[u]));
                }
            }
        });
}

/// A one-line summary of the far points, for the status bar; `None` when there are none.
pub fn far_notice(lang: Lang, m: &crate::routing::WalkMatrix) -> Option<String> {
    let (units, colleges) = m.far_snaps(FAR_SNAP_M);
    let n = units.len() + colleges.len();
    (n > 0).then(|| {
        format!(
            "{} {}",
            crate::i18n::places(lang, n),
            texts(lang).walk_far_notice
        )
    })
}
