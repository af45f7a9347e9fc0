//! Meeting mode's layout: the map large, big cards for the collèges the proposal touches, a
//! before/after switch, and only the tools a room needs (pick a collège, give it a block, undo).
//! Everything shown here goes through the confidentiality rule.

use egui::{Color32, RichText};

use super::super::Editor;
use super::super::intent::UiCommand;
use crate::i18n::{Lang, texts};
use crate::metrics::{Confidentiality, RuleIndicator, RuleMode};
use crate::model::{CollegeId, Sector};
use crate::ui::meeting::{CardData, IconsBy, card_ui};

impl Editor {
    /// The whole window in meeting mode.
    pub(super) fn meeting_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let Some(meeting) = self.view.meeting else {
            return;
        };
        self.view.refresh_changes(&self.doc);
        egui::Panel::top("meeting_top").show(ui, |ui| {
            self.meeting_top_ui(ui, lang, meeting, commands);
        });
        self.meeting_status_ui(ui, lang, meeting);
        // the map and the cards share the rest of the window, split by hand: each gets exactly
        // its rectangle
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let full = ui.available_rect_before_wrap();
            let width = (full.width() * 0.36).clamp(380.0, 640.0);
            let (map_rect, cards_rect) = full.split_left_right_at_x(full.right() - width);
            ui.painter()
                .rect_filled(cards_rect, 0.0, ui.visuals().panel_fill);
            ui.scope_builder(
                egui::UiBuilder::new().max_rect(cards_rect.shrink(8.0)),
                |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("meeting_cards")
                        .auto_shrink(false)
                        .show(ui, |ui| {
                            ui.set_max_width(cards_rect.width() - 30.0);
                            for c in self.meeting_order() {
                                if self.meeting_card(ui, lang, c, meeting) {
                                    commands.push(UiCommand::Select(c));
                                }
                                ui.add_space(10.0);
                            }
                        });
                },
            );
            ui.scope_builder(egui::UiBuilder::new().max_rect(map_rect), |ui| {
                self.map_ui(ui, lang, commands)
            });
        });
    }

    /// The meeting's top bar: the territory, before/after, undo, leave, language, and the
    /// territory's figures in one line.
    fn meeting_top_ui(
        &self,
        ui: &mut egui::Ui,
        lang: Lang,
        meeting: crate::app::Meeting,
        commands: &mut Vec<UiCommand>,
    ) {
        let tx = texts(lang);
        let t = self.doc.territory();
        let big = |s: &str, size: f32| RichText::new(s).size(size);
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().button_padding = egui::vec2(12.0, 6.0);
            ui.label(big(&t.info.name, 30.0).strong().color(Color32::BLACK));
            if t.info.fictional {
                ui.label(
                    big(tx.fictional_badge, 20.0)
                        .strong()
                        .color(Color32::WHITE)
                        .background_color(Color32::from_rgb(150, 60, 20)),
                );
            }
            ui.separator();
            let active = self.doc.active_index();
            if ui
                .selectable_label(meeting.before, big(tx.meeting_before, 24.0))
                .clicked()
            {
                commands.push(UiCommand::ShowBefore(true));
            }
            let after = format!(
                "{} {}",
                tx.meeting_after,
                if active == 0 {
                    tx.meeting_no_proposal
                } else {
                    self.doc.active().scenario.meta.name.as_str()
                }
            );
            if ui
                .selectable_label(!meeting.before, big(&after, 24.0))
                .clicked()
            {
                commands.push(UiCommand::ShowBefore(false));
            }
            ui.separator();
            let can_undo = !meeting.before && self.doc.active().history.undo_len() > 0;
            if ui
                .add_enabled(
                    can_undo,
                    egui::Button::new(big(&format!("↶ {}", tx.undo), 22.0)),
                )
                .clicked()
            {
                commands.push(UiCommand::Undo);
            }
            ui.separator();
            if ui.button(big(tx.meeting_leave, 20.0)).clicked() {
                commands.push(UiCommand::ToggleMeeting);
            }
            for l in Lang::ALL {
                let name = l.code();
                if ui.selectable_label(lang == l, big(&name, 20.0)).clicked() {
                    commands.push(UiCommand::SetLang(l));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let (units, pupils) = &self.view.changes.1;
            if !meeting.before && !units.is_empty() {
                // small counts are not shown in public
                let pupils = Confidentiality::default().count(Some(*pupils));
                let words = crate::i18n::public_texts(lang);
                let text = format!(
                    "{} · {}",
                    (words.units_change)(units.len()),
                    crate::i18n::pupils_concerned(lang, pupils)
                );
                ui.label(big(&text, 20.0).strong().color(Color32::BLACK));
                ui.label(big(tx.meeting_changed_legend, 18.0).color(Color32::from_gray(50)));
                ui.separator();
            }
            // the territory's IPS spread, the one figure every département has
            let before = self.doc.baseline().metrics.territory().ips_spread;
            let now = self.doc.active().metrics.territory().ips_spread;
            if let Some(line) = crate::i18n::departement::spread_sentence(
                lang,
                before.map(|s| s.spread),
                (!meeting.before).then_some(now.map(|s| s.spread)).flatten(),
            ) {
                ui.label(big(&line, 20.0).strong().color(Color32::BLACK));
                ui.separator();
            }
            for (by, name) in [
                (IconsBy::Group, tx.icons_group),
                (IconsBy::Boursier, tx.icons_boursier),
            ] {
                if ui
                    .selectable_label(meeting.icons_by == by, big(name, 18.0))
                    .clicked()
                {
                    commands.push(UiCommand::SetIcons(by));
                }
            }
        });
        ui.add_space(4.0);
    }

    /// The meeting's status bar: the hint and the last change's message.
    fn meeting_status_ui(&self, ui: &mut egui::Ui, lang: Lang, meeting: crate::app::Meeting) {
        let tx = texts(lang);
        let big = |s: &str, size: f32| RichText::new(s).size(size);
        egui::Panel::bottom("meeting_status")
            .exact_size(40.0)
            .show(ui, |ui| {
                ui.horizontal_centered(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    let hint = if meeting.before {
                        tx.meeting_hint_before
                    } else {
                        tx.meeting_hint
                    };
                    ui.label(big(hint, 20.0).color(Color32::BLACK));
                    if let Some(n) = self.status.notice() {
                        ui.separator();
                        ui.label(big(n, 18.0).color(Color32::from_rgb(150, 60, 20)).strong())
                            .on_hover_text(n);
                    }
                });
            });
    }

    /// The public collèges, the chosen one first, then those the proposal changes.
    fn meeting_order(&self) -> Vec<CollegeId> {
        let t = self.doc.territory();
        let (now, base) = (&self.doc.active().metrics, &self.doc.baseline().metrics);
        let mut ids: Vec<CollegeId> = t
            .college_ids()
            .filter(|&c| t.college(c).sector == Sector::Public)
            .collect();
        ids.sort_by_key(|&c| {
            let changed = (now.college(c, t).pupils - base.college(c, t).pupils).abs() > 1e-9;
            (Some(c) != self.view.selected, !changed)
        });
        ids
    }

    /// One big card; true when clicked.
    fn meeting_card(
        &self,
        ui: &mut egui::Ui,
        lang: Lang,
        c: CollegeId,
        meeting: crate::app::Meeting,
    ) -> bool {
        let t = self.doc.territory();
        let config = self.doc.config();
        let shown = if meeting.before {
            self.doc.baseline()
        } else {
            self.doc.active()
        };
        let now = shown.metrics.college(c, t);
        let base = self.doc.baseline().metrics.college(c, t);
        let changed = !meeting.before && (now.pupils - base.pupils).abs() > 1e-9;
        let band = match (config.rule.indicator, config.rule.mode) {
            (RuleIndicator::Ips, RuleMode::Relative) => config.rule.threshold,
            _ => 0.2,
        };
        let mut now_gauge = now.clone();
        let mut base_gauge = base.clone();
        // the gauge reads the IPS gap; another rule's gap would be a different quantity
        if !matches!(
            (config.rule.indicator, config.rule.mode),
            (RuleIndicator::Ips, RuleMode::Relative)
        ) {
            now_gauge.deviation = None;
            base_gauge.deviation = None;
        }
        let minutes = |m: f64| config.walk_minutes(m);
        card_ui(
            ui,
            lang,
            &CardData {
                name: &t.college(c).name,
                color: self
                    .view
                    .colors
                    .get(c.index())
                    .copied()
                    .unwrap_or(Color32::GRAY),
                now: &now_gauge,
                before: changed.then_some(&base_gauge),
                groups: &t.groups.names,
                band,
                minutes: &minutes,
                walk: config.walk_source(),
                privacy: Confidentiality::default(),
                icons_by: meeting.icons_by,
                selected: self.view.selected == Some(c),
            },
        )
    }

    /// White dots on the blocks that change collège (the "after" map).
    pub(super) fn changed_units_ui(&self, ui: &egui::Ui, before: bool) {
        if before {
            return;
        }
        let painter = ui.painter();
        for &u in &self.view.changes.1.0 {
            if let Some(p) = self.unit_screen_pos(u) {
                painter.circle_filled(p, 8.0, Color32::WHITE);
                painter.circle_stroke(p, 8.0, egui::Stroke::new(2.5, Color32::BLACK));
            }
        }
    }
}
