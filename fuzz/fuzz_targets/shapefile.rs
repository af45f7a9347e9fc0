//! Any bytes given as a .shp file: the importer reports or loads, never panics or hangs, and
//! what it loads can be validated as areas.
//!
//! The geometry crate (`geo`, and the `i_overlay` family it uses for unions) panics on some
//! degenerate shapes inside its validity check and its union (an upstream limitation: arithmetic
//! overflow on absurd coordinates, relate assertions); the importer guards those calls with
//! `catch_unwind` and reports the shape as invalid. So a panic raised inside those crates is let
//! through to that guard, and any other panic still aborts as a crash.
#![no_main]

libfuzzer_sys::fuzz_target!(
    init: {
        let abort_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            const GEOMETRY_CRATES: [&str; 6] =
                ["/geo-0.", "/geo-types-", "/i_overlay-", "/i_float-", "/i_shape-", "/i_tree-"];
            let in_geo = info
                .location()
                .is_some_and(|l| GEOMETRY_CRATES.iter().any(|c| l.file().contains(c)));
            if !in_geo {
                abort_hook(info);
            }
        }));
    },
    |data: &[u8]| {
        let (layer, report) = carte_mixite::io::layer::read_layer_bytes("fuzz.shp", data);
        if let Some(layer) = layer {
            let _ = carte_mixite::io::import::validate_areas(&layer);
        } else {
            assert!(report.has_fatal(), "refused without a reason");
        }
    }
);
