//! The editor's side of collège changes that alter the territory: a new collège placed on a
//! block, a collège rebuilt elsewhere, two collèges merged. The map, colours and labels follow;
//! walking distances to a new building are routed alone in the background when the streets are
//! known (straight-line estimates need nothing).

use std::sync::mpsc::{Receiver, channel};

use super::{Editor, Tool};
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

/// A walking column being routed: the territory's collège count it was made for, and the
/// matrix with the new columns.
pub type ColumnJob = Receiver<(usize, crate::routing::WalkMatrix)>;

impl Editor {
    /// The collège window, for tests.
    pub fn college_window(&mut self) -> Option<&mut CollegeWindow> {
        self.college_window.as_mut()
    }

    /// True while a new collège's walks are being routed.
    pub fn column_pending(&self) -> bool {
        self.column_job.is_some()
    }

    /// After a collège was added to the territory: map, colours, labels, walks.
    pub(super) fn territory_changed(&mut self) {
        let t = self.doc.territory().clone();
        self.geometry = crate::ui::geometry::MapGeometry::new(&t);
        self.styles = crate::publish::palette::sector_styles(&t, &self.doc.baseline().scenario);
        self.colors = self
            .styles
            .colors
            .iter()
            .map(|&[r, g, b]| egui::Color32::from_rgb(r, g, b))
            .collect();
        self.hatched = self.styles.hatched.clone();
        self.labels = t.colleges().iter().map(|c| c.short_name.clone()).collect();
        self.map_cache = Default::default();
        self.dirty = None;
        self.public_cache.clear();
        if let Some(matrix) = self.doc.config().streets.clone() {
            let (tx, rx) = channel();
            let spawned = std::thread::Builder::new()
                .name("route-college".into())
                .spawn(move || {
                    let lines = t.streets.iter().cloned().map(geo::Geometry::LineString);
                    let Some(net) = crate::routing::StreetNetwork::from_lines(lines) else {
                        return;
                    };
                    let snapper = crate::routing::matrix::Snapper::new(&net);
                    let (units, colleges) = crate::routing::territory_points(&t);
                    let mut m = (*matrix).clone();
                    let first = m.colleges;
                    for (c, &at) in colleges.iter().enumerate().skip(first) {
                        crate::routing::matrix::recompute_college(
                            &net, &snapper, &mut m, &units, c, at,
                        );
                    }
                    let _ = tx.send((colleges.len(), m));
                });
            if spawned.is_ok() {
                self.column_job = Some(rx);
            }
        }
    }

    /// Hands a routed column to the indicators once it is ready.
    pub(super) fn column_tick(&mut self, ctx: &egui::Context, lang: Lang) {
        let Some(rx) = &self.column_job else { return };
        match rx.try_recv() {
            Ok((count, m)) => {
                self.column_job = None;
                if count == self.doc.territory().colleges().len() {
                    let mut config = self.doc.config().clone();
                    config.streets = Some(std::sync::Arc::new(m));
                    self.doc.set_config(config);
                    self.dirty = None;
                    // added to what the change said (where the pupils went), not in its place
                    let routed = texts(lang).college_routed;
                    self.notice = Some(match self.notice.take() {
                        Some(n) if !n.contains(routed) => format!("{n} {routed}"),
                        _ => routed.into(),
                    });
                }
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.column_job = None,
        }
    }

    /// Rebuilds `college` on block `at`.
    pub(super) fn move_college_to(&mut self, lang: Lang, college: CollegeId, at: UnitId) {
        self.ensure_editable(lang);
        let tx = texts(lang);
        let location = self.doc.territory().unit(at).anchor;
        match crate::model::levers::move_college(&mut self.doc, college, location, tx.rebuilt) {
            Ok(id) => {
                self.territory_changed();
                self.selected = Some(id);
                self.tool = Tool::Click;
                let t = self.doc.territory();
                self.notice = Some((tx.college_moved)(
                    &t.college(college).name,
                    &t.unit(at).name,
                ));
            }
            Err(e) => self.notice = Some(crate::i18n::document_error(lang, &e)),
        }
    }

    pub(super) fn college_window_ui(&mut self, ctx: &egui::Context, lang: Lang) {
        let Some(mut w) = self.college_window.take() else {
            return;
        };
        let tx = texts(lang);
        let t = self.doc.territory().clone();
        let mut open = true;
        let mut done: Option<Result<(CollegeId, String), crate::model::DocumentError>> = None;
        let title = match &w {
            CollegeWindow::New { .. } => tx.new_college_title,
            CollegeWindow::Merge { .. } => tx.merge_title,
        };
        egui::Window::new(title)
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
                        ui.add(
                            egui::DragValue::new(capacity)
                                .range(50.0..=2000.0)
                                .speed(10.0),
                        );
                    });
                    ui.label(egui::RichText::new(tx.new_college_help).weak());
                    if ui
                        .add_enabled(
                            !name.trim().is_empty(),
                            egui::Button::new(tx.new_college_create),
                        )
                        .clicked()
                    {
                        self.ensure_editable(lang);
                        let loc = t.unit(*at).anchor;
                        done = Some(
                            crate::model::levers::open_new_college(
                                &mut self.doc,
                                name.trim(),
                                loc,
                                Some(*capacity),
                            )
                            .map(|id| (id, (tx.college_opened)(name.trim()))),
                        );
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
                        self.ensure_editable(lang);
                        let text = (tx.merged)(&t.college(*a).name, &t.college(other).name);
                        done = Some(
                            crate::model::levers::merge_colleges(&mut self.doc, *a, other)
                                .map(|id| (id, text)),
                        );
                    }
                }
            });
        match done {
            Some(Ok((id, text))) => {
                self.territory_changed();
                self.selected = Some(id);
                self.notice = Some(text);
                return;
            }
            Some(Err(e)) => self.notice = Some(crate::i18n::document_error(lang, &e)),
            None => {}
        }
        if open {
            self.college_window = Some(w);
        }
    }
}
