//! `carte-mixite import-departement DIR|FILES... --code 35`: a département's territory from the
//! national open-data files as published.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::Lang;
use crate::io::national::departement::{DepartementSpec, Step, build_departement};
use crate::metrics::{Metrics, MetricsConfig};

/// Options of `carte-mixite import-departement`.
#[derive(Debug, clap::Args)]
pub struct ImportDepartementArgs {
    /// A folder of downloaded files, or the files themselves (each is recognised by its
    /// columns, whatever its name).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The département code (35, 2A, 971); read from the files when absent.
    #[arg(long)]
    pub code: Option<String>,
    /// The territory's name (default: "Département NN").
    #[arg(long)]
    pub name: Option<String>,
    /// A column holding the collèges' UAI, for a table that spells it its own way.
    #[arg(long)]
    pub college_uai: Option<String>,
    /// Where to write: a territory folder, or a project file when the name ends in
    /// `.cartemixite`.
    #[arg(long)]
    pub out: PathBuf,
    /// Also write the baseline as a carte scolaire CSV, in the ministry's columns.
    #[arg(long)]
    pub carte_out: Option<PathBuf>,
}

/// Runs the import and says what it did.
pub fn run(args: &ImportDepartementArgs, lang: Lang) -> Result<String, String> {
    let spec = DepartementSpec {
        inputs: args.inputs.clone(),
        code: args.code.clone(),
        name: args.name.clone(),
        uai_column: args.college_uai.clone(),
        uai_columns: Default::default(),
    };
    let mut last_percent = None;
    let built = build_departement(&spec, &mut |step| {
        if let Step::Addresses(read, total) = step
            && total > 0
        {
            let p = read * 100 / total;
            if last_percent != Some(p / 10) {
                last_percent = Some(p / 10);
                eprint!("\r{p:3} %");
            }
        }
    })
    .map_err(|e| crate::i18n::departement::error_text(lang, &e))?;
    if last_percent.is_some() {
        eprintln!();
    }
    let t = &built.territory;
    if crate::io::project::is_project_path(&args.out) {
        crate::io::project::write_project(
            &args.out,
            t,
            &built.baseline,
            &[],
            0,
            &MetricsConfig::default(),
            &Default::default(),
        )
    } else {
        crate::io::territory_files::write_territory_dir(&args.out, t, &built.baseline)
    }
    .map_err(|e| format!("{}: {e}", args.out.display()))?;
    if let Some(p) = &args.carte_out {
        let csv = crate::io::national::departement::carte_scolaire_csv(
            t,
            &built.baseline,
            &built.baseline,
            &built.report.code,
        );
        crate::io::atomic_write(p, csv.as_bytes()).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", crate::i18n::departement::headline(lang, t));
    for line in crate::i18n::departement::report_lines(lang, &built.report) {
        let _ = writeln!(out, "{line}");
    }
    let m = Metrics::new(t, &built.baseline, MetricsConfig::default());
    if let Some(line) = crate::i18n::departement::spread_line(lang, t, &m.territory()) {
        let _ = writeln!(out, "{line}");
    }
    let problems = crate::i18n::report_text_grouped(&built.problems, lang);
    if !problems.is_empty() {
        out.push_str(&problems);
    }
    let _ = writeln!(out, "→ {}", args.out.display());
    if let Some(p) = &args.carte_out {
        let _ = writeln!(out, "→ {}", p.display());
    }
    Ok(out)
}
