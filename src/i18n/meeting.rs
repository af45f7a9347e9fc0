//! The words of meeting mode's collège cards (the projector's pictures), French and English.

use super::Lang;

words! {
    /// The words of a meeting card; numbers come already written in the language.
    pub struct MeetingTexts("meeting-") {
        /// The two parts of the boursier icons.
        boursier_part,
        /// The two parts of the boursier icons.
        not_boursier_part,
        /// "3 non communiqués (moins de 5 élèves)".
        hidden(n: usize),
        /// Above the icons.
        out_of_100,
        /// Before the composition before the change.
        before,
        /// When the composition is unknown.
        mix_unknown,
        /// Before the IPS.
        ips,
        /// The gauge's three marks on a wide card.
        gauge_wide_low,
        /// The gauge's three marks on a wide card.
        gauge_wide_mid,
        /// The gauge's three marks on a wide card.
        gauge_wide_high,
        /// The gauge's three marks on a narrow card.
        gauge_narrow_low,
        /// The gauge's three marks on a narrow card.
        gauge_narrow_mid,
        /// The gauge's three marks on a narrow card.
        gauge_narrow_high,
        /// The band of the mixing rule, in per cent.
        band(pct: &str),
        /// How full, in per cent.
        full(pct: &str),
        /// How full before, in per cent.
        full_before(pct: &str),
        /// When the capacity is unknown.
        places_unknown,
        /// The mean walk: minutes, and how it was measured.
        walk(minutes: &str, how: &str),
        /// The mean walk before, in minutes.
        walk_before(minutes: &str),
        /// When the walk is unknown.
        walk_unknown,
    }
}

/// The meeting card's words in one language.
pub fn meeting_texts(lang: Lang) -> &'static MeetingTexts {
    MeetingTexts::of(lang)
}

words! {
    /// The words of the room's view of every collège at a glance.
    pub struct GlanceTexts("glance-") {
        /// Column head: the collège.
        college,
        /// Column head: the bar of social groups.
        mix,
        /// Column head: the bar of boursiers.
        boursiers,
        /// Column head: the IPS gauge.
        ips,
        /// Column head: how full.
        full,
        /// Column head: the walk.
        walk,
        /// "et 60 autres collèges, inchangés" (how many are not listed, how many of them changed).
        others(n: usize, changed: usize),
        /// What the gauge's green frame means, with the rule's band in per cent.
        marks(pct: &str),
        /// What the gauge shows, without a band (the rule does not read the IPS).
        marks_no_band,
        /// Said when the IPS shown are estimates.
        ips_estimated,
        /// After a figure that is estimated.
        estimated,
        /// In the foot, when no collège's capacity is known.
        no_capacity,
        /// In the foot, when no walk is known.
        no_walk,
        /// Beside the black dot: now.
        marks_now,
        /// Beside the ring and the thin bar: before the change.
        marks_before,
        /// A figure not known.
        unknown,
        /// A share in per cent.
        pct(pct: &str),
        /// Minutes on foot.
        minutes(minutes: &str),
        /// The figure before the change.
        before(value: &str),
        /// The IPS spread between public collèges, before and after, in points.
        spread_change(before: &str, now: &str),
        /// The same, unchanged.
        spread_same(value: &str),
        /// The territory's mixing index, "sur 100", before and after.
        index_change(before: &str, now: &str),
        /// The same, unchanged.
        index_same(value: &str),
        /// What the index means, after it.
        index_hint,
    }
}

/// The room's words in one language.
pub fn glance_texts(lang: Lang) -> &'static GlanceTexts {
    GlanceTexts::of(lang)
}
