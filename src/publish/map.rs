//! The map as a picture (for the handout and the "PNG of the map" export): each sector in its
//! colour with a dark outline, the rivers and main roads, the collèges as black dots with their
//! names, and a white dot on every block that changes collège. Web Mercator, like the window.

use geo::{BoundingRect, Coord};
use plotters::coord::Shift;
use plotters::prelude::*;
use proj4rs::Proj;

use super::chart::{FONT, PictureError, png_of_rgb, register_font};
use super::palette::{Rgb, SectorStyles};
use crate::model::{Scenario, Sector, Territory, UnitId, UnitShape};

/// Lon/lat to Web Mercator metres, through proj4rs.
struct Mercator {
    src: Proj,
    dst: Proj,
}

impl Mercator {
    fn new() -> Option<Self> {
        Some(Mercator {
            src: Proj::from_epsg_code(4326).ok()?,
            dst: Proj::from_epsg_code(3857).ok()?,
        })
    }

    fn xy(&self, c: Coord<f64>) -> Option<(f64, f64)> {
        let mut p = (c.x.to_radians(), c.y.to_radians(), 0.0);
        proj4rs::transform::transform(&self.src, &self.dst, &mut p).ok()?;
        Some((p.0, p.1))
    }
}

/// What the map picture shows.
pub struct MapPicture<'a> {
    /// The territory.
    pub territory: &'a Territory,
    /// The scenario whose sectors are drawn.
    pub scenario: &'a Scenario,
    /// Each collège's colour.
    pub styles: &'a SectorStyles,
    /// Blocks that change collège (white dots).
    pub changed: &'a [UnitId],
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

/// The picture's height for a width, keeping the territory's proportions (within bounds).
pub fn map_height(t: &Territory, width: u32) -> u32 {
    let ratio = extent(t).map_or(0.75, |(x0, y0, x1, y1)| {
        ((y1 - y0) / (x1 - x0).max(1e-9)).clamp(0.4, 1.6)
    });
    (width as f64 * ratio).round() as u32
}

/// The territory's extent in Web Mercator metres.
fn extent(t: &Territory) -> Option<(f64, f64, f64, f64)> {
    let m = Mercator::new()?;
    let mut b: Option<(f64, f64, f64, f64)> = None;
    for u in t.units() {
        let rect = match &u.shape {
            UnitShape::Area(mp) => mp.bounding_rect(),
            UnitShape::Point(p) => Some(geo::Rect::new(p.0, p.0)),
        };
        let Some(r) = rect else { continue };
        for c in [r.min(), r.max()] {
            let Some((x, y)) = m.xy(c) else { continue };
            b = Some(match b {
                None => (x, y, x, y),
                Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
            });
        }
    }
    b
}

/// Draws the map on any plotters surface.
pub fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pic: &MapPicture<'_>,
) -> Result<(), PictureError> {
    register_font();
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| PictureError::Draw(e.to_string());
    let t = pic.territory;
    area.fill(&WHITE).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let (Some(m), Some((x0, y0, x1, y1))) = (Mercator::new(), extent(t)) else {
        return area.present().map_err(err);
    };
    let margin = 0.03 * w as f64;
    let scale = ((w as f64 - 2.0 * margin) / (x1 - x0).max(1e-9))
        .min((h as f64 - 2.0 * margin) / (y1 - y0).max(1e-9));
    let ox = (w as f64 - scale * (x1 - x0)) / 2.0;
    let oy = (h as f64 - scale * (y1 - y0)) / 2.0;
    let to_px = |c: Coord<f64>| -> Option<(i32, i32)> {
        let (x, y) = m.xy(c)?;
        Some((
            (ox + (x - x0) * scale).round() as i32,
            (h as f64 - oy - (y - y0) * scale).round() as i32,
        ))
    };
    let ring = |r: &geo::LineString<f64>| -> Vec<(i32, i32)> {
        r.coords().filter_map(|c| to_px(*c)).collect()
    };
    let unassigned = RGBColor(225, 225, 225);
    // fills
    for u in t.unit_ids() {
        let color = pic
            .scenario
            .assignment(u)
            .main_college()
            .and_then(|c| pic.styles.colors.get(c.index()))
            .map_or(unassigned, |c| rgb(*c));
        if let UnitShape::Area(mp) = &t.unit(u).shape {
            for poly in &mp.0 {
                let pts = ring(poly.exterior());
                area.draw(&Polygon::new(pts.clone(), color.filled()))
                    .map_err(err)?;
                area.draw(&PathElement::new(
                    pts,
                    RGBColor(255, 255, 255).mix(0.6).stroke_width(1),
                ))
                .map_err(err)?;
                for hole in poly.interiors() {
                    area.draw(&Polygon::new(ring(hole), WHITE.filled()))
                        .map_err(err)?;
                }
            }
        }
    }
    // landmarks (rivers, main roads), under the sector outlines
    for l in &t.landmarks {
        let pts = ring(&l.line);
        area.draw(&PathElement::new(
            pts,
            RGBColor(70, 130, 200).stroke_width((w / 400).max(2)),
        ))
        .map_err(err)?;
    }
    // sector outlines
    let outline = (w / 500).max(2);
    for (_, mp) in crate::io::export::dissolved_sectors(t, pic.scenario) {
        for poly in &mp.0 {
            area.draw(&PathElement::new(
                ring(poly.exterior()),
                RGBColor(40, 40, 40).stroke_width(outline),
            ))
            .map_err(err)?;
        }
    }
    // blocks that change collège
    let dot = (w as i32 / 160).max(5);
    for &u in pic.changed {
        if let Some(p) = to_px(t.unit(u).anchor.0) {
            area.draw(&Circle::new(p, dot, WHITE.filled()))
                .map_err(err)?;
            area.draw(&Circle::new(p, dot, BLACK.stroke_width(2)))
                .map_err(err)?;
        }
    }
    // collèges and their names
    let size = (w as f64 / 55.0).max(12.0);
    let font = (FONT, size).into_font().color(&BLACK);
    for c in t.colleges() {
        let Some(p) = to_px(c.location.0) else {
            continue;
        };
        let r = (w as i32 / 110).max(6);
        let fill = if c.sector == Sector::Private {
            RGBColor(120, 120, 120)
        } else {
            BLACK
        };
        area.draw(&Circle::new(p, r + 2, WHITE.filled()))
            .map_err(err)?;
        area.draw(&Circle::new(p, r, fill.filled())).map_err(err)?;
        let (tw, th) = area.estimate_text_size(&c.short_name, &font).map_err(err)?;
        let (tx, ty) = (p.0 - tw as i32 / 2, p.1 + r + 4);
        let pad = 3;
        area.draw(&Rectangle::new(
            [
                (tx - pad, ty - pad),
                (tx + tw as i32 + pad, ty + th as i32 + pad),
            ],
            WHITE.mix(0.85).filled(),
        ))
        .map_err(err)?;
        area.draw(&Text::new(c.short_name.clone(), (tx, ty), font.clone()))
            .map_err(err)?;
    }
    area.present().map_err(err)?;
    Ok(())
}

/// The map as RGB pixels, `width` wide: (pixels, width, height).
pub fn map_rgb(pic: &MapPicture<'_>, width: u32) -> Result<(Vec<u8>, u32, u32), PictureError> {
    let h = map_height(pic.territory, width);
    let mut buf = vec![255u8; (width * h * 3) as usize];
    {
        let area = BitMapBackend::with_buffer(&mut buf, (width, h)).into_drawing_area();
        draw_map(&area, pic)?;
    }
    Ok((buf, width, h))
}

/// The map as a PNG file's bytes, `width` pixels wide.
pub fn map_png(pic: &MapPicture<'_>, width: u32) -> Result<Vec<u8>, PictureError> {
    let (buf, w, h) = map_rgb(pic, width)?;
    png_of_rgb(buf, w, h)
}
