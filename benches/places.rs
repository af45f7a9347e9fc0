//! "Mon adresse" budget: a lookup among 500,000 addresses under 50 ms (results while typing).
//! The addresses are written as the national address file (BAN) publishes them, read by the
//! same reader as the window's, then searched with a full address, a half-typed street and a
//! word with a typing slip.
#![allow(missing_docs)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use carte_mixite::model::places::Gazetteer;
use criterion::{Criterion, criterion_group, criterion_main};

const KINDS: &[&str] = &[
    "Rue",
    "Avenue",
    "Allée",
    "Chemin",
    "Impasse",
    "Place",
    "Boulevard",
];
const NAMES: &[&str] = &[
    "des Tilleuls",
    "Jean Jaurès",
    "Victor Hugo",
    "de la République",
    "Pasteur",
    "des Écoles",
    "du Moulin",
    "de la Gare",
    "Gambetta",
    "des Lilas",
    "du Château",
    "Jules Ferry",
    "Carnot",
    "des Acacias",
    "de la Paix",
    "Voltaire",
    "des Peupliers",
    "du Stade",
    "Émile Zola",
    "des Vignes",
    "de l'Église",
    "Jean Moulin",
    "des Marronniers",
    "de la Libération",
    "du Général de Gaulle",
    "des Rosiers",
    "George Sand",
    "du Marché",
    "Pierre Curie",
    "des Cerisiers",
    "Louise Michel",
    "du Lavoir",
    "des Jardins",
    "Paul Bert",
    "de la Fontaine",
    "des Chênes",
    "Anatole France",
    "du Four",
    "des Prés",
    "Aristide Briand",
];

/// A BAN-format file of `streets` × `per_street` addresses over `communes` communes.
fn ban_file(streets: usize, per_street: usize, communes: usize) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("cm-bench-ban-{}.csv", std::process::id()));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(
        f,
        "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;\
         code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;\
         nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;\
         certification_commune;cad_parcelles"
    )
    .unwrap();
    for s in 0..streets {
        // each commune its own streets, no two of one name in a commune
        let per_commune = streets.div_ceil(communes);
        let commune = s / per_commune;
        let name = format!(
            "{} {}",
            KINDS[s % KINDS.len()],
            NAMES[(s / KINDS.len()) % NAMES.len()]
        );
        let code = 35000 + commune;
        for n in 1..=per_street {
            let lon = -1.9 + (commune % 20) as f64 * 0.04 + n as f64 * 0.0001;
            let lat = 47.8 + (commune / 20) as f64 * 0.04 + (s % 7) as f64 * 0.001;
            writeln!(
                f,
                "{code}_{s}_{n};{code}_{s};{n};;{name};35000;{code};Commune {commune};;;0;0;\
                 {lon:.6};{lat:.6};entrée;;;COMMUNE;{name};commune;commune;1;"
            )
            .unwrap();
        }
    }
    path
}

fn places(c: &mut Criterion) {
    // 12,500 streets of 40 numbers: 500,000 addresses in 350 communes (a département)
    let path = ban_file(12_500, 40, 350);
    let t0 = std::time::Instant::now();
    let book =
        carte_mixite::io::national::ban::read_addresses(&path, &|_, _| true, &mut |_| {}).unwrap();
    let read = t0.elapsed();
    assert_eq!(book.len(), 500_000);
    let (territory, _) = carte_mixite::io::territory_files::embedded_demo().unwrap();
    let t1 = std::time::Instant::now();
    let g = Gazetteer::new(&territory, Some(Arc::new(book)));
    eprintln!(
        "500,000 addresses: read in {:.2} s, indexed in {:.2} s ({} places)",
        read.as_secs_f64(),
        t1.elapsed().as_secs_f64(),
        g.len()
    );
    let t2 = std::time::Instant::now();
    let found = g.search("12 rue victor hugo commune 17", 6);
    eprintln!(
        "one search: {:.3} ms, first: {:?}",
        t2.elapsed().as_secs_f64() * 1e3,
        found.first().map(|p| (&p.label, &p.detail))
    );
    let _ = std::fs::remove_file(&path);
    assert_eq!(g.addresses(), 500_000);
    assert!(g.len() > 12_500, "every street is a place: {}", g.len());
    let mut group = c.benchmark_group("address_search_500k");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("full_address", |b| {
        b.iter(|| g.search("12 rue victor hugo commune 17", 6))
    });
    group.bench_function("half_typed", |b| b.iter(|| g.search("av jean ja", 6)));
    group.bench_function("typing_slip", |b| b.iter(|| g.search("rue des tileuls", 6)));
    group.finish();
}

criterion_group!(benches, places);
criterion_main!(benches);
