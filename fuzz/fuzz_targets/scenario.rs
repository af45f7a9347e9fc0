//! Any text given as a scenario file, read against the demo town: a scenario with what it
//! skipped, or a reason, never a panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

static DEMO: OnceLock<carte_mixite::model::Territory> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let t = DEMO.get_or_init(|| {
        carte_mixite::io::territory_files::embedded_demo()
            .expect("the demo town")
            .0
    });
    let text = String::from_utf8_lossy(data);
    if let Ok((s, _warnings)) =
        carte_mixite::io::territory_files::parse_scenario(&text, Path::new("fuzz.json"), t)
    {
        assert_eq!(s.assignments().len(), t.units().len());
    }
});
