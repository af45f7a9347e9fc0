//! The words of `carte-mixite indicators` as a table, French and English.

use super::Lang;

/// The table's words.
pub struct TableTexts {
    /// "unknown".
    pub unknown: &'static str,
    /// "⚠ Fictional territory: no real data.".
    pub fictional: &'static str,
    /// "Distances".
    pub distances: &'static str,
    /// "walking at".
    pub walking_at: &'static str,
    /// "threshold".
    pub threshold: &'static str,
    /// "units and".
    pub far_units_and: &'static str,
    /// "collèges more than 300 m from a street: that stretch of their walk is counted as a straight line".
    pub far_colleges: &'static str,
    /// "Rule: IPS more than".
    pub rule_more_than: &'static str,
    /// "from the reference".
    pub from_reference: &'static str,
    /// "collège".
    pub h_college: &'static str,
    /// "pupils".
    pub h_pupils: &'static str,
    /// "use".
    pub h_use: &'static str,
    /// "±".
    pub h_sd: &'static str,
    /// "bours.".
    pub h_bours: &'static str,
    /// "walk".
    pub h_walk: &'static str,
    /// "max".
    pub h_max: &'static str,
    /// ">thr.".
    pub h_beyond: &'static str,
    /// "rule".
    pub h_rule: &'static str,
    /// "above".
    pub flag_above: &'static str,
    /// "below".
    pub flag_below: &'static str,
    /// "within".
    pub flag_within: &'static str,
    /// "priv".
    pub private: &'static str,
    /// "Pupils and IPS estimated, not counted:".
    pub est_both: &'static str,
    /// "Pupils estimated, not counted:".
    pub est_pupils: &'static str,
    /// "IPS estimated, not measured:".
    pub est_ips: &'static str,
    /// "Territory indices (Δ = change from the baseline)".
    pub indices: &'static str,
    /// "IPS spread between public collèges".
    pub ips_spread: &'static str,
    /// "max-min gap".
    pub gap: &'static str,
    /// ", estimated".
    pub estimated: &'static str,
    /// "entropy".
    pub entropy: &'static str,
    /// "public/private".
    pub public_private: &'static str,
    /// "within public".
    pub within_public: &'static str,
    /// "within private".
    pub within_private: &'static str,
    /// "boursiers".
    pub boursiers: &'static str,
    /// "share".
    pub share: &'static str,
}

const FR: TableTexts = TableTexts {
    unknown: "inconnu",
    fictional: "⚠ Territoire fictif : aucune donnée réelle.",
    distances: "Distances",
    walking_at: "marche à",
    threshold: "seuil",
    far_units_and: "îlots et",
    far_colleges: "collèges à plus de 300 m d'une rue : ce bout de leur trajet est compté à vol d'oiseau",
    rule_more_than: "Règle : IPS à plus de",
    from_reference: "de la référence",
    h_college: "collège",
    h_pupils: "élèves",
    h_use: "rempl.",
    h_sd: "±",
    h_bours: "bours.",
    h_walk: "marche",
    h_max: "max",
    h_beyond: ">seuil",
    h_rule: "règle",
    flag_above: "au-dessus",
    flag_below: "en dessous",
    flag_within: "dans la bande",
    private: "priv",
    est_both: "Élèves et IPS estimés, pas comptés :",
    est_pupils: "Élèves estimés, pas comptés :",
    est_ips: "IPS estimés, pas mesurés :",
    indices: "Indices du territoire (Δ = écart à la carte actuelle)",
    ips_spread: "écart d'IPS entre collèges publics",
    gap: "écart max-min",
    estimated: ", estimé",
    entropy: "entropie",
    public_private: "public/privé",
    within_public: "dans le public",
    within_private: "dans le privé",
    boursiers: "boursiers",
    share: "part",
};

const EN: TableTexts = TableTexts {
    unknown: "unknown",
    fictional: "⚠ Fictional territory: no real data.",
    distances: "Distances",
    walking_at: "walking at",
    threshold: "threshold",
    far_units_and: "units and",
    far_colleges: "collèges more than 300 m from a street: that stretch of their walk is counted as a straight line",
    rule_more_than: "Rule: IPS more than",
    from_reference: "from the reference",
    h_college: "collège",
    h_pupils: "pupils",
    h_use: "use",
    h_sd: "±",
    h_bours: "bours.",
    h_walk: "walk",
    h_max: "max",
    h_beyond: ">thr.",
    h_rule: "rule",
    flag_above: "above",
    flag_below: "below",
    flag_within: "within",
    private: "priv",
    est_both: "Pupils and IPS estimated, not counted:",
    est_pupils: "Pupils estimated, not counted:",
    est_ips: "IPS estimated, not measured:",
    indices: "Territory indices (Δ = change from the baseline)",
    ips_spread: "IPS spread between public collèges",
    gap: "max-min gap",
    estimated: ", estimated",
    entropy: "entropy",
    public_private: "public/private",
    within_public: "within public",
    within_private: "within private",
    boursiers: "boursiers",
    share: "share",
};

/// The table's words in one language.
pub fn table_texts(lang: Lang) -> &'static TableTexts {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}
