//! The legend, the scale bar, and the grid that keeps labels from overlapping.

use egui::{Color32, Pos2, Rect, Stroke, Vec2};
use walkers::Projector;

use super::SECTOR_LINE;

/// Rectangles already placed on screen, bucketed in a coarse grid.
#[derive(Default)]
pub(super) struct LabelGrid {
    cells: std::collections::HashMap<(i32, i32), Vec<Rect>>,
}

impl LabelGrid {
    const CELL: f32 = 96.0;

    /// Places a rectangle if it overlaps none placed before; says whether it did.
    pub(super) fn place(&mut self, r: Rect) -> bool {
        let cells = |r: Rect| {
            let (x0, x1) = (
                (r.left() / Self::CELL).floor() as i32,
                (r.right() / Self::CELL).floor() as i32,
            );
            let (y0, y1) = (
                (r.top() / Self::CELL).floor() as i32,
                (r.bottom() / Self::CELL).floor() as i32,
            );
            (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
        };
        if cells(r).any(|c| {
            self.cells
                .get(&c)
                .is_some_and(|v| v.iter().any(|o| o.intersects(r)))
        }) {
            return false;
        }
        for c in cells(r) {
            self.cells.entry(c).or_default().push(r);
        }
        true
    }
}

/// The map legend, in the interface's language.
#[derive(Debug, Clone)]
pub struct Legend {
    /// What the fill shows ("One colour = one collège's sector", "IPS of the block's families").
    pub title: String,
    /// Class colours and their meaning, when the fill is a measure.
    pub classes: Vec<(Color32, String)>,
    /// "public collège".
    pub public: &'static str,
    /// "private collège (no sector)".
    pub private: &'static str,
    /// "sector boundary".
    pub boundary: &'static str,
    /// What stripes mean, when some sectors are striped.
    pub striped: Option<&'static str>,
    /// What the orange outline means, when the map outlines the blocks that change.
    pub changed: Option<&'static str>,
}

/// The legend, top left: what colours, shapes and lines mean. Its box is measured from its
/// words, so nothing overflows it; `scale` enlarges it for a room.
///
/// It goes in the corner of the map where it hides the fewest blocks (`hidden` counts the
/// blocks under a rectangle), clear of the scale bar and the buttons.
pub(super) fn legend_ui(
    painter: &egui::Painter,
    clip: Rect,
    legend: &Legend,
    scale: f32,
    hidden: &dyn Fn(Rect) -> usize,
) {
    let font = egui::FontId::proportional(15.0 * scale);
    let line = 25.0 * scale;
    let swatch = Vec2::new(26.0, 16.0) * scale;
    let text_x = 34.0 * scale;
    // every row: how its symbol is drawn, and its words
    enum Symbol {
        Colours,
        Class(Color32),
        Stripes,
        Public,
        Private,
        Boundary,
        Changed,
    }
    let mut rows: Vec<(Symbol, &str)> = Vec::new();
    if legend.classes.is_empty() {
        rows.push((Symbol::Colours, &legend.title));
        if let Some(text) = legend.striped {
            rows.push((Symbol::Stripes, text));
        }
    } else {
        rows.extend(
            legend
                .classes
                .iter()
                .map(|(c, t)| (Symbol::Class(*c), t.as_str())),
        );
    }
    rows.push((Symbol::Public, legend.public));
    rows.push((Symbol::Private, legend.private));
    rows.push((Symbol::Boundary, legend.boundary));
    if let Some(text) = legend.changed {
        rows.push((Symbol::Changed, text));
    }
    let galley =
        |text: &str| painter.layout_no_wrap(text.to_string(), font.clone(), Color32::BLACK);
    let title = (!legend.classes.is_empty()).then(|| galley(&legend.title));
    let galleys: Vec<_> = rows.iter().map(|(_, t)| galley(t)).collect();
    let width = galleys
        .iter()
        .map(|g| text_x + g.size().x)
        .chain(title.iter().map(|g| g.size().x))
        .fold(0.0_f32, f32::max)
        + 16.0;
    let height = (rows.len() + usize::from(title.is_some())) as f32 * line + 8.0;
    let size = Vec2::new(width, height);
    // the corners, clear of the scale bar (bottom left), the "Recentrer" button (top right)
    // and the attribution (bottom right); the first that hides fewest blocks
    let corners = [
        Pos2::new(clip.left() + 6.0, clip.top() + 6.0),
        Pos2::new(clip.left() + 6.0, clip.bottom() - 56.0 - height),
        Pos2::new(clip.right() - 6.0 - width, clip.top() + 46.0),
        Pos2::new(clip.right() - 6.0 - width, clip.bottom() - 30.0 - height),
    ];
    let corner = corners
        .into_iter()
        .min_by_key(|c| hidden(Rect::from_min_size(*c, size)))
        .unwrap_or(corners[0]);
    let bg = Rect::from_min_size(corner, size);
    let (x, top) = (bg.left() + 8.0, bg.top() + 8.0);
    painter.rect_filled(bg, 6.0, Color32::from_white_alpha(230));
    let mut y = top;
    if let Some(g) = title {
        let at = Pos2::new(x, y + line * 0.4 - g.size().y / 2.0);
        painter.galley(at, g, Color32::BLACK);
        y += line;
    }
    let colours = [
        Color32::from_rgb(0x77, 0xAA, 0xDD),
        Color32::from_rgb(0xEE, 0x88, 0x66),
        Color32::from_rgb(0x44, 0xBB, 0x99),
    ];
    for ((symbol, _), g) in rows.iter().zip(galleys) {
        let mid = y + line * 0.4;
        let r = Rect::from_min_size(Pos2::new(x, mid - swatch.y / 2.0), swatch);
        match symbol {
            Symbol::Colours => {
                for (k, c) in colours.iter().enumerate() {
                    let w = swatch.x / 3.0;
                    let part = Rect::from_min_size(
                        r.min + Vec2::new(k as f32 * w, 0.0),
                        Vec2::new(w, r.height()),
                    );
                    painter.rect_filled(part, 0.0, *c);
                }
            }
            Symbol::Class(c) => {
                painter.rect_filled(r, 2.0, *c);
            }
            Symbol::Stripes => {
                painter.rect_filled(r, 0.0, colours[0]);
                let stripes = painter.with_clip_rect(r);
                for k in 0..4 {
                    let a = r.left_bottom() + Vec2::new(k as f32 * 9.0 * scale - 6.0, 0.0);
                    stripes.line_segment(
                        [a, a + Vec2::splat(16.0 * scale) * Vec2::new(1.0, -1.0)],
                        Stroke::new(3.0, Color32::from_white_alpha(190)),
                    );
                }
            }
            Symbol::Public => {
                let dot = Pos2::new(x + 12.0 * scale, mid);
                painter.circle_filled(dot, 8.0 * scale, Color32::from_rgb(60, 80, 110));
                painter.circle_stroke(dot, 8.0 * scale, Stroke::new(2.0, Color32::WHITE));
            }
            Symbol::Private => {
                let sq = Rect::from_center_size(
                    Pos2::new(x + 12.0 * scale, mid),
                    Vec2::splat(14.0 * scale),
                );
                painter.rect_filled(sq, 2.0, Color32::WHITE);
                painter.rect_stroke(
                    sq,
                    2.0,
                    Stroke::new(2.0, SECTOR_LINE),
                    egui::StrokeKind::Middle,
                );
            }
            Symbol::Boundary => {
                painter.line_segment(
                    [Pos2::new(x, mid), Pos2::new(x + swatch.x, mid)],
                    Stroke::new(2.6, SECTOR_LINE),
                );
            }
            Symbol::Changed => {
                painter.rect_filled(r, 0.0, colours[0]);
                painter.rect_stroke(
                    r,
                    0.0,
                    Stroke::new(5.0, Color32::WHITE),
                    egui::StrokeKind::Inside,
                );
                painter.rect_stroke(
                    r.shrink(1.0),
                    0.0,
                    Stroke::new(3.0, super::PREVIEW_LINE),
                    egui::StrokeKind::Inside,
                );
            }
        }
        painter.galley(
            Pos2::new(x + text_x, mid - g.size().y / 2.0),
            g,
            Color32::BLACK,
        );
        y += line;
    }
}

/// A scale bar with a round length, bottom left.
pub(super) fn scale_bar_ui(painter: &egui::Painter, projector: &Projector, clip: Rect) {
    let center = projector.unproject(clip.center().to_vec2());
    let px_per_m = f64::from(projector.scale_pixel_per_meter(center));
    if !(px_per_m.is_finite() && px_per_m > 0.0) {
        return;
    }
    let target_m = 160.0 / px_per_m;
    let nice = [
        50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0, 10_000.0, 20_000.0, 50_000.0,
    ];
    let metres = nice
        .iter()
        .copied()
        .rfind(|&m| m <= target_m)
        .unwrap_or(nice[0]);
    let len = (metres * px_per_m) as f32;
    let base = Pos2::new(clip.left() + 20.0, clip.bottom() - 24.0);
    let label = if metres >= 1000.0 {
        format!("{} km", metres / 1000.0)
    } else {
        format!("{metres} m")
    };
    let bg = Rect::from_min_max(
        base - Vec2::new(8.0, 26.0),
        base + Vec2::new(len + 8.0, 10.0),
    );
    painter.rect_filled(bg, 4.0, Color32::from_white_alpha(210));
    let stroke = Stroke::new(3.0, Color32::BLACK);
    painter.line_segment([base, base + Vec2::new(len, 0.0)], stroke);
    painter.line_segment([base, base - Vec2::new(0.0, 7.0)], stroke);
    painter.line_segment(
        [base + Vec2::new(len, 0.0), base + Vec2::new(len, -7.0)],
        stroke,
    );
    painter.text(
        base + Vec2::new(len / 2.0, -6.0),
        egui::Align2::CENTER_BOTTOM,
        label,
        egui::FontId::proportional(15.0),
        Color32::BLACK,
    );
}
