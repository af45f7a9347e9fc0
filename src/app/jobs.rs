//! Work in the background, with its progress: walking distances along the streets, the walks to
//! a new building, the project being saved. [`Editor::logic`] polls them all, once a frame,
//! before anything is drawn.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use super::Editor;
use crate::i18n::{Lang, number, texts};

/// A walking column being routed: the territory's collège count it was made for, and the
/// matrix with the new columns.
pub type ColumnJob = Receiver<(usize, crate::routing::WalkMatrix)>;

/// Proposal files read: each path with what it proposes or why it was refused.
pub type ProposalsRead = Vec<(
    std::path::PathBuf,
    Result<Vec<crate::model::Scenario>, crate::io::proposals::ProposalError>,
)>;

/// The background jobs of an editor.
#[derive(Default)]
pub struct Jobs {
    /// Walking distances along the streets, being computed.
    pub(in crate::app) walk: Option<crate::ui::walk::WalkJob>,
    /// Walking distances to a new building.
    pub(in crate::app) column: Option<ColumnJob>,
    /// Proposal files being read: each file with its scenarios, or why it was refused.
    pub(in crate::app) proposals: Option<Receiver<ProposalsRead>>,
    /// The meeting record being written.
    pub(in crate::app) record: Option<Receiver<Result<std::path::PathBuf, String>>>,
    /// A save of the project.
    pub(in crate::app) saving: Option<Receiver<Result<std::path::PathBuf, String>>>,
    /// The window's context, to wake it when a job finishes.
    pub(in crate::app) ctx: Option<egui::Context>,
}

impl Editor {
    /// Receives what the background jobs finished, and autosaves: everything that is not
    /// drawing, once a frame.
    pub fn logic(&mut self, ctx: &egui::Context, lang: Lang) {
        self.walk_tick(ctx, lang);
        self.column_tick(ctx, lang);
        self.save_tick(lang);
        self.proposals_tick(lang);
        self.record_tick(lang);
        self.address_tick(lang);
        self.autosave_tick(ctx);
    }

    /// Whether walking distances along the streets are still being computed.
    pub fn walk_pending(&self) -> bool {
        self.jobs.walk.is_some()
    }

    /// True while a new collège's walks are being routed.
    pub fn column_pending(&self) -> bool {
        self.jobs.column.is_some()
    }

    /// Reads proposal files on a thread (the window never waits on a file).
    pub(in crate::app) fn read_proposals(&mut self, paths: Vec<std::path::PathBuf>) {
        let territory = self.doc.territory().clone();
        let baseline = self.doc.baseline().scenario.clone();
        let (tx, rx) = channel();
        let wake = self.jobs.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("proposals".into())
            .spawn(move || {
                let read: ProposalsRead = paths
                    .into_iter()
                    .map(|p| {
                        let r = crate::io::proposals::read_proposal(&p, &territory, &baseline);
                        (p, r)
                    })
                    .collect();
                let _ = tx.send(read);
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.jobs.proposals = Some(rx);
        }
    }

    /// Writes the meeting record on a thread: a PDF to read and a CSV to sort, each atomically,
    /// beside one another (`path` with the extensions `.pdf` and `.csv`).
    pub(in crate::app) fn write_record(&mut self, path: std::path::PathBuf, lang: Lang) {
        let config = self.doc.config().clone();
        let record = self.session.record.clone();
        let territory = self.doc.territory().clone();
        let (tx, rx) = channel();
        let wake = self.jobs.ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("record".into())
            .spawn(move || {
                let minutes = |m: f64| config.walk_minutes(m);
                let (pdf_path, csv_path) = (path.with_extension("pdf"), path.with_extension("csv"));
                let csv = record.to_csv(&territory, lang, &minutes);
                let result = record
                    .to_pdf(&territory, lang, &minutes, chrono::Utc::now())
                    .map_err(|e| e.to_string())
                    .and_then(|doc| {
                        // the PDF and its table are saved together, or neither
                        let files = [
                            (pdf_path.clone(), doc.pdf),
                            (csv_path.clone(), csv.into_bytes()),
                        ];
                        crate::io::atomic_write_set(&files).map_err(|e| {
                            crate::i18n::labelled(
                                lang,
                                &pdf_path.display().to_string(),
                                &crate::i18n::io_reason(lang, &e),
                            )
                        })
                    })
                    .map(|()| pdf_path);
                let _ = tx.send(result);
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.jobs.record = Some(rx);
        }
    }

    /// Whether the meeting record is being written.
    pub fn record_pending(&self) -> bool {
        self.jobs.record.is_some()
    }

    /// Says where the record was written, or why it was not.
    fn record_tick(&mut self, lang: Lang) {
        let Some(rx) = &self.jobs.record else {
            return;
        };
        let w = crate::i18n::scenarios::record_texts(lang);
        match rx.try_recv() {
            Ok(Ok(pdf)) => {
                let both = format!(
                    "{} + {}",
                    pdf.display(),
                    pdf.with_extension("csv").display()
                );
                self.status.say((w.exported)(&both));
                self.jobs.record = None;
            }
            Ok(Err(e)) => {
                self.status.say((w.export_failed)(&e));
                self.jobs.record = None;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.jobs.record = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Whether proposal files are being read.
    pub fn proposals_pending(&self) -> bool {
        self.jobs.proposals.is_some()
    }

    /// Adds the proposals read as scenarios (never two with one name), and says what was
    /// added and what was refused, why.
    fn proposals_tick(&mut self, lang: Lang) {
        let Some(rx) = &self.jobs.proposals else {
            return;
        };
        let read = match rx.try_recv() {
            Ok(read) => read,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Vec::new(),
        };
        self.jobs.proposals = None;
        let w = crate::i18n::scenarios::scenarios_texts(lang);
        let (files, mut added, mut refused) = (read.len(), 0, Vec::new());
        for (_, result) in read {
            match result {
                Ok(scenarios) => {
                    for mut s in scenarios {
                        let taken: Vec<String> = self
                            .doc
                            .scenarios()
                            .iter()
                            .map(|x| x.scenario.meta.name.clone())
                            .collect();
                        s.meta.name =
                            crate::io::proposals::unique_name(&taken, &s.meta.name, &s.meta.author);
                        self.doc.add_scenario(s);
                        added += 1;
                    }
                }
                Err(e) => refused.push(crate::i18n::scenarios::proposal_error(lang, &e)),
            }
        }
        let summary = (w.added)(added, files);
        let mut said = summary.clone();
        if !refused.is_empty() {
            said = format!(
                "{said} — {} {}",
                (w.refused)(refused.len()),
                refused.join(" ")
            );
        }
        self.status.say(said);
        if let Some(win) = &mut self.windows.scenarios {
            win.report = Some((summary, refused));
        }
    }

    /// The answer of a save running in the background.
    fn save_tick(&mut self, lang: Lang) {
        let tx = texts(lang);
        let Some(rx) = &self.jobs.saving else { return };
        match rx.try_recv() {
            Ok(Ok(path)) => {
                self.status.say(format!("{} {}", tx.saved, path.display()));
                self.jobs.saving = None;
            }
            Ok(Err(e)) => {
                self.status
                    .say(crate::i18n::labelled(lang, tx.save_failed, &e));
                self.jobs.saving = None;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.jobs.saving = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }

    /// Hands the walking matrix to the indicators once it is ready.
    fn walk_tick(&mut self, ctx: &egui::Context, lang: Lang) {
        use crate::ui::walk::WalkOutcome;
        let Some(job) = &self.jobs.walk else {
            return;
        };
        let Some(outcome) = job.poll() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.jobs.walk = None;
        let tx = texts(lang);
        match outcome {
            WalkOutcome::Routed {
                routed,
                streets,
                report,
            } => {
                if let Some((lines, names)) = streets {
                    self.doc.set_streets(lines, names);
                    // the map draws the new streets, the search finds their names
                    self.view.geometry.set_streets(self.doc.territory());
                    self.view.map_cache = Default::default();
                    if let Some(a) = &mut self.view.audience {
                        a.cache = Default::default();
                    }
                    self.address.gazetteer = None;
                    self.address.streets = None;
                }
                let mut config = self.doc.config().clone();
                let far = crate::ui::walk::far_notice(lang, &routed.matrix);
                config.streets = Some(Arc::new(routed.matrix));
                self.doc.set_config(config);
                self.session.street_m = Some(routed.street_m);
                let mut n = format!(
                    "{} ({} km {})",
                    tx.walk_ready,
                    number(lang, routed.street_m / 1000.0, 1),
                    tx.walk_of_streets
                );
                if let Some(f) = far {
                    n = format!("{n} — {f}");
                }
                if let Some(r) = report {
                    n = format!("{n} — {r}");
                }
                self.status.say(n);
            }
            WalkOutcome::Stopped => self.status.say(tx.walk_stopped.into()),
            WalkOutcome::Refused(why) => {
                if let Some(w) = &mut self.windows.walk {
                    w.refused = Some(why.clone());
                }
                self.status.say(why);
            }
        }
    }

    /// Routes the walks to the collèges added since the matrix was made (a new building).
    pub(in crate::app) fn route_new_colleges(&mut self) {
        let t = self.doc.territory().clone();
        if let Some(matrix) = self.doc.config().streets.clone() {
            let (tx, rx) = channel();
            let spawned = std::thread::Builder::new()
                .name("route-college".into())
                .spawn(move || {
                    let lines = t.streets.iter().cloned().map(geo::Geometry::LineString);
                    let Some(net) = crate::routing::StreetNetwork::from_lines(lines) else {
                        return;
                    };
                    let snapper = crate::routing::matrix::Snapper::new(&net);
                    let (units, colleges) = crate::routing::territory_points(&t);
                    let mut m = (*matrix).clone();
                    let first = m.colleges;
                    for (c, &at) in colleges.iter().enumerate().skip(first) {
                        crate::routing::matrix::recompute_college(
                            &net, &snapper, &mut m, &units, c, at,
                        );
                    }
                    let _ = tx.send((colleges.len(), m));
                });
            if spawned.is_ok() {
                self.jobs.column = Some(rx);
            }
        }
    }

    /// Hands a routed column to the indicators once it is ready.
    fn column_tick(&mut self, ctx: &egui::Context, lang: Lang) {
        let Some(rx) = &self.jobs.column else { return };
        match rx.try_recv() {
            Ok((count, m)) => {
                self.jobs.column = None;
                if count == self.doc.territory().colleges().len() {
                    let mut config = self.doc.config().clone();
                    config.streets = Some(std::sync::Arc::new(m));
                    self.doc.set_config(config);
                    // added to what the change said (where the pupils went), not in its place
                    let routed = texts(lang).college_routed;
                    self.status.append(routed);
                }
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.jobs.column = None,
        }
    }
}
