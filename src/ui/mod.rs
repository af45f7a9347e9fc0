//! The interface: map, panels, windows. Only this module, `app` and `main.rs` use egui.

pub mod about_window;
pub mod address;
pub mod assistant_window;
pub mod basemap;
pub mod coloring;
pub mod departement_dialog;
pub mod fields;
pub mod file_dialog;
pub mod frontier_window;
pub mod geometry;
pub mod glance;
pub mod import_dialog;
pub mod map;
pub mod meeting;
pub mod panel;
pub mod publish_window;
pub mod remarks_window;
pub mod scenarios_window;
pub mod shared_window;
pub mod split_window;
pub mod walk;
pub mod window;
