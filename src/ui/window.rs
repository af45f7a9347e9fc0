//! Windows that need nothing but the document to show themselves: each is a file of its own, a
//! variant of [`WindowKind`] (which makes it and names its button) and its words. The window
//! keeps them in one list and opens them from the top bar.

use crate::i18n::Lang;
use crate::model::Document;

/// Where a window without a place of its own opens: under the top bar, so that undo, redo and
/// the other windows' buttons stay in reach (egui would put it in the corner, over the bar).
pub fn below_bars(ctx: &egui::Context) -> egui::Pos2 {
    ctx.content_rect().left_top() + egui::vec2(24.0, 100.0)
}

/// What such a window is shown with.
pub struct WindowContext<'a> {
    /// The interface's language.
    pub lang: Lang,
    /// The document, read only.
    pub doc: &'a Document,
    /// Whether OpenStreetMap's data is on screen (its tiles, or a territory built from it).
    pub osm_used: bool,
}

/// A window shown from the list.
pub trait ToolWindow {
    /// Shows the window; false once the user closed it.
    fn show(&mut self, ctx: &egui::Context, with: &WindowContext<'_>) -> bool;
}

/// Every window of the list, in the order of their buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowKind {
    /// What the program is, its licence and its data sources.
    About,
}

impl WindowKind {
    /// The buttons of the top bar, in this order.
    pub const ALL: [WindowKind; 1] = [WindowKind::About];

    /// A new window of this kind.
    pub fn open(self) -> Box<dyn ToolWindow> {
        match self {
            WindowKind::About => Box::new(super::about_window::AboutWindow),
        }
    }

    /// Its button's words.
    pub fn button(self, lang: Lang) -> &'static str {
        match self {
            WindowKind::About => crate::i18n::about_texts(lang).button,
        }
    }
}
