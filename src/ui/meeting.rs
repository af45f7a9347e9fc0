//! Meeting mode's pictures: a parent reads them at a glance, from the back of a room. Every
//! picture has a caption in plain words, every number comes from the indicators, and counts too
//! small to show in public (fewer than 5 pupils) are hidden along with whatever would reveal
//! them.
//!
//! Colours: the social groups use the PuOr diverging scheme (purple = favoured, orange =
//! disadvantaged), which stays distinct with every common form of colour blindness.

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};

use crate::i18n::{Lang, number};
use crate::metrics::{CollegeIndicators, Confidentiality, WalkSource};

use crate::publish::palette::{BOURSIER_RGB, GROUP_RGB, HIDDEN_RGB, Rgb};
pub use crate::publish::summary::icons_of;

const fn c32(c: Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// The four DEPP groups, most favoured first (PuOr).
pub const GROUP_COLORS: [Color32; 4] = [
    c32(GROUP_RGB[0]),
    c32(GROUP_RGB[1]),
    c32(GROUP_RGB[2]),
    c32(GROUP_RGB[3]),
];
/// Boursiers and the others.
pub const BOURSIER_COLORS: [Color32; 2] = [c32(BOURSIER_RGB[0]), c32(BOURSIER_RGB[1])];
/// Icons of a hidden (small) count.
pub const HIDDEN: Color32 = c32(HIDDEN_RGB);

/// What the icon array shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconsBy {
    /// The pupils' social groups.
    Group,
    /// Boursiers or not.
    Boursier,
}

/// A little pupil: a head and a body, in one colour.
fn pupil(painter: &egui::Painter, center: Pos2, size: f32, color: Color32) {
    let head = center + Vec2::new(0.0, -size * 0.24);
    painter.circle_filled(head, size * 0.17, color);
    let body = Rect::from_center_size(
        center + Vec2::new(0.0, size * 0.2),
        Vec2::new(size * 0.52, size * 0.42),
    );
    painter.rect_filled(
        body,
        egui::CornerRadius {
            nw: (size * 0.2) as u8,
            ne: (size * 0.2) as u8,
            sw: 1,
            se: 1,
        },
        color,
    );
}

/// "Sur 100 élèves de ce collège": 100 pupils in a 20 × 5 grid, coloured by part.
pub fn icon_array(ui: &mut Ui, icons: &[(Color32, usize)], cell: f32) -> egui::Response {
    let (cols, rows) = (20usize, 5usize);
    let (rect, response) = ui.allocate_exact_size(
        Vec2::new(cols as f32 * cell, rows as f32 * cell),
        Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let mut colors = icons.iter().flat_map(|(c, n)| std::iter::repeat_n(*c, *n));
    // column by column, so each group is one block read left to right
    for col in 0..cols {
        for row in 0..rows {
            let color = colors.next().unwrap_or(Color32::TRANSPARENT);
            let center = rect.min + Vec2::new((col as f32 + 0.5) * cell, (row as f32 + 0.5) * cell);
            pupil(&painter, center, cell, color);
        }
    }
    response
}

/// A walking person (for "15 min à pied").
pub fn walker_icon(painter: &egui::Painter, rect: Rect, color: Color32) {
    let s = rect.height();
    let at = |x: f32, y: f32| rect.min + Vec2::new(x * s, y * s);
    let stroke = Stroke::new(s * 0.1, color);
    painter.circle_filled(at(0.55, 0.13), s * 0.11, color);
    painter.line_segment([at(0.5, 0.28), at(0.42, 0.62)], stroke); // body
    painter.line_segment([at(0.42, 0.62), at(0.22, 0.95)], stroke); // back leg
    painter.line_segment([at(0.42, 0.62), at(0.58, 0.78)], stroke); // front thigh
    painter.line_segment([at(0.58, 0.78), at(0.66, 0.97)], stroke); // shin
    painter.line_segment([at(0.49, 0.34), at(0.72, 0.52)], stroke); // front arm
    painter.line_segment([at(0.49, 0.34), at(0.28, 0.5)], stroke); // back arm
}

/// A gauge placing the collège's IPS between much less and much more favoured than the
/// territory, with the band of the mixing rule around the average.
pub struct Gauge {
    /// Gap of the collège to the reference, relative (0.1 = 10 % above).
    pub now: Option<f64>,
    /// The same before the change, when it differs.
    pub before: Option<f64>,
    /// The rule's band (0.2 = ±20 %).
    pub band: f64,
}

impl Gauge {
    /// Draws the gauge, `width` wide.
    pub fn ui(&self, ui: &mut Ui, width: f32, words: (&str, &str, &str)) {
        let h = 30.0;
        let (rect, _) = ui.allocate_exact_size(Vec2::new(width, h + 22.0), Sense::hover());
        let painter = ui.painter_at(rect.expand(2.0));
        let bar = Rect::from_min_size(rect.min + Vec2::new(0.0, 6.0), Vec2::new(width, h - 12.0));
        // the scale runs from −40 % to +40 %; beyond, the marker sits at the end
        let span = 0.4;
        let x_of = |d: f64| {
            let t = ((d.clamp(-span, span) + span) / (2.0 * span)) as f32;
            bar.left() + t * bar.width()
        };
        // less favoured (orange) → more favoured (purple)
        let steps = 40;
        for k in 0..steps {
            let t = k as f32 / steps as f32;
            let c = lerp(GROUP_COLORS[3], GROUP_COLORS[0], t);
            let r = Rect::from_min_max(
                Pos2::new(bar.left() + t * bar.width(), bar.top()),
                Pos2::new(
                    bar.left() + (t + 1.0 / steps as f32) * bar.width() + 0.5,
                    bar.bottom(),
                ),
            );
            painter.rect_filled(r, 0.0, c.gamma_multiply(0.45));
        }
        // the band where the mix counts as balanced
        let band = Rect::from_min_max(
            Pos2::new(x_of(-self.band), bar.top() - 3.0),
            Pos2::new(x_of(self.band), bar.bottom() + 3.0),
        );
        painter.rect_stroke(
            band,
            3.0,
            Stroke::new(2.5, Color32::from_rgb(30, 120, 60)),
            egui::StrokeKind::Middle,
        );
        painter.line_segment(
            [
                Pos2::new(x_of(0.0), bar.top() - 4.0),
                Pos2::new(x_of(0.0), bar.bottom() + 4.0),
            ],
            Stroke::new(2.0, Color32::BLACK),
        );
        let triangle = |x: f32, fill: Color32, stroke: Stroke| {
            let tip = Pos2::new(x, bar.bottom() - 2.0);
            egui::Shape::convex_polygon(
                vec![tip, tip + Vec2::new(-9.0, 14.0), tip + Vec2::new(9.0, 14.0)],
                fill,
                stroke,
            )
        };
        if let Some(b) = self.before {
            painter.add(triangle(
                x_of(b),
                Color32::WHITE,
                Stroke::new(2.0, Color32::from_gray(90)),
            ));
        }
        if let Some(n) = self.now {
            painter.add(triangle(
                x_of(n),
                Color32::BLACK,
                Stroke::new(1.5, Color32::WHITE),
            ));
        }
        let font = egui::FontId::proportional(15.0);
        let y = rect.bottom() - 8.0;
        painter.text(
            Pos2::new(bar.left(), y),
            egui::Align2::LEFT_CENTER,
            words.0,
            font.clone(),
            Color32::from_gray(40),
        );
        painter.text(
            Pos2::new(x_of(0.0), y),
            egui::Align2::CENTER_CENTER,
            words.1,
            font.clone(),
            Color32::from_gray(40),
        );
        painter.text(
            Pos2::new(bar.right(), y),
            egui::Align2::RIGHT_CENTER,
            words.2,
            font,
            Color32::from_gray(40),
        );
    }
}

/// A colour between `a` (t = 0) and `b` (t = 1).
pub(super) fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}

/// "Rempli à 92 %": a filling bar, red past 100 %, with a tick where it was before.
pub fn fill_bar(ui: &mut Ui, width: f32, now: Option<f64>, before: Option<f64>) {
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, 22.0), Sense::hover());
    let painter = ui.painter_at(rect.expand(3.0));
    painter.rect_filled(rect, 5.0, Color32::from_gray(225));
    // the bar's end is 120 %: a full collège fills five sixths of it
    let x_of = |u: f64| rect.left() + (u.clamp(0.0, 1.2) / 1.2) as f32 * rect.width();
    if let Some(u) = now {
        let color = if u > 1.0 {
            Color32::from_rgb(200, 40, 40)
        } else {
            Color32::from_rgb(40, 100, 170)
        };
        painter.rect_filled(
            Rect::from_min_max(rect.min, Pos2::new(x_of(u), rect.bottom())),
            5.0,
            color,
        );
    }
    painter.line_segment(
        [
            Pos2::new(x_of(1.0), rect.top() - 3.0),
            Pos2::new(x_of(1.0), rect.bottom() + 3.0),
        ],
        Stroke::new(2.5, Color32::BLACK),
    );
    if let Some(b) = before {
        painter.line_segment(
            [
                Pos2::new(x_of(b), rect.top()),
                Pos2::new(x_of(b), rect.bottom()),
            ],
            Stroke::new(3.0, Color32::WHITE),
        );
    }
}

/// Everything a meeting card shows about one collège.
pub struct CardData<'a> {
    /// The collège's name.
    pub name: &'a str,
    /// Its sector colour.
    pub color: Color32,
    /// Now (the view shown).
    pub now: &'a CollegeIndicators,
    /// Before, when the view is the proposal and it changed this collège.
    pub before: Option<&'a CollegeIndicators>,
    /// Group names of the territory.
    pub groups: &'a [String],
    /// The mixing rule's band (relative).
    pub band: f64,
    /// Minutes to walk a metre's worth: converts metres to minutes.
    pub minutes: &'a dyn Fn(f64) -> f64,
    /// Where walking figures come from.
    pub walk: WalkSource,
    /// The public threshold.
    pub privacy: Confidentiality,
    /// What the icons show.
    pub icons_by: IconsBy,
    /// Picked for the tools.
    pub selected: bool,
}

/// A caption: colour swatches and their words.
pub type Caption = Vec<(Color32, String)>;

/// The icons of a collège: (colour, count) out of 100, and the caption rows.
pub fn icon_parts(
    lang: Lang,
    i: &CollegeIndicators,
    groups: &[String],
    by: IconsBy,
    privacy: Confidentiality,
) -> Option<(Vec<(Color32, usize)>, Caption)> {
    let w = crate::i18n::meeting::meeting_texts(lang);
    let whole = i.pupils;
    let (counts, colors, names): (Vec<f64>, Vec<Color32>, Vec<String>) = match by {
        IconsBy::Group => {
            let shares = i.group_shares.as_ref()?;
            (
                shares.iter().map(|s| s * whole).collect(),
                GROUP_COLORS
                    .iter()
                    .copied()
                    .cycle()
                    .take(shares.len())
                    .collect(),
                groups
                    .iter()
                    .map(|g| crate::i18n::group_name(lang, g))
                    .collect(),
            )
        }
        IconsBy::Boursier => {
            let b = i.boursier_share? * whole;
            (
                vec![b, whole - b],
                BOURSIER_COLORS.to_vec(),
                [w.boursier_part, w.not_boursier_part]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            )
        }
    };
    let shown = privacy.parts(&counts);
    let (icons, hidden) = icons_of(&shown, whole);
    let mut cells: Vec<(Color32, usize)> =
        colors.iter().copied().zip(icons.iter().copied()).collect();
    let mut caption: Caption = Vec::new();
    for (k, ((c, n), name)) in colors.iter().zip(&icons).zip(&names).enumerate() {
        if shown[k].is_some() {
            caption.push((*c, format!("{n}\u{a0}{name}")));
        }
    }
    if hidden > 0 {
        cells.push((HIDDEN, hidden));
        caption.push((HIDDEN, (w.hidden)(hidden)));
    }
    Some((cells, caption))
}

/// A big collège card for the room. Returns true when clicked.
pub fn card_ui(ui: &mut Ui, lang: Lang, d: &CardData<'_>) -> bool {
    let w = crate::i18n::meeting::meeting_texts(lang);
    // the frame's margins and stroke (2 × 16) stay inside the panel
    let width = (ui.available_width() - 10.0).min(620.0);
    let stroke = if d.selected {
        Stroke::new(4.0, Color32::BLACK)
    } else {
        Stroke::new(1.5, Color32::from_gray(170))
    };
    let inner = egui::Frame::new()
        .fill(Color32::WHITE)
        .stroke(stroke)
        .corner_radius(8.0)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(width - 36.0);
            let title_clicked = ui
                .horizontal(|ui| {
                    let (r, _) = ui.allocate_exact_size(Vec2::splat(26.0), Sense::hover());
                    ui.painter().rect_filled(r, 4.0, d.color);
                    ui.add(
                        egui::Label::new(
                            RichText::new(d.name)
                                .size(26.0)
                                .strong()
                                .color(Color32::BLACK),
                        )
                        .selectable(false)
                        .sense(Sense::click()),
                    )
                    .clicked()
                })
                .inner;
            let pupils = d.privacy.count(Some(d.now.pupils));
            let line = |ui: &mut Ui, text: String| {
                ui.label(RichText::new(text).size(20.0).color(Color32::BLACK));
            };
            // "Sur 100 élèves de ce collège"
            match icon_parts(lang, d.now, d.groups, d.icons_by, d.privacy) {
                Some((cells, caption)) if pupils.is_some() => {
                    line(ui, w.out_of_100.into());
                    icon_array(ui, &cells, ((width - 44.0) / 20.0).min(26.0));
                    // one group per line: a swatch always stays with its words
                    for (c, text) in caption {
                        ui.horizontal(|ui| {
                            let (r, _) = ui.allocate_exact_size(Vec2::splat(16.0), Sense::hover());
                            ui.painter().rect_filled(r, 3.0, c);
                            ui.label(RichText::new(text).size(17.0).color(Color32::BLACK));
                        });
                    }
                    if let Some(b) = d.before
                        && let Some((_, before)) =
                            icon_parts(lang, b, d.groups, d.icons_by, d.privacy)
                    {
                        let words: Vec<String> = before.into_iter().map(|(_, t)| t).collect();
                        ui.label(
                            RichText::new(format!("{} {}", w.before, words.join(", ")))
                                .size(16.0)
                                .color(Color32::from_gray(60)),
                        );
                    }
                }
                _ => line(ui, w.mix_unknown.into()),
            }
            ui.add_space(6.0);
            // the gauge
            let gap = |i: &CollegeIndicators| i.deviation;
            if d.now.ips_mean.is_some() {
                let ips = d
                    .now
                    .ips_mean
                    .map(|v| number(lang, v, 0))
                    .unwrap_or_default();
                line(ui, format!("{} {ips}", w.ips));
                Gauge {
                    now: gap(d.now),
                    before: d.before.and_then(gap),
                    band: d.band,
                }
                .ui(
                    ui,
                    width - 40.0,
                    if width > 540.0 {
                        (w.gauge_wide_low, w.gauge_wide_mid, w.gauge_wide_high)
                    } else {
                        (w.gauge_narrow_low, w.gauge_narrow_mid, w.gauge_narrow_high)
                    },
                );
                ui.label(
                    RichText::new((w.band)(&number(lang, d.band * 100.0, 0)))
                        .size(15.0)
                        .color(Color32::from_gray(60)),
                );
            }
            ui.add_space(6.0);
            // how full
            match d.now.capacity_use {
                Some(u) => {
                    let mut text = (w.full)(&number(lang, u * 100.0, 0));
                    if let Some(b) = d.before.and_then(|b| b.capacity_use) {
                        text += &(w.full_before)(&number(lang, b * 100.0, 0));
                    }
                    line(ui, text);
                    fill_bar(
                        ui,
                        width - 40.0,
                        Some(u),
                        d.before.and_then(|b| b.capacity_use),
                    );
                }
                None => line(ui, w.places_unknown.into()),
            }
            ui.add_space(6.0);
            // the walk
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(Vec2::new(26.0, 30.0), Sense::hover());
                walker_icon(ui.painter(), r, Color32::BLACK);
                let how = crate::i18n::walk_how(lang, d.walk);
                let text = match d.now.walk_mean_m {
                    Some(m) => {
                        let mut t = (w.walk)(&number(lang, (d.minutes)(m), 0), &how);
                        if let Some(b) = d.before.and_then(|b| b.walk_mean_m) {
                            t += &(w.walk_before)(&number(lang, (d.minutes)(b), 0));
                        }
                        t
                    }
                    None => w.walk_unknown.into(),
                };
                // a vertical column of the width left: the words wrap inside the card
                let left = ui.available_width();
                ui.vertical(|ui| {
                    ui.set_max_width(left);
                    ui.add(
                        egui::Label::new(RichText::new(text).size(20.0).color(Color32::BLACK))
                            .wrap(),
                    );
                });
            });
            title_clicked
        });
    inner.inner || inner.response.interact(Sense::click()).clicked()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hundred_icons_whatever_the_rounding_and_hidden_ones_in_grey() {
        // 37.4 + 13.3 + 21.2 + 28.1 = 100: floors give 99, the largest remainder (.4) the last
        let (icons, hidden) = icons_of(&[Some(37.4), Some(13.3), Some(21.2), Some(28.1)], 100.0);
        assert_eq!((icons.clone(), hidden), (vec![38, 13, 21, 28], 0));
        // hidden parts share the rest, in grey, and the total stays 100
        let (icons, hidden) = icons_of(&[Some(120.0), Some(60.0), None, None], 190.0);
        assert_eq!(icons.iter().sum::<usize>() + hidden, 100);
        assert_eq!(hidden, 5);
        assert_eq!(icons_of(&[Some(0.0)], 0.0), (vec![0], 0));
    }
}
