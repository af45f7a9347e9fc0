//! The table of every scenario and proposal.

use super::super::Editor;
use super::super::intent::UiCommand;
use crate::i18n::Lang;
use crate::ui::scenarios_window::ScenariosAction;

impl Editor {
    /// Shows the table (its figures recomputed only when the document changed).
    pub(super) fn scenarios_ui(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let Some(w) = &mut self.windows.scenarios else {
            return;
        };
        let revision = self.doc.revision();
        if self.view.scenario_rows.0 != revision || self.view.scenario_rows.1.is_empty() {
            self.view.scenario_rows = (
                revision,
                crate::publish::scenarios::scenario_rows(&self.doc),
            );
        }
        let config = self.doc.config();
        let minutes = |m: f64| config.walk_minutes(m);
        let rows = self.view.scenario_rows.1.clone();
        // where each scenario falls in the last neutral ensemble drawn
        let ensemble = self.view.ensemble.as_ref().map(|(target, name, e)| {
            let shares = self
                .doc
                .scenarios()
                .iter()
                .map(|s| {
                    target
                        .value(&s.metrics.territory())
                        .map(|v| e.share_less_mixed(v))
                })
                .collect();
            crate::ui::scenarios_window::EnsembleColumn {
                index_name: name.clone(),
                maps: e.values.len(),
                shares,
            }
        });
        match w.show(
            ctx,
            lang,
            (rows, ensemble.as_ref()),
            self.jobs.proposals.is_some(),
            &minutes,
        ) {
            None => {}
            Some(ScenariosAction::Close) => self.windows.scenarios = None,
            Some(ScenariosAction::Compare(a, b)) => commands.push(UiCommand::CompareThese(a, b)),
            Some(ScenariosAction::Show(i)) => commands.push(UiCommand::Switch(i)),
            Some(ScenariosAction::Add(paths)) => commands.push(UiCommand::AddProposals(paths)),
        }
    }
}
