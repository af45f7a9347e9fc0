//! The room's remarks and the meeting record.

use super::super::Editor;
use super::super::intent::UiCommand;
use crate::i18n::Lang;
use crate::ui::remarks_window::{RemarksAction, RemarksContext};

impl Editor {
    /// Shows the remarks window.
    pub(super) fn remarks_ui(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        commands: &mut Vec<UiCommand>,
    ) {
        let Some(w) = &mut self.windows.remarks else {
            return;
        };
        let with = RemarksContext {
            territory: self.doc.territory(),
            record: &self.session.record,
            selected: self.view.selected,
            scenario: &self.doc.active().scenario.meta.name,
        };
        match w.show(ctx, lang, &with) {
            None => {}
            Some(RemarksAction::Close) => self.windows.remarks = None,
            Some(RemarksAction::Pin(r)) => commands.push(UiCommand::PinRemark(Box::new(r))),
            Some(RemarksAction::Remove(k)) => commands.push(UiCommand::RemoveRemark(k)),
            Some(RemarksAction::Freeze) => commands.push(UiCommand::FreezeFigures),
            Some(RemarksAction::Write(p)) => commands.push(UiCommand::WriteRecord(p)),
        }
    }
}
