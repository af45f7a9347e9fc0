//! The words of "Mon adresse", the place search of the editor and the meeting room.

use super::{Lang, tr};
use crate::model::places::PlaceKind;

words! {
    /// The address search: its field, its results, its answer.
    pub struct AddressTexts("addr-") {
        /// The field's label.
        label,
        /// What the field takes.
        hint,
        /// Clear the search.
        clear,
        /// Nothing answers the words typed.
        nothing,
        /// Where the places come from: an address file of `n` addresses.
        from_book(n: &str, file: &str),
        /// Where the places come from: the territory's named streets (no numbers).
        from_streets(n: usize),
        /// Read an address file.
        add_book,
        /// The typed path field's label.
        path_label,
        /// While the address file is read.
        reading,
        /// The address file could not be read.
        book_failed(file: &str, reason: &str),
        /// No address of the file lies in the territory.
        book_empty(file: &str),
        /// The carte actuelle.
        now,
        /// The scenario shown.
        then(name: &str),
        /// The same collège in the proposal.
        same,
        /// Minutes on foot.
        walk(minutes: &str),
        /// Minutes on foot estimated from the straight line (a territory without streets).
        walk_estimated(minutes: &str),
        /// While the walk is computed.
        walk_pending,
        /// The walk cannot be computed (no streets, or a point off the network).
        walk_unknown,
        /// A place outside every block.
        outside,
        /// A block with no collège.
        unassigned,
        /// The number typed is not in the file.
        nearest(asked: u32, shown: u32),
        /// A number typed on a street of the territory's network, which has no numbers.
        unnumbered(asked: u32),
        /// A place that crosses several blocks.
        parts(n: usize),
        /// More blocks than shown.
        more_parts(n: usize),
        /// The map pin's meaning, on the map's legend line.
        pin_hint,
    }
}

/// The address search's words in one language.
pub fn address_texts(lang: Lang) -> &'static AddressTexts {
    AddressTexts::of(lang)
}

/// What a found place is, in a word.
pub fn place_kind(lang: Lang, kind: PlaceKind) -> String {
    let id = match kind {
        PlaceKind::Address => "addr-kind-address",
        PlaceKind::Street => "addr-kind-street",
        PlaceKind::Block => "addr-kind-block",
        PlaceKind::College => "addr-kind-college",
        PlaceKind::Landmark => "addr-kind-landmark",
    };
    tr(lang, id, &[])
}
