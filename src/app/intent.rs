//! What the user asks for, from any window or tool: the commands that `commands` turns into
//! edits. Windows and the layout only produce them.

use super::view::{SortKey, Tool};
use crate::i18n::Lang;
use crate::model::{CollegeId, Edit, UnitId};
use crate::ui::coloring::Coloring;

/// Everything the user can ask for, from any window or tool: run once, at the end of the frame,
/// by [`Editor::run`], the one place that changes the document.
#[must_use]
#[derive(Debug)]
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
    /// Fit the whole territory in the map again (after panning or zooming away).
    Recenter,
    /// Enter or leave meeting mode.
    ToggleMeeting,
    /// In meeting mode, show the baseline (true) or the scenario (false).
    ShowBefore(bool),
    /// In meeting mode, what the pupils' icons show.
    SetIcons(crate::ui::meeting::IconsBy),
    /// Open the audience window (on that screen, fullscreen, when given), or close it (None
    /// while it is open).
    ToggleAudience(Option<usize>),
    /// The audience window fullscreen, or not.
    AudienceFullscreen(bool),
    /// Open the window of documents for the public (handout, map, chart, table).
    OpenPublish,
    /// Open the comparison of two scenarios.
    OpenCompare,
    /// Compare these two scenarios side by side.
    CompareThese(usize, usize),
    /// Open the room's remarks (on this block, from the remark tool).
    OpenRemarks(Option<UnitId>),
    /// Pin a remark to the record.
    PinRemark(Box<crate::publish::record::Remark>),
    /// Remove the remark at this place of the record.
    RemoveRemark(usize),
    /// Freeze the figures of the scenario shown for the minutes.
    FreezeFigures,
    /// Write the meeting record (CSV) there, in the background.
    WriteRecord(std::path::PathBuf),
    /// Open the table of every scenario and proposal.
    OpenScenarios,
    /// Read these files (projects or scenarios sent back) as proposals, in the background.
    AddProposals(Vec<std::path::PathBuf>),
    /// "Mon adresse": search these words (on a thread, results as they come).
    AddressTyped(String),
    /// "Mon adresse": choose the result at this place of the list.
    AddressPick(usize),
    /// "Mon adresse": clear the search and its answer.
    AddressClear,
    /// Read this address file (the BAN's) for the search, in the background.
    AddressFile(std::path::PathBuf),
    /// Choose an address file with the system's dialog.
    AddressPickFile,
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
    /// Apply an edit as it is (reopen a collège, accept a sector in pieces, share a block).
    Apply(Edit),
    /// Share a block between collèges (from the window that shares it, closed once done).
    ShareBlock(UnitId, crate::model::Assignment),
    /// Open a new collège on a block, with its name and places.
    NewCollege {
        /// The block where it stands.
        at: UnitId,
        /// Its name.
        name: String,
        /// Its places.
        capacity: f64,
    },
    /// Merge two collèges (the first keeps its place).
    Merge(CollegeId, CollegeId),
    /// Merge the sectors of these collèges into one shared sector under this rule.
    CreateShared(Vec<CollegeId>, crate::model::shared::Rule),
    /// Make a new scenario of the assistant's proposal (the moves kept).
    AcceptProposal(Box<Proposal>),
    /// Make a new scenario of a map of the frontier.
    KeepFrontierMap(Box<KeptMap>),
    /// Change the indicators' settings (walking speed, threshold, detour).
    SetConfig(Box<crate::metrics::MetricsConfig>),
    /// Name the author of a scenario (on the documents for the public).
    SetAuthor(usize, String),
    /// Read a street file and route the walks along it, in the background.
    LoadStreets(std::path::PathBuf),
    /// Write the project there, in the background.
    SaveTo(std::path::PathBuf),
    /// Open this project in place of the current work (loaded in the background).
    OpenProject(std::path::PathBuf),
    /// Open a territory just imported in place of the current work.
    UseImported(Box<(crate::model::Territory, crate::model::Scenario)>),
    /// Open the window that builds a département from the national files.
    OpenDepartement,
    /// Open a window of the list (or bring it forward when it is open).
    Open(crate::ui::window::WindowKind),
}

/// A map of the frontier the user kept.
#[derive(Debug)]
pub struct KeptMap {
    /// The map (every unit's assignment), drawn from the current map.
    pub scenario: crate::model::Scenario,
    /// Pupils it moves from the current map.
    pub moved: f64,
    /// The index it lowered.
    pub target: crate::assistant::Target,
    /// The limits it kept, its cap included.
    pub constraints: crate::assistant::Constraints,
}

/// The assistant's proposal as the user accepted it.
#[derive(Debug)]
pub struct Proposal {
    /// The scenario the search started from.
    pub start_index: usize,
    /// The moves kept.
    pub moves: Vec<crate::assistant::Move>,
    /// The index it lowered.
    pub target: crate::assistant::Target,
    /// The limits it kept.
    pub constraints: crate::assistant::Constraints,
}
