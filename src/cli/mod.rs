//! The command line: `carte-mixite indicators`, `bench`, `generate-demo`. With no command the
//! binary opens the window (see `main.rs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

mod assist;
mod bench;
mod check;
mod export;
mod generate_demo;
mod import;
pub mod import_departement;
mod indicators;
mod open;
mod publish;
mod streets;
pub use assist::parse_target;
use assist::{assist_command, frontier_command, parse_bounds, parse_limit};
pub use bench::peak_memory_mib;
use bench::{bench, walk_bench};
use check::check_command;
pub use import::ImportArgs;
use import::import_command;
use indicators::indicators;
use open::{open_all, open_walkable};
use publish::{PublishOutputs, publish_command};
use streets::streets_command;

use rand::{Rng, SeedableRng};

use crate::generate::{SyntheticSpec, synthetic_territory};
use crate::io::territory_files::{parse_scenario, write_territory_dir};
use crate::metrics::{CollegeIndicators, Metrics, MetricsConfig, Minority, MixFlag};
use crate::model::{Document, Edit, Sector, Territory};

/// Carte Mixité: redraw collège sectors in public, with live social-mix indicators.
#[derive(Debug, Parser)]
#[command(name = "carte-mixite", version, about)]
pub struct Cli {
    /// What to do; with none, the window opens on the demo map. A project file or territory
    /// folder given instead of a command opens the window on it (what a double click passes;
    /// see [`file_to_open`]).
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
    Export(export::ExportArgs),
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
        /// Instead of one proposal, the frontier: the best index for each cap on pupils moved
        /// (`100,200,400,800`), each search warm-started from the one before and given
        /// `--seconds`, and where more pupils moved stop paying.
        #[arg(long, value_delimiter = ',')]
        frontier: Vec<f64>,
        /// Also draw this many maps that respect the same rules without looking at the mix
        /// (40 random border changes apart, from the current map), and say where the current
        /// map and the proposal (or each point of the frontier) fall among them.
        #[arg(long, default_value_t = 0)]
        ensemble: usize,
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
        /// With the audience screen open too (both updating after each change).
        #[arg(long)]
        audience: bool,
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
    /// Regenerate the demo town into a folder, or a project file (deterministic).
    GenerateDemo {
        /// Where to write it: a folder, or a file ending in `.cartemixite`.
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

/// The file a double click passes (`carte-mixite FILE`, the language option aside): a project
/// file or a territory folder that exists, given alone, which no command is named like. The
/// window then opens on it; anything else is left to the command line's parser.
pub fn file_to_open(args: &[String]) -> Option<(String, Lang)> {
    let mut lang = Lang::Fr;
    let mut rest = Vec::new();
    let mut words = args.iter().skip(1);
    while let Some(a) = words.next() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => words.next().cloned(),
            None => {
                rest.push(a);
                continue;
            }
        };
        lang = match value.as_deref() {
            Some("en") => Lang::En,
            Some("fr") => Lang::Fr,
            _ => return None,
        };
    }
    let [file] = rest.as_slice() else {
        return None;
    };
    let is_command = <Cli as clap::CommandFactory>::command()
        .get_subcommands()
        .any(|c| c.get_name() == file.as_str());
    let usable = !file.starts_with('-') && !is_command && std::path::Path::new(file).exists();
    usable.then(|| ((*file).clone(), lang))
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
        Command::FrameBench { units, audience } => crate::app::frame_bench(*units, *audience),
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
            frontier,
            ensemble,
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
            let run = assist::AssistRun {
                territory,
                index,
                constraints: &constraints,
                budget,
                ensemble_maps: *ensemble,
                streets: streets.as_deref(),
            };
            if frontier.is_empty() {
                assist_command(&run, out.as_deref(), lang)
            } else {
                frontier_command(&run, frontier, lang)
            }
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
        Command::Export(args) => export::run(args, lang),
        Command::GenerateDemo { out, seed, units } => generate_demo::run(out, *seed, *units, lang),
    }
}
