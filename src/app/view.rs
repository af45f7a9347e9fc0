//! What the window shows and how: the selection, the tool, the colouring, the map's view, and
//! the caches derived from the document, each keyed by the document's revision.

use egui::Color32;
use walkers::MapMemory;

use super::Editor;
use crate::i18n::{Lang, texts};
use crate::metrics::alerts::sector_pieces;
use crate::model::{CollegeId, Document, UnitId};
use crate::publish::palette::{SectorStyles, sector_styles};
use crate::ui::coloring::Coloring;
use crate::ui::map::MapGeometry;

/// What a click or a drag on the map does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Click a block to give it to the selected collège.
    Click,
    /// Drag over blocks to paint them; one stroke is one undo step.
    Brush,
    /// Drag a rectangle: its blocks go to the selected collège.
    Rectangle,
    /// Draw a free outline: its blocks go to the selected collège.
    Lasso,
    /// Click a block to select its collège.
    Eyedropper,
    /// Click a block to lock or unlock it.
    Lock,
    /// Click a block to share its pupils between collèges by percentages.
    Split,
    /// Click a block to place a new collège there.
    NewCollege,
    /// Click a block to rebuild this collège there.
    MoveCollege(CollegeId),
    /// Click a block to note a remark from the room on it.
    Remark,
}

/// How the collège cards are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// The territory's order.
    Map,
    /// By name.
    Name,
    /// Fullest first.
    CapacityUse,
    /// Highest IPS first.
    Ips,
    /// Most boursiers first.
    Boursiers,
    /// Longest mean walk first.
    Walk,
}

/// Meeting mode: the map large, every collège at a glance, the tools a room needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Meeting {
    /// Showing the current map rather than the proposal.
    pub before: bool,
    /// What the pupils' icons show.
    pub icons_by: crate::ui::meeting::IconsBy,
}

impl Default for Meeting {
    /// A room first sees the proposal being discussed, pupils by social group.
    fn default() -> Self {
        Meeting {
            before: false,
            icons_by: crate::ui::meeting::IconsBy::Group,
        }
    }
}

/// The audience window (the projector's screen): its own map view and meshes, and what the
/// room sees when meeting mode is off (in meeting mode it follows the facilitator's switch).
pub struct Audience {
    pub(in crate::app) memory: MapMemory,
    pub(in crate::app) homed_for: Option<egui::Vec2>,
    pub(in crate::app) cache: crate::ui::map::MapCache,
    /// Before or after, and what the bars show, outside meeting mode.
    pub room: Meeting,
    /// Fullscreen asked for (F11 in the audience window, or on opening on a second screen).
    pub fullscreen: bool,
    /// The screen it was sent to (winit's order), if any.
    pub monitor: Option<usize>,
    /// The texts its view of the collèges drew last frame (where, and whether cut).
    pub texts: Vec<crate::ui::glance::PlacedText>,
}

impl Audience {
    /// A new audience window, on `monitor` fullscreen when given.
    pub fn new(room: Meeting, monitor: Option<usize>) -> Self {
        Audience {
            memory: MapMemory::default(),
            homed_for: None,
            cache: Default::default(),
            room,
            fullscreen: monitor.is_some(),
            monitor,
            texts: Vec::new(),
        }
    }

    /// Fits the territory in the audience's map at first, and again when its area is resized.
    pub(in crate::app) fn fit_home(&mut self, geometry: &MapGeometry, rect: egui::Rect) -> bool {
        let resized = self
            .homed_for
            .is_none_or(|s| (s - rect.size()).length() > 40.0);
        if resized && rect.width() > 10.0 {
            let (center, zoom) = geometry.home(rect.size());
            self.memory.center_at(center);
            let _ = self.memory.set_zoom(zoom);
            self.homed_for = Some(rect.size());
            return true;
        }
        false
    }
}

/// The view of the document: nothing here is saved, everything can be rebuilt from it.
pub struct View {
    pub(in crate::app) geometry: MapGeometry,
    pub(in crate::app) colors: Vec<Color32>,
    /// Collèges whose sector is striped (when the plain colours run out).
    pub(in crate::app) hatched: Vec<bool>,
    pub(in crate::app) labels: Vec<String>,
    /// Sector colours as the core draws them (map pictures, handouts).
    pub(in crate::app) styles: SectorStyles,
    pub(in crate::app) memory: MapMemory,
    /// Size of the map area when the view was last fitted to the territory.
    pub(in crate::app) homed_for: Option<egui::Vec2>,
    /// The collège the tools give units to.
    pub selected: Option<CollegeId>,
    /// The active tool.
    pub tool: Tool,
    /// What the map's fill shows.
    pub coloring: Coloring,
    pub(in crate::app) sort: SortKey,
    pub(in crate::app) hovered: Option<UnitId>,
    /// The background map under the sectors.
    pub basemap: crate::ui::basemap::BasemapState,
    /// Meeting mode, when on.
    pub meeting: Option<Meeting>,
    /// The audience window, when open.
    pub audience: Option<Audience>,
    /// The texts meeting mode's view of the collèges drew last frame (where, and whether cut).
    pub room_texts: Vec<crate::ui::glance::PlacedText>,
    /// The table of scenarios, with the revision it was computed at.
    pub(in crate::app) scenario_rows: (u64, Vec<crate::publish::scenarios::ScenarioRow>),
    /// The last neutral ensemble drawn ("what mixing costs"): its index, the index's name and
    /// the maps' indices, placed in the table of scenarios.
    pub(in crate::app) ensemble: Option<(
        crate::assistant::Target,
        String,
        crate::assistant::ensemble::Ensemble,
    )>,
    /// Écoles the units name (0: none).
    pub(in crate::app) school_count: usize,
    /// The editing tools move whole écoles.
    pub whole_schools: bool,
    /// The public summaries last computed: (revision, scenario A, scenario B) and the summary.
    pub(in crate::app) public_cache: Vec<((u64, usize, usize), crate::publish::PublicSummary)>,
    pub(in crate::app) to_screen: Option<crate::ui::map::ToScreen>,
    pub(in crate::app) drag_path: Vec<egui::Pos2>,
    pub(in crate::app) brush_from: Option<egui::Pos2>,
    /// Sector pieces per collège, with the revision they were computed at.
    pub(in crate::app) pieces: (u64, Vec<usize>),
    /// Units changed since the baseline and pupils moved, with their revision.
    pub(in crate::app) changes: (u64, (Vec<UnitId>, f64)),
    /// The avoidance model's range for the active scenario (same revision as `changes`).
    pub(in crate::app) avoidance: crate::metrics::avoidance::AvoidanceRange,
    pub(in crate::app) map_cache: crate::ui::map::MapCache,
    /// Whether the map last showed the assistant's preview instead of the active scenario.
    pub(in crate::app) preview_shown: bool,
    /// The cards' list: the collège it last brought into view, its scroll offset and height.
    pub(in crate::app) cards_scroll: (Option<CollegeId>, f32, f32),
}

impl View {
    /// The view of a freshly opened document.
    pub(in crate::app) fn new(
        doc: &Document,
        geometry: MapGeometry,
        basemap: crate::ui::basemap::BasemapState,
    ) -> Self {
        let t = doc.territory();
        let styles = sector_styles(t, &doc.baseline().scenario);
        let mut view = View {
            geometry,
            colors: Vec::new(),
            hatched: Vec::new(),
            labels: Vec::new(),
            styles,
            memory: MapMemory::default(),
            homed_for: None,
            selected: None,
            tool: Tool::Click,
            coloring: Coloring::College,
            sort: SortKey::Map,
            hovered: None,
            basemap,
            meeting: None,
            audience: None,
            room_texts: Vec::new(),
            scenario_rows: (u64::MAX, Vec::new()),
            ensemble: None,
            school_count: t.schools().len(),
            whole_schools: false,
            public_cache: Vec::new(),
            to_screen: None,
            drag_path: Vec::new(),
            brush_from: None,
            pieces: (doc.revision(), sector_pieces(t, &doc.active().scenario)),
            changes: (u64::MAX, (Vec::new(), 0.0)),
            avoidance: Default::default(),
            map_cache: Default::default(),
            preview_shown: false,
            cards_scroll: (None, 0.0, f32::INFINITY),
        };
        view.restyle(doc);
        view
    }

    /// What the room sees: meeting mode's switch when on, else the audience window's own.
    pub fn room(&self) -> Meeting {
        self.meeting
            .or(self.audience.as_ref().map(|a| a.room))
            .unwrap_or_default()
    }

    /// Fits the territory in the map's area at start, and again when the area is resized.
    pub(in crate::app) fn fit_home(&mut self, rect: egui::Rect) -> bool {
        let resized = self
            .homed_for
            .is_none_or(|s| (s - rect.size()).length() > 40.0);
        if resized && rect.width() > 10.0 {
            let (center, zoom) = self.geometry.home(rect.size());
            self.memory.center_at(center);
            let _ = self.memory.set_zoom(zoom);
            self.homed_for = Some(rect.size());
            return true;
        }
        false
    }

    /// What a drag on the map does with the active tool; a room's tools (meeting mode) and a
    /// preview only pick a collège or click a block.
    pub(in crate::app) fn gesture(&self, click_only: bool) -> crate::ui::map::Gesture {
        use crate::ui::map::Gesture;
        match self.tool {
            _ if click_only => Gesture::Click,
            Tool::Brush if self.selected.is_some() => Gesture::Brush,
            Tool::Rectangle if self.selected.is_some() => Gesture::Rectangle,
            Tool::Lasso if self.selected.is_some() => Gesture::Lasso,
            _ => Gesture::Click,
        }
    }

    /// Colours, stripes and labels of the collèges as they are now.
    fn restyle(&mut self, doc: &Document) {
        let t = doc.territory();
        self.styles = sector_styles(t, &doc.baseline().scenario);
        self.colors = self
            .styles
            .colors
            .iter()
            .map(|&[r, g, b]| Color32::from_rgb(r, g, b))
            .collect();
        self.hatched = self.styles.hatched.clone();
        self.labels = t.colleges().iter().map(|c| c.short_name.clone()).collect();
    }

    /// After a collège was added to the territory: geometry, colours, labels, caches.
    pub(in crate::app) fn territory_changed(&mut self, doc: &Document) {
        self.geometry = MapGeometry::new(doc.territory());
        self.restyle(doc);
        self.map_cache = Default::default();
        if let Some(a) = &mut self.audience {
            a.cache = Default::default();
        }
        self.public_cache.clear();
    }

    /// Sector pieces per collège, recomputed when the document changed (a pass over every unit:
    /// not during a brush stroke, once it ends).
    pub(in crate::app) fn refresh_pieces(&mut self, doc: &Document) {
        let stroking = doc.active().history.in_group();
        if self.pieces.0 != doc.revision() && !stroking {
            self.pieces = (
                doc.revision(),
                sector_pieces(doc.territory(), &doc.active().scenario),
            );
        }
    }

    /// Units changed since the baseline, and the avoidance range, recomputed when the document
    /// changed (not during a brush stroke).
    pub(in crate::app) fn refresh_changes(&mut self, doc: &Document) {
        if self.changes.0 != doc.revision() && !doc.active().history.in_group() {
            self.changes = (doc.revision(), doc.changes_from_baseline());
            let (base, now) = (doc.baseline(), doc.active());
            self.avoidance = crate::metrics::avoidance::avoidance_range(
                doc.territory(),
                (&base.scenario, &base.metrics),
                (&now.scenario, &now.metrics),
                &doc.config().avoidance,
            );
        }
    }

    /// The avoidance range must be recomputed (its parameters changed).
    pub(in crate::app) fn forget_changes(&mut self) {
        self.changes.0 = u64::MAX;
    }

    /// The collèges in the cards' order.
    pub(in crate::app) fn sorted_colleges(&self, doc: &Document) -> Vec<CollegeId> {
        let t = doc.territory();
        let m = &doc.active().metrics;
        let (base, now) = (&doc.baseline().scenario, &doc.active().scenario);
        // a planned collège (new, rebuilt, merged) closed here too is not on the list
        let mut ids: Vec<CollegeId> = t
            .college_ids()
            .filter(|&c| base.is_college_open(c) || now.is_college_open(c))
            .collect();
        let measure = |i: &crate::metrics::CollegeIndicators| match self.sort {
            SortKey::Map | SortKey::Name => None,
            SortKey::CapacityUse => i.capacity_use,
            SortKey::Ips => i.ips_mean,
            SortKey::Boursiers => i.boursier_share,
            SortKey::Walk => i.walk_mean_m,
        };
        match self.sort {
            SortKey::Map => {}
            SortKey::Name => ids.sort_by(|a, b| t.college(*a).name.cmp(&t.college(*b).name)),
            _ => {
                // one indicator computation per collège, not one per comparison (every frame)
                let mut keyed: Vec<(f64, CollegeId)> = ids
                    .iter()
                    .map(|&c| (measure(&m.college(c, t)).unwrap_or(f64::NEG_INFINITY), c))
                    .collect();
                keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
                ids = keyed.into_iter().map(|(_, c)| c).collect();
            }
        }
        ids
    }
}

/// A scenario's name as the window shows it (the baseline in the user's language).
pub(in crate::app) fn scenario_name(doc: &Document, i: usize, lang: Lang) -> String {
    if i == 0 {
        texts(lang).baseline_name.to_string()
    } else {
        doc.scenarios()[i].scenario.meta.name.clone()
    }
}

/// Probes of the map's caches, for tests.
impl Editor {
    /// Checks the map as last drawn against the scenario: the units whose drawn colour is not
    /// the colour they should have now (for tests of the map's caches).
    pub fn stale_map_units(&self) -> Vec<UnitId> {
        let t = self.doc.territory();
        let state = if self.view.meeting.is_some_and(|m| m.before) {
            self.doc.baseline()
        } else {
            self.doc.active()
        };
        t.unit_ids()
            .filter(|&u| {
                self.view.map_cache.drawn_color(u).is_some_and(|drawn| {
                    drawn
                        != self.view.coloring.fill(
                            u,
                            t,
                            &state.scenario,
                            &state.metrics,
                            &self.view.colors,
                            self.view.selected,
                        )
                })
            })
            .collect()
    }

    /// Checks the sector outlines as last drawn against the scenario: how many borders are drawn
    /// thick inside a sector or missing between two sectors (for tests of the map's caches).
    pub fn stale_map_borders(&self) -> usize {
        self.view
            .map_cache
            .stale_borders(&self.view.geometry, &self.doc.active().scenario)
    }

    /// Checks the stripes as last drawn against the scenario: how many blocks in the drawn area
    /// are striped though their collège is not, or the reverse (for tests of the map's caches).
    pub fn stale_map_stripes(&self) -> usize {
        self.view
            .map_cache
            .stale_stripes(&self.doc.active().scenario, &self.view.hatched)
    }

    /// How many units the map's cache holds (drawn or just around the view).
    pub fn cached_unit_count(&self) -> usize {
        self.doc
            .territory()
            .unit_ids()
            .filter(|&u| self.view.map_cache.drawn_color(u).is_some())
            .count()
    }

    /// Where a unit's representative point was drawn in the last frame.
    pub fn unit_screen_pos(&self, u: UnitId) -> Option<egui::Pos2> {
        self.view
            .geometry
            .unit_screen_pos(u, self.view.to_screen.as_ref()?)
    }
}
