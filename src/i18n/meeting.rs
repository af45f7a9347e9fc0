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
