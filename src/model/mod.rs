//! The pure model: territory, scenarios, edits with their inverse, history, the document.
//! Nothing here knows about the interface.

pub mod document;
pub mod edit;
pub mod levers;
pub mod places;
pub mod scenario;
pub mod shared;
pub mod territory;

pub use document::{Document, DocumentError, ScenarioState, changes_between};
pub use edit::{Edit, EditError, History};
pub use scenario::{Assignment, Scenario, ScenarioMeta};
pub use territory::{
    College, CollegeId, GroupScheme, MethodNote, Population, Rep, Sector, StreetRange, Territory,
    TerritoryInfo, Unit, UnitId, UnitShape,
};
