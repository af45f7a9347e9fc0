//! "Mon adresse": the search field with its results as the user types, and the answer (the
//! place, its block, its collège on the carte actuelle and in the proposal, the walk to each),
//! in the editor's size or in large type for the room. The app computes the answer; this file
//! only draws it and reports what the user did.

use egui::{Color32, RichText};

use crate::i18n::Lang;
use crate::i18n::address::{address_texts, place_kind};
use crate::model::places::Place;

/// What the user did with the field.
#[derive(Debug, Clone, PartialEq)]
pub enum AddressEvent {
    /// The words typed changed.
    Typed(String),
    /// A result was chosen (its position in the list).
    Picked(usize),
    /// The search was cleared.
    Cleared,
}

/// One block of the answer, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerLine {
    /// "îlot Centre", or "Hors du territoire".
    pub block: String,
    /// The collège on the carte actuelle, with the walk ("Jaurès · 12 min à pied").
    pub now: String,
    /// The collège in the proposal with its walk, or `None` when no proposal is shown or it is
    /// the same.
    pub then: Option<String>,
    /// True when the proposal changes this block's collège.
    pub changed: bool,
}

/// The answer, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerView {
    /// The place ("12 Rue des Tilleuls").
    pub title: String,
    /// Where it is, what it is ("Belcastel · adresse").
    pub detail: String,
    /// A note on the number (not found, nearest), possibly empty.
    pub note: String,
    /// "Carte actuelle" and the proposal's name, heading the two columns.
    pub heads: (String, Option<String>),
    /// The blocks, most of the place first.
    pub lines: Vec<AnswerLine>,
    /// Blocks not shown.
    pub more: usize,
}

/// The search field, and the results under it while the words have any (`answered`: the words
/// are those of the place chosen, and no list is shown). `source` says where the places come
/// from. `inline` (the room's bar): the field takes its place in the caller's row, `source` is
/// its hover text and the results float under it, so the room's layout never moves while one
/// types. Returns what the user did.
#[allow(clippy::too_many_arguments)]
pub fn address_field_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    query: &mut String,
    results: &[Place],
    source: &str,
    answered: bool,
    size: f32,
    inline: bool,
) -> Option<AddressEvent> {
    let tx = address_texts(lang);
    let mut event = None;
    let mut enter = false;
    let mut field = |ui: &mut egui::Ui| {
        let label = ui.label(RichText::new(tx.label).size(size).strong());
        let edit = egui::TextEdit::singleline(query)
            // in the room's bar, no taller than its buttons
            .margin(if inline {
                egui::vec2(4.0, 1.0)
            } else {
                egui::vec2(4.0, 2.0)
            })
            .hint_text(tx.hint)
            .font(egui::FontId::proportional(size))
            .desired_width(if inline {
                size * 16.0
            } else {
                (ui.available_width() - 80.0).clamp(120.0, 420.0)
            });
        let mut r = ui.add(edit).labelled_by(label.id);
        if inline {
            r = r.on_hover_text(source);
        }
        if r.changed() {
            event = Some(AddressEvent::Typed(query.clone()));
        }
        enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if !query.is_empty()
            && ui
                .button(RichText::new(tx.clear).size(size * 0.8))
                .clicked()
        {
            query.clear();
            event = Some(AddressEvent::Cleared);
        }
        r.rect
    };
    // the label, the field and its button stay together on one line
    let rect = ui.horizontal(|ui| field(ui)).inner;
    if enter && !results.is_empty() {
        event = Some(AddressEvent::Picked(0));
    }
    if query.trim().is_empty() || answered {
        if !inline {
            ui.label(RichText::new(source).size(size * 0.75).weak());
        }
        return event;
    }
    let mut list = |ui: &mut egui::Ui| {
        if results.is_empty() {
            ui.label(RichText::new(tx.nothing).size(size * 0.8).weak());
        }
        for (i, p) in results.iter().enumerate() {
            let mut text = p.label.clone();
            let kind = place_kind(lang, p.kind);
            if p.detail.is_empty() {
                text.push_str(&format!("  ({kind})"));
            } else {
                text.push_str(&format!("  ({}, {kind})", p.detail));
            }
            if ui
                .add(egui::Button::new(RichText::new(text).size(size * 0.85)).frame(false))
                .clicked()
            {
                event = Some(AddressEvent::Picked(i));
            }
        }
    };
    if inline {
        egui::Area::new(egui::Id::unique("address-results"))
            .order(egui::Order::Foreground)
            .fixed_pos(rect.left_bottom() + egui::vec2(0.0, 2.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_min_width(rect.width());
                    // each place on one line, however long its name
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                    list(ui)
                });
            });
    } else {
        list(ui);
    }
    event
}

/// The answer: the place, then a line per block with its collège now and in the proposal.
/// `size` is the main text size (about 15 in the editor, 26 on a projector); in a `room` each
/// block is one line that wraps, in the editor a table.
pub fn answer_ui(ui: &mut egui::Ui, lang: Lang, answer: &AnswerView, size: f32, room: bool) {
    let tx = address_texts(lang);
    let ink = Color32::from_gray(20);
    // secondary text: three quarters of the main size, and never under 18 px in a room
    let small = if room {
        (size * 0.75).max(18.0)
    } else {
        size * 0.75
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(&answer.title)
                .size(size * 1.1)
                .strong()
                .color(ink),
        );
        if !answer.detail.is_empty() {
            ui.label(RichText::new(&answer.detail).size(small).weak());
        }
    });
    if !answer.note.is_empty() {
        ui.label(
            RichText::new(&answer.note)
                .size(small)
                .color(Color32::from_rgb(150, 60, 20)),
        );
    }
    if answer.lines.len() > 1 || answer.more > 0 {
        ui.label(RichText::new((tx.parts)(answer.lines.len() + answer.more)).size(small));
    }
    if room {
        // the room's banner: each block on its own line, wrapped where the map is narrow
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&answer.heads.0).size(small).weak());
            if let Some(h) = &answer.heads.1 {
                ui.label(RichText::new(format!("→ {h}")).size(small).weak());
            }
        });
        for line in &answer.lines {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(crate::i18n::with_colon(lang, &line.block))
                        .size(small)
                        .color(ink),
                );
                ui.label(RichText::new(&line.now).size(size).strong().color(ink));
                if let Some(then) = &line.then {
                    let color = if line.changed {
                        Color32::from_rgb(30, 90, 160)
                    } else {
                        Color32::from_gray(90)
                    };
                    ui.label(
                        RichText::new(format!("→ {then}"))
                            .size(size)
                            .strong()
                            .color(color),
                    );
                }
            });
        }
    } else {
        egui::Grid::new("address-answer")
            .num_columns(3)
            .spacing([size * 0.8, size * 0.2])
            .show(ui, |ui| {
                ui.label("");
                ui.label(RichText::new(&answer.heads.0).size(size * 0.75).weak());
                if let Some(h) = &answer.heads.1 {
                    ui.label(RichText::new(h).size(size * 0.75).weak());
                }
                ui.end_row();
                for line in &answer.lines {
                    ui.label(RichText::new(&line.block).size(size * 0.85).color(ink));
                    ui.label(RichText::new(&line.now).size(size).strong().color(ink));
                    if let Some(then) = &line.then {
                        let color = if line.changed {
                            Color32::from_rgb(30, 90, 160)
                        } else {
                            ink
                        };
                        ui.label(RichText::new(then).size(size).strong().color(color));
                    }
                    ui.end_row();
                }
            });
    }
    if answer.more > 0 {
        ui.label(RichText::new((tx.more_parts)(answer.more)).size(small));
    }
}
