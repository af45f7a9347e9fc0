//! The meshes kept between frames, and the stripes over blocks.

use egui::{Color32, Mesh};

use super::{MapGeometry, Merc, ToScreen};
use crate::model::{CollegeId, Scenario, UnitId};

/// Meshes kept between frames. Panning only shifts them; an edit recolours only the blocks
/// whose colour changed and rebuilds the outlines; a zoom, or panning out of the covered area,
/// rebuilds them.
#[derive(Default)]
pub struct MapCache {
    /// Scale and covered area (Mercator) the meshes were built for.
    pub(super) scale: f64,
    pub(super) covered: Option<(Merc, Merc)>,
    /// Transform at build time: vertex positions are in that frame's screen space.
    pub(super) built_with: Option<ToScreen>,
    pub(super) fill: std::sync::Arc<Mesh>,
    /// (unit, first vertex, vertex count, colour) for each block in `fill`.
    pub(super) ranges: Vec<(u32, u32, u32, Color32)>,
    /// Index in `ranges` of each unit (u32::MAX when not in the covered area).
    pub(super) range_of: Vec<u32>,
    /// Key of the colours in `fill` (revision and fill mode).
    pub(super) fill_key: Option<(u64, u64)>,
    /// Unit borders, thin (only when blocks are big enough to tell apart).
    pub(super) thin: std::sync::Arc<Mesh>,
    /// The territory's streets, over the fills and under the borders.
    pub(super) streets: std::sync::Arc<Mesh>,
    /// Sector boundaries, thick; updated border by border after an edit.
    pub(super) thick: PatchedMesh,
    /// The selected sector's outline, and the revision and collège it shows.
    pub(super) selected: std::sync::Arc<Mesh>,
    pub(super) selected_key: Option<(u64, Option<CollegeId>)>,
    /// Stripes over the blocks of striped collèges, and the texture they repeat.
    pub(super) stripes: PatchedMesh,
    pub(super) stripes_texture: Option<egui::TextureHandle>,
}

/// A mesh made of many items (borders, blocks) where one item can be added or blanked after an
/// edit without rebuilding the others; blanked items stay as empty triangles until the next
/// full build.
#[derive(Default)]
pub(super) struct PatchedMesh {
    pub(super) mesh: std::sync::Arc<Mesh>,
    /// (first vertex, vertex count) of each item (first vertex `u32::MAX`: not in the mesh).
    pub(super) at: Vec<(u32, u32)>,
    /// Vertices of blanked items.
    pub(super) garbage: usize,
    /// The document revision it shows.
    pub(super) key: Option<u64>,
}

impl PatchedMesh {
    pub(super) fn has(&self, k: usize) -> bool {
        self.at.get(k).is_some_and(|r| r.0 != u32::MAX)
    }

    /// Brings the mesh up to date: only the items in `changed` when given (and the mesh is not
    /// too worn by blanked items), every item otherwise. `want` says whether an item is drawn,
    /// `build` adds its triangles.
    pub(super) fn sync(
        &mut self,
        changed: Option<&[usize]>,
        items: usize,
        texture: egui::TextureId,
        want: impl Fn(usize) -> bool,
        build: impl Fn(&mut Mesh, usize),
    ) {
        let worn = self.garbage * 2 >= self.mesh.vertices.len().max(4096);
        match changed {
            Some(changed) if !worn && self.at.len() == items && self.key.is_some() => {
                let mesh = std::sync::Arc::make_mut(&mut self.mesh);
                for &k in changed {
                    match (want(k), self.at[k].0 != u32::MAX) {
                        (true, false) => {
                            let start = mesh.vertices.len() as u32;
                            build(mesh, k);
                            self.at[k] = (start, mesh.vertices.len() as u32 - start);
                        }
                        (false, true) => {
                            let (start, len) = self.at[k];
                            let range = start as usize..(start + len) as usize;
                            if let Some(at) = mesh.vertices.get(range.start).map(|v| v.pos) {
                                for v in &mut mesh.vertices[range] {
                                    v.pos = at;
                                }
                            }
                            self.at[k] = (u32::MAX, 0);
                            self.garbage += len as usize;
                        }
                        _ => {}
                    }
                }
            }
            _ => {
                let mut mesh = Mesh::with_texture(texture);
                self.at = vec![(u32::MAX, 0); items];
                for k in 0..items {
                    if want(k) {
                        let start = mesh.vertices.len() as u32;
                        build(&mut mesh, k);
                        self.at[k] = (start, mesh.vertices.len() as u32 - start);
                    }
                }
                self.mesh = std::sync::Arc::new(mesh);
                self.garbage = 0;
            }
        }
    }
}

/// The stripes over a block, if any: a block shared between collèges carries stripes of its
/// second collège's colour over its main collège's (when `shares` is on); a block of a striped
/// sector carries white stripes.
pub fn stripe_of(
    scenario: &Scenario,
    hatched: &[bool],
    colors: &[Color32],
    u: UnitId,
    shares: bool,
) -> Option<Color32> {
    let a = scenario.assignment(u);
    if let (true, crate::model::Assignment::Shares(v)) = (shares, a) {
        let main = a.main_college();
        let second = v
            .iter()
            .filter(|(c, _)| Some(*c) != main)
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|(c, _)| *c)?;
        return Some(
            colors
                .get(second.index())
                .copied()
                .unwrap_or(Color32::WHITE),
        );
    }
    let c = a.main_college()?;
    (hatched.get(c.index()) == Some(&true)).then_some(Color32::WHITE)
}

/// Side of the stripe pattern's tile, in screen pixels.
pub(super) const STRIPE_PX: f32 = 14.0;

/// A tile of diagonal white stripes on transparent ground, repeated over striped sectors.
pub(super) fn stripe_texture(ctx: &egui::Context) -> egui::TextureHandle {
    let n = 32usize;
    let pixels = (0..n * n)
        .map(|k| {
            let (x, y) = (k % n, k / n);
            // one stripe per tile along the diagonal, a third of the tile wide
            let d = (x + y) % n;
            if d < n / 3 {
                Color32::from_white_alpha(170)
            } else {
                Color32::TRANSPARENT
            }
        })
        .collect();
    let image = egui::ColorImage::new([n, n], pixels);
    ctx.load_texture(
        "sector-stripes",
        image,
        egui::TextureOptions {
            wrap_mode: egui::TextureWrapMode::Repeat,
            ..egui::TextureOptions::LINEAR
        },
    )
}

impl MapCache {
    /// Blocks of the drawn area whose stripes disagree with their collège's style or their
    /// sharing.
    pub fn stale_stripes(&self, scenario: &Scenario, hatched: &[bool]) -> usize {
        (0..self.range_of.len())
            .filter(|&k| self.range_of[k] != u32::MAX)
            .filter(|&k| {
                let want = stripe_of(scenario, hatched, &[], UnitId(k as u32), true).is_some();
                want != self.stripes.has(k)
            })
            .count()
    }

    /// Borders whose drawing disagrees with the scenario: drawn thick but inside a sector, or
    /// between two sectors (or on the edge) and not drawn (for tests of the incremental update).
    pub fn stale_borders(&self, geom: &MapGeometry, scenario: &Scenario) -> usize {
        let Some((cmin, cmax)) = self.covered else {
            return 0;
        };
        let main = |u: u32| scenario.assignment(UnitId(u)).main_college();
        geom.borders
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                let inside = !(e.max[0] < cmin[0]
                    || e.min[0] > cmax[0]
                    || e.max[1] < cmin[1]
                    || e.min[1] > cmax[1]);
                let boundary = e.b.is_none_or(|b| main(b) != main(e.a));
                let drawn = self.thick.has(*i);
                inside && boundary != drawn
            })
            .count()
    }
}

impl MapCache {
    /// The colour a unit was last drawn with, if it is in the cached area.
    pub fn drawn_color(&self, u: UnitId) -> Option<Color32> {
        let k = *self.range_of.get(u.index())?;
        self.ranges.get(k as usize).map(|r| r.3)
    }
}
