//! The map: the shown scenario's sectors under the tools' gestures, the assistant's preview
//! banner, the background map's attribution, the hover card.

use egui::Color32;
use walkers::Map;

use super::super::Editor;
use super::super::intent::UiCommand;
use super::super::view::Tool;
use crate::i18n::{Lang, number, texts};
use crate::model::{CollegeId, Sector, UnitId};
use crate::ui::coloring::Coloring;
use crate::ui::map::{Gesture, Legend, MapEvents, SectorLayer};

impl Editor {
    /// The map: the shown scenario's sectors, the tools' gestures, the hover card. In meeting
    /// mode's "before" view it shows the baseline and only picks collèges.
    pub(super) fn map_ui(&mut self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<UiCommand>) {
        let rect = ui.available_rect_before_wrap();
        if self.view.fit_home(rect) {
            // a map fitted again (new size, meeting mode) still shows the place searched for
            self.address.recenter[0] = true;
        }
        let meeting = self.view.meeting.is_some();
        let before = self.view.meeting.as_ref().is_some_and(|m| m.before);
        let preview = self.windows.map_preview().filter(|_| !meeting).is_some();
        let gesture = self.view.gesture(meeting || preview);
        let mut events = self.sector_map(ui, lang, Pane::Editor, gesture);
        let t = self.doc.territory();
        // back to the whole territory after an accidental pan (also the Home key)
        let at = egui::Rect::from_min_size(
            rect.right_top() + egui::vec2(-150.0, 8.0),
            egui::vec2(142.0, 30.0),
        );
        if ui
            .put(at, egui::Button::new(texts(lang).recenter))
            .on_hover_text(texts(lang).recenter_hint)
            .clicked()
        {
            commands.push(UiCommand::Recenter);
        }
        if let Some(p) = self.windows.map_preview().filter(|_| !meeting) {
            let pupils: f64 = p
                .moved
                .iter()
                .filter_map(|&u| t.unit(u).population.pupils)
                .sum();
            let at = crate::i18n::assistant_texts(lang);
            let text = (at.preview_banner)(p.moved.len(), &number(lang, pupils, 0));
            preview_banner_ui(ui, rect, &text, at.preview_hint);
        }
        let previewing = preview;
        self.view.hovered = events.hovered_unit;
        self.view.to_screen = events.to_screen;
        if let Some(c) = events.clicked_college
            && t.college(c).sector == Sector::Public
        {
            commands.push(UiCommand::Select(c));
        }
        self.map_gestures(ui, gesture, &mut events, before || previewing, commands);
        if let (Some(u), Some(p)) = (self.view.hovered, events.pointer) {
            self.hover_card_ui(ui, lang, u, p);
        }
    }

    /// The sector map itself, in the editor's pane or the audience's: the shown scenario (the
    /// baseline in meeting mode's "before", the assistant's preview in the editor), the blocks
    /// that change outlined in meeting mode, the legend.
    pub(super) fn sector_map(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        pane: Pane,
        gesture: Gesture,
    ) -> MapEvents {
        // what the edits since the last frame changed: only those blocks are recoloured (the
        // audience's pane, drawn second, recolours what differs)
        let changed = match pane {
            Pane::Editor => self.doc.take_changed(),
            Pane::Audience => None,
        };
        let t = self.doc.territory().clone();
        let rect = ui.available_rect_before_wrap();
        ui.painter()
            .rect_filled(rect, 0.0, Color32::from_rgb(238, 236, 230));
        let mut events = MapEvents::default();
        let center = self.view.geometry.home(rect.size()).0;
        let meeting = self.view.meeting.is_some() || pane == Pane::Audience;
        let before = self.view.meeting.as_ref().is_some_and(|m| m.before);
        if meeting {
            self.view.refresh_changes(&self.doc);
        }
        let state = if before {
            self.doc.baseline()
        } else {
            self.doc.active()
        };
        // the assistant's best map so far, or its checked moves, shown but not applied
        let preview = self.windows.map_preview().filter(|_| !meeting);
        let shown = preview.map_or(&state.scenario, |p| &p.scenario);
        let mut legend = self.legend(lang, shown.has_split_units());
        // in a room, the blocks that change are outlined (never over the collèges' labels)
        let changed_units: &[UnitId] = if meeting && !before {
            legend.changed = Some(texts(lang).meeting_changed_legend);
            &self.view.changes.1.0
        } else {
            &[]
        };
        // the room's remarks, pinned where they were made
        let (mut pinned_units, mut pinned_colleges) = (Vec::new(), Vec::new());
        for r in &self.session.record.remarks {
            match r.target {
                crate::publish::record::RemarkTarget::Unit(u) => pinned_units.push(u),
                crate::publish::record::RemarkTarget::College(c) => pinned_colleges.push(c),
                crate::publish::record::RemarkTarget::Scenario => {}
            }
        }
        let coloring = self.view.coloring;
        let colors = &self.view.colors;
        let selected = self.view.selected;
        // over a background map the fills let streets and places show through
        let see_through = self.view.basemap.shows_tiles();
        let fill = |u: UnitId| {
            let c = coloring.fill(u, &t, shown, &state.metrics, colors, selected);
            if see_through {
                c.gamma_multiply(0.55)
            } else {
                c
            }
        };
        let base_scenario = &self.doc.baseline().scenario;
        let planned = |c: CollegeId| !base_scenario.is_college_open(c);
        let (tiles, tiles_error) = self.view.basemap.tiles(ui.ctx(), lang);
        if let Some(e) = tiles_error {
            self.status.say(e);
        }
        let pan = if gesture == Gesture::Click {
            egui::DragPanButtons::PRIMARY | egui::DragPanButtons::SECONDARY
        } else {
            egui::DragPanButtons::SECONDARY | egui::DragPanButtons::MIDDLE
        };
        let tiles = tiles.map(|t| -> &mut dyn walkers::Tiles { t });
        let (memory, cache) = match pane {
            Pane::Editor => (&mut self.view.memory, &mut self.view.map_cache),
            Pane::Audience => match self.view.audience.as_mut() {
                Some(a) => (&mut a.memory, &mut a.cache),
                None => return events,
            },
        };
        // "Mon adresse": the map goes to the place chosen, close enough to see its streets
        let pane_index = usize::from(pane == Pane::Audience);
        if let Some(at) = self.address.take_recenter(pane_index) {
            memory.center_at(walkers::lon_lat(at[0], at[1]));
            let zoom = memory.zoom().max(15.5);
            let _ = memory.set_zoom(zoom);
        }
        let marks = self.address.marks();
        let preview_shown = match pane {
            Pane::Editor => &mut self.view.preview_shown,
            Pane::Audience => &mut false,
        };
        let dirty = if preview.is_some() || *preview_shown {
            // a preview, or its end, may change any fill
            None
        } else {
            changed.as_deref()
        };
        *preview_shown = preview.is_some();
        let map = Map::new(tiles, memory, center)
            .zoom_with_ctrl(false)
            .drag_pan_buttons(pan)
            .with_plugin(SectorLayer {
                geom: &self.view.geometry,
                territory: &t,
                scenario: shown,
                colors: &self.view.colors,
                hatched: if coloring == Coloring::College {
                    &self.view.hatched
                } else {
                    &[]
                },
                split_stripes: coloring == Coloring::College,
                planned: &planned,
                selected: self.view.selected,
                labels: &self.view.labels,
                legend,
                gesture,
                brush_from: self.view.brush_from,
                selection_path: &self.view.drag_path,
                fill: &fill,
                fill_key: (
                    preview.map_or(self.doc.revision(), |p| p.version | 1 << 62),
                    coloring as u64
                        | u64::from(see_through) << 8
                        | u64::from(before) << 9
                        | match (coloring, self.view.selected) {
                            // the bands depend on the collège chosen
                            (Coloring::Reach, Some(c)) => (c.index() as u64 + 1) << 16,
                            _ => 0,
                        },
                ),
                cache,
                dirty,
                events: &mut events,
                text_scale: if meeting { 1.5 } else { 1.0 },
                show_legend: true,
                outlined: preview.map_or(changed_units, |p| &p.moved),
                streets: !see_through,
                pins: (&pinned_units, &pinned_colleges),
                marks: &marks,
            });
        ui.add(map);
        if let Some(text) = self.view.basemap.attribution(lang) {
            attribution_ui(ui.painter(), rect, &text);
        }
        events
    }

    /// The legend of the current colouring.
    fn legend(&self, lang: Lang, split_units: bool) -> Legend {
        let tx = texts(lang);
        let t = self.doc.territory();
        let reach_of = self.view.selected.map(|c| t.college(c).name.as_str());
        let (title, classes) =
            self.view
                .coloring
                .legend(lang, self.doc.config().walk_source(), reach_of);
        Legend {
            title,
            classes,
            public: tx.legend_public,
            private: tx.legend_private,
            boundary: tx.legend_boundary,
            changed: None,
            striped: if self.view.coloring != Coloring::College {
                None
            } else if split_units {
                Some(tx.legend_shared)
            } else {
                self.view
                    .hatched
                    .iter()
                    .any(|h| *h)
                    .then_some(tx.legend_striped)
            },
        }
    }

    /// What the gestures on the map ask for: a click, a brush stroke, an area.
    fn map_gestures(
        &mut self,
        ui: &egui::Ui,
        gesture: Gesture,
        events: &mut MapEvents,
        read_only: bool,
        commands: &mut Vec<UiCommand>,
    ) {
        match gesture {
            // the "before" map is the current carte, the preview is not applied yet: nothing
            // to edit there
            Gesture::Click if read_only => {}
            Gesture::Click => {
                if let Some(u) = events.clicked_unit {
                    commands.push(match self.view.tool {
                        Tool::Eyedropper => UiCommand::Eyedrop(u),
                        Tool::Lock => UiCommand::ToggleUnitLock(u),
                        Tool::Split => UiCommand::OpenSplit(u),
                        Tool::NewCollege => UiCommand::PlaceCollege(u),
                        Tool::MoveCollege(c) => UiCommand::MoveCollege(c, u),
                        Tool::Remark => UiCommand::OpenRemarks(Some(u)),
                        _ => UiCommand::AssignToSelected(u),
                    });
                }
            }
            Gesture::Brush => {
                if events.drag_started {
                    commands.push(UiCommand::BeginStroke);
                }
                if !events.brushed.is_empty() {
                    commands.push(UiCommand::Paint(std::mem::take(&mut events.brushed)));
                }
                if let Some(u) = events.clicked_unit {
                    commands.push(UiCommand::AssignToSelected(u));
                }
                self.view.brush_from = if events.drag_stopped {
                    None
                } else {
                    events
                        .pointer
                        .filter(|_| ui.input(|i| i.pointer.primary_down()))
                };
                if events.drag_stopped {
                    commands.push(UiCommand::EndStroke);
                }
            }
            Gesture::Rectangle | Gesture::Lasso => {
                if events.drag_started {
                    self.view.drag_path.clear();
                }
                if let Some(p) = events.pointer
                    && ui.input(|i| i.pointer.primary_down())
                    && self
                        .view
                        .drag_path
                        .last()
                        .is_none_or(|l| l.distance(p) > 3.0)
                {
                    if gesture == Gesture::Rectangle && self.view.drag_path.len() >= 2 {
                        self.view.drag_path.truncate(1);
                    }
                    self.view.drag_path.push(p);
                }
                if let Some(outline) = events.selection.take() {
                    commands.push(UiCommand::AssignArea(outline));
                }
                if events.drag_stopped {
                    self.view.drag_path.clear();
                }
                if let Some(u) = events.clicked_unit {
                    commands.push(UiCommand::AssignToSelected(u));
                }
            }
        }
    }
}

/// Which map is drawn: the editor's, or the audience window's (its own view and meshes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pane {
    /// The facilitator's map, with the tools.
    Editor,
    /// The audience window's map, read only.
    Audience,
}

/// The banner over the map while it shows the assistant's preview: what is shown, and that
/// nothing is applied yet.
fn preview_banner_ui(ui: &mut egui::Ui, map: egui::Rect, text: &str, hint: &str) {
    // in the map's own layer, so that windows stay above it; at the bottom, clear of the
    // legend (top left) and the scale (bottom left)
    let width = (map.width() - 440.0).clamp(200.0, 760.0);
    let at = egui::Rect::from_center_size(
        map.center_bottom() - egui::vec2(0.0, 8.0 + 50.0),
        egui::vec2(width, 100.0),
    );
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(at)
            .layout(egui::Layout::bottom_up(egui::Align::Center)),
        |ui| {
            egui::Frame::new()
                .fill(Color32::from_rgb(255, 244, 229))
                .stroke(egui::Stroke::new(2.0, Color32::from_rgb(235, 110, 0)))
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(12, 8))
                .show(ui, |ui| {
                    ui.set_max_width(width - 24.0);
                    ui.vertical_centered(|ui| {
                        ui.label(
                            egui::RichText::new(text)
                                .strong()
                                .color(Color32::from_gray(20)),
                        );
                        ui.label(egui::RichText::new(hint).color(Color32::from_gray(60)));
                    });
                });
        },
    );
}

/// The background map's attribution, bottom right of the map.
fn attribution_ui(painter: &egui::Painter, map: egui::Rect, text: &str) {
    let galley = painter.layout_no_wrap(
        text.to_string(),
        egui::FontId::proportional(13.0),
        Color32::from_gray(30),
    );
    let at = map.right_bottom() - galley.size() - egui::vec2(6.0, 4.0);
    painter.rect_filled(
        egui::Rect::from_min_size(at, galley.size()).expand(3.0),
        2.0,
        Color32::from_white_alpha(210),
    );
    painter.galley(at, galley, Color32::from_gray(30));
}
