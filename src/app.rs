//! The application: owns the document, loads territories off the UI thread, turns what the user
//! does into edits through one `apply` path, and lays out the window.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText};
use walkers::{Map, MapMemory};

use crate::i18n::{Lang, number, texts};
use crate::io::territory_files::{embedded_demo, read_territory_dir};
use crate::metrics::MetricsConfig;
use crate::model::{Assignment, CollegeId, Document, DocumentError, Edit, Sector, UnitId};
use crate::ui::map::{MapEvents, MapGeometry, SectorLayer};
use crate::ui::palette::college_colors;
use crate::ui::panel::{PanelAction, college_cards_ui, territory_ui};

/// A territory ready to show: its document and projected geometry.
pub struct Loaded {
    /// Territory, scenarios, indicators.
    pub doc: Document,
    /// Projected and triangulated geometry.
    pub geometry: MapGeometry,
}

/// Loads a territory folder (or the embedded demo when `None`) and prepares its geometry.
pub fn load(territory: Option<&str>) -> Result<Loaded, String> {
    let (t, baseline) = match territory {
        None | Some("demo") => embedded_demo(),
        Some(dir) => read_territory_dir(std::path::Path::new(dir)),
    }
    .map_err(|e| e.to_string())?;
    let t = Arc::new(t);
    let geometry = MapGeometry::new(&t);
    Ok(Loaded {
        doc: Document::new(t, baseline, MetricsConfig::default()),
        geometry,
    })
}

/// Everything the user can ask for in a frame; run once, at the end of the frame.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum UiCommand {
    /// Give a unit to the selected collège.
    AssignToSelected(UnitId),
    /// Pick a collège for the assign tool.
    Select(CollegeId),
    /// Undo the last step.
    Undo,
    /// Redo.
    Redo,
    /// Copy the active scenario.
    NewScenario,
    /// Show another scenario.
    Switch(usize),
    /// Give every unit back its baseline collège.
    ResetToBaseline,
    /// Change the language.
    SetLang(Lang),
}

/// The editor once a territory is loaded.
pub struct Editor {
    /// The document.
    pub doc: Document,
    geometry: MapGeometry,
    colors: Vec<Color32>,
    labels: Vec<String>,
    memory: MapMemory,
    /// Size of the map area when the view was last fitted to the territory.
    homed_for: Option<egui::Vec2>,
    /// The collège the assign tool gives units to.
    pub selected: Option<CollegeId>,
    hovered: Option<UnitId>,
    notice: Option<String>,
    to_screen: Option<crate::ui::map::ToScreen>,
}

impl Editor {
    /// An editor on a loaded territory.
    pub fn new(loaded: Loaded) -> Self {
        let t = loaded.doc.territory().clone();
        let colors = college_colors(&t, &loaded.doc.baseline().scenario);
        let labels = t.colleges().iter().map(|c| c.short_name.clone()).collect();
        Editor {
            doc: loaded.doc,
            geometry: loaded.geometry,
            colors,
            labels,
            memory: MapMemory::default(),
            homed_for: None,
            selected: None,
            hovered: None,
            notice: None,
            to_screen: None,
        }
    }

    /// The single path of every change. Edits on the baseline first copy it into a new
    /// scenario: the current carte scolaire is never changed.
    pub fn apply(&mut self, edit: Edit, lang: Lang) -> Result<(), DocumentError> {
        if self.doc.active_is_baseline() {
            let n = self.doc.scenarios().len();
            self.doc
                .new_scenario_from_active(format!("{} {n}", texts(lang).new_scenario_name));
            self.notice = Some(texts(lang).auto_scenario_notice.into());
        }
        self.doc.apply(edit)
    }

    /// Runs one command.
    pub fn run(&mut self, command: UiCommand, lang: &mut Lang) {
        let result = match command {
            UiCommand::AssignToSelected(u) => match self.selected {
                Some(c) => self.apply(Edit::Assign(vec![(u, Assignment::College(c))]), *lang),
                None => {
                    self.notice = Some(texts(*lang).pick_college_hint.into());
                    Ok(())
                }
            },
            UiCommand::Select(c) => {
                self.selected = Some(c);
                Ok(())
            }
            UiCommand::Undo => {
                self.doc.undo();
                Ok(())
            }
            UiCommand::Redo => {
                self.doc.redo();
                Ok(())
            }
            UiCommand::NewScenario => {
                let n = self.doc.scenarios().len();
                self.doc
                    .new_scenario_from_active(format!("{} {n}", texts(*lang).new_scenario_name));
                Ok(())
            }
            UiCommand::Switch(i) => self.doc.switch_to(i),
            UiCommand::ResetToBaseline => {
                if self.doc.active_is_baseline() {
                    Ok(())
                } else {
                    self.doc.reset_to_baseline()
                }
            }
            UiCommand::SetLang(l) => {
                *lang = l;
                Ok(())
            }
        };
        if let Err(e) = result {
            self.notice = Some(crate::i18n::document_error(*lang, &e));
        }
    }

    /// Where a unit's representative point was drawn in the last frame.
    pub fn unit_screen_pos(&self, u: UnitId) -> Option<egui::Pos2> {
        self.geometry.unit_screen_pos(u, self.to_screen.as_ref()?)
    }

    fn scenario_name(&self, i: usize, lang: Lang) -> String {
        if i == 0 {
            texts(lang).baseline_name.to_string()
        } else {
            self.doc.scenarios()[i].scenario.meta.name.clone()
        }
    }

    /// Draws the editor and collects commands.
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<UiCommand>) {
        let tx = texts(lang);
        let t = self.doc.territory().clone();
        // keyboard shortcuts
        ui.input(|i| {
            let ctrl = i.modifiers.command;
            if ctrl && i.key_pressed(egui::Key::Z) {
                commands.push(if i.modifiers.shift {
                    UiCommand::Redo
                } else {
                    UiCommand::Undo
                });
            }
            if ctrl && i.key_pressed(egui::Key::Y) {
                commands.push(UiCommand::Redo);
            }
        });

        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(tx.app_title).size(22.0).strong());
                ui.label(RichText::new(&t.info.name).size(20.0));
                if t.info.fictional {
                    ui.label(
                        RichText::new(tx.fictional_badge)
                            .strong()
                            .color(Color32::WHITE)
                            .background_color(Color32::from_rgb(150, 60, 20)),
                    )
                    .on_hover_text(tx.fictional_note);
                }
                ui.separator();
                let active = self.doc.active_index();
                egui::ComboBox::new("scenario", tx.scenario)
                    .selected_text(self.scenario_name(active, lang))
                    .show_ui(ui, |ui| {
                        for i in 0..self.doc.scenarios().len() {
                            if ui
                                .selectable_label(i == active, self.scenario_name(i, lang))
                                .clicked()
                            {
                                commands.push(UiCommand::Switch(i));
                            }
                        }
                    });
                if ui.button(format!("+ {}", tx.new_scenario)).clicked() {
                    commands.push(UiCommand::NewScenario);
                }
                let h = &self.doc.active().history;
                if ui
                    .add_enabled(
                        h.undo_len() > 0,
                        egui::Button::new(format!("↶ {}", tx.undo)),
                    )
                    .clicked()
                {
                    commands.push(UiCommand::Undo);
                }
                if ui
                    .add_enabled(
                        h.redo_len() > 0,
                        egui::Button::new(format!("↷ {}", tx.redo)),
                    )
                    .clicked()
                {
                    commands.push(UiCommand::Redo);
                }
                if !self.doc.active_is_baseline() && ui.button(tx.reset_to_baseline).clicked() {
                    commands.push(UiCommand::ResetToBaseline);
                }
                ui.separator();
                for (l, name) in [(Lang::Fr, "FR"), (Lang::En, "EN")] {
                    if ui.selectable_label(lang == l, name).clicked() {
                        commands.push(UiCommand::SetLang(l));
                    }
                }
            });
        });

        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let hint = match self.selected {
                    Some(c) => format!("{} {}", tx.assign_hint, t.college(c).name),
                    None => tx.pick_college_hint.to_string(),
                };
                ui.label(RichText::new(hint).size(16.0));
                if let Some(n) = &self.notice {
                    ui.separator();
                    ui.label(
                        RichText::new(n)
                            .color(Color32::from_rgb(150, 60, 20))
                            .strong(),
                    );
                }
            });
        });

        egui::Panel::right("indicators")
            .default_size(430.0)
            .min_size(340.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let active = self.doc.active();
                    let moved = self.doc.changes_from_baseline();
                    territory_ui(
                        ui,
                        lang,
                        &active.metrics.territory(),
                        &self.doc.baseline().metrics.territory(),
                        (moved.0.len(), moved.1),
                    );
                    ui.separator();
                    let mut actions = Vec::new();
                    college_cards_ui(
                        ui,
                        lang,
                        &t,
                        &active.metrics,
                        &self.doc.baseline().metrics,
                        &self.colors,
                        self.selected,
                        &mut actions,
                    );
                    for a in actions {
                        match a {
                            PanelAction::Select(c) => commands.push(UiCommand::Select(c)),
                        }
                    }
                });
            });

        egui::CentralPanel::no_frame().show(ui, |ui| {
            let rect = ui.available_rect_before_wrap();
            // fit the territory at start, and again when the window is resized
            let resized = self
                .homed_for
                .is_none_or(|s| (s - rect.size()).length() > 40.0);
            if resized && rect.width() > 10.0 {
                let (center, zoom) = self.geometry.home(rect.size());
                self.memory.center_at(center);
                let _ = self.memory.set_zoom(zoom);
                self.homed_for = Some(rect.size());
            }
            ui.painter()
                .rect_filled(rect, 0.0, Color32::from_rgb(238, 236, 230));
            let mut events = MapEvents::default();
            let center = self.geometry.home(rect.size()).0;
            let scenario = &self.doc.active().scenario;
            let map = Map::new(None, &mut self.memory, center)
                .zoom_with_ctrl(false)
                .with_plugin(SectorLayer {
                    geom: &self.geometry,
                    territory: &t,
                    scenario,
                    colors: &self.colors,
                    selected: self.selected,
                    labels: &self.labels,
                    legend: crate::ui::map::Legend {
                        colours: tx.legend_colleges,
                        public: tx.legend_public,
                        private: tx.legend_private,
                        boundary: tx.legend_boundary,
                    },
                    events: &mut events,
                });
            ui.add(map);
            self.hovered = events.hovered_unit;
            self.to_screen = events.to_screen;
            if let Some(c) = events.clicked_college
                && t.college(c).sector == Sector::Public
            {
                commands.push(UiCommand::Select(c));
            }
            if let Some(u) = events.clicked_unit {
                commands.push(UiCommand::AssignToSelected(u));
            }
            if let (Some(u), Some(p)) = (self.hovered, events.pointer) {
                self.hover_card_ui(ui, lang, u, p);
            }
        });
    }

    fn hover_card_ui(&self, ui: &egui::Ui, lang: Lang, u: UnitId, at: egui::Pos2) {
        let tx = texts(lang);
        let t = self.doc.territory();
        let unit = t.unit(u);
        let p = &unit.population;
        let scenario = &self.doc.active().scenario;
        let metrics = &self.doc.active().metrics;
        let fmt = |v: Option<f64>, d: usize| {
            v.map(|x| number(lang, x, d))
                .unwrap_or_else(|| tx.unknown.to_string())
        };
        let college = match scenario.assignment(u) {
            Assignment::Unassigned => tx.unassigned.to_string(),
            Assignment::College(c) => t.college(*c).name.clone(),
            Assignment::Shares(v) => v
                .iter()
                .map(|(c, s)| {
                    format!(
                        "{} {} %",
                        t.college(*c).short_name,
                        number(lang, s * 100.0, 0)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        };
        let walk = scenario
            .assignment(u)
            .main_college()
            .and_then(|c| metrics.walk_m(t, u, c));
        egui::Area::new(egui::Id::unique("hover_card"))
            .fixed_pos(at + egui::vec2(18.0, 18.0))
            .order(egui::Order::Tooltip)
            .interactable(false)
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(RichText::new(&unit.name).strong().size(17.0));
                    ui.label(format!("{} {}", fmt(p.pupils, 0), tx.pupils));
                    ui.label(format!(
                        "{} {}{}",
                        if p.ips_estimated {
                            tx.ips_estimated
                        } else {
                            tx.ips
                        },
                        fmt(p.ips_mean, 1),
                        ""
                    ));
                    let share = match (p.boursiers, p.pupils) {
                        (Some(b), Some(n)) if n > 0.0 => Some(b / n * 100.0),
                        _ => None,
                    };
                    ui.label(format!("{} % {}", fmt(share, 0), tx.boursiers));
                    ui.label(RichText::new(format!("→ {college}")).strong());
                    if let Some(m) = walk {
                        ui.label(format!(
                            "{} m ({} {}, {})",
                            number(lang, m, 0),
                            number(lang, self.doc.config().walk_minutes(m), 0),
                            tx.minutes,
                            tx.walk_straight
                        ));
                    }
                    if scenario.is_unit_locked(u) {
                        ui.label(RichText::new(format!("[{}]", tx.locked)).strong());
                    }
                });
            });
    }
}

/// The eframe application.
pub struct CarteApp {
    /// Interface language.
    pub lang: Lang,
    loading: Option<Receiver<Result<Loaded, String>>>,
    /// The editor, once loaded.
    pub editor: Option<Editor>,
    error: Option<String>,
    styled: bool,
}

impl CarteApp {
    /// Starts loading a territory in the background.
    pub fn new(ctx: &egui::Context, territory: Option<String>, lang: Lang) -> Self {
        let (tx, rx) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(load(territory.as_deref()));
            repaint.request_repaint();
        });
        CarteApp {
            lang,
            loading: Some(rx),
            editor: None,
            error: None,
            styled: false,
        }
    }

    /// An app on an already loaded territory (tests).
    pub fn with_loaded(loaded: Loaded, lang: Lang) -> Self {
        CarteApp {
            lang,
            loading: None,
            editor: Some(Editor::new(loaded)),
            error: None,
            styled: false,
        }
    }

    /// Receives background results (no drawing).
    pub fn poll(&mut self) {
        if let Some(rx) = &self.loading
            && let Ok(result) = rx.try_recv()
        {
            self.loading = None;
            match result {
                Ok(loaded) => self.editor = Some(Editor::new(loaded)),
                Err(e) => self.error = Some(e),
            }
        }
    }

    /// Draws one frame.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        if !self.styled {
            setup_style(ui.ctx());
            self.styled = true;
        }
        self.poll();
        let tx = texts(self.lang);
        match &mut self.editor {
            Some(editor) => {
                let mut commands = Vec::new();
                editor.ui(ui, self.lang, &mut commands);
                for c in commands {
                    editor.run(c, &mut self.lang);
                }
            }
            None => {
                egui::CentralPanel::default().show(ui, |ui| {
                    ui.centered_and_justified(|ui| match &self.error {
                        Some(e) => {
                            ui.label(
                                RichText::new(format!("{} :\n{e}", tx.load_failed))
                                    .size(20.0)
                                    .color(Color32::from_rgb(170, 30, 30)),
                            );
                        }
                        None => {
                            ui.horizontal(|ui| {
                                ui.spinner();
                                ui.label(RichText::new(tx.loading).size(22.0));
                            });
                        }
                    });
                });
            }
        }
    }
}

impl eframe::App for CarteApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}

/// DejaVu Sans, bundled: clear on projectors, and it has every accent, arrow and sign we use.
const FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

/// Larger type than egui's default: the window is read on projectors, from the back of a room.
pub fn setup_style(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".into(),
        std::sync::Arc::new(egui::FontData::from_static(FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "dejavu".into());
    }
    ctx.set_fonts(fonts);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(21.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(16.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(16.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(13.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
    ctx.set_theme(egui::Theme::Light);
}

/// Opens the window on a territory folder, or on the embedded demo town.
pub fn run_window(territory: Option<String>, lang: Lang) -> std::process::ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Carte Mixité")
            .with_inner_size([1600.0, 960.0])
            .with_maximized(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Carte Mixité",
        options,
        Box::new(move |cc| Ok(Box::new(CarteApp::new(&cc.egui_ctx, territory, lang)))),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("carte-mixite: the window could not open: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
