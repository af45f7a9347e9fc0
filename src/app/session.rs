//! The work and where it lives: loading a territory or a project, the project file, saving in
//! the background, the autosave and the work recovered from a crash.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use super::Editor;
use crate::io::autosave::{AutosaveWriter, Recovered, Snapshot, autosave_path, read_autosaves};
use crate::metrics::MetricsConfig;
use crate::model::Document;
use crate::ui::map::MapGeometry;

/// The project file, and the fields of it this version does not know (written back as read).
pub type ProjectFile = (
    std::path::PathBuf,
    serde_json::Map<String, serde_json::Value>,
);

/// A territory ready to show: its document and projected geometry.
pub struct Loaded {
    /// Territory, scenarios, indicators.
    pub doc: Document,
    /// Projected and triangulated geometry.
    pub geometry: MapGeometry,
    /// Where this session autosaves (None: no autosave, e.g. in tests and benchmarks).
    pub autosave: Option<std::path::PathBuf>,
    /// Work found in a previous session's autosave, offered to the user.
    pub recovered: Option<Recovered>,
    /// The project file it was opened from, with the fields this version does not know.
    pub project: Option<ProjectFile>,
    /// What the file's scenarios named that its territory lacks, in words (skipped).
    pub warnings: Option<String>,
}

impl Loaded {
    /// A territory and its baseline, with geometry prepared (no autosave).
    pub fn new(territory: crate::model::Territory, baseline: crate::model::Scenario) -> Self {
        let t = Arc::new(territory);
        Loaded {
            geometry: MapGeometry::new(&t),
            doc: Document::new(t, baseline, MetricsConfig::default()),
            autosave: None,
            recovered: None,
            project: None,
            warnings: None,
        }
    }
}

/// The user's documents folder, as the system names it (XDG's in its language on Linux, the
/// Known Folder on Windows); else a "Documents" folder in the home folder, else the home folder.
pub(in crate::app) fn documents_dir() -> Option<std::path::PathBuf> {
    let user = directories::UserDirs::new()?;
    if let Some(d) = user.document_dir().filter(|d| d.is_dir()) {
        return Some(d.to_path_buf());
    }
    let home = user.home_dir();
    Some(if home.join("Documents").is_dir() {
        home.join("Documents")
    } else {
        home.to_path_buf()
    })
}

/// Loads a territory and turns autosave on in `dir`, reading what a previous session left there.
pub fn load_with_autosave(
    territory: Option<&str>,
    dir: &std::path::Path,
    lang: crate::i18n::Lang,
) -> Result<Loaded, String> {
    let mut loaded = load(territory, lang)?;
    // what saves killed earlier left behind, beside the autosave and the project
    crate::io::remove_leftover_temporaries(dir);
    if let Some(folder) = loaded.project.as_ref().and_then(|(p, _)| p.parent()) {
        crate::io::remove_leftover_temporaries(folder);
    }
    let path = autosave_path(dir, loaded.doc.territory());
    let found = read_autosaves(&path, loaded.doc.territory());
    let sources = found
        .as_ref()
        .map(|r| r.sources.clone())
        .unwrap_or_default();
    loaded.recovered = found.and_then(|r| not_yet_held(r, &loaded.doc, loaded.project.as_ref()));
    if loaded.recovered.is_none() {
        // the opened file holds all that work: the files kept apart are of no more use (the
        // main one is written over by this session)
        for p in sources.iter().filter(|p| **p != path) {
            let _ = std::fs::remove_file(p);
        }
    }
    loaded.autosave = Some(path);
    Ok(loaded)
}

/// The work of an autosave that the opened file does not already hold: a scenario the file has
/// (same name, same map) is not offered again, nor a meeting record equal to the file's; `None`
/// when nothing is left to offer.
fn not_yet_held(
    mut r: Recovered,
    doc: &Document,
    project: Option<&ProjectFile>,
) -> Option<Recovered> {
    let same = |a: &crate::model::Scenario, b: &crate::model::Scenario| {
        // the dates may differ by a save; the name and the map must not
        let mut a = a.clone();
        a.meta.created = b.meta.created;
        a.meta.modified = b.meta.modified;
        a == *b
    };
    let active = r.active;
    let (mut kept, mut histories) = (Vec::new(), Vec::new());
    let mut new_active = 0;
    let offered = std::mem::take(&mut r.histories);
    for (k, s) in r.scenarios.into_iter().enumerate() {
        if doc.scenarios().iter().any(|h| same(&h.scenario, &s)) {
            continue;
        }
        kept.push(s);
        histories.push(offered.get(k).cloned().unwrap_or_default());
        if k + 1 == active {
            new_active = kept.len();
        }
    }
    r.scenarios = kept;
    r.histories = histories;
    r.active = new_active;
    let saved_record =
        project.and_then(|(_, extra)| extra.get(crate::publish::record::PROJECT_KEY));
    if r.record.is_some() && r.record.as_ref() == saved_record {
        r.record = None;
    }
    (!r.scenarios.is_empty() || r.record.is_some()).then_some(r)
}

/// Loads a territory folder (or the embedded demo when `None`) and prepares its geometry; why
/// it cannot, in words.
pub fn load(territory: Option<&str>, lang: crate::i18n::Lang) -> Result<Loaded, String> {
    let opened = crate::io::open(territory).map_err(|e| crate::i18n::load::load_error(lang, &e))?;
    let p = opened.project;
    let mut loaded = Loaded::new(p.territory, p.baseline);
    loaded.warnings = crate::i18n::load::scenario_warnings(lang, &p.warnings);
    if let Some(file) = opened.file {
        // a project: the territory with every scenario it was saved with
        if let Some(settings) = p.settings {
            loaded.doc.set_config(settings);
        }
        for s in p.scenarios {
            loaded.doc.add_scenario(s);
        }
        let _ = loaded.doc.switch_to(p.active);
        loaded.project = Some((file, p.extra));
    }
    Ok(loaded)
}

/// Where the work is kept: the project file, the autosave, the work offered back after a crash.
pub struct Session {
    /// The project file, when the work was opened from or saved to one.
    pub(in crate::app) project: Option<ProjectFile>,
    /// Autosave: the file and its writer thread.
    pub(in crate::app) autosave: Option<(std::path::PathBuf, AutosaveWriter)>,
    /// The revision last autosaved, and when.
    pub(in crate::app) saved_revision: u64,
    pub(in crate::app) saved_at: Option<std::time::Instant>,
    /// The meeting record as last autosaved (a remark is work too).
    pub(in crate::app) saved_record: crate::publish::record::MeetingRecord,
    /// Work from a previous session, waiting for the user's answer.
    pub recovered: Option<Recovered>,
    /// Where this session autosaves while that answer is awaited (apart from the work
    /// offered, so that a crash meanwhile loses neither).
    pub(in crate::app) side: Option<std::path::PathBuf>,
    /// Where walking matrices are cached (None: nowhere, e.g. in tests).
    pub(in crate::app) cache_dir: Option<std::path::PathBuf>,
    /// Length of the routed streets, metres, once routed.
    pub(in crate::app) street_m: Option<f64>,
    /// A project the user asked to open (the app loads it in the background).
    pub open_request: Option<std::path::PathBuf>,
    /// A territory just imported, to open in place of this one.
    pub imported: Option<Box<(crate::model::Territory, crate::model::Scenario)>>,
    /// The room's remarks and the figures frozen for the minutes (kept in the project file).
    pub record: crate::publish::record::MeetingRecord,
}

impl Session {
    /// The session of a loaded territory; `data_dir` holds settings and caches.
    pub(in crate::app) fn new(
        mut project: Option<ProjectFile>,
        autosave: Option<std::path::PathBuf>,
        recovered: Option<Recovered>,
        doc: &Document,
    ) -> Self {
        let revision = doc.revision();
        // the meeting record travels in the project file beside the scenarios
        let record = project
            .as_mut()
            .and_then(|(_, extra)| extra.remove(crate::publish::record::PROJECT_KEY))
            .and_then(|v| crate::publish::record::MeetingRecord::from_json(&v, doc.territory()))
            .unwrap_or_default();
        let cache_dir = autosave
            .as_ref()
            .and_then(|p| Some(p.parent()?.parent()?.join("cache")));
        Session {
            project,
            autosave: autosave.map(|p| (p, AutosaveWriter::start())),
            saved_revision: revision,
            saved_at: None,
            saved_record: record.clone(),
            recovered,
            side: None,
            cache_dir,
            street_m: None,
            open_request: None,
            imported: None,
            record,
        }
    }

    /// Where settings live: beside the autosave folder (without autosave nothing is remembered).
    pub(in crate::app) fn data_dir(&self) -> Option<std::path::PathBuf> {
        self.cache_dir
            .as_ref()
            .and_then(|c| Some(c.parent()?.to_path_buf()))
    }

    /// Where the save dialog proposes to write: the project file, or beside the user's
    /// documents rather than wherever the app started.
    pub(in crate::app) fn default_save_path(&self, territory_name: &str) -> String {
        match &self.project {
            Some((p, _)) => p.display().to_string(),
            None => {
                let name = format!("{territory_name}.cartemixite");
                documents_dir()
                    .map(|d| d.join(&name).display().to_string())
                    .unwrap_or(name)
            }
        }
    }

    /// Writes the project on its own thread (the window never waits on the disk) and returns
    /// where its answer will come.
    pub(in crate::app) fn save_in_background(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        mut path: std::path::PathBuf,
        lang: crate::i18n::Lang,
    ) -> Receiver<Result<std::path::PathBuf, String>> {
        if !crate::io::project::is_project_path(&path) {
            let mut name = path.as_os_str().to_owned();
            name.push(".");
            name.push(crate::io::project::PROJECT_EXTENSION);
            path = name.into();
        }
        let territory = doc.territory().clone();
        let scenarios: Vec<crate::model::Scenario> =
            doc.scenarios().iter().map(|s| s.scenario.clone()).collect();
        let active = doc.active_index();
        let settings = doc.config().clone();
        let extra = self
            .project
            .as_ref()
            .map(|p| p.1.clone())
            .unwrap_or_default();
        self.project = Some((path.clone(), extra.clone()));
        let mut extra = extra;
        if self.record != Default::default() {
            extra.insert(
                crate::publish::record::PROJECT_KEY.into(),
                self.record.to_json(&territory),
            );
        }
        let (send, recv) = channel();
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let others: Vec<&crate::model::Scenario> = scenarios[1..].iter().collect();
            let result = crate::io::project::write_project(
                &path,
                &territory,
                &scenarios[0],
                &others,
                active,
                &settings,
                &extra,
            )
            .map_err(|e| {
                crate::i18n::labelled(
                    lang,
                    &path.display().to_string(),
                    &crate::i18n::io_reason(lang, &e),
                )
            })
            .map(|()| path);
            let _ = send.send(result);
            repaint.request_repaint();
        });
        recv
    }
}

impl Editor {
    /// Whether there is work the autosave does not hold yet: a change of the document or of
    /// the meeting record.
    fn unsaved(&self) -> bool {
        self.doc.revision() != self.session.saved_revision
            || self.session.record != self.session.saved_record
    }

    /// The work as it is now, for the autosave: clones only; the writer's thread serializes.
    fn autosave_now(&self) -> Snapshot {
        let states = &self.doc.scenarios()[1..];
        Snapshot {
            territory: self.doc.territory().clone(),
            scenarios: states.iter().map(|s| s.scenario.clone()).collect(),
            histories: states.iter().map(|s| s.history.clone()).collect(),
            active: self.doc.active_index(),
            planned: self
                .doc
                .territory()
                .college_ids()
                .filter(|&c| !self.doc.baseline().scenario.is_college_open(c))
                .collect(),
            record: (self.session.record != Default::default())
                .then(|| self.session.record.to_json(self.doc.territory())),
        }
    }

    /// Where the autosave goes now: its file, or while a recovery offer is unanswered, a file
    /// apart (chosen once per session).
    fn autosave_target(&mut self) -> Option<std::path::PathBuf> {
        let main = self.session.autosave.as_ref()?.0.clone();
        if self.session.recovered.is_none() {
            return Some(main);
        }
        Some(
            self.session
                .side
                .get_or_insert_with(|| crate::io::autosave::side_path(&main))
                .clone(),
        )
    }

    fn mark_autosaved(&mut self) {
        self.session.saved_record = self.session.record.clone();
        self.session.saved_revision = self.doc.revision();
        self.session.saved_at = Some(std::time::Instant::now());
    }

    /// Saves the work in the background about a second after a change (the file is written on
    /// the writer's thread).
    pub(in crate::app) fn autosave_tick(&mut self, ctx: &egui::Context) {
        const EVERY: std::time::Duration = std::time::Duration::from_secs(1);
        if self.session.autosave.is_none() || !self.unsaved() {
            return;
        }
        let wait = self
            .session
            .saved_at
            .map(|t| EVERY.saturating_sub(t.elapsed()));
        if self.doc.active().history.in_group() || wait.is_some_and(|w| !w.is_zero()) {
            // come back when the save is due, even if the user does nothing meanwhile
            ctx.request_repaint_after(
                wait.unwrap_or(EVERY)
                    .max(std::time::Duration::from_millis(100)),
            );
            return;
        }
        let snapshot = self.autosave_now();
        if let Some(target) = self.autosave_target()
            && let Some((_, writer)) = &self.session.autosave
        {
            writer.save(target, snapshot);
        }
        self.mark_autosaved();
    }

    /// Once the user has answered the recovery offer (taken back or not): the work as it now
    /// stands goes to the autosave file at once, then the files of the offer and the one kept
    /// apart meanwhile are removed.
    pub(in crate::app) fn autosave_after_answer(&mut self, offered: Vec<std::path::PathBuf>) {
        let Some((main, writer)) = &self.session.autosave else {
            return;
        };
        let main = main.clone();
        let mut gone: Vec<std::path::PathBuf> =
            offered.into_iter().filter(|p| *p != main).collect();
        gone.extend(self.session.side.take());
        let snapshot = self.autosave_now();
        writer.save(main, snapshot);
        writer.remove(gone);
        self.mark_autosaved();
    }

    /// On closing the window: the work not yet autosaved is written now, before the program
    /// ends (the writer's thread would not outlive it).
    pub fn autosave_on_close(&mut self) {
        if !self.unsaved() {
            return;
        }
        let snapshot = self.autosave_now();
        // through the writer, after any save it is still writing, never beside it
        if let Some(target) = self.autosave_target()
            && let Some((_, writer)) = &self.session.autosave
        {
            writer.save_and_wait(target, snapshot, std::time::Duration::from_secs(10));
        }
        self.mark_autosaved();
    }
}
