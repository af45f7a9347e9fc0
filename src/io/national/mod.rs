//! The national open-data files, as their publishers ship them: the ministry's directory of
//! establishments, their geolocation, the IPS and headcounts of collèges and écoles, the carte
//! scolaire; IGN's commune and IRIS contours; INSEE's census tables; the BAN's addresses. Each
//! file is recognised by its columns, whatever it is called on disk, and the whole set builds a
//! département's territory ([`departement`]).

pub mod ban;
pub mod carte;
pub mod departement;
pub mod names;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use names::header_key;

pub use super::layer::refusal_by_name;
pub use super::report::Refusal;

/// What a file is, among the national files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The ministry's directory of establishments (`fr-en-annuaire-education`).
    Directory,
    /// The geolocation of establishments (`Coordonnee X/Y` with an `EPSG` column, or latitude
    /// and longitude).
    Geolocation,
    /// The IPS of collèges.
    CollegeIps,
    /// The IPS of écoles.
    EcoleIps,
    /// Collège headcounts by level (`Numéro du collège`).
    CollegeHeadcounts,
    /// École headcounts by level, CP to CM2 (`Numéro de l'école`).
    EcoleHeadcounts,
    /// Second-degré headcounts per establishment (`Numero_d_etablissement`).
    SecondDegreeHeadcounts,
    /// The carte scolaire of public collèges (communes and streets to a UAI).
    CarteScolaire,
    /// Commune contours (GeoJSON, or IGN's shapefiles).
    Communes,
    /// IRIS contours.
    Iris,
    /// An INSEE census table per IRIS or commune (socio-professional categories).
    Census,
    /// The national address base (BAN), one département's CSV or the whole country's.
    Addresses,
}

impl Role {
    /// Every role, in the order the assistant lists them.
    pub const ALL: [Role; 12] = [
        Role::Communes,
        Role::Iris,
        Role::Directory,
        Role::Geolocation,
        Role::CarteScolaire,
        Role::CollegeIps,
        Role::CollegeHeadcounts,
        Role::SecondDegreeHeadcounts,
        Role::EcoleIps,
        Role::EcoleHeadcounts,
        Role::Census,
        Role::Addresses,
    ];
}

/// One file and what it was recognised as.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognised {
    /// The file.
    pub path: PathBuf,
    /// Its role, `None` when it is none of the national files.
    pub role: Option<Role>,
    /// Its columns (header keys as written), for the report and the column pickers.
    pub columns: Vec<String>,
    /// Why it was not recognised, when it was not (a sidecar of a shapefile, a format the
    /// project does not read...).
    pub refusal: Option<Refusal>,
}

/// True for file names read as tables (CSV, possibly gzipped as the BAN ships them).
pub fn is_table_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    [".csv", ".txt", ".tsv", ".csv.gz"]
        .iter()
        .any(|e| name.ends_with(e))
}

/// Opens a table for reading, un-gzipping a `.gz`.
pub fn open_table(path: &Path) -> std::io::Result<Box<dyn Read>> {
    let f = std::fs::File::open(path)?;
    let gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    Ok(if gz {
        // never more than the compressed size allows: a bomb stops with an error
        let limit = crate::io::bounded::allowance(f.metadata()?.len());
        Box::new(crate::io::bounded::Capped::new(
            flate2::read::MultiGzDecoder::new(BufReader::new(f)),
            limit,
        ))
    } else {
        Box::new(BufReader::new(f))
    })
}

/// The first line of a table and its delimiter: the one of `;`, `,` or tab it holds most.
/// Reads at most 64 KiB, so a huge or hostile file costs nothing.
pub fn table_header(path: &Path) -> Result<(Vec<String>, u8), String> {
    let r = open_table(path).map_err(|e| e.to_string())?;
    let mut line = Vec::new();
    BufReader::new(r.take(64 * 1024))
        .read_until(b'\n', &mut line)
        .map_err(|e| e.to_string())?;
    let text = super::layer::decode_text(&line);
    let first = text.trim_end_matches(['\r', '\n']);
    // chosen as the table reader chooses it (reading a slice cannot fail)
    let delimiter = super::layer::table_delimiter(&mut first.as_bytes()).unwrap_or(b',');
    if !first.bytes().any(|b| b == delimiter) {
        return Ok((Vec::new(), delimiter));
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(first.as_bytes());
    let fields = reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(|s| s.trim().to_string()).collect())
        .unwrap_or_default();
    Ok((fields, delimiter))
}

/// The role of a table, from its header keys (and, for IPS files, the names in a few rows).
pub fn table_role(keys: &HashSet<String>, first_names: &[String]) -> Option<Role> {
    let has = |k: &str| keys.contains(k);
    let any = |ks: &[&str]| ks.iter().any(|k| keys.contains(*k));
    if has("secteurunique") && any(&["coderne", "uai", "codeuai"]) {
        return Some(Role::CarteScolaire);
    }
    if has("typeetablissement") && any(&["identifiantdeletablissement", "uai"]) {
        return Some(Role::Directory);
    }
    if has("numeroducollege") {
        return Some(Role::CollegeHeadcounts);
    }
    if has("numerodelecole") {
        return Some(Role::EcoleHeadcounts);
    }
    if has("numerodetablissement") && has("nombredeleves") {
        return Some(Role::SecondDegreeHeadcounts);
    }
    if has("nomvoie") && has("numero") && has("codeinsee") {
        return Some(Role::Addresses);
    }
    if any(&["codeetablissement", "numerouai", "uai"])
        && any(&["coordonneex", "latitude"])
        && !has("ips")
    {
        return Some(Role::Geolocation);
    }
    if has("ips") && any(&["uai", "codeuai"]) {
        // école or collège IPS: the names say which (the files' columns changed over the years)
        let ecoles = first_names
            .iter()
            .filter(|n| n.to_ascii_uppercase().contains("ECOLE"))
            .count();
        let colleges = first_names
            .iter()
            .filter(|n| {
                let n = n.to_ascii_uppercase();
                n.contains("COLLEGE") || n.contains("COLLÈGE")
            })
            .count();
        return Some(if ecoles > colleges {
            Role::EcoleIps
        } else {
            Role::CollegeIps
        });
    }
    let census = (1..=8).all(|k| {
        keys.iter()
            .any(|c| c.ends_with(&format!("pop15pcs{k}")) || c.ends_with(&format!("c{k}")))
    });
    if census && any(&["iris", "codgeo", "com", "codeiris", "codecommune"]) {
        return Some(Role::Census);
    }
    None
}

/// The role of a polygon layer from its columns: IRIS when it has an IRIS code, communes when
/// it has an INSEE commune code.
pub fn layer_role(keys: &HashSet<String>) -> Option<Role> {
    let any = |ks: &[&str]| ks.iter().any(|k| keys.contains(*k));
    if any(&["codeiris", "dcomiris", "iris"]) {
        Some(Role::Iris)
    } else if any(&[
        "code",
        "inseecom",
        "codeinsee",
        "codgeo",
        "insee",
        "codecommune",
    ]) {
        Some(Role::Communes)
    } else {
        None
    }
}

/// Reads what a file is, by its content: a table's header (and, for an IPS file, a few names),
/// a layer's columns and geometry.
pub fn recognise(path: &Path) -> Recognised {
    let mut rec = Recognised {
        path: path.to_path_buf(),
        role: None,
        columns: Vec::new(),
        refusal: None,
    };
    if let Some(r) = refusal_by_name(path) {
        rec.refusal = Some(r);
        return rec;
    }
    if is_table_name(path) {
        match table_header(path) {
            Err(e) => {
                rec.refusal = Some(Refusal::Unreadable(Box::new(crate::io::report::Problem {
                    file: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    place: None,
                    field: None,
                    severity: crate::io::report::Severity::Fatal,
                    kind: crate::io::report::ProblemKind::Unreadable {
                        reason: crate::io::report::Reason::System(e),
                    },
                })));
            }
            Ok((fields, _)) if fields.len() < 2 => rec.refusal = Some(Refusal::NotATable),
            Ok((fields, delimiter)) => {
                let keys: HashSet<String> = fields.iter().map(|f| header_key(f)).collect();
                let names = sample_names(path, &fields, delimiter);
                rec.role = table_role(&keys, &names);
                rec.columns = fields;
                if rec.role.is_none() {
                    rec.refusal = Some(Refusal::Unknown);
                }
            }
        }
        return rec;
    }
    let (layer, report) = super::layer::read_layer(path);
    match layer {
        None => {
            rec.refusal = match report.problems.into_iter().next() {
                // a refusal by kind stays that refusal
                Some(crate::io::report::Problem {
                    kind: crate::io::report::ProblemKind::NotReadHere { refusal },
                    ..
                }) => Some(refusal),
                Some(p) => Some(Refusal::Unreadable(Box::new(p))),
                None => Some(Refusal::Unknown),
            };
        }
        Some(l) => {
            rec.role = role_of_layer(&l);
            rec.columns = l.fields;
            if rec.role.is_none() {
                rec.refusal = Some(Refusal::Unknown);
            }
        }
    }
    rec
}

/// The role of a layer of areas already read, from its columns (`None` for one without areas).
pub fn role_of_layer(layer: &super::layer::Layer) -> Option<Role> {
    let keys: HashSet<String> = layer.fields.iter().map(|f| header_key(f)).collect();
    let areas = layer.features.iter().any(|f| {
        matches!(
            f.geometry.as_deref(),
            Some(geo::Geometry::Polygon(_) | geo::Geometry::MultiPolygon(_))
        )
    });
    if areas { layer_role(&keys) } else { None }
}

/// The establishment names of a table's first rows (at most 64 KiB read), to tell an école
/// file from a collège file.
fn sample_names(path: &Path, fields: &[String], delimiter: u8) -> Vec<String> {
    let Some(col) = fields.iter().position(|f| {
        let k = header_key(f);
        k.starts_with("nom") && k.contains("etabl") || k == "appellationofficielle"
    }) else {
        return Vec::new();
    };
    let Ok(r) = open_table(path) else {
        return Vec::new();
    };
    let mut bytes = Vec::new();
    if r.take(64 * 1024).read_to_end(&mut bytes).is_err() {
        return Vec::new();
    }
    let text = super::layer::decode_text(&bytes);
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .take(200)
        .filter_map(Result::ok)
        .filter_map(|r| r.get(col).map(str::to_string))
        .collect()
}

/// The files of a folder (not its sub-folders), sorted, and the files given one by one.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut inner: Vec<PathBuf> = std::fs::read_dir(p)
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            inner.sort();
            out.extend(inner);
        } else {
            out.push(p.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(fields: &[&str]) -> HashSet<String> {
        fields.iter().map(|f| header_key(f)).collect()
    }

    #[test]
    fn the_ministrys_headers_of_both_portal_generations_are_recognised() {
        let old_carte = keys(&[
            "code_insee",
            "Type_et_Libelle",
            "No_de_voie_debut",
            "Parite",
            "Code_RNE",
            "Secteur_unique",
        ]);
        let new_carte = keys(&[
            "no_ligne",
            "code_insee",
            "type_et_libelle",
            "n_de_voie_debut",
            "code_rne",
            "secteur_unique",
        ]);
        assert_eq!(table_role(&old_carte, &[]), Some(Role::CarteScolaire));
        assert_eq!(table_role(&new_carte, &[]), Some(Role::CarteScolaire));
        let geo_old = keys(&["Code établissement", "Coordonnee X", "Coordonnee Y", "EPSG"]);
        let geo_new = keys(&[
            "numero_uai",
            "coordonnee_x",
            "coordonnee_y",
            "nature_uai_libe",
        ]);
        assert_eq!(table_role(&geo_old, &[]), Some(Role::Geolocation));
        assert_eq!(table_role(&geo_new, &[]), Some(Role::Geolocation));
        let ips = keys(&["UAI", "Nom de l'établissment", "IPS", "Effectifs"]);
        assert_eq!(
            table_role(&ips, &["COLLEGE ROGER POULNARD".into()]),
            Some(Role::CollegeIps)
        );
        assert_eq!(
            table_role(&ips, &["ECOLE PRIMAIRE PUBLIQUE LA GUEDELAIS".into()]),
            Some(Role::EcoleIps)
        );
        let ban = keys(&[
            "id",
            "id_fantoir",
            "numero",
            "rep",
            "nom_voie",
            "code_insee",
            "lon",
        ]);
        assert_eq!(table_role(&ban, &[]), Some(Role::Addresses));
        assert_eq!(table_role(&keys(&["a", "b"]), &[]), None);
    }

    #[test]
    fn sidecars_and_other_formats_are_named() {
        assert_eq!(
            refusal_by_name(Path::new("IRIS.dbf")),
            Some(Refusal::ShapefilePart)
        );
        assert_eq!(
            refusal_by_name(Path::new("secteurs.topojson")),
            Some(Refusal::Unsupported("TopoJSON".into()))
        );
        assert_eq!(
            refusal_by_name(Path::new("x.KML")),
            Some(Refusal::Unsupported("KML".into()))
        );
        assert_eq!(refusal_by_name(Path::new("x.geojson")), None);
    }
}
