//! The editor driven as a user would, through egui_kittest: widgets found by their label,
//! clicks at the place a block is drawn.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]

use carte_mixite::app::{CarteApp, load};
use carte_mixite::i18n::Lang;
use carte_mixite::model::{CollegeId, Edit, UnitId};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;

fn harness() -> Harness<'static, CarteApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1400.0))
        .build_ui_state(
            |ui, app: &mut CarteApp| app.frame_ui(ui),
            CarteApp::with_loaded(load(None, Lang::Fr).unwrap(), Lang::Fr),
        );
    h.run_steps(3);
    settle(&mut h);
    h
}

/// Runs frames until the walking distances along the demo's streets are in (a background job
/// of a few milliseconds), so that tests start from a settled window.
fn settle(h: &mut Harness<'static, CarteApp>) {
    let t0 = std::time::Instant::now();
    while h.state().editor.as_ref().is_some_and(|e| e.walk_pending()) {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(10));
        assert!(
            t0.elapsed().as_secs() < 20,
            "the walking job never finished"
        );
    }
    h.run_steps(2);
}

/// Presses or releases the primary button at a position.
fn button(h: &Harness<'static, CarteApp>, pos: egui::Pos2, pressed: bool) {
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
}

fn click_at(h: &mut Harness<'static, CarteApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.run_steps(1);
    button(h, pos, true);
    button(h, pos, false);
    h.run_steps(2);
}

/// A block of the baseline sector of `from`, drawn inside the viewport.
fn block_of(h: &Harness<'static, CarteApp>, from: CollegeId) -> (UnitId, egui::Pos2) {
    let editor = h.state().editor.as_ref().unwrap();
    let s = &editor.doc.baseline().scenario;
    editor
        .doc
        .territory()
        .unit_ids()
        .filter(|&u| s.assignment(u).main_college() == Some(from))
        .filter_map(|u| Some((u, editor.unit_screen_pos(u)?)))
        .find(|(_, p)| p.x > 50.0 && p.x < 1000.0 && p.y > 80.0 && p.y < 850.0)
        .unwrap()
}

fn pupils_label(h: &Harness<'static, CarteApp>, college: &str) -> String {
    // the enrolment line of a card reads "618 élèves / 600 places"
    let editor = h.state().editor.as_ref().unwrap();
    let t = editor.doc.territory();
    let c = t.college_by_uai(college).unwrap();
    let i = editor.doc.active().metrics.college(c, t);
    format!("{}", i.pupils)
}

#[test]
fn selecting_a_college_then_clicking_a_block_moves_it_and_undo_restores() {
    let mut h = harness();
    let lm_before = pupils_label(&h, "0990104D");
    // pick Collège Louise-Michel by its card
    h.get_by_label("Collège Louise-Michel").click();
    h.run_steps(2);
    assert_eq!(
        h.state().editor.as_ref().unwrap().view.selected,
        Some(CollegeId(3))
    );
    // click a block of Jaurès' sector
    let (u, pos) = block_of(&h, CollegeId(0));
    click_at(&mut h, pos);
    let editor = h.state().editor.as_ref().unwrap();
    assert_eq!(
        editor.doc.active().scenario.assignment(u).main_college(),
        Some(CollegeId(3)),
        "the clicked block joins Louise-Michel"
    );
    assert!(
        !editor.doc.active_is_baseline(),
        "editing the baseline creates a scenario"
    );
    assert_ne!(pupils_label(&h, "0990104D"), lm_before);
    // the card shows the change with an arrow
    assert!(h.query_all_by_label_contains("▲").next().is_some());
    // undo with the button
    h.get_by_label("↶ Annuler").click();
    h.run_steps(2);
    assert_eq!(pupils_label(&h, "0990104D"), lm_before);
}

#[test]
fn ctrl_z_undoes_and_ctrl_y_redoes() {
    let mut h = harness();
    h.get_by_label("Collège Louise-Michel").click();
    h.run_steps(1);
    let (u, pos) = block_of(&h, CollegeId(0));
    click_at(&mut h, pos);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    let a = |h: &Harness<'static, CarteApp>| {
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .doc
            .active()
            .scenario
            .assignment(u)
            .main_college()
    };
    assert_eq!(a(&h), Some(CollegeId(0)));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run_steps(2);
    assert_eq!(a(&h), Some(CollegeId(3)));
}

#[test]
fn a_locked_block_does_not_change_when_clicked() {
    let mut h = harness();
    h.get_by_label("Collège Louise-Michel").click();
    h.run_steps(1);
    let (u, pos) = block_of(&h, CollegeId(0));
    {
        let editor = h.state_mut().editor.as_mut().unwrap();
        editor.run(
            carte_mixite::app::UiCommand::Apply(Edit::LockUnits(vec![(u, true)])),
            &mut Lang::Fr,
        );
        assert!(editor.doc.active().scenario.is_unit_locked(u));
    }
    click_at(&mut h, pos);
    let editor = h.state().editor.as_ref().unwrap();
    assert_eq!(
        editor.doc.active().scenario.assignment(u).main_college(),
        Some(CollegeId(0))
    );
    // and the facilitator is told why, in words
    let notice = editor.notice().unwrap_or_default().to_string();
    assert!(notice.contains("déverrouillez-le"), "{notice}");
    assert!(h.query_by_label_contains("déverrouillez-le").is_some());
}

#[test]
fn the_interface_switches_to_english() {
    let mut h = harness();
    assert!(h.query_by_label("↶ Annuler").is_some());
    h.get_by_label("EN").click();
    h.run_steps(2);
    assert!(h.query_by_label("↶ Undo").is_some());
    assert!(h.query_by_label_contains("FICTIONAL TOWN").is_some());
    let _ = Role::Button;
}

fn drag(h: &mut Harness<'static, CarteApp>, path: &[egui::Pos2]) {
    h.hover_at(path[0]);
    h.run_steps(1);
    button(h, path[0], true);
    h.run_steps(1);
    for p in &path[1..] {
        h.hover_at(*p);
        h.run_steps(1);
    }
    button(h, *path.last().unwrap(), false);
    h.run_steps(2);
}

fn changed(h: &Harness<'static, CarteApp>) -> usize {
    h.state()
        .editor
        .as_ref()
        .unwrap()
        .doc
        .changes_from_baseline()
        .0
        .len()
}

#[test]
fn a_brush_stroke_paints_several_blocks_and_is_one_undo_step() {
    let mut h = harness();
    h.get_by_label("Collège Louise-Michel").click();
    h.get_by_label("Pinceau").click();
    h.run_steps(1);
    // a stroke across Jaurès' sector, from one of its blocks towards its collège marker
    let (_, start) = block_of(&h, CollegeId(0));
    let path: Vec<egui::Pos2> = (0..12)
        .map(|k| start + egui::vec2(k as f32 * 8.0, k as f32 * 3.0))
        .collect();
    drag(&mut h, &path);
    let painted = changed(&h);
    assert!(painted >= 2, "the stroke painted {painted} blocks");
    let editor = h.state().editor.as_ref().unwrap();
    assert_eq!(
        editor.doc.active().history.undo_len(),
        1,
        "one stroke, one undo step"
    );
    h.get_by_label("↶ Annuler").click();
    h.run_steps(2);
    assert_eq!(changed(&h), 0);
}

#[test]
fn a_rectangle_gives_every_block_inside_to_the_selected_college() {
    let mut h = harness();
    h.get_by_label("Collège Louise-Michel").click();
    h.get_by_label("Rectangle").click();
    h.run_steps(1);
    let (_, p) = block_of(&h, CollegeId(0));
    drag(
        &mut h,
        &[p - egui::vec2(40.0, 40.0), p, p + egui::vec2(40.0, 40.0)],
    );
    let n = changed(&h);
    assert!(n >= 3, "{n} blocks changed");
    assert_eq!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .doc
            .active()
            .history
            .undo_len(),
        1
    );
}

#[test]
fn the_eyedropper_picks_the_college_of_a_block() {
    let mut h = harness();
    h.get_by_label("Pipette").click();
    h.run_steps(1);
    let (_, p) = block_of(&h, CollegeId(4));
    click_at(&mut h, p);
    assert_eq!(
        h.state().editor.as_ref().unwrap().view.selected,
        Some(CollegeId(4))
    );
    assert_eq!(changed(&h), 0, "picking changes nothing");
}

#[test]
fn the_map_as_drawn_always_matches_the_scenario() {
    let mut h = harness();
    // fills and sector outlines both follow every change
    let stale = |h: &Harness<'static, CarteApp>| {
        let e = h.state().editor.as_ref().unwrap();
        (e.stale_map_units(), e.stale_map_borders())
    };
    h.get_by_label("Collège Louise-Michel").click();
    h.get_by_label("Pinceau").click();
    h.run_steps(1);
    let (_, start) = block_of(&h, CollegeId(0));
    let path: Vec<egui::Pos2> = (0..10)
        .map(|k| start + egui::vec2(k as f32 * 8.0, 0.0))
        .collect();
    drag(&mut h, &path);
    h.run_steps(1);
    assert!(changed(&h) > 0);
    assert_eq!(
        h.state().editor.as_ref().unwrap().cached_unit_count(),
        346,
        "every block is drawn"
    );
    assert_eq!(stale(&h), (vec![], 0), "after a stroke");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(stale(&h), (vec![], 0), "after undo");
    h.get_by_label("par IPS").click();
    h.run_steps(2);
    assert_eq!(stale(&h), (vec![], 0), "after changing the colours");
    h.get_by_label("par collège").click();
    h.get_by_label("Clic").click();
    h.run_steps(1);
    let (_, p) = block_of(&h, CollegeId(2));
    click_at(&mut h, p);
    h.run_steps(1);
    assert_eq!(stale(&h), (vec![], 0), "after a click");
    h.get_by_label("Revenir à la carte actuelle").click();
    h.run_steps(2);
    assert_eq!(stale(&h), (vec![], 0), "after reset");
}

#[test]
fn work_is_autosaved_and_offered_back_at_the_next_start() {
    use carte_mixite::app::load_with_autosave;
    let dir = std::env::temp_dir().join(format!("cm-ui-autosave-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let session = |dir: &std::path::Path| {
        let mut h = Harness::builder()
            .with_size(egui::vec2(1600.0, 1400.0))
            .build_ui_state(
                |ui, app: &mut CarteApp| app.frame_ui(ui),
                CarteApp::with_loaded(load_with_autosave(None, dir, Lang::Fr).unwrap(), Lang::Fr),
            );
        h.run_steps(3);
        settle(&mut h);
        h
    };
    // first session: move a block, wait for the autosave
    let mut h = session(&dir);
    assert!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .session
            .recovered
            .is_none(),
        "nothing to recover yet"
    );
    h.get_by_label("Collège Louise-Michel").click();
    h.run_steps(1);
    let (u, p) = block_of(&h, CollegeId(0));
    // a remark of the room is work too (made first: the first change is saved at once)
    let remark = carte_mixite::publish::record::Remark {
        target: carte_mixite::publish::record::RemarkTarget::Unit(u),
        scenario: "Scénario 1".into(),
        text: "traversée de la rocade".into(),
        who: "parents".into(),
        at: "2026-12-04T10:00:00+01:00".into(),
    };
    h.state_mut().editor.as_mut().unwrap().run(
        carte_mixite::app::UiCommand::PinRemark(Box::new(remark.clone())),
        &mut Lang::Fr,
    );
    click_at(&mut h, p);
    let t0 = std::time::Instant::now();
    // the autosave itself, not the hidden temporary file it is written to before its rename
    // both the remark and the scenario written (the first change is saved at once, the next
    // a few seconds later)
    let saved = |dir: &std::path::Path| {
        std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                    .filter(|e| {
                        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                        text.contains("rocade") && !text.contains("\"scenarios\":[]")
                    })
                    .count()
            })
            .unwrap_or(0)
    };
    while saved(&dir) == 0 {
        // the app saves a few seconds (of its clock) after a change
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(t0.elapsed().as_secs() < 20, "no autosave written");
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    drop(h);
    // second session: the work is offered back, and comes back when accepted
    let mut h = session(&dir);
    assert!(
        h.query_by_label_contains("Travail retrouvé, enregistré automatiquement le")
            .is_some()
    );
    use egui_kittest::kittest::NodeT;
    let node = h.get_by_label_contains("Travail retrouvé");
    let banner = node
        .accesskit_node()
        .label()
        .or(node.accesskit_node().value())
        .unwrap_or_default();
    assert!(
        banner.ends_with(": 1 scénario et 1 remarque de la salle."),
        "{banner}"
    );
    h.get_by_label("Reprendre ce travail").click();
    h.run_steps(2);
    let editor = h.state().editor.as_ref().unwrap();
    assert_eq!(editor.session.record.remarks, vec![remark]);
    assert!(!editor.doc.active_is_baseline());
    assert_eq!(
        editor.doc.active().scenario.assignment(u).main_college(),
        Some(CollegeId(3))
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn stripes_follow_the_sectors_when_colours_run_out() {
    use carte_mixite::generate::{SyntheticSpec, synthetic_territory};
    use carte_mixite::publish::palette::sector_styles;
    let (t, baseline) = synthetic_territory(&SyntheticSpec {
        units: 1000,
        colleges: 20,
        seed: 3,
    });
    let styles = sector_styles(&t, &baseline);
    assert!(
        styles.hatched.iter().any(|h| *h),
        "20 collèges: some sectors striped"
    );
    let striped = CollegeId(styles.hatched.iter().position(|h| *h).unwrap() as u32);
    let plain = (0..20)
        .map(|i| CollegeId(i as u32))
        .find(|&c| {
            !styles.hatched[c.index()] && t.college(c).sector == carte_mixite::model::Sector::Public
        })
        .unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 950.0))
        .build_ui_state(
            |ui, app: &mut CarteApp| app.frame_ui(ui),
            CarteApp::with_loaded(carte_mixite::app::Loaded::new(t, baseline), Lang::Fr),
        );
    h.run_steps(3);
    let stale = |h: &Harness<'static, CarteApp>| {
        let e = h.state().editor.as_ref().unwrap();
        (
            e.stale_map_units(),
            e.stale_map_borders(),
            e.stale_map_stripes(),
        )
    };
    assert_eq!(stale(&h), (vec![], 0, 0), "first frame");
    // pick the striped collège with the eyedropper, then paint blocks of a plain sector into it
    h.get_by_label("Pipette").click();
    h.run_steps(1);
    let (_, p) = block_of(&h, striped);
    click_at(&mut h, p);
    assert_eq!(
        h.state().editor.as_ref().unwrap().view.selected,
        Some(striped)
    );
    h.get_by_label("Pinceau").click();
    h.run_steps(1);
    let (_, start) = block_of(&h, plain);
    let path: Vec<egui::Pos2> = (0..10)
        .map(|k| start + egui::vec2(k as f32 * 6.0, 0.0))
        .collect();
    drag(&mut h, &path);
    assert!(changed(&h) > 0);
    assert_eq!(
        stale(&h),
        (vec![], 0, 0),
        "after painting into a striped sector"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(changed(&h), 0);
    assert_eq!(stale(&h), (vec![], 0, 0), "after undo");
}

#[test]
fn a_facilitator_saves_the_project_and_it_opens_with_the_same_scenario() {
    let dir = std::env::temp_dir().join(format!("cm-ui-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("reunion");
    let mut h = harness();
    // move one block, so there is a scenario to keep
    h.get_by_label("Collège Louise-Michel").click();
    h.run_steps(1);
    let (u, p) = block_of(&h, CollegeId(0));
    click_at(&mut h, p);
    assert_eq!(changed(&h), 1);
    h.get_by_label("Enregistrer…").click();
    // the window takes a frame to size itself
    h.run_steps(4);
    replace_path(&mut h, &path);
    h.get_by_label("Enregistrer").click();
    let notice = wait_for_notice(&mut h, "Projet enregistré");
    assert!(notice.contains("reunion.cartemixite"), "{notice}");
    // the receiver opens it from the window, and sees the same scenario
    let file = dir.join("reunion.cartemixite");
    let mut other = harness();
    other.get_by_label("Ouvrir…").click();
    other.run_steps(4);
    other.get_by_label("Chemin du fichier").focus();
    other.run_steps(1);
    other
        .get_by_label("Chemin du fichier")
        .type_text(&file.display().to_string());
    other.run_steps(1);
    other.get_by_label("Ouvrir").click();
    let t0 = std::time::Instant::now();
    while other.state().editor.as_ref().unwrap().doc.scenarios().len() < 2 {
        other.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(t0.elapsed().as_secs() < 10, "the project did not open");
    }
    let opened = &other.state().editor.as_ref().unwrap().doc;
    assert_eq!(opened.active_index(), 1);
    assert_eq!(
        opened.active().scenario.assignment(u).main_college(),
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .doc
            .active()
            .scenario
            .assignment(u)
            .main_college()
    );
    // and the file read directly gives the same
    let loaded = carte_mixite::app::load(
        Some(&file.display().to_string()),
        carte_mixite::i18n::Lang::Fr,
    )
    .unwrap();
    assert_eq!(loaded.doc.scenarios().len(), 2);
    assert_eq!(loaded.doc.active_index(), 1);
    let moved = &loaded.doc.active().scenario;
    assert_ne!(
        moved.assignment(u).main_college(),
        loaded.doc.baseline().scenario.assignment(u).main_college(),
        "the moved block is in the saved scenario"
    );
}

/// Types into the text field with this label.
fn type_into(h: &mut Harness<'static, CarteApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run_steps(1);
    h.get_by_label(label).type_text(text);
    h.run_steps(1);
}

/// Replaces the path a file dialog suggests with `path`.
fn replace_path(h: &mut Harness<'static, CarteApp>, path: &std::path::Path) {
    h.get_by_label("Chemin du fichier").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_label("Chemin du fichier")
        .type_text(&path.display().to_string());
    h.run_steps(1);
}

/// Runs frames until the status line starts with `start` (a background job's answer), and
/// returns it; fails after 10 s.
fn wait_for_notice(h: &mut Harness<'static, CarteApp>, start: &str) -> String {
    let t0 = std::time::Instant::now();
    loop {
        h.run_steps(1);
        let notice = h
            .state()
            .editor
            .as_ref()
            .unwrap()
            .notice()
            .unwrap_or("")
            .to_string();
        if notice.starts_with(start) {
            return notice;
        }
        assert!(
            t0.elapsed().as_secs() < 10,
            "still waiting for « {start} »: {notice}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Runs frames until a widget with this label appears (a background job's result).
fn wait(h: &mut Harness<'static, CarteApp>, label: &str) {
    let t0 = std::time::Instant::now();
    while h.query_by_label(label).is_none() {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(t0.elapsed().as_secs() < 10, "{label} never appeared");
    }
}

#[test]
fn the_import_assistant_builds_a_territory_and_opens_it() {
    let dir = std::env::temp_dir().join(format!("cm-ui-import-{}", std::process::id()));
    common::small_open_data(&dir);
    let mut h = harness();
    h.get_by_label("Importer…").click();
    h.run_steps(4);
    type_into(&mut h, "Nom du territoire", "Petit test");
    type_into(
        &mut h,
        "Îlots (IRIS)",
        &dir.join("iris.geojson").display().to_string(),
    );
    type_into(
        &mut h,
        "Collèges",
        &dir.join("colleges.csv").display().to_string(),
    );
    h.get_by_label("Lire les colonnes").click();
    wait(&mut h, "d'après la colonne collège");
    // the usual column names were recognised
    let key = h.get_by_label("Identifiant").value().unwrap_or_default();
    assert_eq!(key, "CODE_IRIS");
    h.get_by_label("d'après la colonne collège").click();
    h.run_steps(1);
    h.get_by_label("Importer").click();
    wait(&mut h, "Ouvrir dans l'éditeur");
    // the window grows with the report: let its layout settle before clicking
    h.run_steps(2);
    h.get_by_label("Ouvrir dans l'éditeur").click();
    h.run_steps(3);
    let editor = h.state().editor.as_ref().unwrap();
    assert_eq!(editor.doc.territory().info.name, "Petit test");
    assert_eq!(editor.doc.territory().units().len(), 4);
    assert!(editor.doc.territory().unit_ids().all(|u| {
        editor
            .doc
            .baseline()
            .scenario
            .assignment(u)
            .main_college()
            .is_some()
    }));
}

#[test]
fn the_import_assistant_reads_the_sector_columns_and_lists_what_did_not_match() {
    let dir = std::env::temp_dir().join(format!("cm-ui-import-sectors-{}", std::process::id()));
    common::small_open_data(&dir);
    // two sectors over the four units, with the collège in a column no suggestion knows, and a
    // third sector whose collège is in no table
    let rect = |x0: f64, y0: f64, x1: f64, y1: f64| {
        format!("[[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]]")
    };
    let sectors = [
        ("0590001A", rect(704_000.0, 7_059_000.0, 705_000.0, 7_059_500.0)),
        ("0590002B", rect(704_000.0, 7_059_500.0, 705_000.0, 7_060_000.0)),
        ("0590009Z", rect(710_000.0, 7_059_000.0, 711_000.0, 7_060_000.0)),
    ]
    .iter()
    .map(|(code, ring)| {
        format!(
            r#"{{"type":"Feature","properties":{{"etab":"{code}"}},"geometry":{{"type":"Polygon","coordinates":{ring}}}}}"#
        )
    })
    .collect::<Vec<_>>()
    .join(",");
    std::fs::write(
        dir.join("secteurs.geojson"),
        format!(
            r#"{{"type":"FeatureCollection","crs":{{"type":"name","properties":{{"name":"urn:ogc:def:crs:EPSG::2154"}}}},"features":[{sectors}]}}"#
        ),
    )
    .unwrap();
    let mut h = harness();
    h.get_by_label("Importer…").click();
    h.run_steps(4);
    type_into(&mut h, "Nom du territoire", "Secteurs");
    let path = |f: &str| dir.join(f).display().to_string();
    type_into(&mut h, "Îlots (IRIS)", &path("iris.geojson"));
    type_into(&mut h, "Collèges", &path("colleges.csv"));
    type_into(
        &mut h,
        "Secteurs actuels (facultatif)",
        &path("secteurs.geojson"),
    );
    h.get_by_label("Lire les colonnes").click();
    let combo = "Colonne du collège (UAI) dans les secteurs :";
    wait(&mut h, combo);
    // nothing suggested for "etab": the user picks it
    h.get_by_label(combo).click();
    h.run_steps(2);
    h.get_by_label("etab").click();
    h.run_steps(2);
    assert_eq!(h.get_by_label(combo).value().unwrap_or_default(), "etab");
    h.get_by_label("Importer").click();
    wait(&mut h, "Ouvrir dans l'éditeur");
    h.run_steps(2);
    // the sector whose collège is in no table is listed, by its key
    assert!(h.query_by_label("Clés sans correspondance (1)").is_some());
    assert!(
        h.query_by_label_contains("« 0590009Z » introuvable")
            .is_some(),
        "the unmatched key is listed"
    );
    // the sections open with an animation: let the layout settle before clicking
    h.run_steps(10);
    h.get_by_label("Ouvrir dans l'éditeur").click();
    h.run_steps(3);
    let editor = h.state().editor.as_ref().unwrap();
    let t = editor.doc.territory();
    assert_eq!(t.info.name, "Secteurs");
    let b = &editor.doc.baseline().scenario;
    // each unit went to the sector over it
    for u in t.unit_ids() {
        let unit = t.unit(u);
        let expected = if unit.key.ends_with('0') || unit.key.ends_with('1') {
            "0590001A"
        } else {
            "0590002B"
        };
        let c = b.assignment(u).main_college().unwrap();
        assert_eq!(t.college(c).uai, expected, "{}", unit.key);
    }
}

#[test]
fn walking_figures_come_from_the_streets_once_routed_and_say_so() {
    let h = harness();
    let editor = h.state().editor.as_ref().unwrap();
    let config = editor.doc.config();
    assert_eq!(
        config.walk_source(),
        carte_mixite::metrics::WalkSource::Streets,
        "the demo's streets were routed"
    );
    // a walk along the streets is never shorter than the straight line
    let t = editor.doc.territory();
    let m = &editor.doc.active().metrics;
    let mut longer = 0;
    for u in t.unit_ids() {
        for (k, _) in t.colleges().iter().enumerate() {
            let c = CollegeId(k as u32);
            let street = m.walk_m(t, u, c).unwrap();
            let straight = t.straight_line_m(u, c);
            assert!(street >= straight * 0.99, "{street} < {straight}");
            longer += usize::from(street > straight * 1.2);
        }
    }
    assert!(
        longer > 0,
        "the river and the block edges make some walks longer"
    );
    // pupils who would need school transport: the scenario's total is the collèges' sum, shown
    let total: f64 = (0..t.colleges().len())
        .map(|k| m.college(CollegeId(k as u32), t).pupils_beyond_walk)
        .sum();
    assert!((m.territory().pupils_beyond_walk - total).abs() < 1e-6);
    assert!(
        h.query_by_label_contains("Élèves à plus de 2,0 km (par les rues)")
            .is_some()
    );
    // the cards say where the figures come from
    assert!(h.query_all_by_label_contains("par les rues").count() >= 9);
    assert_eq!(h.query_all_by_label_contains("à vol d'oiseau").count(), 0);
}

#[test]
fn the_reach_map_follows_the_chosen_college() {
    let mut h = harness();
    h.get_by_label("à pied du collège").click();
    h.run_steps(2);
    // no collège chosen yet: every block is grey, and the legend asks for one
    let editor = h.state().editor.as_ref().unwrap();
    assert_eq!(
        editor.view.coloring,
        carte_mixite::ui::coloring::Coloring::Reach
    );
    assert!(editor.stale_map_units().is_empty());
    for name in ["Collège Louise-Michel", "Collège Jean-Jaurès"] {
        h.get_by_label(name).click();
        h.run_steps(3);
        // the map is redrawn for the new collège: no block keeps the old one's band
        assert!(
            h.state()
                .editor
                .as_ref()
                .unwrap()
                .stale_map_units()
                .is_empty()
        );
    }
}

#[test]
fn a_street_file_loaded_in_the_window_gives_walks_and_stays_in_the_project() {
    let dir = std::env::temp_dir().join(format!("cm-ui-streets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // the demo without its streets, and its streets in a file of their own
    let (mut t, baseline) = carte_mixite::io::territory_files::embedded_demo().unwrap();
    let features: Vec<serde_json::Value> = t
        .streets
        .iter()
        .map(|l| {
            let coords: Vec<[f64; 2]> = l.coords().map(|c| [c.x, c.y]).collect();
            serde_json::json!({"type": "Feature", "properties": {},
                "geometry": {"type": "LineString", "coordinates": coords}})
        })
        .collect();
    let file = dir.join("rues.geojson");
    std::fs::write(
        &file,
        serde_json::json!({"type": "FeatureCollection", "features": features}).to_string(),
    )
    .unwrap();
    t.streets.clear();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1400.0))
        .build_ui_state(
            |ui, app: &mut CarteApp| app.frame_ui(ui),
            CarteApp::with_loaded(carte_mixite::app::Loaded::new(t, baseline), Lang::Fr),
        );
    h.run_steps(3);
    let straight = carte_mixite::metrics::WalkSource::StraightLine { detour_factor: 1.0 };
    assert_eq!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .doc
            .config()
            .walk_source(),
        straight
    );
    h.get_by_label("Marche à pied…").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("Ce territoire n'a pas de rues")
            .is_some()
    );
    // hovered first, as a hand does: the help bubble opens before the click
    h.get_by_label("Charger un fichier de rues…").hover();
    h.run_steps(2);
    h.get_by_label("Charger un fichier de rues…").click();
    h.run_steps(3);
    type_into(&mut h, "Chemin du fichier", &file.display().to_string());
    h.get_by_label("Ouvrir").click();
    h.run_steps(2);
    settle(&mut h);
    let editor = h.state().editor.as_ref().unwrap();
    assert_eq!(
        editor.doc.config().walk_source(),
        carte_mixite::metrics::WalkSource::Streets,
        "{:?}",
        editor.notice()
    );
    assert!(!editor.doc.territory().streets.is_empty());
    // the same walks as the demo routed on its own streets
    let own = harness();
    let own = own.state().editor.as_ref().unwrap();
    let (t1, t2) = (editor.doc.territory(), own.doc.territory());
    for u in t1.unit_ids().step_by(7) {
        for c in t1.college_ids() {
            let (a, b) = (
                editor.doc.active().metrics.walk_m(t1, u, c),
                own.doc.active().metrics.walk_m(t2, u, c),
            );
            assert!(
                a.zip(b).is_some_and(|(a, b)| (a - b).abs() < 0.5),
                "{a:?} {b:?}"
            );
        }
    }
    // the window now says the walks follow the streets
    assert!(
        h.query_by_label_contains("Les distances à pied suivent les rues")
            .is_some()
    );
    // saved in a project, the streets come back with it
    let project = dir.join("avec-rues.cartemixite");
    let doc = &editor.doc;
    let scenarios: Vec<&carte_mixite::model::Scenario> = Vec::new();
    carte_mixite::io::project::write_project(
        &project,
        doc.territory(),
        &doc.baseline().scenario,
        &scenarios,
        0,
        doc.config(),
        &Default::default(),
    )
    .unwrap();
    let p = carte_mixite::io::project::read_project(&project).unwrap();
    assert_eq!(p.territory.streets.len(), doc.territory().streets.len());
}

#[test]
fn meeting_mode_shows_every_college_switches_before_after_and_leaves_with_escape() {
    let mut h = harness();
    assert!(h.query_by_label("Pinceau").is_some());
    h.get_by_label("Mode réunion (F5)").click();
    h.run_steps(3);
    // the technical tools are gone, every collège is there at a glance
    assert!(h.query_by_label("Pinceau").is_none());
    assert!(h.query_by_label("Enregistrer…").is_none());
    assert!(h.query_by_label("Sur 100 élèves").is_some());
    assert!(h.query_by_label("À pied").is_some());
    assert!(h.query_all_by_label_contains(" min").count() >= 9);
    // the territory in one sentence
    assert!(h.query_by_label_contains("Écart d’IPS :").is_some());
    assert!(h.query_by_label_contains("Séparation sociale :").is_some());
    // pick a collège on its line, give it a block on the map
    h.get_by_label("L.-Michel").click();
    h.run_steps(1);
    // a block on the room's map (left of the collèges' panel), on the sector's edge: clear of
    // the collège's marker and label, which a click would pick instead
    let (u, p) = {
        let editor = h.state().editor.as_ref().unwrap();
        let s = &editor.doc.baseline().scenario;
        let blocks: Vec<(UnitId, egui::Pos2)> = editor
            .doc
            .territory()
            .unit_ids()
            .filter(|&u| s.assignment(u).main_college() == Some(CollegeId(0)))
            .filter_map(|u| Some((u, editor.unit_screen_pos(u)?)))
            .collect();
        let n = blocks.len() as f32;
        let mid = blocks
            .iter()
            .fold(egui::Vec2::ZERO, |a, (_, p)| a + p.to_vec2())
            / n;
        *blocks
            .iter()
            .filter(|(_, p)| p.x > 50.0 && p.x < 700.0)
            .max_by(|a, b| {
                let d = |p: egui::Pos2| (p.to_vec2() - mid).length();
                d(a.1).total_cmp(&d(b.1))
            })
            .unwrap()
    };
    click_at(&mut h, p);
    h.run_steps(2);
    assert_eq!(changed(&h), 1);
    assert!(
        h.query_by_label_contains("1 îlot change de collège")
            .is_some()
    );
    // the changed collèges' lines say what they were before
    assert!(said_before(&h) >= 2);
    // before: the current map, on the map and the cards; nothing can be changed there
    h.get_by_label("Avant : carte actuelle").click();
    h.run_steps(3);
    let editor = h.state().editor.as_ref().unwrap();
    assert!(editor.view.meeting.unwrap().before);
    assert!(
        editor.stale_map_units().is_empty(),
        "the map shows the baseline"
    );
    assert_eq!(said_before(&h), 0);
    let (_, p2) = block_of(&h, CollegeId(1));
    click_at(&mut h, p2);
    assert_eq!(changed(&h), 1, "a click on the current map changes nothing");
    // after again, then undo
    h.get_by_label_contains("Après :").click();
    h.run_steps(3);
    assert!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .stale_map_units()
            .is_empty()
    );
    h.get_by_label("↶ Annuler").click();
    h.run_steps(2);
    assert_eq!(changed(&h), 0);
    assert_eq!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .doc
            .active()
            .scenario
            .assignment(u)
            .main_college(),
        Some(CollegeId(0))
    );
    // Escape leaves: the full editor is back
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert!(h.state().editor.as_ref().unwrap().view.meeting.is_none());
    assert!(h.query_by_label("Pinceau").is_some());
    // and F5 enters again
    h.key_press(egui::Key::F5);
    h.run_steps(3);
    assert!(h.state().editor.as_ref().unwrap().view.meeting.is_some());
}

/// How many lines of the room's view say what a collège was before the change.
fn said_before(h: &Harness<'static, CarteApp>) -> usize {
    h.query_all_by_label_contains("avant : ").count()
}

fn meeting_harness(width: f32, height: f32) -> Harness<'static, CarteApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(
            |ui, app: &mut CarteApp| app.frame_ui(ui),
            CarteApp::with_loaded(load(None, Lang::Fr).unwrap(), Lang::Fr),
        );
    h.run_steps(3);
    settle(&mut h);
    h
}

#[test]
fn the_room_sees_every_college_whole_at_1920_by_1080_and_1280_by_720() {
    for (width, height) in [(1920.0, 1080.0), (1280.0, 720.0)] {
        let mut h = meeting_harness(width, height);
        h.key_press(egui::Key::F5);
        h.run_steps(3);
        // a change, so that some lines are enlarged and say what they were before
        let (u, _) = block_of(&h, CollegeId(0));
        let mut lang = Lang::Fr;
        let e = h.state_mut().editor.as_mut().unwrap();
        e.run(
            carte_mixite::app::UiCommand::Select(CollegeId(3)),
            &mut lang,
        );
        e.run(carte_mixite::app::UiCommand::AssignToSelected(u), &mut lang);
        h.run_steps(3);
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width, height));
        let editor = h.state().editor.as_ref().unwrap();
        let t = editor.doc.territory();
        let texts = &editor.view.room_texts;
        for c in t
            .colleges()
            .iter()
            .filter(|c| c.sector == carte_mixite::model::Sector::Public)
        {
            let placed = texts
                .iter()
                .find(|p| p.text == c.short_name)
                .unwrap_or_else(|| panic!("{} is not listed at {width}×{height}", c.short_name));
            assert!(!placed.cut, "{} is cut at {width}×{height}", c.short_name);
            assert!(
                screen.contains_rect(placed.rect),
                "{} is off screen",
                c.short_name
            );
            // and the label a screen reader (or a test) finds is that one
            assert!(screen.contains_rect(h.get_by_label(&c.short_name).rect()));
        }
        for p in texts {
            assert!(
                !p.cut,
                "\"{}\" is cut at {width}×{height}: {:?}",
                p.text, texts
            );
            assert!(screen.contains_rect(p.rect), "\"{}\" is off screen", p.text);
        }
        assert!(texts.iter().any(|p| p.text.starts_with("avant : ")));
        assert!(h.query_by_label_contains("Séparation sociale :").is_some());
    }
}

#[test]
fn the_audience_window_follows_the_facilitator_without_menus_and_closes() {
    use carte_mixite::app::UiCommand;
    let mut h = meeting_harness(1920.0, 1080.0);
    h.get_by_label("Écran du public").click();
    h.run_steps(3);
    let editor = h.state().editor.as_ref().unwrap();
    assert!(editor.view.audience.is_some());
    // the room's view of every collège, in the audience window (the editor keeps its tools)
    assert!(h.query_by_label("Pinceau").is_some());
    let listed = |h: &Harness<'static, CarteApp>| -> Vec<String> {
        let a = h
            .state()
            .editor
            .as_ref()
            .unwrap()
            .view
            .audience
            .as_ref()
            .unwrap();
        a.texts.iter().map(|p| p.text.clone()).collect()
    };
    for name in ["Jaurès", "Hugo", "L.-Michel", "Claudel"] {
        assert!(listed(&h).iter().any(|t| t == name), "{name}");
    }
    assert!(!listed(&h).iter().any(|t| t.starts_with("avant : ")));
    // an edit in the editor is on the audience's screen at once (made by commands: here the
    // audience window is drawn inside the editor's, over its map)
    let (u, _) = block_of(&h, CollegeId(0));
    let mut lang = Lang::Fr;
    let e = h.state_mut().editor.as_mut().unwrap();
    e.run(UiCommand::Select(CollegeId(3)), &mut lang);
    e.run(UiCommand::AssignToSelected(u), &mut lang);
    h.run_steps(3);
    assert!(listed(&h).iter().any(|t| t.starts_with("avant : ")));
    // (said in the editor's status and on the audience's screen)
    assert_eq!(
        h.query_all_by_label_contains("1 îlot change de collège")
            .count(),
        2
    );
    // the audience follows "before" too, switched from the editor's bar (by its command here:
    // the embedded window covers the bar)
    assert!(h.query_by_label("Avant : carte actuelle").is_some());
    assert!(h.query_by_label("Après : la proposition").is_some());
    let e = h.state_mut().editor.as_mut().unwrap();
    e.run(UiCommand::ShowBefore(true), &mut lang);
    h.run_steps(3);
    assert!(!listed(&h).iter().any(|t| t.starts_with("avant : ")));
    let e = h.state_mut().editor.as_mut().unwrap();
    e.run(UiCommand::ShowBefore(false), &mut lang);
    h.run_steps(3);
    assert!(listed(&h).iter().any(|t| t.starts_with("avant : ")));
    // closed from the editor (the same button, or the window's own close box)
    assert!(h.query_by_label("Écran du public").is_some());
    let e = h.state_mut().editor.as_mut().unwrap();
    e.run(UiCommand::ToggleAudience(None), &mut lang);
    h.run_steps(3);
    assert!(h.state().editor.as_ref().unwrap().view.audience.is_none());
}

#[test]
fn meeting_mode_never_shows_a_count_under_five() {
    let mut h = harness();
    h.key_press(egui::Key::F5);
    h.run_steps(3);
    // every number before "élèves" in the window is 0 or at least 5
    use egui_kittest::kittest::NodeT;
    let check = |h: &Harness<'static, CarteApp>| {
        for node in h.query_all_by_label_contains("élèves") {
            let label = node.accesskit_node().label().unwrap_or_default();
            let words: Vec<&str> = label.split_whitespace().collect();
            for w in words.windows(2) {
                if w[1].starts_with("élèves")
                    && let Ok(n) = w[0].replace('\u{a0}', "").parse::<f64>()
                {
                    assert!(n == 0.0 || n >= 5.0, "{label}");
                }
            }
        }
    };
    check(&h);
    // hover a block of fewer than 5 pupils: its count is not shown
    let editor = h.state().editor.as_ref().unwrap();
    let t = editor.doc.territory();
    let small = t
        .unit_ids()
        .filter(|&u| {
            t.unit(u)
                .population
                .pupils
                .is_some_and(|n| n.round() > 0.0 && n.round() < 5.0)
        })
        .find_map(|u| {
            editor
                .unit_screen_pos(u)
                .filter(|p| p.x < 900.0 && p.y > 150.0)
        });
    if let Some(p) = small {
        h.hover_at(p);
        h.run_steps(2);
        assert!(h.query_by_label_contains("moins de 5 élèves").is_some());
        check(&h);
    }
    // the social mix of a card keeps small groups hidden
    let editor = h.state().editor.as_ref().unwrap();
    let t = editor.doc.territory();
    let privacy = carte_mixite::metrics::Confidentiality::default();
    for c in t.college_ids() {
        let i = editor.doc.active().metrics.college(c, t);
        if let Some(shares) = &i.group_shares {
            let counts: Vec<f64> = shares.iter().map(|s| s * i.pupils).collect();
            let shown = privacy.parts(&counts);
            assert_ne!(shown.iter().filter(|v| v.is_none()).count(), 1);
        }
    }
}

/// Runs frames until a widget whose label contains this appears.
fn wait_contains(h: &mut Harness<'static, CarteApp>, part: &str) {
    let t0 = std::time::Instant::now();
    while h.query_by_label_contains(part).is_none() {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(t0.elapsed().as_secs() < 20, "{part} never appeared");
    }
}

/// The combo box showing this choice.
fn combo<'a>(h: &'a Harness<'static, CarteApp>, value: &str) -> Option<egui_kittest::Node<'a>> {
    use egui_kittest::kittest::NodeT;
    h.query_all_by_role(Role::ComboBox)
        .find(|n| n.accesskit_node().value().as_deref() == Some(value))
}

#[test]
fn two_scenarios_are_compared_side_by_side_with_their_differences() {
    let mut h = harness();
    // a proposal: one block of Jaurès goes to Louise-Michel
    h.get_by_label("Collège Louise-Michel").click();
    h.run_steps(1);
    let (_, p) = block_of(&h, CollegeId(0));
    click_at(&mut h, p);
    assert_eq!(changed(&h), 1);
    h.get_by_label("Comparer deux scénarios…").click();
    h.run_steps(3);
    // A is the current map, B the proposal; both maps are drawn in the background
    assert!(combo(&h, "A\u{a0}: Carte actuelle").is_some());
    assert!(combo(&h, "B\u{a0}: Scénario 1").is_some());
    // one block, said in the singular
    wait_contains(&mut h, "1 îlot va dans un autre collège");
    let editor = h.state().editor.as_ref().unwrap();
    let s = editor.doc.active();
    let t = editor.doc.territory();
    let before = editor
        .doc
        .baseline()
        .metrics
        .college(CollegeId(3), t)
        .pupils;
    let after = s.metrics.college(CollegeId(3), t).pupils;
    // the table gives Louise-Michel's pupils in A and in B
    let row = format!(
        "{} → {}",
        carte_mixite::i18n::number(Lang::Fr, before, 0),
        carte_mixite::i18n::number(Lang::Fr, after, 0)
    );
    assert!(h.query_by_label(&row).is_some(), "no cell {row:?}");
    let t0 = std::time::Instant::now();
    while h.state().editor.as_ref().unwrap().compare_drawing() {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(t0.elapsed().as_secs() < 20, "the maps were never drawn");
    }
    h.run_steps(2);
    assert!(h.query_by_label("Dessin de la carte…").is_none());
    // the same scenario on both sides: nothing to compare
    combo(&h, "B\u{a0}: Scénario 1").unwrap().click();
    h.run_steps(2);
    h.get_by_label("Carte actuelle").click();
    h.run_steps(3);
    assert!(
        h.query_by_label("Choisissez deux scénarios différents.")
            .is_some()
    );
    // in English too
    h.get_by_label("EN").click();
    h.run_steps(3);
    assert!(h.query_by_label("Pick two different scenarios.").is_some());
}

#[test]
fn a_handout_is_written_from_the_window_with_its_author() {
    let dir = std::env::temp_dir().join(format!("cm-ui-handout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness();
    h.get_by_label("Collège Louise-Michel").click();
    h.run_steps(1);
    let (_, p) = block_of(&h, CollegeId(0));
    click_at(&mut h, p);
    h.get_by_label("Documents pour le public…").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("effectifs de moins de 5 élèves")
            .is_some()
    );
    h.get_by_label("Auteur du scénario\u{a0}:").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    type_into(&mut h, "Auteur du scénario\u{a0}:", "Parents du Nord");
    for (button, file) in [("Fiche PDF…", "fiche"), ("Tableau (CSV)…", "tableau")] {
        h.get_by_label(button).hover();
        h.run_steps(1);
        h.get_by_label(button).click();
        h.run_steps(4);
        type_into(
            &mut h,
            "Chemin du fichier",
            &dir.join(file).display().to_string(),
        );
        h.get_by_label("Enregistrer").click();
        wait_contains(&mut h, &format!("{file}."));
        h.run_steps(1);
    }
    let pdf = std::fs::read(dir.join("fiche.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let table = std::fs::read_to_string(dir.join("tableau.csv")).unwrap();
    // as a French spreadsheet reads it: `;` between fields, decimal commas
    assert!(table.starts_with("collège;secteur;élèves avant"), "{table}");
    assert!(table.contains("Collège Louise-Michel;public;"));
    assert!(table.contains(";79,2;"), "{table}");
    let editor = h.state().editor.as_ref().unwrap();
    assert_eq!(editor.doc.active().scenario.meta.author, "Parents du Nord");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_assistant_proposes_a_map_and_the_facilitator_keeps_part_of_it() {
    let mut h = harness();
    h.get_by_label("Assistant…").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("Séparation sociale entre collèges (indice H")
            .is_some()
    );
    h.state_mut()
        .editor
        .as_mut()
        .unwrap()
        .assistant_window()
        .unwrap()
        .seconds = 1.0;
    h.get_by_label("Lancer la recherche").click();
    h.run_steps(2);
    assert!(h.state().editor.as_ref().unwrap().assistant_running());
    wait_contains(&mut h, "Créer le scénario avec les");
    // the map previews the proposal (every move checked), applying nothing
    h.run_steps(2);
    assert!(h.query_by_label_contains("Aperçu de l’assistant").is_some());
    let (n, blocks, checked) = {
        let w = h
            .state_mut()
            .editor
            .as_mut()
            .unwrap()
            .assistant_window()
            .unwrap();
        let p = w.proposal().unwrap();
        assert!(p.value < p.start_value);
        let n = p.moves.len();
        assert!(n >= 2, "{n}");
        // the demo's blocks move école by école
        assert!(p.moves.iter().all(|m| m.school.is_some()));
        let blocks: usize = p.moves.iter().map(|m| m.units.len()).sum();
        let first = p.moves[0].units.len();
        assert_eq!(w.preview().unwrap().moved.len(), blocks);
        w.set_kept(0, false);
        // unchecking a move takes it off the preview
        assert_eq!(w.preview().unwrap().moved.len(), blocks - first);
        // and the moves left are checked as a whole
        (n, blocks - first, w.checked().unwrap().clone())
    };
    assert_eq!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .doc
            .changes_from_baseline()
            .0
            .len(),
        0
    );
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Avec les changements cochés : ")
            .is_some()
    );
    // a part of a proposal may break the limits the whole kept: the window says which and by
    // how much before the scenario is made
    let breaks = !checked.breaches.is_empty();
    let label = if breaks {
        assert!(
            h.query_by_label_contains("Ces changements dépassent")
                .is_some()
        );
        format!(
            "Créer le scénario malgré tout avec les {} changements cochés",
            n - 1
        )
    } else {
        format!("Créer le scénario avec les {} changements cochés", n - 1)
    };
    h.get_by_label(&label).click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("Aperçu de l’assistant").is_none());
    let editor = h.state().editor.as_ref().unwrap();
    assert_eq!(editor.doc.scenarios().len(), 2);
    assert_eq!(editor.doc.active_index(), 1);
    assert_eq!(editor.doc.changes_from_baseline().0.len(), blocks);
    let s = &editor.doc.active().scenario;
    assert!(s.meta.name.starts_with("Proposition de l’assistant"));
    assert!(
        s.meta.notes.contains("Proposé par l’assistant"),
        "{}",
        s.meta.notes
    );
    let h_of = |m: &carte_mixite::metrics::Metrics| m.territory().entropy.unwrap().indices.h;
    assert!(h_of(&editor.doc.active().metrics) < h_of(&editor.doc.baseline().metrics));
    // the index the window announced for the checked moves is the scenario's
    assert!((checked.value.unwrap() - h_of(&editor.doc.active().metrics)).abs() < 1e-9);
    // and the notes, printed on the handout, say which limits the kept changes break
    assert_eq!(
        s.meta
            .notes
            .contains("Limites dépassées par les changements gardés"),
        breaks,
        "{}",
        s.meta.notes
    );
    assert!(
        editor
            .notice()
            .unwrap()
            .contains("îlots changent de collège")
    );
    // one undo step gives the whole proposal back
    h.get_by_label("↶ Annuler").click();
    h.run_steps(2);
    assert_eq!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .doc
            .changes_from_baseline()
            .0
            .len(),
        0
    );
}

#[test]
fn closing_a_college_sends_its_blocks_to_the_nearest_and_undo_reopens_it() {
    let mut h = harness();
    let pupils = {
        let e = h.state().editor.as_ref().unwrap();
        e.doc
            .baseline()
            .metrics
            .college(CollegeId(0), e.doc.territory())
            .pupils
    };
    // the first card is Jean-Jaurès's
    h.query_all_by_label("Fermer").next().unwrap().click();
    h.run_steps(3);
    let e = h.state().editor.as_ref().unwrap();
    assert_eq!(e.doc.active_index(), 1, "the current map is never changed");
    assert!(!e.doc.active().scenario.is_college_open(CollegeId(0)));
    assert_eq!(
        e.doc
            .active()
            .metrics
            .college(CollegeId(0), e.doc.territory())
            .pupils,
        0.0
    );
    let notice = e.notice().unwrap().to_string();
    assert!(notice.contains("fermé"), "{notice}");
    assert!(
        notice.contains(&carte_mixite::i18n::number(Lang::Fr, pupils, 0)),
        "{notice}"
    );
    assert!(
        h.query_by_label_contains("Fermé dans ce scénario")
            .is_some()
    );
    // painting a block into the closed collège is refused in words
    h.get_by_label("Collège Jean-Jaurès").click();
    h.run_steps(1);
    let (_, p) = block_of(&h, CollegeId(3));
    click_at(&mut h, p);
    let notice = h
        .state()
        .editor
        .as_ref()
        .unwrap()
        .notice()
        .unwrap()
        .to_string();
    assert!(notice.contains("fermé dans ce scénario"), "{notice}");
    // undo reopens it with its blocks
    h.get_by_label("↶ Annuler").click();
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    assert!(e.doc.active().scenario.is_college_open(CollegeId(0)));
    assert_eq!(e.doc.changes_from_baseline().0.len(), 0);
}

#[test]
fn a_sector_in_pieces_is_flagged_and_the_flag_can_be_switched_off() {
    let mut h = harness();
    // one block of Louise-Michel given to Jaurès, far from its sector: Jaurès in two pieces
    h.get_by_label("Collège Jean-Jaurès").click();
    h.run_steps(1);
    let (_, p) = block_of(&h, CollegeId(3));
    click_at(&mut h, p);
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Secteur en plusieurs morceaux (2")
            .is_some()
    );
    h.get_by_label("C’est voulu (peau de léopard)").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("⚠ Secteur en plusieurs morceaux")
            .is_none()
    );
    assert!(
        h.query_by_label_contains("Secteur en plusieurs morceaux, voulu")
            .is_some()
    );
    let e = h.state().editor.as_ref().unwrap();
    assert!(e.doc.active().scenario.allows_discontinuous(CollegeId(0)));
    h.run_steps(2);
    h.get_by_label("Signaler à nouveau").click();
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    assert!(
        !e.doc.active().scenario.allows_discontinuous(CollegeId(0)),
        "{:?}",
        e.notice()
    );
    assert!(
        h.query_by_label_contains("⚠ Secteur en plusieurs morceaux")
            .is_some()
    );
}

#[test]
fn shared_sectors_alternate_year_by_year_or_assign_by_lottery_with_odds() {
    use carte_mixite::model::Assignment;
    let mut h = harness();
    h.get_by_label("Secteurs partagés…").click();
    h.run_steps(3);
    // a montée alternée between Victor-Hugo and Jaurès, as Paris did between Berlioz and Coysevox
    {
        let w = h
            .state_mut()
            .editor
            .as_mut()
            .unwrap()
            .shared_window()
            .unwrap();
        w.pick(CollegeId(0), true);
        w.pick(CollegeId(1), true);
    }
    h.run_steps(2);
    h.get_by_label("Créer le secteur partagé").click();
    h.run_steps(3);
    let e = h.state().editor.as_ref().unwrap();
    assert_eq!(e.doc.active_index(), 1);
    let s = &e.doc.active().scenario;
    assert_eq!(s.shared_sectors().len(), 1);
    let sector = &s.shared_sectors()[0];
    assert!(sector.units.len() > 20);
    assert_eq!(
        s.assignment(sector.units[0]),
        &Assignment::Shares(vec![(CollegeId(0), 0.5), (CollegeId(1), 0.5)])
    );
    assert!(e.notice().unwrap().contains("Secteur partagé"));
    // the four first school years, each collège with its own figures
    for y in ["2027-2028", "2028-2029", "2029-2030", "2030-2031"] {
        assert!(h.query_by_label(y).is_some(), "{y}");
    }
    // a year that overfills a collège says so: Jaurès, 600 places, gets more in a year
    let years = carte_mixite::metrics::shared::alternation_years(
        e.doc.territory(),
        s,
        &e.doc.baseline().scenario,
        sector,
        2027,
    );
    let over = years.iter().any(|y| {
        y.colleges.iter().any(|(c, comp)| {
            e.doc
                .territory()
                .college(*c)
                .capacity_pupils
                .is_some_and(|p| comp.pupils > p)
        })
    });
    assert!(over, "the demo's montée alternée overfills a year");
    assert!(
        h.query_all_by_label_contains("⚠ au-delà de ses")
            .next()
            .is_some()
    );
    // shared blocks are striped on the map, and the legend says what stripes mean
    h.run_steps(2);
    assert_eq!(h.state().editor.as_ref().unwrap().stale_map_stripes(), 0);
    // an algorithmic assignment between two other collèges, 30 % of seats for boursiers
    {
        let w = h
            .state_mut()
            .editor
            .as_mut()
            .unwrap()
            .shared_window()
            .unwrap();
        w.pick(CollegeId(2), true);
        w.pick(CollegeId(3), true);
        w.set_lottery(true);
        // families prefer Coteaux: worth 2 km of walk to them
        w.set_appeal(CollegeId(2), 2.0);
    }
    h.run_steps(4);
    h.get_by_label("Créer le secteur partagé").scroll_to_me();
    h.run_steps(30);
    h.get_by_label("Créer le secteur partagé").click();
    h.run_steps(3);
    let e = h.state().editor.as_ref().unwrap();
    let s = &e.doc.active().scenario;
    assert_eq!(s.shared_sectors().len(), 2, "{:?}", e.notice());
    match &s.shared_sectors()[1].rule {
        carte_mixite::model::shared::Rule::Lottery(r) => assert_eq!(r.appeal_km, vec![2.0, 0.0]),
        other => panic!("{other:?}"),
    }
    assert!(h.query_by_label("sans place").is_some());
    assert!(h.query_by_label_contains("familles par an").is_some());
    // one undo removes the second sector and its shares
    h.get_by_label("↶ Annuler").click();
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    assert_eq!(e.doc.active().scenario.shared_sectors().len(), 1);
}

#[test]
fn the_avoidance_model_is_shown_as_a_range_beside_the_figures() {
    let mut h = harness();
    assert!(h.query_by_label_contains("Évitement possible").is_none());
    // a block of Jaurès (IPS 131) sent to Louise-Michel (REP+)
    h.get_by_label("Collège Louise-Michel").click();
    h.run_steps(1);
    let (_, p) = block_of(&h, CollegeId(0));
    click_at(&mut h, p);
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    let (base, now) = (e.doc.baseline(), e.doc.active());
    let r = carte_mixite::metrics::avoidance::avoidance_range(
        e.doc.territory(),
        (&base.scenario, &base.metrics),
        (&now.scenario, &now.metrics),
        &e.doc.config().avoidance,
    );
    assert!(r.total.1 > r.total.0 && r.total.0 > 0.0, "{r:?}");
    let line = format!(
        "Évitement possible (modèle) : {} à {} élèves de plus pourraient partir vers le privé",
        carte_mixite::i18n::number(Lang::Fr, r.total.0.round(), 0),
        carte_mixite::i18n::number(Lang::Fr, r.total.1.round(), 0)
    );
    // on the territory line and on Louise-Michel's card
    assert_eq!(h.query_all_by_label(&line).count(), 2, "{line}");
    // the plain figures do not include it: pupils are the same in total
    assert_eq!(
        now.metrics.territory().pupils,
        base.metrics.territory().pupils
    );
}

#[test]
fn a_block_shared_by_percentages_is_counted_share_by_share_and_striped() {
    use carte_mixite::model::Assignment;
    let mut h = harness();
    h.get_by_label("Partager").click();
    h.run_steps(1);
    let (u, p) = block_of(&h, CollegeId(0));
    click_at(&mut h, p);
    h.run_steps(2);
    assert!(h.query_by_label_contains("Partager un îlot").is_some());
    h.state_mut()
        .editor
        .as_mut()
        .unwrap()
        .split_window()
        .unwrap()
        .set_rows(vec![(CollegeId(0), 70.0), (CollegeId(3), 20.0)]);
    h.run_steps(2);
    // 90 %: refused until the total is 100 %
    assert!(
        h.query_by_label("Le total doit faire 100\u{202f}%.")
            .is_some()
    );
    h.state_mut()
        .editor
        .as_mut()
        .unwrap()
        .split_window()
        .unwrap()
        .set_rows(vec![(CollegeId(0), 70.0), (CollegeId(3), 30.0)]);
    h.run_steps(2);
    h.get_by_label("Appliquer").click();
    h.run_steps(3);
    let e = h.state().editor.as_ref().unwrap();
    let t = e.doc.territory();
    assert_eq!(
        e.doc.active().scenario.assignment(u),
        &Assignment::Shares(vec![(CollegeId(0), 0.7), (CollegeId(3), 0.3)])
    );
    let pupils = t.unit(u).population.pupils.unwrap();
    let before = e.doc.baseline().metrics.college(CollegeId(3), t).pupils;
    let after = e.doc.active().metrics.college(CollegeId(3), t).pupils;
    assert!((after - before - 0.3 * pupils).abs() < 1e-6);
    h.run_steps(2);
    // the block carries stripes, and every stripe on the map matches the scenario
    assert_eq!(h.state().editor.as_ref().unwrap().stale_map_stripes(), 0);
}

#[test]
fn a_new_college_is_placed_on_a_block_routed_alone_and_takes_blocks() {
    let mut h = harness();
    h.get_by_label("Nouveau collège").click();
    h.run_steps(1);
    let (u, p) = block_of(&h, CollegeId(3));
    click_at(&mut h, p);
    h.run_steps(2);
    h.get_by_label("Créer le collège").click();
    h.run_steps(3);
    let n = {
        let e = h.state().editor.as_ref().unwrap();
        let t = e.doc.territory();
        assert_eq!(t.colleges().len(), 13);
        let n = CollegeId(12);
        assert!(e.doc.active().scenario.is_college_open(n));
        assert!(!e.doc.baseline().scenario.is_college_open(n));
        assert!(e.notice().unwrap().contains("ouvert dans ce scénario"));
        assert_eq!(t.college(n).location, t.unit(u).anchor);
        n
    };
    // its walks along the streets are routed in the background, the others kept
    let t0 = std::time::Instant::now();
    while h.state().editor.as_ref().unwrap().column_pending() {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(10));
        assert!(t0.elapsed().as_secs() < 20);
    }
    h.run_steps(2);
    // the new collège is selected: a click on a block (not on the marker) gives it the block
    h.get_by_label("Clic").click();
    h.run_steps(1);
    let (v, q) = {
        let e = h.state().editor.as_ref().unwrap();
        let s = &e.doc.active().scenario;
        e.doc
            .territory()
            .unit_ids()
            .filter(|&v| v != u && s.assignment(v).main_college() == Some(CollegeId(3)))
            .filter_map(|v| Some((v, e.unit_screen_pos(v)?)))
            .find(|(_, q)| {
                q.distance(p) > 40.0 && q.x > 50.0 && q.x < 1000.0 && q.y > 80.0 && q.y < 850.0
            })
            .unwrap()
    };
    click_at(&mut h, q);
    let e = h.state().editor.as_ref().unwrap();
    assert_eq!(
        e.doc.active().scenario.assignment(v).main_college(),
        Some(n),
        "{:?}",
        e.notice()
    );
    // walks to it come from the streets: from its own block, to the street and back
    let walk = e
        .doc
        .active()
        .metrics
        .walk_m(e.doc.territory(), u, n)
        .unwrap();
    assert!(walk < 600.0, "{walk}");
    assert!(e.doc.config().streets.is_some());
}

#[test]
fn two_colleges_merge_into_one_and_a_college_is_rebuilt_elsewhere() {
    let mut h = harness();
    let (pupils_0, pupils_1) = {
        let e = h.state().editor.as_ref().unwrap();
        let (t, m) = (e.doc.territory(), &e.doc.baseline().metrics);
        (
            m.college(CollegeId(0), t).pupils,
            m.college(CollegeId(1), t).pupils,
        )
    };
    // Jaurès's card menu → merge with Victor-Hugo
    h.query_all_by_label("…").next().unwrap().click();
    h.run_steps(2);
    h.get_by_label("Fusionner avec…").click();
    h.run_steps(2);
    if let Some(carte_mixite::app::CollegeWindow::Merge { b, .. }) =
        h.state_mut().editor.as_mut().unwrap().college_window()
    {
        *b = Some(CollegeId(1));
    }
    h.run_steps(2);
    h.get_by_label("Fusionner").click();
    h.run_steps(3);
    let merged = {
        let e = h.state().editor.as_ref().unwrap();
        let t = e.doc.territory();
        let merged = CollegeId(t.colleges().len() as u32 - 1);
        let m = &e.doc.active().metrics;
        assert!((m.college(merged, t).pupils - pupils_0 - pupils_1).abs() < 1e-6);
        assert!(!e.doc.active().scenario.is_college_open(CollegeId(0)));
        assert!(!e.doc.active().scenario.is_college_open(CollegeId(1)));
        assert!(
            e.notice().unwrap().contains("fusionnés"),
            "{:?}",
            e.notice()
        );
        merged
    };
    // rebuild Curie on a block of Coteaux: its pupils follow, the old building closes
    let curie = CollegeId(4);
    h.state_mut().editor.as_mut().unwrap().run(
        carte_mixite::app::UiCommand::SetTool(carte_mixite::app::Tool::MoveCollege(curie)),
        &mut Lang::Fr,
    );
    h.run_steps(2);
    let (_, p) = block_of(&h, CollegeId(2));
    click_at(&mut h, p);
    let e = h.state().editor.as_ref().unwrap();
    let t = e.doc.territory();
    let rebuilt = CollegeId(t.colleges().len() as u32 - 1);
    assert_ne!(rebuilt, merged);
    assert!(t.college(rebuilt).name.contains("nouveau bâtiment"));
    assert!(!e.doc.active().scenario.is_college_open(curie));
    assert_eq!(e.doc.active().metrics.college(curie, t).pupils, 0.0);
    assert!(e.doc.active().metrics.college(rebuilt, t).pupils > 0.0);
    // undo gives Curie back its pupils
    h.get_by_label("↶ Annuler").click();
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    assert!(e.doc.active().scenario.is_college_open(curie));
}

#[test]
fn dominos_relieve_an_overfull_college_in_one_undoable_step() {
    let mut h = harness();
    // Jaurès is over capacity on the current map: its card offers the dominos
    h.query_all_by_label("Dominos : le désengorger")
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    let e = h.state().editor.as_ref().unwrap();
    let notice = e.notice().unwrap().to_string();
    assert!(notice.starts_with("Dominos : Jaurès →"), "{notice}");
    let t = e.doc.territory();
    let use_ = e
        .doc
        .active()
        .metrics
        .college(CollegeId(0), t)
        .capacity_use
        .unwrap();
    assert!(use_ <= 1.0, "{use_}");
    assert_eq!(e.doc.active().history.undo_len(), 1);
}

#[test]
fn with_whole_ecole_on_a_click_moves_every_block_of_the_ecole_in_one_step() {
    use carte_mixite::app::UiCommand;
    use carte_mixite::model::{Assignment, UnitId};
    let mut h = harness();
    // the demo's blocks belong to écoles: the toggle is offered
    h.get_by_label("École entière").click();
    h.run_steps(2);
    let (school, members, to) = {
        let e = h.state().editor.as_ref().unwrap();
        assert!(e.view.whole_schools);
        let t = e.doc.territory();
        let s = &e.doc.active().scenario;
        // an école of several blocks, and a collège other than its own
        let school = t
            .schools()
            .into_iter()
            .find(|sc| {
                t.units()
                    .iter()
                    .filter(|u| u.school.as_deref() == Some(sc))
                    .count()
                    >= 3
            })
            .unwrap()
            .to_string();
        let members: Vec<UnitId> = t
            .unit_ids()
            .filter(|&u| t.unit(u).school.as_deref() == Some(school.as_str()))
            .collect();
        let own = s.assignment(members[0]).main_college().unwrap();
        let to = t
            .college_ids()
            .find(|&c| c != own && t.college(c).sector == carte_mixite::model::Sector::Public)
            .unwrap();
        (school, members, to)
    };
    let mut lang = Lang::Fr;
    let e = h.state_mut().editor.as_mut().unwrap();
    e.run(UiCommand::Select(to), &mut lang);
    e.run(UiCommand::AssignToSelected(members[1]), &mut lang);
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    let s = &e.doc.active().scenario;
    for &u in &members {
        assert_eq!(s.assignment(u), &Assignment::College(to), "{school}");
    }
    assert_eq!(e.doc.changes_from_baseline().0.len(), members.len());
    // one undo gives the whole école back
    h.get_by_label("↶ Annuler").click();
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    assert_eq!(e.doc.changes_from_baseline().0.len(), 0);
}

#[test]
fn the_departement_assistant_names_each_file_builds_and_opens_the_territory() {
    let dir = std::env::temp_dir().join(format!("cm-ui-dep-{}", std::process::id()));
    common::small_departement(&dir);
    std::fs::write(dir.join("lisez-moi.txt"), "téléchargé le 2 décembre\n").unwrap();
    let mut h = harness();
    h.get_by_label("Importer…").click();
    h.run_steps(4);
    h.get_by_label("Un département depuis les fichiers nationaux…")
        .click();
    h.run_steps(4);
    type_into(
        &mut h,
        "Dossier (ou fichiers, séparés par ;)",
        &dir.display().to_string(),
    );
    h.get_by_label("Lire les fichiers").click();
    // each file's role, a file that is none of them, and what the missing ones would add
    wait_contains(&mut h, "carte scolaire des collèges publics ←");
    assert!(h.query_by_label_contains("IPS des écoles ←").is_some());
    assert!(h.query_by_label_contains("lisez-moi.txt").is_some());
    // each table says which column holds the UAI, and it can be changed
    assert!(combo(&h, "Identifiant_de_l_etablissement").is_some());
    assert!(combo(&h, "Numéro de l'école").is_some());
    assert!(
        h.query_by_label_contains("adresses (BAN) : le partage des communes divisées par rues")
            .is_some()
    );
    // the window grows with the list: let its layout settle before clicking
    h.run_steps(3);
    h.get_by_label("Construire le territoire").click();
    wait(&mut h, "Ouvrir dans l'éditeur");
    h.run_steps(2);
    // the summary says how the carte scolaire placed the communes
    assert!(
        h.query_by_label_contains("1 commune placée dans le secteur d'un seul collège")
            .is_some()
    );
    h.get_by_label("Ouvrir dans l'éditeur").click();
    h.run_steps(3);
    let editor = h.state().editor.as_ref().unwrap();
    let t = editor.doc.territory();
    assert_eq!(t.info.name, "Département 99");
    assert_eq!(t.units().len(), 3);
    // the shared commune is shared, the estimates say so
    let aval = t.unit_by_key("99002").unwrap();
    assert_eq!(
        editor
            .doc
            .baseline()
            .scenario
            .assignment(aval)
            .shares()
            .count(),
        2
    );
    assert!(t.unit(aval).population.pupils_estimated);
    assert!(t.unit(aval).population.ips_estimated);
    // the commune divided by streets (no address file) says so when the pointer is on it
    h.run_steps(3);
    let (bourg, p) = block_of(&h, CollegeId(1));
    assert_eq!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .doc
            .territory()
            .unit(bourg)
            .key,
        "99003"
    );
    h.hover_at(p);
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("Divisée par rues entre 2 collèges ; carte actuelle estimée")
            .is_some()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_message_belongs_to_its_change_undo_takes_it_away_redo_says_it_again() {
    let mut h = harness();
    h.query_all_by_label("Fermer").next().unwrap().click();
    h.run_steps(3);
    let said = h
        .state()
        .editor
        .as_ref()
        .unwrap()
        .notice()
        .unwrap()
        .to_string();
    assert!(said.contains("fermé"), "{said}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    assert!(e.doc.active().scenario.is_college_open(CollegeId(0)));
    assert_eq!(
        e.notice(),
        None,
        "the undone closure's message stays on screen"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    assert!(!e.doc.active().scenario.is_college_open(CollegeId(0)));
    assert_eq!(e.notice(), Some(said.as_str()));
}

#[test]
fn the_map_redraws_what_the_document_reports_changed() {
    use carte_mixite::app::UiCommand;
    let mut h = harness();
    let mut lang = Lang::Fr;
    let e = h.state_mut().editor.as_mut().unwrap();
    let t = e.doc.territory().clone();
    let u = t.unit_ids().next().unwrap();
    let own = e.doc.active().scenario.assignment(u).main_college();
    let other = t
        .college_ids()
        .find(|&c| Some(c) != own && t.college(c).sector == carte_mixite::model::Sector::Public)
        .unwrap();
    // an edit that no tool named (a window's), then undo and redo: the drawn map follows
    e.run(
        UiCommand::Apply(carte_mixite::model::Edit::Assign(vec![(
            u,
            carte_mixite::model::Assignment::College(other),
        )])),
        &mut lang,
    );
    h.run_steps(2);
    assert!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .stale_map_units()
            .is_empty()
    );
    for command in [UiCommand::Undo, UiCommand::Redo, UiCommand::Undo] {
        h.state_mut()
            .editor
            .as_mut()
            .unwrap()
            .run(command, &mut lang);
        h.run_steps(2);
        assert!(
            h.state()
                .editor
                .as_ref()
                .unwrap()
                .stale_map_units()
                .is_empty()
        );
    }
}

#[test]
fn the_about_window_says_the_version_the_licence_and_the_data_sources() {
    let mut h = harness();
    h.get_by_label("À propos").click();
    h.run_steps(3);
    let version = format!("Carte Mixité {}", env!("CARGO_PKG_VERSION"));
    assert!(h.query_by_label(&version).is_some());
    assert!(h.query_by_label_contains("licence MIT").is_some());
    assert!(
        h.query_by_label_contains("Base Adresse Nationale")
            .is_some()
    );
}

#[test]
fn a_refused_share_leaves_its_window_open_and_says_why_a_done_one_closes_it() {
    use carte_mixite::app::UiCommand;
    use carte_mixite::model::{Assignment, Edit};
    let mut h = harness();
    let mut lang = Lang::Fr;
    let e = h.state_mut().editor.as_mut().unwrap();
    let t = e.doc.territory().clone();
    let u = t.unit_ids().next().unwrap();
    let own = e
        .doc
        .active()
        .scenario
        .assignment(u)
        .main_college()
        .unwrap();
    let other = t
        .college_ids()
        .find(|&c| c != own && t.college(c).sector == carte_mixite::model::Sector::Public)
        .unwrap();
    let half = Assignment::Shares(vec![(own, 0.5), (other, 0.5)]);
    e.run(
        UiCommand::Apply(Edit::LockUnits(vec![(u, true)])),
        &mut lang,
    );
    e.run(UiCommand::OpenSplit(u), &mut lang);
    e.run(UiCommand::ShareBlock(u, half.clone()), &mut lang);
    assert!(
        e.split_window().is_some(),
        "the window stays for another try"
    );
    assert!(
        e.notice().unwrap().contains("verrouillé"),
        "{:?}",
        e.notice()
    );
    e.run(
        UiCommand::Apply(Edit::LockUnits(vec![(u, false)])),
        &mut lang,
    );
    e.run(UiCommand::ShareBlock(u, half.clone()), &mut lang);
    assert!(e.split_window().is_none());
    assert_eq!(e.doc.active().scenario.assignment(u), &half);
}

#[test]
fn enter_in_the_path_field_saves_as_the_button_does() {
    let dir = std::env::temp_dir().join(format!("cm-ui-enter-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("entree");
    let mut h = harness();
    h.get_by_label("Enregistrer…").click();
    h.run_steps(4);
    replace_path(&mut h, &path);
    h.key_press(egui::Key::Enter);
    let notice = wait_for_notice(&mut h, "Projet enregistré");
    assert!(notice.contains("entree.cartemixite"), "{notice}");
    assert!(dir.join("entree.cartemixite").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn after_an_accidental_pan_recentrer_and_the_home_key_bring_the_territory_back() {
    let mut h = harness();
    let (u, home) = block_of(&h, CollegeId(0));
    let at = |h: &Harness<'static, CarteApp>| h.state().editor.as_ref().unwrap().unit_screen_pos(u);
    // the click tool pans with a drag
    drag(
        &mut h,
        &[
            egui::pos2(500.0, 500.0),
            egui::pos2(400.0, 450.0),
            egui::pos2(300.0, 400.0),
        ],
    );
    let moved = at(&h).unwrap();
    assert!(
        (moved - home).length() > 50.0,
        "the drag did not pan the map"
    );
    h.get_by_label("Recentrer").click();
    h.run_steps(3);
    assert!((at(&h).unwrap() - home).length() < 1.0);
    drag(
        &mut h,
        &[
            egui::pos2(500.0, 500.0),
            egui::pos2(450.0, 450.0),
            egui::pos2(350.0, 420.0),
        ],
    );
    assert!((at(&h).unwrap() - home).length() > 50.0);
    h.key_press(egui::Key::Home);
    h.run_steps(3);
    assert!((at(&h).unwrap() - home).length() < 1.0);
}

#[test]
fn beyond_sixteen_colleges_the_changed_ones_come_first_and_the_rest_are_counted() {
    use carte_mixite::ui::glance::{Glance, GlanceRow, MAX_ROWS, glance_ui};
    use carte_mixite::ui::meeting::IconsBy;
    // 76 collèges, as many as Lille's public ones: the demo's figures under 76 names
    let loaded = load(None, Lang::Fr).unwrap();
    let doc = &loaded.doc;
    let t = doc.territory();
    let figures: Vec<_> = t
        .college_ids()
        .filter(|&c| t.college(c).sector == carte_mixite::model::Sector::Public)
        .map(|c| doc.active().metrics.college(c, t))
        .collect();
    // as Lille's: long names, and two collèges of one name
    let names: Vec<String> = (0..76)
        .map(|k| match k {
            3 => "Lili Keller-Rosenberg".to_string(),
            4 => "Jean Baptiste Lebas".to_string(),
            5 => "Claude Lévi-Strauss".to_string(),
            6 | 7 => "Jean Zay".to_string(),
            _ => format!("Collège {k}"),
        })
        .collect();
    for (width, height) in [(1920.0_f32, 1080.0_f32), (1280.0, 720.0)] {
        let minutes = |m: f64| m / 75.0;
        let mut output = None;
        let mut h = Harness::builder()
            .with_size(egui::vec2(width, height))
            .build_ui(|ui| {
                // the window's own fonts: what fits is measured with them
                carte_mixite::app::setup_style(ui.ctx());
                let rows: Vec<GlanceRow<'_>> = names
                    .iter()
                    .enumerate()
                    .map(|(k, name)| GlanceRow {
                        name,
                        color: egui::Color32::LIGHT_BLUE,
                        now: &figures[k % figures.len()],
                        // the last three changed: they must be listed first by the caller
                        before: (k < 3).then(|| &figures[(k + 1) % figures.len()]),
                        selected: k == 0,
                    })
                    .collect();
                let glance = Glance {
                    rows,
                    others: (0, 0),
                    groups: &t.groups.names,
                    band: Some(0.2),
                    minutes: &minutes,
                    icons_by: IconsBy::Group,
                    ips_estimated: true,
                    privacy: carte_mixite::metrics::Confidentiality::default(),
                };
                // the room's panel: half the width (at most 800 px), under two bars
                let side = egui::Rect::from_min_max(
                    egui::pos2(width - (width * 0.5).min(800.0), 110.0),
                    egui::pos2(width, height - 34.0),
                )
                .shrink(8.0);
                output = Some(glance_ui(ui, Lang::Fr, side, &glance));
            });
        h.run_steps(3);
        drop(h);
        let out = output.unwrap();
        let listed: Vec<&str> = out
            .texts
            .iter()
            .filter(|p| names.contains(&p.text))
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(listed.len(), MAX_ROWS, "{width}×{height}");
        assert_eq!(&listed[..3], &["Collège 0", "Collège 1", "Collège 2"]);
        assert_eq!(listed.iter().filter(|n| **n == "Jean Zay").count(), 2);
        assert!(
            out.texts
                .iter()
                .any(|p| p.text == "et 60 autres collèges, inchangés"),
            "{:?}",
            out.texts.iter().map(|p| &p.text).collect::<Vec<_>>()
        );
        for p in &out.texts {
            assert!(!p.cut, "\"{}\" is cut at {width}×{height}", p.text);
        }
    }
}

#[test]
fn proposals_sent_back_are_added_ranked_beside_the_facilitators_and_compared() {
    use carte_mixite::io::territory_files::{embedded_demo, scenario_to_json};
    use carte_mixite::model::Assignment;
    let (t, baseline) = embedded_demo().unwrap();
    let dir = std::env::temp_dir().join(format!("cm-proposals-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // a parent association's scenario: one block of Jaurès to Louise-Michel
    let u = t
        .unit_ids()
        .find(|&u| {
            baseline.assignment(u).main_college() == Some(CollegeId(0))
                && t.unit(u).population.pupils.is_some_and(|p| p >= 5.0)
        })
        .unwrap();
    let mut doc = carte_mixite::model::Document::new(
        std::sync::Arc::new(t.clone()),
        baseline.clone(),
        carte_mixite::metrics::MetricsConfig::default(),
    );
    doc.new_scenario_from_active("Proposition");
    doc.apply(Edit::Assign(vec![(u, Assignment::College(CollegeId(3)))]))
        .unwrap();
    let mut fcpe = doc.active().scenario.clone();
    fcpe.meta.author = "FCPE Belcastel".into();
    let fcpe_path = dir.join("fcpe.json");
    std::fs::write(&fcpe_path, scenario_to_json(&fcpe, &t)).unwrap();
    // a project holding two proposals of the same name, by another author
    let mut peep = fcpe.clone();
    peep.meta.author = "PEEP".into();
    let project = carte_mixite::io::project::project_text(
        &t,
        &baseline,
        &[&peep, &baseline],
        1,
        &carte_mixite::metrics::MetricsConfig::default(),
        &serde_json::Map::new(),
    );
    let peep_path = dir.join("peep.cartemixite");
    std::fs::write(&peep_path, project).unwrap();
    // one made elsewhere
    let other_path = dir.join("ailleurs.json");
    let other = scenario_to_json(&fcpe, &t).replace("\"B00", "\"X00");
    std::fs::write(&other_path, other).unwrap();

    let mut h = harness();
    h.get_by_label("Scénarios et propositions").click();
    h.run_steps(2);
    let paths = [&fcpe_path, &peep_path, &other_path]
        .map(|p| p.display().to_string())
        .join(";");
    h.run_steps(3);
    type_into(&mut h, "Ou chemin des fichiers (séparés par ;) :", &paths);
    h.get_by_label("Ajouter").click();
    h.run_steps(1);
    let notice = wait_for_notice(&mut h, "3 propositions ajoutées");
    assert!(notice.contains("(3 fichiers lus)"), "{notice}");
    assert!(
        notice.contains("ailleurs.json : fait sur un autre territoire"),
        "{notice}"
    );
    h.run_steps(2);
    // every name once; the authors kept
    let editor = h.state().editor.as_ref().unwrap();
    let names: Vec<(String, String)> = editor
        .doc
        .scenarios()
        .iter()
        .map(|s| (s.scenario.meta.name.clone(), s.scenario.meta.author.clone()))
        .collect();
    assert_eq!(names.len(), 4);
    assert_eq!(names[1], ("Proposition".into(), "FCPE Belcastel".into()));
    assert_eq!(names[2], ("Proposition (PEEP)".into(), "PEEP".into()));
    // (the project's copy of the current map keeps its own author)
    assert_eq!(names[3].0, "Carte actuelle (Belcastel-sur-Lise (fictif))");
    // the table shows them, with the refused file's reason
    assert!(h.query_by_label("Proposition (PEEP)").is_some());
    // (in the window and in the status bar)
    assert_eq!(
        h.query_all_by_label_contains("fait sur un autre territoire")
            .count(),
        2
    );
    // sorted by pupils moved, most first: the proposals before the current map
    h.get_by_label_contains("Élèves déplacés").click();
    h.run_steps(1);
    h.get_by_label_contains("Élèves déplacés").click();
    h.run_steps(2);
    // tick the first two lines (two proposals) and compare them
    let boxes: Vec<_> = h.query_all_by_role(Role::CheckBox).collect();
    assert_eq!(boxes.len(), 4);
    boxes[0].click();
    h.run_steps(1);
    let boxes: Vec<_> = h.query_all_by_role(Role::CheckBox).collect();
    boxes[1].click();
    h.run_steps(1);
    h.get_by_label("Comparer les deux scénarios cochés").click();
    h.run_steps(3);
    let editor = h.state().editor.as_ref().unwrap();
    let compare = editor.windows_compare().unwrap();
    let mut pair = [compare.0, compare.1];
    pair.sort();
    assert_eq!(pair, [1, 2], "the two proposals, which move pupils");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_rooms_remarks_are_pinned_frozen_written_in_the_record_and_kept_in_the_project() {
    use carte_mixite::publish::record::RemarkTarget;
    let dir = std::env::temp_dir().join(format!("cm-ui-record-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness();
    // the remark tool, then a click on a block
    h.get_by_label("Remarque").click();
    h.run_steps(1);
    let (u, p) = block_of(&h, CollegeId(0));
    click_at(&mut h, p);
    h.run_steps(4);
    type_into(&mut h, "Remarque :", "traversée de la rocade");
    type_into(
        &mut h,
        "Qui (facultatif) :",
        "parents de l'école Jean-Moulin",
    );
    h.get_by_label("Épingler la remarque").click();
    h.run_steps(2);
    let record = &h.state().editor.as_ref().unwrap().session.record;
    assert_eq!(record.remarks.len(), 1);
    assert_eq!(record.remarks[0].target, RemarkTarget::Unit(u));
    assert_eq!(record.remarks[0].who, "parents de l'école Jean-Moulin");
    assert_eq!(record.remarks[0].scenario, "Carte actuelle");
    // listed in the window
    assert!(h.query_by_label("traversée de la rocade").is_some());
    // the figures frozen for the minutes
    h.get_by_label("Figer pour le compte rendu").click();
    h.run_steps(2);
    assert_eq!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .session
            .record
            .snapshots
            .len(),
        1
    );
    // the record written
    let csv_path = dir.join("compte-rendu.csv");
    let field = "Fichier du compte rendu :";
    h.get_by_label(field).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_by_label(field)
        .type_text(&csv_path.display().to_string());
    h.run_steps(1);
    h.get_by_label("Écrire le compte rendu (PDF et CSV)")
        .click();
    wait_for_notice(&mut h, "Compte rendu écrit");
    // a PDF to read beside the CSV
    let pdf = std::fs::read(dir.join("compte-rendu.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 2_000);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    // a French spreadsheet's file: `;` between fields
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert_eq!(&rows[0][0], "remarque");
    assert_eq!(&rows[0][5], "traversée de la rocade");
    assert_eq!(&rows[1][0], "figé");
    // kept in the project file, and back when it is opened
    let project = dir.join("reunion.cartemixite");
    let mut lang = Lang::Fr;
    h.state_mut().editor.as_mut().unwrap().run(
        carte_mixite::app::UiCommand::SaveTo(project.clone()),
        &mut lang,
    );
    wait_for_notice(&mut h, "Projet enregistré");
    let opened =
        carte_mixite::app::Editor::new(load(Some(project.to_str().unwrap()), Lang::Fr).unwrap());
    assert_eq!(opened.session.record.remarks.len(), 1);
    assert_eq!(
        opened.session.record.remarks[0].target,
        RemarkTarget::Unit(u)
    );
    assert_eq!(opened.session.record.snapshots.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs frames until `done` holds for the editor; fails after 10 s.
fn wait_until(
    h: &mut Harness<'static, CarteApp>,
    what: &str,
    done: impl Fn(&carte_mixite::app::Editor) -> bool,
) {
    let t0 = std::time::Instant::now();
    loop {
        h.run_steps(1);
        if h.state().editor.as_ref().is_some_and(&done) {
            return;
        }
        assert!(t0.elapsed().as_secs() < 10, "still waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn walks_known(e: &carte_mixite::app::Editor) -> bool {
    e.address.answer.as_ref().is_some_and(|a| {
        a.parts
            .iter()
            .all(|p| p.walk_now != carte_mixite::app::Walk::Pending)
    })
}

#[test]
fn a_parent_finds_their_street_and_its_college_now_and_in_the_proposal() {
    use carte_mixite::app::{UiCommand, Walk};
    let mut h = harness();
    // half typed, "rue" for an avenue: the demo's Avenue des Tilleuls
    type_into(&mut h, "Mon adresse", "rue des tille");
    wait_until(&mut h, "results", |e| !e.address.results.is_empty());
    h.get_by_label_contains("Avenue des Tilleuls").click();
    wait_until(&mut h, "the walks", walks_known);
    let answer = h
        .state()
        .editor
        .as_ref()
        .unwrap()
        .address
        .answer
        .clone()
        .unwrap();
    assert_eq!(answer.place.label, "Avenue des Tilleuls");
    assert!(
        answer.parts.len() >= 2,
        "the avenue crosses blocks: {answer:?}"
    );
    for p in &answer.parts {
        let u = p.spot.unit.expect("the town's streets are inside it");
        let e = h.state().editor.as_ref().unwrap();
        let base = e.doc.baseline().scenario.assignment(u).clone();
        assert_eq!(
            p.now,
            match base {
                carte_mixite::model::Assignment::College(c) => vec![c],
                other => panic!("{other:?}"),
            }
        );
        assert!(matches!(p.walk_now, Walk::Metres(m) if m > 0.0 && m < 10_000.0));
    }
    // the panel says it, with the walk in minutes
    assert!(h.query_all_by_label_contains("min à pied").next().is_some());
    // the map went to the place and marks it
    assert!(
        !h.state()
            .editor
            .as_ref()
            .unwrap()
            .address
            .marks()
            .is_empty()
    );

    // a proposal gives the first block to another collège: the answer follows
    let u = answer.parts[0].spot.unit.unwrap();
    let now = answer.parts[0].now[0];
    let other = CollegeId(if now.0 == 0 { 1 } else { 0 });
    {
        let e = h.state_mut().editor.as_mut().unwrap();
        let mut lang = Lang::Fr;
        e.run(UiCommand::Select(other), &mut lang);
        e.run(UiCommand::AssignToSelected(u), &mut lang);
    }
    wait_until(&mut h, "the answer after the edit", |e| {
        walks_known(e)
            && e.address
                .answer
                .as_ref()
                .is_some_and(|a| a.parts[0].then == vec![other])
    });
    let other_name = h
        .state()
        .editor
        .as_ref()
        .unwrap()
        .doc
        .territory()
        .college(other)
        .name
        .clone();
    assert!(
        h.query_all_by_label_contains(&format!("{other_name} ·"))
            .next()
            .is_some(),
        "the proposal's collège is named with its walk"
    );
    // in meeting mode the answer is over the room's map, in large type
    h.key_press(egui::Key::F5);
    h.run_steps(3);
    assert!(h.state().editor.as_ref().unwrap().view.meeting.is_some());
    assert!(h.query_all_by_label("Avenue des Tilleuls").next().is_some());
    // cleared, nothing is marked
    {
        let e = h.state_mut().editor.as_mut().unwrap();
        e.run(UiCommand::AddressClear, &mut Lang::Fr);
    }
    h.run_steps(2);
    assert!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .address
            .marks()
            .is_empty()
    );
}

#[test]
fn an_address_file_gives_house_numbers_and_a_bad_one_is_refused_in_words() {
    use carte_mixite::app::UiCommand;
    let mut h = harness();
    let dir = std::env::temp_dir().join(format!("cm-ban-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // two addresses of one street, in two blocks of the demo, as the BAN writes them
    let (a, b) = {
        let t = h.state().editor.as_ref().unwrap().doc.territory();
        (t.units()[10].anchor, t.units()[200].anchor)
    };
    let good = dir.join("adresses-99.csv");
    std::fs::write(
        &good,
        format!(
            "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles\n\
             99001_0001_00007;99001_0001;7;;Rue de l'Essai;99000;99001;Belcastel;;;0;0;{};{};entrée;;;BELCASTEL;RUE DE L ESSAI;commune;commune;1;\n\
             99001_0001_00008;99001_0001;8;bis;Rue de l'Essai;99000;99001;Belcastel;;;0;0;{};{};entrée;;;BELCASTEL;RUE DE L ESSAI;commune;commune;1;\n\
             99001_0002_00001;99001_0002;1;;Rue Lointaine;99000;99001;Ailleurs;;;0;0;5.0;43.0;entrée;;;AILLEURS;RUE LOINTAINE;commune;commune;1;\n",
            a.x(), a.y(), b.x(), b.y()
        ),
    )
    .unwrap();
    {
        let e = h.state_mut().editor.as_mut().unwrap();
        e.run(UiCommand::AddressFile(good.clone()), &mut Lang::Fr);
    }
    wait_until(&mut h, "the address file", |e| e.address.book.is_some());
    assert_eq!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .address
            .book
            .as_ref()
            .unwrap()
            .addresses,
        2,
        "the address outside the territory is not kept"
    );
    assert!(
        h.query_by_label_contains("2 adresses (adresses-99.csv)")
            .is_some()
    );
    type_into(&mut h, "Mon adresse", "8 bis r de l essai");
    wait_until(&mut h, "results", |e| !e.address.results.is_empty());
    h.get_by_label_contains("Rue de l'Essai").click();
    wait_until(&mut h, "the walks", walks_known);
    let answer = h
        .state()
        .editor
        .as_ref()
        .unwrap()
        .address
        .answer
        .clone()
        .unwrap();
    assert_eq!(answer.place.label, "8 bis Rue de l'Essai");
    assert_eq!(answer.parts.len(), 1);
    assert_eq!(answer.parts[0].spot.unit, Some(UnitId(200)));
    // a number not in the file: the nearest on its side, said so
    type_into(&mut h, "Mon adresse", "");
    {
        let e = h.state_mut().editor.as_mut().unwrap();
        e.run(UiCommand::AddressClear, &mut Lang::Fr);
        e.run(
            UiCommand::AddressTyped("11 rue de l'essai".into()),
            &mut Lang::Fr,
        );
    }
    wait_until(&mut h, "results", |e| !e.address.results.is_empty());
    {
        let e = h.state_mut().editor.as_mut().unwrap();
        e.run(UiCommand::AddressPick(0), &mut Lang::Fr);
    }
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("n° 11 n'est pas dans le fichier")
            .is_some()
    );

    // a file that is not the BAN's: refused in words, the search keeps its addresses
    let bad = dir.join("pas-la-ban.csv");
    std::fs::write(&bad, "nom;ville\nDupont;Lille\n").unwrap();
    {
        let e = h.state_mut().editor.as_mut().unwrap();
        e.run(UiCommand::AddressFile(bad), &mut Lang::Fr);
    }
    wait_until(&mut h, "the refusal", |e| e.address.book_error.is_some());
    let e = h.state().editor.as_ref().unwrap();
    let error = e.address.book_error.clone().unwrap();
    assert!(
        error.contains("pas-la-ban.csv") && error.contains("nom_voie"),
        "{error}"
    );
    assert!(
        e.address.book.is_some(),
        "the addresses read before are kept"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn in_the_room_a_click_on_mon_adresse_and_typing_lists_places_without_moving_the_room() {
    let mut h = meeting_harness(1280.0, 720.0);
    h.key_press(egui::Key::F5);
    h.run_steps(3);
    let field = h.get_by_label("Mon adresse").rect();
    let rows_before = h.state().editor.as_ref().unwrap().view.room_texts.len();
    click_at(&mut h, field.center());
    h.run_steps(1);
    assert!(
        h.get_by_label("Mon adresse").is_focused(),
        "a click on the field lets one type"
    );
    h.get_by_label("Mon adresse").type_text("tilleuls");
    wait_until(&mut h, "results", |e| !e.address.results.is_empty());
    h.run_steps(2);
    assert_eq!(h.state().editor.as_ref().unwrap().address.query, "tilleuls");
    // the room's view of the collèges did not move to make room for the list
    assert_eq!(
        h.state().editor.as_ref().unwrap().view.room_texts.len(),
        rows_before
    );
    h.get_by_label_contains("Avenue des Tilleuls").click();
    wait_until(&mut h, "the walks", walks_known);
    assert!(h.state().editor.as_ref().unwrap().view.meeting.is_some());
    assert!(h.query_all_by_label("Avenue des Tilleuls").next().is_some());
}

#[test]
fn reopening_a_saved_project_never_offers_its_own_work_back_nor_two_scenarios_of_one_name() {
    use carte_mixite::app::UiCommand;
    let dir = std::env::temp_dir().join(format!("cm-ui-reopen-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.join("data");
    let project = dir.join("reunion.cartemixite");
    let open = |file: Option<&std::path::Path>| autosaving_harness(&data, file);
    let run = run_command;
    let autosaved = |h: &mut Harness<'static, CarteApp>, u: UnitId, c: CollegeId| {
        wait_autosaved(h, &data, u, c);
    };
    let mut h = open(None);
    let (u, _) = block_of(&h, CollegeId(0));
    run(&mut h, UiCommand::Select(CollegeId(3)));
    run(&mut h, UiCommand::AssignToSelected(u));
    autosaved(&mut h, u, CollegeId(3));
    run(&mut h, UiCommand::SaveTo(project.clone()));
    wait_for_notice(&mut h, "Projet enregistré");
    drop(h);
    // the project holds all the work: nothing is offered
    let mut h = open(Some(&project));
    assert!(
        h.state()
            .editor
            .as_ref()
            .unwrap()
            .session
            .recovered
            .is_none(),
        "the work just saved is not offered back"
    );
    assert!(h.query_by_label_contains("Travail retrouvé").is_none());
    // a change after the save, then a crash: that change is offered, and taken back under a
    // name of its own
    let (v, _) = block_of(&h, CollegeId(1));
    run(&mut h, UiCommand::Select(CollegeId(3)));
    run(&mut h, UiCommand::AssignToSelected(v));
    autosaved(&mut h, v, CollegeId(3));
    drop(h);
    let mut h = open(Some(&project));
    assert!(h.query_by_label_contains("Travail retrouvé").is_some());
    h.get_by_label("Reprendre ce travail").click();
    h.run_steps(2);
    let doc = &h.state().editor.as_ref().unwrap().doc;
    let names: Vec<&str> = doc
        .scenarios()
        .iter()
        .map(|s| s.scenario.meta.name.as_str())
        .collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "{names:?}");
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(
        doc.active().scenario.assignment(v).main_college(),
        Some(CollegeId(3))
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_kept_part_of_a_proposal_that_overfills_a_college_says_so_in_the_scenario_notes() {
    use carte_mixite::app::{Proposal, UiCommand};
    use carte_mixite::assistant::{Constraints, Move, Target};
    let mut h = harness();
    // every block of collège 1 to collège 0: far past 105 %
    let moves: Vec<Move> = {
        let e = h.state().editor.as_ref().unwrap();
        let base = &e.doc.baseline().scenario;
        e.doc
            .territory()
            .unit_ids()
            .filter(|&u| base.assignment(u).main_college() == Some(CollegeId(1)))
            .map(|u| Move {
                units: vec![u],
                school: None,
                from: CollegeId(1),
                to: CollegeId(0),
                pupils: 1.0,
                gain: 0.0,
                walk_before_m: None,
                walk_after_m: None,
            })
            .collect()
    };
    let proposal = Proposal {
        start_index: 0,
        moves,
        target: Target::Entropy,
        constraints: Constraints::default(),
    };
    h.state_mut()
        .editor
        .as_mut()
        .unwrap()
        .run(UiCommand::AcceptProposal(Box::new(proposal)), &mut Lang::Fr);
    h.run_steps(2);
    let e = h.state().editor.as_ref().unwrap();
    let notes = &e.doc.active().scenario.meta.notes;
    let name = &e.doc.territory().college(CollegeId(0)).name;
    assert!(
        notes.contains("rempli entre 70\u{202f}% et 105\u{202f}%"),
        "{notes}"
    );
    // the limits are a sentence, not the window's labels ("allongé d'au plus (m) 1 000")
    assert!(
        notes.contains("aucun trajet à pied allongé de plus de 1,0 km") && !notes.contains("(m)"),
        "{notes}"
    );
    assert!(
        notes.contains("Séparation sociale entre collèges"),
        "{notes}"
    );
    assert!(
        notes.contains("Limites dépassées par les changements gardés")
            && notes.contains(&format!("{name} rempli à")),
        "{notes}"
    );
}

/// Every text the window shows now, proofread: the defects found, in words.
fn proofread_window(h: &Harness<'static, CarteApp>, lang: Lang, public: bool) -> Vec<String> {
    use egui_kittest::kittest::NodeT;
    let mut out = Vec::new();
    for node in h.query_all_by_label_contains("") {
        let n = node.accesskit_node();
        for text in [n.label(), n.value()].into_iter().flatten() {
            for d in carte_mixite::publish::proofread::defects(lang, &text, public) {
                out.push(format!("{}: « {} »", d.what, d.text));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_text_of_the_window_reads_right_in_both_languages() {
    use carte_mixite::app::UiCommand;
    use carte_mixite::ui::window::WindowKind;
    for lang in [Lang::Fr, Lang::En] {
        let mut h = harness();
        h.state_mut().lang = lang;
        h.run_steps(2);
        // a change, so that every figure says before and after
        let (u, _) = block_of(&h, CollegeId(0));
        let run = |h: &mut Harness<'static, CarteApp>, c: UiCommand| {
            let mut l = lang;
            h.state_mut().editor.as_mut().unwrap().run(c, &mut l);
            h.run_steps(1);
        };
        run(&mut h, UiCommand::Select(CollegeId(3)));
        run(&mut h, UiCommand::AssignToSelected(u));
        run(&mut h, UiCommand::AddressTyped("tilleuls".into()));
        h.run_steps(5);
        run(&mut h, UiCommand::AddressPick(0));
        h.run_steps(5);
        let mut found = proofread_window(&h, lang, false);
        // each window in turn
        for open in [
            UiCommand::OpenAssistant,
            UiCommand::OpenPublish,
            UiCommand::OpenCompare,
            UiCommand::OpenScenarios,
            UiCommand::OpenRemarks(Some(u)),
            UiCommand::OpenShared,
            UiCommand::Open(WindowKind::About),
        ] {
            run(&mut h, open);
            h.run_steps(6);
            found.extend(proofread_window(&h, lang, false));
        }
        // the room: a public view
        let mut h = harness();
        h.state_mut().lang = lang;
        run(&mut h, UiCommand::Select(CollegeId(3)));
        run(&mut h, UiCommand::AssignToSelected(u));
        h.key_press(egui::Key::F5);
        h.run_steps(4);
        found.extend(proofread_window(&h, lang, true));
        found.sort();
        found.dedup();
        assert!(found.is_empty(), "{lang:?}:\n{}", found.join("\n"));
    }
}

#[test]
fn the_card_of_a_college_picked_elsewhere_comes_into_view() {
    use carte_mixite::app::UiCommand;
    let mut h = harness();
    // a collège whose card is out of view (only the cards in view are laid out)
    let (c, name) = {
        let t = h.state().editor.as_ref().unwrap().doc.territory().clone();
        t.college_ids()
            .filter(|&c| t.college(c).sector == carte_mixite::model::Sector::Public)
            .map(|c| (c, t.college(c).name.clone()))
            .find(|(_, n)| h.query_all_by_label(n).next().is_none())
            .expect("some card is out of view")
    };
    h.state_mut()
        .editor
        .as_mut()
        .unwrap()
        .run(UiCommand::Select(c), &mut Lang::Fr);
    h.run_steps(3);
    assert!(
        h.query_all_by_label(&name).next().is_some(),
        "the card of {name} is in view"
    );
}

#[test]
fn closing_the_window_writes_the_last_change_at_once() {
    use carte_mixite::app::{UiCommand, load_with_autosave};
    use carte_mixite::io::autosave::{autosave_path, read_autosave};
    let dir = std::env::temp_dir().join(format!("cm-ui-close-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1400.0))
        .build_ui_state(
            |ui, app: &mut CarteApp| app.frame_ui(ui),
            CarteApp::with_loaded(load_with_autosave(None, &dir, Lang::Fr).unwrap(), Lang::Fr),
        );
    h.run_steps(3);
    settle(&mut h);
    let (u, _) = block_of(&h, CollegeId(0));
    let (v, _) = block_of(&h, CollegeId(1));
    let e = h.state_mut().editor.as_mut().unwrap();
    let mut lang = Lang::Fr;
    e.run(UiCommand::Select(CollegeId(3)), &mut lang);
    e.run(UiCommand::AssignToSelected(u), &mut lang);
    h.run_steps(1);
    // the second change, within the second that follows the first save: not written yet
    let e = h.state_mut().editor.as_mut().unwrap();
    e.run(UiCommand::AssignToSelected(v), &mut lang);
    let t = e.doc.territory().clone();
    e.autosave_on_close();
    let r = read_autosave(&autosave_path(&dir, &t), &t).expect("an autosave");
    assert_eq!(
        r.scenarios[0].assignment(v).main_college(),
        Some(CollegeId(3)),
        "the last change is in the file as the window closes"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn after_a_crash_undo_goes_on_and_work_done_while_the_offer_waits_is_kept_too() {
    use carte_mixite::app::UiCommand;
    use carte_mixite::io::autosave::autosave_path;
    let dir = std::env::temp_dir().join(format!("cm-ui-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.join("data");
    let open = || autosaving_harness(&data, None);
    let run = run_command;
    let autosaved = |h: &mut Harness<'static, CarteApp>, u: UnitId, c: CollegeId| {
        wait_autosaved(h, &data, u, c);
    };

    // first session: two changes, then a crash (the window is dropped, never closed)
    let mut h = open();
    let (u, _) = block_of(&h, CollegeId(0));
    let (w, _) = block_of(&h, CollegeId(2));
    run(&mut h, UiCommand::Select(CollegeId(3)));
    run(&mut h, UiCommand::AssignToSelected(u));
    run(&mut h, UiCommand::AssignToSelected(w));
    autosaved(&mut h, w, CollegeId(3));
    drop(h);

    // second session: the offer waits; a change made meanwhile, then another crash
    let mut h = open();
    assert!(h.query_by_label_contains("Travail retrouvé").is_some());
    let (v, _) = block_of(&h, CollegeId(1));
    run(&mut h, UiCommand::Select(CollegeId(4)));
    run(&mut h, UiCommand::AssignToSelected(v));
    autosaved(&mut h, v, CollegeId(4));
    // the work offered is still there, untouched
    {
        let t = h.state().editor.as_ref().unwrap().doc.territory().clone();
        let main = carte_mixite::io::autosave::read_autosave(&autosave_path(&data, &t), &t)
            .expect("the offered work");
        assert!(
            main.scenarios
                .iter()
                .any(|s| s.assignment(w).main_college() == Some(CollegeId(3)))
        );
    }
    drop(h);

    // third session: both are offered and taken back
    let mut h = open();
    assert!(h.query_by_label_contains("Travail retrouvé").is_some());
    h.get_by_label("Reprendre ce travail").click();
    h.run_steps(2);
    {
        let doc = &h.state().editor.as_ref().unwrap().doc;
        let has = |u: UnitId, c: CollegeId| {
            doc.scenarios()
                .iter()
                .any(|s| s.scenario.assignment(u).main_college() == Some(c))
        };
        assert!(
            has(u, CollegeId(3)) && has(w, CollegeId(3)),
            "first session's work"
        );
        assert!(has(v, CollegeId(4)), "the work done while the offer waited");
    }
    // Ctrl+Z goes on in the first session's scenario: its last change is undone, then the one
    // before
    let first = {
        let doc = &h.state().editor.as_ref().unwrap().doc;
        doc.scenarios()
            .iter()
            .position(|s| s.scenario.assignment(w).main_college() == Some(CollegeId(3)))
            .unwrap()
    };
    run(&mut h, UiCommand::Switch(first));
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    {
        let doc = &h.state().editor.as_ref().unwrap().doc;
        assert_ne!(
            doc.active().scenario.assignment(w).main_college(),
            Some(CollegeId(3)),
            "Ctrl+Z undid the last change made before the crash"
        );
        assert_eq!(
            doc.active().scenario.assignment(u).main_college(),
            Some(CollegeId(3))
        );
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    let doc = &h.state().editor.as_ref().unwrap().doc;
    assert_eq!(
        doc.active().scenario.assignment(u).main_college(),
        Some(CollegeId(0))
    );
    drop(h);
    // once answered, the files of the offer and the one kept apart are gone
    std::thread::sleep(std::time::Duration::from_millis(300));
    let left: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!left.iter().any(|n| n.contains("meanwhile")), "{left:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_window_title_names_the_project_open() {
    let dir = std::env::temp_dir().join(format!("cm-ui-title-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("réunion du 12 mars.cartemixite");
    let (t, baseline) = carte_mixite::io::territory_files::embedded_demo().unwrap();
    carte_mixite::io::project::write_project(
        &file,
        &t,
        &baseline,
        &[],
        0,
        &carte_mixite::metrics::MetricsConfig::default(),
        &Default::default(),
    )
    .unwrap();
    let loaded = load(Some(file.to_str().unwrap()), Lang::Fr).unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui_state(
            |ui, app: &mut CarteApp| app.frame_ui(ui),
            CarteApp::with_loaded(loaded, Lang::Fr),
        );
    h.run_steps(2);
    assert_eq!(
        h.state().title(),
        "Carte Mixité — réunion du 12 mars.cartemixite"
    );
    let mut h = harness();
    h.run_steps(1);
    assert!(
        h.state().title().starts_with("Carte Mixité — Belcastel"),
        "{}",
        h.state().title()
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The window on a file (or the demo) with autosave in `data`, settled.
fn autosaving_harness(
    data: &std::path::Path,
    file: Option<&std::path::Path>,
) -> Harness<'static, CarteApp> {
    let loaded =
        carte_mixite::app::load_with_autosave(file.map(|p| p.to_str().unwrap()), data, Lang::Fr)
            .unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1400.0))
        .build_ui_state(
            |ui, app: &mut CarteApp| app.frame_ui(ui),
            CarteApp::with_loaded(loaded, Lang::Fr),
        );
    h.run_steps(3);
    settle(&mut h);
    h
}

/// Runs a command as the window would, and draws a frame.
fn run_command(h: &mut Harness<'static, CarteApp>, c: carte_mixite::app::UiCommand) {
    h.state_mut().editor.as_mut().unwrap().run(c, &mut Lang::Fr);
    h.run_steps(1);
}

/// Waits until the autosaves in `data` (offered or kept apart) hold `u` given to `c`.
fn wait_autosaved(
    h: &mut Harness<'static, CarteApp>,
    data: &std::path::Path,
    u: UnitId,
    c: CollegeId,
) {
    use carte_mixite::io::autosave::{autosave_path, read_autosaves};
    let t0 = std::time::Instant::now();
    loop {
        h.run_steps(1);
        let t = h.state().editor.as_ref().unwrap().doc.territory().clone();
        let found = read_autosaves(&autosave_path(data, &t), &t).is_some_and(|r| {
            r.scenarios
                .iter()
                .any(|s| s.assignment(u).main_college() == Some(c))
        });
        if found {
            return;
        }
        assert!(t0.elapsed().as_secs() < 20, "no autosave of the change");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn what_mixing_costs_draws_the_curve_places_the_scenarios_and_keeps_a_point() {
    let mut h = harness();
    h.get_by_label("Assistant…").click();
    h.run_steps(3);
    h.get_by_label("Ce que coûte la mixité…").click();
    h.run_steps(3);
    {
        let w = h
            .state_mut()
            .editor
            .as_mut()
            .unwrap()
            .frontier_window()
            .unwrap();
        w.seconds = 1.0;
        w.points_wanted = 3;
        w.ensemble_maps = 200;
    }
    h.get_by_label("Tracer la courbe").click();
    h.run_steps(2);
    let t0 = std::time::Instant::now();
    while h
        .state_mut()
        .editor
        .as_mut()
        .unwrap()
        .frontier_window()
        .unwrap()
        .running()
    {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(t0.elapsed().as_secs() < 60, "the curve never ended");
    }
    h.run_steps(3);
    let (caps, values, moved) = {
        let w = h
            .state_mut()
            .editor
            .as_mut()
            .unwrap()
            .frontier_window()
            .unwrap();
        let p = w.points();
        assert_eq!(p.len(), 3);
        assert_eq!(w.ensemble().unwrap().values.len(), 200);
        (
            p.iter().map(|p| p.cap).collect::<Vec<_>>(),
            p.iter().map(|p| p.value).collect::<Vec<_>>(),
            p.iter().map(|p| p.moved).collect::<Vec<_>>(),
        )
    };
    // each cap kept, and the index never rises as the cap grows
    assert!(caps.windows(2).all(|c| c[0] < c[1]), "{caps:?}");
    assert!(
        values.windows(2).all(|v| v[1] <= v[0] + 1e-12),
        "{values:?}"
    );
    assert!(moved.iter().zip(&caps).all(|(m, c)| m <= &(c + 1e-9)));
    // where the current map stands among random maps under the same rules, and what they are
    assert!(
        h.query_by_label_contains("La carte actuelle est plus mixte que")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Ce n’est pas l’ensemble de toutes les cartes possibles")
            .is_some()
    );
    // and the indicators panel says where the map on show falls among them
    assert!(
        h.query_by_label_contains("Cette carte est plus mixte (Séparation sociale")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Cliquez un point de la courbe")
            .is_some()
    );
    // choosing a point shows its map on the main map, applying nothing
    h.state_mut()
        .editor
        .as_mut()
        .unwrap()
        .frontier_window()
        .unwrap()
        .select(Some(2));
    h.run_steps(3);
    assert!(h.query_by_label_contains("Aperçu de l’assistant").is_some());
    assert_eq!(changed(&h), 0);
    h.get_by_label("Garder cette carte comme scénario").click();
    h.run_steps(3);
    {
        let editor = h.state().editor.as_ref().unwrap();
        assert_eq!(editor.doc.scenarios().len(), 2);
        assert_eq!(editor.doc.active_index(), 1);
        let s = &editor.doc.active().scenario;
        assert!(s.meta.name.starts_with("Courbe, "), "{}", s.meta.name);
        assert!(
            s.meta.notes.contains("Ce que coûte la mixité"),
            "{}",
            s.meta.notes
        );
        let h_of = |m: &carte_mixite::metrics::Metrics| m.territory().entropy.unwrap().indices.h;
        // the scenario is the point's map: same index
        assert!((h_of(&editor.doc.active().metrics) - values[2]).abs() < 1e-9);
    }
    // the preview is gone: the map shows the kept scenario itself
    assert!(h.query_by_label_contains("Aperçu de l’assistant").is_none());
    // one undo takes the kept map away, redo brings it back
    let kept = changed(&h);
    assert!(kept > 0);
    h.get_by_label("↶ Annuler").click();
    h.run_steps(2);
    assert_eq!(changed(&h), 0);
    h.get_by_label("↷ Rétablir").click();
    h.run_steps(2);
    assert_eq!(changed(&h), kept);
    // the kept map is placed on the curve, and in the ensemble
    assert!(
        h.query_by_label_contains("sur la courbe ou mieux")
            .is_some()
    );
    // the table of scenarios places every scenario in the ensemble drawn
    h.get_by_label("Scénarios et propositions").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("Plus mixte que (Séparation sociale")
            .is_some()
    );
    // the handout carries the curve when asked: the chart, what it says, each scenario placed
    let fig = h
        .state_mut()
        .editor
        .as_mut()
        .unwrap()
        .frontier_window()
        .unwrap()
        .figure(Lang::Fr)
        .unwrap();
    assert_eq!(fig.points.len(), 3);
    assert!((fig.points[2].value - 100.0 * values[2]).abs() < 1e-9);
    assert!(fig.scenarios.iter().any(|s| s.name.starts_with("Courbe, ")));
    assert!(fig.band.is_some());
    assert!(
        fig.sentences
            .iter()
            .any(|t| t.starts_with("« Courbe, ") && t.contains("sur la courbe ou mieux")),
        "{:?}",
        fig.sentences
    );
    let dir = std::env::temp_dir().join(format!("cm-ui-frontier-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    h.get_by_label("Documents pour le public…").click();
    h.run_steps(3);
    h.get_by_label_contains("Joindre au document « Ce que coûte la mixité »")
        .click();
    h.run_steps(2);
    h.get_by_label("Fiche PDF…").click();
    h.run_steps(4);
    type_into(
        &mut h,
        "Chemin du fichier",
        &dir.join("fiche").display().to_string(),
    );
    h.get_by_label("Enregistrer").click();
    wait_contains(&mut h, "fiche.");
    let with = std::fs::read(dir.join("fiche.pdf")).unwrap();
    assert!(with.starts_with(b"%PDF"));
    // what that page prints, as the window's thread makes it, proofread
    let e = h.state().editor.as_ref().unwrap();
    let (base, kept) = (e.doc.baseline(), e.doc.active());
    let mut summary = carte_mixite::publish::PublicSummary::new(
        e.doc.territory(),
        (&base.scenario, &base.metrics),
        (&kept.scenario, &kept.metrics),
        carte_mixite::metrics::Confidentiality::default(),
    );
    summary.frontier = Some(fig.clone());
    let picture = kept.scenario.clone();
    let styles = carte_mixite::publish::palette::sector_styles(e.doc.territory(), &picture);
    let handout = carte_mixite::publish::pdf::handout(
        &summary,
        &carte_mixite::publish::map::MapPicture {
            territory: e.doc.territory(),
            scenario: &picture,
            styles: &styles,
            changed: &[],
        },
        Lang::Fr,
        chrono::Utc::now(),
    )
    .unwrap();
    // the handout's lines, joined again where it wrapped them
    let printed = handout.texts.join(" ");
    for t in fig.sentences.iter().chain([&fig.title, &fig.axis_index]) {
        assert!(printed.contains(t.as_str()), "{t} missing");
        let found = carte_mixite::publish::proofread::defects(Lang::Fr, t, true);
        assert!(found.is_empty(), "{t}: {found:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
