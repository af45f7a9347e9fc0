//! Why a project, territory folder or scenario could not be opened, and what a scenario named
//! that the territory lacks, in the user's words. A parser's own message is never shown: a
//! damaged text is told by its line and column.

use super::{Lang, tr};
use crate::io::manifest::Disagreement;
use crate::io::territory_files::{Invalid, LoadError, ScenarioWarning};

/// The file's name as the user knows it (its last part; the folder for a folder).
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The line and column a parser's message names ("… at line 3 column 17"), if any.
fn line_and_column(reason: &str) -> Option<(u64, u64)> {
    let at = reason.rfind("line ")?;
    let mut words = reason[at..].split_whitespace();
    let (_, line, col_word, column) = (words.next()?, words.next()?, words.next()?, words.next()?);
    if col_word != "column" {
        return None;
    }
    let digits = |w: &str| -> Option<u64> {
        w.trim_end_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .ok()
    };
    Some((digits(line)?, digits(column)?))
}

/// Why a territory, project or scenario could not be opened, in words.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    match e {
        LoadError::Io { path, source } => tr(
            lang,
            "load-io",
            &[
                ("file", path.display().to_string().into()),
                ("reason", super::io_reason(lang, source).into()),
            ],
        ),
        LoadError::Syntax {
            path,
            expected,
            reason,
        } => {
            let expected_id = match *expected {
                "Carte Mixité project" => "load-expected-project",
                "Carte Mixité scenario" => "load-expected-scenario",
                "manifest" => "load-expected-manifest",
                "GeoJSON FeatureCollection" => "load-expected-geojson",
                _ => "load-expected-territory",
            };
            let place = match line_and_column(reason) {
                Some((line, column)) => tr(
                    lang,
                    "load-syntax-where",
                    &[
                        ("line", line.to_string().into()),
                        ("column", column.to_string().into()),
                    ],
                ),
                None => String::new(),
            };
            tr(
                lang,
                "load-syntax",
                &[
                    ("file", file_name(path).into()),
                    ("expected", tr(lang, expected_id, &[]).into()),
                    ("where", place.into()),
                ],
            )
        }
        LoadError::Feature {
            path,
            feature,
            problem,
        } => tr(
            lang,
            "load-feature",
            &[
                ("file", file_name(path).into()),
                ("feature", feature.to_string().into()),
                ("problem", super::cut(problem, 300).into()),
            ],
        ),
        LoadError::NewerVersion { path, found } => tr(
            lang,
            "load-newer",
            &[
                ("file", file_name(path).into()),
                ("found", found.to_string().into()),
                (
                    "known",
                    crate::io::territory_files::FORMAT_VERSION
                        .to_string()
                        .into(),
                ),
            ],
        ),
        LoadError::Mismatch { path, file, why } => {
            let why = match why {
                Disagreement::Missing => "load-why-missing",
                Disagreement::Unlisted => "load-why-unlisted",
                Disagreement::Changed => "load-why-changed",
            };
            tr(
                lang,
                "load-mismatch",
                &[
                    ("folder", path.display().to_string().into()),
                    ("file", file.as_str().into()),
                    ("why", tr(lang, why, &[]).into()),
                ],
            )
        }
        LoadError::Checksum { path } => {
            tr(lang, "load-checksum", &[("file", file_name(path).into())])
        }
        LoadError::Invalid { path, problem } => match problem {
            Invalid::NoUnits => tr(lang, "load-no-units", &[("file", file_name(path).into())]),
            Invalid::Setting {
                setting,
                value,
                expected: _,
            } => tr(
                lang,
                "load-setting",
                &[
                    ("file", file_name(path).into()),
                    (
                        "setting",
                        tr(lang, &format!("load-setting-{setting}"), &[]).into(),
                    ),
                    ("value", super::cut(&value.to_string(), 40).into()),
                    (
                        "expected",
                        tr(lang, &format!("load-setting-{setting}-expected"), &[]).into(),
                    ),
                ],
            ),
        },
        LoadError::Territory { path, source } => tr(
            lang,
            "load-territory",
            &[
                ("file", file_name(path).into()),
                ("detail", super::cut(&source.to_string(), 300).into()),
            ],
        ),
    }
}

/// What a scenario (named `scenario`) named that the territory lacks, in words.
pub fn scenario_warning(lang: Lang, scenario: &str, w: &ScenarioWarning) -> String {
    let s = ("scenario", scenario.into());
    match w {
        ScenarioWarning::UnknownCollege { uai } => tr(
            lang,
            "scenario-warning-college",
            &[s, ("uai", super::cut(uai, 40).into())],
        ),
        ScenarioWarning::UnknownUnit { key } => tr(
            lang,
            "scenario-warning-unit",
            &[s, ("key", super::cut(key, 60).into())],
        ),
        ScenarioWarning::BadShares { key, reason } => tr(
            lang,
            "scenario-warning-shares",
            &[
                s,
                ("key", super::cut(key, 60).into()),
                ("reason", super::cut(reason, 120).into()),
            ],
        ),
        ScenarioWarning::SharedSectorDropped { name } => tr(
            lang,
            "scenario-warning-shared",
            &[s, ("name", super::cut(name, 60).into())],
        ),
    }
}

/// One sentence for everything a project's scenarios named that its territory lacks (the
/// first five in full, then how many more); `None` when nothing was skipped.
pub fn scenario_warnings(lang: Lang, warnings: &[(String, ScenarioWarning)]) -> Option<String> {
    if warnings.is_empty() {
        return None;
    }
    let mut list: Vec<String> = warnings
        .iter()
        .take(5)
        .map(|(s, w)| scenario_warning(lang, s, w))
        .collect();
    if warnings.len() > 5 {
        list.push(format!("… (+{})", warnings.len() - 5));
    }
    Some(tr(
        lang,
        "scenario-warnings",
        &[
            ("n", warnings.len().into()),
            ("list", list.join(" ").into()),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parser_message_becomes_a_line_and_a_column() {
        assert_eq!(
            line_and_column("EOF while parsing an object at line 3 column 17"),
            Some((3, 17))
        );
        assert_eq!(line_and_column("missing field `format`"), None);
        let e = LoadError::Syntax {
            path: "/tmp/projet.cartemixite".into(),
            expected: "Carte Mixité project",
            reason: "expected value at line 1 column 5".into(),
        };
        let text = load_error(Lang::Fr, &e);
        assert!(text.contains("projet.cartemixite"), "{text}");
        assert!(text.contains("ligne 1, colonne 5"), "{text}");
        assert!(!text.contains("expected value"), "{text}");
    }
}
