//! The words of `carte-mixite indicators` as a table, French and English.

use super::Lang;

words! {
    /// The table's words.
    pub struct TableTexts("table-") {
        /// "unknown".
        unknown,
        /// "⚠ Fictional territory: no real data.".
        fictional,
        /// "Distances".
        distances,
        /// "walking at".
        walking_at,
        /// "threshold".
        threshold,
        /// "units and".
        far_units_and,
        /// "collèges more than 300 m from a street: that stretch of their walk is counted as a straight line".
        far_colleges,
        /// "Rule: IPS more than".
        rule_more_than,
        /// "from the reference".
        from_reference,
        /// "collège".
        h_college,
        /// "pupils".
        h_pupils,
        /// "use".
        h_use,
        /// "±".
        h_sd,
        /// "bours.".
        h_bours,
        /// "walk".
        h_walk,
        /// "max".
        h_max,
        /// ">thr.".
        h_beyond,
        /// "rule".
        h_rule,
        /// "above".
        flag_above,
        /// "below".
        flag_below,
        /// "within".
        flag_within,
        /// "priv".
        private,
        /// "Pupils and IPS estimated, not counted:".
        est_both,
        /// "Pupils estimated, not counted:".
        est_pupils,
        /// "IPS estimated, not measured:".
        est_ips,
        /// "Territory indices (Δ = change from the baseline)".
        indices,
        /// "IPS spread between public collèges".
        ips_spread,
        /// "max-min gap".
        gap,
        /// ", estimated".
        estimated,
        /// "entropy".
        entropy,
        /// "public/private".
        public_private,
        /// "within public".
        within_public,
        /// "within private".
        within_private,
        /// "boursiers".
        boursiers,
        /// "share".
        share,
    }
}

/// The table's words in one language.
pub fn table_texts(lang: Lang) -> &'static TableTexts {
    TableTexts::of(lang)
}
