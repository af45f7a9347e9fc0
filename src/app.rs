//! The application: owns the document, loads territories off the UI thread, turns what the user
//! does into edits through one `apply` path, and lays out the window.

mod assistant_view;
mod college_view;
pub use college_view::CollegeWindow;
mod meeting_view;
mod publish_view;

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText};
use walkers::{Map, MapMemory};

use crate::i18n::{Lang, number, texts};
use crate::io::autosave::{
    AutosaveWriter, Recovered, autosave_dir, autosave_path, autosave_text, read_autosave,
};
use crate::metrics::MetricsConfig;
use crate::metrics::alerts::sector_pieces;
use crate::model::{Assignment, CollegeId, Document, DocumentError, Edit, Sector, UnitId};
use crate::publish::palette::sector_styles;
use crate::ui::coloring::Coloring;
use crate::ui::map::{Gesture, Legend, MapEvents, MapGeometry, SectorLayer};
use crate::ui::panel::{
    CardsView, PanelAction, changes_list_ui, college_cards_ui, rule_ui, territory_ui,
};

/// A territory ready to show: its document and projected geometry.
pub struct Loaded {
    /// Territory, scenarios, indicators.
    pub doc: Document,
    /// Projected and triangulated geometry.
    pub geometry: MapGeometry,
    /// Where this session autosaves (None: no autosave, e.g. in tests and benchmarks).
    pub autosave: Option<std::path::PathBuf>,
    /// Work found in a previous session's autosave, offered to the user.
    pub recovered: Option<Recovered>,
    /// The project file it was opened from, with the fields this version does not know.
    pub project: Option<(
        std::path::PathBuf,
        serde_json::Map<String, serde_json::Value>,
    )>,
}

impl Loaded {
    /// A territory and its baseline, with geometry prepared (no autosave).
    pub fn new(territory: crate::model::Territory, baseline: crate::model::Scenario) -> Self {
        let t = Arc::new(territory);
        Loaded {
            geometry: MapGeometry::new(&t),
            doc: Document::new(t, baseline, MetricsConfig::default()),
            autosave: None,
            recovered: None,
            project: None,
        }
    }
}

/// Loads a territory and turns autosave on in `dir`, reading what a previous session left there.
pub fn load_with_autosave(
    territory: Option<&str>,
    dir: &std::path::Path,
) -> Result<Loaded, String> {
    let mut loaded = load(territory)?;
    let path = autosave_path(dir, loaded.doc.territory());
    loaded.recovered = read_autosave(&path, loaded.doc.territory());
    loaded.autosave = Some(path);
    Ok(loaded)
}

/// Loads a territory folder (or the embedded demo when `None`) and prepares its geometry.
pub fn load(territory: Option<&str>) -> Result<Loaded, String> {
    let opened = crate::io::open(territory).map_err(|e| e.to_string())?;
    let p = opened.project;
    let mut loaded = Loaded::new(p.territory, p.baseline);
    if let Some(file) = opened.file {
        // a project: the territory with every scenario it was saved with
        if let Some(settings) = p.settings {
            loaded.doc.set_config(settings);
        }
        for s in p.scenarios {
            loaded.doc.add_scenario(s);
        }
        let _ = loaded.doc.switch_to(p.active);
        loaded.project = Some((file, p.extra));
    }
    Ok(loaded)
}

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

/// Everything the user can ask for in a frame; run once, at the end of the frame.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum UiCommand {
    /// Give a unit to the selected collège.
    AssignToSelected(UnitId),
    /// Give the blocks inside an outline (lon/lat) to the selected collège.
    AssignArea(Vec<geo::Point<f64>>),
    /// A brush stroke starts.
    BeginStroke,
    /// Units under the brush.
    Paint(Vec<UnitId>),
    /// The brush stroke ends.
    EndStroke,
    /// Pick a collège for the tools.
    Select(CollegeId),
    /// Select the collège of a unit.
    Eyedrop(UnitId),
    /// Lock or unlock a unit.
    ToggleUnitLock(UnitId),
    /// Lock or unlock a collège.
    ToggleCollegeLock(CollegeId),
    /// Change tool.
    SetTool(Tool),
    /// Change the map's fill.
    SetColoring(Coloring),
    /// Change the order of the cards.
    SetSort(SortKey),
    /// Undo the last step.
    Undo,
    /// Redo.
    Redo,
    /// Copy the active scenario.
    NewScenario,
    /// Show another scenario.
    Switch(usize),
    /// Rename the active scenario.
    Rename(String),
    /// Give every unit back its baseline collège.
    ResetToBaseline,
    /// Change the language.
    SetLang(Lang),
    /// Bring back the scenarios of the previous session's autosave.
    Recover,
    /// Start afresh, ignoring the autosave (it is replaced by this session's work).
    DismissRecovery,
    /// Ask where to save the project.
    OpenSaveDialog,
    /// Ask which project to open.
    OpenOpenDialog,
    /// Open the import assistant.
    OpenImportDialog,
    /// Open the walking settings and street file window.
    OpenWalkWindow,
    /// Enter or leave meeting mode.
    ToggleMeeting,
    /// In meeting mode, show the baseline (true) or the scenario (false).
    ShowBefore(bool),
    /// In meeting mode, what the pupils' icons show.
    SetIcons(crate::ui::meeting::IconsBy),
    /// Open the window of documents for the public (handout, map, chart, table).
    OpenPublish,
    /// Open the comparison of two scenarios.
    OpenCompare,
    /// Open the assistant that proposes a sectorisation.
    OpenAssistant,
    /// Open the shared-sectors window.
    OpenShared,
    /// Open the window that shares a block between collèges.
    OpenSplit(UnitId),
    /// Open the new-collège window for this block.
    PlaceCollege(UnitId),
    /// Rebuild a collège on this block.
    MoveCollege(CollegeId, UnitId),
    /// Open the merger window for this collège.
    OpenMerge(CollegeId),
    /// Relieve an overfull collège by a chain of border moves.
    Dominos(CollegeId),
    /// Change the avoidance model's parameters.
    SetAvoidance(crate::metrics::avoidance::AvoidanceModel),
    /// Close a collège in the scenario; its blocks go to the nearest open collège.
    CloseCollege(CollegeId),
    /// Apply an edit as it is (reopen a collège, accept a sector in pieces).
    Apply(Edit),
}

/// Meeting mode: the map large, big cards, the tools a room needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Meeting {
    /// Showing the current map rather than the proposal.
    pub before: bool,
    /// What the pupils' icons show.
    pub icons_by: crate::ui::meeting::IconsBy,
}

/// The editor once a territory is loaded.
pub struct Editor {
    /// The document.
    pub doc: Document,
    geometry: MapGeometry,
    colors: Vec<Color32>,
    /// Collèges whose sector is striped (when the plain colours run out).
    hatched: Vec<bool>,
    labels: Vec<String>,
    memory: MapMemory,
    /// Size of the map area when the view was last fitted to the territory.
    homed_for: Option<egui::Vec2>,
    /// The collège the tools give units to.
    pub selected: Option<CollegeId>,
    /// The active tool.
    pub tool: Tool,
    /// What the map's fill shows.
    pub coloring: Coloring,
    sort: SortKey,
    hovered: Option<UnitId>,
    notice: Option<String>,
    /// The background map under the sectors.
    pub basemap: crate::ui::basemap::BasemapState,
    /// Walking distances along the streets, being computed in the background.
    walk_job: Option<crate::ui::walk::WalkJob>,
    /// The walking settings window, when open.
    walk_window: Option<crate::ui::walk::WalkWindow>,
    /// Meeting mode, when on.
    pub meeting: Option<Meeting>,
    /// The documents-for-the-public window, when open.
    publish_window: Option<crate::ui::publish_window::PublishWindow>,
    /// The window sharing one block between collèges, when open.
    split_window: Option<crate::ui::split_window::SplitWindow>,
    /// The new-collège or merger window, when open.
    college_window: Option<college_view::CollegeWindow>,
    /// Walking distances to a new building, routed in the background.
    column_job: Option<college_view::ColumnJob>,
    /// The shared-sectors window, when open.
    shared_window: Option<crate::ui::shared_window::SharedWindow>,
    /// The assistant window, when open.
    assistant_window: Option<crate::ui::assistant_window::AssistantWindow>,
    /// The comparison window, when open.
    compare_window: Option<crate::ui::publish_window::CompareWindow>,
    /// The public summaries last computed: (revision, scenario A, scenario B) and the summary.
    public_cache: Vec<((u64, usize, usize), crate::publish::PublicSummary)>,
    /// Sector colours as the core draws them (map pictures, handouts).
    styles: crate::publish::palette::SectorStyles,
    /// Length of the routed streets, metres, once routed.
    street_m: Option<f64>,
    /// Where walking matrices are cached (None: nowhere, e.g. in tests).
    cache_dir: Option<std::path::PathBuf>,
    /// The project file, and fields of it this version does not know (written back as read).
    project: Option<(
        std::path::PathBuf,
        serde_json::Map<String, serde_json::Value>,
    )>,
    /// The "save the project" dialog, when open.
    save_dialog: Option<crate::ui::file_dialog::PathDialog>,
    /// A save running in the background.
    saving: Option<Receiver<Result<std::path::PathBuf, String>>>,
    /// The "open a project" dialog, when open.
    open_dialog: Option<crate::ui::file_dialog::PathDialog>,
    /// A project the user asked to open (the app loads it in the background).
    pub open_request: Option<std::path::PathBuf>,
    /// The import assistant, when open.
    import_dialog: Option<crate::ui::import_dialog::ImportDialog>,
    departement_dialog: Option<crate::ui::departement_dialog::DepartementDialog>,
    /// A territory just imported, to open in place of this one.
    pub imported: Option<Box<(crate::model::Territory, crate::model::Scenario)>>,
    to_screen: Option<crate::ui::map::ToScreen>,
    drag_path: Vec<egui::Pos2>,
    brush_from: Option<egui::Pos2>,
    /// Sector pieces per collège, with the revision they were computed at.
    pieces: (u64, Vec<usize>),
    /// Units changed since the baseline and pupils moved, with their revision.
    changes: (u64, (Vec<UnitId>, f64)),
    /// The avoidance model's range for the active scenario (same revision as `changes`).
    avoidance: crate::metrics::avoidance::AvoidanceRange,
    map_cache: crate::ui::map::MapCache,
    /// Units changed since the map was last drawn (None: unknown, redraw every fill).
    dirty: Option<Vec<UnitId>>,
    /// Whether the map last showed the assistant's preview instead of the active scenario.
    preview_shown: bool,
    /// Écoles the units name (0: none), and whether the editing tools move a block's whole
    /// école with it.
    school_count: usize,
    /// The editing tools move whole écoles.
    pub whole_schools: bool,
    /// Autosave: the file, its writer thread, the revision last saved and when.
    autosave: Option<(std::path::PathBuf, AutosaveWriter)>,
    saved_revision: u64,
    saved_at: Option<std::time::Instant>,
    /// Work from a previous session, waiting for the user's answer.
    pub recovered: Option<Recovered>,
}

/// Height of a collège card in the scrolling list (points), for laying out only visible ones.
const CARD_HEIGHT: f32 = 168.0;

impl Editor {
    /// Hands the walking matrix to the indicators once it is ready.
    fn walk_tick(&mut self, ctx: &egui::Context, lang: Lang) {
        use crate::ui::walk::WalkOutcome;
        let Some(job) = &self.walk_job else {
            return;
        };
        let Some(outcome) = job.poll() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.walk_job = None;
        let tx = texts(lang);
        match outcome {
            WalkOutcome::Routed {
                routed,
                streets,
                report,
            } => {
                if let Some(lines) = streets {
                    self.doc.set_streets(lines);
                }
                let mut config = self.doc.config().clone();
                let far = crate::ui::walk::far_notice(lang, &routed.matrix);
                config.streets = Some(Arc::new(routed.matrix));
                self.doc.set_config(config);
                self.street_m = Some(routed.street_m);
                self.dirty = None;
                let mut n = format!(
                    "{} ({} km {})",
                    tx.walk_ready,
                    number(lang, routed.street_m / 1000.0, 1),
                    tx.walk_of_streets
                );
                if let Some(f) = far {
                    n = format!("{n} — {f}");
                }
                if let Some(r) = report {
                    n = format!("{n} — {r}");
                }
                self.notice = Some(n);
            }
            WalkOutcome::Stopped => self.notice = Some(tx.walk_stopped.into()),
            WalkOutcome::Refused(why) => {
                if let Some(w) = &mut self.walk_window {
                    w.refused = Some(why.clone());
                }
                self.notice = Some(why);
            }
        }
    }

    /// Whether walking distances along the streets are still being computed.
    pub fn walk_pending(&self) -> bool {
        self.walk_job.is_some()
    }

    /// The walking window, when open.
    fn walk_window_ui(&mut self, ctx: &egui::Context, lang: Lang) {
        use crate::ui::walk::WalkAction;
        let Some(w) = &mut self.walk_window else {
            return;
        };
        let t = self.doc.territory().clone();
        let action = w.show(
            ctx,
            lang,
            &t,
            self.doc.config(),
            self.street_m,
            self.walk_job.is_some(),
        );
        match action {
            None => {}
            Some(WalkAction::Close) => self.walk_window = None,
            Some(WalkAction::Settings(c)) => {
                self.doc.set_config(c);
                self.dirty = None;
            }
            Some(WalkAction::LoadStreets(path)) => {
                self.notice = Some(format!("{} {}", texts(lang).walk_reading, path.display()));
                self.walk_job = Some(crate::ui::walk::WalkJob::from_file(
                    &t,
                    path,
                    self.cache_dir.clone(),
                    lang,
                ));
            }
        }
    }

    /// An editor on a loaded territory.
    pub fn new(loaded: Loaded) -> Self {
        // settings live beside the autosave folder; without autosave nothing is remembered
        let data_dir = loaded
            .autosave
            .as_ref()
            .and_then(|p| Some(p.parent()?.parent()?.to_path_buf()));
        let cache_dir = data_dir.as_ref().map(|d| d.join("cache"));
        let t = loaded.doc.territory().clone();
        let styles = sector_styles(&t, &loaded.doc.baseline().scenario);
        let colors: Vec<Color32> = styles
            .colors
            .iter()
            .map(|&[r, g, b]| Color32::from_rgb(r, g, b))
            .collect();
        let hatched = styles.hatched.clone();
        let revision = loaded.doc.revision();
        let labels = t.colleges().iter().map(|c| c.short_name.clone()).collect();
        let pieces = sector_pieces(&t, &loaded.doc.active().scenario);
        Editor {
            pieces: (revision, pieces),
            changes: (u64::MAX, (Vec::new(), 0.0)),
            map_cache: Default::default(),
            dirty: None,
            preview_shown: false,
            school_count: t.schools().len(),
            whole_schools: false,
            autosave: loaded.autosave.map(|p| (p, AutosaveWriter::start())),
            saved_revision: revision,
            saved_at: None,
            recovered: loaded.recovered,
            doc: loaded.doc,
            geometry: loaded.geometry,
            colors,
            hatched,
            labels,
            memory: MapMemory::default(),
            homed_for: None,
            selected: None,
            tool: Tool::Click,
            coloring: Coloring::College,
            sort: SortKey::Map,
            hovered: None,
            notice: None,
            walk_job: crate::ui::walk::WalkJob::start(&t, cache_dir.clone()),
            walk_window: None,
            publish_window: None,
            compare_window: None,
            assistant_window: None,
            shared_window: None,
            split_window: None,
            college_window: None,
            column_job: None,
            avoidance: Default::default(),
            public_cache: Vec::new(),
            styles,
            meeting: None,
            street_m: None,
            cache_dir,
            basemap: crate::ui::basemap::BasemapState::remembered(data_dir),
            project: loaded.project,
            save_dialog: None,
            saving: None,
            open_dialog: None,
            open_request: None,
            import_dialog: None,
            departement_dialog: None,
            imported: None,
            to_screen: None,
            drag_path: Vec::new(),
            brush_from: None,
        }
    }

    /// Makes sure the active scenario can be edited: the baseline is copied first.
    fn ensure_editable(&mut self, lang: Lang) {
        if self.doc.active_is_baseline() {
            let n = self.doc.scenarios().len();
            self.doc
                .new_scenario_from_active(format!("{} {n}", texts(lang).new_scenario_name));
            self.notice = Some(texts(lang).auto_scenario_notice.into());
        }
    }

    /// The single path of every change. Edits on the baseline first copy it into a new
    /// scenario: the current carte scolaire is never changed.
    pub fn apply(&mut self, edit: Edit, lang: Lang) -> Result<(), DocumentError> {
        self.ensure_editable(lang);
        self.doc.apply(edit)
    }

    /// Assigns units to the selected collège, leaving locked ones alone (and saying so).
    fn assign_units(&mut self, units: Vec<UnitId>, lang: Lang) -> Result<(), DocumentError> {
        let Some(c) = self.selected else {
            self.notice = Some(texts(lang).pick_college_hint.into());
            return Ok(());
        };
        let units = if self.whole_schools {
            self.with_their_schools(units)
        } else {
            units
        };
        let s = &self.doc.active().scenario;
        let (free, locked): (Vec<UnitId>, Vec<UnitId>) = units.into_iter().partition(|&u| {
            !s.is_unit_locked(u)
                && !s
                    .assignment(u)
                    .shares()
                    .any(|(k, _)| s.is_college_locked(k))
        });
        if free.is_empty() && locked.len() == 1 {
            // a single locked block: the core's refusal explains why
            return self.apply(
                Edit::Assign(vec![(locked[0], Assignment::College(c))]),
                lang,
            );
        }
        if !locked.is_empty() {
            self.notice = Some(format!("{} {}", locked.len(), texts(lang).skipped_locked));
        }
        if free.is_empty() {
            return Ok(());
        }
        self.apply(
            Edit::Assign(
                free.into_iter()
                    .map(|u| (u, Assignment::College(c)))
                    .collect(),
            ),
            lang,
        )
    }

    /// The units and every other unit of their écoles.
    fn with_their_schools(&self, units: Vec<UnitId>) -> Vec<UnitId> {
        let t = self.doc.territory();
        let schools: std::collections::HashSet<&str> = units
            .iter()
            .filter_map(|&u| t.unit(u).school.as_deref())
            .collect();
        if schools.is_empty() {
            return units;
        }
        let mut all: Vec<UnitId> = t
            .unit_ids()
            .filter(|&u| {
                t.unit(u)
                    .school
                    .as_deref()
                    .is_some_and(|s| schools.contains(s))
            })
            .collect();
        all.extend(units.iter().filter(|&&u| t.unit(u).school.is_none()));
        all
    }

    /// Runs one command.
    pub fn run(&mut self, command: UiCommand, lang: &mut Lang) {
        // which fills may change: the units a tool names, or anything for the rest
        match &command {
            // a whole école: any block may change
            UiCommand::AssignToSelected(_) | UiCommand::Paint(_) if self.whole_schools => {
                self.dirty = None;
            }
            UiCommand::AssignToSelected(u) | UiCommand::ToggleUnitLock(u) => {
                if let Some(d) = &mut self.dirty {
                    d.push(*u);
                }
            }
            UiCommand::Paint(units) => {
                if let Some(d) = &mut self.dirty {
                    d.extend_from_slice(units);
                }
            }
            UiCommand::Select(_)
            | UiCommand::Eyedrop(_)
            | UiCommand::SetTool(_)
            | UiCommand::SetSort(_)
            | UiCommand::SetLang(_)
            | UiCommand::BeginStroke
            | UiCommand::OpenSaveDialog
            | UiCommand::OpenOpenDialog
            | UiCommand::OpenImportDialog
            | UiCommand::OpenWalkWindow
            | UiCommand::OpenPublish
            | UiCommand::OpenCompare
            | UiCommand::OpenAssistant
            | UiCommand::OpenShared
            | UiCommand::SetIcons(_)
            | UiCommand::EndStroke
            | UiCommand::Rename(_) => {}
            _ => self.dirty = None,
        }
        let result = match command {
            UiCommand::AssignToSelected(u) => self.assign_units(vec![u], *lang),
            UiCommand::AssignArea(outline) => {
                let units = self.units_inside(&outline);
                self.doc.end_stroke();
                self.ensure_editable(*lang);
                self.doc.begin_stroke();
                let r = self.assign_units(units, *lang);
                self.doc.end_stroke();
                r
            }
            UiCommand::BeginStroke => {
                if self.selected.is_some() {
                    self.ensure_editable(*lang);
                    self.doc.begin_stroke();
                }
                Ok(())
            }
            UiCommand::Paint(units) => {
                let s = &self.doc.active().scenario;
                let todo: Vec<UnitId> = units
                    .into_iter()
                    .filter(|&u| {
                        s.assignment(u).main_college() != self.selected
                            || s.assignment(u).shares().count() > 1
                    })
                    .collect();
                if todo.is_empty() {
                    Ok(())
                } else {
                    self.assign_units(todo, *lang)
                }
            }
            UiCommand::EndStroke => {
                self.doc.end_stroke();
                Ok(())
            }
            UiCommand::Select(c) => {
                self.selected = Some(c);
                Ok(())
            }
            UiCommand::Eyedrop(u) => {
                if let Some(c) = self.doc.active().scenario.assignment(u).main_college() {
                    self.selected = Some(c);
                }
                Ok(())
            }
            UiCommand::ToggleUnitLock(u) => {
                let locked = self.doc.active().scenario.is_unit_locked(u);
                self.apply(Edit::LockUnits(vec![(u, !locked)]), *lang)
            }
            UiCommand::ToggleCollegeLock(c) => {
                let locked = self.doc.active().scenario.is_college_locked(c);
                self.apply(Edit::LockColleges(vec![(c, !locked)]), *lang)
            }
            UiCommand::SetTool(t) => {
                self.tool = t;
                Ok(())
            }
            UiCommand::SetColoring(c) => {
                self.coloring = c;
                Ok(())
            }
            UiCommand::SetSort(k) => {
                self.sort = k;
                Ok(())
            }
            UiCommand::Undo => {
                self.doc.undo();
                Ok(())
            }
            UiCommand::Redo => {
                self.doc.redo();
                Ok(())
            }
            UiCommand::NewScenario => {
                let n = self.doc.scenarios().len();
                self.doc
                    .new_scenario_from_active(format!("{} {n}", texts(*lang).new_scenario_name));
                Ok(())
            }
            UiCommand::Switch(i) => self.doc.switch_to(i),
            UiCommand::Rename(name) => {
                let i = self.doc.active_index();
                if i == 0 {
                    Ok(())
                } else {
                    self.doc.rename(i, name)
                }
            }
            UiCommand::ResetToBaseline => {
                if self.doc.active_is_baseline() {
                    Ok(())
                } else {
                    self.doc.reset_to_baseline()
                }
            }
            UiCommand::SetLang(l) => {
                *lang = l;
                Ok(())
            }
            UiCommand::Recover => {
                if let Some(r) = self.recovered.take() {
                    let added = !r.planned.is_empty();
                    for c in r.planned {
                        if self.doc.territory().college_by_uai(&c.uai).is_none() {
                            let _ = self.doc.add_college(c);
                        }
                    }
                    if added {
                        self.territory_changed();
                    }
                    let first = self.doc.scenarios().len();
                    for s in r.scenarios {
                        self.doc.add_scenario(s);
                    }
                    let target = if r.active == 0 {
                        0
                    } else {
                        first + r.active - 1
                    };
                    let _ = self
                        .doc
                        .switch_to(target.min(self.doc.scenarios().len() - 1));
                }
                Ok(())
            }
            UiCommand::DismissRecovery => {
                self.recovered = None;
                Ok(())
            }
            UiCommand::OpenImportDialog => {
                self.import_dialog = Some(crate::ui::import_dialog::ImportDialog::new());
                Ok(())
            }
            UiCommand::ToggleMeeting => {
                self.meeting = match self.meeting {
                    Some(_) => None,
                    None => Some(Meeting {
                        // a room first sees the proposal being discussed
                        before: false,
                        icons_by: crate::ui::meeting::IconsBy::Group,
                    }),
                };
                // the map's area changes: fit the territory again
                self.homed_for = None;
                Ok(())
            }
            UiCommand::ShowBefore(b) => {
                if let Some(m) = &mut self.meeting {
                    m.before = b;
                }
                Ok(())
            }
            UiCommand::SetIcons(by) => {
                if let Some(m) = &mut self.meeting {
                    m.icons_by = by;
                }
                Ok(())
            }
            UiCommand::OpenPublish => {
                let author = self.doc.active().scenario.meta.author.clone();
                self.publish_window = Some(crate::ui::publish_window::PublishWindow::new(author));
                Ok(())
            }
            UiCommand::OpenCompare => {
                // the current map against the scenario shown, or against the first proposal
                let b = match self.doc.active_index() {
                    0 => usize::from(self.doc.scenarios().len() > 1),
                    i => i,
                };
                self.compare_window = Some(crate::ui::publish_window::CompareWindow::new(0, b));
                Ok(())
            }
            UiCommand::CloseCollege(c) => {
                self.ensure_editable(*lang);
                let active = self.doc.active();
                let plan = crate::model::levers::close_college(
                    self.doc.territory(),
                    &active.scenario,
                    &active.metrics,
                    c,
                );
                let t = self.doc.territory().clone();
                let units: usize =
                    plan.destinations.iter().map(|d| d.1).sum::<usize>() + plan.stranded.len();
                let pupils: f64 = plan.destinations.iter().map(|d| d.2).sum();
                let to = plan
                    .destinations
                    .iter()
                    .map(|(k, n, _)| format!("{} {n}", t.college(*k).short_name))
                    .collect::<Vec<_>>()
                    .join(", ");
                let r = self.doc.apply_step(plan.edits);
                if r.is_ok() {
                    if self.selected == Some(c) {
                        self.selected = None;
                    }
                    self.notice = Some((texts(*lang).closure_done)(
                        &t.college(c).name,
                        units,
                        pupils,
                        &to,
                        plan.stranded.len(),
                    ));
                }
                r
            }
            UiCommand::Apply(edit) => self.apply(edit, *lang),
            UiCommand::SetAvoidance(model) => {
                let mut config = self.doc.config().clone();
                config.avoidance = model;
                self.doc.set_config(config);
                // the range is recomputed with the new parameters
                self.changes.0 = u64::MAX;
                Ok(())
            }
            UiCommand::PlaceCollege(u) => {
                self.college_window = Some(college_view::CollegeWindow::New {
                    at: u,
                    name: texts(*lang).new_college_default.into(),
                    capacity: 600.0,
                });
                Ok(())
            }
            UiCommand::MoveCollege(c, u) => {
                self.move_college_to(*lang, c, u);
                Ok(())
            }
            UiCommand::Dominos(c) => {
                let t = self.doc.territory().clone();
                let active = self.doc.active();
                let chain = crate::assistant::dominos::dominos(
                    &t,
                    &active.scenario,
                    &active.metrics,
                    c,
                    1.0,
                    1000.0,
                    6,
                );
                let tx = texts(*lang);
                match chain {
                    None => {
                        self.notice = Some((tx.dominos_none)(&t.college(c).name));
                        Ok(())
                    }
                    Some(chain) => {
                        self.ensure_editable(*lang);
                        let path: Vec<String> = std::iter::once(c)
                            .chain(chain.iter().map(|mv| mv.to))
                            .map(|k| t.college(k).short_name.clone())
                            .collect();
                        let pupils: f64 = chain.iter().map(|mv| mv.pupils).sum();
                        let edit =
                            Edit::Assign(chain.iter().flat_map(|mv| mv.assignments()).collect());
                        let r = self.doc.apply(edit);
                        if r.is_ok() {
                            self.notice = Some((tx.dominos_done)(
                                &path.join(" → "),
                                chain.len(),
                                &crate::i18n::number(*lang, pupils, 0),
                            ));
                        }
                        r
                    }
                }
            }
            UiCommand::OpenMerge(a) => {
                self.college_window = Some(college_view::CollegeWindow::Merge { a, b: None });
                Ok(())
            }
            UiCommand::OpenSplit(u) => {
                self.split_window = Some(crate::ui::split_window::SplitWindow::new(
                    u,
                    &self.doc.active().scenario,
                ));
                Ok(())
            }
            UiCommand::OpenShared => {
                if self.shared_window.is_none() {
                    self.shared_window = Some(crate::ui::shared_window::SharedWindow::default());
                }
                Ok(())
            }
            UiCommand::OpenAssistant => {
                if self.assistant_window.is_none() {
                    let target = self.default_assistant_target();
                    let pupils = self
                        .doc
                        .territory()
                        .units()
                        .iter()
                        .filter_map(|u| u.population.pupils)
                        .sum();
                    let schools = self.school_count;
                    self.assistant_window = Some(
                        crate::ui::assistant_window::AssistantWindow::new(target, pupils, schools),
                    );
                }
                Ok(())
            }
            UiCommand::OpenWalkWindow => {
                self.walk_window = Some(crate::ui::walk::WalkWindow::default());
                Ok(())
            }
            UiCommand::OpenOpenDialog => {
                self.open_dialog = Some(crate::ui::file_dialog::PathDialog::default());
                Ok(())
            }
            UiCommand::OpenSaveDialog => {
                if self.saving.is_none() {
                    let path = match &self.project {
                        Some((p, _)) => p.display().to_string(),
                        None => {
                            // beside the user's documents rather than wherever the app started
                            let name = format!("{}.cartemixite", self.doc.territory().info.name);
                            std::env::var_os("HOME")
                                .map(std::path::PathBuf::from)
                                .map(|h| {
                                    if h.join("Documents").is_dir() {
                                        h.join("Documents")
                                    } else {
                                        h
                                    }
                                })
                                .map(|d| d.join(&name).display().to_string())
                                .unwrap_or(name)
                        }
                    };
                    self.save_dialog = Some(crate::ui::file_dialog::PathDialog::new(path));
                }
                Ok(())
            }
        };
        if let Err(e) = result {
            self.notice = Some(crate::i18n::document_error(*lang, &e));
        }
    }

    /// Units whose representative point lies inside an outline (lon/lat).
    fn units_inside(&self, outline: &[geo::Point<f64>]) -> Vec<UnitId> {
        use geo::{BoundingRect, Contains};
        if outline.len() < 3 {
            return Vec::new();
        }
        let poly = geo::Polygon::new(
            geo::LineString::from(outline.iter().map(|p| p.0).collect::<Vec<_>>()),
            vec![],
        );
        let Some(bb) = poly.bounding_rect() else {
            return Vec::new();
        };
        let t = self.doc.territory();
        let mut units: Vec<UnitId> = t
            .units_in_rect(bb.min().into(), bb.max().into())
            .filter(|&u| poly.contains(&t.unit(u).anchor))
            .collect();
        units.sort();
        units
    }

    /// Checks the map as last drawn against the scenario: the units whose drawn colour is not
    /// the colour they should have now (for tests of the map's caches).
    pub fn stale_map_units(&self) -> Vec<UnitId> {
        let t = self.doc.territory();
        let state = if self.meeting.is_some_and(|m| m.before) {
            self.doc.baseline()
        } else {
            self.doc.active()
        };
        t.unit_ids()
            .filter(|&u| {
                self.map_cache.drawn_color(u).is_some_and(|drawn| {
                    drawn
                        != self.coloring.fill(
                            u,
                            t,
                            &state.scenario,
                            &state.metrics,
                            &self.colors,
                            self.selected,
                        )
                })
            })
            .collect()
    }

    /// Checks the sector outlines as last drawn against the scenario: how many borders are drawn
    /// thick inside a sector or missing between two sectors (for tests of the map's caches).
    pub fn stale_map_borders(&self) -> usize {
        self.map_cache
            .stale_borders(&self.geometry, &self.doc.active().scenario)
    }

    /// The save dialog, and the answer of a save running in the background.
    fn save_ui(&mut self, ctx: &egui::Context, lang: Lang) {
        let tx = texts(lang);
        if let Some(rx) = &self.saving {
            match rx.try_recv() {
                Ok(Ok(path)) => {
                    self.notice = Some(format!("{} {}", tx.saved, path.display()));
                    self.saving = None;
                }
                Ok(Err(e)) => {
                    self.notice = Some(format!("{} : {e}", tx.save_failed));
                    self.saving = None;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.saving = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        if let Some(dialog) = &mut self.import_dialog {
            match dialog.show(ctx, lang) {
                crate::ui::import_dialog::ImportAnswer::Open => {}
                crate::ui::import_dialog::ImportAnswer::Close => self.import_dialog = None,
                crate::ui::import_dialog::ImportAnswer::Use(imported) => {
                    self.import_dialog = None;
                    self.imported = Some(Box::new((imported.territory, imported.baseline)));
                }
                crate::ui::import_dialog::ImportAnswer::Departement => {
                    self.import_dialog = None;
                    self.departement_dialog =
                        Some(crate::ui::departement_dialog::DepartementDialog::new());
                }
            }
        }
        if let Some(dialog) = &mut self.departement_dialog {
            match dialog.show(ctx, lang) {
                crate::ui::departement_dialog::DepartementAnswer::Open => {}
                crate::ui::departement_dialog::DepartementAnswer::Close => {
                    self.departement_dialog = None;
                }
                crate::ui::departement_dialog::DepartementAnswer::Use(parts) => {
                    self.departement_dialog = None;
                    self.imported = Some(parts);
                }
            }
        }
        if let Some(dialog) = &mut self.open_dialog {
            let spec = crate::ui::file_dialog::DialogSpec {
                title: tx.open_title,
                help: tx.open_help,
                confirm: tx.open,
                filter: ("Carte Mixité", &[crate::io::project::PROJECT_EXTENSION]),
                save: false,
            };
            match dialog.show(ctx, &spec, lang) {
                crate::ui::file_dialog::DialogAnswer::Waiting => {}
                crate::ui::file_dialog::DialogAnswer::Cancelled => self.open_dialog = None,
                crate::ui::file_dialog::DialogAnswer::Chosen(path) => {
                    self.open_dialog = None;
                    self.notice = Some(format!("{} {}…", tx.opening, path.display()));
                    self.open_request = Some(path);
                }
            }
        }
        let Some(dialog) = &mut self.save_dialog else {
            return;
        };
        let spec = crate::ui::file_dialog::DialogSpec {
            title: tx.save_title,
            help: tx.save_help,
            confirm: tx.save_confirm,
            filter: ("Carte Mixité", &[crate::io::project::PROJECT_EXTENSION]),
            save: true,
        };
        match dialog.show(ctx, &spec, lang) {
            crate::ui::file_dialog::DialogAnswer::Waiting => {}
            crate::ui::file_dialog::DialogAnswer::Cancelled => self.save_dialog = None,
            crate::ui::file_dialog::DialogAnswer::Chosen(mut path) => {
                self.save_dialog = None;
                if !crate::io::project::is_project_path(&path) {
                    let mut name = path.as_os_str().to_owned();
                    name.push(".");
                    name.push(crate::io::project::PROJECT_EXTENSION);
                    path = name.into();
                }
                // the file is written on its own thread: the window never waits on the disk
                let territory = self.doc.territory().clone();
                let scenarios: Vec<crate::model::Scenario> = self
                    .doc
                    .scenarios()
                    .iter()
                    .map(|s| s.scenario.clone())
                    .collect();
                let active = self.doc.active_index();
                let settings = self.doc.config().clone();
                let extra = self
                    .project
                    .as_ref()
                    .map(|p| p.1.clone())
                    .unwrap_or_default();
                self.project = Some((path.clone(), extra.clone()));
                let (send, recv) = channel();
                let repaint = ctx.clone();
                std::thread::spawn(move || {
                    let others: Vec<&crate::model::Scenario> = scenarios[1..].iter().collect();
                    let result = crate::io::project::write_project(
                        &path,
                        &territory,
                        &scenarios[0],
                        &others,
                        active,
                        &settings,
                        &extra,
                    )
                    .map(|()| path)
                    .map_err(|e| e.to_string());
                    let _ = send.send(result);
                    repaint.request_repaint();
                });
                self.saving = Some(recv);
            }
        }
    }

    /// Checks the stripes as last drawn against the scenario: how many blocks in the drawn area
    /// are striped though their collège is not, or the reverse (for tests of the map's caches).
    pub fn stale_map_stripes(&self) -> usize {
        self.map_cache
            .stale_stripes(&self.doc.active().scenario, &self.hatched)
    }

    /// Saves the scenarios in the background a few seconds after a change; never while a
    /// recovery offer is pending (that would overwrite the work being offered).
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        const EVERY: std::time::Duration = std::time::Duration::from_secs(3);
        let Some((path, writer)) = &self.autosave else {
            return;
        };
        if self.recovered.is_some() || self.doc.revision() == self.saved_revision {
            return;
        }
        let wait = self.saved_at.map(|t| EVERY.saturating_sub(t.elapsed()));
        if self.doc.active().history.in_group() || wait.is_some_and(|w| !w.is_zero()) {
            // come back when the save is due, even if the user does nothing meanwhile
            ctx.request_repaint_after(
                wait.unwrap_or(EVERY)
                    .max(std::time::Duration::from_millis(100)),
            );
            return;
        }
        let scenarios: Vec<&crate::model::Scenario> = self.doc.scenarios()[1..]
            .iter()
            .map(|s| &s.scenario)
            .collect();
        writer.save(
            path.clone(),
            autosave_text(
                self.doc.territory(),
                &scenarios,
                self.doc.active_index(),
                &self
                    .doc
                    .territory()
                    .college_ids()
                    .filter(|&c| !self.doc.baseline().scenario.is_college_open(c))
                    .collect::<Vec<_>>(),
            ),
        );
        self.saved_revision = self.doc.revision();
        self.saved_at = Some(std::time::Instant::now());
    }

    /// How many units the map's cache holds (drawn or just around the view).
    pub fn cached_unit_count(&self) -> usize {
        self.doc
            .territory()
            .unit_ids()
            .filter(|&u| self.map_cache.drawn_color(u).is_some())
            .count()
    }

    /// The message shown in the status bar, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Where a unit's representative point was drawn in the last frame.
    pub fn unit_screen_pos(&self, u: UnitId) -> Option<egui::Pos2> {
        self.geometry.unit_screen_pos(u, self.to_screen.as_ref()?)
    }

    fn scenario_name(&self, i: usize, lang: Lang) -> String {
        if i == 0 {
            texts(lang).baseline_name.to_string()
        } else {
            self.doc.scenarios()[i].scenario.meta.name.clone()
        }
    }

    fn refresh_pieces(&mut self) {
        // a pass over every unit: not during a brush stroke, once it ends
        let stroking = self.doc.active().history.in_group();
        if self.pieces.0 != self.doc.revision() && !stroking {
            self.pieces = (
                self.doc.revision(),
                sector_pieces(self.doc.territory(), &self.doc.active().scenario),
            );
        }
    }

    fn sorted_colleges(&self) -> Vec<CollegeId> {
        let t = self.doc.territory();
        let m = &self.doc.active().metrics;
        let (base, now) = (&self.doc.baseline().scenario, &self.doc.active().scenario);
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

    /// Draws the editor and collects commands.
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<UiCommand>) {
        let tx = texts(lang);
        // first: it may add a collège to the territory, which everything below then sees
        self.college_window_ui(ui.ctx(), lang);
        let t = self.doc.territory().clone();
        self.refresh_pieces();
        self.autosave_tick(ui.ctx());
        self.walk_tick(ui.ctx(), lang);
        // keyboard shortcuts
        ui.input(|i| {
            let ctrl = i.modifiers.command;
            if ctrl && i.key_pressed(egui::Key::Z) {
                commands.push(if i.modifiers.shift {
                    UiCommand::Redo
                } else {
                    UiCommand::Undo
                });
            }
            if ctrl && i.key_pressed(egui::Key::Y) {
                commands.push(UiCommand::Redo);
            }
            if ctrl && i.key_pressed(egui::Key::S) {
                commands.push(UiCommand::OpenSaveDialog);
            }
            if i.key_pressed(egui::Key::F5)
                || (self.meeting.is_some() && i.key_pressed(egui::Key::Escape))
            {
                commands.push(UiCommand::ToggleMeeting);
            }
        });
        self.save_ui(ui.ctx(), lang);
        self.walk_window_ui(ui.ctx(), lang);
        self.publish_ui(ui.ctx(), lang);
        self.compare_ui(ui.ctx(), lang);
        self.assistant_ui(ui.ctx(), lang);
        self.shared_ui(ui.ctx(), lang);
        self.split_ui(ui.ctx(), lang);
        self.column_tick(ui.ctx(), lang);
        if self.meeting.is_some() {
            self.meeting_ui(ui, lang, commands);
            return;
        }

        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tx.app_title).size(22.0).strong());
                ui.label(RichText::new(&t.info.name).size(20.0));
                if t.info.fictional {
                    ui.label(
                        RichText::new(tx.fictional_badge)
                            .strong()
                            .color(Color32::WHITE)
                            .background_color(Color32::from_rgb(150, 60, 20)),
                    )
                    .on_hover_text(tx.fictional_note);
                }
                ui.separator();
                let active = self.doc.active_index();
                egui::ComboBox::new("scenario", tx.scenario)
                    // a fixed width: the bar keeps its layout whatever the scenario's name
                    .width(190.0)
                    .truncate()
                    .selected_text(self.scenario_name(active, lang))
                    .show_ui(ui, |ui| {
                        for i in 0..self.doc.scenarios().len() {
                            if ui
                                .selectable_label(i == active, self.scenario_name(i, lang))
                                .clicked()
                            {
                                commands.push(UiCommand::Switch(i));
                            }
                        }
                    });
                // always present (disabled on the baseline): the bar keeps its size, so the
                // map never moves when the first edit creates a scenario
                let mut name = if active > 0 {
                    self.doc.active().scenario.meta.name.clone()
                } else {
                    String::new()
                };
                let r = ui.add_enabled(
                    active > 0,
                    egui::TextEdit::singleline(&mut name)
                        .desired_width(140.0)
                        .hint_text(tx.rename),
                );
                if r.changed() {
                    commands.push(UiCommand::Rename(name));
                }
                if ui.button(format!("+ {}", tx.new_scenario)).clicked() {
                    commands.push(UiCommand::NewScenario);
                }
                let h = &self.doc.active().history;
                if ui
                    .add_enabled(
                        h.undo_len() > 0,
                        egui::Button::new(format!("↶ {}", tx.undo)),
                    )
                    .clicked()
                {
                    commands.push(UiCommand::Undo);
                }
                if ui
                    .add_enabled(
                        h.redo_len() > 0,
                        egui::Button::new(format!("↷ {}", tx.redo)),
                    )
                    .clicked()
                {
                    commands.push(UiCommand::Redo);
                }
                if ui
                    .add_enabled(
                        !self.doc.active_is_baseline(),
                        egui::Button::new(tx.reset_to_baseline),
                    )
                    .clicked()
                {
                    commands.push(UiCommand::ResetToBaseline);
                }
                if ui.button(tx.open_project).clicked() {
                    commands.push(UiCommand::OpenOpenDialog);
                }
                if ui.button(tx.import_button).clicked() {
                    commands.push(UiCommand::OpenImportDialog);
                }
                if ui
                    .button(RichText::new(tx.meeting_button).strong())
                    .clicked()
                {
                    commands.push(UiCommand::ToggleMeeting);
                }
                if ui.button(tx.publish_button).clicked() {
                    commands.push(UiCommand::OpenPublish);
                }
                if ui.button(tx.compare_button).clicked() {
                    commands.push(UiCommand::OpenCompare);
                }
                if ui
                    .button(crate::i18n::assistant_texts(lang).button)
                    .clicked()
                {
                    commands.push(UiCommand::OpenAssistant);
                }
                if ui.button(crate::i18n::shared_texts(lang).button).clicked() {
                    commands.push(UiCommand::OpenShared);
                }
                let busy = self.saving.is_some();
                if ui
                    .add_enabled(!busy, egui::Button::new(tx.save_project))
                    .clicked()
                {
                    commands.push(UiCommand::OpenSaveDialog);
                }
                ui.separator();
                for (l, name) in [(Lang::Fr, "FR"), (Lang::En, "EN")] {
                    if ui.selectable_label(lang == l, name).clicked() {
                        commands.push(UiCommand::SetLang(l));
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{} :", tx.tool)).strong());
                for (tool, name) in [
                    (Tool::Click, tx.tool_click),
                    (Tool::Brush, tx.tool_brush),
                    (Tool::Rectangle, tx.tool_rect),
                    (Tool::Lasso, tx.tool_lasso),
                    (Tool::Eyedropper, tx.tool_pick),
                    (Tool::Lock, tx.tool_lock),
                    (Tool::Split, tx.tool_split),
                    (Tool::NewCollege, tx.tool_new_college),
                ] {
                    if ui.selectable_label(self.tool == tool, name).clicked() {
                        commands.push(UiCommand::SetTool(tool));
                    }
                }
                if self.school_count > 0 {
                    ui.toggle_value(&mut self.whole_schools, tx.whole_schools)
                        .on_hover_text((tx.whole_schools_hint)(self.school_count));
                }
                ui.separator();
                ui.label(RichText::new(format!("{} :", tx.coloring)).strong());
                for (c, name) in [
                    (Coloring::College, tx.by_college),
                    (Coloring::Ips, tx.by_ips),
                    (Coloring::Boursiers, tx.by_boursiers),
                    (Coloring::Walk, tx.by_walk),
                    (Coloring::Reach, tx.by_reach),
                ] {
                    if ui.selectable_label(self.coloring == c, name).clicked() {
                        commands.push(UiCommand::SetColoring(c));
                    }
                }
                if ui
                    .selectable_label(self.walk_window.is_some(), tx.walk_settings)
                    .clicked()
                {
                    commands.push(UiCommand::OpenWalkWindow);
                }
                // label and choice stay together when the bar wraps
                if ui.max_rect().right() - ui.cursor().left() < 340.0 {
                    ui.end_row();
                } else {
                    ui.separator();
                }
                let basemap = ui.horizontal(|ui| self.basemap.controls_ui(ui, lang)).inner;
                if let Some(message) = basemap {
                    self.notice = Some(message);
                    self.dirty = None;
                }
            });
        });

        // a fixed height: a message appearing must never shift the map under the pointer
        egui::Panel::bottom("status")
            .exact_size(30.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    let hint = match (self.tool, self.selected) {
                        (Tool::Eyedropper, _) => tx.tool_hint_pick.to_string(),
                        (Tool::Lock, _) => tx.tool_hint_lock.to_string(),
                        (Tool::Split, _) => tx.tool_hint_split.to_string(),
                        (Tool::NewCollege, _) => tx.tool_hint_new_college.to_string(),
                        (Tool::MoveCollege(c), _) => (tx.tool_hint_move)(&t.college(c).name),
                        (_, None) => tx.pick_college_hint.to_string(),
                        (Tool::Brush, Some(c)) => {
                            format!("{} → {}", tx.tool_hint_brush, t.college(c).name)
                        }
                        (Tool::Rectangle | Tool::Lasso, Some(c)) => {
                            format!("{} → {}", tx.tool_hint_area, t.college(c).name)
                        }
                        (Tool::Click, Some(c)) if self.whole_schools => {
                            format!("{} {}", tx.assign_school_hint, t.college(c).name)
                        }
                        (Tool::Click, Some(c)) => {
                            format!("{} {}", tx.assign_hint, t.college(c).name)
                        }
                    };
                    if let Some(job) = &self.walk_job {
                        job.progress_ui(ui, lang);
                    }
                    ui.label(RichText::new(hint).size(16.0));
                    if let Some(n) = &self.notice {
                        ui.separator();
                        // a long message is cut to the bar: the whole of it shows under the pointer
                        ui.label(
                            RichText::new(n)
                                .color(Color32::from_rgb(150, 60, 20))
                                .strong(),
                        )
                        .on_hover_text(n);
                    }
                });
            });

        if let Some(r) = &self.recovered {
            egui::Panel::top("recovery").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let when = r.saved_at.with_timezone(&chrono::Local);
                    ui.label(
                        RichText::new(
                            tx.recovery_text
                                .replace("{n}", &r.scenarios.len().to_string())
                                .replace("{date}", &when.format("%d/%m/%Y %H:%M").to_string()),
                        )
                        .strong()
                        .size(17.0),
                    );
                    if ui.button(RichText::new(tx.recover).strong()).clicked() {
                        commands.push(UiCommand::Recover);
                    }
                    if ui.button(tx.dismiss_recovery).clicked() {
                        commands.push(UiCommand::DismissRecovery);
                    }
                });
            });
        }

        egui::Panel::right("indicators")
            .default_size(430.0)
            .min_size(340.0)
            .show(ui, |ui| {
                self.refresh_changes();
                let active = self.doc.active();
                let moved = &self.changes.1;
                territory_ui(
                    ui,
                    lang,
                    &active.metrics.territory(),
                    &self.doc.baseline().metrics.territory(),
                    (moved.0.len(), moved.1),
                    (
                        self.doc.config().walk_threshold_m / 1000.0,
                        self.doc.config().walk_source(),
                    ),
                );
                crate::ui::panel::avoidance_ui(
                    ui,
                    lang,
                    &self.avoidance,
                    &self.doc.config().avoidance,
                    !moved.0.is_empty(),
                    &mut |m| commands.push(UiCommand::SetAvoidance(m)),
                );
                if !moved.0.is_empty() {
                    changes_list_ui(ui, lang, &self.doc, &moved.0);
                }
                ui.separator();
                ui.horizontal(|ui| {
                    let names = [
                        (SortKey::Map, tx.sort_map),
                        (SortKey::Name, tx.sort_name),
                        (SortKey::CapacityUse, tx.sort_use),
                        (SortKey::Ips, tx.sort_ips),
                        (SortKey::Boursiers, tx.sort_boursiers),
                        (SortKey::Walk, tx.sort_walk),
                    ];
                    let current = names
                        .iter()
                        .find(|(k, _)| *k == self.sort)
                        .map(|(_, n)| *n)
                        .unwrap_or("");
                    egui::ComboBox::new("sort", tx.sort_by)
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            for (k, n) in names {
                                if ui.selectable_label(self.sort == k, n).clicked() {
                                    commands.push(UiCommand::SetSort(k));
                                }
                            }
                        });
                });
                rule_ui(ui, lang, &active.metrics);
                let order = self.sorted_colleges();
                let mut actions = Vec::new();
                let view = CardsView {
                    order: &order,
                    now: &active.metrics,
                    base: &self.doc.baseline().metrics,
                    colors: &self.colors,
                    hatched: &self.hatched,
                    selected: self.selected,
                    pieces: &self.pieces.1,
                    locked: &|c| active.scenario.is_college_locked(c),
                    scenario: &active.scenario,
                    avoidance: (!self.doc.active_is_baseline())
                        .then_some(self.avoidance.per_college.as_slice()),
                };
                // only the cards in view are laid out: a département has a hundred collèges
                egui::ScrollArea::vertical().show_rows(
                    ui,
                    CARD_HEIGHT,
                    order.len(),
                    |ui, range| {
                        college_cards_ui(ui, lang, &t, &view, range, &mut actions);
                    },
                );
                for a in actions {
                    match a {
                        PanelAction::Select(c) => commands.push(UiCommand::Select(c)),
                        PanelAction::ToggleLock(c) => {
                            commands.push(UiCommand::ToggleCollegeLock(c))
                        }
                        PanelAction::Close(c) => commands.push(UiCommand::CloseCollege(c)),
                        PanelAction::Move(c) => {
                            commands.push(UiCommand::SetTool(Tool::MoveCollege(c)))
                        }
                        PanelAction::Merge(c) => commands.push(UiCommand::OpenMerge(c)),
                        PanelAction::Dominos(c) => commands.push(UiCommand::Dominos(c)),
                        PanelAction::Reopen(c) => {
                            commands.push(UiCommand::Apply(Edit::OpenColleges(vec![(c, true)])))
                        }
                        PanelAction::AllowPieces(c, ok) => {
                            commands.push(UiCommand::Apply(Edit::AllowDiscontinuous(vec![(c, ok)])))
                        }
                    }
                }
            });

        egui::CentralPanel::no_frame().show(ui, |ui| self.map_ui(ui, lang, commands));
    }

    /// The map: the shown scenario's sectors, the tools' gestures, the hover card. In meeting
    /// mode's "before" view it shows the baseline and only picks collèges.
    fn map_ui(&mut self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<UiCommand>) {
        let tx = texts(lang);
        let t = self.doc.territory().clone();
        let rect = ui.available_rect_before_wrap();
        // fit the territory at start, and again when the window is resized
        let resized = self
            .homed_for
            .is_none_or(|s| (s - rect.size()).length() > 40.0);
        if resized && rect.width() > 10.0 {
            let (center, zoom) = self.geometry.home(rect.size());
            self.memory.center_at(center);
            let _ = self.memory.set_zoom(zoom);
            self.homed_for = Some(rect.size());
        }
        ui.painter()
            .rect_filled(rect, 0.0, Color32::from_rgb(238, 236, 230));
        let mut events = MapEvents::default();
        let center = self.geometry.home(rect.size()).0;
        let meeting = self.meeting.is_some();
        let before = self.meeting.as_ref().is_some_and(|m| m.before);
        let state = if before {
            self.doc.baseline()
        } else {
            self.doc.active()
        };
        // the assistant's best map so far, or its checked moves, shown but not applied
        let preview = self
            .assistant_window
            .as_ref()
            .and_then(|w| w.preview())
            .filter(|_| !meeting);
        let shown = preview.map_or(&state.scenario, |p| &p.scenario);
        let reach_of = self.selected.map(|c| t.college(c).name.as_str());
        let (legend_title, classes) =
            self.coloring
                .legend(lang, self.doc.config().walk_source(), reach_of);
        let gesture = match self.tool {
            // a room's tools: pick a collège, click a block
            _ if meeting || preview.is_some() => Gesture::Click,
            Tool::Brush if self.selected.is_some() => Gesture::Brush,
            Tool::Rectangle if self.selected.is_some() => Gesture::Rectangle,
            Tool::Lasso if self.selected.is_some() => Gesture::Lasso,
            _ => Gesture::Click,
        };
        let coloring = self.coloring;
        let colors = &self.colors;
        let selected = self.selected;
        // over a background map the fills let streets and places show through
        let see_through = self.basemap.shows_tiles();
        let fill = |u: UnitId| {
            let c = coloring.fill(u, &t, shown, &state.metrics, colors, selected);
            if see_through {
                c.gamma_multiply(0.55)
            } else {
                c
            }
        };
        let base_scenario = &self.doc.baseline().scenario;
        let planned = |c: CollegeId| !base_scenario.is_college_open(c);
        let (tiles, tiles_error) = self.basemap.tiles(ui.ctx(), lang);
        if let Some(e) = tiles_error {
            self.notice = Some(e);
        }
        let pan = if gesture == Gesture::Click {
            egui::DragPanButtons::PRIMARY | egui::DragPanButtons::SECONDARY
        } else {
            egui::DragPanButtons::SECONDARY | egui::DragPanButtons::MIDDLE
        };
        let tiles = tiles.map(|t| -> &mut dyn walkers::Tiles { t });
        let map = Map::new(tiles, &mut self.memory, center)
            .zoom_with_ctrl(false)
            .drag_pan_buttons(pan)
            .with_plugin(SectorLayer {
                geom: &self.geometry,
                territory: &t,
                scenario: shown,
                colors: &self.colors,
                hatched: if coloring == Coloring::College {
                    &self.hatched
                } else {
                    &[]
                },
                split_stripes: coloring == Coloring::College,
                planned: &planned,
                selected: self.selected,
                labels: &self.labels,
                legend: Legend {
                    title: legend_title,
                    classes,
                    public: tx.legend_public,
                    private: tx.legend_private,
                    boundary: tx.legend_boundary,
                    striped: if coloring != Coloring::College {
                        None
                    } else if shown.has_split_units() {
                        Some(tx.legend_shared)
                    } else {
                        self.hatched.iter().any(|h| *h).then_some(tx.legend_striped)
                    },
                },
                gesture,
                brush_from: self.brush_from,
                selection_path: &self.drag_path,
                fill: &fill,
                fill_key: (
                    preview.map_or(self.doc.revision(), |p| p.version | 1 << 62),
                    coloring as u64
                        | u64::from(see_through) << 8
                        | u64::from(before) << 9
                        | match (coloring, self.selected) {
                            // the bands depend on the collège chosen
                            (Coloring::Reach, Some(c)) => (c.index() as u64 + 1) << 16,
                            _ => 0,
                        },
                ),
                cache: &mut self.map_cache,
                // a preview, or its end, may change any fill
                dirty: if preview.is_some() || self.preview_shown {
                    None
                } else {
                    self.dirty.as_deref()
                },
                events: &mut events,
                text_scale: if meeting { 1.5 } else { 1.0 },
                show_legend: !meeting,
                outlined: preview.map_or(&[], |p| &p.moved),
            });
        ui.add(map);
        if let Some(text) = self.basemap.attribution(lang) {
            attribution_ui(ui.painter(), rect, &text);
        }
        if let Some(p) = preview {
            let pupils: f64 = p
                .moved
                .iter()
                .filter_map(|&u| t.unit(u).population.pupils)
                .sum();
            let at = crate::i18n::assistant_texts(lang);
            preview_banner_ui(
                ui,
                rect,
                &(at.preview_banner)(p.moved.len(), &number(lang, pupils, 0)),
                at.preview_hint,
            );
        }
        let previewing = preview.is_some();
        self.preview_shown = previewing;
        self.dirty = Some(Vec::new());
        self.hovered = events.hovered_unit;
        self.to_screen = events.to_screen;
        if let Some(c) = events.clicked_college
            && t.college(c).sector == Sector::Public
        {
            commands.push(UiCommand::Select(c));
        }
        if meeting {
            self.changed_units_ui(ui, before);
        }
        match gesture {
            // the "before" map is the current carte, the preview is not applied yet: nothing
            // to edit there
            Gesture::Click if before || previewing => {}
            Gesture::Click => {
                if let Some(u) = events.clicked_unit {
                    commands.push(match self.tool {
                        Tool::Eyedropper => UiCommand::Eyedrop(u),
                        Tool::Lock => UiCommand::ToggleUnitLock(u),
                        Tool::Split => UiCommand::OpenSplit(u),
                        Tool::NewCollege => UiCommand::PlaceCollege(u),
                        Tool::MoveCollege(c) => UiCommand::MoveCollege(c, u),
                        _ => UiCommand::AssignToSelected(u),
                    });
                }
            }
            Gesture::Brush => {
                if events.drag_started {
                    commands.push(UiCommand::BeginStroke);
                }
                if !events.brushed.is_empty() {
                    commands.push(UiCommand::Paint(std::mem::take(&mut events.brushed)));
                }
                if let Some(u) = events.clicked_unit {
                    commands.push(UiCommand::AssignToSelected(u));
                }
                self.brush_from = if events.drag_stopped {
                    None
                } else {
                    events
                        .pointer
                        .filter(|_| ui.input(|i| i.pointer.primary_down()))
                };
                if events.drag_stopped {
                    commands.push(UiCommand::EndStroke);
                }
            }
            Gesture::Rectangle | Gesture::Lasso => {
                if events.drag_started {
                    self.drag_path.clear();
                }
                if let Some(p) = events.pointer
                    && ui.input(|i| i.pointer.primary_down())
                    && self.drag_path.last().is_none_or(|l| l.distance(p) > 3.0)
                {
                    if gesture == Gesture::Rectangle && self.drag_path.len() >= 2 {
                        self.drag_path.truncate(1);
                    }
                    self.drag_path.push(p);
                }
                if let Some(outline) = events.selection.take() {
                    commands.push(UiCommand::AssignArea(outline));
                }
                if events.drag_stopped {
                    self.drag_path.clear();
                }
                if let Some(u) = events.clicked_unit {
                    commands.push(UiCommand::AssignToSelected(u));
                }
            }
        }
        if let (Some(u), Some(p)) = (self.hovered, events.pointer) {
            self.hover_card_ui(ui, lang, u, p);
        }
    }

    fn hover_card_ui(&self, ui: &egui::Ui, lang: Lang, u: UnitId, at: egui::Pos2) {
        let tx = texts(lang);
        let t = self.doc.territory();
        let unit = t.unit(u);
        let p = &unit.population;
        let scenario = &self.doc.active().scenario;
        let metrics = &self.doc.active().metrics;
        let fmt = |v: Option<f64>, d: usize| {
            v.map(|x| number(lang, x, d))
                .unwrap_or_else(|| tx.unknown.to_string())
        };
        let college = match scenario.assignment(u) {
            Assignment::Unassigned => tx.unassigned.to_string(),
            Assignment::College(c) => t.college(*c).name.clone(),
            Assignment::Shares(v) => v
                .iter()
                .map(|(c, s)| {
                    format!(
                        "{} {} %",
                        t.college(*c).short_name,
                        number(lang, s * 100.0, 0)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        };
        let walk = scenario
            .assignment(u)
            .main_college()
            .and_then(|c| metrics.walk_m(t, u, c));
        egui::Area::new(egui::Id::unique("hover_card"))
            .fixed_pos(at + egui::vec2(18.0, 18.0))
            .order(egui::Order::Tooltip)
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    // readable from the back of a room in meeting mode
                    let size = if self.meeting.is_some() { 22.0 } else { 15.0 };
                    ui.style_mut().override_font_id = Some(egui::FontId::proportional(size));
                    if self.meeting.is_some() {
                        ui.set_min_width(340.0);
                    }
                    ui.label(RichText::new(&unit.name).strong().size(size + 2.0));
                    // in front of a room, small counts are not shown
                    let public = self
                        .meeting
                        .is_some()
                        .then(crate::metrics::Confidentiality::default);
                    match (public, p.pupils) {
                        (Some(c), Some(n)) if c.hides(n) => ui.label(format!(
                            "{} {} {}",
                            tx.fewer_than,
                            number(lang, c.threshold, 0),
                            tx.pupils
                        )),
                        _ => ui.label(format!(
                            "{} {}{}",
                            fmt(p.pupils, 0),
                            tx.pupils,
                            if p.pupils_estimated {
                                crate::i18n::departement::estimated_suffix(lang)
                            } else {
                                ""
                            }
                        )),
                    };
                    ui.label(format!(
                        "{} {}{}",
                        if p.ips_estimated {
                            tx.ips_estimated
                        } else {
                            tx.ips
                        },
                        fmt(p.ips_mean, 1),
                        ""
                    ));
                    let share = match (public, p.boursiers, p.pupils) {
                        (Some(c), b, n) => c.share(b, n).map(|s| s * 100.0),
                        (None, Some(b), Some(n)) if n > 0.0 => Some(b / n * 100.0),
                        _ => None,
                    };
                    ui.label(match share {
                        Some(_) => format!("{} % {}", fmt(share, 0), tx.boursiers),
                        // known but too few to show in public
                        None if public.is_some() && p.boursiers.is_some() => {
                            format!("{} : {}", tx.boursiers, tx.not_shown_small)
                        }
                        None => tx.boursiers_unknown.to_string(),
                    });
                    if let Some(school) = &unit.school {
                        ui.label(school);
                    }
                    // a commune the carte scolaire divides by streets: said, and whether the
                    // current map's split of it is only an estimate
                    if let Some(line) = crate::i18n::departement::streets_note(
                        lang,
                        t,
                        u,
                        self.doc.baseline().scenario.assignment(u),
                    ) {
                        ui.label(RichText::new(line).italics());
                    }
                    ui.label(RichText::new(format!("→ {college}")).strong());
                    // where the assistant's preview on the map sends it
                    if let Some(c) = self
                        .assistant_window
                        .as_ref()
                        .and_then(|w| w.preview())
                        .filter(|p| p.moved.contains(&u))
                        .and_then(|p| p.scenario.assignment(u).main_college())
                    {
                        ui.label(
                            RichText::new(format!(
                                "{} → {}",
                                crate::i18n::assistant_texts(lang).preview_word,
                                t.college(c).name
                            ))
                            .strong()
                            .color(Color32::from_rgb(200, 90, 0)),
                        );
                    }
                    if let Some(m) = walk {
                        ui.label(format!(
                            "{} m ({} {}, {})",
                            number(lang, m, 0),
                            number(lang, self.doc.config().walk_minutes(m), 0),
                            tx.minutes,
                            crate::i18n::walk_how(lang, self.doc.config().walk_source())
                        ));
                    }
                    if scenario.is_unit_locked(u) {
                        ui.label(RichText::new(format!("[{}]", tx.locked)).strong());
                    }
                });
            });
    }
}

/// The eframe application.
pub struct CarteApp {
    /// Interface language.
    pub lang: Lang,
    loading: Option<Receiver<Result<Loaded, String>>>,
    /// The editor, once loaded.
    pub editor: Option<Editor>,
    error: Option<String>,
    styled: bool,
}

impl CarteApp {
    /// Starts loading a territory in the background.
    pub fn new(ctx: &egui::Context, territory: Option<String>, lang: Lang) -> Self {
        let (tx, rx) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(load_with_autosave(territory.as_deref(), &autosave_dir()));
            repaint.request_repaint();
        });
        CarteApp {
            lang,
            loading: Some(rx),
            editor: None,
            error: None,
            styled: false,
        }
    }

    /// An app on an already loaded territory (tests).
    pub fn with_loaded(loaded: Loaded, lang: Lang) -> Self {
        CarteApp {
            lang,
            loading: None,
            editor: Some(Editor::new(loaded)),
            error: None,
            styled: false,
        }
    }

    /// Receives background results (no drawing).
    pub fn poll(&mut self) {
        if let Some(rx) = &self.loading
            && let Ok(result) = rx.try_recv()
        {
            self.loading = None;
            match (result, &mut self.editor) {
                (Ok(loaded), _) => self.editor = Some(Editor::new(loaded)),
                // a project that cannot be opened leaves the current work on screen, and says why
                (Err(e), Some(editor)) => editor.notice = Some(e),
                (Err(e), None) => self.error = Some(e),
            }
        }
    }

    /// Draws one frame.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        if !self.styled {
            setup_style(ui.ctx());
            self.styled = true;
        }
        self.poll();
        let tx = texts(self.lang);
        match &mut self.editor {
            Some(editor) => {
                let mut commands = Vec::new();
                editor.ui(ui, self.lang, &mut commands);
                for c in commands {
                    editor.run(c, &mut self.lang);
                }
                if let Some(imported) = editor.imported.take() {
                    // an imported territory replaces this one, with its own autosave
                    let (territory, baseline) = *imported;
                    let mut loaded = Loaded::new(territory, baseline);
                    if editor.autosave.is_some() {
                        loaded.autosave =
                            Some(autosave_path(&autosave_dir(), loaded.doc.territory()));
                    }
                    *editor = Editor::new(loaded);
                }
                if let Some(path) = editor.open_request.take() {
                    // loaded in the background; the current work stays until it is ready
                    let (tx, rx) = channel();
                    let repaint = ui.ctx().clone();
                    let autosave = editor.autosave.is_some();
                    std::thread::spawn(move || {
                        let path = path.display().to_string();
                        let loaded = if autosave {
                            load_with_autosave(Some(&path), &autosave_dir())
                        } else {
                            load(Some(&path))
                        };
                        let _ = tx.send(loaded);
                        repaint.request_repaint();
                    });
                    self.loading = Some(rx);
                }
            }
            None => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.centered_and_justified(|ui| match &self.error {
                        Some(e) => {
                            ui.label(
                                RichText::new(format!("{} :\n{e}", tx.load_failed))
                                    .size(20.0)
                                    .color(Color32::from_rgb(170, 30, 30)),
                            );
                        }
                        None => {
                            ui.horizontal(|ui| {
                                ui.spinner();
                                ui.label(RichText::new(tx.loading).size(22.0));
                            });
                        }
                    });
                });
            }
        }
    }
}

impl eframe::App for CarteApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}

/// The background map's attribution, bottom right of the map.
/// The banner over the map while it shows the assistant's preview: what is shown, and that
/// nothing is applied yet.
fn preview_banner_ui(ui: &mut egui::Ui, map: egui::Rect, text: &str, hint: &str) {
    // in the map's own layer, so that windows stay above it; at the bottom, clear of the
    // legend (top left) and the scale (bottom left)
    let width = (map.width() - 440.0).clamp(200.0, 760.0);
    let at = egui::Rect::from_center_size(
        map.center_bottom() - egui::vec2(0.0, 8.0 + 50.0),
        egui::vec2(width, 100.0),
    );
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(at)
            .layout(egui::Layout::bottom_up(egui::Align::Center)),
        |ui| {
            egui::Frame::new()
                .fill(Color32::from_rgb(255, 244, 229))
                .stroke(egui::Stroke::new(2.0, Color32::from_rgb(235, 110, 0)))
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(12, 8))
                .show(ui, |ui| {
                    ui.set_max_width(width - 24.0);
                    ui.vertical_centered(|ui| {
                        ui.label(
                            egui::RichText::new(text)
                                .strong()
                                .color(Color32::from_gray(20)),
                        );
                        ui.label(egui::RichText::new(hint).color(Color32::from_gray(60)));
                    });
                });
        },
    );
}

fn attribution_ui(painter: &egui::Painter, map: egui::Rect, text: &str) {
    let galley = painter.layout_no_wrap(
        text.to_string(),
        egui::FontId::proportional(13.0),
        Color32::from_gray(30),
    );
    let at = map.right_bottom() - galley.size() - egui::vec2(6.0, 4.0);
    painter.rect_filled(
        egui::Rect::from_min_size(at, galley.size()).expand(3.0),
        2.0,
        Color32::from_white_alpha(210),
    );
    painter.galley(at, galley, Color32::from_gray(30));
}

/// DejaVu Sans, bundled: clear on projectors, and it has every accent, arrow and sign we use.
const FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

/// Larger type than egui's default: the window is read on projectors, from the back of a room.
pub fn setup_style(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        std::sync::Arc::new(egui::FontData::from_static(FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "dejavu".into());
    }
    ctx.set_fonts(fonts);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(21.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(16.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(16.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(13.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
    ctx.set_theme(egui::Theme::Light);
}

/// Opens the window on a territory folder, or on the embedded demo town.
pub fn run_window(territory: Option<String>, lang: Lang) -> std::process::ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Carte Mixité")
            .with_inner_size([1600.0, 960.0])
            .with_maximized(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Carte Mixité",
        options,
        Box::new(move |cc| Ok(Box::new(CarteApp::new(&cc.egui_ctx, territory, lang)))),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("carte-mixite: the window could not open: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Drives the editor headless for 300 frames at 1920×1080 (150 panning, 150 painting with the
/// brush) and reports p50 and p95 of the UI thread's work per frame: egui layout, the map
/// layer, tessellation. GPU rendering is not included.
pub fn frame_bench(units: Option<usize>) -> Result<String, String> {
    let loaded = match units {
        None => load(None)?,
        Some(n) => {
            let (t, s) = crate::generate::synthetic_territory(&crate::generate::SyntheticSpec {
                units: n,
                colleges: (n / 50).max(4),
                seed: 1,
            });
            Loaded::new(t, s)
        }
    };
    let name = loaded.doc.territory().info.name.clone();
    let n_units = loaded.doc.territory().units().len();
    let mut app = CarteApp::with_loaded(loaded, Lang::Fr);
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
    let center = egui::pos2(560.0, 560.0);
    let mut time = 0.0;
    let mut tess_ms: Vec<f64> = Vec::new();
    let mut frame = |app: &mut CarteApp, events: Vec<egui::Event>| -> (f64, usize) {
        time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            events,
            ..Default::default()
        };
        let t0 = std::time::Instant::now();
        let out = ctx.run_ui(input, |ui| app.frame_ui(ui));
        let t1 = std::time::Instant::now();
        let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
        tess_ms.push(t1.elapsed().as_secs_f64() * 1000.0);
        let vertices = prims
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        (t0.elapsed().as_secs_f64() * 1000.0, vertices)
    };
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    for _ in 0..5 {
        let _ = frame(&mut app, vec![]);
    }
    let mut times = Vec::with_capacity(300);
    let mut vertices = 0;
    // panning: a slow circle with the primary button held
    let _ = frame(
        &mut app,
        vec![egui::Event::PointerMoved(center), button(center, true)],
    );
    for k in 0..150 {
        let a = k as f32 / 150.0 * std::f32::consts::TAU;
        let p = center + egui::vec2(a.cos(), a.sin()) * 120.0;
        let (ms, v) = frame(&mut app, vec![egui::Event::PointerMoved(p)]);
        times.push(ms);
        vertices = vertices.max(v);
    }
    let _ = frame(&mut app, vec![button(center, false)]);
    // painting: the brush across the map with a collège selected
    if let Some(editor) = app.editor.as_mut() {
        let t = editor.doc.territory().clone();
        editor.selected = t
            .college_ids()
            .find(|&c| t.college(c).sector == Sector::Public);
        editor.tool = Tool::Brush;
    }
    let start = egui::pos2(300.0, 300.0);
    let _ = frame(
        &mut app,
        vec![egui::Event::PointerMoved(start), button(start, true)],
    );
    for k in 0..150 {
        let p = start + egui::vec2(k as f32 * 4.0, (k as f32 * 0.2).sin() * 80.0);
        let (ms, v) = frame(&mut app, vec![egui::Event::PointerMoved(p)]);
        times.push(ms);
        vertices = vertices.max(v);
    }
    let _ = frame(&mut app, vec![button(start, false)]);
    // the measured frames only (warm-up and button frames left out)
    let tess: Vec<f64> = tess_ms[6..156]
        .iter()
        .chain(&tess_ms[158..308])
        .copied()
        .collect();
    let changed = app
        .editor
        .as_ref()
        .map(|e| e.doc.changes_from_baseline().0.len())
        .unwrap_or(0);
    let stats = |t: &[f64]| {
        let mut sorted = t.to_vec();
        sorted.sort_by(f64::total_cmp);
        let pct = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q).round() as usize];
        format!(
            "p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            pct(0.5),
            pct(0.95),
            sorted.last().copied().unwrap_or(0.0)
        )
    };
    Ok(format!(
        "{name}: {n_units} units, 300 frames at 1920×1080 (150 panning, 150 painting; {changed} units painted)\n\
         UI thread per frame (layout + map + tessellation, no GPU): all {}; panning {}; painting {}; up to {vertices} vertices\n\
         of which tessellation: {}\n",
        stats(&times),
        stats(&times[..150]),
        stats(&times[150..]),
        stats(&tess),
    ))
}
