//! The windows of the lever tools: sharing a block, shared sectors, the assistant. Each shows
//! itself and hands what the user decided to the commands; none changes the document.

use super::super::Editor;
use super::super::intent::{Proposal, UiCommand};
use crate::assistant::Target;
use crate::i18n::Lang;
use crate::metrics::Minority;
use crate::ui::assistant_window::{AssistantAction, SearchInputs};

impl Editor {
    /// The split window, for tests.
    pub fn split_window(&mut self) -> Option<&mut crate::ui::split_window::SplitWindow> {
        self.windows.split.as_mut()
    }

    /// The shared-sectors window, for tests.
    pub fn shared_window(&mut self) -> Option<&mut crate::ui::shared_window::SharedWindow> {
        self.windows.shared.as_mut()
    }

    /// The index the assistant offers first: the entropy index when groups are known, else the
    /// dissimilarity of boursiers.
    pub(in crate::app) fn default_assistant_target(&self) -> Target {
        let m = &self.doc.active().metrics;
        let idx = m.territory();
        if idx.entropy.is_some() {
            Target::Entropy
        } else if idx
            .minority(Minority::Boursiers)
            .and_then(|x| x.dissimilarity)
            .is_some()
        {
            Target::Dissimilarity(Minority::Boursiers)
        } else if idx.ips_spread.is_some() {
            // a département from the national files has IPS and nothing else
            Target::IpsSpread
        } else {
            Target::Dissimilarity(Minority::Boursiers)
        }
    }

    /// True while the assistant searches.
    pub fn assistant_running(&self) -> bool {
        self.windows.assistant.as_ref().is_some_and(|w| w.running())
    }

    /// The assistant window, for tests.
    pub fn assistant_window(
        &mut self,
    ) -> Option<&mut crate::ui::assistant_window::AssistantWindow> {
        self.windows.assistant.as_mut()
    }

    /// The lever windows, when open.
    pub(super) fn lever_windows_ui(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        self.assistant_ui(ctx, lang, commands);
        self.shared_ui(ctx, lang, commands);
        self.split_ui(ctx, lang, commands);
    }

    fn split_ui(&mut self, ctx: &egui::Context, lang: Lang, commands: &mut Vec<UiCommand>) {
        use crate::ui::split_window::SplitAction;
        let Some(w) = &mut self.windows.split else {
            return;
        };
        match w.show(ctx, lang, self.doc.territory(), &self.doc.active().scenario) {
            None => {}
            Some(SplitAction::Close) => self.windows.split = None,
            // the window closes once the block is shared (a refusal leaves it open)
            Some(SplitAction::Apply(u, a)) => commands.push(UiCommand::ShareBlock(u, a)),
        }
    }

    fn shared_ui(&mut self, ctx: &egui::Context, lang: Lang, commands: &mut Vec<UiCommand>) {
        use crate::ui::shared_window::{SharedAction, SharedView};
        let Some(w) = &mut self.windows.shared else {
            return;
        };
        let active = self.doc.active();
        let view = SharedView {
            territory: self.doc.territory(),
            scenario: &active.scenario,
            metrics: &active.metrics,
            baseline: &self.doc.baseline().scenario,
            revision: self.doc.revision(),
        };
        match w.show(ctx, lang, &view) {
            None => {}
            Some(SharedAction::Close) => self.windows.shared = None,
            Some(SharedAction::Create(colleges, rule)) => {
                commands.push(UiCommand::CreateShared(colleges, rule));
            }
        }
    }

    fn assistant_ui(&mut self, ctx: &egui::Context, lang: Lang, commands: &mut Vec<UiCommand>) {
        let Some(w) = &mut self.windows.assistant else {
            return;
        };
        let indices = self.doc.active().metrics.territory();
        let values = |t: Target| t.value(&indices);
        let s = &self.doc.active().scenario;
        let t = self.doc.territory().clone();
        let locked = (
            t.unit_ids().filter(|&u| s.is_unit_locked(u)).count(),
            t.college_ids().filter(|&c| s.is_college_locked(c)).count(),
        );
        match w.show(ctx, lang, &t, &values, locked) {
            None => {}
            Some(AssistantAction::Close) => self.windows.assistant = None,
            Some(AssistantAction::Run) => {
                let active = self.doc.active();
                w.start(SearchInputs {
                    territory: t.clone(),
                    start: active.scenario.clone(),
                    baseline: self.doc.baseline().scenario.clone(),
                    metrics: active.metrics.clone(),
                    start_index: self.doc.active_index(),
                });
            }
            Some(AssistantAction::Accept { start_index, moves }) => {
                commands.push(UiCommand::AcceptProposal(Box::new(Proposal {
                    start_index,
                    moves,
                    target: w.target,
                    constraints: w.constraints(),
                })));
                self.windows.assistant = None;
            }
        }
    }
}
