//! The handout: one PDF per scenario that a parent takes home. Page one: the proposed map, what
//! changes and the territory's mix before and after; then one card per collège (100 pupils,
//! social position, filling, walk), the chart of every collège's mix, and the sources, what is
//! estimated and the confidentiality rule. A4, DejaVu Sans (subset into the file), French
//! typography (non-breaking spaces before "%" and ":", « guillemets »).

use ab_glyph::{Font as _, FontRef};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::chart::{MixBy, PictureError, bar_parts, mix_chart_png};
use super::map::{MapPicture, map_png};
use super::palette::{BOURSIER_RGB, GROUP_RGB, HIDDEN_RGB, Rgb};
use super::summary::{Estimated, PublicCollege, PublicFigures, PublicSummary};
use crate::i18n::{Lang, number, public_texts};
use crate::metrics::WalkSource;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 40.0;
const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// The tallest the first page's map may be: room is left under it for what changes and the
/// indices.
const MAP_MAX_H: f32 = 420.0;

/// Why the handout could not be made.
#[derive(Debug, thiserror::Error)]
pub enum HandoutError {
    /// A picture failed.
    #[error(transparent)]
    Picture(#[from] PictureError),
    /// The PDF library failed.
    #[error("PDF: {0}")]
    Pdf(String),
}

/// A finished handout: the PDF's bytes and every text it prints (for checks).
pub struct Handout {
    /// The file.
    pub pdf: Vec<u8>,
    /// Each text drawn, in order.
    pub texts: Vec<String>,
}

pub use crate::i18n::date_text;
use crate::i18n::{labelled, percent_tight as percent_text};

/// "73 %" (French, with a narrow no-break space) or "73%".
fn percent(lang: Lang, share: f64, decimals: usize) -> String {
    percent_text(lang, &number(lang, share * 100.0, decimals))
}

/// "avant : 14 min", kept on one line.
fn before_was(lang: Lang, value: &str) -> String {
    labelled(lang, public_texts(lang).before_was, value).replace(' ', "\u{a0}")
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c[0], c[1], c[2])
}

/// The fonts: for the PDF, and their metrics for measuring text.
struct Fonts {
    regular: Font,
    bold: Font,
    metrics_regular: FontRef<'static>,
    metrics_bold: FontRef<'static>,
}

impl Fonts {
    /// The bundled DejaVu fonts, for the PDF and for measuring.
    fn load() -> Result<Fonts, HandoutError> {
        let font_error = || HandoutError::Pdf("font".into());
        Ok(Fonts {
            regular: Font::new(REGULAR.to_vec().into(), 0).ok_or_else(font_error)?,
            bold: Font::new(BOLD.to_vec().into(), 0).ok_or_else(font_error)?,
            metrics_regular: FontRef::try_from_slice(REGULAR).map_err(|_| font_error())?,
            metrics_bold: FontRef::try_from_slice(BOLD).map_err(|_| font_error())?,
        })
    }
}

/// A page being written, with a cursor.
struct Writer<'a, 'p> {
    lang: Lang,
    fonts: &'a Fonts,
    texts: Vec<String>,
    surface: &'a mut Surface<'p>,
    y: f32,
}

impl Writer<'_, '_> {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let f = if bold {
            &self.fonts.metrics_bold
        } else {
            &self.fonts.metrics_regular
        };
        // advances are in font units: one em is `size` points
        let per_unit = size / f.units_per_em().unwrap_or(2048.0);
        text.chars()
            .map(|c| f.h_advance_unscaled(f.glyph_id(c)) * per_unit)
            .sum()
    }

    fn fill(&mut self, c: Rgb) {
        self.surface.set_fill(Some(Fill {
            paint: color(c).into(),
            opacity: NormalizedF32::ONE,
            rule: FillRule::NonZero,
        }));
    }

    /// Writes paragraphs from `next` on while the page has room (at least one, so that the
    /// pages always end); returns the first one left for the next page.
    fn flow(&mut self, paras: &[Paragraph], mut next: usize) -> usize {
        let first = next;
        while next < paras.len() && (next == first || self.y < PAGE_H - MARGIN - 40.0) {
            let (text, size, bold, c) = &paras[next];
            self.paragraph(text, *size, *bold, *c);
            next += 1;
        }
        next
    }

    /// One line of text whose baseline is at `y`.
    fn text_at(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool, c: Rgb) {
        self.fill(c);
        let font = if bold {
            self.fonts.bold.clone()
        } else {
            self.fonts.regular.clone()
        };
        self.surface.draw_text(
            Point::from_xy(x, y),
            font,
            size,
            text,
            false,
            TextDirection::Auto,
        );
        self.texts.push(text.to_string());
    }

    /// Words wrapped to `width`, each line below the previous; returns the lines' count.
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size, bold) > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// A paragraph at the cursor, which moves below it.
    fn paragraph(&mut self, text: &str, size: f32, bold: bool, c: Rgb) {
        self.paragraph_in(MARGIN, TEXT_W, text, size, bold, c);
    }

    fn paragraph_in(&mut self, x: f32, width: f32, text: &str, size: f32, bold: bool, c: Rgb) {
        for line in self.wrap(text, size, bold, width) {
            self.y += size * 1.25;
            let y = self.y;
            self.text_at(x, y, &line, size, bold, c);
        }
        self.y += size * 0.35;
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, c: Rgb) {
        let mut pb = PathBuilder::new();
        if let Some(r) = krilla::geom::Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) {
            pb.push_rect(r);
        }
        if let Some(path) = pb.finish() {
            self.fill(c);
            self.surface.draw_path(&path);
        }
    }

    fn outline(&mut self, x: f32, y: f32, w: f32, h: f32, c: Rgb, width: f32) {
        let mut pb = PathBuilder::new();
        if let Some(r) = krilla::geom::Rect::from_xywh(x, y, w, h) {
            pb.push_rect(r);
        }
        if let Some(path) = pb.finish() {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke {
                paint: color(c).into(),
                width,
                ..Stroke::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    fn circle(&mut self, cx: f32, cy: f32, r: f32, c: Rgb) {
        // four cubic Bézier quarters
        let k = 0.552_284_8 * r;
        let mut pb = PathBuilder::new();
        pb.move_to(cx + r, cy);
        pb.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        pb.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        pb.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        pb.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        pb.close();
        if let Some(path) = pb.finish() {
            self.fill(c);
            self.surface.draw_path(&path);
        }
    }

    fn image(&mut self, png: Vec<u8>, x: f32, y: f32, w: f32) -> Result<f32, HandoutError> {
        let img = Image::from_png(png.into(), true).map_err(HandoutError::Pdf)?;
        let (iw, ih) = img.size();
        let h = w * ih as f32 / iw.max(1) as f32;
        let size = Size::from_wh(w, h).ok_or_else(|| HandoutError::Pdf("image size".into()))?;
        self.surface
            .push_transform(&Transform::from_translate(x, y));
        self.surface.draw_image(img, size);
        self.surface.pop();
        Ok(h)
    }
}

/// The little pupil of the icon arrays: a head and a body.
fn pupil(w: &mut Writer<'_, '_>, cx: f32, cy: f32, cell: f32, c: Rgb) {
    w.circle(cx, cy - cell * 0.24, cell * 0.17, c);
    w.rect(
        cx - cell * 0.26,
        cy - cell * 0.01,
        cell * 0.52,
        cell * 0.42,
        c,
    );
}

/// Everything one card needs to say about one side (before or after).
/// The height a PNG takes drawn `width` points wide, from its header; `None` when the bytes
/// are not a PNG.
fn png_height(png: &[u8], width: f32) -> Option<f32> {
    let header = png.get(16..24)?;
    let w = u32::from_be_bytes(header[0..4].try_into().ok()?);
    let h = u32::from_be_bytes(header[4..8].try_into().ok()?);
    (w > 0).then(|| width * h as f32 / w as f32)
}

fn pupils_line(lang: Lang, f: &PublicFigures, threshold: f64) -> String {
    let w = public_texts(lang);
    match f.pupils {
        Some(p) if f.pupils_estimated => {
            format!("{} {} ({})", number(lang, p, 0), w.pupils, w.ips_estimated)
        }
        Some(p) => format!("{} {}", number(lang, p, 0), w.pupils),
        None => (w.fewer_than)(threshold),
    }
}

/// One collège's card, `h` points tall, at the cursor.
fn card(w: &mut Writer<'_, '_>, s: &PublicSummary, c: &PublicCollege, by: MixBy) -> f32 {
    let lang = w.lang;
    let tx = public_texts(lang);
    let (x0, y0) = (MARGIN, w.y + 6.0);
    let h = 150.0;
    w.outline(x0, y0, TEXT_W, h, [170, 170, 170], 0.8);
    // title
    w.text_at(x0 + 10.0, y0 + 20.0, &c.name, 13.0, true, [0, 0, 0]);
    if c.changed {
        let nw = w.width(&c.name, 13.0, true);
        w.text_at(
            x0 + 18.0 + nw,
            y0 + 20.0,
            &format!("· {}", tx.changed_mark),
            10.0,
            false,
            [90, 90, 90],
        );
    }
    let mut line = pupils_line(lang, &c.now, s.threshold);
    if c.changed {
        line = format!(
            "{line} ({})",
            before_was(lang, &pupils_line(lang, &c.before, s.threshold))
        );
    }
    w.text_at(x0 + 10.0, y0 + 36.0, &line, 10.0, false, [0, 0, 0]);
    card_icons(w, s, c, by, (x0, y0));
    card_right_column(w, s, c, (x0, y0));
    h + 10.0
}

/// A card's 100 pupils, 20 × 5, coloured by social group or boursiers, and their legend.
fn card_icons(
    w: &mut Writer<'_, '_>,
    s: &PublicSummary,
    c: &PublicCollege,
    by: MixBy,
    (x0, y0): (f32, f32),
) {
    let lang = w.lang;
    let tx = public_texts(lang);
    // 100 pupils, 20 × 5
    w.text_at(x0 + 10.0, y0 + 54.0, tx.of_100, 9.5, true, [0, 0, 0]);
    let cell = 11.0;
    let (ax, ay) = (x0 + 10.0, y0 + 60.0);
    match bar_parts(&c.now, by) {
        Some(parts) => {
            let mut colors = parts
                .iter()
                .flat_map(|(col, n)| std::iter::repeat_n(*col, *n));
            for col in 0..20 {
                for row in 0..5 {
                    let k = colors.next().unwrap_or([255, 255, 255]);
                    pupil(
                        w,
                        ax + (col as f32 + 0.5) * cell,
                        ay + (row as f32 + 0.5) * cell,
                        cell,
                        k,
                    );
                }
            }
            // the caption: one line per part shown
            let names: Vec<String> = match by {
                MixBy::Group => s
                    .groups
                    .iter()
                    .map(|g| crate::i18n::group_name(lang, g))
                    .collect(),
                MixBy::Boursier => vec![tx.boursiers.into(), tx.not_boursiers.into()],
            };
            let mut ly = ay + 5.0 * cell + 12.0;
            let mut lx = ax;
            let entries: Vec<(Rgb, String)> = match by {
                MixBy::Group => c
                    .now
                    .groups_of_100
                    .iter()
                    .flatten()
                    .enumerate()
                    .filter_map(|(i, n)| {
                        n.map(|n| {
                            (
                                GROUP_RGB[i % GROUP_RGB.len()],
                                format!("{n} {}", names.get(i).cloned().unwrap_or_default()),
                            )
                        })
                    })
                    .chain((c.now.hidden_of_100 > 0).then(|| {
                        (
                            HIDDEN_RGB,
                            format!("{} {}", c.now.hidden_of_100, (tx.hidden)(s.threshold)),
                        )
                    }))
                    .collect(),
                MixBy::Boursier => {
                    let b = c.now.boursiers_of_100.unwrap_or(0);
                    vec![
                        (BOURSIER_RGB[0], format!("{b} {}", names[0])),
                        (BOURSIER_RGB[1], format!("{} {}", 100 - b, names[1])),
                    ]
                }
            };
            for (k, words) in entries {
                let ww = w.width(&words, 8.5, false) + 20.0;
                if lx + ww > ax + 20.0 * cell + 20.0 && lx > ax {
                    lx = ax;
                    ly += 11.0;
                }
                w.rect(lx, ly - 7.0, 8.0, 8.0, k);
                w.text_at(lx + 11.0, ly, &words, 8.5, false, [0, 0, 0]);
                lx += ww;
            }
        }
        None => {
            w.text_at(ax, ay + 20.0, tx.not_known, 10.0, false, [90, 90, 90]);
        }
    }
}

/// A card's right column: the social position on its gauge, the filling, the walk.
fn card_right_column(
    w: &mut Writer<'_, '_>,
    s: &PublicSummary,
    c: &PublicCollege,
    (x0, y0): (f32, f32),
) {
    let lang = w.lang;
    let tx = public_texts(lang);
    // right column: social position, filling, walk
    let rx = x0 + 265.0;
    let rw = TEXT_W - 275.0;
    // the IPS itself beside its gauge, with what it was
    let mut ips_title = match c.now.ips {
        Some(v) => labelled(lang, tx.ips, &number(lang, v, 1)),
        None => labelled(lang, tx.ips, tx.not_known),
    };
    if c.changed
        && let Some(b) = c.before.ips
    {
        ips_title = format!("{ips_title} ({})", before_was(lang, &number(lang, b, 1)));
    }
    if c.now.ips_estimated {
        ips_title = format!("{ips_title} ({})", tx.ips_estimated);
    }
    w.text_at(rx, y0 + 54.0, &ips_title, 9.5, true, [0, 0, 0]);
    // the gauge: −40 % … +40 % around the territory's average, the rule's band in green
    let span = 0.4;
    let gy = y0 + 62.0;
    let x_of = |d: f64| rx + ((d.clamp(-span, span) + span) / (2.0 * span)) as f32 * rw;
    w.rect(rx, gy, rw, 10.0, [235, 235, 235]);
    let band = s.band;
    w.rect(
        x_of(-band),
        gy - 2.0,
        x_of(band) - x_of(-band),
        14.0,
        [200, 230, 200],
    );
    w.rect(x_of(0.0) - 0.75, gy - 3.0, 1.5, 16.0, [60, 60, 60]);
    if c.changed
        && let Some(g) = c.before.gap
    {
        w.circle(x_of(g), gy + 5.0, 4.5, [0, 0, 0]);
        w.circle(x_of(g), gy + 5.0, 3.0, [255, 255, 255]);
    }
    match c.now.gap {
        Some(g) => w.circle(x_of(g), gy + 5.0, 5.0, [0, 0, 0]),
        None => w.text_at(rx, gy + 9.0, tx.not_known, 9.0, false, [90, 90, 90]),
    }
    w.text_at(rx, gy + 24.0, tx.much_less, 7.5, false, [60, 60, 60]);
    let mw = w.width(tx.much_more, 7.5, false);
    w.text_at(
        rx + rw - mw,
        gy + 24.0,
        tx.much_more,
        7.5,
        false,
        [60, 60, 60],
    );
    let aw = w.width(tx.average, 7.5, false);
    w.text_at(
        x_of(0.0) - aw / 2.0,
        gy + 33.0,
        tx.average,
        7.5,
        false,
        [60, 60, 60],
    );
    // filling
    let fy = gy + 48.0;
    let fill_line = match c.now.fill {
        Some(f) => {
            let mut t = format!("{} {}", tx.filled, percent(lang, f, 0));
            if c.changed
                && let Some(b) = c.before.fill
            {
                t = format!("{t} ({})", before_was(lang, &percent(lang, b, 0)));
            }
            t
        }
        None => tx.capacity_unknown.to_string(),
    };
    w.text_at(rx, fy, &fill_line, 9.5, false, [0, 0, 0]);
    if let Some(f) = c.now.fill {
        w.rect(rx, fy + 4.0, rw, 8.0, [235, 235, 235]);
        let over = f > 1.0;
        let col = if over { [200, 40, 40] } else { [70, 110, 170] };
        w.rect(rx, fy + 4.0, rw * f.min(1.0) as f32, 8.0, col);
    }
    // walk
    let wy = fy + 30.0;
    let walk_line = match c.now.walk_minutes {
        Some(m) => {
            let mut t = format!("{} {} {}", number(lang, m, 0), tx.minutes, tx.walk);
            if c.changed
                && let Some(b) = c.before.walk_minutes
            {
                t = format!(
                    "{t} ({})",
                    before_was(lang, &format!("{} {}", number(lang, b, 0), tx.minutes))
                );
            }
            t
        }
        None => labelled(lang, tx.walk, tx.not_known),
    };
    let lines = w.wrap(&walk_line, 9.5, false, rw);
    for (i, l) in lines.iter().enumerate() {
        w.text_at(rx, wy + i as f32 * 12.0, l, 9.5, false, [0, 0, 0]);
    }
}

fn footer(w: &mut Writer<'_, '_>, page: usize, made: &str) {
    let tx = public_texts(w.lang);
    let text = format!("{made} · {} {page}", tx.page);
    w.text_at(MARGIN, PAGE_H - 22.0, &text, 8.0, false, [110, 110, 110]);
}

/// Draws one page: `draw` writes on it from `y` down, then the footer is added.
#[allow(clippy::too_many_arguments)]
fn on_page(
    doc: &mut Document,
    fonts: &Fonts,
    lang: Lang,
    page: usize,
    made: &str,
    texts: &mut Vec<String>,
    y: f32,
    draw: impl FnOnce(&mut Writer<'_, '_>) -> Result<(), HandoutError>,
) -> Result<(), HandoutError> {
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| HandoutError::Pdf("page size".into()))?;
    let mut p = doc.start_page_with(settings);
    let mut surface = p.surface();
    let result = {
        let mut w = Writer {
            lang,
            fonts,
            texts: Vec::new(),
            surface: &mut surface,
            y,
        };
        let r = draw(&mut w);
        footer(&mut w, page, made);
        texts.append(&mut w.texts);
        r
    };
    surface.finish();
    p.finish();
    result
}

/// Writes the handout of a scenario. `map` is the proposal's picture; `now` dates the document.
pub fn handout(
    s: &PublicSummary,
    map: &MapPicture<'_>,
    lang: Lang,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Handout, HandoutError> {
    let tx = public_texts(lang);
    let fonts = Fonts::load()?;
    let made = format!("{} {}", tx.made_with, date_text(lang, now));
    let map_png = map_png(map, 1600)?;
    let chart_png = mix_chart_png(s, lang)?;
    let by = MixBy::for_summary(s);

    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(format!("{} – {}", tx.handout_title, s.scenario.name))
            .creator("Carte Mixité".into()),
    );
    let mut texts = Vec::new();
    let mut page_no = 0;

    // page 1: the map, what changes, the territory's mix
    {
        page_no += 1;
        on_page(
            &mut doc,
            &fonts,
            lang,
            page_no,
            &made,
            &mut texts,
            MARGIN - 10.0,
            |w| first_page(w, s, lang, map_png),
        )?;
    }

    // the collège cards, four per page
    let cards: Vec<&PublicCollege> = s.public_colleges().collect();
    let privates: Vec<&PublicCollege> = s.colleges.iter().filter(|c| c.private).collect();
    for (k, chunk) in cards.chunks(4).enumerate() {
        page_no += 1;
        on_page(
            &mut doc,
            &fonts,
            lang,
            page_no,
            &made,
            &mut texts,
            MARGIN - 10.0,
            |w| {
                if k == 0 {
                    w.paragraph(tx.colleges_heading, 16.0, true, [0, 0, 0]);
                    // what the gauge's marks mean, once
                    w.paragraph(
                        &(tx.gauge_legend)(&number(lang, s.band * 100.0, 0)),
                        9.0,
                        false,
                        [70, 70, 70],
                    );
                }
                for c in chunk {
                    let h = card(w, s, c, by);
                    w.y += h;
                }
                Ok(())
            },
        )?;
    }

    // the chart, private collèges, notes, sources and method. A chart with no known mix at all
    // says nothing and is left out; one too tall to leave room for the rest gets a page of its
    // own, scaled to fit it
    let chart_words = match by {
        MixBy::Group => tx.chart_title_groups,
        MixBy::Boursier => tx.chart_title_boursiers,
    };
    let useful = s.colleges.iter().any(|c| bar_parts(&c.now, by).is_some());
    let chart_h = png_height(&chart_png, TEXT_W).unwrap_or(PAGE_H);
    let room = PAGE_H - 2.0 * MARGIN - 40.0;
    let chart_alone = useful && chart_h > room - 250.0;
    let mut chart_png = useful.then_some(chart_png);
    if chart_alone && let Some(png) = chart_png.take() {
        page_no += 1;
        on_page(
            &mut doc,
            &fonts,
            lang,
            page_no,
            &made,
            &mut texts,
            MARGIN,
            |w| {
                let width = TEXT_W * (room / chart_h).min(1.0);
                w.image(png, MARGIN + (TEXT_W - width) / 2.0, w.y, width)?;
                // the chart's own words, for the checks (they are pixels in the PDF)
                w.texts.push(chart_words.to_string());
                Ok(())
            },
        )?;
    }
    // what follows the chart, as paragraphs that flow onto as many pages as they need (a
    // département has dozens of private collèges)
    let paras = closing_paragraphs(s, lang, &privates);
    let mut next = 0;
    while next < paras.len() {
        page_no += 1;
        let chart = chart_png.take();
        on_page(
            &mut doc,
            &fonts,
            lang,
            page_no,
            &made,
            &mut texts,
            MARGIN,
            |w| {
                if let Some(png) = chart {
                    let y = w.y;
                    let h = w.image(png, MARGIN, y, TEXT_W)?;
                    // the chart's own words, for the checks (they are pixels in the PDF)
                    w.texts.push(chart_words.to_string());
                    w.y = y + h + 6.0;
                }
                next = w.flow(&paras, next);
                Ok(())
            },
        )?;
    }
    // what mixing costs, when the handout is asked to carry it: a last page of its own, the chart
    // and what it says in words
    if let Some(fig) = &s.frontier {
        let png = super::frontier_chart::frontier_chart_png(fig, &|x, d| number(lang, x, d))?;
        page_no += 1;
        on_page(
            &mut doc,
            &fonts,
            lang,
            page_no,
            &made,
            &mut texts,
            MARGIN,
            |w| {
                w.paragraph(&fig.title, 16.0, true, [0, 0, 0]);
                let y = w.y + 4.0;
                let h = w.image(png, MARGIN, y, TEXT_W)?;
                // the chart's own words, for the checks (they are pixels in the PDF)
                w.texts.extend([
                    fig.axis_index.clone(),
                    fig.axis_moved.clone(),
                    fig.current_label.clone(),
                ]);
                w.texts.extend(fig.band.iter().map(|b| b.2.clone()));
                w.texts.extend(fig.walk_legend.iter().cloned());
                w.y = y + h + 8.0;
                for sentence in &fig.sentences {
                    w.paragraph(sentence, 11.0, false, [0, 0, 0]);
                }
                Ok(())
            },
        )?;
    }
    let pdf = doc
        .finish()
        .map_err(|e| HandoutError::Pdf(format!("{e:?}")))?;
    Ok(Handout { pdf, texts })
}

/// A paragraph of a flowing document: text, size, bold, colour.
pub type Paragraph = (String, f32, bool, Rgb);

/// A document of paragraphs that flow onto as many A4 pages as they need, each page with the
/// footer of the handouts (the meeting record).
pub fn flowing_document(
    title: &str,
    paras: &[Paragraph],
    lang: Lang,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Handout, HandoutError> {
    let tx = public_texts(lang);
    let fonts = Fonts::load()?;
    let made = format!("{} {}", tx.made_with, date_text(lang, now));
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .creator("Carte Mixité".into()),
    );
    let mut texts = Vec::new();
    let (mut page_no, mut next) = (0, 0);
    while next < paras.len() || page_no == 0 {
        page_no += 1;
        on_page(
            &mut doc,
            &fonts,
            lang,
            page_no,
            &made,
            &mut texts,
            MARGIN,
            |w| {
                next = w.flow(paras, next);
                Ok(())
            },
        )?;
    }
    let pdf = doc
        .finish()
        .map_err(|e| HandoutError::Pdf(format!("{e:?}")))?;
    Ok(Handout { pdf, texts })
}

/// What follows the chart, as paragraphs (text, size, bold, colour): the private collèges, the
/// scenario's notes, the sources, what was estimated and how, confidentiality.
fn closing_paragraphs(
    s: &PublicSummary,
    lang: Lang,
    privates: &[&PublicCollege],
) -> Vec<Paragraph> {
    let tx = public_texts(lang);
    let mut paras: Vec<Paragraph> = Vec::new();
    if !privates.is_empty() {
        paras.push((tx.private_colleges.into(), 9.5, false, [60, 60, 60]));
        for c in privates {
            let mut line = labelled(lang, &c.name, &pupils_line(lang, &c.now, s.threshold));
            if let Some(b) = c.now.boursiers_of_100 {
                line = format!("{line} · {b} {} / 100", tx.boursiers);
            }
            paras.push((line, 9.5, false, [0, 0, 0]));
        }
    }
    if !s.scenario.notes.trim().is_empty() {
        paras.push((tx.notes_heading.into(), 13.0, true, [0, 0, 0]));
        paras.push((s.scenario.notes.clone(), 10.0, false, [0, 0, 0]));
    }
    paras.push((tx.sources_heading.into(), 13.0, true, [0, 0, 0]));
    if s.sources.is_empty() {
        paras.push((tx.no_sources.into(), 9.5, false, [0, 0, 0]));
    }
    for src in &s.sources {
        paras.push((format!("• {src}"), 9.5, false, [0, 0, 0]));
    }
    for e in &s.estimated {
        let words = match e {
            Estimated::Fictional => tx.est_fictional,
            Estimated::Ips => tx.est_ips,
            Estimated::Pupils => tx.est_pupils,
            Estimated::WalkStraightLine => tx.est_walk_straight,
        };
        paras.push((format!("• {words}"), 9.5, false, [0, 0, 0]));
    }
    // how the estimates were made, as the import recorded it, then the territory's notes
    let method = s.method.iter().map(|m| crate::i18n::method_text(lang, m));
    let notes = s.notes.lines().filter(|l| !l.trim().is_empty());
    for line in method.chain(notes.map(str::to_string)) {
        paras.push((format!("  {line}"), 9.0, false, [60, 60, 60]));
    }
    if s.walk == WalkSource::Streets {
        paras.push((format!("• {}", tx.walk_streets), 9.5, false, [0, 0, 0]));
    }
    paras.push((
        format!("• {}", (tx.privacy)(s.threshold)),
        9.5,
        false,
        [0, 0, 0],
    ));
    // the words of the handout, each with its one plain definition
    use crate::i18n::glossary::{Term, entry};
    paras.push((
        crate::i18n::common(lang).glossary_heading.to_string(),
        14.0,
        true,
        [0, 0, 0],
    ));
    for term in [
        Term::Ips,
        Term::Boursiers,
        Term::Separation,
        Term::Dissimilarity,
        Term::IpsSpread,
    ] {
        paras.push((format!("• {}", entry(lang, term)), 9.5, false, [0, 0, 0]));
    }
    paras
}

/// The handout's first page: the title, the map, what changes, the territory's mix.
fn first_page(
    w: &mut Writer<'_, '_>,
    s: &PublicSummary,
    lang: Lang,
    map_png: Vec<u8>,
) -> Result<(), HandoutError> {
    let tx = public_texts(lang);
    w.paragraph(tx.handout_title, 20.0, true, [0, 0, 0]);
    w.paragraph(&s.territory, 11.0, false, [60, 60, 60]);
    let author = if s.scenario.author.trim().is_empty() {
        tx.no_author.to_string()
    } else {
        s.scenario.author.clone()
    };
    let quoted = |name: &str| crate::i18n::quoted(lang, name);
    let head = format!(
        "{} · {} · {}",
        labelled(lang, tx.scenario, &quoted(&s.scenario.name)),
        labelled(lang, tx.author, &author),
        labelled(
            lang,
            tx.dated,
            &date_text(lang, s.scenario.modified).replace(' ', "\u{a0}")
        ),
    );
    w.paragraph(&head, 11.0, true, [0, 0, 0]);
    w.paragraph(
        &labelled(lang, tx.compared_with, &quoted(&s.baseline)),
        10.0,
        false,
        [60, 60, 60],
    );
    w.paragraph(tx.map_heading, 14.0, true, [0, 0, 0]);
    let y = w.y + 4.0;
    // a tall territory's map is narrowed, so that what changes and the indices
    // stay on the page under it
    let full = png_height(&map_png, TEXT_W).unwrap_or(MAP_MAX_H);
    let width = TEXT_W * (MAP_MAX_H / full).min(1.0);
    let x = MARGIN + (TEXT_W - width) / 2.0;
    let h = w.image(map_png, x, y, width)?;
    w.outline(x, y, width, h, [170, 170, 170], 0.6);
    w.y = y + h;
    w.paragraph(tx.map_caption, 9.0, false, [60, 60, 60]);
    w.paragraph(tx.changes_heading, 14.0, true, [0, 0, 0]);
    if s.units_changed == 0 {
        w.paragraph(tx.changes_none, 11.0, false, [0, 0, 0]);
    } else {
        let line = format!(
            "{} · {}",
            (tx.units_change)(s.units_changed),
            crate::i18n::pupils_concerned(lang, s.pupils_moved)
        );
        w.paragraph(&line, 11.0, false, [0, 0, 0]);
    }
    indices_table(w, s, lang);
    w.paragraph(tx.index_lower_better, 9.0, false, [60, 60, 60]);
    Ok(())
}

/// The territory's indices before and after, in two columns.
fn indices_table(w: &mut Writer<'_, '_>, s: &PublicSummary, lang: Lang) {
    let tx = public_texts(lang);
    w.paragraph(tx.indices_heading, 14.0, true, [0, 0, 0]);
    let group = (tx.index_disadvantaged)(s.disadvantaged.as_deref().unwrap_or_default());
    // H is an index "sur 100", the dissimilarities shares of pupils
    let rows = [
        (
            tx.index_entropy,
            s.indices_before.entropy_h,
            s.indices_now.entropy_h,
            true,
        ),
        (
            tx.index_boursiers,
            s.indices_before.dissimilarity_boursiers,
            s.indices_now.dissimilarity_boursiers,
            false,
        ),
        (
            group.as_str(),
            s.indices_before.dissimilarity_disadvantaged,
            s.indices_now.dissimilarity_disadvantaged,
            false,
        ),
    ];
    // room for "11,4 sur 100" in each column
    let col_b = MARGIN + TEXT_W - 150.0;
    let col_a = MARGIN + TEXT_W - 72.0;
    w.y += 12.0;
    let y = w.y;
    w.text_at(col_b, y, tx.before_short, 9.5, true, [0, 0, 0]);
    w.text_at(col_a, y, tx.after_short, 9.5, true, [0, 0, 0]);
    for (label, before, after, on_100) in rows {
        if before.is_none() && after.is_none() {
            continue;
        }
        let top = w.y;
        w.paragraph_in(MARGIN, TEXT_W - 160.0, label, 9.5, false, [0, 0, 0]);
        let shown = |v: Option<f64>| {
            v.map_or(tx.not_known.to_string(), |v| {
                if on_100 {
                    (tx.on_100)(&crate::i18n::number(lang, v * 100.0, 1))
                } else {
                    percent(lang, v, 1)
                }
            })
        };
        w.text_at(col_b, top + 12.0, &shown(before), 10.0, false, [0, 0, 0]);
        w.text_at(col_a, top + 12.0, &shown(after), 10.0, true, [0, 0, 0]);
    }
    // the IPS spread is in IPS points, not a share
    if let (Some(before), Some(after)) = (s.indices_before.ips_spread, s.indices_now.ips_spread) {
        let top = w.y;
        w.paragraph_in(
            MARGIN,
            TEXT_W - 160.0,
            tx.index_ips_spread,
            9.5,
            false,
            [0, 0, 0],
        );
        let shown = |v: f64| crate::i18n::number(lang, v, 1);
        w.text_at(col_b, top + 12.0, &shown(before), 10.0, false, [0, 0, 0]);
        w.text_at(col_a, top + 12.0, &shown(after), 10.0, true, [0, 0, 0]);
    }
}
