//! Offline background maps from MBTiles files: tiles come back from the background reader,
//! deeper zooms are cut from the deepest tile, and bad files are refused with a clear reason.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use carte_mixite::i18n::Lang;
use carte_mixite::ui::basemap::{MbTiles, MbTilesError, mbtiles_error, mbtiles_info};
use walkers::{TileId, Tiles};

fn png(rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(256, 256, image::Rgb(rgb));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cm-basemap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    let _ = std::fs::remove_file(&p);
    p
}

/// An MBTiles file with every tile of zoom levels `zooms`, in the given format.
fn mbtiles(path: &Path, zooms: impl Iterator<Item = u8>, format: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE metadata (name text, value text);
         CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob);",
    )
    .unwrap();
    for (k, v) in [
        ("name", "Test"),
        ("format", format),
        (
            "attribution",
            "<a href=\"https://example.org\">&copy; Test tiles</a>",
        ),
    ] {
        conn.execute("INSERT INTO metadata VALUES (?1, ?2)", [k, v])
            .unwrap();
    }
    for z in zooms {
        for x in 0..(1u32 << z) {
            for y in 0..(1u32 << z) {
                let data = png([z * 40, x as u8 * 60, y as u8 * 60]);
                conn.execute(
                    "INSERT INTO tiles VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![z, x, (1u32 << z) - 1 - y, data],
                )
                .unwrap();
            }
        }
    }
}

/// Asks until the background reader has answered (or 5 s have passed).
fn wait_for(tiles: &mut MbTiles, id: TileId) -> Option<walkers::TilePiece> {
    let t0 = std::time::Instant::now();
    loop {
        if let Some(piece) = tiles.at(id) {
            return Some(piece);
        }
        if t0.elapsed().as_secs() > 5 {
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn tiles_are_read_in_the_background_and_deeper_zooms_cut_from_the_deepest() {
    let path = temp("ok.mbtiles");
    mbtiles(&path, 0..=2, "png");
    let info = mbtiles_info(&path).unwrap();
    assert_eq!((info.min_zoom, info.max_zoom), (0, 2));
    assert_eq!(info.attribution.as_deref(), Some("© Test tiles"));
    let ctx = egui::Context::default();
    let mut tiles = MbTiles::open(&path, ctx).unwrap();
    assert_eq!(tiles.attribution().text, "© Test tiles");
    // a tile that exists comes back whole
    let piece = wait_for(
        &mut tiles,
        TileId {
            x: 1,
            y: 2,
            zoom: 2,
        },
    )
    .expect("tile read");
    assert_eq!(
        piece.uv,
        egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0))
    );
    // zoom 4 is not in the file: a quarter of a quarter of the zoom-2 tile stands in
    let piece = wait_for(
        &mut tiles,
        TileId {
            x: 5,
            y: 9,
            zoom: 4,
        },
    )
    .expect("tile from zoom 2");
    assert_eq!(
        piece.uv,
        egui::Rect::from_min_max(egui::pos2(0.25, 0.25), egui::pos2(0.5, 0.5))
    );
}

#[test]
fn bad_files_are_refused_with_the_reason_and_the_file() {
    let missing = temp("missing.mbtiles");
    assert!(matches!(
        mbtiles_info(&missing),
        Err(MbTilesError::Open { .. })
    ));

    let text = temp("notes.mbtiles");
    std::fs::write(
        &text,
        "ceci n'est pas une base de données, mais du texte\n".repeat(50),
    )
    .unwrap();
    let e = mbtiles_info(&text).unwrap_err();
    assert!(matches!(e, MbTilesError::Open { .. }), "{e:?}");

    let other = temp("other.mbtiles");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (a integer);")
        .unwrap();
    let e = mbtiles_info(&other).unwrap_err();
    assert!(matches!(e, MbTilesError::NotMbTiles(_)), "{e:?}");
    let fr = mbtiles_error(Lang::Fr, &e);
    assert!(
        fr.contains("other.mbtiles") && fr.contains("n'est pas un fichier MBTiles"),
        "{fr}"
    );

    let vector = temp("vector.mbtiles");
    mbtiles(&vector, 0..=0, "pbf");
    let e = mbtiles_info(&vector).unwrap_err();
    assert!(matches!(e, MbTilesError::Vector(_)), "{e:?}");
    assert!(mbtiles_error(Lang::Fr, &e).contains("tuiles vectorielles"));
    assert!(mbtiles_error(Lang::En, &e).contains("vector tiles"));

    let empty = temp("empty.mbtiles");
    mbtiles(&empty, std::iter::empty(), "png");
    assert!(matches!(mbtiles_info(&empty), Err(MbTilesError::Empty(_))));
}

#[test]
fn a_facilitator_opens_a_basemap_file_and_is_told_when_it_is_not_one() {
    use carte_mixite::app::{CarteApp, load};
    use carte_mixite::ui::basemap::BasemapChoice;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    let good = temp("ui-ok.mbtiles");
    mbtiles(&good, 0..=1, "png");
    let bad = temp("ui-bad.mbtiles");
    std::fs::write(&bad, "pas une base").unwrap();

    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 950.0))
        .build_ui_state(
            |ui, app: &mut CarteApp| app.frame_ui(ui),
            CarteApp::with_loaded(load(None, Lang::Fr).unwrap(), Lang::Fr),
        );
    h.run_steps(3);
    let choice = |h: &Harness<'static, CarteApp>| {
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .view
            .basemap
            .choice
            .clone()
    };
    assert_eq!(choice(&h), BasemapChoice::None, "offline by default");
    let open_dialog = |h: &mut Harness<'static, CarteApp>| {
        h.get_by_label("Fond de carte\u{a0}:").click();
        h.run_steps(2);
        h.get_by_label("fichier MBTiles…").click();
        h.run_steps(2);
    };
    let type_path = |h: &mut Harness<'static, CarteApp>, path: &Path| {
        h.get_by_label("Chemin du fichier").focus();
        h.run_steps(1);
        h.get_by_label("Chemin du fichier")
            .type_text(&path.display().to_string());
        h.run_steps(1);
    };
    open_dialog(&mut h);
    type_path(&mut h, &bad);
    h.run_steps(1);

    h.get_by_label("Ouvrir").click();
    h.run_steps(2);
    let notice = h
        .state()
        .editor
        .as_ref()
        .unwrap()
        .notice()
        .unwrap_or("")
        .to_string();
    assert!(notice.contains("ui-bad.mbtiles"), "{notice}");
    assert_eq!(
        choice(&h),
        BasemapChoice::None,
        "a bad file changes nothing"
    );
    // the dialog stays open to correct the path
    h.get_by_label("Annuler").click();
    h.run_steps(2);
    assert!(h.query_by_label("Chemin du fichier").is_none());

    open_dialog(&mut h);
    type_path(&mut h, &good);
    h.run_steps(1);
    h.get_by_label("Ouvrir").click();
    h.run_steps(2);
    assert_eq!(choice(&h), BasemapChoice::MbTiles { path: good.clone() });
    // the tool bar names the file, the map credits the tiles' authors
    let shown = h
        .get_by_label("Fond de carte\u{a0}:")
        .value()
        .unwrap_or_default();
    assert!(shown.contains("ui-ok.mbtiles"), "{shown}");
    let credit = h
        .state()
        .editor
        .as_ref()
        .unwrap()
        .view
        .basemap
        .attribution(Lang::Fr);
    assert_eq!(credit.as_deref(), Some("© Test tiles"));
}
