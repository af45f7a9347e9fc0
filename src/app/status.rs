//! The status line's message, tied to the change that made it: undoing a change clears what it
//! said, redoing it says it again.

use std::collections::HashMap;

/// The message in the status bar, and the messages of the steps that can be redone.
#[derive(Default)]
pub struct Status {
    notice: Option<String>,
    /// Whether the command being run said something.
    said: bool,
    /// What each undo step said when it was made: (scenario, undo depth after it) → message.
    by_step: HashMap<(usize, usize), String>,
}

/// Where the active scenario's history stood before a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::app) struct Mark {
    scenario: usize,
    depth: usize,
}

impl Mark {
    /// Where the document's history stands now.
    pub(in crate::app) fn of(doc: &crate::model::Document) -> Self {
        Mark {
            scenario: doc.active_index(),
            depth: doc.active().history.undo_len(),
        }
    }
}

impl Status {
    /// The message shown, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Shows a message.
    pub(in crate::app) fn say(&mut self, text: String) {
        self.notice = Some(text);
        self.said = true;
    }

    /// Adds to the message shown (a background job finishing what a change started), or
    /// shows it alone.
    pub(in crate::app) fn append(&mut self, more: &str) {
        self.notice = Some(match self.notice.take() {
            Some(n) if !n.contains(more) => format!("{n} {more}"),
            _ => more.to_string(),
        });
    }

    /// Before a command runs.
    pub(in crate::app) fn begin(&mut self) {
        self.said = false;
    }

    /// After a command ran, from where the history stood before to where it stands now: a new
    /// step keeps what the command said, an undone step takes its message away, a redone one
    /// says it again.
    pub(in crate::app) fn end(&mut self, before: Mark, after: Mark, undo_or_redo: bool) {
        let key = (after.scenario, after.depth);
        if undo_or_redo {
            if after != before {
                self.notice = self
                    .by_step
                    .get(&key)
                    .cloned()
                    .filter(|_| after.depth > before.depth);
            }
            return;
        }
        if after.scenario == before.scenario && after.depth <= before.depth {
            return;
        }
        match (&self.notice, self.said) {
            (Some(n), true) => {
                self.by_step.insert(key, n.clone());
            }
            _ => {
                self.by_step.remove(&key);
            }
        }
    }
}
