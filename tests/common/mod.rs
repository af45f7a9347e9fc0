//! Files shared by several test binaries.
#![allow(dead_code, clippy::unwrap_used, reason = "test helpers")]

/// A small territory in files, as a département would export it: 2×2 square blocks in
/// Lambert-93 (declared), a collège table in CSV with latin-1 text and decimal commas.
pub fn small_open_data(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    let square = |x: f64, y: f64| {
        format!(
            "[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]",
            x + 500.0,
            x + 500.0,
            y + 500.0,
            y + 500.0
        )
    };
    let mut features = Vec::new();
    for (k, (x, y)) in [(0.0, 0.0), (500.0, 0.0), (0.0, 500.0), (500.0, 500.0)]
        .iter()
        .enumerate()
    {
        features.push(format!(
            r#"{{"type":"Feature","properties":{{"CODE_IRIS":"59000000{k}","NOM_IRIS":"Îlot {k}","NB_COLLEGIENS":{},"college":"{}","ecole":"{}"}},"geometry":{{"type":"Polygon","coordinates":{}}}}}"#,
            20 + k * 5,
            if k < 2 { "0590001A" } else { "0590002B" },
            // the first two blocks are one école's catchment, the last has none
            ["École des Lilas", "École des Lilas", "École Pasteur", ""][k],
            square(704_000.0 + x, 7_059_000.0 + y)
        ));
    }
    std::fs::write(
        dir.join("iris.geojson"),
        format!(
            r#"{{"type":"FeatureCollection","crs":{{"type":"name","properties":{{"name":"urn:ogc:def:crs:EPSG::2154"}}}},"features":[{}]}}"#,
            features.join(",")
        ),
    )
    .unwrap();
    let mut csv = b"UAI;Nom;Secteur;IPS;longitude;latitude\n".to_vec();
    csv.extend_from_slice(b"0590001A;Coll\xe8ge Nord;public;98,5;3,06;50,64\n");
    csv.extend_from_slice(b"0590002B;Coll\xe8ge Sud;public;112,0;3,07;50,65\n");
    std::fs::write(dir.join("colleges.csv"), csv).unwrap();
}

/// `carte-mixite indicators TERRITORY --format json [--scenario S]`: the collèges and the
/// territory indices, after checking the command succeeded.
pub fn indicators_json(
    territory: &std::ffi::OsStr,
    scenario: Option<&std::path::Path>,
) -> (serde_json::Value, serde_json::Value) {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_carte-mixite"));
    c.arg("indicators")
        .arg(territory)
        .args(["--format", "json"]);
    if let Some(s) = scenario {
        c.arg("--scenario").arg(s);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (v["colleges"].clone(), v["indices"].clone())
}

/// A tiny département "99" in the ministry's own files and columns (a few rows each, as the
/// portal exports them: `;`-separated, UTF-8 with a BOM): three communes, two public collèges
/// and a private one, four écoles. Commune 99001 goes to the first collège, 99002 is shared by
/// both, 99003 is divided by streets.
pub fn small_departement(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    let square = |x: f64, y: f64| {
        format!(
            "[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]",
            x + 0.05,
            x + 0.05,
            y + 0.05,
            y + 0.05
        )
    };
    let communes = [
        ("99001", "Amont", square(-1.70, 48.10)),
        ("99002", "Aval", square(-1.65, 48.10)),
        ("99003", "Bourg", square(-1.60, 48.10)),
        ("35001", "Ailleurs", square(-1.50, 48.10)),
    ]
    .iter()
    .map(|(code, nom, ring)| {
        format!(
            r#"{{"type":"Feature","properties":{{"code":"{code}","nom":"{nom}"}},"geometry":{{"type":"Polygon","coordinates":{ring}}}}}"#
        )
    })
    .collect::<Vec<_>>()
    .join(",");
    std::fs::write(
        dir.join("communes-99.geojson"),
        format!(r#"{{"type":"FeatureCollection","features":[{communes}]}}"#),
    )
    .unwrap();
    let bom = "\u{feff}";
    std::fs::write(
        dir.join("fr-en-annuaire-education.csv"),
        format!(
            "{bom}Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Statut_public_prive;Code_commune;Code_departement;Type_contrat_prive;latitude;longitude;etat\n\
             0990001A;Collège Jean Moulin;Collège;Public;99001;099;SANS OBJET;48.12;-1.68;OUVERT\n\
             0990002B;Collège Louise Michel;Collège;Public;99003;099;SANS OBJET;48.12;-1.58;OUVERT\n\
             0990003C;Collège Saint-Joseph;Collège;Privé;99002;099;CONTRAT D'ASSOCIATION TOUTES CLASSES;48.12;-1.63;OUVERT\n\
             0990004D;Collège Hors Contrat;Collège;Privé;99002;099;HORS CONTRAT;48.12;-1.63;OUVERT\n\
             0990011K;Ecole élémentaire publique Amont;Ecole;Public;99001;099;SANS OBJET;48.12;-1.68;OUVERT\n\
             0990012L;Ecole élémentaire publique Aval;Ecole;Public;99002;099;SANS OBJET;48.12;-1.63;OUVERT\n\
             0990013M;Ecole primaire privée Aval;Ecole;Privé;99002;099;CONTRAT D'ASSOCIATION TOUTES CLASSES;48.12;-1.63;OUVERT\n\
             0990014N;Ecole élémentaire publique Bourg;Ecole;Public;99003;099;SANS OBJET;48.12;-1.58;OUVERT\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("fr-en-carte-scolaire-colleges-publics.csv"),
        format!(
            "{bom}code_departement;code_insee;libelle_commune;Type_et_Libelle;No_de_voie_debut;No_de_voie_fin;Parite;Code_RNE;Secteur_unique\n\
             099;99001;Amont;;;;;0990001A;O\n\
             099;99002;Aval;;;;;0990001A;O\n\
             099;99002;Aval;;;;;0990002B;O\n\
             099;99003;Bourg;RUE ST MELAINE;1;9999;I;0990001A;N\n\
             099;99003;Bourg;RUE ST MELAINE;2;9999;P;0990002B;N\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("fr-en-ips-colleges-ap2022.csv"),
        format!(
            "{bom}Rentrée scolaire;Académie;Code du département;Département;UAI;Nom de l'établissment;Code INSEE de la commune;Nom de la commune;Secteur;Effectifs;IPS;Ecart-type de l'IPS\n\
             2022-2023;RENNES;099;TEST;0990001A;COLLEGE JEAN MOULIN;99001;AMONT;public;400.0;95.0;30.1\n\
             2022-2023;RENNES;099;TEST;0990002B;COLLEGE LOUISE MICHEL;99003;BOURG;public;300.0;110.0;31.0\n\
             2022-2023;RENNES;099;TEST;0990003C;COLLEGE SAINT-JOSEPH;99002;AVAL;privé sous contrat;250.0;125.0;28.0\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("fr-en-ecoles-effectifs-nb_classes.csv"),
        format!(
            "{bom}Rentrée scolaire;Commune;Numéro de l'école;Secteur;Nombre total d'élèves;Nombre d'élèves en CP hors ULIS;Nombre d'élèves en CE1 hors ULIS;Nombre d'élèves en CE2 hors ULIS;Nombre d'élèves en CM1 hors ULIS;Nombre d'élèves en CM2 hors ULIS\n\
             2022;AMONT;0990011K;PUBLIC;250;50;50;50;50;50\n\
             2022;AVAL;0990012L;PUBLIC;100;20;20;20;20;20\n\
             2022;AVAL;0990013M;PRIVE;50;10;10;10;10;10\n\
             2022;BOURG;0990014N;PUBLIC;150;30;30;30;30;30\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("fr-en-ips-ecoles-ap2022.csv"),
        "\"rentree_scolaire\",\"code_du_departement\",\"code_insee_de_la_commune\",\"uai\",\"nom_de_l_etablissement\",\"secteur\",\"ips\"\n\
         \"2022-2023\",\"99\",\"99001\",\"0990011K\",\"ECOLE ELEMENTAIRE PUBLIQUE AMONT\",\"public\",\"90.0\"\n\
         \"2022-2023\",\"99\",\"99002\",\"0990012L\",\"ECOLE ELEMENTAIRE PUBLIQUE AVAL\",\"public\",\"100.0\"\n\
         \"2022-2023\",\"99\",\"99002\",\"0990013M\",\"ECOLE PRIMAIRE PRIVEE AVAL\",\"privé sous contrat\",\"130.0\"\n\
         \"2022-2023\",\"99\",\"99003\",\"0990014N\",\"ECOLE ELEMENTAIRE PUBLIQUE BOURG\",\"public\",\"NS\"\n",
    )
    .unwrap();
}

/// Addresses of commune 99003 in the BAN's own format: 3 odd and 1 even house number on the
/// street the carte scolaire writes `RUE ST MELAINE`, and one on a street it does not list.
pub fn small_ban(path: &std::path::Path) {
    std::fs::write(
        path,
        "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles\n\
         99003_0001_00001;99003_0001;1;;Rue Saint-Melaine;99000;99003;Bourg;;;;;-1.58;48.12;entrée;;;BOURG;RUE SAINT MELAINE;commune;commune;1;\n\
         99003_0001_00003;99003_0001;3;;Rue Saint-Melaine;99000;99003;Bourg;;;;;-1.58;48.12;entrée;;;BOURG;RUE SAINT MELAINE;commune;commune;1;\n\
         99003_0001_00005;99003_0001;5;bis;Rue Saint-Melaine;99000;99003;Bourg;;;;;-1.58;48.12;entrée;;;BOURG;RUE SAINT MELAINE;commune;commune;1;\n\
         99003_0001_00002;99003_0001;2;;Rue Saint-Melaine;99000;99003;Bourg;;;;;-1.58;48.12;entrée;;;BOURG;RUE SAINT MELAINE;commune;commune;1;\n\
         99003_0002_00001;99003_0002;1;;Impasse des Lilas;99000;99003;Bourg;;;;;-1.58;48.12;entrée;;;BOURG;IMPASSE DES LILAS;commune;commune;1;\n",
    )
    .unwrap();
}

/// An INSEE census table per IRIS, in INSEE's own columns (`IRIS`, `COM`, `C19_POP15P_CS1`…):
/// two IRIS of commune 99001, one of 99002, one of 99003.
pub fn small_census(path: &std::path::Path) {
    let mut text = String::from("IRIS;COM;TYP_IRIS;LAB_IRIS;P19_POP");
    for k in 1..=8 {
        text.push_str(&format!(";C19_POP15P_CS{k}"));
    }
    text.push('\n');
    for (iris, com, cs) in [
        (
            "990010101",
            "99001",
            [1.0, 2.0, 40.0, 30.0, 20.0, 5.0, 50.0, 2.0],
        ),
        (
            "990010102",
            "99001",
            [0.0, 2.0, 30.0, 20.0, 20.0, 5.0, 40.0, 3.0],
        ),
        (
            "990020000",
            "99002",
            [2.0, 5.0, 10.0, 20.0, 40.0, 40.0, 30.0, 10.0],
        ),
        (
            "990030000",
            "99003",
            [3.0, 5.0, 5.0, 10.0, 40.0, 60.0, 30.0, 20.0],
        ),
    ] {
        text.push_str(&format!("{iris};{com};H;1;1000"));
        for x in cs {
            text.push_str(&format!(";{x}"));
        }
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}
