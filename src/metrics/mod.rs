//! Indicators: per-collège figures kept up to date edit by edit, territory-wide segregation
//! indices, and the mixing rule's flags.

pub mod alerts;
pub mod avoidance;
pub mod config;
pub mod engine;
pub mod privacy;
pub mod segregation;
pub mod shared;

pub use config::{
    DistanceModel, MetricsConfig, MixRule, Reference, RuleIndicator, RuleMode, WalkSource,
};
pub use engine::{
    CollegeIndicators, EntropyBreakdown, IpsSpread, Metrics, Minority, MinorityIndices, MixFlag,
    TerritoryIndices, change,
};
pub use privacy::Confidentiality;
