//! What the indicators are measured against: walking threshold and speed, the 20 % rule and its
//! reference territory. Everything here is shown next to the figures it produces.

use serde::{Deserialize, Serialize};

/// How walking distances are obtained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DistanceModel {
    /// Great-circle distance from the unit's representative point to the collège, multiplied by
    /// a detour factor (1.0 = the bare straight line). Always labelled as an estimate.
    StraightLine {
        /// Multiplier applied to the straight line (e.g. 1.3 for a typical street grid).
        detour_factor: f64,
    },
}

impl Default for DistanceModel {
    fn default() -> Self {
        DistanceModel::StraightLine { detour_factor: 1.0 }
    }
}

/// Which indicator the mixing rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleIndicator {
    /// Mean IPS.
    Ips,
    /// Share of boursiers.
    BoursierShare,
    /// Share of one social group (index in the territory's scheme).
    GroupShare(usize),
}

/// How the gap to the reference is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleMode {
    /// (value − reference) / reference.
    Relative,
    /// value − reference, in IPS points or percentage points.
    Points,
}

/// The territory whose average is "normal".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reference {
    /// Every pupil of the territory: the units and the private collèges' own intake.
    WholeTerritory,
    /// The pupils of the units only (the public sector).
    PublicSector,
    /// A value given by the user, e.g. the département's published average.
    Custom {
        /// What it is, shown next to every flag ("moyenne du département du Nord").
        label: String,
        /// The reference value, in the indicator's unit (IPS points, or a share 0-1).
        value: f64,
    },
}

/// The seed report's rule: act where a collège's social composition is more than a threshold
/// above or below the reference. Configurable, and always displayed with its flags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MixRule {
    /// The indicator checked.
    pub indicator: RuleIndicator,
    /// Relative or in points.
    pub mode: RuleMode,
    /// The tolerated gap: 0.20 means 20 % in relative mode; in points mode, IPS points or
    /// percentage points.
    pub threshold: f64,
    /// What "the average" is.
    pub reference: Reference,
}

impl Default for MixRule {
    fn default() -> Self {
        MixRule {
            indicator: RuleIndicator::Ips,
            mode: RuleMode::Relative,
            threshold: 0.20,
            reference: Reference::WholeTerritory,
        }
    }
}

/// Settings of every indicator. A field missing from a saved file takes its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricsConfig {
    /// Where walking distances come from.
    pub distance: DistanceModel,
    /// Beyond this distance (metres) pupils would need school transport.
    pub walk_threshold_m: f64,
    /// Walking speed used to turn metres into minutes (km/h).
    pub walk_speed_kmh: f64,
    /// Pupils per 6e class when counting classes needed.
    pub class_size_6e: u32,
    /// The mixing rule.
    pub rule: MixRule,
    /// The avoidance model shown beside the figures (never mixed into them).
    pub avoidance: super::avoidance::AvoidanceModel,
    /// Walking distances along the streets, when a network has been routed: every walking
    /// figure then comes from it (a unit or collège it could not place is unknown, never a
    /// straight line); otherwise `distance` gives the straight-line estimate. Not saved: it is
    /// found again in the cache from its inputs.
    #[serde(skip)]
    pub streets: Option<std::sync::Arc<crate::routing::WalkMatrix>>,
}

/// Where the walking figures come from, for labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WalkSource {
    /// Along the streets.
    Streets,
    /// The straight line times a detour factor: an estimate.
    StraightLine {
        /// The factor (1.0 = bare straight line).
        detour_factor: f64,
    },
}

impl Default for MetricsConfig {
    fn default() -> Self {
        MetricsConfig {
            distance: DistanceModel::default(),
            walk_threshold_m: 2000.0,
            walk_speed_kmh: 4.5,
            class_size_6e: 25,
            rule: MixRule::default(),
            avoidance: super::avoidance::AvoidanceModel::default(),
            streets: None,
        }
    }
}

impl MetricsConfig {
    /// Where the walking figures come from.
    pub fn walk_source(&self) -> WalkSource {
        match (&self.streets, &self.distance) {
            (Some(_), _) => WalkSource::Streets,
            (None, DistanceModel::StraightLine { detour_factor }) => WalkSource::StraightLine {
                detour_factor: *detour_factor,
            },
        }
    }

    /// Minutes needed to walk `metres` at the configured speed.
    pub fn walk_minutes(&self, metres: f64) -> f64 {
        metres / (self.walk_speed_kmh * 1000.0 / 60.0)
    }
}
