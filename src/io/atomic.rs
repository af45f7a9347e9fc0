//! Saves that a crash never leaves half-done: one file ([`atomic_write`]), a set of files
//! side by side such as a shapefile's ([`atomic_write_set`]), and a whole folder
//! ([`replace_folder`]). A killed save leaves only hidden temporaries, which the next start
//! removes or, where the new set was complete, finishes ([`remove_leftover_temporaries`],
//! [`recover_folder`]).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Temporaries older than this were left by a save that was killed: no save takes that long.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(600);

fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into())
}

/// The hidden name of this process's temporary `kind` (tmp, journal, new, old) for `path`.
fn hidden(path: &Path, kind: &str) -> PathBuf {
    parent_of(path).join(format!(".{}.{}.{kind}", name_of(path), std::process::id()))
}

/// Syncs a folder so that the renames in it are durable (not every platform can).
fn sync_folder(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes a file so that a crash never leaves it half-written: the bytes go to a temporary
/// file beside it, are synced to disk, and the temporary file is renamed over the target.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = hidden(path, "tmp");
    let result = write_synced(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    match result {
        Ok(()) => {
            sync_folder(parent_of(path));
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Writes files that belong together (a shapefile's `.shp`, `.shx`, `.dbf`, `.prj`, `.cpg`),
/// all in one folder, so that a crash leaves either the old set or the new one: every file is
/// written and synced under a temporary name, then a journal naming the renames is saved, the
/// renames are done, and the journal is removed. A crash between the renames (microseconds)
/// leaves the journal, and the next save into that folder or the next start finishes them.
pub fn atomic_write_set(files: &[(PathBuf, Vec<u8>)]) -> std::io::Result<()> {
    let Some((first, _)) = files.first() else {
        return Ok(());
    };
    let dir = parent_of(first).to_path_buf();
    if files.iter().any(|(p, _)| parent_of(p) != dir) {
        return Err(std::io::Error::other(
            "a set of files must lie in one folder",
        ));
    }
    finish_interrupted_sets(&dir);
    let temporaries: Vec<PathBuf> = files.iter().map(|(p, _)| hidden(p, "tmp")).collect();
    let cleanup = |journal: Option<&Path>| {
        for t in &temporaries {
            let _ = std::fs::remove_file(t);
        }
        if let Some(j) = journal {
            let _ = std::fs::remove_file(j);
        }
    };
    for ((_, bytes), tmp) in files.iter().zip(&temporaries) {
        if let Err(e) = write_synced(tmp, bytes) {
            cleanup(None);
            return Err(e);
        }
    }
    let renames: Vec<(String, String)> = files
        .iter()
        .zip(&temporaries)
        .map(|((p, _), t)| (name_of(t), name_of(p)))
        .collect();
    let journal = hidden(first, "journal");
    let text = serde_json::to_string(&renames).unwrap_or_default();
    if let Err(e) = atomic_write(&journal, text.as_bytes()) {
        cleanup(None);
        return Err(e);
    }
    for ((p, _), tmp) in files.iter().zip(&temporaries) {
        // on failure the journal finishes the renames at the next start, as after a crash
        std::fs::rename(tmp, p)?;
    }
    sync_folder(&dir);
    let _ = std::fs::remove_file(&journal);
    sync_folder(&dir);
    Ok(())
}

/// Finishes the renames of sets whose save was killed after every file was written (their
/// journal is still there); returns how many sets.
fn finish_interrupted_sets(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut finished = 0;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !(name.starts_with('.') && name.ends_with(".journal")) {
            continue;
        }
        // another process's save in progress has a journal younger than a second at most;
        // this one is only finished if its process is gone, which a name cannot tell: the
        // renames are the same either way, so finishing them twice is harmless
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let Ok(renames) = serde_json::from_str::<Vec<(String, String)>>(&text) else {
            continue;
        };
        let safe = |n: &str| !n.contains(['/', '\\']) && n != ".." && !n.is_empty();
        for (tmp, dest) in renames {
            if safe(&tmp) && safe(&dest) && dir.join(&tmp).is_file() {
                let _ = std::fs::rename(dir.join(&tmp), dir.join(&dest));
            }
        }
        sync_folder(dir);
        finished += usize::from(std::fs::remove_file(e.path()).is_ok());
    }
    finished
}

/// Whether `name` is one of this module's hidden temporaries of `kind` (`.name.pid.kind`).
fn is_hidden_kind(name: &str, kind: &str) -> bool {
    let parts: Vec<&str> = name.rsplitn(3, '.').collect();
    name.starts_with('.')
        && parts.len() == 3
        && parts[0] == kind
        && !parts[1].is_empty()
        && parts[1].chars().all(|c| c.is_ascii_digit())
}

fn is_old(e: &std::fs::DirEntry) -> bool {
    e.metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > LEFTOVER_AGE)
}

/// Finishes in `dir` the sets of files a killed save had fully written, then removes the
/// temporary files killed saves left (`.name.pid.tmp`, older than ten minutes: no save takes
/// that long); returns how many were removed. Other files are never touched.
pub fn remove_leftover_temporaries(dir: &Path) -> usize {
    finish_interrupted_sets(dir);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if is_hidden_kind(&name, "tmp") && is_old(&e) && e.file_type().is_ok_and(|t| t.is_file()) {
            removed += usize::from(std::fs::remove_file(e.path()).is_ok());
        }
    }
    removed
}

/// Replaces the folder `dir` by one holding `files` (names and bytes), so that a crash leaves
/// either the old folder or the new one, never a mix: the new folder is written beside it
/// under a hidden name, each file synced, `files`' last entry (the marker, a manifest) last;
/// then the old folder is moved aside, the new one moved in, and the old one removed. A crash
/// between those two moves leaves no folder at `dir`: [`recover_folder`] moves the new one in
/// if its marker is there, or the old one back.
pub fn replace_folder(dir: &Path, files: &[(&str, &[u8])]) -> std::io::Result<()> {
    let marker = files.last().map(|(n, _)| *n).unwrap_or_default();
    recover_folder(dir, marker);
    let new = hidden(dir, "new");
    let old = hidden(dir, "old");
    if new.exists() {
        std::fs::remove_dir_all(&new)?;
    }
    let written = (|| {
        std::fs::create_dir_all(&new)?;
        for (name, bytes) in files {
            write_synced(&new.join(name), bytes)?;
        }
        sync_folder(&new);
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&new);
        return Err(e);
    }
    if dir.exists() {
        std::fs::rename(dir, &old)?;
    }
    std::fs::rename(&new, dir)?;
    sync_folder(parent_of(dir));
    if old.exists() {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(())
}

/// After a killed [`replace_folder`]: where no folder is at `dir`, moves in the new folder
/// if it was complete (its `marker` file written), or else the old one back; where the folder
/// is there, removes the hidden copies older than ten minutes. Returns true when it moved one.
pub fn recover_folder(dir: &Path, marker: &str) -> bool {
    let parent = parent_of(dir);
    let name = name_of(dir);
    let Ok(entries) = std::fs::read_dir(parent) else {
        return false;
    };
    let prefix = format!(".{name}.");
    let (mut news, mut olds) = (Vec::new(), Vec::new());
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if !n.starts_with(&prefix) || !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        if is_hidden_kind(&n, "new") {
            news.push(e);
        } else if is_hidden_kind(&n, "old") {
            olds.push(e);
        }
    }
    if dir.exists() {
        for e in news.iter().chain(&olds) {
            if is_old(e) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
        return false;
    }
    let complete = news
        .iter()
        .find(|e| !marker.is_empty() && e.path().join(marker).is_file());
    let moved = match complete.or(olds.first()) {
        Some(e) => std::fs::rename(e.path(), dir).is_ok(),
        None => false,
    };
    sync_folder(parent);
    moved
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

    fn scratch(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cm-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_set_of_files_is_replaced_whole_and_leaves_nothing_behind() {
        let dir = scratch("set");
        let set = |text: &str| -> Vec<(PathBuf, Vec<u8>)> {
            ["a.shp", "a.shx", "a.dbf"]
                .iter()
                .map(|n| (dir.join(n), format!("{text} {n}").into_bytes()))
                .collect()
        };
        atomic_write_set(&set("old")).unwrap();
        atomic_write_set(&set("new")).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("a.dbf")).unwrap(),
            "new a.dbf"
        );
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 3);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_set_killed_between_its_renames_is_finished_at_the_next_start() {
        let dir = scratch("set-killed");
        for n in ["a.shp", "a.shx"] {
            std::fs::write(dir.join(n), "old").unwrap();
        }
        // the state a kill after the first rename leaves: a.shp new, a.shx's new one waiting
        std::fs::write(dir.join("a.shp"), "new").unwrap();
        std::fs::write(dir.join(".a.shx.77.tmp"), "new").unwrap();
        let journal = r#"[[".a.shp.77.tmp","a.shp"],[".a.shx.77.tmp","a.shx"]]"#;
        std::fs::write(dir.join(".a.shp.77.journal"), journal).unwrap();
        remove_leftover_temporaries(&dir);
        for n in ["a.shp", "a.shx"] {
            assert_eq!(std::fs::read_to_string(dir.join(n)).unwrap(), "new", "{n}");
        }
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_folder_is_swapped_whole_and_a_killed_swap_is_recovered() {
        let root = scratch("swap");
        let dir = root.join("territoire");
        replace_folder(&dir, &[("a.json", b"old a"), ("manifest.json", b"m1")]).unwrap();
        replace_folder(&dir, &[("a.json", b"new a"), ("manifest.json", b"m2")]).unwrap();
        assert_eq!(std::fs::read(dir.join("a.json")).unwrap(), b"new a");
        assert_eq!(std::fs::read_dir(&root).unwrap().count(), 1, "no leftovers");

        // killed between the two moves, the new folder complete: it is moved in
        std::fs::rename(&dir, root.join(".territoire.9.old")).unwrap();
        let new = root.join(".territoire.9.new");
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(new.join("a.json"), "newer a").unwrap();
        std::fs::write(new.join("manifest.json"), "m3").unwrap();
        assert!(recover_folder(&dir, "manifest.json"));
        assert_eq!(std::fs::read(dir.join("a.json")).unwrap(), b"newer a");

        // killed while the new folder was written (no marker yet): the old one comes back
        std::fs::remove_dir_all(root.join(".territoire.9.old")).unwrap();
        std::fs::rename(&dir, root.join(".territoire.9.old")).unwrap();
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(new.join("a.json"), "half").unwrap();
        assert!(recover_folder(&dir, "manifest.json"));
        assert_eq!(std::fs::read(dir.join("a.json")).unwrap(), b"newer a");
        std::fs::remove_dir_all(&root).ok();
    }
}
