//! The meeting room: meeting mode's layout (the map large, every collège at a glance, the
//! territory in one sentence, a before/after switch and only the tools a room needs), and the
//! audience window that shows the same room on the projector while the facilitator keeps the
//! editor. Everything shown here goes through the confidentiality rule.

use egui::{Color32, RichText};

use super::super::Editor;
use super::super::intent::UiCommand;
use super::super::view::Meeting;
use super::map_view::Pane;
use crate::i18n::{Lang, number, texts};
use crate::metrics::{CollegeIndicators, Confidentiality, RuleIndicator, RuleMode};
use crate::model::{CollegeId, Sector};
use crate::ui::glance::{Glance, GlanceRow, MAX_ROWS, glance_ui};
use crate::ui::map::Gesture;
use crate::ui::meeting::IconsBy;

/// A collège's figures now, and before when the change touches it.
type RowFigures = (CollegeId, CollegeIndicators, Option<CollegeIndicators>);

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
            self.room_sentence_ui(ui, lang, meeting, true);
            ui.add_space(2.0);
        });
        self.meeting_status_ui(ui, lang, meeting);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.room_body_ui(ui, lang, Pane::Editor, meeting, commands);
        });
    }

    /// The room's body: the map, and every collège at a glance beside it. Each gets exactly
    /// its rectangle.
    fn room_body_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        pane: Pane,
        room: Meeting,
        commands: &mut Vec<UiCommand>,
    ) {
        let full = ui.available_rect_before_wrap();
        let width = (full.width() * 0.5)
            .clamp(480.0, 800.0)
            .min(full.width() * 0.6);
        let (map_rect, side) = full.split_left_right_at_x(full.right() - width);
        // "Mon adresse": the answer above the map, in large type
        let banner = self.address_banner_ui(ui, lang, map_rect, room);
        let map_rect = egui::Rect::from_min_max(
            egui::pos2(
                map_rect.left(),
                (map_rect.top() + banner).min(map_rect.bottom() - 120.0),
            ),
            map_rect.max,
        );
        ui.painter().rect_filled(side, 0.0, Color32::from_gray(242));
        let figures = self.glance_figures(room);
        let out = self.glance_of(&figures, room, |glance| {
            glance_ui(ui, lang, side.shrink(8.0), glance)
        });
        if let Some(k) = out.clicked {
            commands.push(UiCommand::Select(figures[k].0));
        }
        match pane {
            Pane::Editor => self.view.room_texts = out.texts,
            Pane::Audience => {
                if let Some(a) = &mut self.view.audience {
                    a.texts = out.texts;
                }
            }
        }
        ui.scope_builder(egui::UiBuilder::new().max_rect(map_rect), |ui| match pane {
            Pane::Editor => self.map_ui(ui, lang, commands),
            Pane::Audience => {
                if let Some(a) = &mut self.view.audience
                    && a.fit_home(&self.view.geometry, map_rect)
                {
                    self.address.recenter[1] = true;
                }
                let _ = self.sector_map(ui, lang, Pane::Audience, Gesture::Click);
            }
        });
    }

    /// The public collèges' figures in the order the room sees them: the picked one, then
    /// those the change touches, then the others.
    fn glance_figures(&self, room: Meeting) -> Vec<RowFigures> {
        let t = self.doc.territory();
        let shown = if room.before {
            self.doc.baseline()
        } else {
            self.doc.active()
        };
        let base = &self.doc.baseline().metrics;
        let gauge_reads_ips = matches!(
            (
                self.doc.config().rule.indicator,
                self.doc.config().rule.mode
            ),
            (RuleIndicator::Ips, RuleMode::Relative)
        );
        let mut rows: Vec<RowFigures> = t
            .college_ids()
            .filter(|&c| t.college(c).sector == Sector::Public)
            .filter_map(|c| {
                let mut before = base.college(c, t);
                // a collège closed in both maps is not listed
                if !shown.scenario.is_college_open(c) && before.pupils <= 0.0 {
                    return None;
                }
                let mut now = shown.metrics.college(c, t);
                // the gauge reads the IPS gap; another rule's gap would be a different quantity
                if !gauge_reads_ips {
                    now.deviation = None;
                    before.deviation = None;
                }
                let changed = !room.before && (now.pupils - before.pupils).abs() > 1e-9;
                Some((c, now, changed.then_some(before)))
            })
            .collect();
        rows.sort_by_key(|(c, _, before)| (Some(*c) != self.view.selected, before.is_none()));
        rows
    }

    /// The glance over these figures, handed to `f`.
    fn glance_of<T>(
        &self,
        figures: &[RowFigures],
        room: Meeting,
        f: impl FnOnce(&Glance<'_>) -> T,
    ) -> T {
        let t = self.doc.territory();
        let config = self.doc.config();
        let listed = figures.len().min(MAX_ROWS);
        let others = (
            figures.len() - listed,
            figures[listed..].iter().filter(|r| r.2.is_some()).count(),
        );
        let minutes = |m: f64| config.walk_minutes(m);
        let glance = Glance {
            rows: figures[..listed]
                .iter()
                .map(|(c, now, before)| GlanceRow {
                    name: room_name(
                        t.college(*c).name.as_str(),
                        self.view.labels.get(c.index()).map(String::as_str),
                    ),
                    color: self
                        .view
                        .colors
                        .get(c.index())
                        .copied()
                        .unwrap_or(Color32::GRAY),
                    now,
                    before: before.as_ref(),
                    selected: self.view.selected == Some(*c),
                })
                .collect(),
            others,
            groups: &t.groups.names,
            band: matches!(
                (config.rule.indicator, config.rule.mode),
                (RuleIndicator::Ips, RuleMode::Relative)
            )
            .then_some(config.rule.threshold),
            minutes: &minutes,
            icons_by: room.icons_by,
            ips_estimated: figures.iter().any(|r| r.1.ips_estimated),
            privacy: Confidentiality::default(),
        };
        f(&glance)
    }

    /// The territory in one sentence: the IPS spread between collèges and the social
    /// separation index "sur 100", before → now, and how many blocks and pupils change.
    fn room_sentence_ui(&self, ui: &mut egui::Ui, lang: Lang, room: Meeting, with_name: bool) {
        let big = |s: &str, size: f32| RichText::new(s).size(size);
        let w = crate::i18n::meeting::glance_texts(lang);
        // on a laptop's screen the figures keep one line and the collèges their rows: the room
        // knows its territory's name (an invented one still says so)
        let with_name =
            with_name && (ui.available_width() >= 1500.0 || self.doc.territory().info.fictional);
        ui.horizontal_wrapped(|ui| {
            if with_name {
                let t = self.doc.territory();
                ui.label(big(&t.info.name, 22.0).strong().color(Color32::BLACK));
                if t.info.fictional {
                    let tx = texts(lang);
                    ui.label(
                        big(tx.fictional_badge, 18.0)
                            .strong()
                            .color(Color32::WHITE)
                            .background_color(Color32::from_rgb(150, 60, 20)),
                    );
                }
                ui.separator();
            }
            let base = self.doc.baseline().metrics.territory();
            let now = self.doc.active().metrics.territory();
            let now = (!room.before).then_some(&now);
            // the IPS spread, the one figure every département has
            let fmt = |v: f64| number(lang, v, 1);
            if let Some(b) = base.ips_spread.map(|s| s.spread) {
                let mut line = match now.and_then(|n| n.ips_spread.map(|s| s.spread)) {
                    Some(n) if fmt(n) != fmt(b) => (w.spread_change)(&fmt(b), &fmt(n)),
                    _ => (w.spread_same)(&fmt(b)),
                };
                // an estimate says so wherever it appears
                if base.ips_spread.is_some_and(|s| s.estimated) {
                    line = format!("{line} {}", w.estimated);
                }
                ui.label(big(&line, 20.0).strong().color(Color32::BLACK));
                ui.separator();
            }
            // the separation index: H of the social groups, else D of the boursiers
            let index = |i: &crate::metrics::TerritoryIndices| {
                i.entropy.map(|e| e.indices.h).or_else(|| {
                    i.minority(crate::metrics::Minority::Boursiers)
                        .and_then(|m| m.dissimilarity)
                })
            };
            if let Some(b) = index(&base) {
                let fmt = |v: f64| number(lang, v * 100.0, 1);
                let line = match now.and_then(index) {
                    Some(n) if fmt(n) != fmt(b) => (w.index_change)(&fmt(b), &fmt(n)),
                    _ => (w.index_same)(&fmt(b)),
                };
                ui.label(big(&line, 20.0).strong().color(Color32::BLACK));
                ui.label(big(w.index_hint, 18.0).color(Color32::from_gray(50)));
                ui.separator();
            }
        });
        // on the audience's screen (no status bar): how much changes, on its own line
        if !with_name && let Some(text) = self.changes_sentence(lang, room) {
            ui.label(big(&text, 20.0).color(Color32::BLACK));
        }
    }

    /// "3 îlots changent de collège · 120 élèves concernés", with small counts hidden.
    fn changes_sentence(&self, lang: Lang, room: Meeting) -> Option<String> {
        let (units, pupils) = &self.view.changes.1;
        if room.before || units.is_empty() {
            return None;
        }
        let pupils = Confidentiality::default().count(Some(*pupils));
        let words = crate::i18n::public_texts(lang);
        Some(format!(
            "{} · {}",
            (words.units_change)(units.len()),
            crate::i18n::pupils_concerned(lang, pupils)
        ))
    }

    /// The audience window: the room's view on the projector, following the facilitator's
    /// scenario live; no menu, no dialog. F11 toggles fullscreen; closing it closes only it.
    pub(super) fn audience_ui(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let Some(a) = &self.view.audience else {
            return;
        };
        let tx = texts(lang);
        let mut builder = egui::ViewportBuilder::default()
            .with_title(tx.audience_title)
            .with_inner_size([1280.0, 720.0]);
        builder = match a.monitor {
            Some(m) if a.fullscreen => builder.with_monitor(m),
            _ => builder.with_fullscreen(a.fullscreen),
        };
        let fullscreen = a.fullscreen;
        let room = self.view.room();
        self.view.refresh_changes(&self.doc);
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("carte-mixite-audience"),
            builder,
            |ui, _class| {
                ui.painter()
                    .rect_filled(ui.max_rect(), 0.0, Color32::from_gray(248));
                let (close, f11, escape) = ui.input(|i| {
                    (
                        i.viewport().close_requested(),
                        i.key_pressed(egui::Key::F11),
                        i.key_pressed(egui::Key::Escape),
                    )
                });
                if close {
                    commands.push(UiCommand::ToggleAudience(None));
                }
                if f11 || (escape && fullscreen) {
                    commands.push(UiCommand::AudienceFullscreen(!fullscreen));
                }
                let full = ui.available_rect_before_wrap();
                let top = ui
                    .scope_builder(egui::UiBuilder::new().max_rect(full.shrink(8.0)), |ui| {
                        self.audience_top_ui(ui, lang, room);
                        ui.min_rect().bottom()
                    })
                    .inner;
                let body = egui::Rect::from_min_max(
                    egui::pos2(full.left(), top + 6.0),
                    full.right_bottom(),
                );
                let mut ignored = Vec::new();
                ui.scope_builder(egui::UiBuilder::new().max_rect(body), |ui| {
                    self.room_body_ui(ui, lang, Pane::Audience, room, &mut ignored);
                });
                // the room's clicks pick nothing: the facilitator decides on the laptop
                let _ = ignored;
            },
        );
    }

    /// The audience window's heading: the territory, before or after, the sentence.
    fn audience_top_ui(&self, ui: &mut egui::Ui, lang: Lang, room: Meeting) {
        let tx = texts(lang);
        let t = self.doc.territory();
        let big = |s: &str, size: f32| RichText::new(s).size(size);
        ui.horizontal_wrapped(|ui| {
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
            let shown = if room.before {
                tx.meeting_before.to_string()
            } else if self.doc.active_index() == 0 {
                format!("{} {}", tx.meeting_after, tx.meeting_no_proposal)
            } else {
                format!(
                    "{} {}",
                    tx.meeting_after,
                    self.doc.active().scenario.meta.name
                )
            };
            ui.label(
                big(&shown, 26.0)
                    .strong()
                    .color(Color32::WHITE)
                    .background_color(if room.before {
                        Color32::from_gray(90)
                    } else {
                        Color32::from_rgb(30, 90, 160)
                    }),
            );
        });
        self.room_sentence_ui(ui, lang, room, false);
    }

    /// The meeting's top bar: the territory, before/after, undo, leave, language, and the
    /// territory's figures in one line.
    fn meeting_top_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        meeting: crate::app::Meeting,
        commands: &mut Vec<UiCommand>,
    ) {
        let tx = texts(lang);
        let big = |s: &str, size: f32| RichText::new(s).size(size);
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().button_padding = egui::vec2(8.0, 3.0);
            let active = self.doc.active_index();
            if ui
                .selectable_label(meeting.before, big(tx.meeting_before, 18.0))
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
                .selectable_label(!meeting.before, big(&after, 18.0))
                .clicked()
            {
                commands.push(UiCommand::ShowBefore(false));
            }
            ui.separator();
            let can_undo = !meeting.before && self.doc.active().history.undo_len() > 0;
            if ui
                .add_enabled(
                    can_undo,
                    egui::Button::new(big(&format!("↶ {}", tx.undo), 18.0)),
                )
                .clicked()
            {
                commands.push(UiCommand::Undo);
            }
            ui.separator();
            if ui.button(big(tx.meeting_leave, 18.0)).clicked() {
                commands.push(UiCommand::ToggleMeeting);
            }
            for l in Lang::ALL {
                let name = l.code();
                if ui.selectable_label(lang == l, big(&name, 18.0)).clicked() {
                    commands.push(UiCommand::SetLang(l));
                }
            }
            ui.separator();
            let remark = crate::i18n::scenarios::record_texts(lang).tool;
            if ui.button(big(remark, 18.0)).clicked() {
                commands.push(UiCommand::OpenRemarks(None));
            }
            audience_button(ui, lang, self.view.audience.is_some(), 18.0, commands);
            ui.separator();
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
            // the field with its label and button is one piece: on the next line when the
            // row has no room for it
            if ui.available_size_before_wrap().x < 18.0 * 16.0 + 240.0 {
                ui.end_row();
            } else {
                ui.separator();
            }
            self.address_ui(ui, lang, 18.0, commands);
        });
    }

    /// The meeting's status bar: the hint and the last change's message.
    fn meeting_status_ui(&self, ui: &mut egui::Ui, lang: Lang, meeting: crate::app::Meeting) {
        let tx = texts(lang);
        let big = |s: &str, size: f32| RichText::new(s).size(size);
        egui::Panel::bottom("meeting_status")
            .exact_size(34.0)
            .show(ui, |ui| {
                ui.horizontal_centered(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                    let hint = if meeting.before {
                        tx.meeting_hint_before
                    } else {
                        tx.meeting_hint
                    };
                    if let Some(text) = self.changes_sentence(lang, meeting) {
                        ui.label(big(&text, 20.0).strong().color(Color32::BLACK));
                        ui.separator();
                    }
                    ui.label(big(hint, 18.0).color(Color32::BLACK));
                    if let Some(n) = self.status.notice() {
                        ui.separator();
                        ui.label(big(n, 18.0).color(Color32::from_rgb(150, 60, 20)).strong())
                            .on_hover_text(n);
                    }
                });
            });
    }
}

/// A collège's name in the room's list: the map's label, unless the label was shortened
/// ("Lili Keller-Rosenb…"), then the whole name without the word "Collège".
fn room_name<'a>(name: &'a str, label: Option<&'a str>) -> &'a str {
    match label {
        Some(l) if !l.ends_with('…') && !l.is_empty() => l,
        _ => name
            .strip_prefix("Collège ")
            .or_else(|| name.strip_prefix("collège "))
            .unwrap_or(name),
    }
}

/// "Écran du public": opens the audience window, or closes it. A right click offers the
/// screens to send it to, fullscreen.
pub(super) fn audience_button(
    ui: &mut egui::Ui,
    lang: Lang,
    open: bool,
    size: f32,
    commands: &mut Vec<UiCommand>,
) {
    let tx = texts(lang);
    let response = ui
        .selectable_label(open, RichText::new(tx.audience_button).size(size))
        .on_hover_text(tx.audience_hint);
    if response.clicked() {
        commands.push(UiCommand::ToggleAudience(None));
    }
    response.context_menu(|ui| {
        for screen in 0..3 {
            if ui.button((tx.audience_on_screen)(screen + 1)).clicked() {
                commands.push(UiCommand::ToggleAudience(Some(screen)));
                ui.close();
            }
        }
    });
}
