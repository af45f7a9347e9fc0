//! Street networks for walking: read from OpenStreetMap (`.osm.pbf` through `osmpbf`, `.osm`
//! and `.osm.gz` XML through `quick-xml` and `flate2`) or from line layers (GeoJSON, Shapefile),
//! kept to what a pupil can walk, reduced to the largest connected component, and stored as a
//! compact adjacency array (CSR) for the shortest-path searches.

use std::collections::HashMap;
use std::path::Path;

use geo::{Distance, Haversine, Point};

/// Why a street network cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum NetworkError {
    /// The file cannot be opened or read.
    #[error("{file}: {reason}")]
    Unreadable {
        /// The file's name.
        file: String,
        /// The system's or parser's reason.
        reason: String,
    },
    /// A line layer (GeoJSON, Shapefile) that cannot be read: the report says why.
    #[error("{file}: unreadable line layer")]
    BadLayer {
        /// The file's name.
        file: String,
        /// Every problem met reading it.
        report: crate::io::report::Report,
    },
    /// Nothing walkable in the file.
    #[error("{file}: no walkable street")]
    Empty {
        /// The file's name.
        file: String,
    },
    /// A compressed file that would decompress to more than its size allows (a bomb).
    #[error("{file}: decompresses to more than {limit} bytes: refused as a decompression bomb")]
    TooExpanded {
        /// The file's name.
        file: String,
        /// The most accepted, in bytes.
        limit: u64,
    },
    /// An XML file with a run of bytes between two tags longer than any OpenStreetMap file
    /// holds (text, or a tag that never ends): refused before it is held in memory.
    #[error("{file}: more than {max} bytes without a tag, from byte {at}")]
    NoTags {
        /// The file's name.
        file: String,
        /// Where the run starts, in bytes from the start (decompressed).
        at: u64,
        /// The longest run accepted.
        max: u64,
    },
    /// The format is not one of those read.
    #[error("{file}: not a street network format (.osm.pbf, .osm, .osm.gz, .geojson, .shp)")]
    UnknownFormat {
        /// The file's name.
        file: String,
    },
}

/// What was read and what was left out, for the user.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct NetworkReport {
    /// Ways with a `highway` tag (or lines of a layer) read.
    pub ways_read: usize,
    /// Ways kept as walkable.
    pub ways_walkable: usize,
    /// Ways left out by their tags (motorways, `foot=no`, private access...).
    pub ways_not_walkable: usize,
    /// Ways referring to nodes missing from the extract (cut at the extract's edge).
    pub missing_nodes: usize,
    /// Separate pieces of the walkable network.
    pub components: usize,
    /// Nodes and edges of the pieces that were dropped (all but the largest).
    pub dropped_nodes: usize,
    /// Edges dropped with them.
    pub dropped_edges: usize,
}

/// A walkable street network: nodes in lon/lat, undirected edges with their length in metres,
/// stored both ways in a compressed adjacency array.
#[derive(Debug, Clone)]
pub struct StreetNetwork {
    /// Node positions, longitude/latitude.
    pub nodes: Vec<[f64; 2]>,
    /// Undirected edges (a, b, metres), each once.
    pub edges: Vec<(u32, u32, f32)>,
    /// Adjacency: the neighbours of node `i` are `targets[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    targets: Vec<u32>,
    lengths: Vec<f32>,
    /// What was read and left out.
    pub report: NetworkReport,
    /// The named walkable ways (OpenStreetMap's `name`), each with its course (lon/lat): the
    /// map's street labels and the address search.
    pub names: Vec<(String, Vec<[f64; 2]>)>,
}

/// Whether a way with these tags is one a pupil may walk along. Footways, paths, steps,
/// pedestrian streets and areas, crossings, residential, service and ordinary roads are; motorways,
/// trunk roads, roads under construction and ways marked as forbidden or private to pedestrians
/// are not.
pub fn is_walkable(tags: &HashMap<String, String>) -> bool {
    let get = |k: &str| tags.get(k).map(String::as_str);
    let Some(highway) = get("highway") else {
        return false;
    };
    let walkable_kind = matches!(
        highway,
        "footway"
            | "path"
            | "pedestrian"
            | "living_street"
            | "residential"
            | "service"
            | "unclassified"
            | "tertiary"
            | "tertiary_link"
            | "secondary"
            | "secondary_link"
            | "primary"
            | "primary_link"
            | "track"
            | "steps"
            | "crossing"
            | "cycleway"
            | "bridleway"
            | "corridor"
            | "road"
    );
    if !walkable_kind {
        return false;
    }
    let foot = get("foot");
    if matches!(foot, Some("yes" | "designated" | "permissive")) {
        return true;
    }
    if matches!(foot, Some("no" | "private" | "use_sidepath")) {
        return false;
    }
    !matches!(get("access"), Some("no" | "private"))
}

impl StreetNetwork {
    /// Reads a street network from a file, chosen by its extension.
    pub fn read(path: &Path) -> Result<StreetNetwork, NetworkError> {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let bytes = std::fs::read(path).map_err(|e| NetworkError::Unreadable {
            file: file.clone(),
            reason: e.to_string(),
        })?;
        Self::read_bytes(&file, &bytes)
    }

    /// Reads a street network from a file's bytes, chosen by the extension of its `file` name.
    pub fn read_bytes(file: &str, bytes: &[u8]) -> Result<StreetNetwork, NetworkError> {
        let file = file.to_string();
        let lower = file.to_ascii_lowercase();
        let unreadable = |reason: String| NetworkError::Unreadable {
            file: file.clone(),
            reason,
        };
        let xml_error = |e: XmlError| match e {
            XmlError::TooExpanded(limit) => NetworkError::TooExpanded {
                file: file.clone(),
                limit,
            },
            XmlError::NoTags(at) => NetworkError::NoTags {
                file: file.clone(),
                at,
                max: MAX_XML_RUN,
            },
            XmlError::Other(reason) => unreadable(reason),
        };
        let (nodes, ways) = if lower.ends_with(".pbf") {
            read_pbf(bytes).map_err(unreadable)?
        } else if lower.ends_with(".osm.gz") {
            // read as it is decompressed, never more than its size allows
            let limit = crate::io::bounded::allowance(bytes.len() as u64);
            let gz =
                crate::io::bounded::Capped::new(flate2::read::MultiGzDecoder::new(bytes), limit);
            read_osm_xml(std::io::BufReader::new(TagRuns::new(gz))).map_err(xml_error)?
        } else if lower.ends_with(".osm") {
            read_osm_xml(std::io::BufReader::new(TagRuns::new(bytes))).map_err(xml_error)?
        } else if [".geojson", ".json", ".shp", ".zip"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            let (layer, report) = crate::io::layer::read_layer_bytes(&file, bytes);
            let Some(layer) = layer else {
                return Err(NetworkError::BadLayer { file, report });
            };
            let lines = layer
                .features
                .iter()
                .filter_map(|f| f.geometry.as_deref().cloned());
            return Self::from_lines(lines).ok_or(NetworkError::Empty { file });
        } else {
            return Err(NetworkError::UnknownFormat { file });
        };
        Self::from_osm(&nodes, &ways).ok_or(NetworkError::Empty { file })
    }

    /// Builds the network from OSM nodes and the tags and node lists of ways.
    pub fn from_osm(nodes: &HashMap<i64, [f64; 2]>, ways: &[OsmWay]) -> Option<StreetNetwork> {
        let mut report = NetworkReport {
            ways_read: ways.len(),
            ..Default::default()
        };
        let mut index: HashMap<i64, u32> = HashMap::new();
        let mut positions = Vec::new();
        let mut edges = Vec::new();
        for way in ways {
            if !is_walkable(&way.tags) {
                report.ways_not_walkable += 1;
                continue;
            }
            report.ways_walkable += 1;
            let mut previous: Option<u32> = None;
            let mut missing = false;
            for id in &way.refs {
                let Some(&p) = nodes.get(id) else {
                    // cut at the extract's edge: the way resumes at the next known node
                    missing = true;
                    previous = None;
                    continue;
                };
                let i = *index.entry(*id).or_insert_with(|| {
                    positions.push(p);
                    (positions.len() - 1) as u32
                });
                if let Some(a) = previous
                    && a != i
                {
                    edges.push((a, i));
                }
                previous = Some(i);
            }
            report.missing_nodes += usize::from(missing);
        }
        let mut net = Self::build(positions, edges, report)?;
        net.names = ways
            .iter()
            .filter(|w| is_walkable(&w.tags))
            .filter_map(|w| {
                let name = w.tags.get("name")?.trim();
                let course: Vec<[f64; 2]> = w
                    .refs
                    .iter()
                    .filter_map(|id| nodes.get(id).copied())
                    .collect();
                (!name.is_empty() && course.len() >= 2).then(|| (name.to_string(), course))
            })
            .collect();
        Some(net)
    }

    /// Builds the network from line geometries (lon/lat): consecutive vertices are joined, and
    /// lines meet where they share a vertex exactly (to 1e-7 degree, about a centimetre).
    pub fn from_lines(lines: impl Iterator<Item = geo::Geometry<f64>>) -> Option<StreetNetwork> {
        let mut report = NetworkReport::default();
        let mut index: HashMap<(i64, i64), u32> = HashMap::new();
        let mut positions = Vec::new();
        let mut edges = Vec::new();
        let mut add_line = |ls: &geo::LineString<f64>, edges: &mut Vec<(u32, u32)>| {
            let mut previous: Option<u32> = None;
            for c in ls.coords() {
                let key = ((c.x * 1e7).round() as i64, (c.y * 1e7).round() as i64);
                let i = *index.entry(key).or_insert_with(|| {
                    positions.push([c.x, c.y]);
                    (positions.len() - 1) as u32
                });
                if let Some(a) = previous
                    && a != i
                {
                    edges.push((a, i));
                }
                previous = Some(i);
            }
        };
        for g in lines {
            report.ways_read += 1;
            match g {
                geo::Geometry::LineString(ls) => add_line(&ls, &mut edges),
                geo::Geometry::MultiLineString(ml) => {
                    ml.0.iter().for_each(|ls| add_line(ls, &mut edges))
                }
                _ => {
                    report.ways_not_walkable += 1;
                    continue;
                }
            }
            report.ways_walkable += 1;
        }
        Self::build(positions, edges, report)
    }

    /// Keeps the largest connected piece and builds the adjacency array.
    fn build(
        positions: Vec<[f64; 2]>,
        mut edges: Vec<(u32, u32)>,
        mut report: NetworkReport,
    ) -> Option<StreetNetwork> {
        // an edge walked by two ways is one edge
        for e in &mut edges {
            if e.0 > e.1 {
                *e = (e.1, e.0);
            }
        }
        edges.sort_unstable();
        edges.dedup();
        let mut pieces = petgraph::unionfind::UnionFind::<u32>::new(positions.len());
        for &(a, b) in &edges {
            pieces.union(a, b);
        }
        let labels = pieces.into_labeling();
        let mut size: HashMap<u32, usize> = HashMap::new();
        let mut used = vec![false; positions.len()];
        for &(a, b) in &edges {
            used[a as usize] = true;
            used[b as usize] = true;
        }
        for (i, l) in labels.iter().enumerate() {
            if used[i] {
                *size.entry(*l).or_default() += 1;
            }
        }
        report.components = size.len();
        let (&largest, _) = size
            .iter()
            .max_by_key(|(l, n)| (**n, std::cmp::Reverse(**l)))?;
        let mut remap = vec![u32::MAX; positions.len()];
        let mut nodes = Vec::new();
        for (i, p) in positions.iter().enumerate() {
            if used[i] && labels[i] == largest {
                remap[i] = nodes.len() as u32;
                nodes.push(*p);
            } else if used[i] {
                report.dropped_nodes += 1;
            }
        }
        let mut kept = Vec::with_capacity(edges.len());
        for (a, b) in edges {
            let (ra, rb) = (remap[a as usize], remap[b as usize]);
            if ra == u32::MAX {
                report.dropped_edges += 1;
                continue;
            }
            let (pa, pb) = (nodes[ra as usize], nodes[rb as usize]);
            let metres = Haversine.distance(Point::new(pa[0], pa[1]), Point::new(pb[0], pb[1]));
            kept.push((ra, rb, metres as f32));
        }
        Some(Self::from_parts(nodes, kept, report))
    }

    /// A network from nodes and undirected edges as they are (no filtering): generated grids,
    /// tests.
    pub fn from_parts(
        nodes: Vec<[f64; 2]>,
        edges: Vec<(u32, u32, f32)>,
        report: NetworkReport,
    ) -> StreetNetwork {
        let n = nodes.len();
        let mut degree = vec![0u32; n + 1];
        for &(a, b, _) in &edges {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        let mut offsets = vec![0u32; n + 1];
        for i in 0..n {
            offsets[i + 1] = offsets[i] + degree[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n] as usize];
        let mut lengths = vec![0f32; offsets[n] as usize];
        for &(a, b, w) in &edges {
            for (from, to) in [(a, b), (b, a)] {
                let slot = fill[from as usize] as usize;
                targets[slot] = to;
                lengths[slot] = w;
                fill[from as usize] += 1;
            }
        }
        StreetNetwork {
            nodes,
            edges,
            offsets,
            targets,
            lengths,
            report,
            names: Vec::new(),
        }
    }

    /// The neighbours of a node, with the length of the edge to each.
    pub fn neighbours(&self, node: u32) -> impl Iterator<Item = (u32, f32)> + '_ {
        let (s, e) = (
            self.offsets[node as usize] as usize,
            self.offsets[node as usize + 1] as usize,
        );
        self.targets[s..e]
            .iter()
            .copied()
            .zip(self.lengths[s..e].iter().copied())
    }

    /// Total length of the streets, metres.
    pub fn total_length_m(&self) -> f64 {
        self.edges.iter().map(|e| f64::from(e.2)).sum()
    }

    /// The network as lines (lon/lat), edges joined end to end between crossings and dead
    /// ends: what a project file keeps of a street file. Read back with `from_lines`, it gives
    /// the same network.
    pub fn to_lines(&self) -> Vec<geo::LineString<f64>> {
        let degree = |n: u32| self.offsets[n as usize + 1] - self.offsets[n as usize];
        let mut seen: std::collections::HashSet<(u32, u32)> =
            std::collections::HashSet::with_capacity(self.edges.len());
        let key = |a: u32, b: u32| if a < b { (a, b) } else { (b, a) };
        let coord = |n: u32| {
            let p = self.nodes[n as usize];
            geo::Coord { x: p[0], y: p[1] }
        };
        let mut lines = Vec::new();
        // from a start along one edge, on through nodes with two neighbours
        let mut walk =
            |start: u32, first: u32, seen: &mut std::collections::HashSet<(u32, u32)>| {
                let mut line = vec![coord(start), coord(first)];
                seen.insert(key(start, first));
                let mut at = first;
                while degree(at) == 2 && at != start {
                    let Some((next, _)) = self
                        .neighbours(at)
                        .find(|(n, _)| !seen.contains(&key(at, *n)))
                    else {
                        break;
                    };
                    seen.insert(key(at, next));
                    line.push(coord(next));
                    at = next;
                }
                lines.push(geo::LineString::new(line));
            };
        for n in 0..self.nodes.len() as u32 {
            if degree(n) != 2 {
                for (m, _) in self.neighbours(n).collect::<Vec<_>>() {
                    if !seen.contains(&key(n, m)) {
                        walk(n, m, &mut seen);
                    }
                }
            }
        }
        // what is left are loops where every node has two neighbours
        for &(a, b, _) in &self.edges {
            if !seen.contains(&key(a, b)) {
                walk(a, b, &mut seen);
            }
        }
        lines
    }
}

/// An OpenStreetMap way: its tags and its node ids.
#[derive(Debug, Clone, Default)]
pub struct OsmWay {
    /// Tags.
    pub tags: HashMap<String, String>,
    /// Node ids, in order.
    pub refs: Vec<i64>,
}

type OsmData = (HashMap<i64, [f64; 2]>, Vec<OsmWay>);

fn read_pbf(bytes: &[u8]) -> Result<OsmData, String> {
    use osmpbf::{Element, ElementReader};
    let mut nodes = HashMap::new();
    let mut ways = Vec::new();
    ElementReader::new(std::io::Cursor::new(bytes))
        .for_each(|e| match e {
            Element::Node(n) => {
                nodes.insert(n.id(), [n.lon(), n.lat()]);
            }
            Element::DenseNode(n) => {
                nodes.insert(n.id(), [n.lon(), n.lat()]);
            }
            Element::Way(w) => {
                let tags: HashMap<String, String> = w
                    .tags()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect();
                if tags.contains_key("highway") {
                    ways.push(OsmWay {
                        tags,
                        refs: w.refs().collect(),
                    });
                }
            }
            Element::Relation(_) => {}
        })
        .map_err(|e| e.to_string())?;
    Ok((nodes, ways))
}

/// The longest run of bytes between two `<` an OpenStreetMap XML file is read with: a tag of
/// a way or a node takes a few hundred bytes, and the parser holds a whole run in memory (a
/// gzipped gigabyte of spaces took 253 MB before this cap).
const MAX_XML_RUN: u64 = 1 << 20;

/// The error [`TagRuns`] gives past [`MAX_XML_RUN`].
#[derive(Debug, thiserror::Error)]
#[error("more than {MAX_XML_RUN} bytes without a tag, from byte {at}")]
struct RunTooLong {
    at: u64,
}

/// A reader that fails with [`RunTooLong`] once more than [`MAX_XML_RUN`] bytes pass without
/// a `<`.
struct TagRuns<R> {
    inner: R,
    /// Bytes given so far.
    read: u64,
    /// Bytes since the last `<`.
    run: u64,
}

impl<R: std::io::Read> TagRuns<R> {
    fn new(inner: R) -> Self {
        TagRuns {
            inner,
            read: 0,
            run: 0,
        }
    }
}

impl<R: std::io::Read> std::io::Read for TagRuns<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.run = match buf[..n].iter().rposition(|&b| b == b'<') {
            Some(i) => (n - i - 1) as u64,
            None => self.run + n as u64,
        };
        self.read += n as u64;
        if self.run > MAX_XML_RUN {
            let at = self.read - self.run;
            return Err(std::io::Error::other(RunTooLong { at }));
        }
        Ok(n)
    }
}

/// Why an OSM XML stream could not be read.
#[derive(Debug)]
enum XmlError {
    /// Its decompression went past what its size allows.
    TooExpanded(u64),
    /// A run of bytes without a tag longer than [`MAX_XML_RUN`], from this byte.
    NoTags(u64),
    /// The parser's reason.
    Other(String),
}

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            XmlError::TooExpanded(limit) => write!(f, "decompresses to more than {limit} bytes"),
            XmlError::NoTags(at) => write!(f, "{}", RunTooLong { at: *at }),
            XmlError::Other(reason) => f.write_str(reason),
        }
    }
}

fn read_osm_xml<R: std::io::BufRead>(input: R) -> Result<OsmData, XmlError> {
    use quick_xml::events::{BytesStart, Event};
    let mut reader = quick_xml::Reader::from_reader(input);
    let mut nodes = HashMap::new();
    let mut ways = Vec::new();
    let mut current: Option<OsmWay> = None;
    let mut buf = Vec::new();
    let attr = |e: &BytesStart, name: &[u8]| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
    };
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            if let quick_xml::Error::Io(io) = &e {
                if let Some(t) = crate::io::bounded::TooExpanded::of(io) {
                    return XmlError::TooExpanded(t.limit);
                }
                if let Some(run) = io.get_ref().and_then(|i| i.downcast_ref::<RunTooLong>()) {
                    return XmlError::NoTags(run.at);
                }
            }
            XmlError::Other(format!(
                "XML error at byte {}: {}",
                reader.buffer_position(),
                crate::i18n::cut(&e.to_string(), 200)
            ))
        })?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"node" => {
                    let id = attr(&e, b"id").and_then(|v| v.parse::<i64>().ok());
                    let lat = attr(&e, b"lat").and_then(|v| v.parse::<f64>().ok());
                    let lon = attr(&e, b"lon").and_then(|v| v.parse::<f64>().ok());
                    if let (Some(id), Some(lat), Some(lon)) = (id, lat, lon) {
                        nodes.insert(id, [lon, lat]);
                    }
                }
                b"way" => current = Some(OsmWay::default()),
                b"nd" => {
                    if let (Some(w), Some(r)) = (
                        current.as_mut(),
                        attr(&e, b"ref").and_then(|v| v.parse::<i64>().ok()),
                    ) {
                        w.refs.push(r);
                    }
                }
                b"tag" => {
                    if let (Some(w), Some(k), Some(v)) =
                        (current.as_mut(), attr(&e, b"k"), attr(&e, b"v"))
                    {
                        w.tags.insert(k, v);
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"way" => {
                if let Some(w) = current.take()
                    && w.tags.contains_key("highway")
                {
                    ways.push(w);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok((nodes, ways))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn pupils_walk_streets_and_paths_but_not_motorways_or_forbidden_ways() {
        assert!(is_walkable(&tags(&[("highway", "residential")])));
        assert!(is_walkable(&tags(&[
            ("highway", "footway"),
            ("footway", "crossing")
        ])));
        assert!(is_walkable(&tags(&[
            ("highway", "pedestrian"),
            ("area", "yes")
        ])));
        assert!(!is_walkable(&tags(&[("highway", "motorway")])));
        assert!(!is_walkable(&tags(&[("highway", "trunk")])));
        assert!(!is_walkable(&tags(&[
            ("highway", "primary"),
            ("foot", "no")
        ])));
        assert!(!is_walkable(&tags(&[
            ("highway", "service"),
            ("access", "private")
        ])));
        assert!(is_walkable(&tags(&[
            ("highway", "service"),
            ("access", "private"),
            ("foot", "yes")
        ])));
        assert!(!is_walkable(&tags(&[("building", "yes")])));
    }

    #[test]
    fn the_largest_piece_is_kept_and_the_rest_reported() {
        let mut nodes = HashMap::new();
        for i in 0..6 {
            nodes.insert(i, [2.0 + f64::from(i as i32) * 0.001, 48.0]);
        }
        let way = |refs: Vec<i64>, highway: &str| OsmWay {
            tags: tags(&[("highway", highway)]),
            refs,
        };
        let ways = vec![
            way(vec![0, 1, 2], "residential"),
            way(vec![2, 3], "footway"),
            way(vec![4, 5], "residential"),
            way(vec![3, 4], "motorway"),
            way(vec![3, 99], "path"),
        ];
        let n = StreetNetwork::from_osm(&nodes, &ways).unwrap();
        assert_eq!(n.nodes.len(), 4);
        assert_eq!(n.edges.len(), 3);
        assert_eq!(n.report.components, 2);
        assert_eq!(n.report.dropped_nodes, 2);
        assert_eq!(n.report.dropped_edges, 1);
        assert_eq!(n.report.ways_not_walkable, 1);
        assert_eq!(n.report.missing_nodes, 1);
        // 0.001 degree of longitude at 48° north is about 74 m
        let len = n.total_length_m();
        assert!((len - 3.0 * 74.4).abs() < 1.0, "{len}");
        assert!(n.names.is_empty(), "no way has a name");
    }

    #[test]
    fn named_walkable_ways_keep_their_names_and_courses() {
        let nodes: HashMap<i64, [f64; 2]> = (0..4)
            .map(|i| (i, [2.0 + f64::from(i as i32) * 0.001, 48.0]))
            .collect();
        let ways = vec![
            OsmWay {
                tags: tags(&[("highway", "residential"), ("name", "Rue des Écoles")]),
                refs: vec![0, 1, 2],
            },
            OsmWay {
                tags: tags(&[("highway", "motorway"), ("name", "A 84")]),
                refs: vec![2, 3],
            },
            OsmWay {
                tags: tags(&[("highway", "footway"), ("name", "  ")]),
                refs: vec![2, 3],
            },
        ];
        let n = StreetNetwork::from_osm(&nodes, &ways).unwrap();
        assert_eq!(n.names.len(), 1, "{:?}", n.names);
        assert_eq!(n.names[0].0, "Rue des Écoles");
        assert_eq!(n.names[0].1.len(), 3);
    }

    #[test]
    fn lines_written_out_read_back_as_the_same_network() {
        // a grid (crossings), a dead end and a ring (every node with two neighbours)
        let g = crate::routing::matrix::grid(4, 100.0, 2.0, 48.0);
        let mut lines: Vec<geo::Geometry<f64>> = g
            .to_lines()
            .into_iter()
            .map(geo::Geometry::LineString)
            .collect();
        let ring = geo::LineString::from(vec![
            (3.0, 49.0),
            (3.001, 49.0),
            (3.001, 49.001),
            (3.0, 49.0),
        ]);
        let ring_net =
            StreetNetwork::from_lines(std::iter::once(geo::Geometry::LineString(ring))).unwrap();
        let ring_lines = ring_net.to_lines();
        assert_eq!(ring_lines.len(), 1, "a ring is one line");
        assert_eq!(ring_lines[0].0.len(), 4);
        let back = StreetNetwork::from_lines(lines.drain(..)).unwrap();
        assert_eq!(back.nodes.len(), g.nodes.len());
        assert_eq!(back.edges.len(), g.edges.len());
        assert!((back.total_length_m() - g.total_length_m()).abs() < 0.5);
        // joined between crossings: fewer lines than edges
        assert!(g.to_lines().len() < g.edges.len());
        let again =
            StreetNetwork::from_lines(ring_lines.into_iter().map(geo::Geometry::LineString))
                .unwrap();
        assert_eq!(again.edges.len(), 3);
    }

    #[test]
    fn xml_with_megabytes_between_two_tags_is_refused_before_it_is_held() {
        use std::io::Write;
        let street = r#"<node id="1" lat="48.1" lon="-1.6"/><node id="2" lat="48.101" lon="-1.6"/>
            <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/></way>"#;
        let osm = |gap: usize| {
            let mut x = format!(r#"<?xml version="1.0"?><osm version="0.6">{street}"#);
            x.push_str(&" ".repeat(gap));
            x.push_str("</osm>");
            x.into_bytes()
        };
        let gzip = |bytes: &[u8]| {
            let mut g = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            g.write_all(bytes).unwrap();
            g.finish().unwrap()
        };
        // a run just under the cap is read, plain or gzipped (read in many chunks)
        let fine = osm(MAX_XML_RUN as usize - 10);
        assert!(StreetNetwork::read_bytes("a.osm", &fine).is_ok());
        assert!(StreetNetwork::read_bytes("a.osm.gz", &gzip(&fine)).is_ok());
        // 4 MB of spaces: refused, naming where the run starts
        let spaces = osm(4 << 20);
        let start = spaces.len() - (4 << 20) - "</osm>".len();
        for (name, bytes) in [("b.osm", spaces.clone()), ("b.osm.gz", gzip(&spaces))] {
            match StreetNetwork::read_bytes(name, &bytes) {
                Err(NetworkError::NoTags { at, max, .. }) => {
                    // the run counted from just after the last `<`, that of `</way>`
                    assert!(at <= start as u64 && at + 10 > start as u64, "{name}: {at}");
                    assert_eq!(max, MAX_XML_RUN);
                }
                other => panic!("{name}: {other:?}"),
            }
        }
    }
}
