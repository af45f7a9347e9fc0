//! "Mon adresse" in the window: the field and its answer in the editor's side panel, the field
//! in the meeting room's bar, and the answer in large type over the room's map (on the laptop
//! and on the projector alike).

use egui::{Color32, RichText};

use super::super::Editor;
use super::super::intent::UiCommand;
use crate::i18n::Lang;
use crate::i18n::address::address_texts;
use crate::ui::address::{AddressEvent, address_field_ui, answer_ui};

impl Editor {
    /// The field with its results, and the answer under it; `size` is the text size. In the
    /// editor, the address file can be added there too.
    pub(super) fn address_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        size: f32,
        commands: &mut Vec<UiCommand>,
    ) {
        let inline = self.view.meeting.is_some();
        let source = self.address_source(lang);
        let mut query = self.address.query.clone();
        let answered = self
            .address
            .answer
            .as_ref()
            .is_some_and(|a| a.place.label == query);
        let event = address_field_ui(
            ui,
            lang,
            &mut query,
            &self.address.results,
            &source,
            answered,
            size,
            inline,
        );
        match event {
            Some(AddressEvent::Typed(q)) => commands.push(UiCommand::AddressTyped(q)),
            Some(AddressEvent::Picked(i)) => commands.push(UiCommand::AddressPick(i)),
            Some(AddressEvent::Cleared) => commands.push(UiCommand::AddressClear),
            None => {}
        }
        // the words typed show at once; the command searches them
        self.address.query = query;
        if self.view.meeting.is_none() {
            if let Some(a) = self.answer_view(lang, None) {
                egui::Frame::group(ui.style())
                    .fill(Color32::from_rgb(255, 250, 235))
                    .show(ui, |ui| answer_ui(ui, lang, &a, size, false));
            }
            self.address_file_ui(ui, lang, commands);
        }
    }

    /// Adding an address file: the system's dialog, or a path typed (Enter reads it).
    fn address_file_ui(&mut self, ui: &mut egui::Ui, lang: Lang, commands: &mut Vec<UiCommand>) {
        let tx = address_texts(lang);
        if let Some(progress) = self.address.reading() {
            ui.horizontal(|ui| {
                ui.label(tx.reading);
                match progress {
                    Some(f) => {
                        ui.add(
                            egui::ProgressBar::new(f)
                                .desired_width(160.0)
                                .show_percentage(),
                        );
                    }
                    None => {
                        ui.spinner();
                    }
                }
            });
            return;
        }
        if let Some(e) = &self.address.book_error {
            ui.label(RichText::new(e).color(Color32::from_rgb(170, 40, 30)));
        }
        egui::CollapsingHeader::new(tx.add_book)
            .id_salt("address-file")
            .show(ui, |ui| {
                if ui.button(tx.add_book).clicked() {
                    commands.push(UiCommand::AddressPickFile);
                }
                ui.horizontal(|ui| {
                    let label = ui.label(tx.path_label);
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.address.path).desired_width(240.0),
                        )
                        .labelled_by(label.id);
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let path = self.address.path.trim();
                    if enter && !path.is_empty() {
                        commands.push(UiCommand::AddressFile(path.into()));
                    }
                });
            });
    }

    /// The answer in large type at the top of the room's map, when a place was chosen. Returns
    /// the height it took.
    pub(super) fn address_banner_ui(
        &self,
        ui: &mut egui::Ui,
        lang: Lang,
        rect: egui::Rect,
        room: super::super::Meeting,
    ) -> f32 {
        let Some(mut a) = self.answer_view(lang, Some(room)) else {
            return 0.0;
        };
        let size = if rect.width() > 1100.0 {
            26.0
        } else if rect.height() < 560.0 {
            18.0
        } else {
            20.0
        };
        // on a small screen the map keeps most of the room: two blocks, the others counted
        let keep = if rect.height() < 560.0 {
            1
        } else if rect.height() < 700.0 {
            2
        } else {
            4
        };
        if a.lines.len() > keep {
            a.more += a.lines.len() - keep;
            a.lines.truncate(keep);
        }
        // the band behind the banner is the room's background, painted once its height is known
        let background = ui.painter().add(egui::Shape::Noop);
        let inner = ui
            .scope_builder(egui::UiBuilder::new().max_rect(rect.shrink(6.0)), |ui| {
                egui::Frame::new()
                    .fill(Color32::from_rgba_unmultiplied(255, 250, 235, 240))
                    .stroke(egui::Stroke::new(2.0, Color32::from_rgb(200, 40, 40)))
                    .corner_radius(6.0)
                    .inner_margin(10.0)
                    .show(ui, |ui| {
                        ui.set_width(rect.width() - 32.0);
                        answer_ui(ui, lang, &a, size, true);
                    })
                    .response
                    .rect
            })
            .inner;
        let band =
            egui::Rect::from_min_size(rect.min, egui::vec2(rect.width(), inner.height() + 12.0));
        ui.painter().set(
            background,
            egui::Shape::rect_filled(band, 0.0, Color32::from_gray(242)),
        );
        inner.height() + 12.0
    }
}
