//! The side panel: the territory's figures, the changes, and the collège cards.

use super::super::Editor;
use super::super::intent::UiCommand;
use super::super::view::{SortKey, Tool};
use crate::i18n::{Lang, texts};
use crate::model::Edit;
use crate::ui::panel::{
    CardsView, PanelAction, changes_list_ui, college_cards_ui, rule_ui, territory_ui,
};

/// Height of a collège card in the scrolling list (points), for laying out only visible ones.
const CARD_HEIGHT: f32 = 168.0;

impl Editor {
    /// The side panel.
    pub(super) fn side_panel_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let tx = texts(lang);
        let t = self.doc.territory().clone();
        egui::Panel::right("indicators")
            .default_size(430.0)
            .min_size(340.0)
            .show(ui, |ui| {
                self.view.refresh_changes(&self.doc);
                self.address_ui(ui, lang, 15.0, commands);
                ui.separator();
                let active = self.doc.active();
                let moved = &self.view.changes.1;
                territory_ui(
                    ui,
                    lang,
                    &active.metrics.territory(),
                    &self.doc.baseline().metrics.territory(),
                    (moved.0.len(), moved.1),
                    (
                        self.doc.config().walk_threshold_m / 1000.0,
                        self.doc.config().walk_source(),
                    ),
                );
                // where the map on show falls in the last neutral ensemble drawn
                if let Some((target, name, e)) = &self.view.ensemble
                    && let Some(v) = target.value(&active.metrics.territory())
                {
                    ui.label(
                        egui::RichText::new(crate::i18n::frontier::panel_place(lang, e, name, v))
                            .strong(),
                    );
                }
                crate::ui::panel::avoidance_ui(
                    ui,
                    lang,
                    &self.view.avoidance,
                    &self.doc.config().avoidance,
                    !moved.0.is_empty(),
                    &mut |m| commands.push(UiCommand::SetAvoidance(m)),
                );
                if !moved.0.is_empty() {
                    changes_list_ui(ui, lang, &self.doc, &moved.0);
                }
                ui.separator();
                ui.horizontal(|ui| {
                    let names = [
                        (SortKey::Map, tx.sort_map),
                        (SortKey::Name, tx.sort_name),
                        (SortKey::CapacityUse, tx.sort_use),
                        (SortKey::Ips, tx.sort_ips),
                        (SortKey::Boursiers, tx.sort_boursiers),
                        (SortKey::Walk, tx.sort_walk),
                    ];
                    let current = names
                        .iter()
                        .find(|(k, _)| *k == self.view.sort)
                        .map(|(_, n)| *n)
                        .unwrap_or("");
                    egui::ComboBox::new("sort", tx.sort_by)
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            for (k, n) in names {
                                if ui.selectable_label(self.view.sort == k, n).clicked() {
                                    commands.push(UiCommand::SetSort(k));
                                }
                            }
                        });
                });
                rule_ui(ui, lang, &active.metrics);
                let order = self.view.sorted_colleges(&self.doc);
                let mut actions = Vec::new();
                let view = CardsView {
                    order: &order,
                    now: &active.metrics,
                    base: &self.doc.baseline().metrics,
                    colors: &self.view.colors,
                    hatched: &self.view.hatched,
                    selected: self.view.selected,
                    pieces: &self.view.pieces.1,
                    locked: &|c| active.scenario.is_college_locked(c),
                    scenario: &active.scenario,
                    avoidance: (!self.doc.active_is_baseline())
                        .then_some(self.view.avoidance.per_college.as_slice()),
                };
                // only the cards in view are laid out: a département has a hundred collèges
                let row = CARD_HEIGHT + ui.spacing().item_spacing.y;
                let mut area = egui::ScrollArea::vertical();
                // a collège picked elsewhere (its marker, the room's list, the eyedropper)
                // brings its card into view, once, if none of it is in sight
                let (seen, offset, height) = self.view.cards_scroll;
                if self.view.selected != seen
                    && let Some(k) = self
                        .view
                        .selected
                        .and_then(|c| order.iter().position(|&o| o == c))
                {
                    let top = k as f32 * row;
                    // a card partly in view (the one just clicked) stays where it is
                    if top + row < offset || top > offset + height {
                        area = area.vertical_scroll_offset((top - row * 0.5).max(0.0));
                    }
                }
                let out = area.show_rows(ui, CARD_HEIGHT, order.len(), |ui, range| {
                    college_cards_ui(ui, lang, &t, &view, range, &mut actions);
                });
                self.view.cards_scroll = (
                    self.view.selected,
                    out.state.clamped_offset().y,
                    out.inner_rect.height(),
                );
                for a in actions {
                    match a {
                        PanelAction::Select(c) => commands.push(UiCommand::Select(c)),
                        PanelAction::ToggleLock(c) => {
                            commands.push(UiCommand::ToggleCollegeLock(c))
                        }
                        PanelAction::Close(c) => commands.push(UiCommand::CloseCollege(c)),
                        PanelAction::Move(c) => {
                            commands.push(UiCommand::SetTool(Tool::MoveCollege(c)))
                        }
                        PanelAction::Merge(c) => commands.push(UiCommand::OpenMerge(c)),
                        PanelAction::Dominos(c) => commands.push(UiCommand::Dominos(c)),
                        PanelAction::Reopen(c) => {
                            commands.push(UiCommand::Apply(Edit::OpenColleges(vec![(c, true)])))
                        }
                        PanelAction::AllowPieces(c, ok) => {
                            commands.push(UiCommand::Apply(Edit::AllowDiscontinuous(vec![(c, ok)])))
                        }
                    }
                }
            });
    }
}
