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
}

/// The legend, top left: what colours, shapes and lines mean.
pub(super) fn legend_ui(painter: &egui::Painter, clip: Rect, legend: &Legend) {
    let font = egui::FontId::proportional(15.0);
    let x = clip.left() + 14.0;
    let mut y = clip.top() + 14.0;
    let rows = 4 + legend.classes.len() + usize::from(legend.striped.is_some());
    let width = legend
        .classes
        .iter()
        .map(|(_, t)| t.chars().count())
        .chain([legend.title.chars().count() + 4, 30])
        .max()
        .unwrap_or(30) as f32
        * 8.6;
    let bg = Rect::from_min_size(
        Pos2::new(x - 8.0, y - 8.0),
        Vec2::new(width, rows as f32 * 25.0 + 8.0),
    );
    painter.rect_filled(bg, 6.0, Color32::from_white_alpha(230));
    let row = |y: f32, text: &str| {
        painter.text(
            Pos2::new(x + 34.0, y),
            egui::Align2::LEFT_CENTER,
            text,
            font.clone(),
            Color32::BLACK,
        );
    };
    if legend.classes.is_empty() {
        let swatches = [
            Color32::from_rgb(0x77, 0xAA, 0xDD),
            Color32::from_rgb(0xEE, 0x88, 0x66),
            Color32::from_rgb(0x44, 0xBB, 0x99),
        ];
        for (k, c) in swatches.iter().enumerate() {
            painter.rect_filled(
                Rect::from_min_size(Pos2::new(x + k as f32 * 9.0, y + 2.0), Vec2::new(9.0, 16.0)),
                0.0,
                *c,
            );
        }
        row(y + 10.0, &legend.title);
        if let Some(text) = legend.striped {
            y += 25.0;
            let r = Rect::from_min_size(Pos2::new(x, y + 2.0), Vec2::new(26.0, 16.0));
            painter.rect_filled(r, 0.0, swatches[0]);
            let stripes = painter.with_clip_rect(r);
            for k in 0..4 {
                let a = r.left_bottom() + Vec2::new(k as f32 * 9.0 - 6.0, 0.0);
                stripes.line_segment(
                    [a, a + Vec2::new(16.0, -16.0)],
                    Stroke::new(3.0, Color32::from_white_alpha(190)),
                );
            }
            row(y + 10.0, text);
        }
    } else {
        painter.text(
            Pos2::new(x, y + 10.0),
            egui::Align2::LEFT_CENTER,
            &legend.title,
            egui::FontId::proportional(15.0),
            Color32::BLACK,
        );
        for (c, text) in &legend.classes {
            y += 25.0;
            painter.rect_filled(
                Rect::from_min_size(Pos2::new(x, y + 2.0), Vec2::new(26.0, 16.0)),
                2.0,
                *c,
            );
            row(y + 10.0, text);
        }
    }
    y += 25.0;
    let dot = Pos2::new(x + 12.0, y + 10.0);
    painter.circle_filled(dot, 8.0, Color32::from_rgb(60, 80, 110));
    painter.circle_stroke(dot, 8.0, Stroke::new(2.0, Color32::WHITE));
    row(y + 10.0, legend.public);
    y += 25.0;
    let r = Rect::from_center_size(Pos2::new(x + 12.0, y + 10.0), Vec2::splat(14.0));
    painter.rect_filled(r, 2.0, Color32::WHITE);
    painter.rect_stroke(
        r,
        2.0,
        Stroke::new(2.0, SECTOR_LINE),
        egui::StrokeKind::Middle,
    );
    row(y + 10.0, legend.private);
    y += 25.0;
    painter.line_segment(
        [Pos2::new(x, y + 10.0), Pos2::new(x + 26.0, y + 10.0)],
        Stroke::new(2.6, SECTOR_LINE),
    );
    row(y + 10.0, legend.boundary);
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
