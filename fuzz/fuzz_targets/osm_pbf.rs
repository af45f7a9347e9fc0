//! Any bytes given as an OpenStreetMap PBF file: a network or a reason, never a panic or a
//! hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = carte_mixite::routing::StreetNetwork::read_bytes("fuzz.osm.pbf", data);
});
