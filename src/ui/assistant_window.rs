//! The assistant window: the index to lower, the limits, the search on its own thread with a
//! progress bar and the best map so far, then the proposal move by move, to accept in part.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText};

use crate::assistant::{
    AssistantError, Budget, Constraints, Move, Phase, Progress, Proposal, Request, Target, propose,
};
use crate::i18n::{AssistantTexts, Lang, assistant_texts, number};
use crate::metrics::{Metrics, Minority};
use crate::model::{Assignment, Scenario, Territory, UnitId};

/// What the search needs, owned, for its thread.
pub struct SearchInputs {
    /// The territory.
    pub territory: Arc<Territory>,
    /// The scenario it starts from.
    pub start: Scenario,
    /// The current map.
    pub baseline: Scenario,
    /// The start's indicators.
    pub metrics: Metrics,
    /// The start's index in the document.
    pub start_index: usize,
}

enum Message {
    Progress(Progress),
    Done(Result<Proposal, AssistantError>),
}

struct Job {
    rx: Receiver<Message>,
    stop: Arc<AtomicBool>,
    last: Option<Progress>,
    /// Units and pupils of the best map so far.
    best: Option<(usize, f64)>,
}

/// The map the window lends the main map: the start scenario with the best moves so far (while
/// the search runs) or with the checked moves (after), nothing applied to the document.
pub struct Preview {
    /// Changes whenever the previewed map changes.
    pub version: u64,
    /// The previewed assignments.
    pub scenario: Scenario,
    /// The units that go elsewhere than in the start scenario.
    pub moved: Vec<UnitId>,
}

/// Blocks and pupils of some moves.
fn blocks_and_pupils<'a>(moves: impl Iterator<Item = &'a Move>) -> (usize, f64) {
    moves.fold((0, 0.0), |(n, p), m| (n + m.units.len(), p + m.pupils))
}

/// What the window asks of the editor.
pub enum AssistantAction {
    /// The window was closed.
    Close,
    /// The search needs its inputs (the editor answers with [`AssistantWindow::start`]).
    Run,
    /// Open "what mixing costs" with this window's index and rules.
    Frontier,
    /// Make a scenario from these moves of the proposal, started from scenario `start_index`.
    Accept {
        /// The scenario the search started from.
        start_index: usize,
        /// The moves kept.
        moves: Vec<Move>,
    },
}

/// The assistant window's state.
pub struct AssistantWindow {
    /// The index to lower.
    pub target: Target,
    capacity_on: bool,
    capacity: (f64, f64),
    walk_increase_on: bool,
    walk_increase_m: f64,
    walk_max_on: bool,
    walk_max_m: f64,
    moved_on: bool,
    moved_max: f64,
    /// Keep sectors in one piece.
    pub contiguous: bool,
    /// Keep the units of one école together.
    pub schools: bool,
    /// Écoles the territory's units name (0: the data has none).
    school_count: usize,
    /// Show the best map so far, then the checked moves, on the main map.
    pub show_on_map: bool,
    /// The scenario the search started from, for the preview.
    start: Option<Scenario>,
    preview: Option<Preview>,
    preview_version: u64,
    /// Seconds of search.
    pub seconds: f64,
    job: Option<Job>,
    result: Option<(usize, Proposal, Vec<bool>)>,
    error: Option<AssistantError>,
    start_index: usize,
    /// What the checked moves are checked with: the territory, the indicators' settings, the
    /// current map and the limits the search kept.
    check_with: Option<(
        Arc<Territory>,
        crate::metrics::MetricsConfig,
        Scenario,
        Constraints,
    )>,
    /// The checked moves as a whole: the index they reach and the limits they break.
    checked: Option<crate::assistant::check::Checked>,
}

impl AssistantWindow {
    /// A window with the default limits; `pupils` (the territory's) sets the default cap on
    /// pupils moved: a tenth of them. `school_count` is the number of écoles the units name.
    pub fn new(target: Target, pupils: f64, school_count: usize) -> Self {
        let d = Constraints::default();
        AssistantWindow {
            target,
            capacity_on: d.capacity.is_some(),
            capacity: d.capacity.unwrap_or((0.7, 1.05)),
            walk_increase_on: d.max_walk_increase_m.is_some(),
            walk_increase_m: d.max_walk_increase_m.unwrap_or(1000.0),
            walk_max_on: false,
            walk_max_m: 3000.0,
            moved_on: true,
            moved_max: (pupils * 0.1 / 10.0).round() * 10.0,
            contiguous: d.keep_contiguous,
            schools: d.keep_schools,
            school_count,
            show_on_map: true,
            start: None,
            preview: None,
            preview_version: 0,
            seconds: 10.0,
            job: None,
            result: None,
            error: None,
            start_index: 0,
            check_with: None,
            checked: None,
        }
    }

    /// The limits as set in the window.
    pub fn constraints(&self) -> Constraints {
        Constraints {
            capacity: self.capacity_on.then_some(self.capacity),
            max_walk_m: self.walk_max_on.then_some(self.walk_max_m),
            max_walk_increase_m: self.walk_increase_on.then_some(self.walk_increase_m),
            max_moved_pupils: self.moved_on.then_some(self.moved_max),
            keep_contiguous: self.contiguous,
            keep_schools: self.schools && self.school_count > 0,
        }
    }

    /// The checked moves checked as a whole: the index they reach, the limits they break.
    pub fn checked(&self) -> Option<&crate::assistant::check::Checked> {
        self.checked.as_ref()
    }

    /// The map to show on the main map, when there is one and the user wants it there.
    pub fn preview(&self) -> Option<&Preview> {
        self.preview.as_ref().filter(|_| self.show_on_map)
    }

    /// Rebuilds the preview from the start scenario and some moves.
    fn set_preview<'a>(&mut self, moves: impl Iterator<Item = &'a Move>) {
        let Some(start) = &self.start else { return };
        let mut scenario = start.clone();
        let mut moved = Vec::new();
        for m in moves {
            for &u in &m.units {
                scenario.replace_assignment(u, Assignment::College(m.to));
                moved.push(u);
            }
        }
        self.preview_version += 1;
        self.preview = Some(Preview {
            version: self.preview_version,
            scenario,
            moved,
        });
    }

    /// The preview after the checkboxes of the result changed, and the checked moves checked
    /// as a whole: a part of a proposal is a new set, whose index and limits nobody counted.
    fn preview_checked(&mut self) {
        let Some((_, p, kept)) = self.result.take() else {
            return;
        };
        self.set_preview(
            p.moves
                .iter()
                .zip(&kept)
                .filter(|(_, k)| **k)
                .map(|(m, _)| m),
        );
        self.checked = match (&self.check_with, &self.start, &self.preview) {
            (Some((t, config, baseline, limits)), Some(start), Some(preview)) => {
                Some(crate::assistant::check::check(
                    t,
                    config,
                    (baseline, start),
                    &preview.scenario,
                    p.target,
                    limits,
                ))
            }
            _ => None,
        };
        self.result = Some((self.start_index, p, kept));
    }

    /// True while the search runs.
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    /// The proposal, once the search is over.
    pub fn proposal(&self) -> Option<&Proposal> {
        self.result.as_ref().map(|(_, p, _)| p)
    }

    /// Checks or unchecks one move of the proposal.
    pub fn set_kept(&mut self, index: usize, keep: bool) {
        if let Some((_, _, kept)) = &mut self.result
            && let Some(k) = kept.get_mut(index)
        {
            *k = keep;
        }
        self.preview_checked();
    }

    /// Starts the search on its own thread.
    pub fn start(&mut self, inputs: SearchInputs) {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let target = self.target;
        let constraints = self.constraints();
        let budget = Budget {
            time: std::time::Duration::from_secs_f64(self.seconds.clamp(1.0, 600.0)),
            ..Budget::default()
        };
        self.start_index = inputs.start_index;
        self.start = Some(inputs.start.clone());
        self.check_with = Some((
            inputs.territory.clone(),
            inputs.metrics.config().clone(),
            inputs.baseline.clone(),
            constraints.clone(),
        ));
        self.checked = None;
        self.preview = None;
        let spawned = std::thread::Builder::new()
            .name("assistant".into())
            .spawn(move || {
                let r = Request {
                    territory: &inputs.territory,
                    start: &inputs.start,
                    baseline: &inputs.baseline,
                    metrics: &inputs.metrics,
                    target,
                    constraints: &constraints,
                };
                let result = propose(&r, budget, &mut |p| {
                    let _ = tx.send(Message::Progress(p.clone()));
                    !flag.load(Ordering::Relaxed)
                });
                let _ = tx.send(Message::Done(result));
            });
        if spawned.is_ok() {
            self.job = Some(Job {
                rx,
                stop,
                last: None,
                best: None,
            });
            self.result = None;
            self.error = None;
        }
    }

    fn poll(&mut self) {
        let Some(job) = &mut self.job else { return };
        let mut best_moves = None;
        let mut done = None;
        while let Ok(m) = job.rx.try_recv() {
            match m {
                Message::Progress(mut p) => {
                    if let Some(moves) = p.best_moves.take() {
                        job.best = Some(blocks_and_pupils(moves.iter()));
                        best_moves = Some(moves);
                    }
                    job.last = Some(p);
                }
                Message::Done(r) => {
                    done = Some(r);
                    break;
                }
            }
        }
        if let Some(moves) = best_moves {
            self.set_preview(moves.iter());
        }
        match done {
            Some(Ok(p)) => {
                let n = p.moves.len();
                self.result = Some((self.start_index, p, vec![true; n]));
                self.job = None;
                self.preview_checked();
            }
            Some(Err(e)) => {
                self.error = Some(e);
                self.job = None;
                self.preview = None;
            }
            None => {}
        }
    }

    /// Shows the window. `values` gives the current value of each index (None: unknown).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        territory: &Territory,
        values: &dyn Fn(Target) -> Option<f64>,
        locked: (usize, usize),
    ) -> Option<AssistantAction> {
        self.poll();
        if self.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let tx = assistant_texts(lang);
        let mut open = true;
        let mut action = None;
        egui::Window::new(tx.title)
            .collapsible(false)
            .open(&mut open)
            .default_width(760.0)
            .default_height(ctx.content_rect().height() * 0.8)
            // over the cards, leaving the map and its preview in sight
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-800.0, 110.0))
            .vscroll(true)
            .show(ctx, |ui| {
                ui.label(tx.intro);
                ui.add_space(6.0);
                let busy = self.job.is_some();
                ui.add_enabled_ui(!busy, |ui| {
                    self.settings_ui(ui, lang, tx, territory, values, locked);
                });
                ui.add_space(6.0);
                if busy {
                    self.progress_ui(ui, lang, tx);
                } else {
                    ui.horizontal(|ui| {
                        if ui
                            .button(RichText::new(tx.run).strong().size(16.0))
                            .clicked()
                        {
                            action = Some(AssistantAction::Run);
                        }
                        let fw = crate::i18n::frontier::frontier_texts(lang);
                        if ui
                            .button(RichText::new(fw.open).size(16.0))
                            .on_hover_text(fw.open_hint)
                            .clicked()
                        {
                            action = Some(AssistantAction::Frontier);
                        }
                    });
                }
                if let Some(e) = &self.error {
                    error_ui(ui, lang, e);
                }
                if let Some(a) = self.result_ui(ui, lang, tx, territory) {
                    action = Some(a);
                }
            });
        if !open {
            if let Some(job) = &self.job {
                job.stop.store(true, Ordering::Relaxed);
            }
            return Some(AssistantAction::Close);
        }
        action
    }

    fn settings_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        tx: &AssistantTexts,
        t: &Territory,
        values: &dyn Fn(Target) -> Option<f64>,
        locked: (usize, usize),
    ) {
        ui.label(RichText::new(tx.index_heading).strong());
        let mut targets = vec![
            (Target::Entropy, tx.index_entropy),
            (
                Target::Dissimilarity(Minority::Boursiers),
                tx.index_boursiers,
            ),
            (
                Target::IpsSpread,
                crate::i18n::departement::spread_texts(lang).label,
            ),
        ];
        if let Some(g) = t.groups.disadvantaged {
            targets.push((
                Target::Dissimilarity(Minority::Group(g)),
                tx.index_disadvantaged,
            ));
        }
        for (target, name) in targets {
            let value = values(target);
            let text = match value {
                Some(v) => crate::i18n::labelled(lang, name, &number(lang, target.display(v), 1)),
                None => crate::i18n::labelled(lang, name, tx.unknown_here),
            };
            ui.add_enabled_ui(value.is_some(), |ui| {
                ui.radio_value(&mut self.target, target, text);
            });
        }
        ui.add_space(4.0);
        ui.label(RichText::new(tx.constraints_heading).strong());
        // capacity bounds bind nothing where no collège has a capacity: greyed, off, and said why
        let any_capacity = t.has_capacities();
        if !any_capacity {
            self.capacity_on = false;
        }
        ui.horizontal(|ui| {
            ui.add_enabled_ui(any_capacity, |ui| {
                ui.checkbox(&mut self.capacity_on, tx.capacity)
                    .on_disabled_hover_text(tx.capacity_unknown_hint);
                let (lo, hi) = &mut self.capacity;
                ui.add(percent(lo, 2.0));
                ui.label(tx.and);
                ui.add(percent(hi, 3.0));
                if *lo > *hi {
                    *hi = *lo;
                }
            });
        });
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.walk_increase_on, tx.walk_increase);
            ui.add(crate::ui::fields::number_field(
                egui::DragValue::new(&mut self.walk_increase_m)
                    .range(0.0..=20_000.0)
                    .speed(50.0),
                lang,
                0,
            ));
        });
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.walk_max_on, tx.walk_max);
            ui.add(crate::ui::fields::number_field(
                egui::DragValue::new(&mut self.walk_max_m)
                    .range(0.0..=50_000.0)
                    .speed(50.0),
                lang,
                0,
            ));
        });
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.moved_on, tx.moved_max);
            ui.add(crate::ui::fields::number_field(
                egui::DragValue::new(&mut self.moved_max)
                    .range(0.0..=1e7)
                    .speed(10.0),
                lang,
                0,
            ));
        });
        ui.checkbox(&mut self.contiguous, tx.contiguous);
        if self.school_count > 0 {
            ui.checkbox(&mut self.schools, (tx.schools)(self.school_count));
        } else {
            let mut off = false;
            ui.add_enabled(false, egui::Checkbox::new(&mut off, tx.schools_unknown))
                .on_disabled_hover_text(tx.schools_unknown_hint);
        }
        let note = match locked {
            (0, 0) => tx.locked_note_none.to_string(),
            (u, c) => (tx.locked_note)(u, c),
        };
        ui.label(RichText::new(note).weak());
        ui.horizontal(|ui| {
            ui.label(tx.seconds);
            ui.add(crate::ui::fields::number_field(
                egui::DragValue::new(&mut self.seconds)
                    .range(1.0..=600.0)
                    .speed(1.0),
                lang,
                0,
            ));
        });
    }

    fn progress_ui(&mut self, ui: &mut egui::Ui, lang: Lang, tx: &AssistantTexts) {
        let Some(job) = &self.job else { return };
        let (fraction, phase) = job
            .last
            .as_ref()
            .map_or((0.0, Phase::Greedy), |p| (p.fraction, p.phase));
        let phase = match phase {
            Phase::Greedy => tx.phase_greedy,
            Phase::Annealing => tx.phase_annealing,
            Phase::Polish => tx.phase_polish,
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .show_percentage()
                .text(format!("{phase} {:.0} %", fraction * 100.0)),
        );
        if let Some(p) = &job.last {
            let mut line = crate::i18n::labelled(
                lang,
                tx.best_so_far,
                &format!(
                    "{} → {} ({})",
                    number(lang, self.target.display(p.start_value), 1),
                    number(lang, self.target.display(p.best_value), 1),
                    percent_change(
                        lang,
                        self.target.display(p.start_value),
                        self.target.display(p.best_value)
                    )
                ),
            );
            if let Some((units, pupils)) = job.best {
                line.push_str(" · ");
                line.push_str(&(tx.moved_line)(units, &number(lang, pupils, 0)));
            }
            ui.label(RichText::new(line).strong());
        }
        if ui.button(tx.stop).clicked() {
            job.stop.store(true, Ordering::Relaxed);
        }
        ui.checkbox(&mut self.show_on_map, tx.show_on_map);
    }

    fn result_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        tx: &AssistantTexts,
        t: &Territory,
    ) -> Option<AssistantAction> {
        let (start_index, p, mut kept) = self.result.take()?;
        let was = kept.clone();
        let action = self.result_body(ui, lang, tx, t, (start_index, &p, &mut kept));
        let changed = kept != was;
        self.result = Some((start_index, p, kept));
        if changed {
            self.preview_checked();
        }
        action
    }

    fn result_body(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        tx: &AssistantTexts,
        t: &Territory,
        (start_index, p, kept): (usize, &Proposal, &mut Vec<bool>),
    ) -> Option<AssistantAction> {
        ui.separator();
        ui.heading(tx.result_heading);
        ui.label(
            RichText::new(crate::i18n::labelled(
                lang,
                tx.index_line,
                &format!(
                    "{} → {} ({}) · {} {} s",
                    number(lang, p.target.display(p.start_value), 1),
                    number(lang, p.target.display(p.value), 1),
                    percent_change(
                        lang,
                        p.target.display(p.start_value),
                        p.target.display(p.value)
                    ),
                    tx.first_after,
                    // under a hundredth of a second is said so, not rounded up
                    match p.first_after.as_secs_f64() {
                        x if x < 0.01 => format!("< {}", number(lang, 0.01, 2)),
                        x => number(lang, x, 2),
                    },
                ),
            ))
            .strong()
            .size(16.0),
        );
        if p.moves.is_empty() {
            ui.label(tx.nothing_found);
            return None;
        }
        let (blocks, pupils) = blocks_and_pupils(p.moves.iter());
        ui.label((tx.moved_line)(blocks, &number(lang, pupils, 0)));
        let (mut wb, mut wa, mut w) = (0.0, 0.0, 0.0);
        for m in &p.moves {
            if let (Some(b), Some(a)) = (m.walk_before_m, m.walk_after_m) {
                wb += b * m.pupils;
                wa += a * m.pupils;
                w += m.pupils;
            }
        }
        if w > 0.0 {
            ui.label(crate::i18n::labelled(
                lang,
                tx.walk_line,
                &format!(
                    "{} km → {} km",
                    number(lang, wb / w / 1000.0, 1),
                    number(lang, wa / w / 1000.0, 1)
                ),
            ));
        }
        ui.add_space(4.0);
        ui.label(RichText::new(tx.moves_heading).strong());
        ui.horizontal(|ui| {
            if ui.button(tx.check_all).clicked() {
                kept.iter_mut().for_each(|k| *k = true);
            }
            if ui.button(tx.check_none).clicked() {
                kept.iter_mut().for_each(|k| *k = false);
            }
            ui.checkbox(&mut self.show_on_map, tx.show_on_map);
        });
        egui::ScrollArea::vertical()
            .id_salt("assistant_moves")
            .max_height(320.0)
            .show(ui, |ui| {
                for (m, k) in p.moves.iter().zip(kept.iter_mut()) {
                    let walk = match (m.walk_before_m, m.walk_after_m) {
                        (Some(b), Some(a)) => format!(
                            " · {} → {} km",
                            number(lang, b / 1000.0, 1),
                            number(lang, a / 1000.0, 1)
                        ),
                        _ => String::new(),
                    };
                    let what = match (&m.school, m.units.as_slice()) {
                        (_, [u]) => t.unit(*u).name.clone(),
                        (Some(school), units) => (tx.school_move)(school, units.len()),
                        (None, units) => (tx.blocks)(units.len()),
                    };
                    let text = crate::i18n::labelled(
                        lang,
                        &what,
                        &format!(
                            "{} → {} · {} {}{walk}",
                            t.college(m.from).short_name,
                            t.college(m.to).short_name,
                            number(lang, m.pupils, 0),
                            tx.pupils,
                        ),
                    );
                    ui.horizontal(|ui| {
                        ui.checkbox(k, text);
                        ui.label(RichText::new(gain_text(lang, m.gain, self.target)).weak())
                            .on_hover_text(tx.gain_hint);
                    });
                }
            });
        let n = kept.iter().filter(|k| **k).count();
        // the checked moves as a whole: their index, and every limit they break, by how much
        let breaches = self.checked_ui(ui, lang, tx, t, p, n < kept.len());
        let words = if breaches > 0 {
            (tx.accept_anyway)(n)
        } else {
            (tx.accept)(n)
        };
        let accept = ui
            .add_enabled(
                n > 0,
                egui::Button::new(RichText::new(words).strong().size(16.0)),
            )
            .clicked();
        if accept {
            let moves = p
                .moves
                .iter()
                .zip(kept.iter())
                .filter(|(_, k)| **k)
                .map(|(m, _)| m.clone())
                .collect();
            return Some(AssistantAction::Accept { start_index, moves });
        }
        None
    }
}

impl AssistantWindow {
    /// What the checked moves reach (when they are not all of the proposal) and the limits
    /// they break; returns how many.
    fn checked_ui(
        &self,
        ui: &mut egui::Ui,
        lang: Lang,
        tx: &AssistantTexts,
        t: &Territory,
        p: &Proposal,
        part: bool,
    ) -> usize {
        let Some(c) = &self.checked else {
            return 0;
        };
        if part && let Some(v) = c.value {
            ui.label(
                RichText::new((tx.checked_line)(
                    &number(lang, p.target.display(p.start_value), 1),
                    &number(lang, p.target.display(v), 1),
                ))
                .strong(),
            );
        }
        if !c.breaches.is_empty() {
            let red = Color32::from_rgb(170, 30, 30);
            ui.colored_label(red, (tx.breaches_heading)(c.breaches.len()));
            for b in &c.breaches {
                ui.colored_label(red, format!("• {}", crate::i18n::breach_text(lang, t, b)));
            }
        }
        c.breaches.len()
    }
}

/// Why the search could not run, in red (the assistant's and the frontier's windows).
pub(crate) fn error_ui(ui: &mut egui::Ui, lang: Lang, e: &AssistantError) {
    let tx = assistant_texts(lang);
    let text = match e {
        AssistantError::IndexUnknown => tx.index_unknown,
        AssistantError::NothingMovable => tx.nothing_movable,
    };
    ui.colored_label(Color32::from_rgb(170, 30, 30), text);
}

/// A share (0-1) edited as a percentage, up to `max`.
fn percent(value: &mut f64, max: f64) -> egui::DragValue<'_> {
    egui::DragValue::new(value)
        .range(0.0..=max)
        .speed(0.01)
        .custom_formatter(|v, _| format!("{:.0} %", v * 100.0))
        .custom_parser(|s| {
            s.trim_end_matches('%')
                .trim()
                .parse::<f64>()
                .ok()
                .map(|v| v / 100.0)
        })
}

/// What a move alone does to the index, on the same scale as the indices shown ("sur 100"),
/// signed once: "−0,12" when it lowers the index, "+0,05" when it raises it.
fn gain_text(lang: Lang, gain: f64, target: crate::assistant::Target) -> String {
    // the segregation indices are shown "sur 100"; the IPS spread in its own points
    let scale = match target {
        crate::assistant::Target::IpsSpread => 1.0,
        _ => 100.0,
    };
    let change = -gain * scale;
    let sign = if change > 0.0 && number(lang, change, 2) != number(lang, 0.0, 2) {
        "+"
    } else {
        ""
    };
    format!("{sign}{}", number(lang, change, 2))
}

/// "−12 %" style change from `a` to `b`.
fn percent_change(lang: Lang, a: f64, b: f64) -> String {
    if a == 0.0 {
        return "—".into();
    }
    let pct = (b / a - 1.0) * 100.0;
    let sign = if pct < 0.0 { "−" } else { "+" };
    format!(
        "{sign}{}{}",
        number(lang, pct.abs(), 0),
        crate::i18n::percent_sign(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moves_gain_is_signed_once_on_the_indices_scale() {
        let h = crate::assistant::Target::Entropy;
        assert_eq!(gain_text(Lang::Fr, 0.0012, h), "−0,12");
        assert_eq!(gain_text(Lang::Fr, -0.0002, h), "+0,02");
        assert_eq!(gain_text(Lang::En, 0.0, h), "0.00");
    }
}
