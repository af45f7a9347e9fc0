//! Reading and writing files: projections, the project's own territory folders and scenario
//! files, atomic saves.

pub mod autosave;
pub mod crs;
pub mod export;
pub mod import;
pub mod layer;
pub mod national;
pub mod project;
pub mod proposals;
pub mod report;
pub mod territory_files;

use std::io::Write;
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

/// Writes a file so that a crash never leaves it half-written: the bytes go to a temporary
/// file beside it, are synced to disk, and the temporary file is renamed over the target.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            // make the rename itself durable; not every platform supports syncing a folder
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Temporary files of [`atomic_write`] older than this were left by a save that was killed.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes from `dir` the temporary files a killed save left (`.name.pid.tmp`, older than ten
/// minutes: no save takes that long); returns how many. Other files are never touched.
pub fn remove_leftover_temporaries(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let parts: Vec<&str> = name.rsplitn(3, '.').collect();
        let ours = name.starts_with('.')
            && parts.len() == 3
            && parts[0] == "tmp"
            && parts[1].chars().all(|c| c.is_ascii_digit());
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if ours && old && e.file_type().is_ok_and(|t| t.is_file()) {
            removed += usize::from(std::fs::remove_file(e.path()).is_ok());
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_temporaries_of_a_killed_save_are_removed_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("cm-leftovers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let make = |name: &str, aged: bool| {
            let f = std::fs::File::create(dir.join(name)).unwrap();
            if aged {
                f.set_modified(old).unwrap();
            }
        };
        make(".projet.cartemixite.4242.tmp", true);
        make(".autre.json.17.tmp", false);
        make("projet.cartemixite", true);
        make(".cache.tmp", true);
        assert_eq!(remove_leftover_temporaries(&dir), 1);
        let left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left.len(), 3, "{left:?}");
        assert!(!left.contains(&".projet.cartemixite.4242.tmp".to_string()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_atomic_write_replaces_the_whole_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("cm-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.json");
        atomic_write(&p, b"first version, rather long").unwrap();
        atomic_write(&p, b"second").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_failed_atomic_write_leaves_the_old_file_intact() {
        let dir = std::env::temp_dir().join(format!("cm-atomic2-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.json");
        atomic_write(&p, b"precious").unwrap();
        // a target that is a directory cannot be replaced by a file: the write fails
        let sub = dir.join("sub");
        std::fs::create_dir_all(sub.join("x")).unwrap();
        assert!(atomic_write(&sub, b"oops").is_err());
        assert_eq!(std::fs::read(&p).unwrap(), b"precious");
        assert!(
            !std::fs::read_dir(&dir).unwrap().any(|e| e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp"))
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
