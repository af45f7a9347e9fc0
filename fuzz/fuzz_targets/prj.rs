//! Any text given as a shapefile's `.prj`: its projection is recognised or not, never a panic,
//! a stack overflow or a hang (WKT nested thousands of levels deep is refused before parsing).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(c) = carte_mixite::io::layer::converter_of(&text) {
        let _ = c.convert(650_000.0, 6_860_000.0);
    }
});
