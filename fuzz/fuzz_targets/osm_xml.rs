//! Any bytes given as an OpenStreetMap XML file, plain or gzipped: a network or a reason, never
//! a panic, a hang or unbounded memory.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = carte_mixite::routing::StreetNetwork::read_bytes("fuzz.osm", data);
    let _ = carte_mixite::routing::StreetNetwork::read_bytes("fuzz.osm.gz", data);
});
