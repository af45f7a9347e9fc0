//! Carte Mixité: redraw the catchment sectors of French collèges in public, with live
//! social-mix indicators.
//!
//! The core (`model`, `metrics`, `io`, `routing`, `assistant`, `publish`, `generate`) never touches the interface, so
//! the command line, the tests and the benchmarks use it alone.

pub mod app;
pub mod assistant;
pub mod cli;
pub mod generate;
pub mod i18n;
pub mod io;
pub mod metrics;
pub mod model;
pub mod publish;
pub mod routing;
pub mod ui;
