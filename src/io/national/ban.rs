//! The national address base (BAN) as published: one CSV per département, or the whole
//! country's (26 million rows), `;`-separated, possibly gzipped
//! (`id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;...;lon;lat;...`). It is streamed
//! row by row: only counts are kept, so a national file costs the memory of one row.
//!
//! Each address of a commune divided by streets goes to the carte scolaire row that names its
//! street (compared by [`super::names::street_key`]), covers its number and its side; each unit
//! then gets the collège shares of its addresses.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::carte::{Carte, CommuneRule, StreetRow};
use super::names::{header_key, street_key};
use crate::model::places::{Address, AddressBook, AddressStreet};

/// A street of the BAN that no carte scolaire row names.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct UnmatchedStreet {
    /// The commune (INSEE code).
    pub commune: String,
    /// The street as the BAN writes it.
    pub street: String,
    /// Its addresses.
    pub addresses: u64,
}

/// What the addresses gave.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct StreetMatch {
    /// For each unit (by index, as the locator gives it), the addresses that went to each
    /// collège (UAI).
    pub per_unit: BTreeMap<usize, BTreeMap<String, u64>>,
    /// Rows read in the whole file.
    pub rows_read: u64,
    /// Addresses in the communes divided by streets.
    pub in_communes: u64,
    /// Of those, matched to a row.
    pub matched: u64,
    /// Matched to a street of the carte scolaire, but no row of it covers the number.
    pub number_outside: u64,
    /// On streets no row names (the most frequent first, at most 20), and their total.
    pub unmatched_streets: Vec<UnmatchedStreet>,
    /// Addresses on streets no row names.
    pub unmatched_addresses: u64,
    /// Distinct streets of the BAN, in those communes, that no row names.
    pub unmatched_street_count: usize,
    /// Carte scolaire rows whose street no address has (commune, street as written), at most
    /// 20 examples, and their total.
    pub rows_without_address: Vec<(String, String)>,
    /// How many rows have no address.
    pub rows_without_address_count: usize,
    /// Matched addresses not in any unit (outside the territory's contours).
    pub outside_units: u64,
}

/// Why the address file cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BanError {
    /// The file cannot be opened or read.
    #[error("{0}")]
    Unreadable(String),
    /// A column the BAN always has is missing (its name).
    #[error("no column {0}")]
    MissingColumn(&'static str),
    /// More addresses than can be kept (the limit).
    #[error("more than {0} addresses")]
    TooMany(usize),
}

/// One commune's rows, indexed by street key (and by the key without its first word, the kind
/// of street, used only when that names one collège).
struct CommuneIndex<'a> {
    by_key: HashMap<&'a str, Vec<&'a StreetRow>>,
    by_name: HashMap<String, Vec<&'a StreetRow>>,
    used: HashMap<&'a str, bool>,
}

fn without_kind(key: &str) -> String {
    key.split_once(' ')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_default()
}

/// Streams the address file and matches each address of a commune divided by streets.
/// `locate(commune, lon, lat)` gives the unit an address belongs to. `progress` is called
/// with the bytes read so far, now and then.
pub fn match_addresses(
    path: &Path,
    carte: &Carte,
    locate: &dyn Fn(&str, f64, f64) -> Option<usize>,
    progress: &mut dyn FnMut(u64),
) -> Result<StreetMatch, BanError> {
    let mut index = street_index(carte);
    let (mut csv, headers) = open_ban(path)?;
    let col = |names: &[&str]| column(&headers, names);
    let c_code = col(&["codeinsee"]).ok_or(BanError::MissingColumn("code_insee"))?;
    let c_num = col(&["numero"]).ok_or(BanError::MissingColumn("numero"))?;
    let c_street = col(&["nomvoie"]).ok_or(BanError::MissingColumn("nom_voie"))?;
    let c_afnor = col(&["nomafnor"]);
    let c_lon = col(&["lon", "longitude"]).ok_or(BanError::MissingColumn("lon"))?;
    let c_lat = col(&["lat", "latitude"]).ok_or(BanError::MissingColumn("lat"))?;
    let mut out = StreetMatch::default();
    let mut unmatched: HashMap<(String, String), u64> = HashMap::new();
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // a damaged row is skipped; the file goes on
            Err(_) => continue,
        }
        out.rows_read += 1;
        if out.rows_read.is_multiple_of(200_000) {
            progress(csv.get_ref().bytes);
        }
        let Some(code) = record.get(c_code).and_then(|b| std::str::from_utf8(b).ok()) else {
            continue;
        };
        let Some(ci) = index.get_mut(code) else {
            continue;
        };
        out.in_communes += 1;
        let text = |c: usize| String::from_utf8_lossy(record.get(c).unwrap_or_default());
        let number = text(c_num).trim().parse::<u32>().ok();
        let street = text(c_street).to_string();
        let mut key = street_key(&street);
        if !ci.by_key.contains_key(key.as_str())
            && let Some(a) = c_afnor
        {
            let k = street_key(&text(a));
            if ci.by_key.contains_key(k.as_str()) {
                key = k;
            }
        }
        let rows: Vec<&StreetRow> = match ci.by_key.get(key.as_str()) {
            Some(rows) => rows.clone(),
            None => {
                // the same name with another kind of street ("PLACE X" / "SQUARE X"), when
                // that names a single collège
                let alt = ci.by_name.get(&without_kind(&key)).filter(|rows| {
                    !without_kind(&key).is_empty() && rows.iter().all(|r| r.uai == rows[0].uai)
                });
                match alt {
                    Some(rows) => rows.clone(),
                    None => {
                        out.unmatched_addresses += 1;
                        *unmatched.entry((code.to_string(), street)).or_default() += 1;
                        continue;
                    }
                }
            }
        };
        for r in &rows {
            if let Some(u) = ci.used.get_mut(r.key.as_str()) {
                *u = true;
            }
        }
        let Some(row) = rows.iter().find(|r| r.covers(number)).or_else(|| {
            // an address without a number, or one beyond every range: the street's single
            // collège when it has only one
            rows.iter().all(|r| r.uai == rows[0].uai).then(|| &rows[0])
        }) else {
            out.number_outside += 1;
            continue;
        };
        let lon = text(c_lon).trim().parse::<f64>().ok();
        let lat = text(c_lat).trim().parse::<f64>().ok();
        let (Some(lon), Some(lat)) = (lon, lat) else {
            out.outside_units += 1;
            continue;
        };
        match locate(code, lon, lat) {
            Some(u) => {
                out.matched += 1;
                *out.per_unit
                    .entry(u)
                    .or_default()
                    .entry(row.uai.clone())
                    .or_default() += 1;
            }
            None => out.outside_units += 1,
        }
    }
    progress(csv.get_ref().bytes);
    let mut unmatched: Vec<UnmatchedStreet> = unmatched
        .into_iter()
        .map(|((commune, street), addresses)| UnmatchedStreet {
            commune,
            street,
            addresses,
        })
        .collect();
    unmatched.sort_by(|a, b| b.addresses.cmp(&a.addresses).then(a.street.cmp(&b.street)));
    out.unmatched_street_count = unmatched.len();
    unmatched.truncate(20);
    out.unmatched_streets = unmatched;
    let mut without = rows_without_address(&index);
    without.sort();
    out.rows_without_address_count = without.len();
    without.truncate(20);
    out.rows_without_address = without;
    Ok(out)
}

/// At most this many addresses are kept (France has about 26 million; a département about a
/// million): beyond, the file is refused rather than filling the memory.
pub const MAX_ADDRESSES: usize = 5_000_000;

/// Reads the addresses of an address file that `keep(lon, lat)` accepts (those of a territory),
/// grouped by street, for the address search. `progress` is called with the bytes read so far,
/// now and then. Rows without a number or a position are skipped.
pub fn read_addresses(
    path: &Path,
    keep: &dyn Fn(f64, f64) -> bool,
    progress: &mut dyn FnMut(u64),
) -> Result<AddressBook, BanError> {
    let (mut csv, headers) = open_ban(path)?;
    let col = |names: &[&str]| column(&headers, names);
    let c_code = col(&["codeinsee"]).ok_or(BanError::MissingColumn("code_insee"))?;
    let c_num = col(&["numero"]).ok_or(BanError::MissingColumn("numero"))?;
    let c_rep = col(&["rep"]);
    let c_street = col(&["nomvoie"]).ok_or(BanError::MissingColumn("nom_voie"))?;
    let c_town = col(&["nomcommune"]);
    let c_lon = col(&["lon", "longitude"]).ok_or(BanError::MissingColumn("lon"))?;
    let c_lat = col(&["lat", "latitude"]).ok_or(BanError::MissingColumn("lat"))?;
    let mut streets: HashMap<(Vec<u8>, Vec<u8>), usize> = HashMap::new();
    let mut book = AddressBook::default();
    let mut kept = 0usize;
    let mut record = csv::ByteRecord::new();
    let mut rows = 0u64;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // a damaged row is skipped; the file goes on
            Err(_) => continue,
        }
        rows += 1;
        if rows.is_multiple_of(200_000) {
            progress(csv.get_ref().bytes);
        }
        let field = |c: usize| record.get(c).unwrap_or_default();
        let number = |c: usize| {
            std::str::from_utf8(field(c))
                .ok()
                .and_then(|t| t.trim().parse::<f64>().ok())
        };
        let (Some(lon), Some(lat)) = (number(c_lon), number(c_lat)) else {
            continue;
        };
        if !keep(lon, lat) {
            continue;
        }
        let Some(n) = std::str::from_utf8(field(c_num))
            .ok()
            .and_then(|t| t.trim().parse::<u32>().ok())
        else {
            continue;
        };
        let street = field(c_street);
        if street.is_empty() {
            continue;
        }
        if kept >= MAX_ADDRESSES {
            return Err(BanError::TooMany(MAX_ADDRESSES));
        }
        kept += 1;
        let key = (field(c_code).to_vec(), street.to_vec());
        let i = match streets.get(&key) {
            Some(&i) => i,
            None => {
                book.streets.push(AddressStreet {
                    name: String::from_utf8_lossy(street).trim().to_string(),
                    commune: c_town
                        .map(|c| String::from_utf8_lossy(field(c)).trim().to_string())
                        .unwrap_or_default(),
                    addresses: Vec::new(),
                });
                streets.insert(key, book.streets.len() - 1);
                book.streets.len() - 1
            }
        };
        book.streets[i].addresses.push(Address {
            number: n,
            suffix: c_rep
                .map(|c| String::from_utf8_lossy(field(c)).trim().to_lowercase())
                .unwrap_or_default(),
            at: [lon, lat],
        });
    }
    progress(csv.get_ref().bytes);
    book.sort();
    Ok(book)
}

/// The address file's rows, streamed, counting the bytes read.
type BanReader = csv::Reader<CountingReader<Box<dyn std::io::Read>>>;

/// The address file opened for streaming, with its header row.
fn open_ban(path: &Path) -> Result<(BanReader, csv::ByteRecord), BanError> {
    let reader = super::open_table(path).map_err(|e| BanError::Unreadable(e.to_string()))?;
    let counted = CountingReader {
        inner: reader,
        bytes: 0,
    };
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(counted);
    let headers = csv
        .byte_headers()
        .map_err(|e| BanError::Unreadable(e.to_string()))?
        .clone();
    Ok((csv, headers))
}

/// The position of the column named one of `names` (compared as [`header_key`] writes them).
fn column(headers: &csv::ByteRecord, names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let k = header_key(&String::from_utf8_lossy(h));
        names.contains(&k.as_str())
    })
}

/// The street rows of each commune the carte scolaire divides by streets, by key and by name
/// without its kind ("rue", "avenue"), none used yet.
fn street_index(carte: &Carte) -> HashMap<&str, CommuneIndex<'_>> {
    let mut index: HashMap<&str, CommuneIndex> = HashMap::new();
    for (code, rule) in &carte.communes {
        if let CommuneRule::Streets(rows) = rule {
            let mut ci = CommuneIndex {
                by_key: HashMap::new(),
                by_name: HashMap::new(),
                used: HashMap::new(),
            };
            for r in rows {
                ci.by_key.entry(r.key.as_str()).or_default().push(r);
                ci.by_name.entry(without_kind(&r.key)).or_default().push(r);
                ci.used.insert(r.key.as_str(), false);
            }
            index.insert(code.as_str(), ci);
        }
    }
    index
}

/// The street rows no address matched: (commune, street).
fn rows_without_address(index: &HashMap<&str, CommuneIndex<'_>>) -> Vec<(String, String)> {
    let mut without: Vec<(String, String)> = Vec::new();
    for (code, ci) in index {
        for (key, used) in &ci.used {
            if !used {
                let street = ci.by_key[key][0].street.clone();
                without.push((code.to_string(), street));
            }
        }
    }
    without
}

/// Counts the bytes read, for the progress bar.
struct CountingReader<R> {
    inner: R,
    bytes: u64,
}

impl<R: std::io::Read> std::io::Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::national::carte::read_carte;

    #[test]
    fn the_addresses_of_a_territory_are_read_by_street() {
        let dir = std::env::temp_dir().join(format!("cm-ban-book-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("adresses-35.csv");
        std::fs::write(
            &p,
            "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles\n\
             35238_1;35238_1;12;bis;Rue Saint-Melaine;35000;35238;Rennes;;;352000;6789000;-1.674;48.114;entrée;;;RENNES;RUE SAINT MELAINE;commune;commune;1;\n\
             35238_2;35238_1;3;;Rue Saint-Melaine;35000;35238;Rennes;;;352000;6789000;-1.675;48.115;entrée;;;RENNES;RUE SAINT MELAINE;commune;commune;1;\n\
             35238_3;35238_2;;;Le Bourg;35000;35238;Rennes;;;352000;6789000;-1.675;48.115;entrée;;;RENNES;LE BOURG;commune;commune;1;\n\
             35001_1;35001_1;3;;Rue Saint-Melaine;35690;35001;Acigné;;;352000;6789000;-1.5;48.1;entrée;;;ACIGNE;RUE SAINT MELAINE;commune;commune;1;\n\
             35001_2;35001_2;4;;Rue du Loin;35690;35001;Acigné;;;352000;6789000;-1.0;48.0;entrée;;;ACIGNE;RUE DU LOIN;commune;commune;1;\n",
        )
        .unwrap();
        let book = read_addresses(&p, &|lon, _| lon < -1.2, &mut |_| {}).unwrap();
        // the row without a number is skipped, the one outside is not kept
        assert_eq!(book.len(), 3);
        assert_eq!(book.streets.len(), 2, "one street per commune");
        let rennes = &book.streets[0];
        assert_eq!(
            (rennes.name.as_str(), rennes.commune.as_str()),
            ("Rue Saint-Melaine", "Rennes")
        );
        assert_eq!(rennes.addresses[0].number, 3, "sorted by number");
        assert_eq!(rennes.addresses[1].suffix, "bis");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn addresses_go_to_the_row_of_their_street_number_and_side() {
        let (l, _) = crate::io::layer::read_layer_bytes(
            "carte.csv",
            "code_insee;Type_et_Libelle;No_de_voie_debut;No_de_voie_fin;Parite;Code_RNE;Secteur_unique\n\
             35238;RUE ST MELAINE;1;9999;I;0350050P;N\n\
             35238;RUE ST MELAINE;2;9999;P;0351234A;N\n\
             35238;ALLEE D AVILLON;1;9999;PI;0351234A;N\n\
             35238;RUE DU PONT;1;9999;PI;0351234A;N\n"
                .as_bytes(),
        );
        let carte = read_carte(&l.unwrap()).unwrap();
        let dir = std::env::temp_dir().join(format!("cm-ban-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("adresses-35.csv");
        std::fs::write(
            &p,
            "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;lon;lat\n\
             a;x;3;;Rue Saint-Melaine;35000;35238;Rennes;-1.67;48.11\n\
             b;x;4;;Rue Saint-Melaine;35000;35238;Rennes;-1.67;48.11\n\
             c;x;6;bis;Rue Saint-Melaine;35000;35238;Rennes;-1.67;48.11\n\
             d;x;1;;Allée d'Avillon;35000;35238;Rennes;-1.68;48.12\n\
             e;x;2;;Rue Inconnue;35000;35238;Rennes;-1.68;48.12\n\
             f;x;2;;Rue Saint-Melaine;35000;35001;Acigné;-1.5;48.1\n",
        )
        .unwrap();
        let m = match_addresses(&p, &carte, &|_, _, _| Some(0), &mut |_| {}).unwrap();
        assert_eq!(m.rows_read, 6);
        assert_eq!(m.in_communes, 5);
        assert_eq!(m.matched, 4);
        assert_eq!(m.per_unit[&0]["0350050P"], 1);
        assert_eq!(m.per_unit[&0]["0351234A"], 3);
        assert_eq!(m.unmatched_addresses, 1);
        assert_eq!(m.unmatched_streets[0].street, "Rue Inconnue");
        assert_eq!(
            m.rows_without_address,
            [("35238".into(), "RUE DU PONT".into())]
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
