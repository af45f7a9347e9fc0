//! What users take away: the block-assignment CSV (unit id, collège UAI: the interchange format
//! of redistricting tools such as Districtr and Dave's Redistricting, readable back), the sectors
//! dissolved into one polygon per collège with their indicators, as GeoJSON and as Shapefile
//! with a `.prj` (both open in QGIS), and the indicator table as CSV.

use std::path::Path;

use crate::metrics::{Metrics, MetricsConfig};
use crate::model::scenario::ScenarioMeta;
use crate::model::{Assignment, CollegeId, Scenario, Territory, UnitShape};

/// The `.prj` of WGS84 longitude/latitude, as ESRI software writes it.
pub const WGS84_PRJ: &str = r#"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]"#;

/// Why an assignment file cannot be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AssignmentCsvError {
    /// A line does not have two columns.
    #[error("line {line}: expected two columns (unit id, collège UAI), found {found}")]
    Columns {
        /// 1-based line.
        line: usize,
        /// Columns found.
        found: usize,
    },
    /// Unit ids not in the territory.
    #[error("{} unit id(s) not in the territory, e.g. {:?}", .0.len(), .0.first())]
    UnknownUnits(Vec<String>),
    /// UAIs not among the territory's collèges.
    #[error("{} UAI(s) not among the collèges, e.g. {:?}", .0.len(), .0.first())]
    UnknownColleges(Vec<String>),
}

/// One line per unit: its id and its collège's UAI (empty when unassigned; a unit shared between
/// collèges is written with its main one, the share being a Carte Mixité notion).
pub fn assignment_csv(t: &Territory, s: &Scenario) -> String {
    let mut out = String::from("id,uai\n");
    for u in t.unit_ids() {
        let uai = s
            .assignment(u)
            .main_college()
            .map(|c| t.college(c).uai.as_str())
            .unwrap_or("");
        out.push_str(&csv_field(&t.unit(u).key));
        out.push(',');
        out.push_str(uai);
        out.push('\n');
    }
    out
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Reads an assignment CSV back (`,` or `;`, with or without a header): units not listed keep
/// no collège. Unknown ids or UAIs are an error naming them, never silently dropped.
pub fn parse_assignment_csv(
    text: &str,
    t: &Territory,
    name: &str,
) -> Result<Scenario, AssignmentCsvError> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = if text.lines().next().is_some_and(|l| l.contains(';')) {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut s = Scenario::unassigned(ScenarioMeta::new(name), t);
    let (mut unknown_units, mut unknown_colleges) = (Vec::new(), Vec::new());
    for (i, record) in reader.records().enumerate() {
        let Ok(r) = record else { continue };
        if r.len() != 2 {
            return Err(AssignmentCsvError::Columns {
                line: i + 1,
                found: r.len(),
            });
        }
        let (id, uai) = (r[0].trim(), r[1].trim());
        let unit = t.unit_by_key(id);
        if i == 0 && unit.is_none() {
            // a header
            continue;
        }
        let Some(unit) = unit else {
            unknown_units.push(id.to_string());
            continue;
        };
        if uai.is_empty() {
            continue;
        }
        match t.college_by_uai(uai) {
            Some(c) => {
                s.replace_assignment(unit, Assignment::College(c));
            }
            None => unknown_colleges.push(uai.to_string()),
        }
    }
    if !unknown_units.is_empty() {
        return Err(AssignmentCsvError::UnknownUnits(unknown_units));
    }
    if !unknown_colleges.is_empty() {
        return Err(AssignmentCsvError::UnknownColleges(unknown_colleges));
    }
    Ok(s)
}

/// Each collège's sector as one (multi)polygon: the union of its units (main assignment).
pub fn dissolved_sectors(t: &Territory, s: &Scenario) -> Vec<(CollegeId, geo::MultiPolygon<f64>)> {
    let mut parts: Vec<Vec<&geo::Polygon<f64>>> = vec![Vec::new(); t.colleges().len()];
    for u in t.unit_ids() {
        if let (Some(c), UnitShape::Area(mp)) = (s.assignment(u).main_college(), &t.unit(u).shape) {
            parts[c.index()].extend(mp.iter());
        }
    }
    parts
        .into_iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(c, polys)| {
            let union = std::panic::catch_unwind(|| geo::unary_union(polys.iter().copied()))
                .unwrap_or_else(|_| {
                    // a union the library cannot do: the parts as they are
                    geo::MultiPolygon(polys.iter().map(|p| (*p).clone()).collect())
                });
            (CollegeId(c as u32), union)
        })
        .collect()
}

/// The indicators written with each sector, in the order of the columns.
fn sector_fields(t: &Territory, m: &Metrics, c: CollegeId) -> Vec<(&'static str, Option<f64>)> {
    let i = m.college(c, t);
    let college = t.college(c);
    vec![
        ("pupils", Some(i.pupils)),
        ("capacity", college.capacity_pupils),
        ("use_pct", i.capacity_use.map(|x| x * 100.0)),
        ("ips", i.ips_mean),
        ("boursiers_pct", i.boursier_share.map(|x| x * 100.0)),
        ("walk_mean_m", i.walk_mean_m),
    ]
}

/// The dissolved sectors with their indicators, as a GeoJSON FeatureCollection (lon/lat).
pub fn sectors_geojson(t: &Territory, s: &Scenario, config: MetricsConfig) -> String {
    let m = Metrics::new(t, s, config);
    let features: Vec<geojson::Feature> = dissolved_sectors(t, s)
        .into_iter()
        .map(|(c, shape)| {
            let college = t.college(c);
            let mut props = serde_json::Map::new();
            props.insert("uai".into(), college.uai.clone().into());
            props.insert("name".into(), college.name.clone().into());
            for (k, v) in sector_fields(t, &m, c) {
                props.insert(
                    k.into(),
                    v.map(|x| (x * 10.0).round() / 10.0)
                        .map_or(serde_json::Value::Null, Into::into),
                );
            }
            geojson::Feature {
                bbox: None,
                geometry: Some(geojson::Geometry::new(geojson::GeometryValue::from(&shape))),
                id: None,
                properties: Some(props),
                foreign_members: None,
            }
        })
        .collect();
    geojson::FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    }
    .to_string()
}

/// Why a shapefile could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ShapefileExportError {
    /// The library's error.
    #[error("{0}")]
    Shapefile(#[from] shapefile::Error),
    /// Writing the `.prj` failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The dissolved sectors with their indicators as a Shapefile (`.shp`, `.shx`, `.dbf` in UTF-8
/// with a `.cpg` saying so, and a WGS84 `.prj`).
pub fn write_sectors_shapefile(
    path: &Path,
    t: &Territory,
    s: &Scenario,
    config: MetricsConfig,
) -> Result<(), ShapefileExportError> {
    use shapefile::dbase::{FieldName, FieldValue, Record, TableWriterBuilder};
    let m = Metrics::new(t, s, config);
    let names = [
        ("UAI", "uai"),
        ("NOM", "name"),
        ("ELEVES", "pupils"),
        ("CAPACITE", "capacity"),
        ("REMPL_PCT", "use_pct"),
        ("IPS", "ips"),
        ("BOURS_PCT", "boursiers_pct"),
        ("MARCHE_M", "walk_mean_m"),
    ];
    let field = |n: &str| FieldName::try_from(n).map_err(|_| std::io::Error::other(n.to_string()));
    let mut table = TableWriterBuilder::new()
        .add_character_field(field(names[0].0)?, 8)
        .add_character_field(field(names[1].0)?, 120);
    for (dbf, _) in &names[2..] {
        table = table.add_numeric_field(field(dbf)?, 12, 1);
    }
    // written in memory, then saved as a set: a crash leaves the old files or the new ones
    let (mut shp, mut shx, mut dbf) = (Vec::new(), Vec::new(), Vec::new());
    let (mut shp_dest, mut shx_dest, mut dbf_dest) = (
        std::io::Cursor::new(&mut shp),
        std::io::Cursor::new(&mut shx),
        std::io::Cursor::new(&mut dbf),
    );
    let mut writer = shapefile::Writer::new(
        shapefile::ShapeWriter::with_shx(&mut shp_dest, &mut shx_dest),
        table.build_with_dest(&mut dbf_dest),
    );
    for (c, shape) in dissolved_sectors(t, s) {
        let college = t.college(c);
        let mut record = Record::default();
        record.insert(
            names[0].0.into(),
            FieldValue::Character(Some(college.uai.clone())),
        );
        record.insert(
            names[1].0.into(),
            FieldValue::Character(Some(college.name.clone())),
        );
        for ((dbf, _), (_, v)) in names[2..].iter().zip(sector_fields(t, &m, c)) {
            record.insert(
                (*dbf).into(),
                FieldValue::Numeric(v.map(|x| (x * 10.0).round() / 10.0)),
            );
        }
        let polygon = shapefile::Polygon::from(shape);
        writer.write_shape_and_record(&polygon, &record)?;
    }
    drop(writer);
    let files = [
        (path.with_extension("shp"), shp),
        (path.with_extension("shx"), shx),
        (path.with_extension("dbf"), dbf),
        (path.with_extension("prj"), WGS84_PRJ.as_bytes().to_vec()),
        (path.with_extension("cpg"), b"UTF-8".to_vec()),
    ];
    crate::io::atomic_write_set(&files)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::territory_files::embedded_demo;

    #[test]
    fn the_assignment_csv_reads_back_to_the_same_scenario() {
        let (t, baseline) = embedded_demo().unwrap();
        let text = assignment_csv(&t, &baseline);
        assert!(text.starts_with("id,uai\n"));
        let back = parse_assignment_csv(&text, &t, "retour").unwrap();
        assert_eq!(back.changed_units(&baseline).count(), 0);
        // semicolons and no header are read too
        let semi: String = text
            .lines()
            .skip(1)
            .map(|l| l.replace(',', ";") + "\n")
            .collect();
        let back = parse_assignment_csv(&semi, &t, "retour").unwrap();
        assert_eq!(back.changed_units(&baseline).count(), 0);
        // an unknown UAI is named
        let bad = text.replacen("0990101A", "0000000X", 1);
        assert!(matches!(
            parse_assignment_csv(&bad, &t, "x"),
            Err(AssignmentCsvError::UnknownColleges(v)) if v == ["0000000X"]
        ));
    }

    #[test]
    fn dissolved_sectors_keep_every_unit_area() {
        use geo::Area;
        let (t, baseline) = embedded_demo().unwrap();
        let sectors = dissolved_sectors(&t, &baseline);
        assert_eq!(sectors.len(), 9, "one per public collège with a sector");
        let units: f64 = t
            .units()
            .iter()
            .filter_map(|u| match &u.shape {
                UnitShape::Area(mp) => Some(mp.unsigned_area()),
                _ => None,
            })
            .sum();
        let dissolved: f64 = sectors.iter().map(|(_, s)| s.unsigned_area()).sum();
        assert!(
            (units - dissolved).abs() / units < 1e-6,
            "{units} vs {dissolved}"
        );
        // blocks touching each other merge: far fewer polygons than blocks
        let polygons: usize = sectors.iter().map(|(_, s)| s.0.len()).sum();
        assert!(polygons < 30, "{polygons}");
    }
}
