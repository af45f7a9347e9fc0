//! The command line: `carte-mixite indicators`, `bench`, `generate-demo`. With no command the
//! binary opens the window (see `main.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

pub mod import_departement;
use rand::{Rng, SeedableRng};

use crate::generate::{SyntheticSpec, demo_town, synthetic_territory};
use crate::io::territory_files::{parse_scenario, write_territory_dir};
use crate::metrics::{CollegeIndicators, Metrics, MetricsConfig, Minority, MixFlag};
use crate::model::{Document, Edit, Sector, Territory};

/// Carte Mixité: redraw collège sectors in public, with live social-mix indicators.
#[derive(Debug, Parser)]
#[command(name = "carte-mixite", version, about)]
pub struct Cli {
    /// What to do; with none, the window opens on the demo map.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Interface language.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Fr)]
    pub lang: Lang,
}

pub use crate::i18n::Lang;

/// Output format of `indicators`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// Comma-separated, one row per collège.
    Csv,
    /// Everything, as JSON.
    Json,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the window on a territory folder (default: the demo town).
    Open {
        /// A territory folder, or `demo`.
        territory: Option<String>,
    },
    /// Print every per-collège indicator and the territory indices.
    Indicators {
        /// A territory folder (e.g. maps/demo), or `demo` for the embedded town.
        territory: String,
        /// A scenario file; default: the territory's baseline.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// A street file (.osm.pbf, .osm, .osm.gz, GeoJSON or Shapefile lines) to walk along,
        /// for a territory without streets of its own.
        #[arg(long)]
        streets: Option<PathBuf>,
    },
    /// Build a territory folder from open-data files (units, collèges, baseline), and print
    /// the validation report.
    Import(Box<ImportArgs>),
    /// Build a département's territory from the national open-data files as published (the
    /// directory, geolocation, IPS and headcounts of collèges and écoles, the carte scolaire,
    /// commune contours, and the BAN's addresses when given), and say what each file gave.
    ImportDepartement(Box<import_departement::ImportDepartementArgs>),
    /// Export a scenario: block assignments (CSV), sectors with their indicators (GeoJSON,
    /// Shapefile), the indicator table (CSV).
    Export {
        /// A territory folder, or `demo`.
        territory: String,
        /// A scenario file (JSON, or an assignment CSV); default: the territory's baseline.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Write the block-assignment CSV (unit id, collège UAI) here.
        #[arg(long)]
        assignments: Option<PathBuf>,
        /// Write the sectors with their indicators as GeoJSON here.
        #[arg(long)]
        geojson: Option<PathBuf>,
        /// Write the sectors with their indicators as a Shapefile here (.shp, with .shx, .dbf,
        /// .prj, .cpg beside it).
        #[arg(long)]
        shapefile: Option<PathBuf>,
        /// Write the indicator table as CSV here.
        #[arg(long)]
        indicators: Option<PathBuf>,
        /// Write the scenario as a carte scolaire CSV here, in the ministry's columns (one row
        /// per commune and collège; units keyed by INSEE commune or IRIS code).
        #[arg(long)]
        carte_scolaire: Option<PathBuf>,
        /// A street file to walk along, for a territory without streets of its own.
        #[arg(long)]
        streets: Option<PathBuf>,
    },
    /// Make what the public takes home from a scenario: the PDF handout, the map as PNG, the
    /// chart of every collège's social mix (SVG or PNG), the public table (CSV). Counts under 5
    /// pupils are hidden in all of them.
    Publish {
        /// A project file (.cartemixite), a territory folder, or `demo`.
        territory: String,
        /// The scenario: its name in the project, or a scenario file (JSON or assignment CSV);
        /// default: the project's scenario shown when saved, or the baseline.
        #[arg(long)]
        scenario: Option<String>,
        /// Write the PDF handout here.
        #[arg(long)]
        pdf: Option<PathBuf>,
        /// Write the map as PNG here.
        #[arg(long)]
        map: Option<PathBuf>,
        /// Write the social-mix chart here (.svg or .png).
        #[arg(long)]
        chart: Option<PathBuf>,
        /// Write the public table (CSV) here.
        #[arg(long)]
        table: Option<PathBuf>,
        /// The author written on the handout (default: the scenario's).
        #[arg(long)]
        author: Option<String>,
        /// A street file to walk along, for a territory without streets of its own.
        #[arg(long)]
        streets: Option<PathBuf>,
    },
    /// Ask the assistant for a sectorisation that lowers a segregation index, starting from the
    /// baseline, and print what it changes and what it costs (a whole timed run).
    Assist {
        /// A project file (.cartemixite), a territory folder, or `demo`.
        territory: String,
        /// The index to lower: `h` (entropy), `boursiers` or `defavorises` (dissimilarity), `ips`
        /// (spread of public collèges' IPS).
        #[arg(long, default_value = "h")]
        index: String,
        /// Seconds of search after the first proposal.
        #[arg(long, default_value_t = 20.0)]
        seconds: f64,
        /// Capacity use every collège must stay within, `LOW,HIGH` (e.g. 0.7,1.05), or `none`.
        #[arg(long, default_value = "0.7,1.05")]
        capacity: String,
        /// Longest increase of a unit's walk over its current collège, metres (`none`: no limit).
        #[arg(long, default_value = "1000")]
        max_walk_increase: String,
        /// Most pupils sent to another collège.
        #[arg(long)]
        max_moved: Option<f64>,
        /// Let sectors break into pieces.
        #[arg(long)]
        allow_pieces: bool,
        /// Let the units of one école go to different collèges.
        #[arg(long)]
        split_schools: bool,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write the proposal as a scenario file here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// A street file to walk along.
        #[arg(long)]
        streets: Option<PathBuf>,
    },
    /// Read files (GeoJSON, CSV, Shapefile, zipped Shapefile) and print every problem found,
    /// with the columns recognised.
    Check {
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Time the hot paths on a generated territory and print the figures.
    Bench {
        /// Units of the generated territory.
        #[arg(long, default_value_t = 50_000)]
        units: usize,
        /// Collèges of the generated territory.
        #[arg(long, default_value_t = 1_000)]
        colleges: usize,
        /// Reassignments to time.
        #[arg(long, default_value_t = 100_000)]
        edits: usize,
    },
    /// Time 300 frames of the editor (150 panning, 150 painting): p50 and p95 of the UI
    /// thread's work per frame (layout, map drawing, tessellation; GPU time not included).
    FrameBench {
        /// Use a generated territory of this many units instead of the demo town.
        #[arg(long)]
        units: Option<usize>,
    },
    /// Read a street network (.osm.pbf, .osm, .osm.gz, or a line layer) and say what was kept.
    Streets {
        /// The file.
        file: PathBuf,
    },
    /// Time the walking matrix on a generated street grid: whole runs, as a facilitator would
    /// wait for them.
    WalkBench {
        /// Nodes per side of the grid (1,000 gives a million nodes).
        #[arg(long, default_value_t = 1_000)]
        side: usize,
        /// Collèges.
        #[arg(long, default_value_t = 100)]
        colleges: usize,
        /// Units.
        #[arg(long, default_value_t = 50_000)]
        units: usize,
        /// Also write the graph and the collèges' nodes here, for `tests/check_walk.py`-style
        /// timing with scipy.
        #[arg(long)]
        export: Option<PathBuf>,
    },
    /// Regenerate the demo town into a folder (deterministic).
    GenerateDemo {
        /// Where to write it.
        #[arg(default_value = "maps/demo")]
        out: PathBuf,
        /// Random seed.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Instead of the demo town, a synthetic territory of this many blocks (one collège
        /// per 50 blocks), to try the editor at scale.
        #[arg(long)]
        units: Option<usize>,
    },
}

/// Options of `carte-mixite import`: the same steps as the import assistant.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The territory's name.
    #[arg(long)]
    pub name: String,
    /// The unit layer (GeoJSON polygons: IRIS, blocks...).
    #[arg(long)]
    pub units: PathBuf,
    /// The collège table (CSV with longitude/latitude columns, or GeoJSON points).
    #[arg(long)]
    pub colleges: PathBuf,
    /// A second collège table joined on UAI (e.g. the national IPS file).
    #[arg(long)]
    pub join: Option<PathBuf>,
    /// Sector polygons with a UAI column: each unit goes to the sector it overlaps most.
    #[arg(long)]
    pub sectors: Option<PathBuf>,
    /// The sectors' UAI column (suggested when absent).
    #[arg(long)]
    pub sector_uai: Option<String>,
    /// Without sectors: `column` (the units' collège column) or `nearest`.
    #[arg(long, default_value = "nearest")]
    pub baseline: String,
    /// Estimate units' IPS from census groups (calibrated on the collèges' published IPS).
    #[arg(long)]
    pub estimate_ips: bool,
    /// Unit columns (suggested when absent): key, name, pupils, IPS, collège.
    #[arg(long)]
    pub unit_key: Option<String>,
    #[arg(long)]
    #[allow(missing_docs)]
    pub unit_name: Option<String>,
    #[arg(long)]
    #[allow(missing_docs)]
    pub unit_pupils: Option<String>,
    #[arg(long)]
    #[allow(missing_docs)]
    pub unit_ips: Option<String>,
    #[arg(long)]
    #[allow(missing_docs)]
    pub unit_college: Option<String>,
    /// The units' école column (keeps école catchments whole in the assistant).
    #[arg(long)]
    pub unit_school: Option<String>,
    /// Where to write: a territory folder, or a project file when the name ends in
    /// `.cartemixite` (one file to send).
    #[arg(long)]
    pub out: PathBuf,
    /// For a sector file keyed by collège name: your matches of names to UAIs, a CSV `nom;uai`
    /// (edit the one `--name-matches-out` wrote and give it back here).
    #[arg(long)]
    pub name_matches: Option<PathBuf>,
    /// Write the names joined without a UAI here (CSV: name, UAI chosen, collège, how alike),
    /// to check and correct.
    #[arg(long)]
    pub name_matches_out: Option<PathBuf>,
}

impl ImportArgs {
    /// The import specification these options describe.
    pub fn spec(&self) -> crate::io::import::ImportSpec {
        use crate::io::import::{BaselineSource, ImportSpec, UnitColumns};
        ImportSpec {
            name: self.name.clone(),
            units: self.units.clone(),
            unit_columns: UnitColumns {
                key: self.unit_key.clone(),
                name: self.unit_name.clone(),
                pupils: self.unit_pupils.clone(),
                ips: self.unit_ips.clone(),
                college: self.unit_college.clone(),
                school: self.unit_school.clone(),
                ..UnitColumns::default()
            },
            colleges: self.colleges.clone(),
            college_columns: Default::default(),
            join: self.join.clone(),
            baseline: match (&self.sectors, self.baseline.as_str()) {
                (Some(path), _) => BaselineSource::Sectors {
                    path: path.clone(),
                    uai: self.sector_uai.clone(),
                },
                (None, "column") => BaselineSource::Column,
                _ => BaselineSource::Nearest,
            },
            estimate_ips: self.estimate_ips,
            name_matches: self.name_matches.clone(),
            name_choices: Vec::new(),
        }
    }
}

fn import_command(args: &ImportArgs, lang: Lang) -> Result<String, String> {
    use crate::io::import::{ImportError, import};
    let imported = match import(&args.spec()) {
        Ok(i) => i,
        Err(ImportError::Unusable(r))
        | Err(ImportError::NoColumn { report: r, .. })
        | Err(ImportError::Territory(_, r)) => {
            return Err(crate::i18n::report_text_grouped(&r, lang));
        }
    };
    // a territory nothing can be done with is an error, said in one sentence first
    if let Some(sentence) = crate::i18n::departement::unusable_import(
        lang,
        &imported.territory,
        &imported.baseline,
        &args.units.display().to_string(),
        &args.colleges.display().to_string(),
    ) {
        return Err(format!(
            "{sentence}\n{}",
            crate::i18n::report_text_grouped(&imported.report, lang)
        ));
    }
    if crate::io::project::is_project_path(&args.out) {
        crate::io::project::write_project(
            &args.out,
            &imported.territory,
            &imported.baseline,
            &[],
            0,
            &MetricsConfig::default(),
            &Default::default(),
        )
    } else {
        write_territory_dir(&args.out, &imported.territory, &imported.baseline)
    }
    .map_err(|e| format!("{}: {e}", args.out.display()))?;
    if let Some(p) = &args.name_matches_out {
        crate::io::atomic_write(
            p,
            crate::io::import::write_name_matches(&imported.name_matches).as_bytes(),
        )
        .map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let summary = crate::i18n::import_summary(&imported, lang);
    let mut out = crate::i18n::report_text_grouped(&imported.report, lang);
    if let Some(warning) = crate::i18n::departement::missing_figures(lang, &imported.territory) {
        let _ = writeln!(out, "{warning}");
    }
    let _ = writeln!(out, "{}", summary.headline);
    if let Some(c) = summary.calibration {
        let _ = writeln!(out, "{c}");
    }
    for line in &summary.names {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "→ {}", args.out.display());
    Ok(out)
}

fn check_command(files: &[PathBuf], lang: Lang) -> Result<String, String> {
    use crate::io::import::{suggest_college_columns, suggest_unit_columns};
    let fr = lang == Lang::Fr;
    let mut out = String::new();
    let mut fatal = false;
    for f in files {
        let (layer, report) = crate::io::layer::read_layer(f);
        fatal |= report.has_fatal();
        let _ = writeln!(out, "== {}", f.display());
        out.push_str(&crate::i18n::report_text_grouped(&report, lang));
        if let Some(l) = layer {
            out.push_str(&crate::i18n::report_text(
                &crate::io::import::validate_areas(&l),
                lang,
            ));
            let with_geometry = l.features.iter().filter(|x| x.geometry.is_some()).count();
            let _ = writeln!(
                out,
                "{} {}, {} {} ; {} : {}",
                l.features.len(),
                if fr { "éléments" } else { "features" },
                with_geometry,
                if fr {
                    "avec géométrie"
                } else {
                    "with a geometry"
                },
                if fr { "colonnes" } else { "columns" },
                l.fields.join(", ")
            );
            let _ = writeln!(
                out,
                "projection : {} ; {} : {}",
                if l.crs.is_empty() {
                    if fr {
                        "aucune (tableau sans coordonnées)"
                    } else {
                        "none (a table without coordinates)"
                    }
                } else {
                    l.crs.as_str()
                },
                if fr {
                    "encodage du texte"
                } else {
                    "text encoding"
                },
                if l.encoding.is_empty() {
                    if fr { "aucun texte" } else { "no text" }
                } else {
                    l.encoding
                }
            );
            if let Some(role) = crate::io::national::recognise(f).role {
                let _ = writeln!(
                    out,
                    "{} : {}",
                    if fr {
                        "fichier national reconnu"
                    } else {
                        "national file recognised"
                    },
                    crate::i18n::departement::role_name(lang, role)
                );
            }
            let u = suggest_unit_columns(&l.fields);
            let c = suggest_college_columns(&l.fields);
            let _ = writeln!(
                out,
                "{} : {}",
                if fr {
                    "colonnes reconnues"
                } else {
                    "recognised columns"
                },
                [
                    ("UAI", c.uai),
                    ("clé", u.key),
                    ("élèves", u.pupils),
                    ("IPS", u.ips),
                    ("effectifs", c.pupils),
                    ("statut", c.status),
                ]
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| format!("{k} = {v}")))
                .collect::<Vec<_>>()
                .join(", ")
            );
        }
    }
    if fatal { Err(out) } else { Ok(out) }
}

/// Runs a command-line command; returns the text to print, or an error message.
pub fn run(command: &Command, lang: Lang) -> Result<String, String> {
    match command {
        Command::Open { .. } => Err("open is handled by the window".into()),
        Command::Indicators {
            territory,
            scenario,
            format,
            streets,
        } => indicators(
            territory,
            scenario.as_deref(),
            *format,
            streets.as_deref(),
            lang,
        ),
        Command::Bench {
            units,
            colleges,
            edits,
        } => Ok(bench(*units, *colleges, *edits)),
        Command::FrameBench { units } => crate::app::frame_bench(*units),
        Command::Streets { file } => streets_command(file, lang),
        Command::WalkBench {
            side,
            colleges,
            units,
            export,
        } => walk_bench(*side, *colleges, *units, export.as_deref()),
        Command::Import(args) => import_command(args, lang),
        Command::ImportDepartement(args) => import_departement::run(args, lang),
        Command::Check { files } => check_command(files, lang),
        Command::Assist {
            territory,
            index,
            seconds,
            capacity,
            max_walk_increase,
            max_moved,
            allow_pieces,
            split_schools,
            seed,
            out,
            streets,
        } => {
            let constraints = crate::assistant::Constraints {
                capacity: parse_bounds(capacity)?,
                max_walk_m: None,
                max_walk_increase_m: parse_limit(max_walk_increase)?,
                max_moved_pupils: *max_moved,
                keep_contiguous: !allow_pieces,
                keep_schools: !split_schools,
            };
            let budget = crate::assistant::Budget {
                time: std::time::Duration::from_secs_f64(seconds.max(0.0)),
                steps: u64::MAX,
                seed: *seed,
            };
            assist_command(
                territory,
                index,
                &constraints,
                budget,
                out.as_deref(),
                streets.as_deref(),
                lang,
            )
        }
        Command::Publish {
            territory,
            scenario,
            pdf,
            map,
            chart,
            table,
            author,
            streets,
        } => publish_command(
            territory,
            scenario.as_deref(),
            PublishOutputs {
                pdf: pdf.as_deref(),
                map: map.as_deref(),
                chart: chart.as_deref(),
                table: table.as_deref(),
            },
            author.as_deref(),
            streets.as_deref(),
            lang,
        ),
        Command::Export {
            territory,
            scenario,
            assignments,
            geojson,
            shapefile,
            indicators: table,
            carte_scolaire,
            streets,
        } => {
            let (t, baseline, config) = open_walkable(territory, streets.as_deref(), lang)?;
            let s = match scenario {
                None => baseline.clone(),
                Some(p) => {
                    let text = std::fs::read_to_string(p)
                        .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                    if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) {
                        crate::io::export::parse_assignment_csv(&text, &t, "export")
                            .map_err(|e| format!("{}: {e}", p.display()))?
                    } else {
                        parse_scenario(&text, p, &t).map_err(|e| e.to_string())?.0
                    }
                }
            };
            let save = |path: &Path, text: &str| {
                crate::io::atomic_write(path, text.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))
            };
            let mut out = String::new();
            if let Some(p) = assignments {
                save(p, &crate::io::export::assignment_csv(&t, &s))?;
                let _ = writeln!(out, "→ {}", p.display());
            }
            if let Some(p) = geojson {
                save(
                    p,
                    &crate::io::export::sectors_geojson(&t, &s, config.clone()),
                )?;
                let _ = writeln!(out, "→ {}", p.display());
            }
            if let Some(p) = shapefile {
                crate::io::export::write_sectors_shapefile(p, &t, &s, config.clone())
                    .map_err(|e| format!("cannot write {}: {e}", p.display()))?;
                let _ = writeln!(out, "→ {}", p.display());
            }
            if let Some(p) = table {
                let text = indicators(
                    territory,
                    scenario.as_deref(),
                    Format::Csv,
                    streets.as_deref(),
                    lang,
                )?;
                save(p, &text)?;
                let _ = writeln!(out, "→ {}", p.display());
            }
            if let Some(p) = carte_scolaire {
                // the département of the commune codes the units are keyed by
                let dep = t
                    .units()
                    .first()
                    .map(|u| crate::io::national::carte::departement_of_commune(&u.key))
                    .unwrap_or_default();
                save(
                    p,
                    &crate::io::national::departement::carte_scolaire_csv(&t, &s, &baseline, &dep),
                )?;
                let _ = writeln!(out, "→ {}", p.display());
            }
            if out.is_empty() {
                return Err(
                    "nothing to export: give --assignments, --geojson, --shapefile, --indicators or --carte-scolaire"
                        .into(),
                );
            }
            Ok(out)
        }
        Command::GenerateDemo { out, seed, units } => {
            let (territory, baseline) = match units {
                Some(n) => crate::generate::synthetic_territory(&crate::generate::SyntheticSpec {
                    units: *n,
                    colleges: (n / 50).max(4),
                    seed: *seed,
                }),
                None => {
                    let town = demo_town(*seed);
                    (town.territory, town.baseline)
                }
            };
            write_territory_dir(out, &territory, &baseline)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            Ok(format!(
                "{} : {} îlots, {} collèges, {} tronçons de rue → {}\n",
                territory.info.name,
                territory.units().len(),
                territory.colleges().len(),
                territory.streets.len(),
                out.display()
            ))
        }
    }
}

/// Opens a territory (folder, project or `demo`) with the settings saved in it, and its walking
/// distances along its streets, or along a street file's: the same figures as the window.
fn open_walkable(
    territory: &str,
    streets: Option<&Path>,
    lang: Lang,
) -> Result<
    (
        crate::model::Territory,
        crate::model::Scenario,
        MetricsConfig,
    ),
    String,
> {
    let o = open_all(territory, streets, lang)?;
    Ok((o.territory, o.baseline, o.config))
}

/// A territory or project opened for the command line, its walks routed.
struct Opened {
    territory: crate::model::Territory,
    baseline: crate::model::Scenario,
    /// A project's other scenarios.
    scenarios: Vec<crate::model::Scenario>,
    /// The project's scenario shown when saved (0: the baseline).
    active: usize,
    config: MetricsConfig,
}

fn open_all(territory: &str, streets: Option<&Path>, lang: Lang) -> Result<Opened, String> {
    let p = crate::io::open(Some(territory))
        .map_err(|e| e.to_string())?
        .project;
    let (mut t, baseline, scenarios, active, mut config) = (
        p.territory,
        p.baseline,
        p.scenarios,
        p.active,
        p.settings.unwrap_or_default(),
    );
    if let Some(file) = streets {
        let net = crate::routing::read_streets_for(&t, file)
            .map_err(|e| crate::i18n::streets_error(lang, &e, &t.info.name))?;
        t.streets = net.to_lines();
    }
    if !t.streets.is_empty() {
        // the window's cache folder (beside the autosaves): the CLI and the window share it
        let cache = crate::io::autosave::autosave_dir()
            .parent()
            .map(|d| d.join("cache"));
        let routed = crate::routing::route_territory(
            &t,
            cache.as_deref(),
            &crate::routing::Progress::default(),
        )
        .ok_or_else(|| {
            if lang == Lang::Fr {
                "les rues du territoire ne forment aucun réseau praticable".to_string()
            } else {
                "the territory's streets form no walkable network".to_string()
            }
        })?;
        config.streets = Some(std::sync::Arc::new(routed.matrix));
    }
    Ok(Opened {
        territory: t,
        baseline,
        scenarios,
        active,
        config,
    })
}

/// Where `publish` writes.
struct PublishOutputs<'a> {
    pdf: Option<&'a Path>,
    map: Option<&'a Path>,
    chart: Option<&'a Path>,
    table: Option<&'a Path>,
}

fn parse_bounds(text: &str) -> Result<Option<(f64, f64)>, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let parts: Vec<f64> = text
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("--capacity {text:?}: expected two numbers like 0.7,1.05, or none"))?;
    match parts.as_slice() {
        [lo, hi] if lo <= hi && *lo >= 0.0 => Ok(Some((*lo, *hi))),
        _ => Err(format!(
            "--capacity {text:?}: expected LOW,HIGH with 0 ≤ LOW ≤ HIGH, like 0.7,1.05"
        )),
    }
}

fn parse_limit(text: &str) -> Result<Option<f64>, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    match text.trim().parse::<f64>() {
        Ok(x) if x >= 0.0 => Ok(Some(x)),
        _ => Err(format!("{text:?}: expected metres (a number ≥ 0) or none")),
    }
}

/// The index named on the command line.
pub fn parse_target(
    name: &str,
    t: &crate::model::Territory,
) -> Result<crate::assistant::Target, String> {
    use crate::assistant::Target;
    use crate::metrics::Minority;
    match name.to_lowercase().as_str() {
        "h" | "entropy" | "entropie" => Ok(Target::Entropy),
        "boursiers" => Ok(Target::Dissimilarity(Minority::Boursiers)),
        "ips" | "ecart-ips" | "ips-spread" => Ok(Target::IpsSpread),
        "defavorises" | "défavorisés" | "disadvantaged" => t
            .groups
            .disadvantaged
            .map(|g| Target::Dissimilarity(Minority::Group(g)))
            .ok_or_else(|| "this territory has no disadvantaged group: use h or boursiers".into()),
        _ => Err(format!(
            "--index {name:?}: expected h (entropy), boursiers, defavorises or ips (spread of IPS)"
        )),
    }
}

fn assist_command(
    territory: &str,
    index: &str,
    constraints: &crate::assistant::Constraints,
    budget: crate::assistant::Budget,
    out: Option<&Path>,
    streets: Option<&Path>,
    lang: Lang,
) -> Result<String, String> {
    use crate::assistant::{Request, hill_climb, propose};
    use crate::io::territory_files::scenario_to_json;
    let o = open_all(territory, streets, lang)?;
    let t = &o.territory;
    let base = &o.baseline;
    let target = parse_target(index, t)?;
    let m = Metrics::new(t, base, o.config.clone());
    let began = std::time::Instant::now();
    let p = propose(
        &Request::from_baseline(t, base, &m, target, constraints),
        budget,
        &mut |_| true,
    )
    .map_err(|e| e.to_string())?;
    let whole = began.elapsed();
    let climb_began = std::time::Instant::now();
    let (climbed, climb_moves) =
        hill_climb(&Request::from_baseline(t, base, &m, target, constraints))
            .map_err(|e| e.to_string())?;
    let climb_time = climb_began.elapsed();
    let after = p.scenario(base);
    let ma = Metrics::new(t, &after, o.config.clone());
    // H and D on their 0-1 scale; the IPS spread in IPS points, not as the variance searched
    let shown = |v: f64| match target {
        crate::assistant::Target::IpsSpread => target.display(v),
        _ => v,
    };
    let value = |m: &Metrics| target.value(&m.territory()).map(shown);
    let mean_walk = |m: &Metrics| m.mean_walk_m();
    let mut s = String::new();
    let f = |x: Option<f64>| x.map_or("unknown".into(), |v| format!("{v:.4}"));
    let _ = writeln!(
        s,
        "{}: {} units, {} collèges",
        t.info.name,
        t.units().len(),
        t.colleges().len()
    );
    let _ = writeln!(
        s,
        "index {index}: {} → {} ({:+.1} %)",
        f(value(&m)),
        f(value(&ma)),
        (shown(p.value) / shown(p.start_value) - 1.0) * 100.0
    );
    let _ = writeln!(
        s,
        "first proposal after {:.2} s: {:.4}",
        p.first_after.as_secs_f64(),
        shown(p.greedy_value)
    );
    let _ = writeln!(
        s,
        "whole run {:.2} s ({} annealing steps)",
        whole.as_secs_f64(),
        p.steps
    );
    let _ = writeln!(
        s,
        "hill climb from the same start: {:.4} ({} moves, {:.2} s)",
        shown(climbed),
        climb_moves.len(),
        climb_time.as_secs_f64()
    );
    let units: usize = p.moves.iter().map(|m| m.units.len()).sum();
    let schools = p.moves.iter().filter(|m| m.school.is_some()).count();
    let _ = writeln!(
        s,
        "moves: {units} units{}, {:.0} pupils change collège",
        if schools > 0 {
            format!(" (in {} moves, {schools} of whole écoles)", p.moves.len())
        } else {
            String::new()
        },
        p.moved_pupils()
    );
    let _ = writeln!(
        s,
        "mean walk: {} m → {} m",
        mean_walk(&m).map_or("unknown".into(), |v| format!("{v:.0}")),
        mean_walk(&ma).map_or("unknown".into(), |v| format!("{v:.0}"))
    );
    if let Some(path) = out {
        let mut sc = after;
        sc.meta = crate::model::ScenarioMeta::new("Proposition de l'assistant");
        crate::io::atomic_write(path, scenario_to_json(&sc, t).as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let _ = writeln!(s, "written to {}", path.display());
    }
    Ok(s)
}

fn publish_command(
    territory: &str,
    scenario: Option<&str>,
    out: PublishOutputs<'_>,
    author: Option<&str>,
    streets: Option<&Path>,
    lang: Lang,
) -> Result<String, String> {
    use crate::publish;
    let o = open_all(territory, streets, lang)?;
    let t = &o.territory;
    let mut s = match scenario {
        None => o
            .active
            .checked_sub(1)
            .and_then(|i| o.scenarios.get(i))
            .cloned()
            .unwrap_or_else(|| o.baseline.clone()),
        Some(name) => {
            if let Some(s) = o.scenarios.iter().find(|s| s.meta.name == name) {
                s.clone()
            } else if name == o.baseline.meta.name {
                o.baseline.clone()
            } else {
                let p = Path::new(name);
                let text = std::fs::read_to_string(p).map_err(|e| {
                    let names: Vec<&str> =
                        o.scenarios.iter().map(|s| s.meta.name.as_str()).collect();
                    format!(
                        "no scenario named {name:?} (the project has: {}), and no file of that name: {e}",
                        if names.is_empty() { "none".into() } else { names.join(", ") }
                    )
                })?;
                if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) {
                    crate::io::export::parse_assignment_csv(&text, t, "scenario")
                        .map_err(|e| format!("{}: {e}", p.display()))?
                } else {
                    parse_scenario(&text, p, t).map_err(|e| e.to_string())?.0
                }
            }
        }
    };
    if let Some(a) = author {
        s.meta.author = a.to_string();
    }
    let base_metrics = Metrics::new(t, &o.baseline, o.config.clone());
    let metrics = Metrics::new(t, &s, o.config.clone());
    let summary = publish::PublicSummary::new(
        t,
        (&o.baseline, &base_metrics),
        (&s, &metrics),
        crate::metrics::Confidentiality::default(),
    );
    let styles = publish::palette::sector_styles(t, &o.baseline);
    let changed: Vec<crate::model::UnitId> = s.changed_units(&o.baseline).collect();
    let picture = publish::map::MapPicture {
        territory: t,
        scenario: &s,
        styles: &styles,
        changed: &changed,
    };
    let save = |path: &Path, bytes: &[u8]| {
        crate::io::atomic_write(path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let mut report = String::new();
    let chart_kind = if out
        .chart
        .and_then(|p| p.extension())
        .is_some_and(|x| x.eq_ignore_ascii_case("svg"))
    {
        publish::Output::ChartSvg
    } else {
        publish::Output::ChartPng
    };
    for (target, kind) in [
        (out.pdf, publish::Output::Handout),
        (out.map, publish::Output::MapPng),
        (out.chart, chart_kind),
        (out.table, publish::Output::Table),
    ] {
        let Some(p) = target else {
            continue;
        };
        let bytes = publish::render(kind, &summary, &picture, lang, chrono::Utc::now())
            .map_err(|e| e.to_string())?;
        save(p, &bytes)?;
        let _ = writeln!(report, "→ {}", p.display());
    }
    if report.is_empty() {
        return Err("nothing to publish: give --pdf, --map, --chart or --table".into());
    }
    Ok(report)
}

fn indicators(
    territory: &str,
    scenario: Option<&Path>,
    format: Format,
    streets: Option<&Path>,
    lang: Lang,
) -> Result<String, String> {
    let (t, baseline, config) = open_walkable(territory, streets, lang)?;
    let mut warnings = Vec::new();
    let s = match scenario {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) {
                // a block-assignment file (unit id, UAI), e.g. from Districtr or an export
                let name = p.file_stem().map(|n| n.to_string_lossy().into_owned());
                crate::io::export::parse_assignment_csv(&text, &t, &name.unwrap_or_default())
                    .map_err(|e| format!("{}: {e}", p.display()))?
            } else {
                let (s, w) = parse_scenario(&text, p, &t).map_err(|e| e.to_string())?;
                warnings = w;
                s
            }
        }
        None => baseline.clone(),
    };
    let m = Metrics::new(&t, &s, config.clone());
    let base = Metrics::new(&t, &baseline, config);
    let mut out = String::new();
    for w in &warnings {
        let _ = writeln!(out, "! {}", w.0);
    }
    match format {
        Format::Json => {
            let colleges: Vec<serde_json::Value> = t
                .college_ids()
                .map(|c| {
                    let col = t.college(c);
                    serde_json::json!({
                        "uai": col.uai,
                        "name": col.name,
                        "sector": col.sector,
                        "indicators": m.college(c, &t),
                        "baseline": base.college(c, &t),
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "territory": t.info,
                "scenario": s.meta,
                "walking": {
                    "along": match m.config().walk_source() {
                        crate::metrics::WalkSource::Streets => "streets",
                        crate::metrics::WalkSource::StraightLine { .. } => "straight_line",
                    },
                    "detour_factor": match m.config().walk_source() {
                        crate::metrics::WalkSource::Streets => None,
                        crate::metrics::WalkSource::StraightLine { detour_factor } => {
                            Some(detour_factor)
                        }
                    },
                    "speed_kmh": m.config().walk_speed_kmh,
                    "threshold_m": m.config().walk_threshold_m,
                },
                "rule": m.config().rule,
                "colleges": colleges,
                "indices": m.territory(),
                "baseline_indices": base.territory(),
            });
            out.push_str(&serde_json::to_string_pretty(&doc).unwrap_or_default());
            out.push('\n');
        }
        Format::Csv => {
            out.push_str(
                "uai,name,sector,pupils,capacity_use,classes_6e_needed,ips_mean,ips_sd,boursier_share,rule_deviation,rule_flag,walk_mean_m,walk_max_m,walk_share_beyond,entropy_contribution\n",
            );
            for c in t.college_ids() {
                let col = t.college(c);
                let i = m.college(c, &t);
                let f = |v: Option<f64>| v.map(|x| format!("{x:.6}")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{},\"{}\",{:?},{:.1},{},{},{},{},{},{},{:?},{},{},{},{}",
                    col.uai,
                    col.name.replace('"', "\"\""),
                    col.sector,
                    i.pupils,
                    f(i.capacity_use),
                    i.classes_6e_needed,
                    f(i.ips_mean),
                    f(i.ips_sd),
                    f(i.boursier_share),
                    f(i.deviation),
                    i.mix_flag,
                    f(i.walk_mean_m),
                    f(i.walk_max_m),
                    f(i.walk_share_beyond),
                    f(i.entropy_contribution),
                );
            }
        }
        Format::Table => table(&mut out, &t, &m, &base, &s, lang),
    }
    Ok(out)
}

fn opt(v: Option<f64>, digits: usize, unknown: &str) -> String {
    v.map(|x| format!("{x:.digits$}"))
        .unwrap_or_else(|| unknown.to_string())
}

fn table(
    out: &mut String,
    t: &Territory,
    m: &Metrics,
    base: &Metrics,
    s: &crate::model::Scenario,
    lang: Lang,
) {
    let fr = lang == Lang::Fr;
    let unknown = if fr { "inconnu" } else { "unknown" };
    let tr = |f: &'static str, e: &'static str| if fr { f } else { e };
    let _ = writeln!(out, "{} — {}", t.info.name, s.meta.name);
    if t.info.fictional {
        let _ = writeln!(
            out,
            "{}",
            tr(
                "⚠ Territoire fictif : aucune donnée réelle.",
                "⚠ Fictional territory: no real data."
            )
        );
    }
    let cfg = m.config();
    let _ = writeln!(
        out,
        "{} : {}, {} {} km/h, {} {:.0} m",
        tr("Distances", "Distances"),
        crate::i18n::walk_how(lang, cfg.walk_source()),
        tr("marche à", "walking at"),
        crate::i18n::number(lang, cfg.walk_speed_kmh, 1),
        tr("seuil", "threshold"),
        cfg.walk_threshold_m
    );
    if let Some(m) = &cfg.streets {
        let (units, colleges) = m.far_snaps(crate::routing::FAR_SNAP_M);
        if !units.is_empty() || !colleges.is_empty() {
            let _ = writeln!(
                out,
                "{} {} {} {}",
                units.len(),
                tr("îlots et", "units and"),
                colleges.len(),
                tr(
                    "collèges à plus de 300 m d'une rue : ce bout de leur trajet est compté à vol d'oiseau",
                    "collèges more than 300 m from a street: that stretch of their walk is counted as a straight line"
                )
            );
        }
    }
    let _ = writeln!(
        out,
        "{} {:.0} % {} {}",
        tr("Règle : IPS à plus de", "Rule: IPS more than"),
        cfg.rule.threshold * 100.0,
        tr("de la référence", "from the reference"),
        opt(m.rule_reference(), 1, unknown)
    );
    let _ = writeln!(
        out,
        "\n{:<30} {:>4} {:>7} {:>6} {:>6} {:>5} {:>6} {:>6} {:>7} {:>7} {:>6}  {}",
        tr("collège", "collège"),
        "",
        tr("élèves", "pupils"),
        tr("rempl.", "use"),
        "IPS",
        tr("±", "±"),
        "ΔIPS",
        tr("bours.", "bours."),
        tr("marche", "walk"),
        tr("max", "max"),
        tr(">seuil", ">thr."),
        tr("règle", "rule"),
    );
    let flag = |f: MixFlag| match (f, fr) {
        (MixFlag::Above, true) => "au-dessus",
        (MixFlag::Below, true) => "en dessous",
        (MixFlag::Within, true) => "dans la bande",
        (MixFlag::Unknown, true) => "inconnu",
        (MixFlag::Above, false) => "above",
        (MixFlag::Below, false) => "below",
        (MixFlag::Within, false) => "within",
        (MixFlag::Unknown, false) => "unknown",
    };
    for c in t.college_ids() {
        let col = t.college(c);
        let i: CollegeIndicators = m.college(c, t);
        let b = base.college(c, t);
        let metres = |v: Option<f64>| {
            v.map(|x| format!("{x:.0} m"))
                .unwrap_or_else(|| unknown.to_string())
        };
        let pct = |v: Option<f64>| {
            opt(v.map(|x| x * 100.0), 0, unknown) + if v.is_some() { "%" } else { "" }
        };
        let _ = writeln!(
            out,
            "{:<30} {:>4} {:>7.0} {:>6} {:>6} {:>5} {:>6} {:>6} {:>7} {:>7} {:>6}  {}",
            col.name.chars().take(30).collect::<String>(),
            if col.sector == Sector::Private {
                tr("priv", "priv")
            } else {
                ""
            },
            i.pupils,
            pct(i.capacity_use),
            opt(i.ips_mean, 1, unknown),
            opt(i.ips_sd, 0, unknown),
            opt(crate::metrics::change(i.ips_mean, b.ips_mean), 1, unknown),
            pct(i.boursier_share),
            metres(i.walk_mean_m),
            metres(i.walk_max_m),
            pct(i.walk_share_beyond),
            flag(i.mix_flag),
        );
    }
    let idx = m.territory();
    let bidx = base.territory();
    let ips_estimated = t.college_ids().any(|c| m.college(c, t).ips_estimated);
    if idx.pupils_estimated || ips_estimated {
        // estimates say so, and how they were made
        let _ = writeln!(
            out,
            "{}",
            match (idx.pupils_estimated, ips_estimated) {
                (true, true) => tr(
                    "Élèves et IPS estimés, pas comptés :",
                    "Pupils and IPS estimated, not counted:"
                ),
                (true, false) => tr(
                    "Élèves estimés, pas comptés :",
                    "Pupils estimated, not counted:"
                ),
                _ => tr("IPS estimés, pas mesurés :", "IPS estimated, not measured:"),
            }
        );
        for line in t.info.notes.lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "  {line}");
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        tr(
            "Indices du territoire (Δ = écart à la carte actuelle)",
            "Territory indices (Δ = change from the baseline)"
        )
    );
    if let Some(sp) = idx.ips_spread {
        let _ = writeln!(
            out,
            "  {} S = {:.2} (Δ {}), {} {:.1} ({} – {}){}",
            tr(
                "écart d'IPS entre collèges publics",
                "IPS spread between public collèges"
            ),
            sp.spread,
            opt(bidx.ips_spread.map(|b| sp.spread - b.spread), 2, unknown),
            tr("écart max-min", "max-min gap"),
            sp.gap,
            t.college(sp.highest).name,
            t.college(sp.lowest).name,
            if sp.estimated {
                tr(", estimé", ", estimated")
            } else {
                ""
            }
        );
    }
    if let (Some(e), be) = (idx.entropy, bidx.entropy) {
        let _ = writeln!(
            out,
            "  {} H = {:.4} (Δ {}), M = {:.4} = {:.4} {} + {:.4} {} + {:.4} {}",
            tr("entropie", "entropy"),
            e.indices.h,
            opt(be.map(|b| e.indices.h - b.indices.h), 4, unknown),
            e.indices.mutual_information,
            e.between_public_private,
            tr("public/privé", "public/private"),
            e.within_public,
            tr("dans le public", "within public"),
            e.within_private,
            tr("dans le privé", "within private"),
        );
    }
    for mi in &idx.minorities {
        let name = match mi.minority {
            Minority::Boursiers => tr("boursiers", "boursiers").to_string(),
            Minority::Group(g) => t.groups.names.get(g).cloned().unwrap_or_default(),
        };
        let bd = bidx.minority(mi.minority).and_then(|b| b.dissimilarity);
        let _ = writeln!(
            out,
            "  {:<16} {} {:>5}  D = {} (Δ {})  xPx = {}  V = {}",
            name,
            tr("part", "share"),
            opt(mi.share.map(|x| x * 100.0), 1, unknown),
            opt(mi.dissimilarity, 4, unknown),
            opt(crate::metrics::change(mi.dissimilarity, bd), 4, unknown),
            opt(mi.isolation, 4, unknown),
            opt(mi.normalized_isolation, 4, unknown),
        );
    }
}

/// Peak resident memory of this process, MiB (Linux), if known.
pub fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn bench(units: usize, colleges: usize, edits: usize) -> String {
    let mut out = String::new();
    let spec = SyntheticSpec {
        units,
        colleges,
        seed: 1,
    };
    let t0 = Instant::now();
    let (t, baseline) = synthetic_territory(&spec);
    let generate_s = t0.elapsed().as_secs_f64();
    let t0 = Instant::now();
    let rebuilt = Territory::new(
        t.info.clone(),
        t.groups.clone(),
        t.units().to_vec(),
        t.colleges().to_vec(),
    );
    let build_s = t0.elapsed().as_secs_f64();
    drop(rebuilt);
    let _ = writeln!(
        out,
        "territory: {} units, {} collèges, {} adjacent pairs; generated in {:.2} s, built (index + adjacency) in {:.3} s",
        t.units().len(),
        t.colleges().len(),
        t.adjacency().pair_count(),
        generate_s,
        build_s
    );
    let runs = 10;
    let t0 = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(Metrics::new(&t, &baseline, MetricsConfig::default()));
    }
    let full_ms = t0.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    let _ = writeln!(out, "full recomputation: {full_ms:.2} ms (mean of {runs})");
    // Border moves: a unit goes to the collège of one of its neighbours, through the real path.
    let mut doc = Document::new(std::sync::Arc::new(t), baseline, MetricsConfig::default());
    doc.new_scenario_from_active("bench");
    let t = doc.territory().clone();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
    // border units: a neighbour lies in another sector; each edit moves one across the border
    // and the next visit moves it back, so that every edit is a real change
    let border = crate::generate::border_moves(&t, &doc.baseline().scenario);
    let mut moved = vec![false; border.len()];
    let moves: Vec<Edit> = (0..edits)
        .filter_map(|_| {
            let k = rng.random_range(0..border.len().max(1));
            let (u, own, other) = border.get(k)?;
            moved[k] = !moved[k];
            let target = if moved[k] { other } else { own };
            Some(Edit::Assign(vec![(*u, target.clone())]))
        })
        .collect();
    let n = moves.len();
    let t0 = Instant::now();
    for e in moves {
        let _ = doc.apply(e);
    }
    let per_edit_us = t0.elapsed().as_secs_f64() * 1e6 / n.max(1) as f64;
    let _ = writeln!(
        out,
        "one reassignment across a sector border (edit + indicators + history): {per_edit_us:.2} µs (mean of {n}; {} border units)",
        border.len()
    );
    let t0 = Instant::now();
    let idx = doc.active().metrics.territory();
    let _ = writeln!(
        out,
        "territory indices read: {:.1} µs (H = {:.4})",
        t0.elapsed().as_secs_f64() * 1e6,
        idx.entropy.map(|e| e.indices.h).unwrap_or(f64::NAN)
    );
    let check = Metrics::new(&t, &doc.active().scenario, MetricsConfig::default());
    let _ = writeln!(
        out,
        "incremental state equals a full recomputation after {n} edits: {}",
        check == doc.active().metrics
    );
    if let Some(mib) = peak_memory_mib() {
        let _ = writeln!(out, "peak memory: {mib:.0} MiB");
    }
    out
}

fn streets_command(file: &std::path::Path, lang: Lang) -> Result<String, String> {
    let t0 = std::time::Instant::now();
    let net = crate::routing::StreetNetwork::read(file).map_err(|e| e.to_string())?;
    Ok(crate::i18n::network_text(&net, lang)
        + &format!(" ({:.0} ms)\n", t0.elapsed().as_secs_f64() * 1000.0))
}

/// Whole-run timings of the walking matrix on a generated grid.
fn walk_bench(
    side: usize,
    colleges: usize,
    units: usize,
    export: Option<&std::path::Path>,
) -> Result<String, String> {
    use crate::routing::matrix::{Progress, Snapper, column_of, compute, grid};
    use rand::{Rng, SeedableRng};
    let mut out = String::new();
    let t = std::time::Instant::now();
    let net = grid(side, 50.0, 2.0, 48.0);
    let _ = writeln!(
        out,
        "grid {side}×{side}: {} nodes, {} edges, built in {:.2} s",
        net.nodes.len(),
        net.edges.len(),
        t.elapsed().as_secs_f64()
    );
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
    let (lon1, lat1) = (
        net.nodes[net.nodes.len() - 1][0],
        net.nodes[net.nodes.len() - 1][1],
    );
    let mut point = || [rng.random_range(2.0..lon1), rng.random_range(48.0..lat1)];
    let unit_points: Vec<[f64; 2]> = (0..units).map(|_| point()).collect();
    let college_points: Vec<[f64; 2]> = (0..colleges).map(|_| point()).collect();
    let t = std::time::Instant::now();
    let snapper = Snapper::new(&net);
    let _ = writeln!(out, "street index: {:.2} s", t.elapsed().as_secs_f64());
    let t = std::time::Instant::now();
    let one = column_of(&net, &snapper, &unit_points, college_points[0]);
    let _ = writeln!(
        out,
        "one collège (snapping {units} units + one search): {:.3} s",
        t.elapsed().as_secs_f64()
    );
    let t = std::time::Instant::now();
    let m = compute(
        &net,
        &unit_points,
        &college_points,
        &Progress::default(),
        String::new(),
    )
    .ok_or("cancelled")?;
    let _ = writeln!(
        out,
        "full matrix {units} × {colleges} on {} threads: {:.2} s",
        rayon::current_num_threads(),
        t.elapsed().as_secs_f64()
    );
    if m.metres[..units] != one[..] {
        return Err("the single-collège column differs from the matrix".into());
    }
    if let Some(dir) = export {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let mut edges = String::with_capacity(net.edges.len() * 20);
        for (a, b, w) in &net.edges {
            let _ = writeln!(edges, "{a},{b},{w}");
        }
        let nearest = |p: [f64; 2]| {
            snapper
                .snap(&net, p[0], p[1])
                .map(|s| if s.to_a <= s.to_b { s.a } else { s.b })
                .unwrap_or(0)
        };
        let sources: String = college_points
            .iter()
            .map(|p| format!("{}\n", nearest(*p)))
            .collect();
        let io = |r: std::io::Result<()>| r.map_err(|e| e.to_string());
        io(std::fs::write(dir.join("edges.csv"), edges))?;
        io(std::fs::write(dir.join("sources.txt"), sources))?;
        io(std::fs::write(dir.join("targets.txt"), "0\n"))?;
        let _ = writeln!(out, "graph written to {}", dir.display());
    }
    Ok(out)
}
