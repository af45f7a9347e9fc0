//! The house's layering, checked on the sources: the core (model, metrics, assistant, io,
//! routing, publish, the demo generator) and the words (i18n) never reach the window (`ui`,
//! `app`, egui, eframe, walkers) nor the command line, so they can be tested, benchmarked and
//! reused alone, and no import circle runs through them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_core_and_the_words_never_reach_the_window_or_the_command_line() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in [
        "model",
        "metrics",
        "assistant",
        "io",
        "routing",
        "publish",
        "i18n",
    ] {
        rust_files(&src.join(part), &mut files);
    }
    for file in ["model.rs", "metrics.rs", "generate.rs", "i18n.rs"] {
        let p = src.join(file);
        if p.exists() {
            files.push(p);
        }
    }
    assert!(files.len() > 30, "the core's files were not found");
    let forbidden = [
        "crate::ui",
        "crate::app",
        "crate::cli",
        "egui::",
        "eframe",
        "walkers",
    ];
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                if code.contains(word) {
                    found.push(format!("{}:{}: {word}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core reaches the interface:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_interface_pieces_never_reach_the_window_rooms_nor_the_command_line() {
    // ui/ holds pieces (the map layer, panels, each window's state): app/ assembles them, so
    // the arrows run from app to ui and never back
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("ui"), &mut files);
    assert!(files.len() > 10, "the interface's files were not found");
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in ["crate::app", "crate::cli"] {
                if code.contains(word) {
                    found.push(format!("{}:{}: {word}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The code stays platform-neutral, so that the Windows and macOS builds of the release
/// workflow need no change: no Unix-only module or call, no Unix path written in the code (the
/// user's folders come from the `directories` crate, temporary files from `std::env::temp_dir`),
/// outside tests.
#[test]
fn the_code_names_no_unix_only_path_or_call() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let forbidden = [
        "std::os::unix",
        "libc::",
        "\"/tmp",
        "\"/home",
        "\"/usr",
        "\"/etc",
        "\"/var",
        "\"~/",
        "getuid",
        "xdg-open",
    ];
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // the unit tests at the end of a file may use any path
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            for f in forbidden {
                if line.contains(f) {
                    found.push(format!("{}:{}: {f}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
