//! Two windows for the public side of the work: "Documents pour le public" (the handout, the
//! map, the social-mix chart with its preview, the public table) and "Comparer deux scénarios"
//! (the two maps side by side and a table of differences). Files are written and maps drawn on
//! their own threads; every figure comes through [`PublicSummary`], so counts under 5 pupils
//! are hidden here as in the files.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText};

use crate::i18n::{Lang, number, texts};
use crate::model::{Scenario, Territory, UnitId};
use crate::publish::palette::SectorStyles;
use crate::publish::summary::PublicFigures;
use crate::publish::{Output, PublicSummary};
use crate::ui::file_dialog::{DialogAnswer, DialogSpec, PathDialog};

/// What the public window asks of the editor.
#[derive(Debug, Clone, PartialEq)]
pub enum PublishAction {
    /// The window was closed.
    Close,
    /// Write this output here, with this author on the scenario.
    Write(Output, PathBuf, String),
}

/// The "Documents pour le public" window.
pub struct PublishWindow {
    /// The author typed in (saved on the scenario when a document is written).
    pub author: String,
    /// Add "what mixing costs" to the handout.
    pub with_frontier: bool,
    dialog: Option<(Output, PathDialog)>,
    job: Option<Receiver<Result<PathBuf, String>>>,
    message: Option<Result<PathBuf, String>>,
    chart: Option<(u64, Lang, egui::TextureHandle)>,
}

/// The scenario, its baseline and what the map picture needs, for a background thread.
pub struct PictureInputs {
    /// The territory.
    pub territory: Arc<Territory>,
    /// The scenario drawn.
    pub scenario: Scenario,
    /// Sector colours.
    pub styles: SectorStyles,
    /// Blocks marked as changed.
    pub changed: Vec<UnitId>,
}

impl PictureInputs {
    fn picture(&self) -> crate::publish::map::MapPicture<'_> {
        crate::publish::map::MapPicture {
            territory: &self.territory,
            scenario: &self.scenario,
            styles: &self.styles,
            changed: &self.changed,
        }
    }
}

fn output_label(lang: Lang, out: Output) -> &'static str {
    let tx = texts(lang);
    match out {
        Output::Handout => tx.publish_handout,
        Output::MapPng => tx.publish_map,
        Output::ChartSvg => tx.publish_chart_svg,
        Output::ChartPng => tx.publish_chart_png,
        Output::Table => tx.publish_table,
    }
}

/// Writes one public file on its own thread; the answer comes on the receiver.
pub fn write_in_background(
    ctx: &egui::Context,
    out: Output,
    mut path: PathBuf,
    summary: PublicSummary,
    inputs: PictureInputs,
    lang: Lang,
) -> Receiver<Result<PathBuf, String>> {
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(out.extension()))
    {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(out.extension());
        path = name.into();
    }
    let (send, recv) = channel();
    let repaint = ctx.clone();
    std::thread::spawn(move || {
        let result =
            crate::publish::render(out, &summary, &inputs.picture(), lang, chrono::Utc::now())
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    crate::io::atomic_write(&path, &bytes).map_err(|e| {
                        crate::i18n::labelled(
                            lang,
                            &path.display().to_string(),
                            &crate::i18n::io_reason(lang, &e),
                        )
                    })
                })
                .map(|()| path);
        let _ = send.send(result);
        repaint.request_repaint();
    });
    recv
}

fn texture_of(
    ctx: &egui::Context,
    name: &str,
    (buf, w, h): (Vec<u8>, u32, u32),
) -> egui::TextureHandle {
    let img = egui::ColorImage::from_rgb([w as usize, h as usize], &buf);
    ctx.load_texture(name, img, egui::TextureOptions::LINEAR)
}

impl PublishWindow {
    /// A window with the scenario's author filled in.
    pub fn new(author: String) -> Self {
        PublishWindow {
            author,
            with_frontier: false,
            dialog: None,
            job: None,
            message: None,
            chart: None,
        }
    }

    /// Follows a file being written.
    pub fn start(&mut self, job: Receiver<Result<PathBuf, String>>) {
        self.job = Some(job);
        self.message = None;
    }

    /// True while a file is being written.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Shows the window. `key` changes whenever the summary does (the chart is redrawn then);
    /// `frontier_drawn` says whether the curve "what mixing costs" can go in the handout.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        summary: &PublicSummary,
        key: u64,
        of_baseline: bool,
        frontier_drawn: bool,
    ) -> Option<PublishAction> {
        let tx = texts(lang);
        if let Some(rx) = &self.job
            && let Ok(result) = rx.try_recv()
        {
            self.message = Some(result);
            self.job = None;
        }
        if self
            .chart
            .as_ref()
            .is_none_or(|(k, l, _)| *k != key || *l != lang)
            && let Ok(rgb) = crate::publish::chart::mix_chart_rgb(summary, lang, 1.0)
        {
            self.chart = Some((key, lang, texture_of(ctx, "mix-chart", rgb)));
        }
        let mut action = None;
        let mut open = true;
        let top = ctx.content_rect().center_top() + egui::vec2(-520.0, 90.0);
        egui::Window::new(tx.publish_title)
            .open(&mut open)
            .collapsible(false)
            .default_pos(egui::pos2(top.x.max(10.0), top.y))
            .default_width(1040.0)
            .show(ctx, |ui| {
                ui.label(tx.publish_intro);
                if of_baseline {
                    ui.colored_label(Color32::from_rgb(160, 90, 0), tx.publish_of_baseline);
                }
                ui.horizontal(|ui| {
                    let l = ui.label(crate::i18n::with_colon(lang, tx.publish_author));
                    ui.add(egui::TextEdit::singleline(&mut self.author).desired_width(360.0))
                        .labelled_by(l.id);
                });
                let f = crate::i18n::frontier::frontier_texts(lang);
                if frontier_drawn {
                    ui.checkbox(&mut self.with_frontier, f.handout_option);
                } else {
                    ui.label(RichText::new(f.handout_none).weak());
                }
                ui.horizontal_wrapped(|ui| {
                    for out in Output::ALL {
                        let b = egui::Button::new(RichText::new(output_label(lang, out)).strong());
                        if ui.add_enabled(self.job.is_none(), b).clicked() {
                            self.dialog = Some((out, PathDialog::default()));
                        }
                    }
                });
                ui.label(RichText::new(tx.publish_privacy).italics());
                if self.job.is_some() {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tx.publish_writing);
                    });
                }
                match &self.message {
                    Some(Ok(p)) => {
                        ui.colored_label(
                            Color32::from_rgb(0, 110, 40),
                            format!("{} {}", tx.publish_written, p.display()),
                        );
                    }
                    Some(Err(e)) => {
                        ui.colored_label(
                            Color32::from_rgb(180, 0, 0),
                            format!("{} {e}", tx.publish_failed),
                        );
                    }
                    None => {}
                }
                ui.separator();
                if let Some((_, _, tex)) = &self.chart {
                    let tall = ui.ctx().content_rect().height() * 0.55;
                    egui::ScrollArea::vertical()
                        .min_scrolled_height(tall)
                        .max_height(tall)
                        .show(ui, |ui| {
                            let size = tex.size_vec2();
                            let w = ui.available_width().min(size.x);
                            ui.add(
                                egui::Image::new(tex)
                                    .fit_to_exact_size(egui::vec2(w, size.y * w / size.x.max(1.0))),
                            );
                        });
                }
            });
        if !open {
            action = Some(PublishAction::Close);
        }
        if let Some((out, dialog)) = &mut self.dialog {
            let ext = [out.extension()];
            let spec = DialogSpec {
                title: output_label(lang, *out).trim_end_matches('…'),
                help: tx.publish_save_help,
                confirm: tx.save_confirm,
                filter: (output_label(lang, *out).trim_end_matches('…'), &ext),
                save: true,
            };
            match dialog.show(ctx, &spec, lang) {
                DialogAnswer::Waiting => {}
                DialogAnswer::Cancelled => self.dialog = None,
                DialogAnswer::Chosen(path) => {
                    action = Some(PublishAction::Write(*out, path, self.author.clone()));
                    self.dialog = None;
                }
            }
        }
        action
    }
}

/// A map picture drawn in the background: the key it was asked for, and the result.
struct MapSlot {
    key: u64,
    texture: Option<egui::TextureHandle>,
    pending: Option<Receiver<(Vec<u8>, u32, u32)>>,
}

/// The "Comparer deux scénarios" window.
pub struct CompareWindow {
    /// The scenario on the left.
    pub a: usize,
    /// The scenario on the right.
    pub b: usize,
    maps: [Option<MapSlot>; 2],
}

/// What the comparison window asks of the editor.
pub enum CompareAction {
    /// The window was closed.
    Close,
}

/// "A : " in French, "A: " in English.
fn side(lang: Lang, letter: &str) -> String {
    format!("{letter}{}", crate::i18n::colon(lang))
}

fn shown(lang: Lang, v: Option<f64>, decimals: usize) -> String {
    v.map_or("—".into(), |v| number(lang, v, decimals))
}

impl CompareWindow {
    /// Compares two scenarios (indices in the document).
    pub fn new(a: usize, b: usize) -> Self {
        CompareWindow {
            a,
            b,
            maps: [None, None],
        }
    }

    /// True while a map is being drawn.
    pub fn drawing(&self) -> bool {
        self.maps
            .iter()
            .any(|m| m.as_ref().is_some_and(|m| m.pending.is_some()))
    }

    /// Asks for side `k`'s map under `key`; `inputs` is called only when it must be drawn.
    pub fn want_map(
        &mut self,
        ctx: &egui::Context,
        k: usize,
        key: u64,
        inputs: impl FnOnce() -> PictureInputs,
    ) {
        if self.maps[k].as_ref().is_some_and(|m| m.key == key) {
            return;
        }
        let inputs = inputs();
        let (send, recv) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            // drawn at about the size it is shown (two maps side by side): its names keep
            // their size instead of shrinking to 7 px
            if let Ok(rgb) = crate::publish::map::map_rgb(&inputs.picture(), COMPARE_MAP_PX) {
                let _ = send.send(rgb);
            }
            repaint.request_repaint();
        });
        let texture = self.maps[k].take().and_then(|m| m.texture);
        self.maps[k] = Some(MapSlot {
            key,
            texture,
            pending: Some(recv),
        });
    }

    /// Shows the window: the two pickers, the maps, the table of `summary` (A as "before", B
    /// as "now"). `names` are the scenarios' names.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        names: &[String],
        summary: Option<&PublicSummary>,
    ) -> Option<CompareAction> {
        let tx = texts(lang);
        for (k, slot) in self.maps.iter_mut().enumerate() {
            let Some(slot) = slot else { continue };
            if let Some(rx) = &slot.pending
                && let Ok(rgb) = rx.try_recv()
            {
                slot.texture = Some(texture_of(ctx, &format!("compare-map-{k}"), rgb));
                slot.pending = None;
            }
        }
        let mut open = true;
        // below the top bar, so that the language and the tools stay in reach
        let top = ctx.content_rect().center_top() + egui::vec2(-550.0, 90.0);
        egui::Window::new(tx.compare_title)
            .open(&mut open)
            .collapsible(false)
            .default_pos(egui::pos2(top.x.max(10.0), top.y))
            .default_width(1100.0)
            .default_height(800.0)
            .show(ctx, |ui| {
                ui.columns(2, |cols| {
                    for (k, col) in cols.iter_mut().enumerate() {
                        let pick = if k == 0 { &mut self.a } else { &mut self.b };
                        let letter = if k == 0 { "A" } else { "B" };
                        egui::ComboBox::from_id_salt(("compare", k))
                            .selected_text(format!(
                                "{}{}",
                                side(lang, letter),
                                names.get(*pick).cloned().unwrap_or_default()
                            ))
                            .width(col.available_width().min(420.0))
                            .show_ui(col, |ui| {
                                for (i, n) in names.iter().enumerate() {
                                    ui.selectable_value(pick, i, n);
                                }
                            });
                        match self.maps[k].as_ref().and_then(|m| m.texture.as_ref()) {
                            Some(tex) => {
                                let size = tex.size_vec2();
                                let w = col.available_width();
                                let h = (size.y * w / size.x.max(1.0)).min(420.0);
                                let w = size.x * h / size.y.max(1.0);
                                col.add(egui::Image::new(tex).fit_to_exact_size(egui::vec2(w, h)));
                            }
                            None => {
                                col.horizontal(|ui| {
                                    ui.spinner();
                                    ui.label(tx.compare_drawing);
                                });
                            }
                        }
                    }
                });
                ui.separator();
                let Some(s) = summary else {
                    ui.label(RichText::new(tx.compare_same).strong());
                    return;
                };
                if s.units_changed == 0 {
                    ui.label(RichText::new(tx.compare_identical).strong());
                } else {
                    ui.label(
                        RichText::new(format!(
                            "{}{} · {}",
                            side(lang, "A → B"),
                            (tx.compare_differ)(s.units_changed),
                            crate::i18n::pupils_concerned(lang, s.pupils_moved)
                        ))
                        .strong()
                        .size(16.0),
                    );
                }
                egui::ScrollArea::vertical().show(ui, |ui| {
                    difference_table(ui, lang, s);
                    ui.label(RichText::new(tx.compare_hidden).italics());
                });
            });
        (!open).then_some(CompareAction::Close)
    }
}

/// Width of each of the comparison's maps, pixels: about half the window.
const COMPARE_MAP_PX: u32 = 540;

/// Per collège: A, B and the change, for pupils, IPS, boursiers, filling and walk.
fn difference_table(ui: &mut egui::Ui, lang: Lang, s: &PublicSummary) {
    let tx = texts(lang);
    let w = crate::i18n::public_texts(lang);
    type Figure = fn(&PublicFigures) -> Option<f64>;
    let pairs: [(&str, Figure, usize); 5] = [
        (tx.compare_pupils, |f| f.pupils, 0),
        ("IPS", |f| f.ips, 1),
        (
            tx.compare_boursiers,
            |f| f.boursiers_of_100.map(|b| b as f64),
            0,
        ),
        (tx.compare_filled, |f| f.fill.map(|x| x * 100.0), 0),
        (tx.compare_walk, |f| f.walk_minutes, 0),
    ];
    egui::Grid::new("compare-table")
        .striped(true)
        .spacing(egui::vec2(14.0, 4.0))
        .show(ui, |ui| {
            ui.label("");
            for (name, _, _) in &pairs {
                ui.label(RichText::new(*name).strong());
            }
            ui.end_row();
            for c in &s.colleges {
                let name = RichText::new(&c.name);
                ui.label(if c.changed { name.strong() } else { name });
                for (_, get, decimals) in &pairs {
                    let (a, b) = (get(&c.before), get(&c.now));
                    let text = match (a, b) {
                        (Some(x), Some(y))
                            if (x - y).abs() >= 0.5 * 10f64.powi(-(*decimals as i32)) =>
                        {
                            format!(
                                "{} → {}",
                                number(lang, x, *decimals),
                                number(lang, y, *decimals)
                            )
                        }
                        _ if a == b => shown(lang, b, *decimals),
                        _ => format!(
                            "{} → {}",
                            shown(lang, a, *decimals),
                            shown(lang, b, *decimals)
                        ),
                    };
                    // what differs stands out: bold on a light yellow
                    let changed = text.contains('→');
                    let rt = RichText::new(text);
                    ui.label(if changed {
                        rt.strong()
                            .background_color(egui::Color32::from_rgb(255, 238, 170))
                    } else {
                        rt
                    });
                }
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.label(RichText::new(tx.compare_indices).strong());
    // H is an index "sur 100", the dissimilarities shares of pupils; unknown is said so
    let shown = |v: Option<f64>, on_100: bool| {
        v.map_or(w.not_known.to_string(), |v| {
            if on_100 {
                (w.on_100)(&number(lang, v * 100.0, 1))
            } else {
                crate::i18n::percent_tight(lang, &number(lang, v * 100.0, 1))
            }
        })
    };
    egui::Grid::new("compare-indices")
        .striped(true)
        .show(ui, |ui| {
            for (k, (label, a, b)) in [
                (
                    w.index_entropy,
                    s.indices_before.entropy_h,
                    s.indices_now.entropy_h,
                ),
                (
                    w.index_boursiers,
                    s.indices_before.dissimilarity_boursiers,
                    s.indices_now.dissimilarity_boursiers,
                ),
                (
                    &(w.index_disadvantaged)(s.disadvantaged.as_deref().unwrap_or_default()),
                    s.indices_before.dissimilarity_disadvantaged,
                    s.indices_now.dissimilarity_disadvantaged,
                ),
            ]
            .into_iter()
            .enumerate()
            {
                ui.label(label);
                ui.label(format!("{}{}", side(lang, "A"), shown(a, k == 0)));
                ui.label(format!("{}{}", side(lang, "B"), shown(b, k == 0)));
                ui.end_row();
            }
        });
    ui.label(RichText::new(w.index_lower_better).italics());
}
