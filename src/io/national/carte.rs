//! The carte scolaire of public collèges as the ministry publishes it
//! (`fr-en-carte-scolaire-colleges-publics`): one row per commune in one collège's sector
//! (`Secteur_unique = O`), several `O` rows for a commune shared by several collèges, and `N`
//! rows for a commune divided by streets (street, number range, parity). Both generations of
//! the portal's exports are read (`Code_RNE` / `code_rne`, `No_de_voie_debut` /
//! `n_de_voie_debut` written `1.0`).

use std::collections::BTreeMap;

use super::names::{header_key, street_key};
use crate::io::layer::{Layer, Value};

/// Which house numbers of a street a row covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Parity {
    /// Both sides (`PI`).
    Both,
    /// Even numbers (`P`).
    Even,
    /// Odd numbers (`I`).
    Odd,
}

impl Parity {
    /// True when house number `n` is on this side.
    pub fn admits(self, n: u32) -> bool {
        match self {
            Parity::Both => true,
            Parity::Even => n.is_multiple_of(2),
            Parity::Odd => n % 2 == 1,
        }
    }

    /// The carte scolaire's code.
    pub fn code(self) -> &'static str {
        match self {
            Parity::Both => "PI",
            Parity::Even => "P",
            Parity::Odd => "I",
        }
    }
}

/// A street row of a commune divided by streets.
#[derive(Debug, Clone, PartialEq)]
pub struct StreetRow {
    /// The street as the département writes it (`ALLEE D AVILLON`).
    pub street: String,
    /// [`street_key`] of it.
    pub key: String,
    /// First and last house numbers (1-9999 for the whole street).
    pub from: u32,
    /// Last house number.
    pub to: u32,
    /// Which side.
    pub parity: Parity,
    /// The collège.
    pub uai: String,
    /// The row in the file, as users count (the header is row 1).
    pub row: String,
}

impl StreetRow {
    /// True when this row covers house number `n` (a missing number matches any row of the
    /// street that covers the whole of it).
    pub fn covers(&self, n: Option<u32>) -> bool {
        match n {
            Some(n) => n >= self.from && n <= self.to && self.parity.admits(n),
            None => self.from <= 1 && self.to >= 9999 && self.parity == Parity::Both,
        }
    }
}

/// How the carte scolaire places one commune.
#[derive(Debug, Clone, PartialEq)]
pub enum CommuneRule {
    /// The whole commune in one collège's sector.
    Single(String),
    /// The commune in the sectors of several collèges (a shared sector).
    Shared(Vec<String>),
    /// The commune divided by streets between collèges.
    Streets(Vec<StreetRow>),
}

impl CommuneRule {
    /// The collèges this rule names, each once, in the order of the file.
    pub fn colleges(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |u: &String| {
            if !out.contains(u) {
                out.push(u.clone());
            }
        };
        match self {
            CommuneRule::Single(u) => add(u),
            CommuneRule::Shared(v) => v.iter().for_each(add),
            CommuneRule::Streets(rows) => rows.iter().for_each(|r| add(&r.uai)),
        }
        out
    }
}

/// The carte scolaire, read.
#[derive(Debug, Clone, Default)]
pub struct Carte {
    /// Each commune (INSEE code) and its rule.
    pub communes: BTreeMap<String, CommuneRule>,
    /// Each commune's name as the file writes it.
    pub names: BTreeMap<String, String>,
    /// The département code the rows name most (`35`, `2A`, `971`).
    pub departement: Option<String>,
    /// Rows that could not be used (row, what is wrong).
    pub bad_rows: Vec<(String, String)>,
}

fn column(layer: &Layer, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| layer.fields.iter().find(|f| header_key(f) == *k).cloned())
}

/// A house number as the files write it (`12`, `1.0`), `None` when empty.
fn house_number(v: Option<&Value>) -> Option<u32> {
    let x = v?.number().ok()??;
    (0.0..1e6).contains(&x).then_some(x.round() as u32)
}

/// A département code from a commune code (`35238` → `35`, `2A004` → `2A`, `97105` → `971`).
pub fn departement_of_commune(code: &str) -> String {
    if code.starts_with("97") || code.starts_with("98") {
        code.chars().take(3).collect()
    } else {
        code.chars().take(2).collect()
    }
}

/// A département code as written by users and files (`035`, `35`, `2a`) made uniform (`35`,
/// `2A`, `971`).
pub fn normalise_departement(code: &str) -> String {
    let c = code.trim().to_ascii_uppercase();
    let c = if c.len() == 3 && c.starts_with('0') {
        c[1..].to_string()
    } else {
        c
    };
    if c.len() == 1 { format!("0{c}") } else { c }
}

/// Reads the carte scolaire from its table. `Err` names the missing column.
pub fn read_carte(layer: &Layer) -> Result<Carte, String> {
    let need = |keys: &[&str], what: &str| column(layer, keys).ok_or_else(|| what.to_string());
    let commune = need(&["codeinsee", "codecommune"], "code_insee")?;
    let uai = need(&["coderne", "uai", "codeuai"], "Code_RNE")?;
    let unique = need(&["secteurunique"], "Secteur_unique")?;
    let street = column(layer, &["typeetlibelle", "libellevoie", "voie"]);
    let from = column(layer, &["nodevoiedebut", "ndevoiedebut", "numerodebut"]);
    let to = column(layer, &["nodevoiefin", "ndevoiefin", "numerofin"]);
    let parity = column(layer, &["parite"]);
    let name = column(layer, &["libellecommune", "nomcommune", "commune"]);
    let dep = column(layer, &["codedepartement"]);
    let mut carte = Carte::default();
    let mut whole: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut streets: BTreeMap<String, Vec<StreetRow>> = BTreeMap::new();
    let mut deps: BTreeMap<String, usize> = BTreeMap::new();
    let get = |f: &crate::io::layer::Feature, c: &Option<String>| {
        c.as_ref()
            .and_then(|c| f.props.get(c))
            .and_then(|v| v.text())
    };
    for f in &layer.features {
        let (Some(code), Some(u)) = (get(f, &Some(commune.clone())), get(f, &Some(uai.clone())))
        else {
            carte
                .bad_rows
                .push((f.place.to_string(), format!("{commune} / {uai}")));
            continue;
        };
        let u = u.to_ascii_uppercase();
        if !crate::io::import::is_uai(&u) {
            carte.bad_rows.push((f.place.to_string(), u));
            continue;
        }
        // a commune code read as a number loses its leading zero (01001 → 1001)
        let code = if code.len() == 4 && code.chars().all(|c| c.is_ascii_digit()) {
            format!("0{code}")
        } else {
            code.to_ascii_uppercase()
        };
        if let Some(n) = get(f, &name) {
            carte.names.entry(code.clone()).or_insert(n);
        }
        *deps
            .entry(
                get(f, &dep)
                    .map(|d| normalise_departement(&d))
                    .unwrap_or_else(|| departement_of_commune(&code)),
            )
            .or_default() += 1;
        let is_unique = get(f, &Some(unique.clone()))
            .is_some_and(|v| v.eq_ignore_ascii_case("O") || v.eq_ignore_ascii_case("oui"));
        if is_unique {
            let list = whole.entry(code).or_default();
            if !list.contains(&u) {
                list.push(u);
            }
            continue;
        }
        let Some(s) = get(f, &street) else {
            carte
                .bad_rows
                .push((f.place.to_string(), "Type_et_Libelle".into()));
            continue;
        };
        let from_n = house_number(from.as_ref().and_then(|c| f.props.get(c)).as_ref()).unwrap_or(1);
        let to_n = house_number(to.as_ref().and_then(|c| f.props.get(c)).as_ref()).unwrap_or(9999);
        let parity = match get(f, &parity)
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            Some("P") => Parity::Even,
            Some("I") => Parity::Odd,
            _ => Parity::Both,
        };
        streets.entry(code).or_default().push(StreetRow {
            key: street_key(&s),
            street: s,
            from: from_n.min(to_n),
            to: to_n.max(from_n),
            parity,
            uai: u,
            row: f.place.to_string(),
        });
    }
    for (code, list) in whole {
        if streets.contains_key(&code) {
            // a commune with both kinds of rows: the streets decide, the whole-commune rows
            // name collèges the streets may not list; keep the streets
            continue;
        }
        let rule = if list.len() == 1 {
            CommuneRule::Single(list.into_iter().next().unwrap_or_default())
        } else {
            CommuneRule::Shared(list)
        };
        carte.communes.insert(code, rule);
    }
    for (code, rows) in streets {
        carte.communes.insert(code, CommuneRule::Streets(rows));
    }
    carte.departement = deps.into_iter().max_by_key(|(_, n)| *n).map(|(d, _)| d);
    Ok(carte)
}

/// Counts of a carte scolaire's communes by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct CarteCounts {
    /// Communes in one collège's sector.
    pub single: usize,
    /// Communes shared between several collèges.
    pub shared: usize,
    /// Communes divided by streets.
    pub streets: usize,
    /// Street rows.
    pub street_rows: usize,
}

impl Carte {
    /// How many communes of each kind.
    pub fn counts(&self) -> CarteCounts {
        let mut c = CarteCounts::default();
        for rule in self.communes.values() {
            match rule {
                CommuneRule::Single(_) => c.single += 1,
                CommuneRule::Shared(_) => c.shared += 1,
                CommuneRule::Streets(rows) => {
                    c.streets += 1;
                    c.street_rows += rows.len();
                }
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(csv: &str) -> Layer {
        let (l, _) = crate::io::layer::read_layer_bytes("carte.csv", csv.as_bytes());
        l.unwrap()
    }

    #[test]
    fn whole_shared_and_street_communes_as_published() {
        // rows in the ministry's own columns (fr-en-carte-scolaire-colleges-publics)
        let c = read_carte(&layer(
            "code_departement;code_insee;libelle_commune;Type_et_Libelle;No_de_voie_debut;No_de_voie_fin;Parite;Code_RNE;Secteur_unique\n\
             035;35001;Acigné;;;;;0352167R;O\n\
             035;35024;Betton;;;;;0350029S;O\n\
             035;35024;Betton;;;;;0351938S;O\n\
             035;35115;Fougères;ALLEE D AVILLON;1;9999;PI;0350967L;N\n\
             035;35115;Fougères;RUE NATIONALE;1;41;I;0350967L;N\n\
             035;35115;Fougères;RUE NATIONALE;2;9999;P;0350762N;N\n",
        ))
        .unwrap();
        assert_eq!(c.communes["35001"], CommuneRule::Single("0352167R".into()));
        assert_eq!(
            c.communes["35024"],
            CommuneRule::Shared(vec!["0350029S".into(), "0351938S".into()])
        );
        let CommuneRule::Streets(rows) = &c.communes["35115"] else {
            panic!("Fougères is divided by streets")
        };
        assert_eq!(rows.len(), 3);
        assert!(rows[1].covers(Some(41)) && !rows[1].covers(Some(43)));
        assert!(!rows[1].covers(Some(40)) && rows[2].covers(Some(40)));
        assert_eq!(c.departement.as_deref(), Some("35"));
        assert_eq!(
            c.counts(),
            CarteCounts {
                single: 1,
                shared: 1,
                streets: 1,
                street_rows: 3
            }
        );
    }

    #[test]
    fn the_newer_export_with_numbers_written_as_decimals() {
        let c = read_carte(&layer(
            "no_ligne,code_insee,type_et_libelle,n_de_voie_debut,n_de_voie_fin,parite,code_rne,secteur_unique\n\
             1,35238,RUE ST MELAINE,1.0,21.0,I,0350050P,N\n",
        ))
        .unwrap();
        let CommuneRule::Streets(rows) = &c.communes["35238"] else {
            panic!("Rennes is divided by streets")
        };
        assert_eq!(
            (rows[0].from, rows[0].to, rows[0].parity),
            (1, 21, Parity::Odd)
        );
        assert_eq!(rows[0].key, "RUE SAINT MELAINE");
    }

    #[test]
    fn departement_codes() {
        assert_eq!(normalise_departement("035"), "35");
        assert_eq!(normalise_departement("2a"), "2A");
        assert_eq!(normalise_departement("971"), "971");
        assert_eq!(normalise_departement("1"), "01");
        assert_eq!(departement_of_commune("97105"), "971");
        assert_eq!(departement_of_commune("2B033"), "2B");
    }
}
