//! Proposals sent back: project files or scenario files made at home (by a parent association,
//! an elected official's office) on the same territory, read as scenarios of the current
//! project. A file made on another territory, or one that leaves blocks without a collège, is
//! refused with the reason; nothing of it is added.

use std::path::Path;

use crate::model::{Scenario, Territory, UnitId};

use super::project::PROJECT_FORMAT;
use super::territory_files::{SCENARIO_FORMAT, parse_scenario};

/// A proposal file larger than this is refused before it is read (a project of a whole
/// département is a few tens of megabytes).
pub const MAX_PROPOSAL_BYTES: u64 = 256 * 1024 * 1024;

/// Why a proposal file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ProposalError {
    /// The file could not be read.
    #[error("{file}: cannot be read ({error})")]
    Unreadable {
        /// The file's name.
        file: String,
        /// The system's reason.
        error: std::sync::Arc<std::io::Error>,
    },
    /// The file is too large to be a proposal.
    #[error("{file}: {bytes} bytes, more than a proposal can be")]
    TooLarge {
        /// The file's name.
        file: String,
        /// Its size.
        bytes: u64,
    },
    /// Neither a project nor a scenario of Carte Mixité.
    #[error("{file}: not a Carte Mixité project or scenario")]
    NotAProposal {
        /// The file's name.
        file: String,
    },
    /// A scenario of it could not be read.
    #[error("{file}: {error}")]
    Damaged {
        /// The file's name.
        file: String,
        /// Why, as the scenario reader says it.
        error: Box<super::territory_files::LoadError>,
    },
    /// Made on another territory: blocks or collèges it names are not in this one.
    #[error("{file}: {unknown} blocks or collèges it names are not in this territory")]
    OtherTerritory {
        /// The file's name.
        file: String,
        /// How many names are unknown here.
        unknown: usize,
    },
    /// It leaves blocks that have a collège today without one.
    #[error("{file}: {missing} blocks are left without a collège")]
    Incomplete {
        /// The file's name.
        file: String,
        /// How many blocks.
        missing: usize,
    },
    /// A project with no scenario besides the current map.
    #[error("{file}: no proposal in it, only the current map")]
    Empty {
        /// The file's name.
        file: String,
    },
}

/// Reads a proposal file (a project or a scenario) against the territory and its current
/// map: the scenarios it proposes, each with its author (the file's name when it names
/// none).
pub fn read_proposal(
    path: &Path,
    territory: &Territory,
    baseline: &Scenario,
) -> Result<Vec<Scenario>, ProposalError> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let unreadable = |e: std::io::Error| ProposalError::Unreadable {
        file: file.clone(),
        error: std::sync::Arc::new(e),
    };
    let bytes = std::fs::metadata(path).map_err(unreadable)?.len();
    if bytes > MAX_PROPOSAL_BYTES {
        return Err(ProposalError::TooLarge { file, bytes });
    }
    let text = std::fs::read_to_string(path).map_err(unreadable)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|_| ProposalError::NotAProposal { file: file.clone() })?;
    let texts: Vec<String> = match value.get("format").and_then(|f| f.as_str()) {
        Some(PROJECT_FORMAT) => value
            .get("scenarios")
            .and_then(|s| s.as_array())
            .map(|a| a.iter().map(|v| v.to_string()).collect())
            .unwrap_or_default(),
        Some(SCENARIO_FORMAT) => vec![text],
        _ => return Err(ProposalError::NotAProposal { file }),
    };
    if texts.is_empty() {
        return Err(ProposalError::Empty { file });
    }
    let stem = path
        .file_stem()
        .map_or_else(|| file.clone(), |n| n.to_string_lossy().into());
    texts
        .iter()
        .map(|t| {
            let (mut s, warnings) =
                parse_scenario(t, path, territory).map_err(|e| ProposalError::Damaged {
                    file: file.clone(),
                    error: Box::new(e),
                })?;
            if !warnings.is_empty() {
                return Err(ProposalError::OtherTerritory {
                    file: file.clone(),
                    unknown: warnings.len(),
                });
            }
            let missing = territory
                .unit_ids()
                .filter(|&u| !is_assigned(&s, u) && is_assigned(baseline, u))
                .count();
            if missing > 0 {
                return Err(ProposalError::Incomplete {
                    file: file.clone(),
                    missing,
                });
            }
            if s.meta.author.trim().is_empty() {
                s.meta.author = stem.clone();
            }
            Ok(s)
        })
        .collect()
}

fn is_assigned(s: &Scenario, u: UnitId) -> bool {
    s.assignment(u).main_college().is_some()
}

/// A name not yet taken among `taken`: the proposal's own, then with its author, then
/// numbered.
pub fn unique_name(taken: &[String], name: &str, author: &str) -> String {
    let free = |n: &str| !taken.iter().any(|t| t == n);
    if free(name) {
        return name.to_string();
    }
    let with_author = format!("{name} ({author})");
    if !author.is_empty() && free(&with_author) {
        return with_author;
    }
    (2..)
        .map(|k| format!("{name} ({k})"))
        .find(|n| free(n))
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::territory_files::{embedded_demo, scenario_to_json};
    use crate::model::CollegeId;

    fn write(name: &str, text: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("cm-proposals-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn projects_and_scenarios_made_at_home_are_read_and_others_refused_in_words() {
        let (t, baseline) = embedded_demo().unwrap();
        let mut proposal = baseline.clone();
        proposal.meta.name = "Proposition des parents".into();
        proposal.meta.author = String::new();
        proposal.replace_assignment(UnitId(0), crate::model::Assignment::College(CollegeId(1)));
        // a scenario file: its author is the file's name when it names none
        let text = scenario_to_json(&proposal, &t);
        let path = write("fcpe-belcastel.json", &text);
        let read = read_proposal(&path, &t, &baseline).unwrap();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].meta.author, "fcpe-belcastel");
        assert_eq!(
            read[0].assignment(UnitId(0)).main_college(),
            Some(CollegeId(1))
        );
        // a project with two proposals
        let project = crate::io::project::project_text(
            &t,
            &baseline,
            &[&proposal, &proposal],
            1,
            &crate::metrics::MetricsConfig::default(),
            &serde_json::Map::new(),
        );
        let path = write("asso.cartemixite", &project);
        assert_eq!(read_proposal(&path, &t, &baseline).unwrap().len(), 2);
        // a project with nothing but the current map
        let empty = crate::io::project::project_text(
            &t,
            &baseline,
            &[],
            0,
            &crate::metrics::MetricsConfig::default(),
            &serde_json::Map::new(),
        );
        let path = write("vide.cartemixite", &empty);
        assert!(matches!(
            read_proposal(&path, &t, &baseline),
            Err(ProposalError::Empty { .. })
        ));
        // made on another territory: blocks it names are unknown here
        let other = text
            .replace("\"B001\"", "\"Z001\"")
            .replace("\"B002\"", "\"Z002\"");
        let path = write("autre.json", &other);
        assert!(matches!(
            read_proposal(&path, &t, &baseline),
            Err(ProposalError::OtherTerritory { file, unknown: 2 }) if file == "autre.json"
        ));
        // not a proposal at all
        let path = write("notes.json", "{\"format\": \"autre\"}");
        assert!(matches!(
            read_proposal(&path, &t, &baseline),
            Err(ProposalError::NotAProposal { .. })
        ));
        let path = write("texte.txt", "bonjour");
        assert!(matches!(
            read_proposal(&path, &t, &baseline),
            Err(ProposalError::NotAProposal { .. })
        ));
    }

    #[test]
    fn a_name_is_never_given_twice() {
        let taken = vec!["Proposition".to_string(), "Proposition (FCPE)".to_string()];
        assert_eq!(unique_name(&taken, "Autre", "FCPE"), "Autre");
        assert_eq!(
            unique_name(&taken, "Proposition", "PEEP"),
            "Proposition (PEEP)"
        );
        assert_eq!(
            unique_name(&taken, "Proposition", "FCPE"),
            "Proposition (2)"
        );
        assert_eq!(unique_name(&taken, "Proposition", ""), "Proposition (2)");
    }
}
