//! The shared-sectors window: merge the sectors of several collèges under a rule (montée
//! alternée, or algorithmic assignment with seats reserved for boursiers), then read what the
//! rule does: each collège year by year over a cycle, or each collège's expected intake and a
//! family's odds block by block.

use egui::{Color32, RichText};

use crate::i18n::{Lang, number, shared_texts};
use crate::metrics::shared::{LotteryOutcome, alternation_years, simulate_lottery};
use crate::metrics::{Confidentiality, Metrics};
use crate::model::shared::{LotteryRule, Rule, SharedSector};
use crate::model::{CollegeId, Scenario, Sector, Territory};

/// What the window asks of the editor.
pub enum SharedAction {
    /// The window was closed.
    Close,
    /// Merge the sectors of these collèges under this rule.
    Create(Vec<CollegeId>, Rule),
}

/// The window's state.
pub struct SharedWindow {
    picked: Vec<CollegeId>,
    lottery: bool,
    first_year: i32,
    seats: Vec<(CollegeId, u32)>,
    /// Extra appeal of a collège to families, km of walk they would accept for it.
    appeal: Vec<(CollegeId, f64)>,
    reserve_pct: f64,
    spread_km: f64,
    runs: u32,
    /// Simulations of the active scenario's algorithmic sectors: (revision, sector) → outcome.
    outcomes: Vec<((u64, usize), LotteryOutcome)>,
    /// Year-by-year tables of its montées alternées: (revision, sector) → years.
    years: Vec<((u64, usize), Vec<crate::metrics::shared::YearComposition>)>,
}

impl Default for SharedWindow {
    fn default() -> Self {
        SharedWindow {
            picked: Vec::new(),
            lottery: false,
            first_year: 2027,
            seats: Vec::new(),
            appeal: Vec::new(),
            reserve_pct: 20.0,
            spread_km: 1.0,
            runs: 200,
            outcomes: Vec::new(),
            years: Vec::new(),
        }
    }
}

/// What the window reads from the document.
pub struct SharedView<'a> {
    /// The territory.
    pub territory: &'a Territory,
    /// The active scenario.
    pub scenario: &'a Scenario,
    /// Its indicators.
    pub metrics: &'a Metrics,
    /// The baseline (where cohorts entered before a rule stay).
    pub baseline: &'a Scenario,
    /// The document's revision (simulations are cached per revision).
    pub revision: u64,
}

impl SharedWindow {
    /// Picks or unpicks a collège (for tests and the checkboxes).
    pub fn pick(&mut self, c: CollegeId, on: bool) {
        self.picked.retain(|&k| k != c);
        if on {
            self.picked.push(c);
        }
    }

    /// Chooses the algorithmic rule (true) or the montée alternée.
    pub fn set_lottery(&mut self, on: bool) {
        self.lottery = on;
    }

    fn rule(&self, t: &Territory) -> Rule {
        if !self.lottery {
            return Rule::Alternating {
                first_year: self.first_year,
            };
        }
        let seats = self.picked.iter().map(|&c| self.seats_of(t, c)).collect();
        Rule::Lottery(LotteryRule {
            seats,
            boursier_reserve: self.reserve_pct / 100.0,
            taste_spread_km: self.spread_km,
            appeal_km: self.picked.iter().map(|&c| self.appeal_of(c)).collect(),
            runs: self.runs,
            seed: 1,
        })
    }

    /// A collège's appeal (km), 0 unless set.
    fn appeal_of(&self, c: CollegeId) -> f64 {
        self.appeal
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(0.0, |(_, a)| *a)
    }

    /// Sets a collège's appeal to families, in km of walk (for tests and the form).
    pub fn set_appeal(&mut self, c: CollegeId, km: f64) {
        self.appeal.retain(|(k, _)| *k != c);
        self.appeal.push((c, km));
    }

    /// 6e seats of a collège: as set, else a quarter of its capacity.
    fn seats_of(&self, t: &Territory, c: CollegeId) -> u32 {
        self.seats
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, s)| *s)
            .unwrap_or_else(|| {
                t.college(c)
                    .capacity_pupils
                    .map_or(100, |cap| (cap / 4.0).round() as u32)
            })
    }

    /// Shows the window.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        v: &SharedView,
    ) -> Option<SharedAction> {
        let tx = shared_texts(lang);
        let mut open = true;
        let mut action = None;
        egui::Window::new(tx.title)
            .default_pos(crate::ui::window::below_bars(ctx))
            .open(&mut open)
            .collapsible(false)
            .default_width(780.0)
            .vscroll(true)
            .show(ctx, |ui| {
                ui.label(tx.intro);
                for (i, sector) in v.scenario.shared_sectors().iter().enumerate() {
                    ui.separator();
                    self.sector_ui(ui, lang, v, i, sector);
                }
                ui.separator();
                ui.label(RichText::new(tx.new_heading).strong().size(16.0));
                action = self.form_ui(ui, lang, v.territory, v.scenario);
            });
        if !open {
            return Some(SharedAction::Close);
        }
        action
    }

    fn form_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        t: &Territory,
        s: &Scenario,
    ) -> Option<SharedAction> {
        let tx = shared_texts(lang);
        ui.label(tx.pick_colleges);
        ui.horizontal_wrapped(|ui| {
            for c in t.college_ids() {
                if t.college(c).sector != Sector::Public || !s.is_college_open(c) {
                    continue;
                }
                let mut on = self.picked.contains(&c);
                if ui.checkbox(&mut on, &t.college(c).short_name).changed() {
                    self.pick(c, on);
                }
            }
        });
        ui.radio_value(&mut self.lottery, false, tx.alternating)
            .on_hover_text(crate::i18n::glossary::definition(
                lang,
                crate::i18n::glossary::Term::MonteeAlternee,
            ));
        if !self.lottery {
            ui.horizontal(|ui| {
                ui.label(tx.first_year);
                ui.add(egui::DragValue::new(&mut self.first_year).range(2000..=2100));
            });
            ui.label(RichText::new(tx.alternating_help).weak());
        }
        ui.radio_value(&mut self.lottery, true, tx.lottery)
            .on_hover_text(crate::i18n::glossary::definition(
                lang,
                crate::i18n::glossary::Term::DeferredAcceptance,
            ));
        if self.lottery {
            ui.label(RichText::new(tx.lottery_help).weak());
            for &c in &self.picked.clone() {
                let mut seats = self.seats_of(t, c);
                ui.horizontal(|ui| {
                    ui.label(format!("{} — {}", t.college(c).short_name, tx.seats));
                    if ui
                        .add(egui::DragValue::new(&mut seats).range(0..=2000))
                        .changed()
                    {
                        self.seats.retain(|(k, _)| *k != c);
                        self.seats.push((c, seats));
                    }
                    ui.label(tx.appeal);
                    let mut appeal = self.appeal_of(c);
                    if ui
                        .add(crate::ui::fields::number_field(
                            egui::DragValue::new(&mut appeal)
                                .range(-10.0..=10.0)
                                .speed(0.1)
                                .suffix(" km"),
                            lang,
                            1,
                        ))
                        .changed()
                    {
                        self.set_appeal(c, appeal);
                    }
                });
            }
            ui.horizontal(|ui| {
                ui.label(tx.reserve);
                ui.add(crate::ui::fields::number_field(
                    egui::DragValue::new(&mut self.reserve_pct)
                        .range(0.0..=100.0)
                        .suffix(" %"),
                    lang,
                    0,
                ));
            });
            ui.horizontal(|ui| {
                ui.label(tx.spread);
                ui.add(crate::ui::fields::number_field(
                    egui::DragValue::new(&mut self.spread_km)
                        .range(0.0..=20.0)
                        .speed(0.1),
                    lang,
                    1,
                ));
            });
            ui.horizontal(|ui| {
                ui.label(tx.runs);
                ui.add(egui::DragValue::new(&mut self.runs).range(10..=2000));
            });
        }
        let ok = self.picked.len() >= 2;
        if !ok {
            ui.label(RichText::new(tx.pick_two).italics());
        }
        let _ = lang;
        if ui
            .add_enabled(ok, egui::Button::new(RichText::new(tx.create).strong()))
            .clicked()
        {
            let rule = self.rule(t);
            let colleges = std::mem::take(&mut self.picked);
            return Some(SharedAction::Create(colleges, rule));
        }
        None
    }

    fn sector_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        v: &SharedView,
        index: usize,
        sector: &SharedSector,
    ) {
        let tx = shared_texts(lang);
        let t = v.territory;
        let privacy = Confidentiality::default();
        let pct = |x: Option<f64>| {
            x.map_or("—".to_string(), |x| {
                format!("{} %", number(lang, x * 100.0, 0))
            })
        };
        let ips = |x: Option<f64>| x.map_or("—".to_string(), |x| number(lang, x, 1));
        ui.label(
            RichText::new(format!(
                "{} · {} {}",
                sector.name,
                sector.units.len(),
                tx.blocks
            ))
            .strong(),
        );
        match &sector.rule {
            Rule::Alternating { first_year } => {
                ui.label(tx.cycle_heading);
                // a pass over every unit: once per revision, not every frame
                let key = (v.revision, index);
                if !self.years.iter().any(|(k, _)| *k == key) {
                    self.years.retain(|(k, _)| k.0 == v.revision);
                    let years = alternation_years(t, v.scenario, v.baseline, sector, *first_year);
                    self.years.push((key, years));
                }
                let Some((_, years)) = self.years.iter().find(|(k, _)| *k == key) else {
                    return;
                };
                egui::Grid::new(("alt", index))
                    .striped(true)
                    .show(ui, |ui| {
                        ui.label("");
                        for &c in &sector.colleges {
                            ui.label(RichText::new(&t.college(c).short_name).strong());
                        }
                        ui.end_row();
                        for y in years {
                            ui.label(format!("{}-{}", y.year, y.year + 1));
                            for (c, comp) in &y.colleges {
                                let text = format!(
                                    "{} {} · IPS {} · {} {}",
                                    number(lang, comp.pupils, 0),
                                    tx.pupils,
                                    ips(comp.ips()),
                                    pct(comp.boursier_share()),
                                    tx.boursiers
                                );
                                // a year that overfills a collège is flagged, with by how much
                                match t.college(*c).capacity_pupils {
                                    Some(places) if places > 0.0 && comp.pupils > places => {
                                        ui.vertical(|ui| {
                                            ui.label(text);
                                            ui.colored_label(
                                                egui::Color32::from_rgb(180, 30, 30),
                                                (tx.over_places)(
                                                    &number(lang, places, 0),
                                                    &number(lang, comp.pupils / places * 100.0, 0),
                                                ),
                                            );
                                        });
                                    }
                                    _ => {
                                        ui.label(text);
                                    }
                                }
                            }
                            ui.end_row();
                        }
                    });
            }
            Rule::Lottery(rule) => {
                let key = (v.revision, index);
                if !self.outcomes.iter().any(|(k, _)| *k == key) {
                    self.outcomes.retain(|(k, _)| k.0 == v.revision);
                    let out = simulate_lottery(t, v.metrics, sector, rule);
                    self.outcomes.push((key, out));
                }
                let Some((_, out)) = self.outcomes.iter().find(|(k, _)| *k == key) else {
                    return;
                };
                ui.label((tx.lottery_summary)(
                    out.runs,
                    out.families,
                    &number(lang, rule.boursier_reserve * 100.0, 0),
                ));
                egui::Grid::new(("intake", index))
                    .striped(true)
                    .show(ui, |ui| {
                        for (c, comp) in &out.intake {
                            ui.label(RichText::new(&t.college(*c).short_name).strong());
                            ui.label(format!(
                                "{} {} · IPS {} · {} {}",
                                number(lang, comp.pupils, 0),
                                tx.intake,
                                ips(comp.ips()),
                                pct(comp.boursier_share()),
                                tx.boursiers
                            ));
                            ui.end_row();
                        }
                    });
                ui.label(RichText::new(tx.odds_heading).strong());
                egui::ScrollArea::vertical()
                    .id_salt(("odds", index))
                    .max_height(220.0)
                    .show(ui, |ui| {
                        egui::Grid::new(("odds_grid", index))
                            .striped(true)
                            .show(ui, |ui| {
                                ui.label("");
                                for &c in &sector.colleges {
                                    ui.label(RichText::new(&t.college(c).short_name).strong());
                                }
                                ui.label(RichText::new(tx.no_place).strong());
                                ui.end_row();
                                for (u, odds, none) in &out.odds {
                                    let unit = t.unit(*u);
                                    ui.label(&unit.name);
                                    if privacy.hides(unit.population.pupils.unwrap_or(0.0)) {
                                        // a block of a handful of pupils: odds would say too much
                                        ui.label(RichText::new(tx.hidden).weak());
                                        ui.end_row();
                                        continue;
                                    }
                                    for p in odds {
                                        ui.label(pct(Some(*p)));
                                    }
                                    let color = if *none > 0.0 {
                                        Color32::from_rgb(170, 30, 30)
                                    } else {
                                        ui.visuals().text_color()
                                    };
                                    ui.label(RichText::new(pct(Some(*none))).color(color));
                                    ui.end_row();
                                }
                            });
                    });
            }
        }
    }
}
