//! Any text given as a project file (`.cartemixite`): a project or a reason in words, never a
//! panic; what loads is self-consistent (its scenarios cover its territory).
#![no_main]

use std::path::Path;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match carte_mixite::io::project::parse_project(&text, Path::new("fuzz.cartemixite")) {
        Ok(p) => {
            let units = p.territory.units().len();
            assert!(units > 0, "a project without units loaded");
            for s in std::iter::once(&p.baseline).chain(&p.scenarios) {
                assert_eq!(s.assignments().len(), units);
            }
        }
        Err(e) => {
            let _ = carte_mixite::i18n::load::load_error(carte_mixite::i18n::Lang::Fr, &e);
        }
    }
});
