//! Finding a place offline, as a parent says it: "12 rue des Tilleuls", a street, a block, a
//! collège, a river. The [`Gazetteer`] is built from the territory (its named streets, blocks,
//! collèges and landmarks) and, when one was read, an [`AddressBook`] (the national address
//! file's addresses of the territory). [`spots`] then says in which block a place lies.
//!
//! A search compares words with their accents dropped and their case ignored; each word typed
//! must begin a word of the place's name (the last one may be half typed), and when none does,
//! one typing slip per word of four letters or more is forgiven.

use std::cmp::Ordering;
use std::sync::Arc;

use geo::LineString;

use super::territory::{Territory, UnitId};

/// A street of the territory with its name (for the address search and the map's labels).
#[derive(Debug, Clone, PartialEq)]
pub struct NamedStreet {
    /// The name, as written on the street's sign.
    pub name: String,
    /// Its course (lon/lat).
    pub line: LineString<f64>,
}

/// One address of the national address file.
#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    /// The house number.
    pub number: u32,
    /// "bis", "ter", "A"… (empty when none).
    pub suffix: String,
    /// Where it is (lon/lat).
    pub at: [f64; 2],
}

/// A street of the address file with its addresses.
#[derive(Debug, Clone, PartialEq)]
pub struct AddressStreet {
    /// The street (or lieu-dit) as the file writes it.
    pub name: String,
    /// The commune's name.
    pub commune: String,
    /// Its addresses, by number then suffix.
    pub addresses: Vec<Address>,
}

/// Addresses grouped by street.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AddressBook {
    /// The streets.
    pub streets: Vec<AddressStreet>,
}

impl AddressBook {
    /// How many addresses it holds.
    pub fn len(&self) -> usize {
        self.streets.iter().map(|s| s.addresses.len()).sum()
    }

    /// True when it holds no address.
    pub fn is_empty(&self) -> bool {
        self.streets.iter().all(|s| s.addresses.is_empty())
    }

    /// Sorts each street's addresses by number and suffix (readers call it once).
    pub fn sort(&mut self) {
        for s in &mut self.streets {
            s.addresses.sort_by(|a, b| {
                a.number
                    .cmp(&b.number)
                    .then_with(|| a.suffix.cmp(&b.suffix))
            });
        }
    }
}

/// What a found place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A house number of the address file.
    Address,
    /// A street (of the address file, or of the territory's streets).
    Street,
    /// A block (IRIS, commune).
    Block,
    /// A collège.
    College,
    /// A river, a road, a railway.
    Landmark,
}

/// How the number typed was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberFound {
    /// No number was typed, or the place has none.
    NoNumber,
    /// That very number.
    Exact,
    /// The number is not in the file: the nearest one on the same side of the street.
    Nearest {
        /// The number typed.
        asked: u32,
        /// The number shown.
        shown: u32,
    },
    /// A number was typed but the street has no numbers (the territory's streets).
    Unnumbered {
        /// The number typed.
        asked: u32,
    },
}

/// A place found.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// What it is.
    pub kind: PlaceKind,
    /// Its name ("12 bis Rue des Tilleuls", "Collège Jean Zay").
    pub label: String,
    /// Where, in words (the commune), possibly empty.
    pub detail: String,
    /// Its points (lon/lat): one for an address or a collège, several along a street.
    pub points: Vec<[f64; 2]>,
    /// How the number typed was found.
    pub number: NumberFound,
}

/// Where the target of an entry is.
#[derive(Debug, Clone)]
enum Target {
    /// Fixed points.
    Points(Vec<[f64; 2]>),
    /// A street of the address book (its index).
    Book(usize),
}

#[derive(Debug, Clone)]
struct Entry {
    kind: PlaceKind,
    label: String,
    detail: String,
    words: Vec<String>,
    target: Target,
}

/// The places of a territory, searchable by name.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    book: Option<Arc<AddressBook>>,
}

/// Points along a street at most this far apart (degrees, about 40 m), so that a street crossing
/// several blocks has a point in each.
const STEP_DEG: f64 = 0.0004;

/// At most this many points per street (long roads in a département).
const MAX_POINTS: usize = 400;

/// Words typed are compared with this many words at most (a pasted paragraph is cut).
const MAX_QUERY_WORDS: usize = 8;

/// Lower-case ASCII words: accents dropped, every other character a separator; the usual
/// abbreviations spelt out.
pub fn words(s: &str) -> Vec<String> {
    deunicode::deunicode(s)
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| spelt(w).to_string())
        .collect()
}

fn spelt(w: &str) -> &str {
    match w {
        "av" | "ave" => "avenue",
        "bd" | "bld" | "bvd" | "boul" => "boulevard",
        "r" => "rue",
        "all" => "allee",
        "ch" | "chem" => "chemin",
        "pl" => "place",
        "imp" => "impasse",
        "rte" => "route",
        "fg" | "fbg" => "faubourg",
        "st" => "saint",
        "ste" => "sainte",
        "sq" => "square",
        "qu" | "qua" => "quai",
        "crs" => "cours",
        other => other,
    }
}

const SUFFIXES: &[&str] = &["bis", "ter", "quater", "a", "b", "c", "d"];

/// A query split into its house number (with suffix) and its words.
#[derive(Debug, Clone, PartialEq)]
struct Query {
    number: Option<(u32, String)>,
    words: Vec<String>,
}

fn parse_query(text: &str) -> Query {
    let mut all = words(text);
    all.truncate(MAX_QUERY_WORDS);
    let mut number = None;
    let mut rest = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let w = &all[i];
        if number.is_none() && w.len() <= 5 && w.bytes().all(|b| b.is_ascii_digit()) {
            let n: u32 = w.parse().unwrap_or(0);
            let suffix = match all.get(i + 1) {
                Some(s) if SUFFIXES.contains(&s.as_str()) => {
                    i += 1;
                    s.clone()
                }
                _ => String::new(),
            };
            number = Some((n, suffix));
        } else if let Some(split) = w.find(|c: char| c.is_ascii_alphabetic())
            && number.is_none()
            && split > 0
            && split <= 5
            && w[..split].bytes().all(|b| b.is_ascii_digit())
            && SUFFIXES.contains(&&w[split..])
        {
            // "12bis", "3b"
            number = Some((w[..split].parse().unwrap_or(0), w[split..].to_string()));
        } else {
            rest.push(w.clone());
        }
        i += 1;
    }
    Query {
        number,
        words: rest,
    }
}

/// Words a parent may get wrong without meaning another place: the kind of street ("rue" for
/// an avenue) and articles. They count when they match, and are not required when another word
/// of the query is.
const SOFT: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "allee",
    "chemin",
    "impasse",
    "place",
    "route",
    "square",
    "quai",
    "cours",
    "faubourg",
    "passage",
    "sentier",
    "residence",
    "lotissement",
    "de",
    "des",
    "du",
    "la",
    "le",
    "les",
    "l",
    "d",
];

/// How well an entry's words answer the query's: `None` when one word typed matches none
/// (a [`SOFT`] word may match none when another word is not soft). Exact words count 3, words
/// begun 2, words with one slip 1.
fn score(query: &[String], entry: &[String], forgive: bool) -> Option<u32> {
    let mut total = 0;
    let all_soft = query.iter().all(|q| SOFT.contains(&q.as_str()));
    for q in query {
        let mut best = 0;
        for w in entry {
            let s = if w == q {
                3
            } else if w.starts_with(q.as_str()) {
                2
            } else if forgive && q.len() >= 4 && one_slip(q, w) {
                1
            } else {
                0
            };
            best = best.max(s);
            if best == 3 {
                break;
            }
        }
        if best == 0 {
            if all_soft || !SOFT.contains(&q.as_str()) {
                return None;
            }
            continue;
        }
        total += best;
    }
    Some(total)
}

/// One letter wrong, missing, added or two swapped, comparing the typed word with the same
/// length of the name's word (so that a half-typed word is forgiven too).
fn one_slip(typed: &str, word: &str) -> bool {
    let n = typed.len();
    [n.saturating_sub(1), n, n + 1]
        .into_iter()
        .filter(|&k| k > 0 && k <= word.len())
        .any(|k| strsim::damerau_levenshtein(typed, &word[..k]) <= 1)
}

fn sample_line(line: &LineString<f64>, out: &mut Vec<[f64; 2]>) {
    for seg in line.lines() {
        let (a, b) = (seg.start, seg.end);
        let len = (b.x - a.x).hypot(b.y - a.y);
        let steps = ((len / STEP_DEG).ceil() as usize).clamp(1, MAX_POINTS);
        for k in 0..steps {
            let t = (k as f64 + 0.5) / steps as f64;
            out.push([a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t]);
        }
    }
}

/// Keeps at most `max` of the points, evenly.
fn thin(points: Vec<[f64; 2]>, max: usize) -> Vec<[f64; 2]> {
    if points.len() <= max {
        return points;
    }
    let step = points.len() as f64 / max as f64;
    (0..max)
        .map(|k| points[((k as f64 + 0.5) * step) as usize])
        .collect()
}

impl Gazetteer {
    /// The places of a territory, with the addresses of `book` when given.
    pub fn new(territory: &Territory, book: Option<Arc<AddressBook>>) -> Gazetteer {
        let mut entries = Vec::new();
        // the territory's named streets, one entry per name
        let mut by_name: std::collections::BTreeMap<Vec<String>, (String, Vec<[f64; 2]>)> =
            Default::default();
        for s in &territory.street_names {
            let key = words(&s.name);
            if key.is_empty() {
                continue;
            }
            let e = by_name
                .entry(key)
                .or_insert_with(|| (s.name.clone(), Vec::new()));
            sample_line(&s.line, &mut e.1);
        }
        for (key, (label, points)) in by_name {
            entries.push(Entry {
                kind: PlaceKind::Street,
                label,
                detail: String::new(),
                words: key,
                target: Target::Points(thin(points, MAX_POINTS)),
            });
        }
        if let Some(b) = &book {
            for (i, s) in b.streets.iter().enumerate() {
                let mut key = words(&s.name);
                key.extend(words(&s.commune));
                entries.push(Entry {
                    kind: PlaceKind::Street,
                    label: s.name.clone(),
                    detail: s.commune.clone(),
                    words: key,
                    target: Target::Book(i),
                });
            }
        }
        for u in territory.units() {
            entries.push(Entry {
                kind: PlaceKind::Block,
                label: u.name.clone(),
                detail: String::new(),
                words: words(&u.name),
                target: Target::Points(vec![[u.anchor.x(), u.anchor.y()]]),
            });
        }
        for c in territory.colleges() {
            let mut key = words("collège");
            key.extend(words(&c.name));
            // two collèges may share a name (Lille has two Jean Zay): the block each stands in
            // tells them apart
            let detail = territory
                .unit_at(c.location, 0.0)
                .map(|u| territory.unit(u).name.clone())
                .unwrap_or_default();
            entries.push(Entry {
                kind: PlaceKind::College,
                label: c.name.clone(),
                detail,
                words: key,
                target: Target::Points(vec![[c.location.x(), c.location.y()]]),
            });
        }
        for l in &territory.landmarks {
            let mut points = Vec::new();
            sample_line(&l.line, &mut points);
            entries.push(Entry {
                kind: PlaceKind::Landmark,
                label: l.name.clone(),
                detail: String::new(),
                words: words(&l.name),
                target: Target::Points(thin(points, MAX_POINTS)),
            });
        }
        entries.retain(|e| !e.words.is_empty());
        Gazetteer { entries, book }
    }

    /// How many places can be found (streets, blocks, collèges, landmarks).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing can be found.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Addresses held (0 without an address file).
    pub fn addresses(&self) -> usize {
        self.book.as_ref().map_or(0, |b| b.len())
    }

    /// The places that answer `text`, best first, at most `limit`.
    pub fn search(&self, text: &str, limit: usize) -> Vec<Place> {
        let query = parse_query(text);
        if query.words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut found = self.matches(&query, false);
        if found.is_empty() {
            found = self.matches(&query, true);
        }
        found.sort_by(|&(a, sa), &(b, sb)| {
            let (ea, eb) = (&self.entries[a], &self.entries[b]);
            sb.cmp(&sa)
                .then_with(|| rank(ea, &query).cmp(&rank(eb, &query)))
                .then_with(|| ea.words.len().cmp(&eb.words.len()))
                .then_with(|| ea.label.cmp(&eb.label))
                .then_with(|| ea.detail.cmp(&eb.detail))
        });
        found
            .into_iter()
            .take(limit)
            .map(|(i, _)| self.place(&self.entries[i], &query))
            .collect()
    }

    fn matches(&self, query: &Query, forgive: bool) -> Vec<(usize, u32)> {
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| score(&query.words, &e.words, forgive).map(|s| (i, s)))
            .collect()
    }

    fn place(&self, e: &Entry, query: &Query) -> Place {
        let mut place = Place {
            kind: e.kind,
            label: e.label.clone(),
            detail: e.detail.clone(),
            points: Vec::new(),
            number: NumberFound::NoNumber,
        };
        match &e.target {
            Target::Points(p) => {
                place.points = p.clone();
                if let (Some((n, _)), PlaceKind::Street) = (&query.number, e.kind) {
                    place.number = NumberFound::Unnumbered { asked: *n };
                }
            }
            Target::Book(i) => {
                let Some(street) = self.book.as_ref().and_then(|b| b.streets.get(*i)) else {
                    return place;
                };
                match &query.number {
                    Some((n, suffix)) => {
                        if let Some((a, found)) = house(&street.addresses, *n, suffix) {
                            place.kind = PlaceKind::Address;
                            place.label = if a.suffix.is_empty() {
                                format!("{} {}", a.number, street.name)
                            } else {
                                format!("{} {} {}", a.number, a.suffix, street.name)
                            };
                            place.points = vec![a.at];
                            place.number = found;
                        }
                    }
                    None => {
                        place.points =
                            thin(street.addresses.iter().map(|a| a.at).collect(), MAX_POINTS);
                    }
                }
            }
        }
        place
    }
}

/// When a number was typed, the address file's streets first (they have numbers), then the
/// network's; then blocks, collèges, landmarks.
fn rank(e: &Entry, query: &Query) -> u8 {
    let numbered = query.number.is_some();
    match (e.kind, &e.target) {
        (PlaceKind::Address | PlaceKind::Street, Target::Book(_)) => 2 * u8::from(!numbered),
        (PlaceKind::Address | PlaceKind::Street, Target::Points(_)) => 1 + u8::from(!numbered),
        (PlaceKind::Block, _) => 3,
        (PlaceKind::College, _) => 4,
        (PlaceKind::Landmark, _) => 5,
    }
}

/// The address with this number (and suffix when it exists), else the nearest number on the
/// same side of the street, else the nearest number.
fn house<'a>(addresses: &'a [Address], n: u32, suffix: &str) -> Option<(&'a Address, NumberFound)> {
    let start = addresses.partition_point(|a| a.number < n);
    let same: Vec<&Address> = addresses[start..]
        .iter()
        .take_while(|a| a.number == n)
        .collect();
    if let Some(a) = same
        .iter()
        .find(|a| a.suffix.eq_ignore_ascii_case(suffix))
        .or(same.first())
    {
        return Some((a, NumberFound::Exact));
    }
    let distance = |a: &&Address| a.number.abs_diff(n);
    let nearest = addresses
        .iter()
        .filter(|a| a.number % 2 == n % 2)
        .min_by_key(distance)
        .or_else(|| addresses.iter().min_by_key(distance))?;
    Some((
        nearest,
        NumberFound::Nearest {
            asked: n,
            shown: nearest.number,
        },
    ))
}

/// A place's part in one block: the block (or `None` outside every block), a point of the place
/// there, and how many of the place's points fell there.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    /// The block, or `None` outside the territory.
    pub unit: Option<UnitId>,
    /// A point of the place in that block (lon/lat): the one nearest the middle of its points.
    pub at: [f64; 2],
    /// How many of the place's points lie there.
    pub points: usize,
}

/// The blocks a place lies in, the one holding most of its points first.
pub fn spots(territory: &Territory, place: &Place) -> Vec<Spot> {
    let mut groups: Vec<(Option<UnitId>, Vec<[f64; 2]>)> = Vec::new();
    for &p in &place.points {
        let unit = territory.unit_at(geo::Point::new(p[0], p[1]), 0.0);
        match groups.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, v)) => v.push(p),
            None => groups.push((unit, vec![p])),
        }
    }
    let mut out: Vec<Spot> = groups
        .into_iter()
        .map(|(unit, pts)| {
            let n = pts.len() as f64;
            let mid = [
                pts.iter().map(|p| p[0]).sum::<f64>() / n,
                pts.iter().map(|p| p[1]).sum::<f64>() / n,
            ];
            let d = |p: &[f64; 2]| (p[0] - mid[0]).powi(2) + (p[1] - mid[1]).powi(2);
            let at = pts
                .iter()
                .copied()
                .min_by(|a, b| d(a).partial_cmp(&d(b)).unwrap_or(Ordering::Equal))
                .unwrap_or(mid);
            Spot {
                unit,
                at,
                points: pts.len(),
            }
        })
        .collect();
    // blocks first (outside last), most points first, then by block for a stable order
    out.sort_by(|a, b| {
        b.unit
            .is_some()
            .cmp(&a.unit.is_some())
            .then(b.points.cmp(&a.points))
            .then(a.unit.map(UnitId::index).cmp(&b.unit.map(UnitId::index)))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::territory::{College, GroupScheme, Population, TerritoryInfo, Unit};

    fn territory() -> Territory {
        let pop = Population::default();
        let mut a = Unit::square("A", 0.0, 0.0, 0.01, pop.clone());
        a.name = "Les Érables".into();
        let mut b = Unit::square("B", 0.01, 0.0, 0.01, pop);
        b.name = "Centre".into();
        let mut t = Territory::new(
            TerritoryInfo::default(),
            GroupScheme::depp4(),
            vec![a, b],
            vec![College::public("0000001A", geo::Point::new(0.005, 0.005)).named("Jean Zay")],
        )
        .expect("valid");
        t.street_names.push(NamedStreet {
            name: "Rue des Tilleuls".into(),
            line: LineString::from(vec![(0.002, 0.004), (0.018, 0.004)]),
        });
        t.street_names.push(NamedStreet {
            name: "Avenue Jean Jaurès".into(),
            line: LineString::from(vec![(0.002, 0.008), (0.008, 0.008)]),
        });
        t
    }

    fn book() -> AddressBook {
        let mut b = AddressBook {
            streets: vec![AddressStreet {
                name: "Rue des Tilleuls".into(),
                commune: "Belcastel".into(),
                addresses: [(1, ""), (3, ""), (12, "bis"), (12, ""), (14, ""), (2, "")]
                    .iter()
                    .map(|&(n, s)| Address {
                        number: n,
                        suffix: s.into(),
                        at: [0.001 * f64::from(n), 0.004],
                    })
                    .collect(),
            }],
        };
        b.sort();
        b
    }

    #[test]
    fn words_drop_accents_and_spell_abbreviations() {
        assert_eq!(words("Av. Jean-Jaurès"), vec!["avenue", "jean", "jaures"]);
        assert_eq!(
            parse_query("12 bis r des tilleuls"),
            Query {
                number: Some((12, "bis".into())),
                words: vec!["rue".into(), "des".into(), "tilleuls".into()]
            }
        );
        assert_eq!(parse_query("3b rue").number, Some((3, "b".into())));
    }

    #[test]
    fn a_street_is_found_half_typed_without_accents_and_with_a_slip() {
        let g = Gazetteer::new(&territory(), None);
        let found = g.search("rue des till", 5);
        assert_eq!(found[0].label, "Rue des Tilleuls");
        assert_eq!(found[0].kind, PlaceKind::Street);
        assert_eq!(g.search("jaures", 5)[0].label, "Avenue Jean Jaurès");
        // one slip
        assert_eq!(g.search("tileuls", 5)[0].label, "Rue des Tilleuls");
        // the kind of street is not required: "rue" for an avenue
        assert_eq!(
            g.search("rue jean jaures", 5)[0].label,
            "Avenue Jean Jaurès"
        );
        assert!(
            g.search("rue", 5)
                .iter()
                .any(|p| p.label == "Rue des Tilleuls")
        );
        assert!(g.search("boulevard inconnu", 5).is_empty());
        assert!(g.search("   ", 5).is_empty());
    }

    #[test]
    fn a_street_crossing_two_blocks_has_a_spot_in_each() {
        let t = territory();
        let g = Gazetteer::new(&t, None);
        let street = &g.search("tilleuls", 1)[0];
        let s = spots(&t, street);
        let units: Vec<_> = s.iter().map(|s| s.unit).collect();
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(units.contains(&Some(UnitId(0))) && units.contains(&Some(UnitId(1))));
        // a number on a street without numbers says so
        let numbered = &g.search("12 rue des tilleuls", 1)[0];
        assert_eq!(numbered.number, NumberFound::Unnumbered { asked: 12 });
    }

    #[test]
    fn an_address_is_found_by_number_or_the_nearest_on_its_side() {
        let t = territory();
        let g = Gazetteer::new(&t, Some(Arc::new(book())));
        assert_eq!(g.addresses(), 6);
        let exact = &g.search("12 rue des tilleuls", 3)[0];
        assert_eq!(exact.kind, PlaceKind::Address);
        assert_eq!(exact.label, "12 Rue des Tilleuls");
        assert_eq!(exact.number, NumberFound::Exact);
        assert_eq!(exact.points, vec![[0.012, 0.004]]);
        let bis = &g.search("12bis tilleuls belcastel", 3)[0];
        assert_eq!(bis.label, "12 bis Rue des Tilleuls");
        // 8 is not there: the nearest even number
        let near = &g.search("8 tilleuls", 3)[0];
        assert_eq!(
            near.number,
            NumberFound::Nearest {
                asked: 8,
                shown: 12
            }
        );
        assert_eq!(
            spots(&t, near)[0].unit,
            Some(UnitId(1)),
            "12 lies in the second block"
        );
        // the collège and the block are found by name
        assert_eq!(g.search("college zay", 3)[0].kind, PlaceKind::College);
        assert_eq!(g.search("erables", 3)[0].label, "Les Érables");
    }
}
