//! Everything meant for the public: the confidential summary of a scenario, the social-mix
//! chart and the map picture (drawn with plotters), and the PDF handout. All of it reads the
//! figures through [`summary::PublicSummary`], where counts under the confidentiality threshold
//! are already hidden.

pub mod chart;
pub mod map;
pub mod palette;
pub mod pdf;
pub mod summary;

pub use summary::PublicSummary;
