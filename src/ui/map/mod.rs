//! The map: unit fills coloured by collège, sector outlines, the river, collège markers and a
//! scale bar, drawn through walkers' plugin hook.
//!
//! Geometry is projected once to Web Mercator pixels at zoom 0 and simplified per zoom band
//! ([`MapGeometry`]); meshes are built for the current zoom and an area around the viewport and
//! kept between frames: panning shifts them, an edit recolours only the blocks that changed.

use egui::{Color32, Mesh, Pos2, Rect, Stroke, Vec2, epaint::Vertex};
use walkers::{MapMemory, Plugin, Projector};

use crate::model::{CollegeId, Scenario, Sector, Territory, UnitId};

pub use super::geometry::MapGeometry;
use super::geometry::Merc;

mod cache;
mod legend;

pub use cache::{MapCache, stripe_of};
use cache::{PatchedMesh, STRIPE_PX, stripe_texture};
pub use legend::Legend;
use legend::{LabelGrid, legend_ui, scale_bar_ui};

/// Blocks narrower than this on screen (pixels) are drawn as their bounding box.
const LOD_QUAD_PX: f32 = 6.0;

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
    /// Collèges whose sector is striped over its colour (empty: none).
    pub hatched: &'a [bool],
    /// Whether blocks shared between collèges carry their second collège's stripes.
    pub split_stripes: bool,
    /// Planned collèges (closed in the baseline): not drawn where they are closed too.
    pub planned: &'a dyn Fn(CollegeId) -> bool,
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
    /// What happened, for the app.
    pub events: &'a mut MapEvents,
    /// Text and marker size factor (1.0 in the editor, larger on a projector).
    pub text_scale: f32,
    /// Whether to draw the legend (meeting mode draws its own).
    pub show_legend: bool,
    /// Units outlined in orange (the blocks an assistant preview would move, or those that
    /// change in a meeting).
    pub outlined: &'a [UnitId],
    /// Whether to draw the territory's streets over the fills (without a background map).
    pub streets: bool,
    /// Blocks and collèges the room made remarks on: a pin on each.
    pub pins: (&'a [UnitId], &'a [CollegeId]),
    /// "Mon adresse": the place searched for (lon/lat), a red marker on each of its points.
    pub marks: &'a [[f64; 2]],
}

const UNASSIGNED: Color32 = Color32::from_rgb(200, 200, 200);
const SECTOR_LINE: Color32 = Color32::from_rgb(40, 40, 48);
const RIVER: Color32 = Color32::from_rgb(110, 160, 215);
/// The place "Mon adresse" found.
const MARK: Color32 = Color32::from_rgb(215, 30, 30);
/// At most this many street names on the map at once.
const MAX_STREET_LABELS: usize = 60;
/// The remarks' pins.
const PIN: Color32 = Color32::from_rgb(255, 225, 120);
/// The outline of the blocks a preview would move, over a white halo.
const PREVIEW_LINE: Color32 = Color32::from_rgb(235, 110, 0);

impl Plugin for SectorLayer<'_> {
    fn run(
        mut self: Box<Self>,
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

        self.handle_input(response, projector, &tx, pointer);
        let rebuild = self.sync_fill(&tx, view_min, view_max);
        self.sync_outlines(&tx, view_min, view_max, rebuild);
        self.sync_stripes(ui, rebuild);
        self.paint_meshes(&painter, &tx);
        self.paint_overlays(&painter, &tx, clip);
        if self.streets {
            self.paint_street_names(ui, &painter, &tx, clip);
        }
        self.paint_pins(&painter, &tx);
        self.paint_colleges(&painter, &tx, clip);
        self.paint_marks(&painter, &tx);
        scale_bar_ui(&painter, projector, clip);
        if self.show_legend {
            // what the legend would hide: blocks, and a collège's marker and label count for
            // many blocks, the place searched for most
            let hidden = |r: Rect| {
                let blocks = self.geom.anchors.iter().filter(|m| r.contains(tx.pos(**m)));
                let near = r.expand2(Vec2::new(40.0, 30.0));
                // a collège's marker and the label under it
                let colleges = self.geom.colleges.iter().filter(|m| {
                    let p = tx.pos(**m);
                    near.contains(p) || near.contains(p + Vec2::new(0.0, 26.0 * self.text_scale))
                });
                // the place searched for must stay in sight: it outweighs everything
                let marks = self.marks.iter().filter(|&&[lon, lat]| {
                    let p = tx.pos(crate::ui::geometry::merc(geo::Point::new(lon, lat)));
                    near.contains(p) || near.contains(p - Vec2::new(0.0, 30.0 * self.text_scale))
                });
                blocks.count() + 100 * colleges.count() + 10_000 * marks.count()
            };
            // larger in a room, unless the map is too small for it
            let scale = if clip.width() >= 1000.0 {
                self.text_scale.min(1.25)
            } else {
                1.0
            };
            legend_ui(&painter, clip, &self.legend, scale, &hidden);
        }
    }
}

impl SectorLayer<'_> {
    /// What the pointer does: the collège or block under it, a click, a brush stroke, the
    /// rectangle or lasso finished. Collège markers win over the blocks under them.
    fn handle_input(
        &mut self,
        response: &egui::Response,
        projector: &Projector,
        tx: &ToScreen,
        pointer: Option<Pos2>,
    ) {
        // Collège markers first, for hit-testing (they win over the units below them).
        let marker_radius = 11.0 * self.text_scale;
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
            && let Some(m) = pointer.map(|p| tx.merc_of(p))
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
    }

    /// The blocks' fill: rebuilt when the zoom changed or the view left the covered area
    /// (returns true then), recoloured block by block after an edit.
    fn sync_fill(&mut self, tx: &ToScreen, view_min: Merc, view_max: Merc) -> bool {
        let tx = *tx;
        let cache = &mut *self.cache;
        let inside = |c: &(Merc, Merc)| {
            view_min[0] >= c.0[0]
                && view_max[0] <= c.1[0]
                && view_min[1] >= c.0[1]
                && view_max[1] <= c.1[1]
        };
        // (the scale comes from rounded screen positions: tiny differences are not a zoom)
        let rebuild = (cache.scale / tx.scale - 1.0).abs() > 1e-6
            || !cache.covered.as_ref().is_some_and(inside);
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
            let detail = self.geom.detail(tx.scale);
            let covers = |min: Merc, max: Merc| {
                max[0] >= cmin[0] && min[0] <= cmax[0] && max[1] >= cmin[1] && min[1] <= cmax[1]
            };
            for i in 0..self.geom.units.len() {
                let u = detail.unit(i);
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
        rebuild
    }

    /// Outlines: thin unit borders change only with the cached area; thick sector boundaries
    /// are rebuilt with it, and after an edit only the borders around the units that changed
    /// are added or blanked; the selected sector's outline.
    fn sync_outlines(&mut self, tx: &ToScreen, view_min: Merc, view_max: Merc, rebuild: bool) {
        let main = |u: u32| self.scenario.assignment(UnitId(u)).main_college();
        let cache = &mut *self.cache;
        let tx = *tx;
        let drawn = cache.ranges.len();
        self.events.drawn_units = drawn;
        // Outlines: thin unit borders change only with the cached area; thick sector
        // boundaries are rebuilt with it, and after an edit only the borders around the units
        // that changed are added or blanked.
        let built = cache.built_with.unwrap_or(tx);
        let detail = self.geom.detail(built.scale);
        let (cmin, cmax) = cache.covered.unwrap_or((view_min, view_max));
        let in_cover = |e: &super::geometry::Border| {
            !(e.max[0] < cmin[0] || e.min[0] > cmax[0] || e.max[1] < cmin[1] || e.min[1] > cmax[1])
        };
        let is_boundary = |e: &super::geometry::Border| e.b.is_none_or(|b| main(b) != main(e.a));
        let rev = self.fill_key.0;
        if rebuild {
            let mut thin = Mesh::default();
            if drawn < 30_000 {
                for (i, e) in self.geom.borders.iter().enumerate() {
                    if in_cover(e) {
                        let color = Color32::from_white_alpha(150);
                        polyline_quads(&mut thin, detail.border(i), &built, 0.7, color);
                    }
                }
            }
            cache.thin = std::sync::Arc::new(thin);
            cache.streets = std::sync::Arc::new(if self.streets {
                streets_mesh(self.geom, &built, cmin, cmax)
            } else {
                Mesh::default()
            });
        }
        // after a tool's edit, only the borders around the units it named can change
        let dirty_borders = |units: &'_ [UnitId]| -> Vec<usize> {
            units
                .iter()
                .flat_map(|u| self.geom.borders_of(u.index()))
                .map(|&k| k as usize)
                .collect()
        };
        if rebuild || cache.thick.key != Some(rev) {
            let changed = self.dirty.filter(|_| !rebuild).map(dirty_borders);
            cache.thick.sync(
                changed.as_deref(),
                self.geom.borders.len(),
                egui::TextureId::default(),
                |k| {
                    let e = &self.geom.borders[k];
                    in_cover(e) && is_boundary(e)
                },
                |mesh, k| polyline_quads(mesh, detail.border(k), &built, 2.6, SECTOR_LINE),
            );
            cache.thick.key = Some(rev);
        }
        // the selected sector's outline: the borders around its units that leave it
        let selected_key = (rev, self.selected);
        if rebuild || cache.selected_key != Some(selected_key) {
            let mut outline = Mesh::default();
            if let Some(sel) = self.selected {
                for u in 0..self.geom.units.len() as u32 {
                    if main(u) != Some(sel) {
                        continue;
                    }
                    for &k in self.geom.borders_of(u as usize) {
                        let e = &self.geom.borders[k as usize];
                        let other = if e.a == u { e.b } else { Some(e.a) };
                        if other.is_none_or(|o| main(o) != Some(sel)) && in_cover(e) {
                            let points = detail.border(k as usize);
                            polyline_quads(&mut outline, points, &built, 5.0, Color32::BLACK);
                        }
                    }
                }
            }
            cache.selected = std::sync::Arc::new(outline);
            cache.selected_key = Some(selected_key);
        }
    }

    /// Stripes over the blocks of striped collèges (only when the plain colours ran out) and
    /// of shared blocks.
    fn sync_stripes(&mut self, ui: &egui::Ui, rebuild: bool) {
        let cache = &mut *self.cache;
        let rev = self.fill_key.0;
        let Some(built) = cache.built_with else {
            return;
        };
        let detail = self.geom.detail(built.scale);
        // stripes over the blocks of striped collèges (only when the plain colours ran out)
        let any_shared = self.split_stripes && self.scenario.has_split_units();
        if self.hatched.iter().any(|h| *h) || any_shared {
            if rebuild || cache.stripes.key != Some(rev) {
                let texture = cache
                    .stripes_texture
                    .get_or_insert_with(|| stripe_texture(ui.ctx()))
                    .id();
                let range_of = &cache.range_of;
                let stripe = |k: usize| {
                    stripe_of(
                        self.scenario,
                        self.hatched,
                        self.colors,
                        UnitId(k as u32),
                        self.split_stripes,
                    )
                };
                let changed: Option<Vec<usize>> = self
                    .dirty
                    .filter(|_| !rebuild)
                    .map(|units| units.iter().map(|u| u.index()).collect());
                cache.stripes.sync(
                    changed.as_deref(),
                    self.geom.units.len(),
                    texture,
                    |k| range_of.get(k).is_some_and(|r| *r != u32::MAX) && stripe(k).is_some(),
                    |mesh, k| {
                        let u = detail.unit(k);
                        let base = mesh.vertices.len() as u32;
                        let color = stripe(k).unwrap_or(Color32::WHITE);
                        mesh.vertices.extend(u.vertices.iter().map(|m| {
                            let pos = built.pos(*m);
                            Vertex {
                                pos,
                                uv: (pos.to_vec2() / STRIPE_PX).to_pos2(),
                                color,
                            }
                        }));
                        mesh.indices.extend(u.triangles.iter().map(|k| base + k));
                    },
                );
                cache.stripes.key = Some(rev);
            }
        } else if !cache.stripes.mesh.is_empty() {
            cache.stripes = PatchedMesh::default();
        }
    }

    /// The cached meshes, shifted to where the map is now (one pass, no clone-then-move).
    fn paint_meshes(&self, painter: &egui::Painter, tx: &ToScreen) {
        let cache = &*self.cache;
        let tx = *tx;
        // shift the cached meshes to where the map is now (one pass, no clone-then-move)
        let built = cache.built_with.unwrap_or(tx);
        let offset = tx.pos(built.m0) - built.pos(built.m0);
        for mesh in [
            &cache.fill,
            &cache.streets,
            &cache.stripes.mesh,
            &cache.thin,
            &cache.thick.mesh,
            &cache.selected,
        ] {
            if mesh.is_empty() {
                continue;
            }
            if offset == Vec2::ZERO {
                painter.add(egui::Shape::Mesh(mesh.clone()));
            } else {
                painter.add(egui::Shape::mesh(Mesh {
                    indices: mesh.indices.clone(),
                    vertices: mesh
                        .vertices
                        .iter()
                        .map(|v| Vertex {
                            pos: v.pos + offset,
                            ..*v
                        })
                        .collect(),
                    texture_id: mesh.texture_id,
                }));
            }
        }
    }

    /// Over the meshes: the blocks a preview would move, the block under the pointer, the
    /// rectangle or lasso being drawn, landmarks.
    fn paint_overlays(&self, painter: &egui::Painter, tx: &ToScreen, clip: Rect) {
        let tx = *tx;
        // the blocks a preview would move: one orange contour around each group of them
        if !self.outlined.is_empty() {
            let mut inside = vec![false; self.geom.units.len()];
            for u in self.outlined {
                if let Some(x) = inside.get_mut(u.index()) {
                    *x = true;
                }
            }
            let detail = self.geom.detail(tx.scale);
            let (mut halo, mut line) = (Mesh::default(), Mesh::default());
            for u in self.outlined.iter().filter(|u| u.index() < inside.len()) {
                for &k in self.geom.borders_of(u.index()) {
                    let e = &self.geom.borders[k as usize];
                    let other = if e.a == u.0 { e.b } else { Some(e.a) };
                    if other.is_none_or(|o| !inside[o as usize]) {
                        let points = detail.border(k as usize);
                        polyline_quads(&mut halo, points, &tx, 6.0, Color32::WHITE);
                        polyline_quads(&mut line, points, &tx, 3.5, PREVIEW_LINE);
                    }
                }
            }
            painter.add(egui::Shape::mesh(halo));
            painter.add(egui::Shape::mesh(line));
        }
        // the block under the pointer, lighter, on top
        if let Some(h) = self.events.hovered_unit
            && h.index() < self.geom.units.len()
        {
            let u = self.geom.detail(tx.scale).unit(h.index());
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
                    egui::FontId::proportional(15.0 * self.text_scale),
                    Color32::from_rgb(30, 80, 150),
                );
            }
        }
    }

    /// The streets' names along them, where a street is long enough on screen for its name
    /// (so only at close zoom), the longest streets first, never two labels overlapping.
    fn paint_street_names(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        tx: &ToScreen,
        clip: Rect,
    ) {
        let size = 12.0 * self.text_scale;
        let font = egui::FontId::proportional(size);
        let mut taken: Vec<Rect> = Vec::new();
        let (lo, hi) = (tx.merc_of(clip.min), tx.merc_of(clip.max));
        let (lo, hi) = (
            [lo[0].min(hi[0]), lo[1].min(hi[1])],
            [lo[0].max(hi[0]), lo[1].max(hi[1])],
        );
        for (name, min, max, points) in &self.geom.street_names {
            if taken.len() >= MAX_STREET_LABELS {
                break;
            }
            // streets off the screen cost nothing
            if max[0] < lo[0] || min[0] > hi[0] || max[1] < lo[1] || min[1] > hi[1] {
                continue;
            }
            // the longest segment on screen carries the name
            let Some((a, b)) = points
                .windows(2)
                .map(|w| (tx.pos(w[0]), tx.pos(w[1])))
                .filter(|(a, b)| clip.contains(*a) && clip.contains(*b))
                .max_by(|x, y| (x.1 - x.0).length().total_cmp(&(y.1 - y.0).length()))
            else {
                continue;
            };
            let galley = ui.fonts_mut(|f| {
                f.layout_no_wrap(name.clone(), font.clone(), Color32::from_gray(30))
            });
            let along = b - a;
            if along.length() < galley.size().x + 16.0 {
                continue;
            }
            // read left to right
            let (a, along) = if along.x < 0.0 {
                (b, -along)
            } else {
                (a, along)
            };
            let dir = along.normalized();
            let mid = a + along * 0.5;
            let angle = dir.y.atan2(dir.x);
            let half = dir * (galley.size().x / 2.0);
            let normal = Vec2::new(-dir.y, dir.x) * (galley.size().y / 2.0);
            let bounds = Rect::from_points(&[
                mid - half - normal,
                mid - half + normal,
                mid + half - normal,
                mid + half + normal,
            ]);
            if taken.iter().any(|r| r.intersects(bounds)) {
                continue;
            }
            taken.push(bounds);
            let top_left = mid - half - normal;
            let mut halo = egui::epaint::TextShape::new(top_left, galley.clone(), Color32::WHITE)
                .with_angle(angle);
            halo.override_text_color = Some(Color32::from_rgba_unmultiplied(255, 255, 255, 200));
            for off in [
                Vec2::new(1.0, 0.0),
                Vec2::new(-1.0, 0.0),
                Vec2::new(0.0, 1.0),
                Vec2::new(0.0, -1.0),
            ] {
                let mut h = halo.clone();
                h.pos += off;
                painter.add(h);
            }
            painter.add(
                egui::epaint::TextShape::new(top_left, galley, Color32::from_gray(30))
                    .with_angle(angle),
            );
        }
    }

    /// "Mon adresse": a red marker with a white ring on each point of the place searched for,
    /// over everything but the scale.
    fn paint_marks(&self, painter: &egui::Painter, tx: &ToScreen) {
        let s = self.text_scale;
        for &[lon, lat] in self.marks {
            let p = tx.pos(crate::ui::geometry::merc(geo::Point::new(lon, lat)));
            let head = p + Vec2::new(0.0, -18.0) * s;
            painter.line_segment(
                [p, head],
                Stroke::new(3.0 * s, Color32::from_rgb(120, 10, 10)),
            );
            painter.circle(head, 9.0 * s, MARK, Stroke::new(3.0 * s, Color32::WHITE));
            painter.circle_filled(head, 3.0 * s, Color32::WHITE);
            painter.circle_filled(p, 3.0 * s, Color32::from_rgb(120, 10, 10));
        }
    }

    /// A pin (a small speech bubble) on each block and collège the room made a remark on, under
    /// the collèges' markers and labels.
    fn paint_pins(&self, painter: &egui::Painter, tx: &ToScreen) {
        let s = self.text_scale;
        let pin = |p: Pos2| {
            let bubble =
                Rect::from_min_size(p + Vec2::new(2.0, -22.0) * s, Vec2::new(20.0, 14.0) * s);
            let tail = vec![
                bubble.left_bottom() + Vec2::new(3.0, -1.0) * s,
                bubble.left_bottom() + Vec2::new(9.0, -1.0) * s,
                p,
            ];
            let ink = Stroke::new(1.5, Color32::from_rgb(90, 40, 10));
            painter.add(egui::Shape::convex_polygon(tail, PIN, ink));
            painter.rect_filled(bubble, 3.0, PIN);
            painter.rect_stroke(bubble, 3.0, ink, egui::StrokeKind::Middle);
            for k in 0..3 {
                let dot = bubble.left_center() + Vec2::new(5.0 + 5.0 * k as f32, 0.0) * s;
                painter.circle_filled(dot, 1.4 * s, Color32::from_rgb(90, 40, 10));
            }
        };
        for u in self.pins.0 {
            if let Some(m) = self.geom.anchors.get(u.index()) {
                pin(tx.pos(*m));
            }
        }
        for c in self.pins.1 {
            if let Some(m) = self.geom.colleges.get(c.index()) {
                pin(tx.pos(*m) + Vec2::new(10.0, -8.0) * s);
            }
        }
    }

    /// Collège markers, then their short names where they do not overlap one another (the
    /// selected collège's first): a crowded map stays readable.
    fn paint_colleges(&self, painter: &egui::Painter, tx: &ToScreen, clip: Rect) {
        let tx = *tx;
        let marker_radius = 11.0 * self.text_scale;
        // Collège markers, then their short names where they do not overlap one another
        // (the selected collège's first): a crowded map stays readable.
        let mut labels: Vec<(Pos2, f32, usize)> = Vec::new();
        for (i, m) in self.geom.colleges.iter().enumerate() {
            let id = CollegeId(i as u32);
            let p = tx.pos(*m);
            if !clip.expand(40.0).contains(p) {
                continue;
            }
            let c = self.territory.college(id);
            if !self.scenario.is_college_open(id) && (self.planned)(id) {
                continue;
            }
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
            } else if !self.scenario.is_college_open(id) {
                // closed in this scenario: a grey disc crossed out
                painter.circle_filled(p, r, Color32::from_gray(150));
                painter.circle_stroke(p, r, Stroke::new(2.5, Color32::WHITE));
                let d = r * 0.65;
                let cross = Stroke::new(3.0, Color32::from_rgb(170, 30, 30));
                painter.line_segment([p + Vec2::new(-d, -d), p + Vec2::new(d, d)], cross);
                painter.line_segment([p + Vec2::new(-d, d), p + Vec2::new(d, -d)], cross);
            } else {
                painter.circle_filled(p, r, darken(color, 0.35));
                painter.circle_stroke(p, r, Stroke::new(2.5, Color32::WHITE));
            }
            if selected {
                painter.circle_stroke(p, r + 5.0, Stroke::new(3.0, Color32::BLACK));
                labels.insert(0, (p, r, i));
            } else {
                labels.push((p, r, i));
            }
        }
        let mut placed = LabelGrid::default();
        for (p, r, i) in labels {
            let label = self.labels.get(i).map(String::as_str).unwrap_or("");
            let galley = painter.layout_no_wrap(
                label.to_string(),
                egui::FontId::proportional(16.0 * self.text_scale),
                Color32::BLACK,
            );
            let at = p + Vec2::new(0.0, r + 4.0) - Vec2::new(galley.size().x / 2.0, 0.0);
            let bg = Rect::from_min_size(at, galley.size()).expand2(Vec2::new(4.0, 1.0));
            if !placed.place(bg) {
                continue;
            }
            painter.rect_filled(bg, 3.0, Color32::from_white_alpha(225));
            painter.galley(at, galley, Color32::BLACK);
        }
    }
}

/// Streets drawn only while fewer segments than this are in the covered area (a whole
/// département's network at a low zoom would be a grey smudge, and slow).
const MAX_STREET_SEGMENTS: usize = 120_000;

/// The streets in the covered area, as thin dark lines that let the fills show through: a
/// territory reads as a town without a background map.
fn streets_mesh(geom: &MapGeometry, built: &ToScreen, cmin: Merc, cmax: Merc) -> Mesh {
    let inside = |min: &Merc, max: &Merc| {
        !(max[0] < cmin[0] || min[0] > cmax[0] || max[1] < cmin[1] || min[1] > cmax[1])
    };
    let segments: usize = geom
        .streets
        .iter()
        .filter(|(min, max, _)| inside(min, max))
        .map(|(_, _, p)| p.len() - 1)
        .sum();
    let mut mesh = Mesh::default();
    if segments > MAX_STREET_SEGMENTS {
        return mesh;
    }
    // wider as the map zooms in, within a pixel and a half and three
    let width = (built.scale.log2() as f32 - 13.5).clamp(1.8, 3.0);
    let color = Color32::from_rgba_unmultiplied(50, 50, 50, 105);
    for (_, _, points) in geom.streets.iter().filter(|(min, max, _)| inside(min, max)) {
        polyline_quads(&mut mesh, points, built, width, color);
    }
    mesh
}

/// Adds a polyline of the given width to a mesh, one quad per segment.
fn polyline_quads(mesh: &mut Mesh, points: &[Merc], tx: &ToScreen, width: f32, color: Color32) {
    for w in points.windows(2) {
        segment_quad(mesh, tx.pos(w[0]), tx.pos(w[1]), width, color);
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
