//! Reading the open-data files users bring: GeoJSON (with or without a `crs` member) and CSV
//! (`;`, `,` or tab; UTF-8 with or without BOM, or Windows-1252/latin-1; decimal commas;
//! coordinates in columns). Everything becomes a [`Layer`] of features in WGS84 longitude/latitude
//! with their attributes, and a [`Report`] of every problem met on the way. A broken feature or
//! row is reported and skipped; the rest loads.

use std::collections::BTreeMap;
use std::path::Path;

use geo::MapCoords;

use super::crs::ToWgs84;
use super::report::{ProblemKind, Reason, Report, Severity};

/// An attribute value as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Empty or null.
    Null,
    /// A number.
    Number(f64),
    /// Text (numbers in text are read by [`Value::number`]).
    Text(String),
}

impl Value {
    /// The value as a number: `Ok(None)` when empty or marked not significant ("NS", "NA", "-"),
    /// `Err` with the text when it is not a number. Decimal commas and spaces between thousands
    /// are understood.
    pub fn number(&self) -> Result<Option<f64>, String> {
        match self {
            Value::Null => Ok(None),
            Value::Number(x) => Ok(Some(*x)),
            Value::Text(s) => {
                let t = s.trim();
                if t.is_empty() || ["NS", "NA", "N/A", "-", "nd", "ND", "s"].contains(&t) {
                    return Ok(None);
                }
                let cleaned: String = t
                    .chars()
                    .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                    .map(|c| if c == ',' { '.' } else { c })
                    .collect();
                cleaned
                    .parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite())
                    .map(Some)
                    .ok_or_else(|| t.to_string())
            }
        }
    }

    /// The value as text (numbers written without a trailing ".0").
    pub fn text(&self) -> Option<String> {
        match self {
            Value::Null => None,
            Value::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
                Some(format!("{}", *x as i64))
            }
            Value::Number(x) => Some(x.to_string()),
            Value::Text(s) if s.trim().is_empty() => None,
            Value::Text(s) => Some(s.trim().to_string()),
        }
    }
}

/// A feature's attributes: by name for GeoJSON and Shapefile features, or a CSV row as the
/// reader gave it, its fields packed in one buffer (a table of a million rows would otherwise
/// take ten times its size).
#[derive(Debug, Clone)]
pub enum Props {
    /// Attributes by name.
    Map(BTreeMap<String, Value>),
    /// A table's row: the table's column names, and the row's fields in their order.
    Row(std::sync::Arc<[String]>, Row),
}

/// A table's row at its own size: its fields' text end to end, and where each ends (a
/// `csv::StringRecord` takes 280 bytes more for a row of 80, in its three allocations).
#[derive(Debug, Clone)]
pub struct Row {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl Row {
    /// The row of a record, its text read in the table's encoding; `None` for a row of 4 GB
    /// or more.
    fn of(record: &csv::ByteRecord, encoding: &'static encoding_rs::Encoding) -> Option<Row> {
        let mut text = String::with_capacity(record.as_slice().len());
        let mut ends = Vec::with_capacity(record.len());
        for field in record {
            text.push_str(&encoding.decode_without_bom_handling(field).0);
            ends.push(u32::try_from(text.len()).ok()?);
        }
        Some(Row {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        })
    }

    /// The field at `i`, if the row has one.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j] as usize);
        self.text.get(start..end)
    }

    /// The fields in their order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).filter_map(|i| self.get(i))
    }
}

impl Default for Props {
    fn default() -> Self {
        Props::Map(BTreeMap::new())
    }
}

impl Props {
    /// Every attribute's value, in the order of their names (a row's in its columns' order).
    pub fn values(&self) -> Vec<Value> {
        match self {
            Props::Map(m) => m.values().cloned().collect(),
            Props::Row(_, record) => record.iter().map(|v| Value::Text(v.to_string())).collect(),
        }
    }

    /// The attribute of that name, if any (a row's field as text).
    pub fn get(&self, name: &str) -> Option<Value> {
        match self {
            Props::Map(m) => m.get(name).cloned(),
            Props::Row(names, record) => {
                let i = names.iter().position(|n| n == name)?;
                record.get(i).map(|v| Value::Text(v.to_string()))
            }
        }
    }
}

/// Where a feature stands in its file, counted as users count: from 1, a table's header being
/// its row 1. Written "feature 12" or "row 40", the words reports carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The n-th feature of a GeoJSON file or a shapefile.
    Feature(u32),
    /// The n-th line of a table.
    Row(u32),
}

impl Place {
    /// The feature at `index` (from 0).
    pub fn feature(index: usize) -> Place {
        Place::Feature(u32::try_from(index + 1).unwrap_or(u32::MAX))
    }

    /// The table row at `index` (from 0, the header left out).
    pub fn row(index: usize) -> Place {
        Place::Row(u32::try_from(index + 2).unwrap_or(u32::MAX))
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Place::Feature(n) => write!(f, "feature {n}"),
            Place::Row(n) => write!(f, "row {n}"),
        }
    }
}

/// One feature or row: 64 bytes, besides its attributes' text (a table of a million rows
/// holds a million of them).
#[derive(Debug, Clone)]
pub struct Feature {
    /// Where it is in its file.
    pub place: Place,
    /// Its geometry in lon/lat, when it has a usable one (boxed: a table's rows have none, or
    /// a point).
    pub geometry: Option<Box<geo::Geometry<f64>>>,
    /// Its attributes.
    pub props: Props,
}

/// A file's features.
#[derive(Debug, Clone)]
pub struct Layer {
    /// The file name.
    pub file: String,
    /// Column names, in the file's order.
    pub fields: Vec<String>,
    /// The features or rows that could be read.
    pub features: Vec<Feature>,
    /// The coordinate system the coordinates were read in, as the file names it (empty for a
    /// table without coordinates); `check` says it.
    pub crs: String,
    /// The text encoding the attributes were read in.
    pub encoding: &'static str,
}

/// The encoding `decode_text` reads these bytes in.
fn text_encoding(bytes: &[u8]) -> &'static str {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(bytes).is_ok() {
        "UTF-8"
    } else {
        "Windows-1252"
    }
}

/// The name a WKT definition gives its system (`RGF93_Lambert_93`), or its first words.
fn wkt_name(wkt: &str) -> String {
    wkt.split('"')
        .nth(1)
        .map(str::to_string)
        .unwrap_or_else(|| wkt.chars().take(60).collect())
}

impl Layer {
    /// True when no feature has a geometry (a plain table).
    pub fn is_table(&self) -> bool {
        self.features.iter().all(|f| f.geometry.is_none())
    }
}

/// The kind a file's name says it is, before reading it: a shapefile part, or a format that
/// is not read at all.
pub fn refusal_by_name(path: &Path) -> Option<super::report::Refusal> {
    use super::report::Refusal;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.ends_with(".topojson") || name.ends_with(".topo.json") {
        return Some(Refusal::Unsupported("TopoJSON".into()));
    }
    match ext.as_str() {
        "dbf" | "shx" | "prj" | "cpg" | "qix" | "sbn" | "sbx" | "qmd" => {
            Some(Refusal::ShapefilePart)
        }
        "gpx" => Some(Refusal::Unsupported("GPX".into())),
        "gml" => Some(Refusal::Unsupported("GML".into())),
        "gdb" | "gdbtable" => Some(Refusal::Unsupported("FileGDB".into())),
        "kml" | "kmz" => Some(Refusal::Unsupported("KML".into())),
        "gpkg" => Some(Refusal::Unsupported("GeoPackage".into())),
        "xls" | "xlsx" | "ods" => Some(Refusal::Unsupported("tableur".into())),
        _ => None,
    }
}

/// Reads a GeoJSON or CSV file. `None` when the file cannot be used at all (the report says why).
pub fn read_layer(path: &Path) -> (Option<Layer>, Report) {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut report = Report::default();
    if let Some(refusal) = refusal_by_name(path) {
        report.push(
            &file,
            None,
            None,
            Severity::Fatal,
            ProblemKind::NotReadHere { refusal },
        );
        return (None, report);
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "csv" | "txt" | "tsv") {
        // a table is read as a stream, never held whole
        let layer = read_csv(&file, || std::fs::File::open(path), &mut report);
        return (layer, report);
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            report.push(
                &file,
                None,
                None,
                Severity::Fatal,
                ProblemKind::Unreadable { reason: e.into() },
            );
            return (None, report);
        }
    };
    let layer = match ext.as_str() {
        "shp" => {
            let side = |ext: &str| {
                // the companion files, whatever the case of their extension
                [ext.to_string(), ext.to_ascii_uppercase()]
                    .iter()
                    .find_map(|e| std::fs::read(path.with_extension(e)).ok())
            };
            let parts = ShapefileParts {
                shp: bytes,
                shx: side("shx"),
                dbf: side("dbf"),
                prj: side("prj").map(|b| decode_text(&b)),
                cpg: side("cpg").map(|b| decode_text(&b)),
            };
            read_shapefile(&file, parts, &mut report)
        }
        "zip" => read_zip(&file, &bytes, &mut report),
        _ => read_geojson(&file, &bytes, &mut report),
    };
    (layer, report)
}

/// Reads a file already in memory, by the kind its name says (GeoJSON, CSV, a lone `.shp`
/// without companions, or a zipped shapefile). For callers that do not read from disk, and for
/// the fuzz targets.
pub fn read_layer_bytes(name: &str, bytes: &[u8]) -> (Option<Layer>, Report) {
    let mut report = Report::default();
    let lower = name.to_ascii_lowercase();
    let layer = if lower.ends_with(".csv") || lower.ends_with(".txt") || lower.ends_with(".tsv") {
        read_csv(name, || Ok(bytes), &mut report)
    } else if lower.ends_with(".shp") {
        let parts = ShapefileParts {
            shp: bytes.to_vec(),
            shx: None,
            dbf: None,
            prj: None,
            cpg: None,
        };
        read_shapefile(name, parts, &mut report)
    } else if lower.ends_with(".zip") {
        read_zip(name, bytes, &mut report)
    } else {
        read_geojson(name, bytes, &mut report)
    };
    (layer, report)
}

/// The text of a file: UTF-8 (a BOM is dropped), or Windows-1252 when it is not valid UTF-8
/// (latin-1 files from spreadsheets).
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The EPSG code a GeoJSON `crs` name stands for (4326 for CRS84), if any.
fn epsg_of_crs_name(name: &str) -> Option<u16> {
    let n = name.to_ascii_uppercase();
    if n.ends_with("CRS84") || n.ends_with("CRS:84") {
        return Some(4326);
    }
    let digits: String = n
        .rsplit(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())?
        .to_string();
    (n.contains("EPSG")).then(|| digits.parse().ok()).flatten()
}

/// A feature as read, before its coordinates are converted (the file's projection may be
/// declared after its features).
struct RawFeature {
    place: Place,
    geometry: Option<geo::Geometry<f64>>,
    props: BTreeMap<String, Value>,
}

/// A feature as it stands in the text: its attributes, and its geometry left as text, to be
/// read straight into coordinates (never as a JSON tree, which takes ten times the memory).
#[derive(serde::Deserialize)]
struct FeatureText<'a> {
    #[serde(default)]
    properties: Option<serde_json::Value>,
    #[serde(default, borrow)]
    geometry: Option<&'a serde_json::value::RawValue>,
}

/// Reads one feature's attributes (their text moved, never copied) and geometry (its JSON text;
/// `None` or `null`: none); what is wrong goes in the report.
fn raw_feature(
    properties: Option<serde_json::Value>,
    geometry: Option<&str>,
    index: usize,
    file: &str,
    fields: &mut Vec<String>,
    report: &mut Report,
) -> RawFeature {
    let place = Place::feature(index);
    let mut props = BTreeMap::new();
    if let Some(serde_json::Value::Object(obj)) = properties {
        for (k, v) in obj {
            if !fields.contains(&k) {
                fields.push(k.clone());
            }
            let value = match v {
                serde_json::Value::Null => Value::Null,
                serde_json::Value::Number(n) => {
                    n.as_f64().map(Value::Number).unwrap_or(Value::Null)
                }
                serde_json::Value::String(s) => Value::Text(s),
                other => Value::Text(other.to_string()),
            };
            props.insert(k, value);
        }
    }
    let geometry = match geometry.map(str::trim) {
        None | Some("null") => {
            report.push(
                file,
                Some(place.to_string()),
                Some("geometry"),
                Severity::Skipped,
                ProblemKind::NullGeometry,
            );
            None
        }
        Some(g) => match parse_geometry(g) {
            Ok(g) => Some(g),
            Err(reason) => {
                report.push(
                    file,
                    Some(place.to_string()),
                    Some("geometry"),
                    Severity::Skipped,
                    ProblemKind::BrokenGeometry { reason },
                );
                None
            }
        },
    };
    RawFeature {
        place,
        geometry,
        props,
    }
}

/// A feature held whole as JSON (the root of a file that is one feature or one geometry).
fn raw_feature_of_value(
    feature: &serde_json::Value,
    file: &str,
    fields: &mut Vec<String>,
    report: &mut Report,
) -> RawFeature {
    let geometry = feature.get("geometry").map(|g| g.to_string());
    raw_feature(
        feature.get("properties").cloned(),
        geometry.as_deref(),
        0,
        file,
        fields,
        report,
    )
}

/// The top of a GeoJSON text: its members, except `features`, which is read one feature at a
/// time (each turned into a [`RawFeature`] and its JSON dropped), so that a large file never
/// exists as one JSON tree in memory.
struct Top {
    members: serde_json::Map<String, serde_json::Value>,
    /// `None`: no `features` member; `Some(None)`: one that is not a list.
    features: Option<Option<Vec<RawFeature>>>,
}

/// A GeoJSON member of the wrong kind (a number, a string… where an object or a list is
/// expected) is read as `None`, for the caller to say what was expected.
macro_rules! scalars_are_none {
    () => {
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    };
}

struct TopSeed<'a> {
    file: &'a str,
    fields: &'a mut Vec<String>,
    report: &'a mut Report,
}

impl<'de> serde::de::DeserializeSeed<'de> for TopSeed<'_> {
    type Value = Option<Top>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for TopSeed<'_> {
    type Value = Option<Top>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a GeoJSON object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut top = Top {
            members: serde_json::Map::new(),
            features: None,
        };
        while let Some(key) = map.next_key::<String>()? {
            if key == "features" {
                top.features = Some(map.next_value_seed(FeaturesSeed {
                    file: self.file,
                    fields: self.fields,
                    report: self.report,
                })?);
            } else {
                let v = map.next_value::<serde_json::Value>()?;
                top.members.insert(key, v);
            }
        }
        Ok(Some(top))
    }
    // anything else than an object is not GeoJSON: said by the caller
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    scalars_are_none!();
}

struct FeaturesSeed<'a> {
    file: &'a str,
    fields: &'a mut Vec<String>,
    report: &'a mut Report,
}

impl<'de> serde::de::DeserializeSeed<'de> for FeaturesSeed<'_> {
    type Value = Option<Vec<RawFeature>>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for FeaturesSeed<'_> {
    type Value = Option<Vec<RawFeature>>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of features")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(raw) = seq.next_element::<FeatureText<'de>>()? {
            out.push(raw_feature(
                raw.properties,
                raw.geometry.map(|g| g.get()),
                out.len(),
                self.file,
                self.fields,
                self.report,
            ));
        }
        Ok(Some(out))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(None)
    }
    scalars_are_none!();
}

fn read_geojson(file: &str, bytes: &[u8], report: &mut Report) -> Option<Layer> {
    let mut fields: Vec<String> = Vec::new();
    let parsed = {
        use serde::de::DeserializeSeed;
        let seed = TopSeed {
            file,
            fields: &mut fields,
            report,
        };
        // UTF-8 is read in place; only a Windows-1252 file is decoded to a copy first
        let utf8 = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(utf8) {
            Ok(text) => {
                let mut d = serde_json::Deserializer::from_str(text);
                seed.deserialize(&mut d).and_then(|t| d.end().map(|()| t))
            }
            Err(_) => {
                let text = decode_text(bytes);
                let mut d = serde_json::Deserializer::from_str(&text);
                seed.deserialize(&mut d).and_then(|t| d.end().map(|()| t))
            }
        }
    };
    let top = match parsed {
        Ok(Some(top)) => top,
        Ok(None) => {
            report.push(
                file,
                None,
                Some("type"),
                Severity::Fatal,
                ProblemKind::BadFormat {
                    reason: Reason::NotGeoJsonType(String::new()),
                },
            );
            return None;
        }
        Err(e) => {
            report.push(
                file,
                Some(format!("line {}, column {}", e.line(), e.column())),
                None,
                Severity::Fatal,
                ProblemKind::BadFormat {
                    reason: Reason::NotJson(crate::i18n::cut(&e.to_string(), 200)),
                },
            );
            return None;
        }
    };
    let root = serde_json::Value::Object(top.members);
    // the projection, if declared
    let crs_name = root
        .pointer("/crs/properties/name")
        .and_then(|v| v.as_str())
        .map(str::to_string);
    let convert = match &crs_name {
        None => None,
        Some(name) => geojson_projection(file, name, report)?,
    };
    let kind = root.get("type").and_then(|t| t.as_str()).unwrap_or("");
    let raw_features: Vec<RawFeature> = match (kind, top.features) {
        ("FeatureCollection", Some(Some(features))) => features,
        ("FeatureCollection", _) => {
            report.push(
                file,
                None,
                Some("features"),
                Severity::Fatal,
                ProblemKind::BadFormat {
                    reason: Reason::NoFeatureList,
                },
            );
            return None;
        }
        ("Feature", _) => vec![raw_feature_of_value(&root, file, &mut fields, report)],
        (
            "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon"
            | "GeometryCollection",
            _,
        ) => {
            let feature =
                serde_json::json!({ "type": "Feature", "geometry": root, "properties": {} });
            vec![raw_feature_of_value(&feature, file, &mut fields, report)]
        }
        (other, _) => {
            report.push(
                file,
                None,
                Some("type"),
                Severity::Fatal,
                ProblemKind::BadFormat {
                    reason: Reason::NotGeoJsonType(crate::i18n::cut(other, 60)),
                },
            );
            return None;
        }
    };
    let mut features = Vec::with_capacity(raw_features.len());
    let mut checked_range = false;
    for raw in raw_features {
        let Ok(geometry) = to_lon_lat(
            raw.geometry,
            convert.as_ref(),
            &mut checked_range,
            (file, raw.place, "crs"),
            report,
        ) else {
            return None;
        };
        features.push(Feature {
            place: raw.place,
            geometry: geometry.map(Box::new),
            props: Props::Map(raw.props),
        });
    }
    Some(Layer {
        file: file.to_string(),
        fields,
        features,
        crs: crs_name.unwrap_or_else(|| "WGS84 (EPSG:4326)".into()),
        encoding: text_encoding(bytes),
    })
}

/// The conversion a GeoJSON's declared projection needs (None: already WGS84); an unknown one is
/// refused, said so.
fn geojson_projection(file: &str, name: &str, report: &mut Report) -> Option<Option<ToWgs84>> {
    let known = match epsg_of_crs_name(name) {
        Some(4326) => return Some(None),
        Some(code) => ToWgs84::from_epsg(code).ok(),
        None => None,
    };
    if known.is_none() {
        report.push(
            file,
            None,
            Some("crs"),
            Severity::Fatal,
            ProblemKind::UnknownProjection {
                declared: name.to_string(),
            },
        );
        return None;
    }
    Some(known)
}

/// A feature's geometry in lon/lat: converted from the declared projection, or, with none
/// declared, checked to be longitudes/latitudes (on the first coordinate of the file; `Err` when
/// it is not, which makes the whole file unusable: nothing is guessed). A point that cannot be
/// converted drops the feature, said so.
fn to_lon_lat(
    geometry: Option<geo::Geometry<f64>>,
    convert: Option<&ToWgs84>,
    checked_range: &mut bool,
    (file, place, crs_field): (&str, Place, &str),
    report: &mut Report,
) -> Result<Option<geo::Geometry<f64>>, ()> {
    // a coordinate that is not a number (NaN, infinite) makes the geometry unusable
    let geometry = geometry.filter(|g| {
        use geo::CoordsIter;
        let finite = g.coords_iter().all(|c| c.x.is_finite() && c.y.is_finite());
        if !finite {
            report.push(
                file,
                Some(place.to_string()),
                Some("geometry"),
                Severity::Skipped,
                ProblemKind::BrokenGeometry {
                    reason: Reason::NotANumberCoordinate,
                },
            );
        }
        finite
    });
    let geometry = match (geometry, convert) {
        (Some(g), Some(c)) => {
            match g.try_map_coords(|p| c.convert(p.x, p.y).map(|(x, y)| geo::coord! {x: x, y: y})) {
                Ok(g) => Some(g),
                Err(e) => {
                    report.push(
                        file,
                        Some(place.to_string()),
                        Some("geometry"),
                        Severity::Skipped,
                        ProblemKind::BrokenGeometry {
                            reason: Reason::Projection(e.to_string()),
                        },
                    );
                    None
                }
            }
        }
        (g, _) => g,
    };
    // converted coordinates must land where the declared projection is used: a file in another
    // projection than it says converts to somewhere absurd (the first feature refuses the file,
    // a later one is left out)
    if let (Some(g), Some(c)) = (&geometry, convert) {
        use geo::CoordsIter;
        if let Some(p) = g.coords_iter().next()
            && let Some(area) = c.area()
            && !area.contains(p.x, p.y)
        {
            let first = !*checked_range;
            *checked_range = true;
            report.push(
                file,
                Some(place.to_string()),
                Some(crs_field),
                if first {
                    Severity::Fatal
                } else {
                    Severity::Skipped
                },
                ProblemKind::OutsideProjectionArea {
                    lon: p.x,
                    lat: p.y,
                    area: area.name.to_string(),
                },
            );
            return if first { Err(()) } else { Ok(None) };
        }
        *checked_range = true;
    }
    if !*checked_range && let Some(g) = &geometry {
        use geo::CoordsIter;
        if let Some(c) = g.coords_iter().next() {
            *checked_range = true;
            if !(c.x.abs() <= 180.0 && c.y.abs() <= 90.0) {
                report.push(
                    file,
                    Some(place.to_string()),
                    Some(crs_field),
                    Severity::Fatal,
                    ProblemKind::ProjectedWithoutCrs { x: c.x, y: c.y },
                );
                return Err(());
            }
        }
    }
    // every point of a lon/lat geometry lies on the Earth
    let geometry = geometry.filter(|g| {
        use geo::CoordsIter;
        let on_earth = g
            .coords_iter()
            .all(|c| c.x.abs() <= 180.0 && c.y.abs() <= 90.0);
        if !on_earth {
            report.push(
                file,
                Some(place.to_string()),
                Some("geometry"),
                Severity::Skipped,
                ProblemKind::BrokenGeometry {
                    reason: Reason::OffEarth,
                },
            );
        }
        on_earth
    });
    Ok(geometry)
}

/// One GeoJSON geometry, converted defensively: a malformed one is an error, never a panic.
fn parse_geometry(g: &str) -> Result<geo::Geometry<f64>, Reason> {
    let parsed: geojson::Geometry = serde_json::from_str(g)
        .map_err(|e| Reason::GeoJsonStructure(crate::i18n::cut(&e.to_string(), 200)))?;
    check_positions(&parsed.value, true)?;
    geo::Geometry::<f64>::try_from(&parsed.value)
        .map_err(|e| Reason::GeoJsonStructure(e.to_string()))
}

/// Every position has at least two finite numbers (the GeoJSON conversion indexes the second
/// without looking) and, when `rings` is asked, every ring has at least four positions and is
/// closed.
pub(crate) fn check_positions(v: &geojson::GeometryValue, rings: bool) -> Result<(), Reason> {
    use geojson::GeometryValue as G;
    let pos = |p: &geojson::Position| {
        if p.len() >= 2 && p.as_slice().iter().all(|x| x.is_finite()) {
            Ok(())
        } else {
            Err(Reason::BadPosition(p.len()))
        }
    };
    let ring = |r: &[geojson::Position]| -> Result<(), Reason> {
        r.iter().try_for_each(pos)?;
        if !rings {
            return Ok(());
        }
        if r.len() < 4 {
            return Err(Reason::ShortRing(r.len()));
        }
        if r.first() != r.last() {
            return Err(Reason::OpenRing);
        }
        Ok(())
    };
    match v {
        G::Point { coordinates } => pos(coordinates),
        G::MultiPoint { coordinates } | G::LineString { coordinates } => {
            coordinates.iter().try_for_each(pos)
        }
        G::MultiLineString { coordinates } => coordinates.iter().flatten().try_for_each(pos),
        G::Polygon { coordinates } => coordinates.iter().try_for_each(|r| ring(r)),
        G::MultiPolygon { coordinates } => coordinates.iter().flatten().try_for_each(|r| ring(r)),
        G::GeometryCollection { geometries } => geometries
            .iter()
            .try_for_each(|g| check_positions(&g.value, rings)),
    }
}

/// The files of one shapefile, read into memory.
struct ShapefileParts {
    shp: Vec<u8>,
    shx: Option<Vec<u8>>,
    dbf: Option<Vec<u8>>,
    prj: Option<String>,
    cpg: Option<String>,
}

/// The text encoding of a `.dbf`: from the `.cpg` when there is one (its usual spellings
/// included: "UTF-8", "1252", "ISO88591", "latin1"...), otherwise UTF-8 when the bytes are valid
/// UTF-8, otherwise Windows-1252 (which reads latin-1 too).
fn dbf_encoding(cpg: Option<&str>, dbf: &[u8]) -> &'static encoding_rs::Encoding {
    if let Some(label) = cpg.map(|c| c.trim().to_ascii_lowercase()) {
        let mapped = match label.replace(['-', '_', ' '], "").as_str() {
            "utf8" | "65001" => Some(encoding_rs::UTF_8),
            "1252" | "cp1252" | "windows1252" | "ansi1252" | "88591" | "iso88591" | "latin1"
            | "latin" => Some(encoding_rs::WINDOWS_1252),
            "936" | "cp936" | "gbk" => Some(encoding_rs::GBK),
            "88595" | "iso88595" => Some(encoding_rs::ISO_8859_5),
            _ => None,
        };
        if let Some(e) = mapped.or_else(|| encoding_rs::Encoding::for_label(label.as_bytes())) {
            return e;
        }
    }
    if std::str::from_utf8(dbf).is_ok() {
        encoding_rs::UTF_8
    } else {
        encoding_rs::WINDOWS_1252
    }
}

fn read_zip(file: &str, bytes: &[u8], report: &mut Report) -> Option<Layer> {
    let fail = |report: &mut Report, reason: Reason| {
        report.push(
            file,
            None,
            None,
            Severity::Fatal,
            ProblemKind::BadFormat { reason },
        );
        None
    };
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => return fail(report, Reason::NotZip(e.to_string())),
    };
    // the first shapefile inside, with its companions
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let Some(shp_name) = names
        .iter()
        .find(|n| n.to_ascii_lowercase().ends_with(".shp"))
        .cloned()
    else {
        return fail(report, Reason::NoShpInZip);
    };
    let stem = &shp_name[..shp_name.len() - 4];
    type Part = Result<Vec<u8>, Option<(String, u64, u64)>>;
    let mut read = |ext: &str| -> Option<Part> {
        let name = names
            .iter()
            .find(|n| {
                n.len() == stem.len() + 4
                    && n.starts_with(stem)
                    && n.to_ascii_lowercase().ends_with(ext)
            })?
            .clone();
        let entry = match archive.by_name(&name) {
            Ok(e) => e,
            Err(_) => return Some(Err(None)),
        };
        // never more than the entry says it holds, nor than its compressed size allows
        let stated = entry.size();
        let limit = super::bounded::allowance(entry.compressed_size());
        if stated > limit {
            return Some(Err(Some((name, stated, limit))));
        }
        let mut out = Vec::new();
        let capped = super::bounded::Capped::new(entry, stated.min(limit));
        match std::io::Read::read_to_end(&mut std::io::Read::take(capped, limit), &mut out) {
            Ok(_) => Some(Ok(out)),
            Err(e) => match super::bounded::TooExpanded::of(&e) {
                Some(t) => Some(Err(Some((name, t.limit + 1, limit)))),
                None => Some(Err(None)),
            },
        }
    };
    let mut bomb = None;
    let mut part = |ext: &str| match read(ext) {
        Some(Ok(b)) => Some(b),
        Some(Err(Some(b))) => {
            bomb.get_or_insert(b);
            None
        }
        _ => None,
    };
    let shp = part(".shp");
    let parts = (part(".shx"), part(".dbf"), part(".prj"), part(".cpg"));
    if let Some((name, size, limit)) = bomb {
        return fail(report, Reason::TooExpanded(name, size, limit));
    }
    let Some(shp) = shp else {
        return fail(report, Reason::NotInArchive(shp_name));
    };
    let parts = ShapefileParts {
        shp,
        shx: parts.0,
        dbf: parts.1,
        prj: parts.2.map(|b| decode_text(&b)),
        cpg: parts.3.map(|b| decode_text(&b)),
    };
    read_shapefile(file, parts, report)
}

/// The length of the `.shp`'s leading run of well-formed records, and the number of the first
/// record that is not (1-based). Every record's declared sizes must fit in the file and agree
/// with its point and part counts: a damaged or hostile file could otherwise make the reader
/// ask for gigabytes.
fn sane_shp_prefix(shp: &[u8]) -> (usize, Option<usize>) {
    let be = |at: usize| -> Option<i64> {
        Some(i64::from(i32::from_be_bytes(
            shp.get(at..at + 4)?.try_into().ok()?,
        )))
    };
    let le = |at: usize| -> Option<i64> {
        Some(i64::from(i32::from_le_bytes(
            shp.get(at..at + 4)?.try_into().ok()?,
        )))
    };
    let mut at = 100;
    let mut record = 1;
    while at < shp.len() {
        let ok = (|| -> Option<usize> {
            let content = usize::try_from(be(at + 4)? * 2).ok()?;
            let start = at + 8;
            if content < 4 || start + content > shp.len() {
                return None;
            }
            let need = match le(start)? {
                0 | 1 | 11 | 21 => 4,
                8 | 18 | 28 => 40 + 16 * usize::try_from(le(start + 36)?).ok()?,
                kind @ (3 | 5 | 13 | 15 | 23 | 25 | 31) => {
                    let parts = usize::try_from(le(start + 36)?).ok()?;
                    let points = usize::try_from(le(start + 40)?).ok()?;
                    // each part starts at a point of the record, in order
                    let mut previous = 0;
                    for k in 0..parts {
                        let first = usize::try_from(le(start + 44 + 4 * k)?).ok()?;
                        if first < previous || first >= points.max(1) {
                            return None;
                        }
                        previous = first;
                    }
                    let per_part = if kind == 31 { 8 } else { 4 };
                    44usize
                        .checked_add(parts.checked_mul(per_part)?)?
                        .checked_add(points.checked_mul(16)?)?
                }
                _ => return None,
            };
            (need <= content).then_some(start + content)
        })();
        match ok {
            Some(next) => {
                at = next;
                record += 1;
            }
            None => return (at, Some(record)),
        }
    }
    (shp.len(), None)
}

/// Deepest nesting a `.prj` may have: real ones nest about six levels; a file nested thousands
/// deep would overflow the parser's stack.
const MAX_WKT_DEPTH: usize = 32;

/// How deep brackets nest in a text, as a WKT parser sees them: those inside quoted names do not
/// count (a name full of closing brackets once hid a file nested 1,249 deep, found by fuzzing).
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut quoted) = (0usize, 0usize, false);
    for c in text.chars() {
        match c {
            // a doubled quote inside a name closes and opens again: the same
            '"' => quoted = !quoted,
            _ if quoted => {}
            '[' | '(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ']' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The converter a `.prj` declares, or `None` when it cannot be read (too deep to be a real
/// one, or a projection the library does not know).
/// The conversion to WGS84 a `.prj`'s WKT describes, if it is one this reader knows; a WKT
/// nested deeper than any real one is refused before it is parsed.
pub fn converter_of(wkt: &str) -> Option<ToWgs84> {
    if nesting_depth(wkt) > MAX_WKT_DEPTH {
        return None;
    }
    let proj = proj4wkt::wkt_to_projstring(wkt).ok()?;
    ToWgs84::from_proj_string(&proj).ok()
}

fn read_shapefile(file: &str, mut parts: ShapefileParts, report: &mut Report) -> Option<Layer> {
    use std::io::Cursor;
    trim_damaged_shp(file, &mut parts, report)?;
    let fatal = |report: &mut Report, kind: ProblemKind| {
        report.push(file, None, None, Severity::Fatal, kind);
        None
    };
    // projection from the .prj, if any
    let convert = match &parts.prj {
        None => None,
        Some(wkt) => match converter_of(wkt) {
            Some(c) => Some(c),
            None => {
                return fatal(
                    report,
                    ProblemKind::UnknownProjection {
                        declared: wkt.chars().take(120).collect(),
                    },
                );
            }
        },
    };
    let shapes = match &parts.shx {
        Some(shx) => shapefile::ShapeReader::with_shx(Cursor::new(&parts.shp), Cursor::new(shx)),
        None => shapefile::ShapeReader::new(Cursor::new(&parts.shp)),
    };
    let mut shapes = match shapes {
        Ok(r) => r,
        Err(e) => {
            return fatal(
                report,
                ProblemKind::BadFormat {
                    reason: Reason::Shape(e.to_string()),
                },
            );
        }
    };
    // attributes, when there is a .dbf
    let (fields, records, dbf_encoding_name) = match &parts.dbf {
        Some(dbf) => read_dbf(file, dbf, parts.cpg.as_deref(), report),
        None => (Vec::new(), Vec::new(), ""),
    };
    let mut features = Vec::new();
    let mut checked_range = false;
    for (i, shape) in shapes.iter_shapes().enumerate() {
        let place = Place::feature(i);
        let props = Props::Map(records.get(i).cloned().unwrap_or_default());
        let shape = match shape {
            Ok(s) => s,
            Err(e) => {
                // a damaged file: keep what came before, say where it stopped
                report.push(
                    file,
                    Some(place.to_string()),
                    None,
                    Severity::Skipped,
                    ProblemKind::BadFormat {
                        reason: Reason::DamagedFromHere(e.to_string()),
                    },
                );
                break;
            }
        };
        let geometry = match shape {
            shapefile::Shape::NullShape => {
                report.push(
                    file,
                    Some(place.to_string()),
                    Some("geometry"),
                    Severity::Skipped,
                    ProblemKind::NullGeometry,
                );
                None
            }
            shapefile::Shape::Multipatch(_) => {
                report.push(
                    file,
                    Some(place.to_string()),
                    Some("geometry"),
                    Severity::Skipped,
                    ProblemKind::NotAnArea {
                        found: "multipatch".into(),
                    },
                );
                None
            }
            other => match geo::Geometry::<f64>::try_from(other) {
                Ok(g) => Some(g),
                Err(e) => {
                    report.push(
                        file,
                        Some(place.to_string()),
                        Some("geometry"),
                        Severity::Skipped,
                        ProblemKind::BrokenGeometry {
                            reason: Reason::Shape(e.to_string()),
                        },
                    );
                    None
                }
            },
        };
        let Ok(geometry) = to_lon_lat(
            geometry,
            convert.as_ref(),
            &mut checked_range,
            (file, place, ".prj"),
            report,
        ) else {
            return None;
        };
        features.push(Feature {
            place,
            geometry: geometry.map(Box::new),
            props,
        });
    }
    Some(Layer {
        file: file.to_string(),
        fields,
        features,
        crs: parts.prj.as_deref().map(wkt_name).unwrap_or_default(),
        encoding: dbf_encoding_name,
    })
}

/// A .shp shorter than its header is refused; one damaged part-way keeps its well-formed
/// records (its index then no longer matches, so it is dropped), said so.
fn trim_damaged_shp(file: &str, parts: &mut ShapefileParts, report: &mut Report) -> Option<()> {
    if parts.shp.len() < 100 {
        report.push(
            file,
            None,
            None,
            Severity::Fatal,
            ProblemKind::BadFormat {
                reason: Reason::ShpTooShort(parts.shp.len()),
            },
        );
        return None;
    }
    // keep the well-formed records only; the index then no longer matches, so it is dropped
    if let (len, Some(bad)) = sane_shp_prefix(&parts.shp) {
        report.push(
            file,
            Some(format!("feature {bad}")),
            None,
            Severity::Skipped,
            ProblemKind::BadFormat {
                reason: Reason::DamagedFromHere(String::new()),
            },
        );
        parts.shp.truncate(len);
        let words = i32::try_from(len / 2).unwrap_or(i32::MAX).to_be_bytes();
        parts.shp[24..28].copy_from_slice(&words);
        parts.shx = None;
    }
    // an index whose offsets lie would make the reader find no shape at all: the shapes are
    // read in the .shp's own order instead, and the user told
    if parts
        .shx
        .as_deref()
        .is_some_and(|shx| !index_matches(shx, &parts.shp))
    {
        report.push(
            file,
            None,
            None,
            Severity::Note,
            ProblemKind::BadFormat {
                reason: Reason::IndexMismatch,
            },
        );
        parts.shx = None;
    }
    Some(())
}

/// Whether a `.shx` points at the `.shp`'s records, one by one (offsets and lengths in 16-bit
/// words, big-endian, after a 100-byte header).
fn index_matches(shx: &[u8], shp: &[u8]) -> bool {
    let be = |b: &[u8], at: usize| -> Option<usize> {
        usize::try_from(i32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?)).ok()
    };
    if shx.len() < 100 || !(shx.len() - 100).is_multiple_of(8) {
        return false;
    }
    let mut at = 100;
    let mut k = 0;
    while at + 8 <= shp.len() {
        let Some(content) = be(shp, at + 4) else {
            return false;
        };
        let entry = 100 + 8 * k;
        if be(shx, entry) != Some(at / 2) || be(shx, entry + 4) != Some(content) {
            return false;
        }
        at += 8 + content * 2;
        k += 1;
    }
    100 + 8 * k == shx.len()
}

/// A .dbf's field names, its records (an unreadable record is empty, said so) and the text
/// encoding it was read in.
fn read_dbf(
    file: &str,
    dbf: &[u8],
    cpg: Option<&str>,
    report: &mut Report,
) -> (Vec<String>, Vec<BTreeMap<String, Value>>, &'static str) {
    use std::io::Cursor;
    let mut records: Vec<BTreeMap<String, Value>> = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let encoding = dbf_encoding(cpg, dbf);
    let dbf_encoding_name = encoding.name();
    match shapefile::dbase::ReaderBuilder::new()
        .with_encoding(shapefile::dbase::encoding::EncodingRs::from(encoding))
        .build(Cursor::new(dbf))
    {
        Ok(mut reader) => {
            fields = reader
                .fields()
                .iter()
                .map(|f| f.name().to_string())
                .collect();
            for (i, record) in reader.iter_records().enumerate() {
                match record {
                    Ok(r) => records.push(
                        r.into_iter()
                            .map(|(name, v)| (name, dbf_value(v)))
                            .collect(),
                    ),
                    Err(e) => {
                        report.push(
                            file,
                            Some(format!("feature {}", i + 1)),
                            None,
                            Severity::Skipped,
                            ProblemKind::BadFormat {
                                reason: Reason::RecordUnreadable(e.to_string()),
                            },
                        );
                        records.push(BTreeMap::new());
                    }
                }
            }
        }
        Err(e) => report.push(
            file,
            None,
            None,
            Severity::Skipped,
            ProblemKind::BadFormat {
                reason: Reason::DbfUnreadable(e.to_string()),
            },
        ),
    }
    (fields, records, dbf_encoding_name)
}

fn dbf_value(v: shapefile::dbase::FieldValue) -> Value {
    use shapefile::dbase::FieldValue as F;
    match v {
        F::Character(Some(s)) | F::Memo(s) => Value::Text(s),
        F::Numeric(Some(x)) | F::Double(x) | F::Currency(x) => Value::Number(x),
        F::Float(Some(x)) => Value::Number(f64::from(x)),
        F::Integer(x) => Value::Number(f64::from(x)),
        F::Logical(Some(b)) => Value::Text(b.to_string()),
        F::Date(Some(d)) => Value::Text(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())),
        _ => Value::Null,
    }
}

/// The longest column name kept whole (longer ones are cut with an ellipsis).
const MAX_FIELD_NAME: usize = 200;

/// Column names that hold longitudes and latitudes.
const LON_NAMES: [&str; 4] = ["longitude", "lon", "lng", "long"];
const LAT_NAMES: [&str; 2] = ["latitude", "lat"];

/// A table's text stream, its UTF-8 byte order mark left out.
fn table_stream<R: std::io::Read>(source: R) -> std::io::Result<std::io::BufReader<R>> {
    use std::io::BufRead;
    let mut stream = std::io::BufReader::new(source);
    if stream.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
        stream.consume(3);
    }
    Ok(stream)
}

/// The delimiter a table's first line uses most (`;`, `,` or tab; on a tie the later of them),
/// read as a stream: a first line of megabytes is counted, never held.
pub(crate) fn table_delimiter(stream: &mut impl std::io::BufRead) -> std::io::Result<u8> {
    let mut counts = [0usize; 3];
    loop {
        let buf = stream.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        let end = buf.iter().position(|&b| b == b'\n');
        for b in &buf[..end.unwrap_or(buf.len())] {
            match b {
                b';' => counts[0] += 1,
                b',' => counts[1] += 1,
                b'\t' => counts[2] += 1,
                _ => {}
            }
        }
        if end.is_some() {
            break;
        }
        let n = buf.len();
        stream.consume(n);
    }
    Ok([b';', b',', b'\t']
        .into_iter()
        .zip(counts)
        .max_by_key(|&(_, n)| n)
        .map_or(b',', |(d, _)| d))
}

/// What a pass over a table's records found.
struct TableScan {
    /// The header's fields, each kept to the bytes of its first `MAX_FIELD_NAME` characters
    /// and a few more (so that a cut one is seen to be longer), leading spaces left out.
    header: Vec<Vec<u8>>,
    /// The number of rows after the header (a row's line breaks in quotes counted as one row).
    rows: usize,
    /// Whether the bytes read are all UTF-8.
    utf8: bool,
}

/// Reads a table's records with the CSV parser's core, through buffers of a fixed size: its
/// header kept (each field cut, see [`TableScan::header`]), then, when `whole`, its rows
/// counted and its text checked to be UTF-8, nothing of them kept. A header or a cell of
/// megabytes takes no memory here; the stream is left just after the header when not `whole`.
fn scan_table(
    stream: &mut impl std::io::BufRead,
    delimiter: u8,
    whole: bool,
) -> std::io::Result<TableScan> {
    use csv_core::ReadRecordResult as R;
    const KEEP: usize = 4 * MAX_FIELD_NAME + 4;
    let mut core = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut decoder = encoding_rs::UTF_8.new_decoder_without_bom_handling();
    let mut decoded = vec![0u8; 16 * 1024];
    let mut out = vec![0u8; 16 * 1024];
    let mut ends = [0usize; 256];
    let mut scan = TableScan {
        header: vec![Vec::new()],
        rows: 0,
        utf8: true,
    };
    let mut records = 0usize;
    // bytes of the header written so far
    let mut written = 0usize;
    let keep = |field: &mut Vec<u8>, mut bytes: &[u8]| {
        if field.is_empty() {
            let blank = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
            bytes = &bytes[blank..];
        }
        let room = KEEP.saturating_sub(field.len());
        field.extend_from_slice(&bytes[..room.min(bytes.len())]);
    };
    let mut ended = false;
    loop {
        let input = stream.fill_buf()?;
        let last = input.is_empty();
        let (result, read, wrote, ended_fields) = core.read_record(input, &mut out, &mut ends);
        // the bytes read checked to be UTF-8 (the end of the stream, said once, closes a
        // sequence left open)
        if whole && scan.utf8 && !ended {
            let mut rest = &input[..read];
            loop {
                let (r, used, _) =
                    decoder.decode_to_utf8_without_replacement(rest, &mut decoded, last);
                rest = &rest[used..];
                match r {
                    encoding_rs::DecoderResult::InputEmpty => break,
                    encoding_rs::DecoderResult::OutputFull => {}
                    encoding_rs::DecoderResult::Malformed(..) => {
                        scan.utf8 = false;
                        break;
                    }
                }
            }
            ended = last;
        }
        if records == 0 {
            // this call's bytes are the header's from `written` on; a field's end is where it
            // stands in the whole header
            let mut field = scan.header.pop().unwrap_or_default();
            let mut from = 0;
            for &end in &ends[..ended_fields] {
                let to = end.saturating_sub(written).clamp(from, wrote);
                keep(&mut field, &out[from..to]);
                scan.header.push(std::mem::take(&mut field));
                from = to;
            }
            keep(&mut field, &out[from..wrote]);
            scan.header.push(field);
            written += wrote;
        }
        stream.consume(read);
        match result {
            R::InputEmpty | R::OutputFull | R::OutputEndsFull => {}
            R::Record => {
                if records == 0 {
                    // the field opened after the last end
                    scan.header.pop();
                    if !whole {
                        return Ok(scan);
                    }
                }
                records += 1;
            }
            R::End => break,
        }
    }
    if records == 0 {
        scan.header.clear();
    }
    scan.rows = records.saturating_sub(1);
    Ok(scan)
}

/// Reads a table (CSV, TSV) as a stream, from `open`, called once for each pass: the first line
/// for the delimiter, then the rows, counted and checked for UTF-8 (a file that is not is read
/// as Windows-1252), then read. Nothing but the rows is held, each at its own size: a table
/// takes in memory about what it takes on disk.
fn read_csv<R: std::io::Read>(
    file: &str,
    open: impl Fn() -> std::io::Result<R>,
    report: &mut Report,
) -> Option<Layer> {
    let mut unreadable = |e: std::io::Error| {
        report.push(
            file,
            None,
            None,
            Severity::Fatal,
            ProblemKind::Unreadable { reason: e.into() },
        );
    };
    let delimiter = match open()
        .and_then(table_stream)
        .and_then(|mut s| table_delimiter(&mut s))
    {
        Ok(d) => d,
        Err(e) => {
            unreadable(e);
            return None;
        }
    };
    // the header kept, the rows counted, so that they are held at their number, not at the
    // next power of two (and never twice while a vector grows), and the text checked to be UTF-8
    let scan = match open()
        .and_then(table_stream)
        .and_then(|mut s| scan_table(&mut s, delimiter, true))
    {
        Ok(scan) => scan,
        Err(e) => {
            unreadable(e);
            return None;
        }
    };
    if scan.header.len() < 2 {
        report.push(
            file,
            None,
            None,
            Severity::Fatal,
            ProblemKind::NotReadHere {
                refusal: super::report::Refusal::NotATable,
            },
        );
        return None;
    }
    let encoding = if scan.utf8 {
        encoding_rs::UTF_8
    } else {
        encoding_rs::WINDOWS_1252
    };
    // a column's name is a few words: one of megabytes is cut, so that no search or message
    // works on it whole
    let fields: Vec<String> = scan
        .header
        .iter()
        .map(|name| {
            let name = encoding.decode_without_bom_handling(name).0;
            crate::i18n::cut(name.trim(), MAX_FIELD_NAME)
        })
        .collect();
    // the rows read after the header, which is passed over again, not held
    let reader = open().and_then(table_stream).and_then(|mut stream| {
        scan_table(&mut stream, delimiter, false)?;
        Ok(csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(stream))
    });
    let mut reader = match reader {
        Ok(r) => r,
        Err(e) => {
            unreadable(e);
            return None;
        }
    };
    let find = |names: &[&str]| {
        fields
            .iter()
            .position(|f| names.contains(&f.to_ascii_lowercase().as_str()))
    };
    let (lon, lat) = (find(&LON_NAMES), find(&LAT_NAMES));
    let names: std::sync::Arc<[String]> = fields.clone().into();
    let mut features = Vec::with_capacity(scan.rows);
    let mut record = csv::ByteRecord::new();
    for i in 0.. {
        let place = Place::row(i);
        // the row kept at its own size (the reader's buffers grow by doubling)
        let row = match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => Row::of(&record, encoding)
                .ok_or_else(|| (false, "a row of 4 GB or more".to_string())),
            // a file that cannot be read further stops there
            Err(e) => Err((e.is_io_error(), e.to_string())),
        };
        let row = match row {
            Ok(row) => row,
            Err((stop, reason)) => {
                report.push(
                    file,
                    Some(place.to_string()),
                    None,
                    Severity::Skipped,
                    ProblemKind::BadFormat {
                        reason: Reason::Csv(reason),
                    },
                );
                if stop {
                    break;
                }
                continue;
            }
        };
        let mut geometry = None;
        if let (Some(lo), Some(la)) = (lon, lat) {
            let field = |i: usize| row.get(i).map(|v| Value::Text(v.to_string()).number());
            let (x, y) = (field(lo), field(la));
            match (x, y) {
                (Some(Ok(Some(x))), Some(Ok(Some(y)))) if x.abs() <= 180.0 && y.abs() <= 90.0 => {
                    geometry = Some(Box::new(geo::Geometry::Point(geo::Point::new(x, y))));
                }
                (Some(Ok(Some(x))), Some(Ok(Some(y)))) => report.push(
                    file,
                    Some(place.to_string()),
                    Some(&fields[lo]),
                    Severity::Skipped,
                    ProblemKind::AbsurdValue {
                        value: if x.abs() > 180.0 { x } else { y },
                        expected: "longitude between -180 and 180, latitude between -90 and 90"
                            .into(),
                    },
                ),
                (Some(Err(v)), _) | (_, Some(Err(v))) => report.push(
                    file,
                    Some(place.to_string()),
                    Some(&fields[lo]),
                    Severity::Skipped,
                    ProblemKind::NotANumber { value: v },
                ),
                _ => {}
            }
        }
        features.push(Feature {
            place,
            geometry,
            props: Props::Row(names.clone(), row),
        });
    }
    Some(Layer {
        file: file.to_string(),
        fields,
        features,
        crs: if lon.is_some() && lat.is_some() {
            "WGS84 (longitude/latitude)".into()
        } else {
            String::new()
        },
        encoding: if scan.utf8 { "UTF-8" } else { "Windows-1252" },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prj_nested_thousands_deep_is_refused_not_overflowing_the_stack() {
        let deep = format!("{}{}", "PROJCS[\"x\",".repeat(3000), "]".repeat(3000));
        assert_eq!(nesting_depth(&deep), 3000);
        assert!(converter_of(&deep).is_none());
        // closing brackets inside quoted names close nothing
        let hidden = format!("{}{}", "PROJCS[\"))))\",".repeat(3000), "]".repeat(3000));
        assert_eq!(nesting_depth(&hidden), 3000);
        assert!(converter_of(&hidden).is_none());
        // a real one still reads
        assert!(converter_of(crate::io::crs::LAMBERT93_PRJ).is_some());
    }

    fn write(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("cm-layer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn numbers_in_french_and_english_notation() {
        assert_eq!(Value::Text("1 234,5".into()).number(), Ok(Some(1234.5)));
        assert_eq!(Value::Text("105.3".into()).number(), Ok(Some(105.3)));
        assert_eq!(Value::Text("NS".into()).number(), Ok(None));
        assert_eq!(Value::Text("".into()).number(), Ok(None));
        assert_eq!(
            Value::Text("beaucoup".into()).number(),
            Err("beaucoup".into())
        );
    }

    #[test]
    fn a_latin1_csv_with_semicolons_and_decimal_commas() {
        let bytes = b"UAI;Nom;IPS;longitude;latitude\n0590001A;Coll\xe8ge \xc9mile-Zola;98,4;3,06;50,63\n0590002B;Coll\xe8ge B;abc;3,1;50,6\n";
        let (layer, report) = read_layer(&write("latin1.csv", bytes));
        let layer = layer.unwrap();
        assert_eq!(layer.fields, ["UAI", "Nom", "IPS", "longitude", "latitude"]);
        assert_eq!(layer.features.len(), 2);
        assert_eq!(
            layer.features[0].props.get("Nom").unwrap().text().unwrap(),
            "Collège Émile-Zola"
        );
        assert_eq!(
            layer.features[0].props.get("IPS").unwrap().number(),
            Ok(Some(98.4))
        );
        assert_eq!(
            layer.features[0].geometry.as_deref(),
            Some(&geo::Geometry::Point(geo::Point::new(3.06, 50.63)))
        );
        assert!(
            layer.features[1]
                .props
                .get("IPS")
                .unwrap()
                .number()
                .is_err()
        );
        assert!(report.problems.is_empty(), "{report:?}");
    }

    #[test]
    fn a_lambert93_geojson_is_converted_and_a_projected_one_without_crs_refused() {
        let l93 = br#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}},
          "features":[{"type":"Feature","properties":{"id":1},"geometry":{"type":"Point","coordinates":[574000,6279000]}}]}"#;
        let (layer, report) = read_layer(&write("l93.geojson", l93));
        assert!(report.problems.is_empty());
        let Some(geo::Geometry::Point(p)) = layer.unwrap().features[0].geometry.as_deref().cloned()
        else {
            panic!("a point")
        };
        assert!((p.x() - 1.439928).abs() < 1e-5 && (p.y() - 43.598852).abs() < 1e-5);

        let bare = br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[574000,6279000]}}]}"#;
        let (layer, report) = read_layer(&write("bare.geojson", bare));
        assert!(layer.is_none());
        assert!(matches!(
            report.problems[0].kind,
            ProblemKind::ProjectedWithoutCrs { .. }
        ));

        // Lambert-93 coordinates declared as CC46 land in the Atlantic: refused, not drawn there
        let liar = br#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3946"}},
          "features":[{"type":"Feature","properties":{"id":1},"geometry":{"type":"Point","coordinates":[574000,6279000]}}]}"#;
        let (layer, report) = read_layer(&write("liar.geojson", liar));
        assert!(layer.is_none());
        assert!(matches!(
            report.problems[0].kind,
            ProblemKind::OutsideProjectionArea { .. }
        ));

        let odd = br#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::99999"}},"features":[]}"#;
        let (layer, report) = read_layer(&write("odd.geojson", odd));
        assert!(layer.is_none());
        assert!(matches!(
            report.problems[0].kind,
            ProblemKind::UnknownProjection { .. }
        ));
    }

    #[test]
    fn a_lambert93_shapefile_with_a_latin1_dbf_reads_in_lon_lat_with_its_accents() {
        use shapefile::dbase::{self, FieldName, FieldValue, Record, TableWriterBuilder};
        let dir = std::env::temp_dir().join(format!("cm-shp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("iris.shp");
        let table = TableWriterBuilder::with_encoding(dbase::encoding::EncodingRs::from(
            encoding_rs::WINDOWS_1252,
        ))
        .add_character_field(FieldName::try_from("NOM").unwrap(), 40);
        let mut writer = shapefile::Writer::from_path(&path, table).unwrap();
        let (x, y) = (574_000.0, 6_279_000.0);
        let ring = vec![
            shapefile::Point::new(x, y),
            shapefile::Point::new(x, y + 100.0),
            shapefile::Point::new(x + 100.0, y + 100.0),
            shapefile::Point::new(x + 100.0, y),
            shapefile::Point::new(x, y),
        ];
        let polygon = shapefile::Polygon::new(shapefile::PolygonRing::Outer(ring));
        let mut record = Record::default();
        record.insert(
            "NOM".into(),
            FieldValue::Character(Some("Bréguet-Légué".into())),
        );
        writer.write_shape_and_record(&polygon, &record).unwrap();
        drop(writer);
        std::fs::write(path.with_extension("prj"), crate::io::crs::LAMBERT93_PRJ).unwrap();
        // the spelling the shapefile crate alone would ignore
        std::fs::write(path.with_extension("cpg"), "ISO88591").unwrap();
        let (layer, report) = read_layer(&path);
        assert!(report.problems.is_empty(), "{report:?}");
        let f = &layer.unwrap().features[0];
        assert_eq!(f.props.get("NOM").unwrap().text().unwrap(), "Bréguet-Légué");
        use geo::CoordsIter;
        let c = f.geometry.as_ref().unwrap().coords_iter().next().unwrap();
        assert!(
            (c.x - 1.439928).abs() < 1e-5 && (c.y - 43.598852).abs() < 1e-5,
            "{c:?}"
        );
    }

    #[test]
    fn a_shx_whose_offsets_lie_is_ignored_and_the_shapes_still_read() {
        use shapefile::dbase::{FieldName, TableWriterBuilder};
        let dir = std::env::temp_dir().join(format!("cm-shx-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("secteurs.shp");
        let table =
            TableWriterBuilder::new().add_character_field(FieldName::try_from("NOM").unwrap(), 10);
        let mut writer = shapefile::Writer::from_path(&path, table).unwrap();
        for k in 0..3 {
            let (x, y) = (2.0 + f64::from(k) * 0.01, 48.0);
            let ring = vec![
                shapefile::Point::new(x, y),
                shapefile::Point::new(x, y + 0.01),
                shapefile::Point::new(x + 0.01, y + 0.01),
                shapefile::Point::new(x + 0.01, y),
                shapefile::Point::new(x, y),
            ];
            let polygon = shapefile::Polygon::new(shapefile::PolygonRing::Outer(ring));
            let mut record = shapefile::dbase::Record::default();
            record.insert(
                "NOM".into(),
                shapefile::dbase::FieldValue::Character(Some(format!("S{k}"))),
            );
            writer.write_shape_and_record(&polygon, &record).unwrap();
        }
        drop(writer);
        // as written, the index matches and nothing is said
        let (layer, report) = read_layer(&path);
        assert_eq!(layer.unwrap().features.len(), 3);
        assert!(report.problems.is_empty(), "{report:?}");
        // every offset shifted past the end of the .shp
        let shx_path = path.with_extension("shx");
        let mut shx = std::fs::read(&shx_path).unwrap();
        for k in 0..3 {
            let at = 100 + 8 * k;
            shx[at..at + 4].copy_from_slice(&1_000_000i32.to_be_bytes());
        }
        std::fs::write(&shx_path, &shx).unwrap();
        let (layer, report) = read_layer(&path);
        assert_eq!(layer.unwrap().features.len(), 3, "{report:?}");
        assert!(report.problems.iter().any(|p| matches!(
            p.kind,
            ProblemKind::BadFormat {
                reason: Reason::IndexMismatch
            }
        )));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_shapefile_record_claiming_a_billion_points_is_refused_not_allocated() {
        // one square polygon record, then its point count raised to 10^9 (found by fuzzing)
        let mut shp = vec![0u8; 100];
        shp[0..4].copy_from_slice(&9994i32.to_be_bytes());
        shp[28..32].copy_from_slice(&1000i32.to_le_bytes());
        shp[32..36].copy_from_slice(&5i32.to_le_bytes());
        let points = [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)];
        let mut content = Vec::new();
        content.extend_from_slice(&5i32.to_le_bytes());
        for v in [0.0f64, 0.0, 1.0, 1.0] {
            content.extend_from_slice(&v.to_le_bytes());
        }
        content.extend_from_slice(&1i32.to_le_bytes());
        content.extend_from_slice(&(points.len() as i32).to_le_bytes());
        content.extend_from_slice(&0i32.to_le_bytes());
        for (x, y) in points {
            content.extend_from_slice(&f64::to_le_bytes(x));
            content.extend_from_slice(&f64::to_le_bytes(y));
        }
        shp.extend_from_slice(&1i32.to_be_bytes());
        shp.extend_from_slice(&((content.len() / 2) as i32).to_be_bytes());
        shp.extend_from_slice(&content);
        let words = (shp.len() / 2) as i32;
        shp[24..28].copy_from_slice(&words.to_be_bytes());
        let (layer, report) = read_layer_bytes("ok.shp", &shp);
        assert_eq!(layer.unwrap().features.len(), 1, "{report:?}");
        // the point count of the record, now absurd
        let at = 100 + 8 + 40;
        shp[at..at + 4].copy_from_slice(&1_000_000_000i32.to_le_bytes());
        let (layer, report) = read_layer_bytes("bad.shp", &shp);
        assert_eq!(layer.unwrap().features.len(), 0);
        assert_eq!(report.problems[0].place.as_deref(), Some("feature 1"));
    }

    #[test]
    fn broken_features_are_skipped_and_named_the_rest_loads() {
        let mixed = br#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"k":"a"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
          {"type":"Feature","properties":{"k":"b"},"geometry":null},
          {"type":"Feature","properties":{"k":"c"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}},
          {"type":"Feature","properties":{"k":"d"},"geometry":{"type":"Point","coordinates":[1]}}]}"#;
        let (layer, report) = read_layer(&write("mixed.geojson", mixed));
        let layer = layer.unwrap();
        assert_eq!(layer.features.len(), 4);
        assert!(layer.features[0].geometry.is_some());
        let places: Vec<_> = report
            .problems
            .iter()
            .map(|p| p.place.clone().unwrap())
            .collect();
        assert_eq!(places, ["feature 2", "feature 3", "feature 4"]);
    }

    /// A table of many short rows is held at about its size: a row is 64 bytes besides its
    /// text, and the rows are held at their number, not at the next power of two.
    #[test]
    fn a_table_of_many_rows_is_held_at_its_number_of_rows() {
        assert!(std::mem::size_of::<Feature>() <= 64);
        let mut text = String::from("UAI;IPS;longitude;latitude\n");
        for i in 0..1000 {
            text.push_str(&format!("{i:07}A;{}.5;2.{i};48.8\n", 80 + i % 40));
        }
        let (layer, report) = read_layer_bytes("big.csv", text.as_bytes());
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let layer = layer.unwrap();
        assert_eq!(layer.features.len(), 1000);
        assert_eq!(layer.features.capacity(), 1000);
        assert_eq!(layer.features[999].place, Place::Row(1001));
        assert_eq!(layer.features[999].place.to_string(), "row 1001");
        assert!(matches!(
            layer.features[999].geometry.as_deref(),
            Some(geo::Geometry::Point(_))
        ));
    }

    /// A table is read as a stream in chunks: its encoding is decided on every byte, a
    /// character cut by a chunk's end included, as when the file was read whole.
    #[test]
    fn a_table_read_as_a_stream_is_utf8_only_when_every_byte_is() {
        let mut text = String::from("UAI;nom\n");
        let mut i = 0;
        // rows until "é" straddles the stream's 8 KiB chunks (its first byte at 8191)
        while text.len() < 8191 - 12 {
            text.push_str(&format!("{i:07}A;x\n"));
            i += 1;
        }
        // a padded code, then "é" at bytes 8191 and 8192
        text.push_str(&"y".repeat(8191 - 8 - text.len()));
        text.push_str("0000000;é\n");
        assert_eq!(&text.as_bytes()[8191..8193], "é".as_bytes());
        let utf8 = text.clone() + &"0000001B;z\n".repeat(20_000);
        let (layer, _) = read_layer_bytes("t.csv", utf8.as_bytes());
        let layer = layer.unwrap();
        assert_eq!(layer.encoding, "UTF-8");
        let cafe = |layer: &Layer| {
            layer.features.iter().find_map(|f| {
                f.props
                    .get("nom")
                    .and_then(|v| v.text())
                    .filter(|t| t != "x" && t != "z")
            })
        };
        assert_eq!(cafe(&layer).as_deref(), Some("é"));
        // one latin-1 byte 200 KB further makes the whole file Windows-1252, as a spreadsheet
        // wrote it
        let mut latin = utf8.clone().into_bytes();
        latin.extend_from_slice(b"0000002C;caf\xe9\n");
        let (layer, _) = read_layer_bytes("t.csv", &latin);
        let layer = layer.unwrap();
        assert_eq!(layer.encoding, "Windows-1252");
        assert_eq!(cafe(&layer).as_deref(), Some("Ã©"));
        // so does a character cut short by the end of the file
        let mut cut = utf8.into_bytes();
        cut.extend_from_slice(b"0000003D;\xc3");
        let (layer, _) = read_layer_bytes("t.csv", &cut);
        assert_eq!(layer.unwrap().encoding, "Windows-1252");
    }

    /// A column's name of megabytes is cut as it is read, never held whole; the columns after
    /// it, and a thousand more, are found.
    #[test]
    fn a_header_of_megabytes_is_cut_as_it_is_read() {
        let mut text = "n".repeat(3 << 20);
        text.push_str(";UAI;");
        text.push_str(
            &(0..1000)
                .map(|i| format!("c{i}"))
                .collect::<Vec<_>>()
                .join(";"),
        );
        text.push_str(";IPS\n0750001A;x;");
        text.push_str(&";".repeat(1000));
        text.push_str("98,4\n");
        let (layer, report) = read_layer_bytes("t.csv", text.as_bytes());
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let layer = layer.unwrap();
        assert_eq!(layer.fields.len(), 1003);
        assert_eq!(layer.fields[0].chars().count(), MAX_FIELD_NAME + 1);
        assert!(layer.fields[0].ends_with('…'));
        assert_eq!(layer.fields[1], "UAI");
        assert_eq!(layer.fields[1002], "IPS");
        assert_eq!(layer.features.len(), 1);
        assert_eq!(
            layer.features[0].props.get("IPS").unwrap().number(),
            Ok(Some(98.4))
        );
    }
}
