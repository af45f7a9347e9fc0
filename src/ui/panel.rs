//! The indicator panel: territory indices, then one card per collège. Every number comes from
//! the metrics engine; unknown values say so; flags are words, not only colours.

use egui::{Color32, RichText, Ui};

use crate::i18n::{Lang, change, number, texts};
use crate::metrics::{CollegeIndicators, Metrics, Minority, MixFlag, TerritoryIndices};
use crate::model::{CollegeId, Sector, Territory};

/// What the panel asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PanelAction {
    /// Pick this collège for the assign tool.
    Select(CollegeId),
    /// Lock or unlock this collège.
    ToggleLock(CollegeId),
    /// Close this collège in the scenario (its blocks go to the nearest).
    Close(CollegeId),
    /// Reopen this collège.
    Reopen(CollegeId),
    /// Rebuild this collège elsewhere (the next block clicked).
    Move(CollegeId),
    /// Merge this collège with another.
    Merge(CollegeId),
    /// Relieve this overfull collège by a chain of border moves.
    Dominos(CollegeId),
    /// Accept (true) or flag again (false) a sector in several pieces.
    AllowPieces(CollegeId, bool),
}

/// What the cards show.
pub struct CardsView<'a> {
    /// Collèges in display order.
    pub order: &'a [CollegeId],
    /// Indicators of the active scenario.
    pub now: &'a Metrics,
    /// Indicators of the baseline.
    pub base: &'a Metrics,
    /// Sector colours.
    pub colors: &'a [Color32],
    /// Striped sectors.
    pub hatched: &'a [bool],
    /// The collège picked for the tools.
    pub selected: Option<CollegeId>,
    /// Pieces of each sector (contiguity).
    pub pieces: &'a [usize],
    /// Whether a collège is locked.
    pub locked: &'a dyn Fn(CollegeId) -> bool,
    /// The active scenario (closed collèges, sectors allowed in pieces).
    pub scenario: &'a crate::model::Scenario,
    /// The avoidance model's range per collège (pupils), for a scenario that is not the
    /// baseline.
    pub avoidance: Option<&'a [(f64, f64)]>,
}

/// The avoidance model: its range over the territory, and its two sensitivities.
pub fn avoidance_ui(
    ui: &mut Ui,
    lang: Lang,
    range: &crate::metrics::avoidance::AvoidanceRange,
    model: &crate::metrics::avoidance::AvoidanceModel,
    changed: bool,
    set: &mut dyn FnMut(crate::metrics::avoidance::AvoidanceModel),
) {
    let tx = texts(lang);
    if changed {
        ui.label(
            RichText::new(avoidance_text(lang, range.total)).color(Color32::from_rgb(110, 70, 20)),
        );
    }
    egui::CollapsingHeader::new(tx.avoidance_heading)
        .id_salt("avoidance")
        .show(ui, |ui| {
            ui.label(RichText::new(tx.avoidance_help).small());
            let mut m = model.clone();
            let mut lo = m.low_per_10 * 100.0;
            let mut hi = m.high_per_10 * 100.0;
            let mut edited = false;
            ui.horizontal(|ui| {
                ui.label(tx.avoidance_low);
                edited |= ui
                    .add(crate::ui::fields::number_field(
                        egui::DragValue::new(&mut lo)
                            .range(0.0..=20.0)
                            .speed(0.1)
                            .suffix(" %"),
                        lang,
                        1,
                    ))
                    .changed();
                ui.label(tx.avoidance_high);
                edited |= ui
                    .add(crate::ui::fields::number_field(
                        egui::DragValue::new(&mut hi)
                            .range(0.0..=20.0)
                            .speed(0.1)
                            .suffix(" %"),
                        lang,
                        1,
                    ))
                    .changed();
            });
            if edited {
                m.low_per_10 = lo.min(hi) / 100.0;
                m.high_per_10 = hi.max(lo) / 100.0;
                set(m);
            }
            if range.unknown_pupils > 0.0 {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        number(lang, range.unknown_pupils, 0),
                        tx.avoidance_unknown
                    ))
                    .small(),
                );
            }
        });
}

/// "3 à 11 élèves de plus pourraient éviter le public (modèle)".
fn avoidance_text(lang: Lang, (lo, hi): (f64, f64)) -> String {
    let tx = texts(lang);
    let (lo, hi) = (lo.round(), hi.round());
    // a range of one value is said once, and none at all is said so: never "0 à 0 élèves"
    if lo == 0.0 && hi == 0.0 {
        tx.avoidance_none.to_string()
    } else if lo == hi && lo > 0.0 {
        (tx.avoidance_leave_about)(&number(lang, lo, 0))
    } else if lo == hi {
        (tx.avoidance_back_about)(&number(lang, -lo, 0))
    } else if lo >= 0.0 {
        (tx.avoidance_leave)(&number(lang, lo, 0), &number(lang, hi, 0))
    } else if hi <= 0.0 {
        (tx.avoidance_back)(&number(lang, -hi, 0), &number(lang, -lo, 0))
    } else {
        (tx.avoidance_mixed)(&number(lang, -lo, 0), &number(lang, hi, 0))
    }
}

/// The blocks that changed collège since the baseline, with their pupils.
pub fn changes_list_ui(
    ui: &mut Ui,
    lang: Lang,
    doc: &crate::model::Document,
    units: &[crate::model::UnitId],
) {
    let tx = texts(lang);
    let t = doc.territory();
    let name = |a: &crate::model::Assignment| match a.main_college() {
        Some(c) => t.college(c).short_name.clone(),
        None => tx.unassigned.to_string(),
    };
    egui::CollapsingHeader::new(format!("{} ({})", tx.changes_list, units.len()))
        .id_salt("changes")
        .show(ui, |ui| {
            for &u in units.iter().take(200) {
                let unit = t.unit(u);
                ui.label(crate::i18n::labelled(
                    lang,
                    &unit.name,
                    &format!(
                        "{} → {} ({} {})",
                        name(doc.baseline().scenario.assignment(u)),
                        name(doc.active().scenario.assignment(u)),
                        fmt_opt(lang, unit.population.pupils, 0),
                        tx.pupils
                    ),
                ));
            }
            if units.len() > 200 {
                ui.label("…");
            }
        });
}

fn fmt_opt(lang: Lang, v: Option<f64>, decimals: usize) -> String {
    v.map(|x| number(lang, x, decimals))
        .unwrap_or_else(|| texts(lang).unknown.to_string())
}

fn delta_text(
    lang: Lang,
    now: Option<f64>,
    before: Option<f64>,
    decimals: usize,
) -> Option<String> {
    let d = crate::metrics::change(now, before)?;
    Some(change(lang, d, decimals))
}

/// The spread of public collèges' IPS (it needs only IPS) with its change, and the gap
/// between the most and least favoured collège.
fn spread_ui(ui: &mut Ui, lang: Lang, now: &TerritoryIndices, base: &TerritoryIndices) {
    let Some(s) = now.ips_spread else {
        return;
    };
    let words = crate::i18n::departement::spread_texts(lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(if s.estimated {
            words.label_estimated
        } else {
            words.label
        })
        .on_hover_text(crate::i18n::glossary::definition(
            lang,
            crate::i18n::glossary::Term::IpsSpread,
        ));
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new(number(lang, s.spread, 1)).size(24.0).strong());
        let before = base.ips_spread.map(|b| b.spread);
        if let Some(d) = delta_text(lang, Some(s.spread), before, 1) {
            let color = match crate::metrics::change(Some(s.spread), before) {
                Some(x) if x < -0.05 => Color32::from_rgb(0, 110, 60),
                Some(x) if x > 0.05 => Color32::from_rgb(170, 30, 30),
                _ => ui.visuals().text_color(),
            };
            ui.label(RichText::new(d).color(color).size(18.0));
            ui.label(RichText::new(tx_since(lang)).small());
        }
    });
    ui.label(RichText::new(crate::i18n::departement::gap_text(lang, s.gap)).small());
}

fn tx_since(lang: Lang) -> &'static str {
    texts(lang).since_baseline
}

/// Territory indices with their change since the baseline, and what moved.
pub fn territory_ui(
    ui: &mut Ui,
    lang: Lang,
    now: &TerritoryIndices,
    base: &TerritoryIndices,
    moved: (usize, f64),
    walk: (f64, crate::metrics::WalkSource),
) {
    let tx = texts(lang);
    ui.heading(tx.territory_indices);
    let h = now.entropy.map(|e| e.indices.h);
    let hb = base.entropy.map(|e| e.indices.h);
    // H and D are shown as 0-100 so that a change reads as whole points
    use crate::i18n::glossary::{Term, definition};
    let line = |ui: &mut Ui, label: &str, term: Term, v: Option<f64>, b: Option<f64>| {
        ui.horizontal_wrapped(|ui| {
            ui.label(label).on_hover_text(definition(lang, term));
        });
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(fmt_opt(lang, v.map(|x| x * 100.0), 1))
                    .size(24.0)
                    .strong(),
            );
            if let Some(d) = delta_text(lang, v.map(|x| x * 100.0), b.map(|x| x * 100.0), 1) {
                // for segregation, going down is good news
                let color = match crate::metrics::change(v, b) {
                    Some(x) if x < -1e-6 => Color32::from_rgb(0, 110, 60),
                    Some(x) if x > 1e-6 => Color32::from_rgb(170, 30, 30),
                    _ => ui.visuals().text_color(),
                };
                ui.label(RichText::new(d).color(color).size(18.0));
                ui.label(RichText::new(tx.since_baseline).small());
            }
        });
    };
    line(ui, tx.segregation_h, Term::Separation, h, hb);
    let d = now
        .minority(Minority::Boursiers)
        .and_then(|m| m.dissimilarity);
    let db = base
        .minority(Minority::Boursiers)
        .and_then(|m| m.dissimilarity);
    line(ui, tx.dissimilarity_boursiers, Term::Dissimilarity, d, db);
    if h.is_none() || d.is_none() {
        ui.label(
            RichText::new(crate::i18n::departement::unknown_indices_hint(lang))
                .small()
                .italics(),
        );
    }
    spread_ui(ui, lang, now, base);
    // pupils who would need school transport, for the whole scenario
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{} {} km ({})",
            tx.transport_needed,
            number(lang, walk.0, 1),
            crate::i18n::walk_how(lang, walk.1)
        ));
    });
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(number(lang, now.pupils_beyond_walk, 0))
                .size(24.0)
                .strong(),
        );
        if let Some(d) = delta_text(
            lang,
            Some(now.pupils_beyond_walk),
            Some(base.pupils_beyond_walk),
            0,
        ) {
            ui.label(RichText::new(d).size(18.0));
            ui.label(RichText::new(tx.since_baseline).small());
        }
    });
    if moved.0 > 0 {
        ui.label(
            RichText::new(format!(
                "{} {} · {} {}",
                moved.0,
                if moved.0 == 1 {
                    tx.changed_unit_one
                } else {
                    tx.changed_units
                },
                number(lang, moved.1, 0),
                tx.pupils_moved
            ))
            .strong(),
        );
    }
}

/// The rule and its reference, above the cards.
pub fn rule_ui(ui: &mut Ui, lang: Lang, now: &Metrics) {
    let tx = texts(lang);
    let cfg = now.config();
    ui.label(
        RichText::new(
            tx.rule_text
                .replace("{pct}", &number(lang, cfg.rule.threshold * 100.0, 0)),
        )
        .small(),
    );
    ui.label(
        RichText::new(crate::i18n::labelled(
            lang,
            tx.reference,
            &format!("IPS {}", fmt_opt(lang, now.rule_reference(), 1)),
        ))
        .small(),
    );
}

/// The cards of `view.order[range]` (the rows a scroll area shows).
pub fn college_cards_ui(
    ui: &mut Ui,
    lang: Lang,
    t: &Territory,
    view: &CardsView<'_>,
    range: std::ops::Range<usize>,
    actions: &mut Vec<PanelAction>,
) {
    let cfg = view.now.config();
    for &c in &view.order[range] {
        let i = view.now.college(c, t);
        let b = view.base.college(c, t);
        let card = Card {
            c,
            i: &i,
            b: &b,
            selected: view.selected == Some(c),
            pieces: view.pieces.get(c.index()).copied().unwrap_or(0),
            locked: (view.locked)(c),
            open: view.scenario.is_college_open(c),
            pieces_ok: view.scenario.allows_discontinuous(c),
        };
        college_card_ui(ui, lang, t, cfg, &card, view, actions);
    }
}

struct Card<'a> {
    c: CollegeId,
    i: &'a CollegeIndicators,
    b: &'a CollegeIndicators,
    selected: bool,
    pieces: usize,
    locked: bool,
    open: bool,
    pieces_ok: bool,
}

fn college_card_ui(
    ui: &mut Ui,
    lang: Lang,
    t: &Territory,
    cfg: &crate::metrics::MetricsConfig,
    card: &Card<'_>,
    view: &CardsView<'_>,
    actions: &mut Vec<PanelAction>,
) {
    let (c, i, b, selected) = (card.c, card.i, card.b, card.selected);
    let tx = texts(lang);
    let college = t.college(c);
    let color = view.colors.get(c.index()).copied().unwrap_or(Color32::GRAY);
    let striped = view.hatched.get(c.index()) == Some(&true);
    let stroke = if selected {
        egui::Stroke::new(3.0, Color32::BLACK)
    } else {
        egui::Stroke::new(1.0, Color32::from_gray(190))
    };
    egui::Frame::group(ui.style())
        .stroke(stroke)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            card_header_ui(ui, lang, college, card, (color, striped), actions);
            if !card.open {
                ui.label(
                    RichText::new(tx.closed_college)
                        .strong()
                        .color(Color32::from_rgb(120, 120, 120)),
                );
                return;
            }
            // enrolment against capacity, as a bar
            let use_ = i.capacity_use;
            let text = capacity_text(lang, college, i);
            let over = use_.is_some_and(|u| u > 1.0);
            let bar_color = if over {
                Color32::from_rgb(200, 50, 40)
            } else {
                Color32::from_rgb(70, 120, 180)
            };
            ui.horizontal(|ui| {
                ui.label(RichText::new(text).size(16.0));
                if let Some(d) = delta_text(lang, Some(i.pupils), Some(b.pupils), 0)
                    && d != crate::i18n::unchanged(lang)
                {
                    ui.label(RichText::new(d).size(15.0).strong());
                }
            });
            match use_ {
                Some(u) => {
                    ui.add(
                        egui::ProgressBar::new(u.min(1.0) as f32)
                            .desired_height(10.0)
                            .fill(bar_color),
                    );
                }
                // no capacity, no bar (a bar at zero would say "empty"); the card keeps its height
                None => {
                    ui.allocate_exact_size(
                        egui::vec2(ui.available_width(), 10.0),
                        egui::Sense::hover(),
                    );
                }
            }
            ui.horizontal_wrapped(|ui| {
                let ips_label = if i.ips_estimated {
                    tx.ips_estimated
                } else {
                    tx.ips
                };
                ui.label(
                    RichText::new(format!("{ips_label} {}", fmt_opt(lang, i.ips_mean, 1)))
                        .size(17.0)
                        .strong(),
                );
                if let Some(d) = delta_text(lang, i.ips_mean, b.ips_mean, 1)
                    && d != crate::i18n::unchanged(lang)
                {
                    ui.label(RichText::new(d).size(16.0));
                }
                ui.separator();
                let share = i.boursier_share.map(|x| x * 100.0);
                ui.label(
                    RichText::new(match share {
                        Some(x) => format!("{} % {}", number(lang, x, 0), tx.boursiers),
                        None => tx.boursiers_unknown.to_string(),
                    })
                    .size(16.0),
                );
                if let Some(d) = delta_text(lang, share, b.boursier_share.map(|x| x * 100.0), 0)
                    && d != crate::i18n::unchanged(lang)
                {
                    ui.label(RichText::new(d).size(15.0));
                }
            });
            // what the ministry publishes for this collège: its pupils as they are, after
            // avoidance and derogations, beside what the map's sector holds
            if let Some(line) = crate::i18n::departement::published_line(
                lang,
                college.observed_ips,
                college.observed_pupils,
                (college.sector == Sector::Public).then_some(b.pupils),
            ) {
                ui.label(
                    RichText::new(line)
                        .size(14.0)
                        .color(Color32::from_rgb(90, 90, 90)),
                );
            }
            if college.sector == Sector::Public {
                let cfg_minutes = |m: f64| cfg.walk_minutes(m).round();
                ui.label(format!(
                    "{} {} m ({} {}, {}) · {} % {} {} km",
                    tx.walk_mean,
                    fmt_opt(lang, i.walk_mean_m, 0),
                    fmt_opt(lang, i.walk_mean_m.map(cfg_minutes), 0),
                    tx.minutes,
                    crate::i18n::walk_how(lang, cfg.walk_source()),
                    fmt_opt(lang, i.walk_share_beyond.map(|x| x * 100.0), 0),
                    tx.beyond_threshold,
                    number(lang, cfg.walk_threshold_m / 1000.0, 1),
                ));
            } else {
                ui.label(RichText::new(tx.no_sector).small());
            }
            card_flags_ui(ui, lang, (college, i), card, view, cfg, actions);
        });
    ui.add_space(4.0);
}

/// "618 élèves / 600 places", or the pupils and "capacité inconnue".
fn capacity_text(
    lang: Lang,
    college: &crate::model::College,
    i: &crate::metrics::CollegeIndicators,
) -> String {
    let tx = texts(lang);
    let pupils_word = if i.pupils_estimated {
        format!(
            "{}{}",
            tx.pupils,
            crate::i18n::departement::estimated_suffix(lang)
        )
    } else {
        tx.pupils.to_string()
    };
    match college.capacity_pupils {
        Some(cap) => format!(
            "{} {} / {} {}",
            number(lang, i.pupils, 0),
            pupils_word,
            number(lang, cap, 0),
            tx.capacity
        ),
        None => format!(
            "{} {} · {}",
            number(lang, i.pupils, 0),
            pupils_word,
            tx.capacity_unknown
        ),
    }
}

/// A card's first line: colour, name, REP, and the lock, close and "…" buttons.
fn card_header_ui(
    ui: &mut Ui,
    lang: Lang,
    college: &crate::model::College,
    card: &Card<'_>,
    (color, striped): (Color32, bool),
    actions: &mut Vec<PanelAction>,
) {
    let tx = texts(lang);
    let (c, selected) = (card.c, card.selected);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 3.0, color);
        if striped {
            // the same stripes as its sector on the map
            let stroke = egui::Stroke::new(3.0, Color32::from_white_alpha(190));
            for k in [-0.5f32, 0.0, 0.5] {
                let a = rect.left_bottom() + egui::vec2(rect.width() * k, 0.0);
                let p = [a, a + egui::vec2(rect.height(), -rect.height())];
                ui.painter().with_clip_rect(rect).line_segment(p, stroke);
            }
        }
        let name = RichText::new(&college.name).strong().size(17.0);
        if college.sector == Sector::Public {
            if ui.selectable_label(selected, name).clicked() {
                actions.push(PanelAction::Select(c));
            }
        } else {
            ui.label(name);
            ui.label(RichText::new(tx.private_college).italics());
        }
        match college.rep {
            crate::model::Rep::Rep => {
                ui.label(RichText::new("REP").strong());
            }
            crate::model::Rep::RepPlus => {
                ui.label(RichText::new("REP+").strong());
            }
            crate::model::Rep::None => {}
        }
        if college.sector == Sector::Public {
            let text = if card.locked {
                tx.unlock_college
            } else {
                tx.lock_college
            };
            let label = format!("{text} {}", college.short_name);
            if ui
                .add(egui::Button::new(RichText::new(text).small()).selected(card.locked))
                .on_hover_text(label)
                .clicked()
            {
                actions.push(PanelAction::ToggleLock(c));
            }
            let (text, action) = if card.open {
                (tx.close_college, PanelAction::Close(c))
            } else {
                (tx.reopen_college, PanelAction::Reopen(c))
            };
            if ui
                .add(egui::Button::new(RichText::new(text).small()))
                .on_hover_text(format!("{text} {}", college.short_name))
                .clicked()
            {
                actions.push(action);
            }
            if card.open {
                ui.menu_button(RichText::new("…").small(), |ui| {
                    if ui.button(tx.move_college).clicked() {
                        actions.push(PanelAction::Move(c));
                        ui.close();
                    }
                    if ui.button(tx.merge_college).clicked() {
                        actions.push(PanelAction::Merge(c));
                        ui.close();
                    }
                });
            }
        }
    });
}

/// A card's warnings in words (too full, outside the mixing band, empty, in pieces, too far),
/// and the buttons they call for.
fn card_flags_ui(
    ui: &mut Ui,
    lang: Lang,
    (college, i): (&crate::model::College, &crate::metrics::CollegeIndicators),
    card: &Card<'_>,
    view: &CardsView<'_>,
    cfg: &crate::metrics::MetricsConfig,
    actions: &mut Vec<PanelAction>,
) {
    let tx = texts(lang);
    let c = card.c;
    let use_ = i.capacity_use;
    let over = use_.is_some_and(|u| u > 1.0);
    // flags in words
    let mut flags: Vec<(String, Color32)> = Vec::new();
    if over {
        flags.push((
            format!(
                "{} ({} %)",
                tx.over_capacity,
                fmt_opt(lang, use_.map(|u| u * 100.0), 0)
            ),
            Color32::from_rgb(170, 30, 30),
        ));
    }
    match i.mix_flag {
        MixFlag::Above => flags.push((tx.above_band.into(), Color32::from_rgb(120, 60, 150))),
        MixFlag::Below => flags.push((tx.below_band.into(), Color32::from_rgb(170, 80, 0))),
        _ => {}
    }
    if college.sector == Sector::Public && i.members == 0 {
        flags.push((tx.empty_sector.into(), Color32::from_rgb(170, 30, 30)));
    }
    let pieces = college.sector == Sector::Public && card.pieces > 1;
    if pieces && !card.pieces_ok {
        flags.push((
            format!("{} ({} {})", tx.not_contiguous, card.pieces, tx.pieces),
            Color32::from_rgb(90, 90, 90),
        ));
    }
    if i.pupils_beyond_walk > 0.0 {
        flags.push((
            format!(
                "{} {} {} km ({})",
                number(lang, i.pupils_beyond_walk, 0),
                tx.beyond_walk_flag,
                number(lang, cfg.walk_threshold_m / 1000.0, 1),
                crate::i18n::walk_how(lang, cfg.walk_source())
            ),
            Color32::from_rgb(150, 60, 20),
        ));
    }
    for (text, color) in flags {
        ui.label(RichText::new(format!("⚠ {text}")).color(color).strong());
    }
    if over
        && college.sector == Sector::Public
        && ui
            .small_button(tx.dominos_button)
            .on_hover_text(tx.dominos_hint)
            .clicked()
    {
        actions.push(PanelAction::Dominos(c));
    }
    if let Some(&(lo, hi)) = view.avoidance.and_then(|a| a.get(c.index()))
        && (lo.round() != 0.0 || hi.round() != 0.0)
    {
        ui.label(
            RichText::new(avoidance_text(lang, (lo, hi))).color(Color32::from_rgb(110, 70, 20)),
        );
    }
    if pieces {
        ui.horizontal(|ui| {
            if card.pieces_ok {
                if ui.small_button(tx.pieces_flag_again).clicked() {
                    actions.push(PanelAction::AllowPieces(c, false));
                }
                ui.label(
                    RichText::new(format!(
                        "{} ({} {})",
                        tx.pieces_wanted, card.pieces, tx.pieces
                    ))
                    .small(),
                );
            } else if ui
                .small_button(tx.pieces_allow)
                .on_hover_text(tx.pieces_allow_hint)
                .clicked()
            {
                actions.push(PanelAction::AllowPieces(c, true));
            }
        });
    }
}

#[cfg(test)]
mod avoidance_words {
    use super::*;

    #[test]
    fn avoidance_ranges_are_said_without_empty_ranges() {
        assert!(avoidance_text(Lang::Fr, (0.2, -0.3)).contains("aucun départ ni retour"));
        assert!(avoidance_text(Lang::Fr, (12.2, 11.8)).contains("environ 12 élèves de plus"));
        assert!(
            avoidance_text(Lang::Fr, (-5.1, -4.9)).contains("environ 5 élèves pourraient revenir")
        );
        assert!(avoidance_text(Lang::Fr, (3.0, 9.0)).contains("3 à 9 élèves de plus"));
    }
}
