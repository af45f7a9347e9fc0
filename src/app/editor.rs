//! The editor once a territory is loaded: the document, and the rooms around it.

use super::jobs::Jobs;
use super::session::{Loaded, Session};
use super::status::Status;
use super::view::View;
use super::windows::Windows;
use crate::model::Document;

/// The editor: the document and what the window keeps around it.
pub struct Editor {
    /// The document. Only [`Editor::run`] changes it.
    pub doc: Document,
    /// What is shown and how: selection, tool, colouring, the map's view and caches.
    pub view: View,
    /// The windows that are open.
    pub(in crate::app) windows: Windows,
    /// Work in the background.
    pub(in crate::app) jobs: Jobs,
    /// The project file, the autosave, the work recovered from a crash.
    pub session: Session,
    /// The status line's message.
    pub(in crate::app) status: Status,
    /// "Mon adresse": the place search and its answer.
    pub address: super::address::AddressSearch,
}

impl Editor {
    /// An editor on a loaded territory; walking distances start routing in the background.
    pub fn new(loaded: Loaded) -> Self {
        let session = Session::new(
            loaded.project,
            loaded.autosave,
            loaded.recovered,
            &loaded.doc,
        );
        let basemap = crate::ui::basemap::BasemapState::remembered(session.data_dir());
        let jobs = Jobs {
            walk: crate::ui::walk::WalkJob::start(
                loaded.doc.territory(),
                session.cache_dir.clone(),
            ),
            ..Default::default()
        };
        let mut status = Status::default();
        if let Some(w) = loaded.warnings {
            status.say(w);
        }
        Editor {
            view: View::new(&loaded.doc, loaded.geometry, basemap),
            doc: loaded.doc,
            windows: Windows::default(),
            jobs,
            session,
            status,
            address: Default::default(),
        }
    }

    /// The project file the work was opened from or last saved to, if any.
    pub fn project_file(&self) -> Option<&std::path::Path> {
        self.session.project.as_ref().map(|(p, _)| p.as_path())
    }

    /// The message shown in the status bar, if any.
    pub fn notice(&self) -> Option<&str> {
        self.status.notice()
    }

    /// The two scenarios the comparison window shows, when it is open.
    pub fn windows_compare(&self) -> Option<(usize, usize)> {
        self.windows.compare.as_ref().map(|w| (w.a, w.b))
    }

    /// Whether the table of scenarios is open.
    pub fn scenarios_open(&self) -> bool {
        self.windows.scenarios.is_some()
    }
}
