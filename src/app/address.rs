//! "Mon adresse": the place search's state and its work in the background. The search runs on a
//! thread as the user types (the gazetteer is built there the first time), a chosen place gets
//! its blocks at once and its walks when the streets have been searched, and an address file is
//! read on its own thread with its progress. [`Editor::address_tick`] receives them, once a frame.

use std::path::PathBuf;

use geo::Distance as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};

use super::Editor;
use crate::i18n::Lang;
use crate::i18n::address::address_texts;
use crate::model::places::{AddressBook, Gazetteer, NumberFound, Place, Spot, spots};
use crate::model::{Assignment, CollegeId};
use crate::routing::StreetNetwork;
use crate::routing::matrix::{Snapper, between, distances_from};

/// Results shown under the field.
pub const RESULTS: usize = 6;

/// Blocks of a place answered (a long street crosses many: the most of it first).
pub const MAX_PARTS: usize = 4;

/// A walk being computed, known, or unknown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Walk {
    /// The streets are being searched.
    Pending,
    /// Metres on foot, along the streets.
    Metres(f64),
    /// Metres on foot estimated from the straight line and the detour factor (a territory
    /// without streets).
    Estimated(f64),
    /// A point off the network, or no collège.
    Unknown,
}

/// One block of a chosen place: its collèges now and in the scenario shown, and the walks.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Where, and in which block.
    pub spot: Spot,
    /// Collèges on the carte actuelle (several for a shared block), biggest share first.
    pub now: Vec<CollegeId>,
    /// Collèges in the scenario shown.
    pub then: Vec<CollegeId>,
    /// Walk to the first collège now.
    pub walk_now: Walk,
    /// Walk to the first collège in the scenario shown.
    pub walk_then: Walk,
}

/// A chosen place and its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The place.
    pub place: Place,
    /// Its blocks (at most [`MAX_PARTS`]).
    pub parts: Vec<Part>,
    /// Blocks not answered.
    pub more: usize,
    /// The document's revision the collèges were read at.
    pub revision: u64,
}

/// The address file read, and from where.
#[derive(Debug, Clone, PartialEq)]
pub struct BookInfo {
    /// The file's name.
    pub file: String,
    /// Addresses kept (those in the territory).
    pub addresses: usize,
}

/// The streets as a network, snapped once: the walks from a place.
type Streets = Arc<Option<(StreetNetwork, Snapper)>>;

/// A search's answer: the words, the gazetteer it was made with, the places found.
type Searched = (String, Arc<Gazetteer>, Vec<Place>);

/// A place's walks: the place, the streets used, the walk now and in the proposal per block.
type Walked = (Place, Streets, Vec<(Walk, Walk)>);

/// The search's state.
#[derive(Default)]
pub struct AddressSearch {
    /// The words typed.
    pub query: String,
    /// The places that answer them, best first.
    pub results: Vec<Place>,
    /// The place chosen, with its blocks and collèges.
    pub answer: Option<Answer>,
    /// The address file read, if any.
    pub book: Option<BookInfo>,
    /// Why the last address file was refused.
    pub book_error: Option<String>,
    /// The typed path of an address file.
    pub path: String,
    pub(in crate::app) gazetteer: Option<Arc<Gazetteer>>,
    pub(in crate::app) addresses: Option<Arc<AddressBook>>,
    pub(in crate::app) streets: Option<Streets>,
    /// The territory's street names counted: (how many lines, how many distinct names).
    named: Option<(usize, usize)>,
    /// Set when the map should centre on the answer (each pane clears its own).
    pub(in crate::app) recenter: [bool; 2],
    searching: Option<Receiver<Searched>>,
    walking: Option<Receiver<Walked>>,
    reading: Option<BookJob>,
    picking: Option<Receiver<Option<PathBuf>>>,
}

struct BookJob {
    file: String,
    size: u64,
    read: Arc<AtomicU64>,
    rx: Receiver<Result<(AddressBook, Gazetteer), String>>,
}

impl AddressSearch {
    /// Whether an address file is being read, and how far (0 to 1, when its size is known).
    pub fn reading(&self) -> Option<Option<f32>> {
        self.reading.as_ref().map(|j| {
            (j.size > 0).then(|| (j.read.load(Ordering::Relaxed) as f32 / j.size as f32).min(1.0))
        })
    }

    /// The points to mark on the map (lon/lat).
    pub fn marks(&self) -> Vec<[f64; 2]> {
        self.answer
            .as_ref()
            .map(|a| a.parts.iter().map(|p| p.spot.at).collect())
            .unwrap_or_default()
    }

    /// Takes the "centre the map on the answer" request of one pane (0: the editor, 1: the
    /// audience).
    pub(in crate::app) fn take_recenter(&mut self, pane: usize) -> Option<[f64; 2]> {
        let first = self.answer.as_ref()?.parts.first()?.spot.at;
        std::mem::take(&mut self.recenter[pane]).then_some(first)
    }

    /// The system's file dialog for an address file, on its own thread.
    pub fn pick_book(&mut self, ctx: &egui::Context) {
        if self.picking.is_none() {
            self.picking = Some(crate::ui::file_dialog::pick_in_background(
                ctx,
                Some(("BAN", &["csv", "gz"][..])),
                false,
            ));
        }
    }
}

/// Collèges of an assignment, the biggest share first.
fn colleges_of(a: &Assignment) -> Vec<CollegeId> {
    match a {
        Assignment::Unassigned => Vec::new(),
        Assignment::College(c) => vec![*c],
        Assignment::Shares(s) => {
            let mut s = s.clone();
            s.sort_by(|x, y| y.1.total_cmp(&x.1));
            s.into_iter().map(|(c, _)| c).collect()
        }
    }
}

impl Editor {
    /// Searches the words typed, on a thread (the first search builds the gazetteer there).
    pub(in crate::app) fn address_query(&mut self, query: String) {
        self.address.query = query.clone();
        if query.trim().is_empty() {
            self.address.results.clear();
            self.address.searching = None;
            return;
        }
        let gazetteer = self.address.gazetteer.clone();
        let territory = gazetteer.is_none().then(|| self.doc.territory().clone());
        let book = self.address.addresses.clone();
        let (tx, rx) = channel();
        let wake = self.jobs.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("address-search".into())
            .spawn(move || {
                let g = match (gazetteer, territory) {
                    (Some(g), _) => g,
                    (None, Some(t)) => Arc::new(Gazetteer::new(&t, book)),
                    (None, None) => return,
                };
                let found = g.search(&query, RESULTS);
                let _ = tx.send((query, g, found));
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.address.searching = Some(rx);
        }
    }

    /// Chooses a result: its blocks and collèges now, its walks on a thread.
    pub(in crate::app) fn address_pick(&mut self, i: usize) {
        let Some(place) = self.address.results.get(i).cloned() else {
            return;
        };
        self.address.query = place.label.clone();
        self.address.results.clear();
        self.address.searching = None;
        self.answer_place(place);
        self.address.recenter = [true, true];
    }

    /// Clears the search and its answer.
    pub(in crate::app) fn address_clear(&mut self) {
        self.address.query.clear();
        self.address.results.clear();
        self.address.answer = None;
        self.address.searching = None;
        self.address.walking = None;
    }

    /// Reads the blocks of a place and their collèges, and starts its walks.
    fn answer_place(&mut self, place: Place) {
        let t = self.doc.territory();
        let all = spots(t, &place);
        let more = all.len().saturating_sub(MAX_PARTS);
        let base = &self.doc.baseline().scenario;
        let shown = &self.doc.active().scenario;
        let parts: Vec<Part> = all
            .into_iter()
            .take(MAX_PARTS)
            .map(|spot| {
                let (now, then) = match spot.unit {
                    Some(u) => (
                        colleges_of(base.assignment(u)),
                        colleges_of(shown.assignment(u)),
                    ),
                    None => (Vec::new(), Vec::new()),
                };
                Part {
                    spot,
                    now,
                    then,
                    walk_now: Walk::Pending,
                    walk_then: Walk::Pending,
                }
            })
            .collect();
        let targets: Vec<([f64; 2], Option<CollegeId>, Option<CollegeId>)> = parts
            .iter()
            .map(|p| (p.spot.at, p.now.first().copied(), p.then.first().copied()))
            .collect();
        self.address.answer = Some(Answer {
            place: place.clone(),
            parts,
            more,
            revision: self.doc.revision(),
        });
        let streets = self.address.streets.clone();
        let territory = streets.is_none().then(|| t.clone());
        let colleges: Vec<[f64; 2]> = t
            .colleges()
            .iter()
            .map(|c| [c.location.x(), c.location.y()])
            .collect();
        let detour = match self.doc.config().walk_source() {
            crate::metrics::WalkSource::StraightLine { detour_factor } => detour_factor,
            crate::metrics::WalkSource::Streets => 1.0,
        };
        let (tx, rx) = channel();
        let wake = self.jobs.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("address-walk".into())
            .spawn(move || {
                let streets = streets.unwrap_or_else(|| {
                    let t = territory.unwrap_or_else(|| unreachable!("cloned when none"));
                    let lines = t.streets.iter().cloned().map(geo::Geometry::LineString);
                    Arc::new(StreetNetwork::from_lines(lines).map(|n| {
                        let s = Snapper::new(&n);
                        (n, s)
                    }))
                });
                let walks = walks_from(&streets, &colleges, &targets, detour);
                let _ = tx.send((place, streets, walks));
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.address.walking = Some(rx);
        }
    }

    /// Reads an address file on a thread, keeping the addresses within the territory.
    pub(in crate::app) fn read_address_book(&mut self, path: PathBuf) {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let Some(bounds) = self.doc.territory().bounds() else {
            return;
        };
        let territory = self.doc.territory().clone();
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let read = Arc::new(AtomicU64::new(0));
        let progress = read.clone();
        let (tx, rx) = channel();
        let wake = self.jobs.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("address-file".into())
            .spawn(move || {
                let margin = 0.005;
                let (lo, hi) = (bounds.min(), bounds.max());
                let keep = |lon: f64, lat: f64| {
                    lon >= lo.x - margin
                        && lon <= hi.x + margin
                        && lat >= lo.y - margin
                        && lat <= hi.y + margin
                };
                let result = crate::io::national::ban::read_addresses(&path, &keep, &mut |b| {
                    progress.store(b, Ordering::Relaxed)
                })
                .map_err(|e| e.to_string())
                .map(|book| {
                    let shared = Arc::new(book.clone());
                    (book, Gazetteer::new(&territory, Some(shared)))
                });
                let _ = tx.send(result);
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.address.book_error = None;
            self.address.reading = Some(BookJob {
                file,
                size,
                read,
                rx,
            });
        }
    }

    /// Receives searches, walks and address files finished.
    pub(in crate::app) fn address_tick(&mut self, lang: Lang) {
        if let Some(rx) = &self.address.searching
            && let Ok((query, g, found)) = rx.try_recv()
        {
            self.address.searching = None;
            self.address.gazetteer = Some(g);
            // an answer to words since changed is dropped
            if query == self.address.query {
                self.address.results = found;
            }
        }
        if let Some(rx) = &self.address.walking
            && let Ok((place, streets, walks)) = rx.try_recv()
        {
            self.address.walking = None;
            self.address.streets = Some(streets);
            if let Some(a) = &mut self.address.answer
                && a.place == place
            {
                for (p, (now, then)) in a.parts.iter_mut().zip(walks) {
                    p.walk_now = now;
                    p.walk_then = then;
                }
            }
        }
        // the scenario changed under the answer: its collèges are read again
        if let Some(a) = &self.address.answer
            && a.revision != self.doc.revision()
            && self.address.walking.is_none()
        {
            let place = a.place.clone();
            self.answer_place(place);
        }
        if let Some(rx) = &self.address.picking
            && let Ok(picked) = rx.try_recv()
        {
            self.address.picking = None;
            if let Some(p) = picked {
                self.read_address_book(p);
            }
        }
        let Some(job) = &self.address.reading else {
            return;
        };
        let Ok(result) = job.rx.try_recv() else {
            return;
        };
        let file = job.file.clone();
        self.address.reading = None;
        let tx = address_texts(lang);
        match result {
            Ok((book, _)) if book.is_empty() => {
                self.address.book_error = Some((tx.book_empty)(&file));
            }
            Ok((book, g)) => {
                self.address.book = Some(BookInfo {
                    file,
                    addresses: book.len(),
                });
                self.address.addresses = Some(Arc::new(book));
                self.address.gazetteer = Some(Arc::new(g));
                let query = self.address.query.clone();
                if self.address.answer.is_none() {
                    self.address_query(query);
                }
            }
            Err(reason) => self.address.book_error = Some((tx.book_failed)(&file, &reason)),
        }
    }
}

/// Walks from each target point to its two collèges, along the streets: one search from the
/// point reaches both.
fn walks_from(
    streets: &Option<(StreetNetwork, Snapper)>,
    colleges: &[[f64; 2]],
    targets: &[([f64; 2], Option<CollegeId>, Option<CollegeId>)],
    detour: f64,
) -> Vec<(Walk, Walk)> {
    let Some((net, snapper)) = streets else {
        // no streets: the straight line times the detour factor, as every walking figure of
        // such a territory, and said to be an estimate
        let straight = |at: [f64; 2], c: Option<CollegeId>| {
            let Some(p) = c.and_then(|c| colleges.get(c.index())) else {
                return Walk::Unknown;
            };
            let m =
                geo::Haversine.distance(geo::Point::new(at[0], at[1]), geo::Point::new(p[0], p[1]));
            Walk::Estimated(m * detour)
        };
        return targets
            .iter()
            .map(|&(at, now, then)| (straight(at, now), straight(at, then)))
            .collect();
    };
    let never = AtomicBool::new(false);
    targets
        .iter()
        .map(|&(at, now, then)| {
            let Some(from) = snapper.snap(net, at[0], at[1]) else {
                return (Walk::Unknown, Walk::Unknown);
            };
            let Some(dist) = distances_from(net, &from, &never) else {
                return (Walk::Unknown, Walk::Unknown);
            };
            let walk = |c: Option<CollegeId>| {
                let Some(c) = c else {
                    return Walk::Unknown;
                };
                let Some(p) = colleges.get(c.index()) else {
                    return Walk::Unknown;
                };
                match snapper.snap(net, p[0], p[1]) {
                    Some(cs) => {
                        let m = between(&cs, &from, &dist);
                        if m.is_finite() {
                            Walk::Metres(f64::from(m))
                        } else {
                            Walk::Unknown
                        }
                    }
                    None => Walk::Unknown,
                }
            };
            (walk(now), walk(then))
        })
        .collect()
}

/// How the number typed was found, in words (empty when exact or none).
pub fn number_note(lang: Lang, place: &Place) -> String {
    let tx = address_texts(lang);
    match place.number {
        NumberFound::Nearest { asked, shown } => (tx.nearest)(asked, shown),
        NumberFound::Unnumbered { asked } => (tx.unnumbered)(asked),
        NumberFound::NoNumber | NumberFound::Exact => String::new(),
    }
}

impl Editor {
    /// The answer in words, for the editor's panel and the room's banner; `room` is the
    /// scenario the room sees (before or after).
    pub(in crate::app) fn answer_view(
        &self,
        lang: Lang,
        room: Option<super::Meeting>,
    ) -> Option<crate::ui::address::AnswerView> {
        let a = self.address.answer.as_ref()?;
        let tx = address_texts(lang);
        let t = self.doc.territory();
        let minutes = |w: Walk| match w {
            Walk::Pending => tx.walk_pending.to_string(),
            Walk::Unknown => tx.walk_unknown.to_string(),
            Walk::Metres(m) => {
                let min = self.doc.config().walk_minutes(m).round();
                (tx.walk)(&crate::i18n::number(lang, min, 0))
            }
            Walk::Estimated(m) => {
                let min = self.doc.config().walk_minutes(m).round();
                (tx.walk_estimated)(&crate::i18n::number(lang, min, 0))
            }
        };
        // the room reads the map's short names ("Jaurès"), the editor the full ones
        let names = |cs: &[CollegeId]| {
            if cs.is_empty() {
                return tx.unassigned.to_string();
            }
            cs.iter()
                .map(|&c| {
                    let full = t.college(c).name.as_str();
                    match self.view.labels.get(c.index()) {
                        Some(l) if room.is_some() && !l.ends_with('…') => l.as_str(),
                        _ => full,
                    }
                })
                .collect::<Vec<_>>()
                .join(" / ")
        };
        // before the change, the room sees the carte actuelle only
        let before = room.is_some_and(|m| m.before);
        let proposal = self.doc.active_index() != 0 && !before;
        let mut lines: Vec<crate::ui::address::AnswerLine> = a
            .parts
            .iter()
            .map(|p| {
                let block = match p.spot.unit {
                    Some(u) => t.unit(u).name.clone(),
                    None => tx.outside.to_string(),
                };
                let now = if p.spot.unit.is_some() {
                    format!("{} · {}", names(&p.now), minutes(p.walk_now))
                } else {
                    String::new()
                };
                let changed = p.now != p.then;
                let then = (proposal && p.spot.unit.is_some()).then(|| {
                    if changed {
                        format!("{} · {}", names(&p.then), minutes(p.walk_then))
                    } else {
                        tx.same.to_string()
                    }
                });
                crate::ui::address::AnswerLine {
                    block,
                    now,
                    then,
                    changed,
                }
            })
            .collect();
        // the blocks the proposal changes first: the room asks about them
        lines.sort_by_key(|l| !l.changed);
        let kind = crate::i18n::address::place_kind(lang, a.place.kind);
        Some(crate::ui::address::AnswerView {
            title: a.place.label.clone(),
            detail: if a.place.detail.is_empty() {
                kind
            } else {
                format!("{} · {kind}", a.place.detail)
            },
            note: number_note(lang, &a.place),
            heads: (
                tx.now.to_string(),
                proposal.then(|| (tx.then)(&self.doc.active().scenario.meta.name)),
            ),
            lines,
            more: a.more,
        })
    }

    /// Where the places come from, in words. The territory's distinct street names are
    /// counted once, not every frame (a city has thousands).
    pub(in crate::app) fn address_source(&mut self, lang: Lang) -> String {
        let tx = address_texts(lang);
        if let Some(b) = &self.address.book {
            return (tx.from_book)(&crate::i18n::number(lang, b.addresses as f64, 0), &b.file);
        }
        let names = &self.doc.territory().street_names;
        let distinct = match self.address.named {
            Some((len, n)) if len == names.len() => n,
            _ => {
                let n = names
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<std::collections::BTreeSet<_>>()
                    .len();
                self.address.named = Some((names.len(), n));
                n
            }
        };
        (tx.from_streets)(distinct)
    }
}
