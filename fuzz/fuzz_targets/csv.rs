//! Any bytes given as a .csv file: the importer reports or loads, never panics or hangs, and
//! what it loads can be validated as areas.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (layer, report) = carte_mixite::io::layer::read_layer_bytes("fuzz.csv", data);
    if let Some(layer) = layer {
        let _ = carte_mixite::io::import::validate_areas(&layer);
    } else {
        assert!(report.has_fatal(), "refused without a reason");
    }
});
