//! Opening a territory for a command, with its streets and its walking matrix.

use super::*;

/// Opens a territory (folder, project or `demo`) with the settings saved in it, and its walking
/// distances along its streets, or along a street file's: the same figures as the window.
pub(super) fn open_walkable(
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
/// A territory opened for a command: its baseline, a project's scenarios, the settings.
pub(super) struct Opened {
    pub(super) territory: crate::model::Territory,
    pub(super) baseline: crate::model::Scenario,
    /// A project's other scenarios.
    pub(super) scenarios: Vec<crate::model::Scenario>,
    /// The project's scenario shown when saved (0: the baseline).
    pub(super) active: usize,
    pub(super) config: MetricsConfig,
}

pub(super) fn open_all(
    territory: &str,
    streets: Option<&Path>,
    lang: Lang,
) -> Result<Opened, String> {
    let p = crate::io::open(Some(territory))
        .map_err(|e| crate::i18n::load::load_error(lang, &e))?
        .project;
    if let Some(w) = crate::i18n::load::scenario_warnings(lang, &p.warnings) {
        eprintln!("{w}");
    }
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
        .ok_or_else(|| crate::i18n::no_walkable_network(lang).to_string())?;
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
