//! The map's geometry, projected once to Web Mercator pixels at zoom 0 and simplified per zoom
//! band, so that a frame only scales and shifts points (the projection is linear in that space).
//!
//! Unit borders are kept as polylines shared by two units (or a unit and the outside): whether a
//! border is a sector boundary depends only on the two units' collèges, so an edit never
//! re-simplifies anything, it only picks which borders are drawn thick.

use std::collections::HashMap;

use egui::Vec2;
use geo::{MapCoords, Simplify, TriangulateEarcut};
use walkers::{MercatorProjection, Projection, lon_lat};

use crate::model::territory::LandmarkKind;
use crate::model::{Territory, UnitShape};

/// A point in Web Mercator pixels at zoom 0.
pub(super) type Merc = [f64; 2];

pub(super) fn merc(p: geo::Point<f64>) -> Merc {
    let px = MercatorProjection.project(lon_lat(p.x(), p.y()), 0.0);
    [px.x(), px.y()]
}

/// Largest simplification error, in screen pixels, of the band drawn at a given zoom.
const BAND_TOLERANCE_PX: f64 = 0.35;
/// Zooms for which simplified geometry is prepared (a band serves its zoom and one level below).
const BAND_ZOOMS: [i32; 6] = [6, 8, 10, 12, 14, 16];

/// A unit's triangulated shape.
#[derive(Debug, Clone, Default)]
pub(super) struct UnitMesh {
    pub vertices: Vec<Merc>,
    pub triangles: Vec<u32>,
    pub min: Merc,
    pub max: Merc,
}

impl UnitMesh {
    fn from_polygons<'a>(polygons: impl Iterator<Item = &'a geo::Polygon<f64>>) -> Self {
        let mut mesh = UnitMesh::default();
        for poly in polygons {
            let raw = poly.earcut_triangles_raw();
            let base = mesh.vertices.len() as u32;
            mesh.vertices.extend(raw.vertices.iter().copied());
            mesh.triangles
                .extend(raw.triangle_indices.iter().map(|&k| base + k as u32));
        }
        if let Some(first) = mesh.vertices.first().copied() {
            let (mut min, mut max) = (first, first);
            for v in &mesh.vertices {
                min = [min[0].min(v[0]), min[1].min(v[1])];
                max = [max[0].max(v[0]), max[1].max(v[1])];
            }
            mesh.min = min;
            mesh.max = max;
        }
        mesh
    }
}

/// A stretch of boundary between unit `a` and unit `b` (or the outside), as one polyline.
#[derive(Debug, Clone)]
pub(super) struct Border {
    pub a: u32,
    pub b: Option<u32>,
    pub points: Vec<Merc>,
    pub min: Merc,
    pub max: Merc,
}

/// Geometry simplified for one zoom band; `None` where simplification removed nothing.
#[derive(Debug, Default)]
struct Band {
    /// The zoom it is made for.
    zoom: i32,
    /// Simplified unit meshes (empty when no unit was simplified).
    units: Vec<Option<UnitMesh>>,
    /// Simplified borders (empty when no border was simplified).
    borders: Vec<Option<Vec<Merc>>>,
}

/// Everything the map draws, projected once per territory (run off the UI thread).
pub struct MapGeometry {
    pub(super) units: Vec<UnitMesh>,
    pub(super) anchors: Vec<Merc>,
    pub(super) borders: Vec<Border>,
    /// The borders around each unit: `unit_borders[unit_border_start[u]..unit_border_start[u + 1]]`.
    unit_border_start: Vec<u32>,
    unit_borders: Vec<u32>,
    pub(super) colleges: Vec<Merc>,
    pub(super) landmarks: Vec<(LandmarkKind, String, Vec<Merc>)>,
    /// The territory's streets (its walking network), each with its bounding box.
    pub(super) streets: Vec<(Merc, Merc, Vec<Merc>)>,
    /// The named streets, the longest first (their labels at close zoom).
    pub(super) street_names: Vec<NamedLine>,
    /// Reference points (lon/lat and Mercator) for the screen transform.
    pub(super) reference: [(geo::Point<f64>, Merc); 2],
    bands: Vec<Band>,
}

/// The territory's streets projected, each with its bounding box.
fn street_lines(t: &Territory) -> Vec<(Merc, Merc, Vec<Merc>)> {
    t.streets
        .iter()
        .filter_map(|l| {
            let points: Vec<Merc> = l.points().map(merc).collect();
            let (mut min, mut max) = ([f64::MAX; 2], [f64::MIN; 2]);
            for p in &points {
                min = [min[0].min(p[0]), min[1].min(p[1])];
                max = [max[0].max(p[0]), max[1].max(p[1])];
            }
            (points.len() >= 2).then_some((min, max, points))
        })
        .collect()
}

/// A named street projected: its name, its bounding box and its course.
pub(super) type NamedLine = (String, Merc, Merc, Vec<Merc>);

/// The named streets projected, the longest first: the main streets get their labels before
/// the lanes.
fn street_names(t: &Territory) -> Vec<NamedLine> {
    let length = |p: &[Merc]| {
        p.windows(2)
            .map(|w| (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]))
            .sum::<f64>()
    };
    let mut named: Vec<(f64, NamedLine)> = t
        .street_names
        .iter()
        .filter_map(|s| {
            let points: Vec<Merc> = s.line.points().map(merc).collect();
            let (mut min, mut max) = ([f64::MAX; 2], [f64::MIN; 2]);
            for p in &points {
                min = [min[0].min(p[0]), min[1].min(p[1])];
                max = [max[0].max(p[0]), max[1].max(p[1])];
            }
            (points.len() >= 2).then(|| (length(&points), (s.name.clone(), min, max, points)))
        })
        .collect();
    named.sort_by(|a, b| b.0.total_cmp(&a.0));
    named.into_iter().map(|(_, n)| n).collect()
}

/// The geometry to draw at one scale: simplified where a band exists.
#[derive(Clone, Copy)]
pub(super) struct Detail<'a> {
    geom: &'a MapGeometry,
    band: Option<&'a Band>,
}

impl<'a> Detail<'a> {
    pub fn unit(&self, i: usize) -> &'a UnitMesh {
        self.band
            .and_then(|b| b.units.get(i))
            .and_then(Option::as_ref)
            .unwrap_or(&self.geom.units[i])
    }

    pub fn border(&self, i: usize) -> &'a [Merc] {
        self.band
            .and_then(|b| b.borders.get(i))
            .and_then(Option::as_ref)
            .unwrap_or(&self.geom.borders[i].points)
    }
}

impl MapGeometry {
    /// The territory's streets and their names projected again (a street file was read): the
    /// blocks are unchanged, so nothing else is.
    pub fn set_streets(&mut self, t: &Territory) {
        self.streets = street_lines(t);
        self.street_names = street_names(t);
    }

    /// Projects, triangulates and simplifies a territory.
    pub fn new(t: &Territory) -> Self {
        let polygons: Vec<Vec<geo::Polygon<f64>>> = t
            .units()
            .iter()
            .map(|u| match &u.shape {
                UnitShape::Area(mp) => mp
                    .iter()
                    .map(|p| p.map_coords(|c| to_coord(merc(c.into()))))
                    .collect(),
                UnitShape::Point(_) => Vec::new(),
            })
            .collect();
        let units: Vec<UnitMesh> = polygons
            .iter()
            .zip(t.units())
            .map(|(polys, u)| {
                let mut mesh = UnitMesh::from_polygons(polys.iter());
                if mesh.vertices.is_empty() {
                    let a = merc(u.anchor);
                    (mesh.min, mesh.max) = (a, a);
                }
                mesh
            })
            .collect();
        let borders = borders(&polygons);
        let mut around: Vec<Vec<u32>> = vec![Vec::new(); polygons.len()];
        for (k, b) in borders.iter().enumerate() {
            around[b.a as usize].push(k as u32);
            if let Some(o) = b.b {
                around[o as usize].push(k as u32);
            }
        }
        let mut unit_border_start = Vec::with_capacity(polygons.len() + 1);
        unit_border_start.push(0);
        for a in &around {
            unit_border_start.push(unit_border_start.last().copied().unwrap_or(0) + a.len() as u32);
        }
        let unit_borders = around.concat();
        let bands = BAND_ZOOMS
            .iter()
            .map(|&zoom| {
                let tol = BAND_TOLERANCE_PX / 2f64.powi(zoom);
                let mut band = Band {
                    zoom,
                    ..Band::default()
                };
                let simplified: Vec<Option<UnitMesh>> = polygons
                    .iter()
                    .map(|polys| {
                        let before: usize = polys.iter().map(ring_points).sum();
                        let simple: Vec<geo::Polygon<f64>> =
                            polys.iter().map(|p| p.simplify(tol)).collect();
                        let after: usize = simple.iter().map(ring_points).sum();
                        (after < before).then(|| UnitMesh::from_polygons(simple.iter()))
                    })
                    .collect();
                if simplified.iter().any(Option::is_some) {
                    band.units = simplified;
                }
                let simplified: Vec<Option<Vec<Merc>>> = borders
                    .iter()
                    .map(|b| {
                        if b.points.len() <= 2 {
                            return None;
                        }
                        let line: geo::LineString<f64> =
                            b.points.iter().map(|&m| to_coord(m)).collect();
                        let simple = line.simplify(tol);
                        (simple.0.len() < b.points.len())
                            .then(|| simple.0.iter().map(|c| [c.x, c.y]).collect())
                    })
                    .collect();
                if simplified.iter().any(Option::is_some) {
                    band.borders = simplified;
                }
                band
            })
            .collect();
        let bounds = t.bounds().unwrap_or(geo::Rect::new(
            geo::coord! {x: 0.0, y: 0.0},
            geo::coord! {x: 1.0, y: 1.0},
        ));
        let (a, b) = (
            geo::Point::from(bounds.min()),
            geo::Point::from(bounds.max()),
        );
        MapGeometry {
            anchors: t.units().iter().map(|u| merc(u.anchor)).collect(),
            units,
            borders,
            unit_border_start,
            unit_borders,
            colleges: t.colleges().iter().map(|c| merc(c.location)).collect(),
            landmarks: t
                .landmarks
                .iter()
                .map(|l| (l.kind, l.name.clone(), l.line.points().map(merc).collect()))
                .collect(),
            streets: street_lines(t),
            street_names: street_names(t),
            reference: [(a, merc(a)), (b, merc(b))],
            bands,
        }
    }

    /// The geometry to draw at a scale (screen pixels per zoom-0 pixel): the coarsest band
    /// whose error stays under a pixel, or full detail when zoomed in further than every band.
    pub(super) fn detail(&self, scale: f64) -> Detail<'_> {
        let band = self.bands.iter().find(|b| {
            BAND_TOLERANCE_PX * scale / 2f64.powi(b.zoom) <= 2.0 * BAND_TOLERANCE_PX + 1e-9
        });
        Detail { geom: self, band }
    }

    /// The borders around a unit (indices into `borders`).
    pub(super) fn borders_of(&self, unit: usize) -> &[u32] {
        let (a, b) = (
            self.unit_border_start.get(unit).copied().unwrap_or(0) as usize,
            self.unit_border_start.get(unit + 1).copied().unwrap_or(0) as usize,
        );
        self.unit_borders.get(a..b).unwrap_or(&[])
    }

    /// Vertices drawn for unit fills and borders at a scale (for tests and measures).
    pub fn vertex_counts(&self, scale: f64) -> (usize, usize) {
        let d = self.detail(scale);
        (
            (0..self.units.len())
                .map(|i| d.unit(i).vertices.len())
                .sum(),
            (0..self.borders.len()).map(|i| d.border(i).len()).sum(),
        )
    }

    /// The centre of the territory, and the zoom that shows it whole in a viewport of `size`.
    pub fn home(&self, size: Vec2) -> (geo::Point<f64>, f64) {
        let [(a, ma), (b, mb)] = self.reference;
        let center = geo::Point::new((a.x() + b.x()) / 2.0, (a.y() + b.y()) / 2.0);
        let span = [
            (mb[0] - ma[0]).abs().max(1e-9),
            (mb[1] - ma[1]).abs().max(1e-9),
        ];
        let zx = (f64::from(size.x) * 0.92 / span[0]).log2();
        let zy = (f64::from(size.y) * 0.92 / span[1]).log2();
        (center, zx.min(zy).clamp(2.0, 19.0))
    }
}

fn to_coord(m: Merc) -> geo::Coord<f64> {
    geo::coord! {x: m[0], y: m[1]}
}

fn ring_points(p: &geo::Polygon<f64>) -> usize {
    p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>()
}

/// Splits every ring into stretches shared with one neighbour. Each stretch is emitted once,
/// by the lower-numbered unit of the pair (or by the unit alone on the territory's edge).
fn borders(polygons: &[Vec<geo::Polygon<f64>>]) -> Vec<Border> {
    type Key = (i64, i64);
    let key = |c: geo::Coord<f64>| ((c.x * 1e7).round() as i64, (c.y * 1e7).round() as i64);
    let seg_key = |p: Key, q: Key| if p < q { (p, q) } else { (q, p) };
    // who owns each segment (first and second unit)
    let mut owners: HashMap<(Key, Key), (u32, Option<u32>)> = HashMap::new();
    let rings = |i: usize| {
        polygons[i]
            .iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
    };
    for i in 0..polygons.len() {
        for ring in rings(i) {
            for line in ring.lines() {
                let (p, q) = (key(line.start), key(line.end));
                if p == q {
                    continue;
                }
                owners
                    .entry(seg_key(p, q))
                    .and_modify(|o| {
                        if o.0 != i as u32 {
                            o.1 = Some(i as u32);
                        }
                    })
                    .or_insert((i as u32, None));
            }
        }
    }
    let mut out = Vec::new();
    for i in 0..polygons.len() {
        let me = i as u32;
        for ring in rings(i) {
            // the ring's segments with the neighbour across each
            let segs: Vec<(geo::Line<f64>, Option<u32>)> = ring
                .lines()
                .filter_map(|l| {
                    let (p, q) = (key(l.start), key(l.end));
                    let o = owners.get(&seg_key(p, q))?;
                    let other = if o.0 == me { o.1 } else { Some(o.0) };
                    Some((l, other))
                })
                .collect();
            if segs.is_empty() {
                continue;
            }
            // start where the neighbour changes, so that a stretch never wraps around
            let n = segs.len();
            let start = (0..n).find(|&k| segs[k].1 != segs[(k + n - 1) % n].1);
            let start = start.unwrap_or(0);
            let mut k = 0;
            while k < n {
                let (first, other) = segs[(start + k) % n];
                let mut points = vec![[first.start.x, first.start.y], [first.end.x, first.end.y]];
                k += 1;
                while k < n && segs[(start + k) % n].1 == other {
                    let l = segs[(start + k) % n].0;
                    points.push([l.end.x, l.end.y]);
                    k += 1;
                }
                if other.is_some_and(|o| o < me) {
                    continue;
                }
                let (mut min, mut max) = (points[0], points[0]);
                for p in &points {
                    min = [min[0].min(p[0]), min[1].min(p[1])];
                    max = [max[0].max(p[0]), max[1].max(p[1])];
                }
                out.push(Border {
                    a: me,
                    b: other,
                    points,
                    min,
                    max,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Population, Unit};

    fn territory(units: Vec<Unit>) -> Territory {
        Territory::of(units, vec![]).unwrap()
    }

    #[test]
    fn every_shared_segment_is_drawn_once() {
        // a row of 3 squares: 2 inner borders, and the outside
        let t = territory(
            (0..3)
                .map(|i| {
                    crate::model::Unit::square(
                        &format!("u{i}"),
                        0.01 * f64::from(i),
                        45.0,
                        0.01,
                        Population::default(),
                    )
                })
                .collect(),
        );
        let g = MapGeometry::new(&t);
        let inner: Vec<_> = g.borders.iter().filter(|b| b.b.is_some()).collect();
        assert_eq!(inner.len(), 2);
        assert!(inner.iter().all(|b| b.points.len() == 2));
        let outer: usize = g
            .borders
            .iter()
            .filter(|b| b.b.is_none())
            .map(|b| b.points.len() - 1)
            .sum();
        // 3 squares have 12 sides, 4 of which are the 2 shared ones
        assert_eq!(outer, 12 - 4);
        // the outside of the middle square is two stretches (top and bottom), not one
        assert_eq!(
            g.borders
                .iter()
                .filter(|b| b.a == 1 && b.b.is_none())
                .count(),
            2
        );
        // the middle square touches 4 borders, the end ones 2 (one shared, one outside)
        assert_eq!(g.borders_of(1).len(), 4);
        assert_eq!(g.borders_of(0).len(), 2);
        assert!(g.borders_of(7).is_empty());
    }

    #[test]
    fn bands_simplify_detailed_outlines_only_when_zoomed_out() {
        // a square whose bottom edge has 200 nearly collinear points
        let mut coords: Vec<(f64, f64)> = (0..=200)
            .map(|k| (0.01 * f64::from(k) / 200.0, 45.0 + 1e-7 * f64::from(k % 2)))
            .collect();
        coords.extend([(0.01, 45.01), (0.0, 45.01)]);
        let poly = geo::Polygon::new(geo::LineString::from(coords), vec![]);
        let shape = UnitShape::Area(geo::MultiPolygon(vec![poly]));
        let unit = Unit {
            key: "w".into(),
            name: "w".into(),
            anchor: crate::model::territory::unit_anchor(&shape),
            shape,
            population: Population::default(),
            school: None,
        };
        let g = MapGeometry::new(&territory(vec![unit]));
        let full = g.vertex_counts(f64::INFINITY);
        assert!(full.0 > 200 && full.1 > 200, "{full:?}");
        let far = g.vertex_counts(2f64.powi(8));
        assert!(far.0 < 10, "{far:?} vs {full:?}");
        assert!(far.1 < 10, "{far:?} vs {full:?}");
        // at zoom 18 every band is too coarse: full detail
        assert_eq!(g.vertex_counts(2f64.powi(18)), full);
    }
}
