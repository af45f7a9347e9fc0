//! The map: unit fills coloured by collège, sector outlines, the river, collège markers and a
//! scale bar, drawn through walkers' plugin hook.
//!
//! Geometry is projected once to Web Mercator pixels at zoom 0 ([`MapGeometry`]); a frame only
//! scales and shifts those points (the projection is linear in that space) and skips what lies
//! outside the viewport.

use egui::{Color32, Mesh, Pos2, Rect, Stroke, Vec2, epaint::Vertex};
use geo::TriangulateEarcut;
use walkers::{MapMemory, MercatorProjection, Plugin, Projection, Projector, lon_lat};

use crate::model::{CollegeId, Scenario, Sector, Territory, UnitId, UnitShape};

/// Blocks narrower than this on screen (pixels) are drawn as their bounding box.
const LOD_QUAD_PX: f32 = 6.0;

/// A point in Web Mercator pixels at zoom 0.
type Merc = [f64; 2];

fn merc(p: geo::Point<f64>) -> Merc {
    let px = MercatorProjection.project(lon_lat(p.x(), p.y()), 0.0);
    [px.x(), px.y()]
}

/// A boundary segment between two units (or one unit and the outside).
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: u32,
    b: Option<u32>,
    p: Merc,
    q: Merc,
}

/// A unit's projected shape.
#[derive(Debug, Clone, Default)]
struct UnitMesh {
    vertices: Vec<Merc>,
    triangles: Vec<u32>,
    min: Merc,
    max: Merc,
}

/// Everything the map draws, projected once per territory.
pub struct MapGeometry {
    units: Vec<UnitMesh>,
    anchors: Vec<Merc>,
    edges: Vec<Edge>,
    colleges: Vec<Merc>,
    landmarks: Vec<(crate::model::territory::LandmarkKind, String, Vec<Merc>)>,
    /// Reference points (lon/lat and Mercator) for the screen transform.
    reference: [(geo::Point<f64>, Merc); 2],
}

impl MapGeometry {
    /// Projects and triangulates a territory (a few ms for the demo town; run off the UI thread).
    pub fn new(t: &Territory) -> Self {
        let mut units = Vec::with_capacity(t.units().len());
        let mut edge_owner: std::collections::HashMap<(i64, i64, i64, i64), usize> =
            std::collections::HashMap::new();
        let mut edges: Vec<Edge> = Vec::new();
        let key = |m: Merc| ((m[0] * 1e7).round() as i64, (m[1] * 1e7).round() as i64);
        for (i, u) in t.units().iter().enumerate() {
            let mut mesh = UnitMesh::default();
            if let UnitShape::Area(mp) = &u.shape {
                for poly in mp {
                    let raw = poly.earcut_triangles_raw();
                    let base = mesh.vertices.len() as u32;
                    mesh.vertices.extend(
                        raw.vertices
                            .iter()
                            .map(|v| merc(geo::Point::new(v[0], v[1]))),
                    );
                    mesh.triangles
                        .extend(raw.triangle_indices.iter().map(|&k| base + k as u32));
                    for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                        for line in ring.lines() {
                            let (p, q) = (merc(line.start.into()), merc(line.end.into()));
                            let (kp, kq) = (key(p), key(q));
                            if kp == kq {
                                continue;
                            }
                            let k = if kp < kq {
                                (kp.0, kp.1, kq.0, kq.1)
                            } else {
                                (kq.0, kq.1, kp.0, kp.1)
                            };
                            match edge_owner.get(&k) {
                                Some(&e) if edges[e].a != i as u32 => edges[e].b = Some(i as u32),
                                Some(_) => {}
                                None => {
                                    edge_owner.insert(k, edges.len());
                                    edges.push(Edge {
                                        a: i as u32,
                                        b: None,
                                        p,
                                        q,
                                    });
                                }
                            }
                        }
                    }
                }
            }
            let anchor = merc(u.anchor);
            let (mut min, mut max) = (anchor, anchor);
            for v in &mesh.vertices {
                min = [min[0].min(v[0]), min[1].min(v[1])];
                max = [max[0].max(v[0]), max[1].max(v[1])];
            }
            mesh.min = min;
            mesh.max = max;
            units.push(mesh);
        }
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
            edges,
            colleges: t.colleges().iter().map(|c| merc(c.location)).collect(),
            landmarks: t
                .landmarks
                .iter()
                .map(|l| (l.kind, l.name.clone(), l.line.points().map(merc).collect()))
                .collect(),
            reference: [(a, merc(a)), (b, merc(b))],
        }
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

/// Screen transform for one frame: screen = origin + (merc − m0) × scale.
#[derive(Debug, Clone, Copy)]
pub struct ToScreen {
    origin: Vec2,
    m0: Merc,
    scale: f64,
}

impl ToScreen {
    fn new(geom: &MapGeometry, projector: &Projector) -> Self {
        let [(a, ma), (b, mb)] = geom.reference;
        let pa = projector.project(a);
        let pb = projector.project(b);
        let dm = mb[0] - ma[0];
        let scale = if dm.abs() > 1e-12 {
            f64::from(pb.x - pa.x) / dm
        } else {
            2f64.powf(projector.zoom())
        };
        ToScreen {
            origin: pa,
            m0: ma,
            scale,
        }
    }

    fn pos(&self, m: Merc) -> Pos2 {
        Pos2::new(
            self.origin.x + ((m[0] - self.m0[0]) * self.scale) as f32,
            self.origin.y + ((m[1] - self.m0[1]) * self.scale) as f32,
        )
    }

    fn merc_of(&self, p: Pos2) -> Merc {
        [
            self.m0[0] + f64::from(p.x - self.origin.x) / self.scale,
            self.m0[1] + f64::from(p.y - self.origin.y) / self.scale,
        ]
    }
}

/// Meshes kept between frames. Panning only shifts them; an edit recolours only the blocks
/// whose colour changed and rebuilds the outlines; a zoom, or panning out of the covered area,
/// rebuilds them.
#[derive(Default)]
pub struct MapCache {
    /// Scale and covered area (Mercator) the meshes were built for.
    scale: f64,
    covered: Option<(Merc, Merc)>,
    /// Transform at build time: vertex positions are in that frame's screen space.
    built_with: Option<ToScreen>,
    fill: std::sync::Arc<Mesh>,
    /// (unit, first vertex, vertex count, colour) for each block in `fill`.
    ranges: Vec<(u32, u32, u32, Color32)>,
    /// Index in `ranges` of each unit (u32::MAX when not in the covered area).
    range_of: Vec<u32>,
    /// Frames the outlines have lagged behind during a stroke.
    lines_lag: u32,
    /// Key of the colours in `fill` (revision and fill mode).
    fill_key: Option<(u64, u64)>,
    lines_key: Option<u64>,
    thin: std::sync::Arc<Mesh>,
    thick: std::sync::Arc<Mesh>,
}

impl MapCache {
    /// The colour a unit was last drawn with, if it is in the cached area.
    pub fn drawn_color(&self, u: UnitId) -> Option<Color32> {
        let k = *self.range_of.get(u.index())?;
        self.ranges.get(k as usize).map(|r| r.3)
    }
}

/// What the user did on the map this frame.
#[derive(Debug, Default, Clone)]
pub struct MapEvents {
    /// The unit under the pointer.
    pub hovered_unit: Option<UnitId>,
    /// The collège marker under the pointer.
    pub hovered_college: Option<CollegeId>,
    /// A unit clicked.
    pub clicked_unit: Option<UnitId>,
    /// A collège marker clicked.
    pub clicked_college: Option<CollegeId>,
    /// Where the pointer is (screen).
    pub pointer: Option<Pos2>,
    /// Units drawn this frame (after viewport culling).
    pub drawn_units: usize,
    /// The screen transform of this frame.
    pub to_screen: Option<ToScreen>,
    /// A primary-button drag started on the map this frame.
    pub drag_started: bool,
    /// The primary-button drag ended this frame.
    pub drag_stopped: bool,
    /// Units under the brush this frame (sampled along the pointer's path).
    pub brushed: Vec<UnitId>,
    /// When a rectangle or lasso is released: its outline in lon/lat.
    pub selection: Option<Vec<geo::Point<f64>>>,
}

impl MapGeometry {
    /// Where a unit's representative point is on screen under a frame's transform.
    pub fn unit_screen_pos(&self, u: UnitId, tx: &ToScreen) -> Option<Pos2> {
        self.anchors.get(u.index()).map(|m| tx.pos(*m))
    }
}

/// What a primary-button drag does on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gesture {
    /// Drag pans; a click picks.
    Click,
    /// Drag paints units.
    Brush,
    /// Drag draws a rectangle.
    Rectangle,
    /// Drag draws a free outline.
    Lasso,
}

/// The sector layer for one frame.
pub struct SectorLayer<'a> {
    /// Projected geometry.
    pub geom: &'a MapGeometry,
    /// The territory.
    pub territory: &'a Territory,
    /// Assignments shown.
    pub scenario: &'a Scenario,
    /// Colour of each collège.
    pub colors: &'a [Color32],
    /// The collège the facilitator picked, drawn larger.
    pub selected: Option<CollegeId>,
    /// Short labels of collèges.
    pub labels: &'a [String],
    /// Legend texts.
    pub legend: Legend,
    /// The active tool's gesture on the map.
    pub gesture: Gesture,
    /// Pointer position of the previous frame during a brush stroke.
    pub brush_from: Option<Pos2>,
    /// Outline of the rectangle or lasso being drawn (screen).
    pub selection_path: &'a [Pos2],
    /// How units are filled.
    pub fill: &'a dyn Fn(UnitId) -> Color32,
    /// Changes when the fills may have changed (document revision, fill mode).
    pub fill_key: (u64, u64),
    /// Meshes kept between frames.
    pub cache: &'a mut MapCache,
    /// The units whose fill may have changed since the previous frame, when known (None:
    /// anything may have changed).
    pub dirty: Option<&'a [UnitId]>,
    /// True during a brush stroke: outlines may lag a couple of frames behind the fills.
    pub stroking: bool,
    /// What happened, for the app.
    pub events: &'a mut MapEvents,
}

const UNASSIGNED: Color32 = Color32::from_rgb(200, 200, 200);
const SECTOR_LINE: Color32 = Color32::from_rgb(40, 40, 48);
const RIVER: Color32 = Color32::from_rgb(110, 160, 215);

impl Plugin for SectorLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let clip = projector.clip_rect();
        let tx = ToScreen::new(self.geom, projector);
        self.events.to_screen = Some(tx);
        let view_min = tx.merc_of(clip.min);
        let view_max = tx.merc_of(clip.max);
        let painter = ui.painter().with_clip_rect(clip);
        let pointer = response.hover_pos();
        self.events.pointer = pointer;
        let pointer_merc = pointer.map(|p| tx.merc_of(p));

        // Collège markers first, for hit-testing (they win over the units below them).
        let marker_radius = 11.0;
        if let Some(p) = pointer {
            self.events.hovered_college = self
                .geom
                .colleges
                .iter()
                .enumerate()
                .map(|(i, m)| (i, tx.pos(*m).distance(p)))
                .filter(|(_, d)| *d <= marker_radius + 3.0)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| CollegeId(i as u32));
        }
        if self.events.hovered_college.is_none()
            && let Some(m) = pointer_merc
        {
            let lonlat = projector.unproject(pointer.map(|p| p.to_vec2()).unwrap_or_default());
            let _ = m;
            self.events.hovered_unit = self.territory.unit_at(lonlat, 0.0);
        }
        if response.clicked() {
            self.events.clicked_college = self.events.hovered_college;
            if self.events.clicked_college.is_none() {
                self.events.clicked_unit = self.events.hovered_unit;
            }
        }
        let primary = egui::PointerButton::Primary;
        self.events.drag_started = response.drag_started_by(primary);
        self.events.drag_stopped = response.drag_stopped_by(primary);
        if self.gesture == Gesture::Brush
            && response.dragged_by(primary)
            && let Some(to) = pointer
        {
            // sample the path since the last frame, so that a fast stroke skips no block
            let from = self.brush_from.unwrap_or(to);
            let steps = ((to - from).length() / 4.0).ceil().max(1.0) as usize;
            for k in 0..=steps {
                let p = from + (to - from) * (k as f32 / steps as f32);
                let lonlat = projector.unproject(p.to_vec2());
                if let Some(u) = self.territory.unit_at(lonlat, 0.0)
                    && !self.events.brushed.contains(&u)
                {
                    self.events.brushed.push(u);
                }
            }
        }
        if matches!(self.gesture, Gesture::Rectangle | Gesture::Lasso)
            && self.events.drag_stopped
            && self.selection_path.len() >= 2
        {
            let path: Vec<Pos2> = if self.gesture == Gesture::Rectangle {
                let r = Rect::from_two_pos(
                    self.selection_path[0],
                    *self
                        .selection_path
                        .last()
                        .unwrap_or(&self.selection_path[0]),
                );
                vec![
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                ]
            } else {
                self.selection_path.to_vec()
            };
            self.events.selection = Some(
                path.iter()
                    .map(|p| projector.unproject(p.to_vec2()))
                    .collect(),
            );
        }

        let main = |u: u32| self.scenario.assignment(UnitId(u)).main_college();
        let cache = &mut *self.cache;
        let inside = |c: &(Merc, Merc)| {
            view_min[0] >= c.0[0]
                && view_max[0] <= c.1[0]
                && view_min[1] >= c.0[1]
                && view_max[1] <= c.1[1]
        };
        let rebuild = cache.scale != tx.scale || !cache.covered.as_ref().is_some_and(inside);
        if rebuild {
            // cover the view and one view's size around it, so that panning reuses the meshes
            let w = [view_max[0] - view_min[0], view_max[1] - view_min[1]];
            let cmin = [view_min[0] - w[0], view_min[1] - w[1]];
            let cmax = [view_max[0] + w[0], view_max[1] + w[1]];
            cache.scale = tx.scale;
            cache.covered = Some((cmin, cmax));
            cache.built_with = Some(tx);
            let mut fill = Mesh::default();
            cache.ranges.clear();
            cache.range_of = vec![u32::MAX; self.geom.units.len()];
            let covers = |min: Merc, max: Merc| {
                max[0] >= cmin[0] && min[0] <= cmax[0] && max[1] >= cmin[1] && min[1] <= cmax[1]
            };
            for (i, u) in self.geom.units.iter().enumerate() {
                if u.triangles.is_empty() || !covers(u.min, u.max) {
                    continue;
                }
                let color = (self.fill)(UnitId(i as u32));
                let mesh = &mut fill;
                let base = mesh.vertices.len() as u32;
                let (lo, hi) = (tx.pos(u.min), tx.pos(u.max));
                if (hi.x - lo.x).abs().max((hi.y - lo.y).abs()) < LOD_QUAD_PX {
                    // a few pixels wide: its box looks the same (the outlines cover the overlap) and costs
                    // 4 vertices instead of 7 or more
                    for p in [lo, Pos2::new(hi.x, lo.y), hi, Pos2::new(lo.x, hi.y)] {
                        mesh.vertices.push(Vertex {
                            pos: p,
                            uv: egui::epaint::WHITE_UV,
                            color,
                        });
                    }
                    mesh.indices.extend_from_slice(&[
                        base,
                        base + 1,
                        base + 2,
                        base,
                        base + 2,
                        base + 3,
                    ]);
                } else {
                    mesh.vertices.extend(u.vertices.iter().map(|m| Vertex {
                        pos: tx.pos(*m),
                        uv: egui::epaint::WHITE_UV,
                        color,
                    }));
                    mesh.indices.extend(u.triangles.iter().map(|k| base + k));
                }
                let len = mesh.vertices.len() as u32 - base;
                cache.range_of[i] = cache.ranges.len() as u32;
                cache.ranges.push((i as u32, base, len, color));
            }
            cache.fill = std::sync::Arc::new(fill);
            cache.fill_key = Some(self.fill_key);
            cache.lines_key = None;
        } else if cache.fill_key != Some(self.fill_key) {
            // an edit: recolour only the blocks whose colour changed (the mesh is copied only
            // if the renderer still holds last frame's)
            let fill = std::sync::Arc::make_mut(&mut cache.fill);
            let same_mode = cache.fill_key.is_some_and(|k| k.1 == self.fill_key.1);
            let mut recolour = |r: &mut (u32, u32, u32, Color32)| {
                let color = (self.fill)(UnitId(r.0));
                if color != r.3 {
                    r.3 = color;
                    for v in &mut fill.vertices[r.1 as usize..(r.1 + r.2) as usize] {
                        v.color = color;
                    }
                }
            };
            match self.dirty {
                Some(units) if same_mode => {
                    for u in units {
                        let k = cache.range_of.get(u.index()).copied().unwrap_or(u32::MAX);
                        if let Some(r) = cache.ranges.get_mut(k as usize) {
                            recolour(r);
                        }
                    }
                }
                _ => cache.ranges.iter_mut().for_each(recolour),
            }
            cache.fill_key = Some(self.fill_key);
        }
        let drawn = cache.ranges.len();
        self.events.drawn_units = drawn;
        // during a stroke, outlines follow every third frame (fills follow at once)
        let lag_ok = self.stroking && cache.lines_key.is_some() && cache.lines_lag < 2;
        if cache.lines_key != Some(self.fill_key.0) && lag_ok {
            cache.lines_lag += 1;
        } else if cache.lines_key != Some(self.fill_key.0) {
            cache.lines_lag = 0;
            // Unit borders (thin, only when blocks are big enough to tell apart) and sector
            // outlines (thick), each built as one mesh.
            let built = cache.built_with.unwrap_or(tx);
            let (cmin, cmax) = cache.covered.unwrap_or((view_min, view_max));
            let show_thin = drawn < 30_000;
            let mut thin = Mesh::default();
            let mut thick = Mesh::default();
            for e in &self.geom.edges {
                let min = [e.p[0].min(e.q[0]), e.p[1].min(e.q[1])];
                let max = [e.p[0].max(e.q[0]), e.p[1].max(e.q[1])];
                if max[0] < cmin[0] || min[0] > cmax[0] || max[1] < cmin[1] || min[1] > cmax[1] {
                    continue;
                }
                let boundary = match e.b {
                    None => true,
                    Some(b) => main(e.a) != main(b),
                };
                if boundary {
                    segment_quad(&mut thick, built.pos(e.p), built.pos(e.q), 2.6, SECTOR_LINE);
                } else if show_thin {
                    segment_quad(
                        &mut thin,
                        built.pos(e.p),
                        built.pos(e.q),
                        0.7,
                        Color32::from_white_alpha(150),
                    );
                }
            }
            cache.thin = std::sync::Arc::new(thin);
            cache.thick = std::sync::Arc::new(thick);
            cache.lines_key = Some(self.fill_key.0);
        }
        // shift the cached meshes to where the map is now
        let built = cache.built_with.unwrap_or(tx);
        let offset = tx.pos(built.m0) - built.pos(built.m0);
        for mesh in [&cache.fill, &cache.thin, &cache.thick] {
            if offset == Vec2::ZERO {
                painter.add(egui::Shape::Mesh(mesh.clone()));
            } else {
                let mut m = Mesh::clone(mesh);
                m.translate(offset);
                painter.add(egui::Shape::mesh(m));
            }
        }
        // the block under the pointer, lighter, on top
        if let Some(h) = self.events.hovered_unit
            && let Some(u) = self.geom.units.get(h.index())
        {
            let color = lighten((self.fill)(h), 0.45);
            let mut m = Mesh::default();
            m.vertices.extend(u.vertices.iter().map(|p| Vertex {
                pos: tx.pos(*p),
                uv: egui::epaint::WHITE_UV,
                color,
            }));
            m.indices.extend(u.triangles.iter().copied());
            painter.add(egui::Shape::mesh(m));
        }

        // The selected collège's sector, outlined more strongly.
        if let Some(sel) = self.selected {
            let outline = Stroke::new(5.0, Color32::BLACK);
            for e in &self.geom.edges {
                let a_in = main(e.a) == Some(sel);
                let b_in = e.b.is_some_and(|b| main(b) == Some(sel));
                if a_in != b_in || (a_in && e.b.is_none()) {
                    painter.line_segment([tx.pos(e.p), tx.pos(e.q)], outline);
                }
            }
        }
        // The rectangle or lasso being drawn.
        if self.selection_path.len() >= 2 {
            let stroke = Stroke::new(2.5, Color32::from_rgb(20, 20, 20));
            match self.gesture {
                Gesture::Rectangle => {
                    let r = Rect::from_two_pos(
                        self.selection_path[0],
                        *self
                            .selection_path
                            .last()
                            .unwrap_or(&self.selection_path[0]),
                    );
                    painter.rect_filled(r, 0.0, Color32::from_black_alpha(30));
                    painter.rect_stroke(r, 0.0, stroke, egui::StrokeKind::Middle);
                }
                _ => {
                    painter.add(egui::Shape::closed_line(
                        self.selection_path.to_vec(),
                        stroke,
                    ));
                }
            }
        }

        // Landmarks (the river).
        for (kind, name, line) in &self.geom.landmarks {
            let color = match kind {
                crate::model::territory::LandmarkKind::River => RIVER,
                _ => Color32::from_gray(120),
            };
            let pts: Vec<Pos2> = line.iter().map(|m| tx.pos(*m)).collect();
            painter.add(egui::Shape::line(pts.clone(), Stroke::new(7.0, color)));
            if let Some(p) = pts.iter().find(|p| clip.shrink(60.0).contains(**p)) {
                painter.text(
                    *p + Vec2::new(0.0, 14.0),
                    egui::Align2::CENTER_TOP,
                    name,
                    egui::FontId::proportional(15.0),
                    Color32::from_rgb(30, 80, 150),
                );
            }
        }

        // Collège markers with short names.
        for (i, m) in self.geom.colleges.iter().enumerate() {
            let id = CollegeId(i as u32);
            let p = tx.pos(*m);
            if !clip.expand(40.0).contains(p) {
                continue;
            }
            let c = self.territory.college(id);
            let color = self.colors.get(i).copied().unwrap_or(UNASSIGNED);
            let selected = self.selected == Some(id);
            let r = if selected {
                marker_radius + 4.0
            } else {
                marker_radius
            };
            if c.sector == Sector::Private {
                let rect = Rect::from_center_size(p, Vec2::splat(r * 1.6));
                painter.rect_filled(rect, 2.0, Color32::WHITE);
                painter.rect_stroke(
                    rect,
                    2.0,
                    Stroke::new(2.5, SECTOR_LINE),
                    egui::StrokeKind::Middle,
                );
            } else {
                painter.circle_filled(p, r, darken(color, 0.35));
                painter.circle_stroke(p, r, Stroke::new(2.5, Color32::WHITE));
            }
            if selected {
                painter.circle_stroke(p, r + 5.0, Stroke::new(3.0, Color32::BLACK));
            }
            let label = self.labels.get(i).map(String::as_str).unwrap_or("");
            let galley = painter.layout_no_wrap(
                label.to_string(),
                egui::FontId::proportional(16.0),
                Color32::BLACK,
            );
            let at = p + Vec2::new(0.0, r + 4.0) - Vec2::new(galley.size().x / 2.0, 0.0);
            let bg = Rect::from_min_size(at, galley.size()).expand2(Vec2::new(4.0, 1.0));
            painter.rect_filled(bg, 3.0, Color32::from_white_alpha(225));
            painter.galley(at, galley, Color32::BLACK);
        }

        scale_bar_ui(&painter, projector, clip);
        legend_ui(&painter, clip, &self.legend);
    }
}

/// Adds a segment of the given width to a mesh as a quad (with round-ish joins from overlap).
fn segment_quad(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 0.01 {
        return;
    }
    let n = Vec2::new(-d.y, d.x) / len * (width / 2.0);
    // extend a little along the segment so that consecutive segments join without gaps
    let t = d / len * (width / 2.0);
    let base = mesh.vertices.len() as u32;
    for p in [a - t + n, a - t - n, b + t - n, b + t + n] {
        mesh.vertices.push(Vertex {
            pos: p,
            uv: egui::epaint::WHITE_UV,
            color,
        });
    }
    mesh.indices
        .extend_from_slice(&[base, base + 1, base + 2, base, base + 2, base + 3]);
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
}

/// The legend, top left: what colours, shapes and lines mean.
fn legend_ui(painter: &egui::Painter, clip: Rect, legend: &Legend) {
    let font = egui::FontId::proportional(15.0);
    let x = clip.left() + 14.0;
    let mut y = clip.top() + 14.0;
    let rows = 4 + legend.classes.len();
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
fn scale_bar_ui(painter: &egui::Painter, projector: &Projector, clip: Rect) {
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

/// Mixes a colour with white.
pub fn lighten(c: Color32, t: f32) -> Color32 {
    let f = |x: u8| (f32::from(x) + (255.0 - f32::from(x)) * t) as u8;
    Color32::from_rgb(f(c.r()), f(c.g()), f(c.b()))
}

/// Mixes a colour with black.
pub fn darken(c: Color32, t: f32) -> Color32 {
    let f = |x: u8| (f32::from(x) * (1.0 - t)) as u8;
    Color32::from_rgb(f(c.r()), f(c.g()), f(c.b()))
}
