//! Background maps under the sectors: none (the default, fully offline), OpenStreetMap tiles
//! downloaded on request (opt-in, cached on disk, with their attribution), or raster tiles read
//! from a local MBTiles file.
//!
//! Tiles are read and decoded on background threads; the UI thread only looks them up.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{Context, Rect, pos2};
use walkers::sources::{Attribution, OpenStreetMap};
use walkers::{HttpOptions, HttpTiles, Style, Tile, TileId, TilePiece, Tiles};

/// Which background map the user chose.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BasemapChoice {
    /// A plain neutral background: nothing is downloaded.
    #[default]
    None,
    /// OpenStreetMap's standard tiles, downloaded from tile.openstreetmap.org.
    Osm,
    /// Raster tiles from a local MBTiles file.
    MbTiles {
        /// The file.
        path: PathBuf,
    },
}

/// Why an MBTiles file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MbTilesError {
    /// The file could not be opened as an SQLite database.
    #[error("cannot open {path}: {message}")]
    Open {
        /// The file.
        path: PathBuf,
        /// SQLite's message.
        message: String,
    },
    /// The database has no `tiles` table: not an MBTiles file.
    #[error("{0} is not an MBTiles file (no `tiles` table)")]
    NotMbTiles(PathBuf),
    /// The tiles are vector tiles (`pbf`), which this map does not draw.
    #[error("{0} holds vector tiles (pbf); only raster tiles (png, jpg) are supported")]
    Vector(PathBuf),
    /// The file holds no tile at all.
    #[error("{0} holds no tile")]
    Empty(PathBuf),
}

/// Why a background map file cannot be used, in the interface's language.
pub fn mbtiles_error(lang: crate::i18n::Lang, e: &MbTilesError) -> String {
    let w = crate::i18n::mbtiles_texts(lang);
    match e {
        MbTilesError::Open { path, message } => (w.open)(&path.display().to_string(), message),
        MbTilesError::NotMbTiles(p) => (w.not_mbtiles)(&p.display().to_string()),
        MbTilesError::Vector(p) => (w.vector)(&p.display().to_string()),
        MbTilesError::Empty(p) => (w.empty)(&p.display().to_string()),
    }
}

/// What an MBTiles file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct MbTilesInfo {
    /// `name` from the metadata, or the file name.
    pub name: String,
    /// `format` from the metadata (png, jpg...), when given.
    pub format: Option<String>,
    /// Zoom levels present.
    pub min_zoom: u8,
    /// Zoom levels present.
    pub max_zoom: u8,
    /// `attribution` from the metadata, when given.
    pub attribution: Option<String>,
}

/// Reads an MBTiles file's metadata and checks it holds raster tiles.
pub fn mbtiles_info(path: &Path) -> Result<MbTilesInfo, MbTilesError> {
    let conn = open_read_only(path)?;
    let has_tiles: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'tiles'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n > 0)
        .map_err(|e| open_error(path, &e))?;
    if !has_tiles {
        return Err(MbTilesError::NotMbTiles(path.to_path_buf()));
    }
    let mut meta: HashMap<String, String> = HashMap::new();
    if let Ok(mut stmt) = conn.prepare("SELECT name, value FROM metadata") {
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)));
        if let Ok(rows) = rows {
            meta.extend(rows.flatten());
        }
    }
    let format = meta.get("format").map(|f| f.to_ascii_lowercase());
    if format.as_deref() == Some("pbf") {
        return Err(MbTilesError::Vector(path.to_path_buf()));
    }
    let (min, max): (Option<i64>, Option<i64>) = conn
        .query_row(
            "SELECT min(zoom_level), max(zoom_level) FROM tiles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| open_error(path, &e))?;
    let (Some(min), Some(max)) = (min, max) else {
        return Err(MbTilesError::Empty(path.to_path_buf()));
    };
    Ok(MbTilesInfo {
        name: meta.get("name").cloned().unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        }),
        format,
        min_zoom: min.clamp(0, 30) as u8,
        max_zoom: max.clamp(0, 30) as u8,
        attribution: meta.get("attribution").map(|a| strip_tags(a)),
    })
}

fn open_read_only(path: &Path) -> Result<rusqlite::Connection, MbTilesError> {
    if !path.is_file() {
        return Err(MbTilesError::Open {
            path: path.to_path_buf(),
            message: "no such file".into(),
        });
    }
    rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(path, &e))
}

fn open_error(path: &Path, e: &rusqlite::Error) -> MbTilesError {
    MbTilesError::Open {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Attribution texts in MBTiles are often HTML links: keep the words.
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&copy;", "©").trim().to_string()
}

/// The tile of zoom `available` that covers `tile`, and the part of it that does.
fn parent(tile: TileId, available: u8) -> (TileId, Rect) {
    let d = 1u32 << (tile.zoom - available).min(31);
    let parent = TileId {
        x: tile.x / d,
        y: tile.y / d,
        zoom: available,
    };
    let s = 1.0 / d as f32;
    let (u, v) = ((tile.x % d) as f32 * s, (tile.y % d) as f32 * s);
    (parent, Rect::from_min_max(pos2(u, v), pos2(u + s, v + s)))
}

/// Raster tiles from an MBTiles file, read and decoded on a background thread.
pub struct MbTiles {
    info: MbTilesInfo,
    attribution: &'static str,
    requests: Sender<TileId>,
    loaded: Receiver<(TileId, Option<Tile>)>,
    cache: HashMap<TileId, Option<Tile>>,
    order: VecDeque<TileId>,
    pending: HashSet<TileId>,
}

/// Tiles kept in memory (256×256 RGBA each: 256 KiB of texture).
const MBTILES_CACHE: usize = 400;

impl MbTiles {
    /// Opens a file; tiles are then read as the map asks for them.
    pub fn open(path: &Path, ctx: Context) -> Result<Self, MbTilesError> {
        let info = mbtiles_info(path)?;
        let conn = open_read_only(path)?;
        let (requests, requests_rx) = channel::<TileId>();
        let (loaded_tx, loaded) = channel();
        std::thread::Builder::new()
            .name("mbtiles".into())
            .spawn(move || {
                #[allow(
                    clippy::default_constructed_unit_structs,
                    reason = "Style is a unit struct only without walkers' vector feature"
                )]
                let style = Style::default();
                while let Ok(id) = requests_rx.recv() {
                    // MBTiles rows count from the south (TMS)
                    let y_tms = (1i64 << id.zoom) - 1 - i64::from(id.y);
                    let data: Option<Vec<u8>> = conn
                        .query_row(
                            "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                            rusqlite::params![id.zoom, id.x, y_tms],
                            |r| r.get(0),
                        )
                        .ok();
                    let tile = data.and_then(|d| Tile::new(&d, &style, id.zoom, 256, &ctx).ok());
                    if loaded_tx.send((id, tile)).is_err() {
                        break;
                    }
                    ctx.request_repaint();
                }
            })
            .map_err(|e| MbTilesError::Open {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
        let attribution = info
            .attribution
            .clone()
            .unwrap_or_else(|| info.name.clone());
        Ok(MbTiles {
            info,
            // one short string per file opened in a session
            attribution: Box::leak(attribution.into_boxed_str()),
            requests,
            loaded,
            cache: HashMap::new(),
            order: VecDeque::new(),
            pending: HashSet::new(),
        })
    }

    /// What the file says about itself.
    pub fn info(&self) -> &MbTilesInfo {
        &self.info
    }

    fn receive(&mut self) {
        while let Ok((id, tile)) = self.loaded.try_recv() {
            self.pending.remove(&id);
            self.cache.insert(id, tile);
            self.order.push_back(id);
            while self.order.len() > MBTILES_CACHE {
                if let Some(old) = self.order.pop_front() {
                    self.cache.remove(&old);
                }
            }
        }
    }
}

impl Tiles for MbTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        self.receive();
        if tile_id.zoom < self.info.min_zoom {
            return None;
        }
        let wanted = parent(tile_id, tile_id.zoom.min(self.info.max_zoom)).0;
        if !self.cache.contains_key(&wanted) && self.pending.insert(wanted) {
            let _ = self.requests.send(wanted);
        }
        // the tile itself, or the nearest zoomed-out one already loaded
        (self.info.min_zoom..=wanted.zoom).rev().find_map(|z| {
            let (id, uv) = parent(tile_id, z);
            let tile = self.cache.get(&id)?.clone()?;
            Some(TilePiece::new(tile, uv))
        })
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: self.attribution,
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        256
    }
}

/// OpenStreetMap tiles, downloaded in the background and cached on disk in `cache_dir`.
pub fn osm_tiles(ctx: Context, cache_dir: PathBuf) -> HttpTiles {
    // rustls needs one crypto provider; a second install is refused, which is fine
    let _ = rustls::crypto::ring::default_provider().install_default();
    HttpTiles::with_options(
        OpenStreetMap,
        HttpOptions {
            cache: Some(cache_dir),
            ..HttpOptions::default()
        },
        ctx,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deeper_tile_is_cut_from_its_parent() {
        let (p, uv) = parent(
            TileId {
                x: 5,
                y: 6,
                zoom: 4,
            },
            2,
        );
        assert_eq!(
            p,
            TileId {
                x: 1,
                y: 1,
                zoom: 2
            }
        );
        assert_eq!(uv, Rect::from_min_max(pos2(0.25, 0.5), pos2(0.5, 0.75)));
        let (p, uv) = parent(
            TileId {
                x: 5,
                y: 6,
                zoom: 4,
            },
            4,
        );
        assert_eq!(
            p,
            TileId {
                x: 5,
                y: 6,
                zoom: 4
            }
        );
        assert_eq!(uv, Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)));
    }

    #[test]
    fn attribution_html_is_reduced_to_words() {
        assert_eq!(
            strip_tags(
                "<a href=\"https://www.openstreetmap.org/copyright\">&copy; OpenStreetMap</a>"
            ),
            "© OpenStreetMap"
        );
    }
}

/// The background map of an editor: the user's choice, its tiles, and the MBTiles dialog.
#[derive(Default)]
pub struct BasemapState {
    /// What the user chose.
    pub choice: BasemapChoice,
    tiles: Option<Box<dyn Tiles>>,
    /// Where settings and the tile cache live (None: nothing is remembered, as in tests).
    data_dir: Option<PathBuf>,
    /// The MBTiles dialog, when open.
    dialog: Option<super::file_dialog::PathDialog>,
}

/// The settings file's content.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Settings {
    #[serde(default)]
    basemap: BasemapChoice,
}

impl BasemapState {
    /// The background map remembered in `data_dir` (none when nothing was chosen yet).
    pub fn remembered(data_dir: Option<PathBuf>) -> Self {
        let choice = data_dir
            .as_ref()
            .and_then(|d| std::fs::read_to_string(d.join("settings.json")).ok())
            .and_then(|s| serde_json::from_str::<Settings>(&s).ok())
            .map(|s| s.basemap)
            .unwrap_or_default();
        BasemapState {
            choice,
            data_dir,
            ..Default::default()
        }
    }

    /// True when tiles are drawn under the sectors (the fills are then see-through).
    pub fn shows_tiles(&self) -> bool {
        self.choice != BasemapChoice::None
    }

    /// The tiles to draw, opened on first use. An MBTiles file that can no longer be read
    /// falls back to no background, with the reason.
    pub fn tiles(
        &mut self,
        ctx: &Context,
        lang: crate::i18n::Lang,
    ) -> (Option<&mut (dyn Tiles + 'static)>, Option<String>) {
        let mut message = None;
        if self.tiles.is_none() {
            match self.choice.clone() {
                BasemapChoice::None => {}
                BasemapChoice::Osm => {
                    let cache = self
                        .data_dir
                        .as_ref()
                        .map(|d| d.join("tiles"))
                        .unwrap_or_else(|| std::env::temp_dir().join("carte-mixite-tiles"));
                    self.tiles = Some(Box::new(osm_tiles(ctx.clone(), cache)));
                }
                BasemapChoice::MbTiles { path } => match MbTiles::open(&path, ctx.clone()) {
                    Ok(t) => self.tiles = Some(Box::new(t)),
                    Err(e) => {
                        message = Some(mbtiles_error(lang, &e));
                        self.choice = BasemapChoice::None;
                    }
                },
            }
        }
        (self.tiles.as_deref_mut(), message)
    }

    /// Attribution to show on the map, when tiles are drawn.
    pub fn attribution(&self, lang: crate::i18n::Lang) -> Option<String> {
        match &self.choice {
            BasemapChoice::None => None,
            BasemapChoice::Osm => Some(crate::i18n::texts(lang).osm_attribution.to_string()),
            BasemapChoice::MbTiles { .. } => self
                .tiles
                .as_ref()
                .map(|t| t.attribution().text.to_string()),
        }
    }

    /// Switches to another background. Says what happened, in words, when there is something
    /// to say (that OpenStreetMap downloads tiles, which file opened); an unusable file is an
    /// error and changes nothing.
    pub fn set(
        &mut self,
        choice: BasemapChoice,
        ctx: &Context,
        lang: crate::i18n::Lang,
    ) -> Result<Option<String>, String> {
        let tx = crate::i18n::texts(lang);
        if let BasemapChoice::MbTiles { path } = &choice {
            mbtiles_info(path).map_err(|e| mbtiles_error(lang, &e))?;
        }
        let previous = std::mem::replace(&mut self.choice, choice);
        self.tiles = None;
        if let (_, Some(e)) = self.tiles(ctx, lang) {
            self.choice = previous;
            return Err(e);
        }
        self.save();
        Ok(match &self.choice {
            BasemapChoice::Osm => Some(tx.basemap_osm_notice.to_string()),
            BasemapChoice::MbTiles { path } => {
                Some(format!("{} {}", tx.basemap_opened, path.display()))
            }
            BasemapChoice::None => None,
        })
    }

    fn save(&self) {
        let Some(dir) = &self.data_dir else {
            return;
        };
        let settings = Settings {
            basemap: self.choice.clone(),
        };
        if let Ok(text) = serde_json::to_string_pretty(&settings) {
            let _ = std::fs::create_dir_all(dir);
            let _ = crate::io::atomic_write(&dir.join("settings.json"), text.as_bytes());
        }
    }

    /// The background-map control of the tool bar, and its MBTiles dialog; returns a message
    /// for the status bar when the choice changed.
    pub fn controls_ui(&mut self, ui: &mut egui::Ui, lang: crate::i18n::Lang) -> Option<String> {
        let tx = crate::i18n::texts(lang);
        let mut chosen = None;
        let label =
            ui.label(egui::RichText::new(crate::i18n::with_colon(lang, tx.basemap)).strong());
        let current = match &self.choice {
            BasemapChoice::None => tx.basemap_none.to_string(),
            BasemapChoice::Osm => tx.basemap_osm.to_string(),
            BasemapChoice::MbTiles { path } => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        egui::ComboBox::from_id_salt("basemap")
            .selected_text(current)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(self.choice == BasemapChoice::None, tx.basemap_none)
                    .clicked()
                {
                    chosen = Some(BasemapChoice::None);
                }
                if ui
                    .selectable_label(self.choice == BasemapChoice::Osm, tx.basemap_osm)
                    .clicked()
                {
                    chosen = Some(BasemapChoice::Osm);
                }
                if ui.selectable_label(false, tx.basemap_mbtiles).clicked() {
                    self.dialog = Some(super::file_dialog::PathDialog::new(match &self.choice {
                        BasemapChoice::MbTiles { path } => path.display().to_string(),
                        _ => String::new(),
                    }));
                }
            })
            .response
            .labelled_by(label.id);
        let mut close = false;
        if let Some(dialog) = &mut self.dialog {
            let spec = super::file_dialog::DialogSpec {
                title: tx.mbtiles_title,
                help: tx.mbtiles_help,
                confirm: tx.open,
                filter: ("MBTiles", &["mbtiles"]),
                save: false,
            };
            match dialog.show(ui.ctx(), &spec, lang) {
                super::file_dialog::DialogAnswer::Waiting => {}
                super::file_dialog::DialogAnswer::Cancelled => close = true,
                super::file_dialog::DialogAnswer::Chosen(path) => {
                    chosen = Some(BasemapChoice::MbTiles { path });
                    close = true;
                }
            }
        }
        let message = chosen.and_then(|c| match self.set(c, ui.ctx(), lang) {
            Ok(m) => m,
            Err(e) => {
                // an unreadable file keeps the dialog open, with the path to correct
                close = false;
                Some(e)
            }
        });
        if close {
            self.dialog = None;
        }
        message
    }
}
