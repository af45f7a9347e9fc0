//! "Ce que coûte la mixité": the frontier (the lowest index the assistant finds for each cap on
//! pupils moved, swept on its own thread with progress and a stop button), drawn as a chart with
//! the current map and every scenario of the project placed on it, the knee said in words, and
//! a neutral ensemble of random maps under the same rules as a band. Clicking a point of the
//! curve shows its map on the main map; it can be kept as a scenario.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Stroke, vec2};

use crate::assistant::ensemble::Ensemble;
use crate::assistant::frontier::{FrontierEvent, FrontierPoint, knee};
use crate::assistant::{AssistantError, Budget, Constraints, Request, Target};
use crate::i18n::frontier::{FrontierTexts, frontier_texts};
use crate::i18n::{Lang, number};
use crate::metrics::Metrics;
use crate::model::{Scenario, Territory};
use crate::publish::frontier_chart::{
    FigurePoint, FigureScenario, FrontierFigure, SCENARIO_RGB, ensemble_band, nice_step, walk_rgb,
};
use crate::ui::assistant_window::Preview;

/// Random border changes between two maps of the ensemble kept.
const CHANGES_BETWEEN: usize = 40;

/// What the sweep needs, owned, for its thread: it starts from the current map.
pub struct FrontierInputs {
    /// The territory.
    pub territory: Arc<Territory>,
    /// The current map.
    pub baseline: Scenario,
    /// The current map's indicators.
    pub metrics: Metrics,
}

/// A scenario of the project, placed on the chart.
#[derive(Debug, Clone)]
pub struct PlacedScenario {
    /// Its name.
    pub name: String,
    /// Pupils whose collège differs from the current map's.
    pub moved: f64,
    /// Its index (None: unknown).
    pub value: Option<f64>,
}

enum Message {
    Progress { point: usize, fraction: f32 },
    Point(Box<FrontierPoint>),
    Drawing(f32),
    Ensemble(Ensemble),
    Done(Option<AssistantError>),
}

struct Job {
    rx: Receiver<Message>,
    stop: Arc<AtomicBool>,
    /// (point being searched, its progress) or the share of the ensemble drawn.
    stage: Stage,
}

enum Stage {
    Point(usize, f32),
    Drawing(f32),
}

/// What the window asks of the editor.
pub enum FrontierAction {
    /// The window was closed.
    Close,
    /// The sweep needs its inputs (the editor answers with [`FrontierWindow::start`]).
    Run,
    /// Make a scenario of point `.0`'s map.
    Keep(usize),
}

/// The window's state.
pub struct FrontierWindow {
    /// The index lowered.
    pub target: Target,
    /// Its name.
    index_name: String,
    /// The rules each map keeps (the cap on pupils moved is the sweep's own).
    pub constraints: Constraints,
    /// The largest cap swept.
    pub max_moved: f64,
    /// Points of the curve.
    pub points_wanted: usize,
    /// Seconds of search per point.
    pub seconds: f64,
    /// Draw the neutral ensemble too.
    pub ensemble_on: bool,
    /// Maps of the neutral ensemble.
    pub ensemble_maps: usize,
    /// The current map's index.
    start_value: Option<f64>,
    points: Vec<FrontierPoint>,
    ensemble: Option<Ensemble>,
    /// An ensemble arrived and nobody took a copy yet.
    ensemble_new: bool,
    /// The point whose map is shown.
    selected: Option<usize>,
    baseline: Option<Scenario>,
    preview: Option<Preview>,
    preview_version: u64,
    job: Option<Job>,
    error: Option<AssistantError>,
    /// The scenarios of the project on the chart, and the document revision they were placed at.
    placed: (u64, Vec<PlacedScenario>),
    /// Seconds of search per point of the curve drawn (the setting may change after).
    ran_seconds: f64,
    /// Bumped whenever what the chart shows changes: points, ensemble, scenarios placed.
    version: u64,
    /// The chart's figure, made once per version and language rather than every frame.
    figure_cache: Option<(u64, Lang, Arc<FrontierFigure>)>,
}

impl FrontierWindow {
    /// A window for the assistant's index (and its name) and rules; `max_moved` is the largest
    /// cap swept.
    pub fn new(
        (target, index_name): (Target, String),
        constraints: Constraints,
        max_moved: f64,
    ) -> Self {
        FrontierWindow {
            target,
            index_name,
            constraints: Constraints {
                max_moved_pupils: None,
                ..constraints
            },
            max_moved: max_moved.max(10.0),
            points_wanted: 8,
            seconds: 5.0,
            ensemble_on: true,
            ensemble_maps: 1000,
            start_value: None,
            points: Vec::new(),
            ensemble: None,
            ensemble_new: false,
            selected: None,
            baseline: None,
            preview: None,
            preview_version: 0,
            job: None,
            error: None,
            placed: (u64::MAX, Vec::new()),
            ran_seconds: 5.0,
            version: 0,
            figure_cache: None,
        }
    }

    /// The caps swept: `points_wanted` caps evenly spread up to `max_moved`.
    pub fn caps(&self) -> Vec<f64> {
        let n = self.points_wanted.clamp(2, 40);
        (1..=n)
            .map(|i| (self.max_moved * i as f64 / n as f64).round())
            .collect()
    }

    /// True while the sweep runs.
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// The points found so far.
    pub fn points(&self) -> &[FrontierPoint] {
        &self.points
    }

    /// The neutral ensemble, once drawn.
    pub fn ensemble(&self) -> Option<&Ensemble> {
        self.ensemble.as_ref()
    }

    /// The ensemble just drawn, once: its index, the index's name and the maps' indices.
    pub fn take_new_ensemble(&mut self) -> Option<(Target, String, Ensemble)> {
        if !std::mem::take(&mut self.ensemble_new) {
            return None;
        }
        let e = self.ensemble.clone()?;
        Some((self.target, self.index_name.clone(), e))
    }

    /// The map of the chosen point, shown on the main map.
    pub fn preview(&self) -> Option<&Preview> {
        self.preview.as_ref()
    }

    /// The document revision the scenarios were placed at.
    pub fn placed_revision(&self) -> u64 {
        self.placed.0
    }

    /// Places the project's scenarios (at document revision `revision`).
    pub fn set_placed(&mut self, revision: u64, placed: Vec<PlacedScenario>) {
        self.placed = (revision, placed);
        self.version += 1;
    }

    /// Chooses point `i` and shows its map (None: shows nothing).
    pub fn select(&mut self, i: Option<usize>) {
        self.selected = i.filter(|&i| i < self.points.len());
        self.preview = match (self.selected, &self.baseline) {
            (Some(i), Some(base)) => {
                let scenario = self.points[i].scenario.clone();
                let moved = base
                    .assignments()
                    .iter()
                    .zip(scenario.assignments())
                    .enumerate()
                    .filter(|(_, (a, b))| a != b)
                    .map(|(u, _)| crate::model::UnitId(u as u32))
                    .collect();
                self.preview_version += 1;
                Some(Preview {
                    version: self.preview_version,
                    scenario,
                    moved,
                })
            }
            _ => None,
        };
    }

    /// Starts the sweep (and the ensemble) on its own thread.
    pub fn start(&mut self, inputs: FrontierInputs) {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let target = self.target;
        let constraints = self.constraints.clone();
        let caps = self.caps();
        let maps = if self.ensemble_on {
            self.ensemble_maps.clamp(10, 100_000)
        } else {
            0
        };
        let budget = Budget {
            time: std::time::Duration::from_secs_f64(self.seconds.clamp(1.0, 600.0)),
            ..Budget::default()
        };
        self.start_value = target.value(&inputs.metrics.territory());
        self.baseline = Some(inputs.baseline.clone());
        self.points.clear();
        self.ensemble = None;
        self.error = None;
        self.ran_seconds = self.seconds;
        self.version += 1;
        self.select(None);
        let spawned = std::thread::Builder::new()
            .name("frontier".into())
            .spawn(move || {
                let r = Request::from_baseline(
                    &inputs.territory,
                    &inputs.baseline,
                    &inputs.metrics,
                    target,
                    &constraints,
                );
                let swept = crate::assistant::frontier::frontier(&r, &caps, budget, &mut |e| {
                    let _ = match e {
                        FrontierEvent::Progress(point, p) => tx.send(Message::Progress {
                            point,
                            fraction: p.fraction,
                        }),
                        FrontierEvent::Point(p) => tx.send(Message::Point(Box::new(p.clone()))),
                    };
                    !flag.load(Ordering::Relaxed)
                });
                if let Err(e) = swept {
                    let _ = tx.send(Message::Done(Some(e)));
                    return;
                }
                if maps > 0 && !flag.load(Ordering::Relaxed) {
                    let drawn = crate::assistant::ensemble::ensemble(
                        &r,
                        maps,
                        CHANGES_BETWEEN,
                        budget.seed,
                        &mut |share| {
                            let _ = tx.send(Message::Drawing(share));
                            !flag.load(Ordering::Relaxed)
                        },
                    );
                    match drawn {
                        Ok(e) => {
                            let _ = tx.send(Message::Ensemble(e));
                        }
                        Err(e) => {
                            let _ = tx.send(Message::Done(Some(e)));
                            return;
                        }
                    }
                }
                let _ = tx.send(Message::Done(None));
            });
        if spawned.is_ok() {
            self.job = Some(Job {
                rx,
                stop,
                stage: Stage::Point(0, 0.0),
            });
        }
    }

    /// Stops the sweep (the points found are kept).
    pub fn stop(&mut self) {
        if let Some(job) = &self.job {
            job.stop.store(true, Ordering::Relaxed);
        }
    }

    fn poll(&mut self) {
        let Some(job) = &mut self.job else { return };
        let mut done = false;
        while let Ok(m) = job.rx.try_recv() {
            match m {
                Message::Progress { point, fraction } => job.stage = Stage::Point(point, fraction),
                Message::Point(p) => {
                    self.points.push(*p);
                    self.version += 1;
                }
                Message::Drawing(share) => job.stage = Stage::Drawing(share),
                Message::Ensemble(e) => {
                    self.ensemble = Some(e);
                    self.ensemble_new = true;
                    self.version += 1;
                }
                Message::Done(e) => {
                    self.error = e;
                    done = true;
                    break;
                }
            }
        }
        if done {
            self.job = None;
        }
    }

    /// Shows the window.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<FrontierAction> {
        self.poll();
        if self.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(150));
        }
        let w = frontier_texts(lang);
        let mut open = true;
        let mut action = None;
        egui::Window::new(w.title)
            .collapsible(false)
            .open(&mut open)
            .default_width(820.0)
            .default_height(ctx.content_rect().height() * 0.85)
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-860.0, 90.0))
            .vscroll(true)
            .show(ctx, |ui| {
                action = self.body(ui, lang, w);
            });
        if !open {
            self.stop();
            return Some(FrontierAction::Close);
        }
        action
    }

    fn body(&mut self, ui: &mut egui::Ui, lang: Lang, w: &FrontierTexts) -> Option<FrontierAction> {
        let mut action = None;
        ui.label(w.intro);
        ui.label(
            RichText::new((w.rules)(&crate::i18n::frontier::ensemble_rules(
                lang,
                &self.constraints,
            )))
            .weak(),
        );
        ui.add_space(4.0);
        let busy = self.job.is_some();
        ui.add_enabled_ui(!busy, |ui| self.settings_ui(ui, lang, w));
        if busy {
            self.progress_ui(ui, w);
        } else if ui
            .button(RichText::new(w.run).strong().size(16.0))
            .clicked()
        {
            action = Some(FrontierAction::Run);
        }
        if let Some(e) = &self.error {
            crate::ui::assistant_window::error_ui(ui, lang, e);
        }
        let Some(start) = self.start_value else {
            return action;
        };
        if self.points.is_empty() {
            return action;
        }
        ui.add_space(6.0);
        if let Some(fig) = self.cached_figure(lang) {
            if let Some(clicked) = self.chart_ui(ui, lang, &fig) {
                self.select(Some(clicked));
            }
            // what the points' colours say, under the chart rather than over its points
            if let Some(legend) = &fig.walk_legend {
                ui.label(RichText::new(legend).weak());
            }
        }
        self.sentences_ui(ui, lang, w, start);
        if let Some(i) = self.selected {
            let p = &self.points[i];
            ui.label(RichText::new(point_words(lang, w, self.target, p)).strong());
            if ui
                .add_enabled(
                    p.moved > 0.0,
                    egui::Button::new(RichText::new(w.keep).strong().size(16.0)),
                )
                .clicked()
            {
                action = Some(FrontierAction::Keep(i));
            }
        } else {
            ui.label(RichText::new(w.click_hint).weak());
        }
        self.table_ui(ui, lang, w);
        action
    }

    fn settings_ui(&mut self, ui: &mut egui::Ui, lang: Lang, w: &FrontierTexts) {
        ui.horizontal_wrapped(|ui| {
            ui.label(w.up_to);
            ui.add(crate::ui::fields::number_field(
                egui::DragValue::new(&mut self.max_moved)
                    .range(10.0..=1e7)
                    .speed(10.0),
                lang,
                0,
            ));
            ui.label(w.in_points);
            ui.add(egui::DragValue::new(&mut self.points_wanted).range(2..=40));
            ui.label(w.points);
            ui.add(crate::ui::fields::number_field(
                egui::DragValue::new(&mut self.seconds)
                    .range(1.0..=600.0)
                    .speed(1.0),
                lang,
                0,
            ));
            ui.label(w.seconds);
        });
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.ensemble_on, w.ensemble);
            ui.add_enabled(
                self.ensemble_on,
                crate::ui::fields::number_field(
                    egui::DragValue::new(&mut self.ensemble_maps)
                        .range(10..=100_000)
                        .speed(10.0),
                    lang,
                    0,
                ),
            );
            ui.label(w.maps);
        });
    }

    fn progress_ui(&mut self, ui: &mut egui::Ui, w: &FrontierTexts) {
        let Some(job) = &self.job else { return };
        let n = self.caps().len();
        let (fraction, text) = match job.stage {
            Stage::Point(i, f) => ((i as f32 + f) / n as f32, (w.progress)(i.min(n - 1) + 1, n)),
            Stage::Drawing(f) => (f, w.drawing.to_string()),
        };
        ui.add(
            egui::ProgressBar::new(fraction.clamp(0.0, 1.0))
                .text(format!("{text} · {:.0} %", fraction * 100.0)),
        );
        if ui.button(w.stop).clicked() {
            job.stop.store(true, Ordering::Relaxed);
        }
    }

    /// The knee and the ensemble, in words.
    fn sentences_ui(&self, ui: &mut egui::Ui, lang: Lang, _w: &FrontierTexts, start: f64) {
        use crate::i18n::frontier::{
            Placed, ensemble_place, ensemble_what, knee_sentence, no_knee_sentence,
        };
        let sentence = match knee(&self.points, start) {
            Some((i, gain)) => knee_sentence(lang, self.target, self.points[i].moved, gain),
            None if self.points.len() >= 3 => no_knee_sentence(lang),
            None => String::new(),
        };
        if !sentence.is_empty() {
            ui.label(RichText::new(sentence).strong().size(16.0));
        }
        if let Some(e) = &self.ensemble
            && !e.values.is_empty()
        {
            ui.label(ensemble_place(lang, e, Placed::Current, start));
            ui.label(RichText::new(ensemble_what(lang, e, &self.constraints)).weak());
        }
    }

    /// The project's scenarios against the curve and the ensemble.
    fn table_ui(&self, ui: &mut egui::Ui, lang: Lang, w: &FrontierTexts) {
        let placed = &self.placed.1;
        if placed.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.label(RichText::new(w.table_heading).strong());
        egui::Grid::new("frontier_scenarios")
            .striped(true)
            .spacing(vec2(14.0, 4.0))
            .show(ui, |ui| {
                for head in [
                    w.col_name,
                    w.col_moved,
                    w.col_index,
                    w.col_curve,
                    w.col_ensemble,
                ] {
                    ui.label(RichText::new(head).strong());
                }
                ui.end_row();
                for s in placed {
                    ui.label(&s.name);
                    ui.label(number(lang, s.moved, 0));
                    let unknown = crate::i18n::scenarios::scenarios_texts(lang).unknown;
                    match s.value {
                        Some(v) => {
                            ui.label(number(lang, self.target.display(v), 1));
                            ui.label(self.against_curve(lang, w, s.moved, v));
                            ui.label(match &self.ensemble {
                                Some(e) if !e.values.is_empty() => {
                                    (w.share)(&number(lang, 100.0 * e.share_less_mixed(v), 0))
                                }
                                _ => w.not_drawn.to_string(),
                            });
                        }
                        None => {
                            ui.label(unknown);
                            ui.label(unknown);
                            ui.label(unknown);
                        }
                    }
                    ui.end_row();
                }
            });
    }

    /// Where a scenario of `moved` pupils and index `value` stands against the curve: the best
    /// the curve found with at most as many pupils moved.
    fn against_curve(&self, lang: Lang, w: &FrontierTexts, moved: f64, value: f64) -> String {
        let last_cap = self.points.last().map_or(0.0, |p| p.cap);
        if moved > last_cap + 0.5 {
            return w.beyond_curve.to_string();
        }
        let best = self
            .points
            .iter()
            .filter(|p| p.moved <= moved + 0.5)
            .map(|p| p.value)
            .chain(self.start_value)
            .fold(f64::INFINITY, f64::min);
        let gap = self.target.display(value) - self.target.display(best);
        if gap <= 0.05 {
            w.on_curve.to_string()
        } else {
            (w.above_curve)(&number(lang, gap, 1))
        }
    }
}

/// One point in words: pupils moved, index, mean walk.
fn point_words(lang: Lang, w: &FrontierTexts, target: Target, p: &FrontierPoint) -> String {
    let walk = p.walk_mean_m.map_or(w.walk_unknown.to_string(), |m| {
        format!("{} km", number(lang, m / 1000.0, 2))
    });
    (w.point)(
        &number(lang, p.moved, 0),
        &number(lang, target.display(p.value), 1),
        &walk,
    )
}

impl FrontierWindow {
    /// True once the curve has a point (it can be drawn, and printed).
    pub fn has_curve(&self) -> bool {
        self.start_value.is_some() && !self.points.is_empty()
    }

    /// The figure of the current version in `lang`, made again only when something changed.
    fn cached_figure(&mut self, lang: Lang) -> Option<Arc<FrontierFigure>> {
        if let Some((v, l, fig)) = &self.figure_cache
            && *v == self.version
            && *l == lang
        {
            return Some(fig.clone());
        }
        let fig = Arc::new(self.figure(lang)?);
        self.figure_cache = Some((self.version, lang, fig.clone()));
        Some(fig)
    }

    /// The chart and what it says, in `lang`: what the window paints and the handout prints.
    /// None until a point is found.
    pub fn figure(&self, lang: Lang) -> Option<FrontierFigure> {
        let start = self.start_value?;
        if self.points.is_empty() {
            return None;
        }
        let w = frontier_texts(lang);
        let d = |v: f64| self.target.display(v);
        let points: Vec<FigurePoint> = self
            .points
            .iter()
            .map(|p| FigurePoint {
                cap: p.cap,
                moved: p.moved,
                value: d(p.value),
                walk_m: p.walk_mean_m,
            })
            .collect();
        let (w_lo, w_hi) = points
            .iter()
            .filter_map(|p| p.walk_m)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
                (lo.min(x), hi.max(x))
            });
        let drawn = self.ensemble.as_ref().filter(|e| !e.values.is_empty());
        let band = drawn.and_then(|e| {
            let (lo, hi) = ensemble_band(&e.values)?;
            let (lo, hi) = (d(lo).min(d(hi)), d(lo).max(d(hi)));
            Some((lo, hi, (w.band)(e.values.len())))
        });
        use crate::i18n::frontier::{
            Placed, ensemble_place, ensemble_rules, ensemble_what, knee_sentence, no_knee_sentence,
        };
        let mut sentences = Vec::new();
        let bend = knee(&self.points, start);
        match bend {
            Some((i, gain)) => {
                sentences.push(knee_sentence(lang, self.target, self.points[i].moved, gain))
            }
            None if self.points.len() >= 3 => sentences.push(no_knee_sentence(lang)),
            None => {}
        }
        if let Some(e) = drawn {
            sentences.push(ensemble_place(lang, e, Placed::Current, start));
        }
        let mut scenarios = Vec::new();
        for s in &self.placed.1 {
            let Some(v) = s.value else { continue };
            scenarios.push(FigureScenario {
                name: s.name.clone(),
                moved: s.moved,
                value: d(v),
            });
            // a count under 5 is not shown to the public
            let moved = if s.moved > 0.0 && s.moved < 5.0 {
                format!("{} 5", crate::i18n::texts(lang).fewer_than)
            } else {
                number(lang, s.moved, 0)
            };
            let (index, curve) = (
                number(lang, d(v), 1),
                self.against_curve(lang, w, s.moved, v),
            );
            sentences.push(match drawn {
                Some(e) => (w.scenario_line_drawn)(
                    &s.name,
                    &moved,
                    &index,
                    &curve,
                    &number(lang, 100.0 * e.share_less_mixed(v), 0),
                ),
                None => (w.scenario_line)(&s.name, &moved, &index, &curve),
            });
        }
        // the rules, said once: the ensemble's sentence names them
        match drawn {
            Some(e) => sentences.push(ensemble_what(lang, e, &self.constraints)),
            None => sentences.push((w.rules)(&ensemble_rules(lang, &self.constraints))),
        }
        sentences.push((w.handout_from)(&number(lang, self.ran_seconds, 0)));
        Some(FrontierFigure {
            title: format!("{} – {}", w.title, self.index_name),
            axis_moved: w.axis_moved.to_string(),
            axis_index: (w.axis_index)(&self.index_name),
            current_label: w.current.to_string(),
            start: d(start),
            points,
            scenarios,
            knee: bend.map(|(i, _)| self.points[i].moved),
            band,
            // the colours say something only where the walks differ as written
            walk_legend: {
                let (lo, hi) = (
                    number(lang, w_lo / 1000.0, 2),
                    number(lang, w_hi / 1000.0, 2),
                );
                (w_hi > w_lo && lo != hi).then(|| (w.walk_legend)(&lo, &hi))
            },
            sentences,
        })
    }

    /// The chart: the index against pupils moved; returns the point clicked.
    fn chart_ui(&self, ui: &mut egui::Ui, lang: Lang, fig: &FrontierFigure) -> Option<usize> {
        let width = ui.available_width().clamp(360.0, 1000.0);
        let (rect, response) = ui.allocate_exact_size(vec2(width, 360.0), Sense::click());
        let painter = ui.painter_at(rect);
        let visuals = ui.visuals();
        let ink = visuals.strong_text_color();
        let weak = visuals.weak_text_color();
        painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);
        let plot = Rect::from_min_max(rect.min + vec2(64.0, 28.0), rect.max - vec2(16.0, 46.0));
        let x_max = fig.x_max();
        let (y_lo, y_hi) = fig.y_range();
        let to_screen = |moved: f64, shown: f64| {
            Pos2::new(
                plot.left() + (moved / x_max) as f32 * plot.width(),
                plot.bottom() - ((shown - y_lo) / (y_hi - y_lo)) as f32 * plot.height(),
            )
        };
        let font = FontId::proportional(15.0);
        // the ensemble's band: 90 % of the random maps have an index in it
        if let Some((lo, hi, label)) = &fig.band {
            let top = to_screen(0.0, *hi).y;
            let bottom = to_screen(0.0, *lo).y;
            let r = Rect::from_x_y_ranges(plot.left()..=plot.right(), top..=bottom);
            painter.rect_filled(r, 0.0, Color32::from_rgba_unmultiplied(150, 150, 150, 50));
            painter.text(
                Pos2::new(plot.right() - 4.0, top + 2.0),
                Align2::RIGHT_TOP,
                label,
                font.clone(),
                weak,
            );
        }
        // axes and their ticks
        let axis = Stroke::new(1.0, weak);
        painter.line_segment([plot.left_bottom(), plot.right_bottom()], axis);
        painter.line_segment([plot.left_bottom(), plot.left_top()], axis);
        let step = nice_step(x_max, 6.0);
        let mut x = 0.0;
        while x <= x_max {
            let p = to_screen(x, y_lo);
            painter.line_segment([p, p + vec2(0.0, 4.0)], axis);
            painter.text(
                p + vec2(0.0, 6.0),
                Align2::CENTER_TOP,
                number(lang, x, 0),
                font.clone(),
                weak,
            );
            x += step;
        }
        let step = nice_step(y_hi - y_lo, 5.0);
        let mut y = (y_lo / step).ceil() * step;
        while y <= y_hi {
            let p = to_screen(0.0, y);
            painter.line_segment([p, p - vec2(4.0, 0.0)], axis);
            painter.text(
                p - vec2(6.0, 0.0),
                Align2::RIGHT_CENTER,
                number(lang, y, fig.y_decimals()),
                font.clone(),
                weak,
            );
            y += step;
        }
        painter.text(
            Pos2::new(plot.center().x, rect.bottom() - 4.0),
            Align2::CENTER_BOTTOM,
            &fig.axis_moved,
            font.clone(),
            ink,
        );
        painter.text(
            Pos2::new(rect.left() + 8.0, rect.top() + 6.0),
            Align2::LEFT_TOP,
            &fig.axis_index,
            font.clone(),
            ink,
        );
        // the knee
        if let Some(k) = fig.knee {
            let x = to_screen(k, y_lo).x;
            painter.extend(egui::Shape::dashed_line(
                &[Pos2::new(x, plot.top()), Pos2::new(x, plot.bottom())],
                Stroke::new(1.5, weak),
                6.0,
                4.0,
            ));
        }
        // the curve, from the current map
        let line: Vec<Pos2> = std::iter::once(to_screen(0.0, fig.start))
            .chain(fig.points.iter().map(|p| to_screen(p.moved, p.value)))
            .collect();
        painter.add(egui::Shape::line(line, Stroke::new(2.5, ink)));
        let screen: Vec<Pos2> = fig
            .points
            .iter()
            .map(|p| to_screen(p.moved, p.value))
            .collect();
        for (i, &at) in screen.iter().enumerate() {
            if self.selected == Some(i) {
                painter.circle_stroke(at, 11.0, Stroke::new(3.0, ink));
            }
            let [r, g, b] = walk_rgb(fig.walk_share(i));
            painter.circle_filled(at, 7.0, Color32::from_rgb(r, g, b));
            painter.circle_stroke(at, 7.0, Stroke::new(1.0, Color32::WHITE));
        }
        // the current map
        let at = to_screen(0.0, fig.start);
        painter.rect_filled(Rect::from_center_size(at, vec2(12.0, 12.0)), 0.0, ink);
        painter.text(
            at + vec2(10.0, -8.0),
            Align2::LEFT_BOTTOM,
            &fig.current_label,
            font.clone(),
            ink,
        );
        // the project's scenarios
        let [r, g, b] = SCENARIO_RGB;
        let purple = Color32::from_rgb(r, g, b);
        for s in &fig.scenarios {
            let at = to_screen(s.moved, s.value);
            let diamond = vec![
                at + vec2(0.0, -8.0),
                at + vec2(8.0, 0.0),
                at + vec2(0.0, 8.0),
                at + vec2(-8.0, 0.0),
            ];
            painter.add(egui::Shape::convex_polygon(
                diamond,
                purple,
                Stroke::new(1.0, Color32::WHITE),
            ));
            painter.text(
                at + vec2(10.0, 0.0),
                Align2::LEFT_CENTER,
                crate::i18n::cut(&s.name, 30),
                font.clone(),
                purple,
            );
        }
        // the point under the pointer, and the one clicked
        let nearest = |pos: Pos2| {
            screen
                .iter()
                .enumerate()
                .map(|(i, p)| (i, p.distance(pos)))
                .filter(|(_, dist)| *dist < 16.0)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
        };
        let hovered = response.hover_pos().and_then(nearest);
        let clicked = response
            .clicked()
            .then(|| response.interact_pointer_pos())
            .flatten()
            .and_then(nearest);
        if let Some(i) = hovered {
            let w = frontier_texts(lang);
            let words = point_words(lang, w, self.target, &self.points[i]);
            response.on_hover_ui_at_pointer(|ui| {
                ui.label(words);
            });
        }
        clicked
    }
}
