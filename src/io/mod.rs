//! Reading and writing files: projections, the project's own territory folders and scenario
//! files, atomic saves.

pub mod atomic;
pub mod autosave;
pub mod bounded;
pub mod crs;
pub mod export;
pub mod import;
pub mod layer;
pub mod manifest;
pub mod national;
pub mod project;
pub mod proposals;
pub mod report;
pub mod territory_files;

pub use atomic::{atomic_write, atomic_write_set, remove_leftover_temporaries};

use std::path::{Path, PathBuf};

/// What [`open`] read.
pub struct Opened {
    /// The territory, its baseline, and from a project file its scenarios, settings and the
    /// fields this version does not know (a folder or the demo has none of those).
    pub project: project::Project,
    /// The project file it came from, when it did.
    pub file: Option<PathBuf>,
}

/// Opens what the user names: a project file (`.cartemixite`), a territory folder, or the
/// embedded demo town (`None` or `demo`). The one place the window and the command line open
/// territories.
pub fn open(arg: Option<&str>) -> Result<Opened, territory_files::LoadError> {
    let folder = |(territory, baseline)| project::Project {
        warnings: Vec::new(),
        territory,
        baseline,
        scenarios: Vec::new(),
        active: 0,
        settings: None,
        extra: serde_json::Map::new(),
    };
    Ok(match arg {
        None | Some("demo") => Opened {
            project: folder(territory_files::embedded_demo()?),
            file: None,
        },
        Some(path) if project::is_project_path(Path::new(path)) => Opened {
            project: project::read_project(Path::new(path))?,
            file: Some(PathBuf::from(path)),
        },
        Some(dir) => Opened {
            project: folder(territory_files::read_territory_dir(Path::new(dir))?),
            file: None,
        },
    })
}
