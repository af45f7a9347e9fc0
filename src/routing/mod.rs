//! Walking distances along real streets: the network (`network`), and the unit × collège matrix
//! computed once from it (`matrix`), cached on disk (`cache`). Every edit afterwards only looks
//! distances up.

pub mod cache;
pub mod matrix;
pub mod network;

pub use matrix::{Progress, WalkMatrix};
pub use network::{NetworkError, NetworkReport, StreetNetwork};
