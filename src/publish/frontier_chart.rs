//! "Ce que coûte la mixité": the best index the assistant found for each cap on pupils moved,
//! from the current map, with the project's scenarios, the knee of the curve and the band where
//! most random maps under the same rules fall. The window paints it with egui; the handout
//! draws it here with plotters. Both read one [`FrontierFigure`], whose numbers are already in
//! the unit shown (an index "sur 100", or IPS points) and whose words are already in the
//! reader's language.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::RGBColor;

use super::chart::{FONT, PictureError, fit, png_of_rgb, register_font};
use super::palette::Rgb;

/// One point of the curve.
#[derive(Debug, Clone, PartialEq)]
pub struct FigurePoint {
    /// The cap on pupils moved it was searched under.
    pub cap: f64,
    /// Pupils moved by its map.
    pub moved: f64,
    /// Its index, as shown.
    pub value: f64,
    /// Its mean walk in metres (None: unknown).
    pub walk_m: Option<f64>,
}

/// A scenario of the project, placed on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureScenario {
    /// Its name.
    pub name: String,
    /// Pupils whose collège differs from the current map's.
    pub moved: f64,
    /// Its index, as shown.
    pub value: f64,
}

/// The chart's numbers and words.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontierFigure {
    /// The heading above it.
    pub title: String,
    /// The horizontal axis ("élèves déplacés").
    pub axis_moved: String,
    /// The vertical axis (the index's name).
    pub axis_index: String,
    /// The current map's label.
    pub current_label: String,
    /// The current map's index, as shown.
    pub start: f64,
    /// The curve, caps increasing.
    pub points: Vec<FigurePoint>,
    /// The project's scenarios with a known index.
    pub scenarios: Vec<FigureScenario>,
    /// Pupils moved at the knee, if the curve has one.
    pub knee: Option<f64>,
    /// The band of the random maps (low, high, as shown) and its label.
    pub band: Option<(f64, f64, String)>,
    /// What the points' colour means (None: walks unknown or all equal).
    pub walk_legend: Option<String>,
    /// What the chart says in words, printed under it.
    pub sentences: Vec<String>,
}

/// Round steps for an axis spanning `span`: 1, 2 or 5 times a power of ten, about `n` of them.
pub fn nice_step(span: f64, n: f64) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / n;
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
}

/// Blue for the shortest mean walk (`t` = 0), orange for the longest (`t` = 1).
pub fn walk_rgb(t: f64) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    let (a, b) = ([37.0, 99.0, 180.0], [221.0, 107.0, 32.0]);
    let mix = |i: usize| (a[i] + (b[i] - a[i]) * t).round() as u8;
    [mix(0), mix(1), mix(2)]
}

/// The scenarios' colour.
pub const SCENARIO_RGB: Rgb = [120, 60, 160];

/// The 5th and 95th percentiles of an ensemble's indices (None under 10 maps: too few for a
/// band).
pub fn ensemble_band(values: &[f64]) -> Option<(f64, f64)> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.len() < 10 {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    Some((at(0.05), at(0.95)))
}

impl FrontierFigure {
    /// The right end of the horizontal axis: every cap and scenario, with a margin.
    pub fn x_max(&self) -> f64 {
        self.points
            .iter()
            .map(|p| p.moved.max(p.cap))
            .chain(self.scenarios.iter().map(|s| s.moved))
            .fold(10.0, f64::max)
            * 1.05
    }

    /// The vertical axis's range: every point, scenario, the band and the current map, padded.
    pub fn y_range(&self) -> (f64, f64) {
        let ys = self
            .points
            .iter()
            .map(|p| p.value)
            .chain(self.scenarios.iter().map(|s| s.value))
            .chain(self.band.iter().flat_map(|(lo, hi, _)| [*lo, *hi]))
            .chain([self.start]);
        let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
            (lo.min(y), hi.max(y))
        });
        let pad = ((hi - lo) * 0.08).max(0.05);
        ((lo - pad).max(0.0), hi + pad)
    }

    /// Where point `i`'s mean walk lies between the shortest (0) and the longest (1).
    pub fn walk_share(&self, i: usize) -> f64 {
        let walks = self.points.iter().filter_map(|p| p.walk_m);
        let (lo, hi) = walks.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
        match self.points.get(i).and_then(|p| p.walk_m) {
            Some(m) if hi > lo => (m - lo) / (hi - lo),
            _ => 0.0,
        }
    }

    /// Decimals for the vertical axis's numbers.
    pub fn y_decimals(&self) -> usize {
        let (lo, hi) = self.y_range();
        if nice_step(hi - lo, 5.0) < 1.0 { 1 } else { 0 }
    }
}

/// The chart's size at scale 1, in pixels.
pub const CHART_SIZE: (u32, u32) = (1000, 560);

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

/// Draws the chart on any plotters surface of [`CHART_SIZE`] times `scale`; `number` writes a
/// number with its decimals the reader's way.
pub fn draw_frontier_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    fig: &FrontierFigure,
    number: &dyn Fn(f64, usize) -> String,
    scale: f64,
) -> Result<(), PictureError> {
    register_font();
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| PictureError::Draw(e.to_string());
    let px = |v: f64| (v * scale).round() as i32;
    // sizes chosen for the A4 page, where the chart is about 18 cm wide: the smallest prints
    // at about 9 pt
    let font = |size: f64, c: RGBColor| (FONT, size * 1.2 * scale).into_font().color(&c);
    let grey = RGBColor(90, 90, 90);
    area.fill(&WHITE).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    // the plot's rectangle, in pixels
    let (left, right, top, bottom) = (px(86.0), w - px(24.0), px(44.0), h - px(84.0));
    let x_max = fig.x_max();
    let (y_lo, y_hi) = fig.y_range();
    let at = |moved: f64, shown: f64| {
        (
            left + ((moved / x_max) * (right - left) as f64).round() as i32,
            bottom - (((shown - y_lo) / (y_hi - y_lo)) * (bottom - top) as f64).round() as i32,
        )
    };
    area.draw(&Text::new(
        fig.axis_index.clone(),
        (px(16.0), px(12.0)),
        font(18.0, BLACK),
    ))
    .map_err(err)?;
    // the band where 90 % of the random maps fall
    if let Some((lo, hi, label)) = &fig.band {
        let (y0, y1) = (at(0.0, *hi).1, at(0.0, *lo).1);
        area.draw(&Rectangle::new(
            [(left, y0), (right, y1.max(y0 + 1))],
            RGBColor(225, 225, 225).filled(),
        ))
        .map_err(err)?;
        let (tw, _) = area
            .estimate_text_size(label, &font(15.0, grey))
            .map_err(err)?;
        area.draw(&Text::new(
            label.clone(),
            (right - tw as i32 - px(6.0), y0 + px(4.0)),
            font(15.0, grey),
        ))
        .map_err(err)?;
    }
    // axes, ticks and their numbers
    let axis = grey.stroke_width(px(1.5).max(1) as u32);
    area.draw(&PathElement::new(
        vec![(left, bottom), (right, bottom)],
        axis,
    ))
    .map_err(err)?;
    area.draw(&PathElement::new(vec![(left, bottom), (left, top)], axis))
        .map_err(err)?;
    let step = nice_step(x_max, 6.0);
    let mut x = 0.0;
    while x <= x_max {
        let p = at(x, y_lo);
        area.draw(&PathElement::new(vec![p, (p.0, p.1 + px(6.0))], axis))
            .map_err(err)?;
        let label = number(x, 0);
        let (tw, _) = area
            .estimate_text_size(&label, &font(16.0, grey))
            .map_err(err)?;
        area.draw(&Text::new(
            label,
            (p.0 - tw as i32 / 2, p.1 + px(10.0)),
            font(16.0, grey),
        ))
        .map_err(err)?;
        x += step;
    }
    let step = nice_step(y_hi - y_lo, 5.0);
    let mut y = (y_lo / step).ceil() * step;
    while y <= y_hi {
        let p = at(0.0, y);
        area.draw(&PathElement::new(vec![p, (p.0 - px(6.0), p.1)], axis))
            .map_err(err)?;
        let label = number(y, fig.y_decimals());
        let (tw, th) = area
            .estimate_text_size(&label, &font(16.0, grey))
            .map_err(err)?;
        area.draw(&Text::new(
            label,
            (p.0 - px(10.0) - tw as i32, p.1 - th as i32 / 2),
            font(16.0, grey),
        ))
        .map_err(err)?;
        y += step;
    }
    let (tw, _) = area
        .estimate_text_size(&fig.axis_moved, &font(17.0, BLACK))
        .map_err(err)?;
    area.draw(&Text::new(
        fig.axis_moved.clone(),
        ((left + right) / 2 - tw as i32 / 2, bottom + px(34.0)),
        font(17.0, BLACK),
    ))
    .map_err(err)?;
    // the knee, dashed
    if let Some(k) = fig.knee {
        let x = at(k, y_lo).0;
        let dash = px(8.0).max(2);
        let mut y = top;
        while y < bottom {
            area.draw(&PathElement::new(
                vec![(x, y), (x, (y + dash).min(bottom))],
                grey.stroke_width(px(2.0).max(1) as u32),
            ))
            .map_err(err)?;
            y += dash + dash / 2 + 1;
        }
    }
    // the curve from the current map, its points coloured by the walk
    let line: Vec<(i32, i32)> = std::iter::once(at(0.0, fig.start))
        .chain(fig.points.iter().map(|p| at(p.moved, p.value)))
        .collect();
    area.draw(&PathElement::new(
        line,
        BLACK.stroke_width(px(3.0).max(1) as u32),
    ))
    .map_err(err)?;
    for (i, p) in fig.points.iter().enumerate() {
        let c = at(p.moved, p.value);
        area.draw(&Circle::new(c, px(9.0), WHITE.filled()))
            .map_err(err)?;
        area.draw(&Circle::new(
            c,
            px(7.5),
            rgb(walk_rgb(fig.walk_share(i))).filled(),
        ))
        .map_err(err)?;
    }
    // the current map, a black square
    let c = at(0.0, fig.start);
    area.draw(&Rectangle::new(
        [
            (c.0 - px(7.0), c.1 - px(7.0)),
            (c.0 + px(7.0), c.1 + px(7.0)),
        ],
        BLACK.filled(),
    ))
    .map_err(err)?;
    area.draw(&Text::new(
        fig.current_label.clone(),
        (c.0 + px(12.0), c.1 - px(28.0)),
        font(16.0, BLACK),
    ))
    .map_err(err)?;
    // the project's scenarios, purple diamonds with their names
    let purple = rgb(SCENARIO_RGB);
    for s in &fig.scenarios {
        let c = at(s.moved, s.value);
        let r = px(9.0);
        area.draw(&Polygon::new(
            vec![
                (c.0, c.1 - r),
                (c.0 + r, c.1),
                (c.0, c.1 + r),
                (c.0 - r, c.1),
            ],
            purple.filled(),
        ))
        .map_err(err)?;
        let name = fit(&s.name, right - c.0 - px(14.0), |t| {
            area.estimate_text_size(t, &font(15.0, purple))
                .map_or(0, |(tw, _)| tw as i32)
        });
        area.draw(&Text::new(
            name,
            (c.0 + px(12.0), c.1 - px(9.0)),
            font(15.0, purple),
        ))
        .map_err(err)?;
    }
    if let Some(legend) = &fig.walk_legend {
        // under the axis's words: the colour scale, then what it means
        let (_, th) = area
            .estimate_text_size(legend, &font(15.0, grey))
            .map_err(err)?;
        let y = h - px(8.0) - th as i32;
        let sw = px(18.0);
        for (k, t) in [0.0, 0.5, 1.0].into_iter().enumerate() {
            let x0 = left + k as i32 * sw;
            area.draw(&Rectangle::new(
                [(x0, y), (x0 + sw, y + th as i32)],
                rgb(walk_rgb(t)).filled(),
            ))
            .map_err(err)?;
        }
        area.draw(&Text::new(
            legend.clone(),
            (left + 3 * sw + px(8.0), y),
            font(15.0, grey),
        ))
        .map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}

/// The chart as a PNG file's bytes, at twice [`CHART_SIZE`] (sharp in print).
pub fn frontier_chart_png(
    fig: &FrontierFigure,
    number: &dyn Fn(f64, usize) -> String,
) -> Result<Vec<u8>, PictureError> {
    let scale = 2.0;
    let (w, h) = (CHART_SIZE.0 * 2, CHART_SIZE.1 * 2);
    let mut buf = vec![255u8; (w * h * 3) as usize];
    {
        let area = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        draw_frontier_chart(&area, fig, number, scale)?;
    }
    png_of_rgb(buf, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure() -> FrontierFigure {
        FrontierFigure {
            title: "Ce que coûte la mixité".into(),
            axis_moved: "élèves déplacés".into(),
            axis_index: "Séparation sociale (sur 100)".into(),
            current_label: "Carte actuelle".into(),
            start: 29.0,
            points: vec![
                FigurePoint {
                    cap: 100.0,
                    moved: 98.0,
                    value: 26.0,
                    walk_m: Some(900.0),
                },
                FigurePoint {
                    cap: 200.0,
                    moved: 190.0,
                    value: 24.5,
                    walk_m: Some(1100.0),
                },
            ],
            scenarios: vec![FigureScenario {
                name: "Proposition des parents".into(),
                moved: 150.0,
                value: 27.0,
            }],
            knee: Some(98.0),
            band: Some((28.0, 31.0, "90 % de 1 000 cartes au hasard".into())),
            walk_legend: Some("marche moyenne 0,90 à 1,10 km".into()),
            sentences: vec![],
        }
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(1000.0, 6.0), 200.0);
        assert_eq!(nice_step(7.0, 5.0), 2.0);
        assert_eq!(nice_step(0.3, 5.0), 0.1);
        assert_eq!(nice_step(0.0, 5.0), 1.0);
    }

    #[test]
    fn the_band_holds_the_middle_ninety_percent() {
        let v: Vec<f64> = (0..=100).map(f64::from).collect();
        assert_eq!(ensemble_band(&v), Some((5.0, 95.0)));
        assert_eq!(ensemble_band(&[1.0, 2.0]), None);
    }

    #[test]
    fn the_ranges_hold_every_mark_and_the_walks_spread_from_blue_to_orange() {
        let f = figure();
        assert!(f.x_max() >= 200.0);
        let (lo, hi) = f.y_range();
        assert!(lo < 24.5 && hi > 31.0, "{lo} {hi}");
        assert_eq!(f.walk_share(0), 0.0);
        assert_eq!(f.walk_share(1), 1.0);
        assert_eq!(walk_rgb(0.0), [37, 99, 180]);
        assert_eq!(walk_rgb(1.0), [221, 107, 32]);
    }

    #[test]
    fn the_chart_draws_to_a_png_with_its_marks() {
        let f = figure();
        let png = frontier_chart_png(&f, &|x, d| format!("{x:.d$}")).unwrap();
        let img = image::load_from_memory(&png).unwrap().to_rgb8();
        assert_eq!(img.dimensions(), (CHART_SIZE.0 * 2, CHART_SIZE.1 * 2));
        // the points' colours and the scenario's purple are there
        let has = |c: Rgb| img.pixels().any(|p| p.0 == c);
        assert!(has(walk_rgb(0.0)));
        assert!(has(walk_rgb(1.0)));
        assert!(has(SCENARIO_RGB));
    }
}
