//! The words of meeting mode's collège cards (the projector's pictures), French and English.

use super::Lang;

/// The words of a meeting card; numbers come already written in the language.
pub struct MeetingTexts {
    /// The two parts of the boursier icons.
    pub boursier_parts: [&'static str; 2],
    /// "3 non communiqués (moins de 5 élèves)".
    pub hidden: fn(usize) -> String,
    /// Above the icons.
    pub out_of_100: &'static str,
    /// Before the composition before the change.
    pub before: &'static str,
    /// When the composition is unknown.
    pub mix_unknown: &'static str,
    /// Before the IPS.
    pub ips: &'static str,
    /// The gauge's three marks on a wide card.
    pub gauge_wide: (&'static str, &'static str, &'static str),
    /// The gauge's three marks on a narrow card.
    pub gauge_narrow: (&'static str, &'static str, &'static str),
    /// The band of the mixing rule, in per cent.
    pub band: fn(&str) -> String,
    /// How full, in per cent.
    pub full: fn(&str) -> String,
    /// How full before, in per cent.
    pub full_before: fn(&str) -> String,
    /// When the capacity is unknown.
    pub places_unknown: &'static str,
    /// The mean walk: minutes, and how it was measured.
    pub walk: fn(&str, &str) -> String,
    /// The mean walk before, in minutes.
    pub walk_before: fn(&str) -> String,
    /// When the walk is unknown.
    pub walk_unknown: &'static str,
}

const FR: MeetingTexts = MeetingTexts {
    boursier_parts: ["boursiers", "non boursiers"],
    hidden: |n| format!("{n}\u{a0}non communiqués (moins de 5 élèves)"),
    out_of_100: "Sur 100 élèves de ce collège :",
    before: "Avant :",
    mix_unknown: "Composition sociale : inconnue",
    ips: "Indice de position sociale (IPS) :",
    gauge_wide: (
        "bien moins favorisé",
        "moyenne du territoire",
        "bien plus favorisé",
    ),
    gauge_narrow: ("moins favorisé", "moyenne", "plus favorisé"),
    band: |pct| format!("Cadre vert : à moins de {pct} % de la moyenne."),
    full: |pct| format!("Rempli à {pct} %"),
    full_before: |pct| format!(" (avant : {pct} %)"),
    places_unknown: "Places : inconnues",
    walk: |minutes, how| format!("{minutes} min à pied en moyenne ({how})"),
    walk_before: |minutes| format!(", avant : {minutes} min"),
    walk_unknown: "Trajet à pied : inconnu",
};

const EN: MeetingTexts = MeetingTexts {
    boursier_parts: ["boursiers (grant holders)", "others"],
    hidden: |n| format!("{n} not shown (fewer than 5 pupils)"),
    out_of_100: "Out of 100 pupils of this collège:",
    before: "Before:",
    mix_unknown: "Social mix: unknown",
    ips: "Social position index (IPS):",
    gauge_wide: (
        "much less favoured",
        "territory average",
        "much more favoured",
    ),
    gauge_narrow: ("less favoured", "average", "more favoured"),
    band: |pct| format!("Green frame: within {pct} % of the average."),
    full: |pct| format!("{pct} % full"),
    full_before: |pct| format!(" (before: {pct} %)"),
    places_unknown: "Places: unknown",
    walk: |minutes, how| format!("{minutes} min on foot on average ({how})"),
    walk_before: |minutes| format!(", before: {minutes} min"),
    walk_unknown: "Walk: unknown",
};

/// The meeting card's words in one language.
pub fn meeting_texts(lang: Lang) -> &'static MeetingTexts {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}
