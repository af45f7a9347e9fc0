//! Any bytes given as an MBTiles file (an SQLite database): its metadata or a reason, never a
//! panic or a hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let path = std::env::temp_dir().join(format!("fuzz-{}.mbtiles", std::process::id()));
    if std::fs::write(&path, data).is_ok() {
        let _ = carte_mixite::ui::basemap::mbtiles_info(&path);
    }
});
