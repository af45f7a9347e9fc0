//! The windows of the lever tools: sharing a block, shared sectors, the assistant. Each shows
//! itself and hands what the user decided to the commands; none changes the document.

use super::super::Editor;
use super::super::intent::{Proposal, UiCommand};
use crate::assistant::Target;
use crate::i18n::Lang;
use crate::metrics::Minority;
use crate::ui::assistant_window::{AssistantAction, SearchInputs};
use crate::ui::frontier_window::{FrontierAction, FrontierInputs, FrontierWindow, PlacedScenario};

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
        self.frontier_ui(ctx, lang, commands);
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
            Some(AssistantAction::Frontier) => {
                let constraints = w.constraints().binding_on(&t);
                let pupils: f64 = t
                    .unit_ids()
                    .filter_map(|u| t.unit(u).population.pupils)
                    .sum();
                // twice the assistant's cap, or a fifth of the pupils
                let max_moved = constraints
                    .max_moved_pupils
                    .map_or(pupils * 0.2, |m| m * 2.0);
                let name = crate::i18n::frontier::index_name(lang, w.target, &t);
                self.windows.frontier = Some(FrontierWindow::new(
                    (w.target, name),
                    constraints,
                    (max_moved / 10.0).round() * 10.0,
                ));
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

    /// The frontier window, for tests.
    pub fn frontier_window(&mut self) -> Option<&mut FrontierWindow> {
        self.windows.frontier.as_mut()
    }

    fn frontier_ui(&mut self, ctx: &egui::Context, lang: Lang, commands: &mut Vec<UiCommand>) {
        let revision = self.doc.revision();
        let Some(w) = &mut self.windows.frontier else {
            return;
        };
        if w.placed_revision() != revision {
            w.set_placed(revision, placed_scenarios(&self.doc, w.target));
        }
        let action = w.show(ctx, lang);
        if let Some(e) = w.take_new_ensemble() {
            self.view.ensemble = Some(e);
        }
        match action {
            None => {}
            Some(FrontierAction::Close) => self.windows.frontier = None,
            Some(FrontierAction::Run) => {
                let base = self.doc.baseline();
                w.start(FrontierInputs {
                    territory: self.doc.territory().clone(),
                    baseline: base.scenario.clone(),
                    metrics: base.metrics.clone(),
                });
            }
            Some(FrontierAction::Keep(i)) => {
                if let Some(p) = w.points().get(i) {
                    commands.push(UiCommand::KeepFrontierMap(Box::new(
                        super::super::intent::KeptMap {
                            scenario: p.scenario.clone(),
                            moved: p.moved,
                            target: w.target,
                            constraints: crate::assistant::Constraints {
                                max_moved_pupils: Some(p.cap),
                                ..w.constraints.clone()
                            },
                        },
                    )));
                    // the kept map is now the current scenario: its preview would only hide it
                    w.select(None);
                }
            }
        }
    }
}

/// Every scenario of the project but the current map, with the pupils it moves from the
/// current map and its index.
fn placed_scenarios(doc: &crate::model::Document, target: Target) -> Vec<PlacedScenario> {
    let t = doc.territory();
    let base = &doc.baseline().scenario;
    doc.scenarios()
        .iter()
        .skip(1)
        .map(|s| PlacedScenario {
            name: s.scenario.meta.name.clone(),
            moved: t
                .unit_ids()
                .filter(|&u| {
                    s.scenario.assignment(u).main_college() != base.assignment(u).main_college()
                })
                .filter_map(|u| t.unit(u).population.pupils)
                .sum(),
            value: target.value(&s.metrics.territory()),
        })
        .collect()
}
