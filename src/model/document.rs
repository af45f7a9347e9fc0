//! The document: a territory, its scenarios (the first is the baseline, the current carte
//! scolaire), each with its live indicators and its own undo history. Every change of every
//! scenario goes through [`Document::apply`].

use std::sync::Arc;

use super::edit::{Edit, EditError, History};
use super::scenario::{Assignment, Scenario};
use super::territory::{Territory, UnitId};
use crate::metrics::{Metrics, MetricsConfig};

/// A scenario with its indicators and history.
#[derive(Debug, Clone)]
pub struct ScenarioState {
    /// The assignments and metadata.
    pub scenario: Scenario,
    /// Indicators, kept in step by every edit.
    pub metrics: Metrics,
    /// Undo and redo.
    pub history: History,
}

/// Why a document operation was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DocumentError {
    /// The edit itself was refused.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The baseline describes the current carte scolaire and is not edited.
    #[error(
        "the baseline is the current carte scolaire and cannot be changed: create a new scenario from it"
    )]
    BaselineIsReadOnly,
    /// A scenario index out of range.
    #[error("there is no scenario number {0}")]
    NoSuchScenario(usize),
    /// A collège that cannot be added.
    #[error("{0}")]
    BadCollege(String),
}

/// A territory and its scenarios.
#[derive(Debug, Clone)]
pub struct Document {
    territory: Arc<Territory>,
    scenarios: Vec<ScenarioState>,
    active: usize,
    config: MetricsConfig,
    revision: u64,
    /// Units whose assignment or lock changed since [`Document::take_changed`] was last called
    /// (None: anything may have changed).
    changed: Option<Vec<UnitId>>,
}

impl Document {
    /// A document whose only scenario is the baseline.
    pub fn new(territory: Arc<Territory>, baseline: Scenario, config: MetricsConfig) -> Self {
        let metrics = Metrics::new(&territory, &baseline, config.clone());
        Document {
            territory,
            scenarios: vec![ScenarioState {
                scenario: baseline,
                metrics,
                history: History::default(),
            }],
            active: 0,
            config,
            revision: 0,
            changed: None,
        }
    }

    /// A counter that changes whenever what is shown changes (edits, undo, switching
    /// scenario): caches of derived views compare it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What changed in the active scenario since the last call: the units whose assignment or
    /// lock changed, or None when anything may have (another scenario shown, the territory or
    /// the settings changed). Views redraw from it rather than guessing from the command.
    pub fn take_changed(&mut self) -> Option<Vec<UnitId>> {
        self.changed.replace(Vec::new())
    }

    /// Notes the units an edit (as applied, or replayed by undo and redo) touched.
    fn note_changed(&mut self, edit: &Edit) {
        match (edit.units(), &mut self.changed) {
            (Some(units), Some(changed)) => changed.extend(units),
            (None, _) => self.changed = None,
            (Some(_), None) => {}
        }
    }

    /// The territory.
    pub fn territory(&self) -> &Arc<Territory> {
        &self.territory
    }

    /// The settings of the indicators.
    pub fn config(&self) -> &MetricsConfig {
        &self.config
    }

    /// Changes the settings and recomputes every scenario's indicators.
    pub fn set_config(&mut self, config: MetricsConfig) {
        for s in &mut self.scenarios {
            s.metrics = Metrics::new(&self.territory, &s.scenario, config.clone());
        }
        self.config = config;
        self.changed = None;
    }

    /// Gives the territory a street network (lon/lat lines, e.g. read from an OpenStreetMap
    /// extract) with its streets' names. Units, collèges and scenarios are unchanged, so
    /// indicators stay as they are until a walking matrix is set with `set_config`; a matrix of
    /// the old streets is dropped.
    pub fn set_streets(
        &mut self,
        streets: Vec<geo::LineString<f64>>,
        names: Vec<super::places::NamedStreet>,
    ) {
        let mut t = (*self.territory).clone();
        t.streets = streets;
        t.street_names = names;
        self.territory = Arc::new(t);
        self.changed = None;
        if self.config.streets.is_some() {
            let mut config = self.config.clone();
            config.streets = None;
            self.set_config(config);
        }
    }

    /// Adds a collège to the territory (a new or rebuilt building, a merger). It is closed in
    /// every scenario until one opens it; indicators are recomputed. Walking distances to it
    /// are unknown until routed, or straight-line estimates.
    pub fn add_college(
        &mut self,
        college: super::territory::College,
    ) -> Result<super::territory::CollegeId, DocumentError> {
        self.end_stroke();
        let t = self
            .territory
            .with_added_college(college)
            .map_err(|e| DocumentError::BadCollege(e.to_string()))?;
        let id = super::territory::CollegeId((t.colleges().len() - 1) as u32);
        self.territory = Arc::new(t);
        for s in &mut self.scenarios {
            s.scenario.push_college();
            s.metrics = Metrics::new(&self.territory, &s.scenario, self.config.clone());
        }
        self.revision += 1;
        self.changed = None;
        Ok(id)
    }

    /// All scenarios; the first is the baseline.
    pub fn scenarios(&self) -> &[ScenarioState] {
        &self.scenarios
    }

    /// The baseline (current carte scolaire).
    pub fn baseline(&self) -> &ScenarioState {
        &self.scenarios[0]
    }

    /// The scenario being edited or shown.
    pub fn active(&self) -> &ScenarioState {
        &self.scenarios[self.active]
    }

    /// Index of the active scenario.
    pub fn active_index(&self) -> usize {
        self.active
    }

    /// True when the active scenario is the baseline.
    pub fn active_is_baseline(&self) -> bool {
        self.active == 0
    }

    /// Shows another scenario.
    pub fn switch_to(&mut self, index: usize) -> Result<(), DocumentError> {
        if index >= self.scenarios.len() {
            return Err(DocumentError::NoSuchScenario(index));
        }
        self.end_stroke();
        self.active = index;
        self.revision += 1;
        self.changed = None;
        Ok(())
    }

    /// Adds a copy of the active scenario under a new name and makes it active.
    pub fn new_scenario_from_active(&mut self, name: impl Into<String>) -> usize {
        self.end_stroke();
        let src = &self.scenarios[self.active];
        let mut scenario = src.scenario.derive(name);
        if self.active == 0 {
            // the baseline's author is whoever drew the current map: a proposal is someone else's
            scenario.meta.author.clear();
        }
        let metrics = src.metrics.clone();
        self.scenarios.push(ScenarioState {
            scenario,
            metrics,
            history: History::default(),
        });
        self.active = self.scenarios.len() - 1;
        self.revision += 1;
        self.active
    }

    /// Adds a scenario (e.g. recovered from an autosave) with its indicators; returns its index.
    pub fn add_scenario(&mut self, scenario: Scenario) -> usize {
        let metrics = Metrics::new(&self.territory, &scenario, self.config.clone());
        self.scenarios.push(ScenarioState {
            scenario,
            metrics,
            history: History::default(),
        });
        self.revision += 1;
        self.scenarios.len() - 1
    }

    /// Adds a scenario with the undo history it had (recovered from an autosave), so that
    /// Ctrl+Z goes on where the crash stopped it; a history naming units or collèges this
    /// territory lacks is dropped. Returns its index.
    pub fn add_scenario_with_history(&mut self, scenario: Scenario, history: History) -> usize {
        let i = self.add_scenario(scenario);
        let t = &self.territory;
        if i > 0 && history.fits(t.units().len(), t.colleges().len()) {
            self.scenarios[i].history = history;
        }
        i
    }

    /// Renames a scenario.
    pub fn rename(&mut self, index: usize, name: impl Into<String>) -> Result<(), DocumentError> {
        let s = self
            .scenarios
            .get_mut(index)
            .ok_or(DocumentError::NoSuchScenario(index))?;
        s.scenario.meta.name = name.into();
        Ok(())
    }

    /// Sets who made a scenario (written on its handout).
    pub fn set_author(
        &mut self,
        index: usize,
        author: impl Into<String>,
    ) -> Result<(), DocumentError> {
        let s = self
            .scenarios
            .get_mut(index)
            .ok_or(DocumentError::NoSuchScenario(index))?;
        s.scenario.meta.author = author.into();
        Ok(())
    }

    /// Sets a scenario's notes (its intent, written on its handout).
    pub fn set_notes(
        &mut self,
        index: usize,
        notes: impl Into<String>,
    ) -> Result<(), DocumentError> {
        let s = self
            .scenarios
            .get_mut(index)
            .ok_or(DocumentError::NoSuchScenario(index))?;
        s.scenario.meta.notes = notes.into();
        Ok(())
    }

    /// The single path of every change: validates, applies, updates indicators incrementally,
    /// records the inverse for undo.
    pub fn apply(&mut self, edit: Edit) -> Result<(), DocumentError> {
        if self.active == 0 {
            return Err(DocumentError::BaselineIsReadOnly);
        }
        let state = &mut self.scenarios[self.active];
        let inverse =
            edit.clone()
                .apply(&self.territory, &mut state.scenario, &mut state.metrics)?;
        if !inverse.is_empty() {
            state.scenario.meta.modified = chrono::Utc::now();
            self.revision += 1;
        }
        self.note_changed(&inverse);
        self.scenarios[self.active].history.record(edit, inverse);
        Ok(())
    }

    /// Applies several edits as one undo step; if one is refused, those before it are undone
    /// and nothing has changed.
    pub fn apply_step(&mut self, edits: Vec<Edit>) -> Result<(), DocumentError> {
        self.end_stroke();
        let steps = self.scenarios[self.active].history.undo_len();
        self.begin_stroke();
        for e in edits {
            if let Err(err) = self.apply(e) {
                self.end_stroke();
                if self.scenarios[self.active].history.undo_len() > steps {
                    self.undo();
                    self.scenarios[self.active].history.drop_redo();
                }
                return Err(err);
            }
        }
        self.end_stroke();
        Ok(())
    }

    /// Starts a stroke: every edit until [`Document::end_stroke`] is one undo step.
    pub fn begin_stroke(&mut self) {
        self.scenarios[self.active].history.begin_group();
    }

    /// Ends a stroke.
    pub fn end_stroke(&mut self) {
        self.scenarios[self.active].history.end_group();
    }

    /// Undoes the last step of the active scenario. Returns false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let state = &mut self.scenarios[self.active];
        let Some(edits) = state.history.take_undo() else {
            return false;
        };
        for e in &edits {
            self.note_changed(e);
        }
        Self::replay(&self.territory, &mut self.scenarios[self.active], edits);
        self.revision += 1;
        true
    }

    /// Redoes the last undone step. Returns false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let state = &mut self.scenarios[self.active];
        let Some(edits) = state.history.take_redo() else {
            return false;
        };
        for e in &edits {
            self.note_changed(e);
        }
        Self::replay(&self.territory, &mut self.scenarios[self.active], edits);
        self.revision += 1;
        true
    }

    fn replay(territory: &Territory, state: &mut ScenarioState, edits: Vec<Edit>) {
        for e in edits {
            // Undo and redo replay edits that were valid in exactly this state, so a refusal
            // would be a bug; it is ignored rather than crashing a meeting.
            let _ = e.apply(territory, &mut state.scenario, &mut state.metrics);
        }
    }

    /// Gives every changed, unlocked unit back its baseline assignment, as one undoable step.
    pub fn reset_to_baseline(&mut self) -> Result<(), DocumentError> {
        let base = &self.scenarios[0].scenario;
        let current = &self.scenarios[self.active].scenario;
        let changes: Vec<(UnitId, Assignment)> = current
            .changed_units(base)
            .filter(|&u| !current.is_unit_locked(u))
            .map(|u| (u, base.assignment(u).clone()))
            .collect();
        self.apply(Edit::Assign(changes))
    }

    /// Units of the active scenario whose collège differs from the baseline, and the pupils
    /// they carry.
    pub fn changes_from_baseline(&self) -> (Vec<UnitId>, f64) {
        changes_between(
            &self.territory,
            &self.scenarios[0].scenario,
            &self.scenarios[self.active].scenario,
        )
    }
}

/// Units whose collège differs between two scenarios, and the pupils that change collège (for a
/// shared unit, only the part that goes elsewhere).
pub fn changes_between(
    territory: &Territory,
    base: &Scenario,
    current: &Scenario,
) -> (Vec<UnitId>, f64) {
    let units: Vec<UnitId> = current.changed_units(base).collect();
    let pupils = units
        .iter()
        .map(|&u| {
            let p = territory.unit(u).population.pupils.unwrap_or(0.0);
            // pupils that changed collège: the part of the unit not going where it went
            let kept: f64 = base
                .assignment(u)
                .shares()
                .map(|(c, s)| {
                    current
                        .assignment(u)
                        .shares()
                        .filter(|&(c2, _)| c2 == c)
                        .map(|(_, s2)| s.min(s2))
                        .sum::<f64>()
                })
                .sum();
            p * (1.0 - kept).max(0.0)
        })
        .sum();
    (units, pupils)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{SyntheticSpec, synthetic_territory};
    use crate::model::territory::CollegeId;

    fn doc() -> Document {
        let (t, s) = synthetic_territory(&SyntheticSpec {
            units: 200,
            colleges: 8,
            seed: 3,
        });
        let mut d = Document::new(Arc::new(t), s, MetricsConfig::default());
        d.new_scenario_from_active("essai");
        d
    }

    fn other_college(d: &Document, u: UnitId) -> CollegeId {
        let cur = d.active().scenario.assignment(u).main_college();
        d.territory()
            .college_ids()
            .find(|&c| Some(c) != cur)
            .unwrap()
    }

    #[test]
    fn the_document_reports_the_units_its_edits_changed() {
        let mut d = doc();
        assert_eq!(d.take_changed(), None, "at first anything may have changed");
        assert_eq!(d.take_changed(), Some(vec![]));
        let c = other_college(&d, UnitId(7));
        d.apply(Edit::Assign(vec![(UnitId(7), Assignment::College(c))]))
            .unwrap();
        // an edit that changes nothing reports nothing
        d.apply(Edit::Assign(vec![(UnitId(7), Assignment::College(c))]))
            .unwrap();
        assert_eq!(d.take_changed(), Some(vec![UnitId(7)]));
        assert!(d.undo());
        assert_eq!(d.take_changed(), Some(vec![UnitId(7)]));
        d.apply(Edit::LockColleges(vec![(c, true)])).unwrap();
        assert_eq!(
            d.take_changed(),
            None,
            "a collège's lock may show on any block"
        );
        d.switch_to(0).unwrap();
        assert_eq!(d.take_changed(), None);
    }

    #[test]
    fn the_baseline_cannot_be_edited() {
        let mut d = doc();
        d.switch_to(0).unwrap();
        let c = other_college(&d, UnitId(0));
        let err = d.apply(Edit::Assign(vec![(UnitId(0), Assignment::College(c))]));
        assert_eq!(err, Err(DocumentError::BaselineIsReadOnly));
    }

    #[test]
    fn undo_restores_the_indicators_exactly() {
        let mut d = doc();
        let before = d.active().metrics.clone();
        let c = other_college(&d, UnitId(5));
        d.apply(Edit::Assign(vec![(UnitId(5), Assignment::College(c))]))
            .unwrap();
        assert_ne!(d.active().metrics, before);
        assert!(d.undo());
        assert_eq!(d.active().metrics, before);
        assert!(d.redo());
        assert_eq!(
            d.active().scenario.assignment(UnitId(5)),
            &Assignment::College(c)
        );
    }

    #[test]
    fn undo_after_a_brush_stroke_restores_every_unit() {
        let mut d = doc();
        let before = d.active().scenario.clone();
        let c = CollegeId(0);
        d.begin_stroke();
        for u in 0..30 {
            d.apply(Edit::Assign(vec![(UnitId(u), Assignment::College(c))]))
                .unwrap();
        }
        d.end_stroke();
        assert_eq!(d.active().history.undo_len(), 1);
        assert!(d.undo());
        assert_eq!(
            d.active().scenario.assignments(),
            before.assignments(),
            "one undo restores the whole stroke"
        );
    }

    #[test]
    fn a_locked_unit_does_not_change() {
        let mut d = doc();
        d.apply(Edit::LockUnits(vec![(UnitId(3), true)])).unwrap();
        let c = other_college(&d, UnitId(3));
        let err = d.apply(Edit::Assign(vec![(UnitId(3), Assignment::College(c))]));
        assert!(matches!(
            err,
            Err(DocumentError::Edit(EditError::LockedUnit(_)))
        ));
        assert_ne!(
            d.active().scenario.assignment(UnitId(3)),
            &Assignment::College(c)
        );
    }

    #[test]
    fn reset_to_baseline_is_one_undoable_step() {
        let mut d = doc();
        for u in 0..10 {
            let c = other_college(&d, UnitId(u));
            d.apply(Edit::Assign(vec![(UnitId(u), Assignment::College(c))]))
                .unwrap();
        }
        assert_eq!(d.changes_from_baseline().0.len(), 10);
        d.reset_to_baseline().unwrap();
        assert_eq!(d.changes_from_baseline().0.len(), 0);
        assert_eq!(d.active().metrics, d.baseline().metrics);
        d.undo();
        assert_eq!(d.changes_from_baseline().0.len(), 10);
    }
}
