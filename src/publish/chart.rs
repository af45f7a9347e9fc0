//! "La mixité sociale de chaque collège, avant et après": for each public collège, two bars of
//! 100 pupils split by social group (or boursiers), the baseline above the proposal. Drawn with
//! plotters, to SVG for print and to pixels for the window and PNG files.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{FontStyle, RGBColor};

use super::palette::{BOURSIER_RGB, GROUP_RGB, HIDDEN_RGB, Rgb};
use super::summary::{PublicFigures, PublicSummary};
use crate::i18n::{Lang, public_texts};

/// The font every picture uses (DejaVu Sans, in `assets/fonts`): registered once with plotters.
pub(crate) const FONT: &str = "sans-serif";
static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Registers the bundled font with plotters (once).
pub(crate) fn register_font() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // the font is bundled: it cannot be invalid, and a failure would only lose the text
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, FONT_BYTES);
    });
}

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    /// The drawing library failed.
    #[error("drawing failed: {0}")]
    Draw(String),
    /// The PNG encoder failed.
    #[error("PNG encoding failed: {0}")]
    Png(String),
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

/// Which split the bars show: social groups when known, else boursiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MixBy {
    /// The social groups.
    Group,
    /// Boursiers or not.
    Boursier,
}

impl MixBy {
    /// Groups when any collège has them, else boursiers.
    pub fn for_summary(s: &PublicSummary) -> MixBy {
        if s.colleges.iter().any(|c| c.now.groups_of_100.is_some()) {
            MixBy::Group
        } else {
            MixBy::Boursier
        }
    }
}

/// The parts of one bar: (colour, pupils out of 100); the hidden part last, in grey.
pub fn bar_parts(f: &PublicFigures, by: MixBy) -> Option<Vec<(Rgb, usize)>> {
    match by {
        MixBy::Group => {
            let g = f.groups_of_100.as_ref()?;
            let mut parts: Vec<(Rgb, usize)> = g
                .iter()
                .enumerate()
                .filter_map(|(i, n)| n.map(|n| (GROUP_RGB[i % GROUP_RGB.len()], n)))
                .collect();
            parts.push((HIDDEN_RGB, f.hidden_of_100));
            Some(parts)
        }
        MixBy::Boursier => {
            let b = f.boursiers_of_100?;
            Some(vec![(BOURSIER_RGB[0], b), (BOURSIER_RGB[1], 100 - b)])
        }
    }
}

/// The legend's entries: (colour, words).
pub fn legend(s: &PublicSummary, by: MixBy, lang: Lang) -> Vec<(Rgb, String)> {
    let w = public_texts(lang);
    let mut out: Vec<(Rgb, String)> = match by {
        MixBy::Group => s
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                (
                    GROUP_RGB[i % GROUP_RGB.len()],
                    crate::i18n::group_name(lang, g),
                )
            })
            .collect(),
        MixBy::Boursier => vec![
            (BOURSIER_RGB[0], w.boursiers.into()),
            (BOURSIER_RGB[1], w.not_boursiers.into()),
        ],
    };
    let any_hidden = s
        .public_colleges()
        .any(|c| c.now.hidden_of_100 > 0 || c.before.hidden_of_100 > 0);
    if by == MixBy::Group && any_hidden {
        out.push((HIDDEN_RGB, (w.hidden)(s.threshold)));
    }
    out
}

const ROW: i32 = 64;
const TOP: i32 = 70;
const LEGEND: i32 = 90;
/// Width of the chart in pixels at scale 1.
pub const CHART_WIDTH: u32 = 1000;

/// Relative luminance of a colour (0 black, 1 white), as WCAG defines it.
fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// The chart's size at scale 1, in pixels.
pub fn chart_size(s: &PublicSummary) -> (u32, u32) {
    let n = s.public_colleges().count().max(1) as i32;
    (CHART_WIDTH, (TOP + n * ROW + LEGEND) as u32)
}

/// `text`, cut with "…" until `width_of` it fits in `max`.
pub(crate) fn fit(text: &str, max: i32, width_of: impl Fn(&str) -> i32) -> String {
    if width_of(text) <= max {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while chars.len() > 1 {
        chars.pop();
        let cut: String = chars.iter().collect();
        let candidate = format!("{}…", cut.trim_end());
        if width_of(&candidate) <= max {
            return candidate;
        }
    }
    "…".into()
}

/// Draws the chart on any plotters surface of `chart_size(s)` times `scale`.
pub fn draw_mix_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &PublicSummary,
    lang: Lang,
    scale: f64,
) -> Result<(), PictureError> {
    register_font();
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| PictureError::Draw(e.to_string());
    let w = public_texts(lang);
    let by = MixBy::for_summary(s);
    let px = |v: i32| (v as f64 * scale).round() as i32;
    let font = |size: i32| (FONT, px(size) as f64).into_font().color(&BLACK);
    area.fill(&WHITE).map_err(err)?;
    let title = match by {
        MixBy::Group => w.chart_title_groups,
        MixBy::Boursier => w.chart_title_boursiers,
    };
    area.draw(&Text::new(title, (px(20), px(14)), font(24)))
        .map_err(err)?;
    area.draw(&Text::new(w.chart_subtitle, (px(20), px(44)), font(15)))
        .map_err(err)?;
    let (label_w, bar_x0, bar_x1) = (px(300), px(330), px(CHART_WIDTH as i32 - 30));
    let bar_len = (bar_x1 - bar_x0) as f64;
    let mut y = px(TOP);
    for c in s.public_colleges() {
        // the name, cut to fit its column
        let name = fit(&c.name, label_w, |t| {
            area.estimate_text_size(t, &font(17))
                .map_or(0, |(tw, _)| tw as i32)
        });
        area.draw(&Text::new(name, (px(20), y + px(8)), font(17)))
            .map_err(err)?;
        if c.changed {
            area.draw(&Text::new(w.changed_mark, (px(20), y + px(32)), font(13)))
                .map_err(err)?;
        }
        for (k, (f, word)) in [(&c.before, w.before_short), (&c.now, w.after_short)]
            .into_iter()
            .enumerate()
        {
            let top = y + px(4) + k as i32 * px(26);
            let bottom = top + px(22);
            area.draw(&Text::new(
                word,
                (bar_x0 - px(4) - px(60), top + px(3)),
                font(14),
            ))
            .map_err(err)?;
            match bar_parts(f, by) {
                Some(parts) => {
                    let mut at = 0usize;
                    for (color, n) in parts {
                        if n == 0 {
                            continue;
                        }
                        let x0 = bar_x0 + (at as f64 / 100.0 * bar_len).round() as i32;
                        at += n;
                        let x1 = bar_x0 + (at as f64 / 100.0 * bar_len).round() as i32;
                        area.draw(&Rectangle::new(
                            [(x0, top), (x1, bottom)],
                            rgb(color).filled(),
                        ))
                        .map_err(err)?;
                        area.draw(&Rectangle::new(
                            [(x0, top), (x1, bottom)],
                            WHITE.stroke_width(1),
                        ))
                        .map_err(err)?;
                        if n >= 6 {
                            let label = n.to_string();
                            // whichever of white and black contrasts more with the colour
                            // (WCAG), large enough to read in print (about 9 pt on the handout)
                            let text_color = if luminance(color) < 0.179 {
                                WHITE
                            } else {
                                BLACK
                            };
                            area.draw(&Text::new(
                                label,
                                (x0 + px(4), top + px(2)),
                                (FONT, px(18) as f64).into_font().color(&text_color),
                            ))
                            .map_err(err)?;
                        }
                    }
                }
                None => {
                    area.draw(&Rectangle::new(
                        [(bar_x0, top), (bar_x1, bottom)],
                        RGBColor(240, 240, 240).filled(),
                    ))
                    .map_err(err)?;
                    area.draw(&Text::new(
                        w.not_known,
                        (bar_x0 + px(8), top + px(3)),
                        font(14),
                    ))
                    .map_err(err)?;
                }
            }
        }
        y += px(ROW);
    }
    // the legend, wrapped on as many lines as it needs
    let mut x = px(20);
    let mut ly = y + px(14);
    for (color, words) in legend(s, by, lang) {
        let (tw, _) = area.estimate_text_size(&words, &font(15)).map_err(err)?;
        let wide = px(26) + tw as i32 + px(22);
        if x + wide > px(CHART_WIDTH as i32) && x > px(20) {
            x = px(20);
            ly += px(26);
        }
        area.draw(&Rectangle::new(
            [(x, ly), (x + px(20), ly + px(18))],
            rgb(color).filled(),
        ))
        .map_err(err)?;
        area.draw(&Text::new(words, (x + px(26), ly + px(1)), font(15)))
            .map_err(err)?;
        x += wide;
    }
    area.present().map_err(err)?;
    Ok(())
}

/// The chart as an SVG document.
pub fn mix_chart_svg(s: &PublicSummary, lang: Lang) -> Result<String, PictureError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, chart_size(s)).into_drawing_area();
        draw_mix_chart(&area, s, lang, 1.0)?;
    }
    Ok(out)
}

/// The chart as RGB pixels at `scale`: (pixels, width, height).
pub fn mix_chart_rgb(
    s: &PublicSummary,
    lang: Lang,
    scale: f64,
) -> Result<(Vec<u8>, u32, u32), PictureError> {
    let (w, h) = chart_size(s);
    let (w, h) = (
        (w as f64 * scale).round() as u32,
        (h as f64 * scale).round() as u32,
    );
    let mut buf = vec![255u8; (w * h * 3) as usize];
    {
        let area = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        draw_mix_chart(&area, s, lang, scale)?;
    }
    Ok((buf, w, h))
}

/// RGB pixels as a PNG file's bytes.
pub fn png_of_rgb(buf: Vec<u8>, w: u32, h: u32) -> Result<Vec<u8>, PictureError> {
    let img = image::RgbImage::from_raw(w, h, buf)
        .ok_or_else(|| PictureError::Png("buffer size".into()))?;
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| PictureError::Png(e.to_string()))?;
    Ok(out.into_inner())
}

/// The chart as a PNG file's bytes, at twice the screen size (sharp in print).
pub fn mix_chart_png(s: &PublicSummary, lang: Lang) -> Result<Vec<u8>, PictureError> {
    let (buf, w, h) = mix_chart_rgb(s, lang, 2.0)?;
    png_of_rgb(buf, w, h)
}
