//! Every collège at a glance: one line each, so that a room sees up to 16 collèges without
//! scrolling, on a laptop (1280×720) as on a projector (1920×1080). A line shows the collège's
//! name, its 100 pupils as a bar of social groups (or boursiers) now and before, its IPS on the
//! territory's scale with the mixing rule's band, how full it is and the walk. The collèges a
//! change touches (and the one picked) come first and are drawn taller when room is left.
//!
//! Everything is placed by hand in the given rectangle, and every text placed is reported with
//! whether it had to be cut, so that a test can check that nothing is clipped at both sizes.

use egui::{Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, Vec2};

use super::meeting::{GROUP_COLORS, IconsBy, icon_parts, lerp};
use crate::i18n::{Lang, number};
use crate::metrics::{CollegeIndicators, Confidentiality};

/// At most this many collèges are listed; the others are counted in one line.
pub const MAX_ROWS: usize = 16;
/// The smallest text of the view (pixels): secondary words stay readable from the back.
pub const TEXT_PX: f32 = 18.0;
/// The collège's name.
const NAME_PX: f32 = 20.0;
/// A line never gets thinner than this.
const MIN_ROW: f32 = 28.0;
/// Nor taller than this (a taller, enlarged line is twice as tall).
const MAX_ROW: f32 = 56.0;

/// One collège's line.
pub struct GlanceRow<'a> {
    /// Its name as the map labels it.
    pub name: &'a str,
    /// Its sector colour.
    pub color: Color32,
    /// The figures of the map shown.
    pub now: &'a CollegeIndicators,
    /// The figures before the change, when the change touches this collège.
    pub before: Option<&'a CollegeIndicators>,
    /// The collège the facilitator picked.
    pub selected: bool,
}

impl GlanceRow<'_> {
    fn enlarged(&self) -> bool {
        self.selected || self.before.is_some()
    }
}

/// What every line shares.
pub struct Glance<'a> {
    /// The lines, in the order shown (changed and picked collèges first).
    pub rows: Vec<GlanceRow<'a>>,
    /// Collèges not listed (beyond [`MAX_ROWS`] or the room left) and how many of them changed.
    pub others: (usize, usize),
    /// The territory's group names.
    pub groups: &'a [String],
    /// The mixing rule's band (0.2 = ±20 %), when the rule reads the IPS.
    pub band: Option<f64>,
    /// Metres to minutes on foot.
    pub minutes: &'a dyn Fn(f64) -> f64,
    /// What the bars show.
    pub icons_by: IconsBy,
    /// Whether the IPS shown are estimates.
    pub ips_estimated: bool,
    /// The public threshold.
    pub privacy: Confidentiality,
}

/// A text the view placed: its words, where, and whether it had to be cut to fit.
#[derive(Debug, Clone)]
pub struct PlacedText {
    /// The words (whole, even when cut on screen).
    pub text: String,
    /// Where it was drawn.
    pub rect: Rect,
    /// Whether it was too long for its place and was cut.
    pub cut: bool,
}

/// What the view did this frame.
#[derive(Debug, Default)]
pub struct GlanceOutput {
    /// The line clicked (index into the rows).
    pub clicked: Option<usize>,
    /// Every text drawn.
    pub texts: Vec<PlacedText>,
}

/// How many lines fit in `height` and how tall each is: enlarged lines twice the others when
/// the room allows, never thinner than [`MIN_ROW`].
pub fn row_heights(height: f32, enlarged: &[bool]) -> Vec<f32> {
    let fits = ((height / MIN_ROW).floor().max(0.0) as usize).min(MAX_ROWS);
    let shown = &enlarged[..enlarged.len().min(fits)];
    let n = shown.len() as f32;
    let big = shown.iter().filter(|e| **e).count() as f32;
    let base = (height / (n + big)).min(MAX_ROW);
    if base >= MIN_ROW {
        shown
            .iter()
            .map(|&e| if e { 2.0 * base } else { base })
            .collect()
    } else {
        let base = (height / n.max(1.0)).min(MAX_ROW);
        vec![base; shown.len()]
    }
}

/// The columns of a line, left to right: name, pupils bar, IPS gauge, filling, walk.
struct Columns {
    name: Rect,
    bar: Rect,
    gauge: Rect,
    full: Rect,
    walk: Rect,
}

/// The columns' widths: name, bar, gauge, filling, walk (a column nobody knows is 0 wide).
type Widths = [f32; 5];

/// The columns of a line, with these widths.
fn columns(row: Rect, widths: &Widths) -> Columns {
    let gap = 8.0;
    let mut x = row.left() + 14.0;
    let mut next = |w: f32| {
        let r = Rect::from_min_max(Pos2::new(x, row.top()), Pos2::new(x + w, row.bottom()));
        x += w + if w > 0.0 { gap } else { 0.0 };
        r
    };
    Columns {
        name: next(widths[0]),
        bar: next(widths[1]),
        gauge: next(widths[2]),
        full: next(widths[3]),
        walk: next(widths[4]),
    }
}

/// The widths: each figure's column as wide as its heading and its widest value need, the
/// name as wide as the longest name needs (at least a fifth), what is left to the bar and the
/// gauge.
fn widths(
    ui: &Ui,
    lang: Lang,
    width: f32,
    g: &Glance<'_>,
    heads: [&str; 5],
    shown: (bool, bool),
) -> Widths {
    let w = crate::i18n::meeting::glance_texts(lang);
    let head = |t: &str| text_width(ui, t, TEXT_PX) + 4.0;
    let value = |t: &str| text_width(ui, t, TEXT_PX + 2.0) + 4.0;
    let full = if shown.0 {
        head(heads[3])
            .max(value(&(w.pct)("100")))
            .max(value(w.unknown))
    } else {
        0.0
    };
    let walk = if shown.1 {
        head(heads[4])
            .max(value(&(w.minutes)("52")))
            .max(value(w.unknown))
    } else {
        0.0
    };
    let gaps = 8.0 * (2.0 + f32::from(u8::from(shown.0)) + f32::from(u8::from(shown.1)));
    let usable = width - 14.0 - gaps;
    let (bar_min, gauge_min) = (head(heads[1]).max(100.0), head(heads[2]).max(70.0));
    let name_need = g
        .rows
        .iter()
        .map(|r| text_width(ui, r.name, NAME_PX) + 6.0)
        .fold(head(heads[0]), f32::max);
    let name = name_need
        .min(usable - full - walk - bar_min - gauge_min)
        .max(usable * 0.2);
    let left = (usable - name - full - walk - bar_min - gauge_min).max(0.0);
    [
        name,
        bar_min + 0.7 * left,
        gauge_min + 0.3 * left,
        full,
        walk,
    ]
}

/// Draws the view in `rect`: a header, the lines, what is not listed, and what the marks mean.
pub fn glance_ui(ui: &mut Ui, lang: Lang, rect: Rect, g: &Glance<'_>) -> GlanceOutput {
    let w = crate::i18n::meeting::glance_texts(lang);
    let mut out = GlanceOutput::default();
    let line_h = TEXT_PX + 8.0;
    // the foot's lines are closer: its words are read once, the rows all meeting long
    let foot_line_h = TEXT_PX + 4.0;
    let grey = Color32::from_gray(50);
    let left = egui::Align2::LEFT_CENTER;
    // the header
    let header = Rect::from_min_size(rect.min, Vec2::new(rect.width(), line_h));
    // a figure nobody knows (no capacities, no walks) gets no column: the foot says so
    let shown = (
        g.rows.iter().any(|r| r.now.capacity_use.is_some()),
        g.rows.iter().any(|r| r.now.walk_mean_m.is_some()),
    );
    let mix_head = match g.icons_by {
        IconsBy::Group => w.mix,
        IconsBy::Boursier => w.boursiers,
    };
    let heads = [w.college, mix_head, w.ips, w.full, w.walk];
    let widths = widths(ui, lang, rect.width(), g, heads, shown);
    let cols = columns(header, &widths);
    for (text, at, align) in [
        (w.college, cols.name, left),
        (mix_head, cols.bar, left),
        (w.ips, cols.gauge, egui::Align2::CENTER_CENTER),
        (w.full, cols.full, left),
        (w.walk, cols.walk, left),
    ] {
        if at.width() > 0.0 {
            out.texts
                .push(put_text(ui, text.into(), at, TEXT_PX, grey, align));
        }
    }
    // the foot: what is not listed, what the marks mean, the bars' colours (on as many lines
    // as their words need)
    let colours: Vec<(Symbol, String)> = bar_parts(lang, g)
        .into_iter()
        .map(|(c, n)| (Symbol::Colour(c), n))
        .collect();
    let mut marks = mark_items(lang, g.band, g.ips_estimated);
    if !shown.0 {
        marks.push((Symbol::Estimated, w.no_capacity.into()));
    }
    if !shown.1 {
        marks.push((Symbol::Estimated, w.no_walk.into()));
    }
    let colour_lines = flow_lines(ui, rect.width() - 8.0, &colours) as f32;
    // "et N autres collèges, inchangés" opens the marks' lines when some are not listed; its
    // room is measured with the largest count it may say
    let others_item = |n: (usize, usize)| (Symbol::Estimated, (w.others)(n.0, n.1));
    let all = g.rows.len() + g.others.0;
    let with_others: Vec<(Symbol, String)> = std::iter::once(others_item((all, all)))
        .chain(mark_items(lang, g.band, g.ips_estimated))
        .chain((!shown.0).then(|| (Symbol::Estimated, w.no_capacity.to_string())))
        .chain((!shown.1).then(|| (Symbol::Estimated, w.no_walk.to_string())))
        .collect();
    let mark_lines = [
        flow_lines(ui, rect.width() - 8.0, &marks) as f32,
        flow_lines(ui, rect.width() - 8.0, &with_others) as f32,
    ];
    let enlarged: Vec<bool> = g.rows.iter().map(GlanceRow::enlarged).collect();
    let layout = |others_line: bool| {
        let foot_h = (mark_lines[usize::from(others_line)] + colour_lines) * foot_line_h;
        let body = Rect::from_min_max(
            Pos2::new(rect.left(), header.bottom() + 2.0),
            Pos2::new(rect.right(), rect.bottom() - foot_h),
        );
        (foot_h, body, row_heights(body.height(), &enlarged))
    };
    // a line for the collèges not listed, only when some are not
    let (mut foot_h, mut body, mut heights) = layout(g.others.0 > 0);
    if heights.len() < g.rows.len() && g.others.0 == 0 {
        (foot_h, body, heights) = layout(true);
    }
    let mut y = body.top();
    let mut not_listed = g.others;
    for (k, row) in g.rows.iter().enumerate() {
        let Some(&h) = heights.get(k) else {
            not_listed.0 += 1;
            not_listed.1 += usize::from(row.before.is_some());
            continue;
        };
        let r = Rect::from_min_size(Pos2::new(rect.left(), y), Vec2::new(rect.width(), h));
        y += h;
        if row_ui(ui, lang, (k, r, &widths), row, g, &mut out.texts) {
            out.clicked = Some(k);
        }
    }
    let foot_line = |k: f32| {
        Rect::from_min_size(
            Pos2::new(rect.left() + 4.0, rect.bottom() - foot_h + k * foot_line_h),
            Vec2::new(rect.width() - 8.0, foot_line_h),
        )
    };
    let others = not_listed.0 > 0;
    if others {
        marks.insert(0, others_item(not_listed));
    }
    let painter = ui.painter().clone();
    let at = foot_line(0.0);
    flow_ui(ui, &painter, at, at.center().y, marks, &mut out.texts);
    let at = foot_line(mark_lines[usize::from(others)]);
    flow_ui(ui, &painter, at, at.center().y, colours, &mut out.texts);
    out
}

/// What the marks mean, each beside its symbol: the ring and the thin bar before the change,
/// the green frame the rule's band (the black dot, the collège's IPS now, needs no words), and
/// whether the IPS are estimates.
fn mark_items(lang: Lang, band: Option<f64>, estimated: bool) -> Vec<(Symbol, String)> {
    let w = crate::i18n::meeting::glance_texts(lang);
    let mut items: Vec<(Symbol, String)> = vec![(Symbol::Before, w.marks_before.into())];
    match band {
        Some(b) => items.push((Symbol::Band, (w.marks)(&number(lang, b * 100.0, 0)))),
        None => items.push((Symbol::Now, w.marks_no_band.into())),
    }
    if estimated {
        items.push((Symbol::Estimated, w.ips_estimated.into()));
    }
    items
}

/// A mark of the foot.
enum Symbol {
    /// The black dot: the IPS now.
    Now,
    /// The ring and the thin bar: before.
    Before,
    /// The green frame: the rule's band.
    Band,
    /// A colour of the bars.
    Colour(Color32),
    /// Nothing: words only (the IPS are estimates).
    Estimated,
}

impl Symbol {
    fn width(&self) -> f32 {
        match self {
            Symbol::Before => 42.0,
            Symbol::Estimated => 0.0,
            _ => 22.0,
        }
    }

    fn paint(&self, painter: &egui::Painter, x: f32, y: f32) {
        match self {
            Symbol::Now => {
                painter.circle_filled(Pos2::new(x + 7.0, y), 6.5, Color32::BLACK);
            }
            Symbol::Before => {
                let ring = Stroke::new(2.5, Color32::from_gray(60));
                painter.circle_stroke(Pos2::new(x + 7.0, y), 6.0, ring);
                let thin = Rect::from_min_size(Pos2::new(x + 18.0, y - 3.0), Vec2::new(18.0, 6.0));
                painter.rect_filled(thin, 0.0, GROUP_COLORS[1]);
            }
            Symbol::Band => {
                let frame = Rect::from_min_size(Pos2::new(x, y - 8.0), Vec2::new(18.0, 16.0));
                let green = Stroke::new(2.5, Color32::from_rgb(0, 120, 60));
                painter.rect_stroke(frame, 2.0, green, egui::StrokeKind::Middle);
            }
            Symbol::Estimated => {}
            Symbol::Colour(c) => {
                let sw = Rect::from_min_size(Pos2::new(x, y - 7.0), Vec2::splat(14.0));
                painter.rect_filled(sw, 2.0, *c);
            }
        }
    }
}

/// Symbols and their words, left to right, going on to the next line when one does not fit;
/// returns how many lines it took.
fn flow_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    first: Rect,
    y0: f32,
    items: Vec<(Symbol, String)>,
    texts: &mut Vec<PlacedText>,
) -> usize {
    let grey = Color32::from_gray(30);
    let (mut x, mut y, mut lines) = (first.left(), y0, 1);
    let line_h = first.height();
    for (symbol, word) in items {
        let width = ui
            .painter()
            .layout_no_wrap(word.clone(), FontId::proportional(TEXT_PX), grey)
            .size()
            .x;
        let need = symbol.width() + width;
        if x > first.left() && x + need > first.right() {
            x = first.left();
            y += line_h;
            lines += 1;
        }
        symbol.paint(painter, x, y);
        let at = Rect::from_min_max(
            Pos2::new(x + symbol.width(), y - line_h / 2.0),
            Pos2::new((x + need + 1.0).min(first.right()), y + line_h / 2.0),
        );
        texts.push(put_text(
            ui,
            word,
            at,
            TEXT_PX,
            grey,
            egui::Align2::LEFT_CENTER,
        ));
        x += need + 14.0;
    }
    lines
}

/// How many lines symbols and their words take at this width (as [`flow_ui`] lays them).
fn flow_lines(ui: &Ui, width: f32, items: &[(Symbol, String)]) -> usize {
    let (mut x, mut lines) = (0.0, 1);
    for (symbol, word) in items {
        let need = symbol.width() + text_width(ui, word, TEXT_PX);
        if x > 0.0 && x + need > width {
            x = 0.0;
            lines += 1;
        }
        x += need + 14.0;
    }
    lines
}

/// One collège's line; true when clicked (anywhere on it).
fn row_ui(
    ui: &mut Ui,
    lang: Lang,
    (k, r, widths): (usize, Rect, &Widths),
    row: &GlanceRow<'_>,
    g: &Glance<'_>,
    texts: &mut Vec<PlacedText>,
) -> bool {
    let w = crate::i18n::meeting::glance_texts(lang);
    // by place, not name: two collèges may share a name (Lille has two Jean Zay)
    let response = ui.interact(r, ui.make_persistent_id(("glance", k)), Sense::click());
    let painter = ui.painter_at(r);
    let inner = r.shrink2(Vec2::new(0.0, 2.0));
    let fill = if row.selected {
        Color32::from_rgb(255, 250, 225)
    } else {
        Color32::WHITE
    };
    painter.rect_filled(inner, 4.0, fill);
    let stroke = if row.selected {
        Stroke::new(3.0, Color32::BLACK)
    } else {
        Stroke::new(1.0, Color32::from_gray(200))
    };
    painter.rect_stroke(inner, 4.0, stroke, egui::StrokeKind::Inside);
    painter.rect_filled(
        Rect::from_min_size(
            inner.min + Vec2::new(3.0, 3.0),
            Vec2::new(8.0, inner.height() - 6.0),
        ),
        2.0,
        row.color,
    );
    let cols = columns(inner, widths);
    let black = Color32::BLACK;
    let left = egui::Align2::LEFT_CENTER;
    let tall = row.enlarged() && inner.height() >= 2.0 * MIN_ROW;
    // a long name a little smaller, never under the smallest text
    let name_px = [NAME_PX + if tall { 4.0 } else { 0.0 }, NAME_PX, TEXT_PX]
        .into_iter()
        .find(|px| text_width(ui, row.name, *px) <= cols.name.width())
        .unwrap_or(TEXT_PX);
    let (name, name_response) = put_label(
        ui,
        row.name.to_string(),
        cols.name,
        name_px,
        black,
        left,
        Sense::click(),
    );
    texts.push(name);
    // the 100 pupils now, and a thin bar before
    let parts = |i: &CollegeIndicators| {
        let pupils = g.privacy.count(Some(i.pupils));
        pupils.and_then(|_| icon_parts(lang, i, g.groups, g.icons_by, g.privacy))
    };
    let bar_h = (inner.height() * if tall { 0.34 } else { 0.5 }).min(24.0);
    match parts(row.now) {
        Some((cells, _)) => {
            let lift = if row.before.is_some() { 4.0 } else { 0.0 };
            let now_bar = Rect::from_center_size(
                Pos2::new(cols.bar.center().x, cols.bar.center().y - lift),
                Vec2::new(cols.bar.width(), bar_h),
            );
            stacked_bar(&painter, now_bar, &cells);
            if let Some((cells, _)) = row.before.and_then(parts) {
                let thin = Rect::from_min_size(
                    now_bar.left_bottom() + Vec2::new(0.0, 3.0),
                    Vec2::new(now_bar.width(), 6.0),
                );
                stacked_bar(&painter, thin, &cells);
            }
        }
        None => texts.push(put_text(
            ui,
            w.unknown.into(),
            cols.bar,
            TEXT_PX,
            black,
            left,
        )),
    }
    // on a tall line of a changed collège, the figures now on top and what they were before
    // under them, in one phrase
    let split = tall && row.before.is_some();
    let top_half = |r: Rect| {
        if split {
            r.split_top_bottom_at_fraction(0.5).0
        } else {
            r
        }
    };
    let (gauge_col, full_col, walk_col) = (
        top_half(cols.gauge),
        top_half(cols.full),
        top_half(cols.walk),
    );
    let before_line = split.then(|| {
        let bottom = |r: Rect| r.split_top_bottom_at_fraction(0.5).1;
        bottom(cols.gauge).union(bottom(cols.walk))
    });
    // the IPS against the territory's band
    let before_gap = row.before.and_then(|b| b.deviation);
    gauge(&painter, gauge_col, row.now.deviation, before_gap, g.band);
    if row.now.deviation.is_none() {
        let center = egui::Align2::CENTER_CENTER;
        texts.push(put_text(
            ui,
            w.unknown.into(),
            gauge_col,
            TEXT_PX,
            black,
            center,
        ));
    }
    // how full, and the walk
    let pct = |i: &CollegeIndicators| i.capacity_use.map(|u| (w.pct)(&number(lang, u * 100.0, 0)));
    let walk = |i: &CollegeIndicators| {
        i.walk_mean_m
            .map(|m| (w.minutes)(&number(lang, (g.minutes)(m), 0)))
    };
    let over = row.now.capacity_use.is_some_and(|u| u > 1.0);
    let full_color = if over {
        Color32::from_rgb(190, 30, 30)
    } else {
        black
    };
    if full_col.width() > 0.0 {
        let now_full = pct(row.now).unwrap_or_else(|| w.unknown.into());
        texts.push(put_text(
            ui,
            now_full,
            full_col,
            TEXT_PX + 2.0,
            full_color,
            left,
        ));
    }
    if walk_col.width() > 0.0 {
        let now_walk = walk(row.now).unwrap_or_else(|| w.unknown.into());
        texts.push(put_text(ui, now_walk, walk_col, TEXT_PX + 2.0, black, left));
    }
    if let (Some(at), Some(b)) = (before_line, row.before) {
        let value = [pct(b), walk(b)]
            .into_iter()
            .map(|v| v.unwrap_or_else(|| w.unknown.into()))
            .collect::<Vec<_>>()
            .join(" · ");
        let grey = Color32::from_gray(70);
        texts.push(put_text(ui, (w.before)(&value), at, TEXT_PX, grey, left));
    }
    response.clicked() || name_response.clicked()
}

/// How wide a text is in one line at this size.
fn text_width(ui: &Ui, text: &str, px: f32) -> f32 {
    ui.painter()
        .layout_no_wrap(text.to_string(), FontId::proportional(px), Color32::BLACK)
        .size()
        .x
}

/// Lays out a text in one line inside `at`, as a label (screen readers and tests find it); a
/// text too long is cut with an ellipsis, and says so.
fn put_text(
    ui: &mut Ui,
    text: String,
    at: Rect,
    px: f32,
    color: Color32,
    align: egui::Align2,
) -> PlacedText {
    put_label(ui, text, at, px, color, align, Sense::hover()).0
}

/// The same, sensing `sense`; gives the label's response too.
fn put_label(
    ui: &mut Ui,
    text: String,
    at: Rect,
    px: f32,
    color: Color32,
    align: egui::Align2,
    sense: Sense,
) -> (PlacedText, egui::Response) {
    let font = FontId::proportional(px);
    let painter = ui.painter();
    let whole = painter.layout_no_wrap(text.clone(), font.clone(), color);
    let cut = whole.size().x > at.width() + 0.5 || whole.size().y > at.height() + 0.5;
    let galley = if cut {
        let mut job = egui::text::LayoutJob::simple_singleline(text.clone(), font, color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(at.width());
        painter.layout_job(job)
    } else {
        whole
    };
    let rect = align.align_size_within_rect(galley.size(), at);
    let response = ui.put(
        rect,
        egui::Label::new(galley).selectable(false).sense(sense),
    );
    (PlacedText { text, rect, cut }, response)
}

/// 100 pupils as one bar, each part its colour.
fn stacked_bar(painter: &egui::Painter, r: Rect, cells: &[(Color32, usize)]) {
    let total: usize = cells.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return;
    }
    let mut x = r.left();
    for (c, n) in cells {
        let w = r.width() * *n as f32 / total as f32;
        painter.rect_filled(
            Rect::from_min_max(Pos2::new(x, r.top()), Pos2::new(x + w, r.bottom())),
            0.0,
            *c,
        );
        x += w;
    }
    painter.rect_stroke(
        r,
        0.0,
        Stroke::new(1.0, Color32::from_gray(90)),
        egui::StrokeKind::Outside,
    );
}

/// The IPS gap on a small scale (−40 % … +40 %): the band in green, now a black dot, before a
/// ring.
fn gauge(
    painter: &egui::Painter,
    r: Rect,
    now: Option<f64>,
    before: Option<f64>,
    band: Option<f64>,
) {
    let bar = Rect::from_center_size(r.center(), Vec2::new(r.width() - 12.0, 8.0));
    let span = 0.4;
    let x_of = |d: f64| {
        let t = ((d.clamp(-span, span) + span) / (2.0 * span)) as f32;
        bar.left() + t * bar.width()
    };
    // less favoured (orange) to more favoured (purple)
    let steps = 12;
    for k in 0..steps {
        let t = k as f32 / steps as f32;
        let c = lerp(GROUP_COLORS[3], GROUP_COLORS[0], t).gamma_multiply(0.5);
        let seg = Rect::from_min_max(
            Pos2::new(bar.left() + t * bar.width(), bar.top()),
            Pos2::new(
                bar.left() + (t + 1.0 / steps as f32) * bar.width() + 0.5,
                bar.bottom(),
            ),
        );
        painter.rect_filled(seg, 0.0, c);
    }
    if let Some(b) = band {
        let frame = Rect::from_min_max(
            Pos2::new(x_of(-b), bar.top() - 5.0),
            Pos2::new(x_of(b), bar.bottom() + 5.0),
        );
        painter.rect_stroke(
            frame,
            2.0,
            Stroke::new(2.5, Color32::from_rgb(0, 120, 60)),
            egui::StrokeKind::Middle,
        );
    }
    if let Some(d) = before {
        painter.circle_stroke(
            Pos2::new(x_of(d), bar.center().y),
            6.0,
            Stroke::new(2.5, Color32::from_gray(60)),
        );
    }
    if let Some(d) = now {
        let p = Pos2::new(x_of(d), bar.center().y);
        painter.circle_filled(p, 6.5, Color32::BLACK);
        painter.circle_stroke(p, 6.5, Stroke::new(1.5, Color32::WHITE));
    }
}

/// The bars' colours and their words.
fn bar_parts(lang: Lang, g: &Glance<'_>) -> Vec<(Color32, String)> {
    let w = crate::i18n::meeting::meeting_texts(lang);
    match g.icons_by {
        IconsBy::Group => GROUP_COLORS
            .iter()
            .copied()
            .zip(g.groups.iter().map(|n| crate::i18n::group_name(lang, n)))
            .collect(),
        IconsBy::Boursier => super::meeting::BOURSIER_COLORS
            .iter()
            .copied()
            .zip([w.boursier_part.to_string(), w.not_boursier_part.to_string()])
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_lines_fit_and_changed_ones_are_taller_when_there_is_room() {
        // 16 plain lines in 520 px: all listed, none thinner than the minimum
        let h = row_heights(520.0, &[false; 16]);
        assert_eq!(h.len(), 16);
        assert!(h.iter().all(|x| *x >= MIN_ROW));
        assert!(h.iter().sum::<f32>() <= 520.0 + 0.01);
        // two changed among ten in a tall panel: twice as tall
        let mut e = vec![false; 10];
        e[0] = true;
        e[1] = true;
        let h = row_heights(700.0, &e);
        assert_eq!(h[0], 2.0 * h[5]);
        // no room to enlarge: every line the same, still all listed
        let h = row_heights(16.0 * 29.0, &[true; 16]);
        assert_eq!(h.len(), 16);
        assert!(h.iter().all(|x| (*x - h[0]).abs() < 1e-3));
        // a tiny panel lists what fits; 40 collèges never list more than 16
        assert_eq!(row_heights(90.0, &[false; 10]).len(), 3);
        assert_eq!(row_heights(2000.0, &[false; 40]).len(), MAX_ROWS);
    }
}
