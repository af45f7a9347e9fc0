//! "À propos": what the program is, its licence, where its data come from and under which
//! licences.

use super::window::{ToolWindow, WindowContext};

/// The "À propos" window (it has no state of its own).
#[derive(Debug, Default)]
pub struct AboutWindow;

impl ToolWindow for AboutWindow {
    fn show(&mut self, ctx: &egui::Context, with: &WindowContext<'_>) -> bool {
        let (lang, osm_used) = (with.lang, with.osm_used);
        let w = crate::i18n::about_texts(lang);
        let mut open = true;
        egui::Window::new(w.title)
            .default_pos(crate::ui::window::below_bars(ctx))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.heading(format!("Carte Mixité {}", env!("CARGO_PKG_VERSION")));
                ui.label(w.what);
                ui.label(w.licence);
                ui.separator();
                ui.label(egui::RichText::new(w.sources_heading).strong());
                for line in [
                    w.source_ministry,
                    w.source_ign,
                    w.source_insee,
                    w.source_ban,
                ] {
                    ui.label(format!("• {line}"));
                }
                if osm_used {
                    ui.label(format!("• {}", w.source_osm));
                }
                ui.label(format!("• {}", w.font));
            });
        open
    }
}
