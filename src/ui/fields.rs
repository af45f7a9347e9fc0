//! Number fields written as the interface's language writes numbers ("1 000", "4,5"), read back
//! whichever way the user types them.

use crate::i18n::{Lang, number};

/// A drag value shown with the language's separators and `decimals` decimals.
pub fn number_field(v: egui::DragValue<'_>, lang: Lang, decimals: usize) -> egui::DragValue<'_> {
    v.custom_formatter(move |x, _| number(lang, x, decimals))
        .custom_parser(|text| {
            text.trim()
                .replace(',', ".")
                .replace([' ', '\u{a0}', '\u{202f}'], "")
                .parse()
                .ok()
        })
}
