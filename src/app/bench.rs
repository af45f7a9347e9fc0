//! The frame benchmark: the editor driven headless, its UI thread timed per frame.

use super::{CarteApp, Loaded, Tool, load};
use crate::i18n::Lang;
use crate::model::Sector;

/// Drives the editor headless for 300 frames at 1920×1080 (150 panning, 150 painting with the
/// brush) and reports p50 and p95 of the UI thread's work per frame: egui layout, the map
/// layer, tessellation. GPU rendering is not included. With `audience`, the audience screen is
/// open too (embedded in the same frame, as with one viewport): both maps and the room's view
/// of the collèges follow every stroke.
pub fn frame_bench(units: Option<usize>, audience: bool) -> Result<String, String> {
    let loaded = match units {
        None => load(None, crate::i18n::Lang::En)?,
        Some(n) => {
            let (t, s) = crate::generate::synthetic_territory(&crate::generate::SyntheticSpec {
                units: n,
                colleges: (n / 50).max(4),
                seed: 1,
            });
            Loaded::new(t, s)
        }
    };
    let name = loaded.doc.territory().info.name.clone();
    let n_units = loaded.doc.territory().units().len();
    let mut app = CarteApp::with_loaded(loaded, Lang::Fr);
    if audience && let Some(editor) = app.editor.as_mut() {
        editor.run(super::UiCommand::ToggleAudience(None), &mut Lang::Fr);
    }
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
    let center = egui::pos2(560.0, 560.0);
    let mut time = 0.0;
    let mut tess_ms: Vec<f64> = Vec::new();
    let mut frame = |app: &mut CarteApp, events: Vec<egui::Event>| -> (f64, usize) {
        time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            events,
            ..Default::default()
        };
        let t0 = std::time::Instant::now();
        let mut out = ctx.run_ui(input, |ui| app.frame_ui(ui));
        // no GPU takes the textures: dropped on purpose (epaint checks it in debug builds)
        out.textures_delta.clear();
        let t1 = std::time::Instant::now();
        let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
        tess_ms.push(t1.elapsed().as_secs_f64() * 1000.0);
        let vertices = prims
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        (t0.elapsed().as_secs_f64() * 1000.0, vertices)
    };
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    for _ in 0..5 {
        let _ = frame(&mut app, vec![]);
    }
    let mut times = Vec::with_capacity(300);
    let mut vertices = 0;
    // panning: a slow circle with the primary button held
    let _ = frame(
        &mut app,
        vec![egui::Event::PointerMoved(center), button(center, true)],
    );
    for k in 0..150 {
        let a = k as f32 / 150.0 * std::f32::consts::TAU;
        let p = center + egui::vec2(a.cos(), a.sin()) * 120.0;
        let (ms, v) = frame(&mut app, vec![egui::Event::PointerMoved(p)]);
        times.push(ms);
        vertices = vertices.max(v);
    }
    let _ = frame(&mut app, vec![button(center, false)]);
    // painting: the brush across the map with a collège selected
    if let Some(editor) = app.editor.as_mut() {
        let t = editor.doc.territory().clone();
        editor.view.selected = t
            .college_ids()
            .find(|&c| t.college(c).sector == Sector::Public);
        editor.view.tool = Tool::Brush;
    }
    let start = egui::pos2(300.0, 300.0);
    let _ = frame(
        &mut app,
        vec![egui::Event::PointerMoved(start), button(start, true)],
    );
    let n = app
        .editor
        .as_ref()
        .map_or(0, |e| e.doc.territory().units().len());
    for k in 0..150 {
        let p = start + egui::vec2(k as f32 * 4.0, (k as f32 * 0.2).sin() * 80.0);
        // the audience's window lies over the editor's map (one viewport): the strokes are
        // given as the commands the brush makes, one block a frame
        if audience
            && n > 0
            && let Some(editor) = app.editor.as_mut()
        {
            let u = crate::model::UnitId(((k * 7) % n) as u32);
            editor.run(super::UiCommand::AssignToSelected(u), &mut Lang::Fr);
        }
        let (ms, v) = frame(&mut app, vec![egui::Event::PointerMoved(p)]);
        times.push(ms);
        vertices = vertices.max(v);
    }
    let _ = frame(&mut app, vec![button(start, false)]);
    // the measured frames only (warm-up and button frames left out)
    let tess: Vec<f64> = tess_ms[6..156]
        .iter()
        .chain(&tess_ms[158..308])
        .copied()
        .collect();
    let changed = app
        .editor
        .as_ref()
        .map(|e| e.doc.changes_from_baseline().0.len())
        .unwrap_or(0);
    let stats = |t: &[f64]| {
        let mut sorted = t.to_vec();
        sorted.sort_by(f64::total_cmp);
        let pct = |q: f64| sorted[((sorted.len() as f64 - 1.0) * q).round() as usize];
        format!(
            "p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            pct(0.5),
            pct(0.95),
            sorted.last().copied().unwrap_or(0.0)
        )
    };
    let open = if audience {
        ", the audience screen open"
    } else {
        ""
    };
    let audience_drawn = app.editor.as_ref().is_some_and(|e| {
        e.view
            .audience
            .as_ref()
            .is_some_and(|a| !a.texts.is_empty())
    });
    if audience && !audience_drawn {
        return Err("the audience screen was not drawn".into());
    }
    Ok(format!(
        "{name}: {n_units} units, 300 frames at 1920×1080{open} (150 panning, 150 painting; {changed} units painted)\n\
         UI thread per frame (layout + map + tessellation, no GPU): all {}; panning {}; painting {}; up to {vertices} vertices\n\
         of which tessellation: {}\n",
        stats(&times),
        stats(&times[..150]),
        stats(&times[150..]),
        stats(&tess),
    ))
}
