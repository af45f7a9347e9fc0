//! The editor's side of the public windows: the summary they show (cached per revision), the
//! files written in the background, and the comparison's map pictures.

use super::super::Editor;
use super::super::intent::UiCommand;
use crate::i18n::Lang;
use crate::metrics::Confidentiality;
use crate::publish::PublicSummary;
use crate::ui::publish_window::{PictureInputs, PublishAction};

impl Editor {
    /// True while the comparison window draws a map.
    pub fn compare_drawing(&self) -> bool {
        self.windows.compare.as_ref().is_some_and(|w| w.drawing())
    }

    /// The public summary of scenario `b` against scenario `a` (indices in the document),
    /// computed once per revision.
    pub(in crate::app) fn public_summary(&mut self, a: usize, b: usize) -> Option<&PublicSummary> {
        let key = (self.doc.revision(), a, b);
        // one entry per window at most, all of the current revision
        self.view.public_cache.retain(|(k, _)| k.0 == key.0);
        if !self.view.public_cache.iter().any(|(k, _)| *k == key) {
            let (sa, sb) = (self.doc.scenarios().get(a)?, self.doc.scenarios().get(b)?);
            let s = PublicSummary::new(
                self.doc.territory(),
                (&sa.scenario, &sa.metrics),
                (&sb.scenario, &sb.metrics),
                Confidentiality::default(),
            );
            if self.view.public_cache.len() >= 2 {
                self.view.public_cache.remove(0);
            }
            self.view.public_cache.push((key, s));
        }
        self.view
            .public_cache
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s)
    }

    pub(in crate::app) fn picture_inputs(&self, index: usize, against: usize) -> PictureInputs {
        let scenarios = self.doc.scenarios();
        let scenario = scenarios[index].scenario.clone();
        let changed = if index == against {
            Vec::new()
        } else {
            scenario
                .changed_units(&scenarios[against].scenario)
                .collect()
        };
        PictureInputs {
            territory: self.doc.territory().clone(),
            scenario,
            styles: self.view.styles.clone(),
            changed,
        }
    }

    /// The "documents for the public" window.
    pub(super) fn publish_ui(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let Some(mut w) = self.windows.publish.take() else {
            return;
        };
        let active = self.doc.active_index();
        let key = self.doc.revision() ^ ((active as u64) << 48);
        // the cached summary is borrowed, not copied, while the window shows it
        let drawn = self
            .windows
            .frontier
            .as_ref()
            .is_some_and(|f| f.has_curve());
        let action = match self.public_summary(0, active) {
            Some(summary) => w.show(ctx, lang, summary, key, active == 0, drawn),
            None => None,
        };
        match action {
            None => self.windows.publish = Some(w),
            Some(PublishAction::Close) => {}
            Some(PublishAction::Write(out, path, author)) => {
                commands.push(UiCommand::SetAuthor(active, author.clone()));
                // setting the author changes no figure: the summary is still the cached one
                if let Some(mut summary) = self.public_summary(0, active).cloned() {
                    summary.scenario.author = author.trim().to_string();
                    if out == crate::publish::Output::Handout && w.with_frontier {
                        summary.frontier =
                            self.windows.frontier.as_ref().and_then(|f| f.figure(lang));
                    }
                    let inputs = self.picture_inputs(active, 0);
                    let job = crate::ui::publish_window::write_in_background(
                        ctx, out, path, summary, inputs, lang,
                    );
                    w.start(job);
                }
                self.windows.publish = Some(w);
            }
        }
    }

    /// The comparison of two scenarios.
    pub(super) fn compare_ui(&mut self, ctx: &egui::Context, lang: Lang) {
        let Some(mut w) = self.windows.compare.take() else {
            return;
        };
        let n = self.doc.scenarios().len();
        let (a, b) = (w.a.min(n - 1), w.b.min(n - 1));
        let revision = self.doc.revision();
        for (k, index) in [(0, a), (1, b)] {
            // a map changes with its scenario, and B's white dots with A
            let key = revision ^ ((index as u64) << 40) ^ ((a as u64) << 50);
            w.want_map(ctx, k, key, || {
                self.picture_inputs(index, if k == 0 { index } else { a })
            });
        }
        let names: Vec<String> = self
            .doc
            .scenarios()
            .iter()
            .map(|s| s.scenario.meta.name.clone())
            .collect();
        let summary = if a == b {
            None
        } else {
            self.public_summary(a, b)
        };
        if w.show(ctx, lang, &names, summary).is_none() {
            self.windows.compare = Some(w);
        }
    }
}
