//! Proofreading what the public reads: a text of the window, the handout, the record or a CSV
//! cell is checked for the defects that were once seen in them, so that none comes back. A
//! doubled sign ("−−0,2"), a decimal point in French ("0.0 km"), a plural left to the reader
//! ("scénario(s)") or that does not agree with its number ("1 îlots"), French spacing or
//! quotes in English ("Tool :"), and, in a public view, a count of fewer than 5 pupils.

use crate::i18n::Lang;

/// A defect found, with the text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defect {
    /// What is wrong.
    pub what: &'static str,
    /// The text.
    pub text: String,
}

/// Plural nouns that must not follow the number 1.
const PLURALS: &[&str] = &[
    "îlots",
    "élèves",
    "collèges",
    "scénarios",
    "remarques",
    "boursiers",
    "écoles",
    "places",
    "minutes",
    "blocks",
    "pupils",
    "scenarios",
    "remarks",
    "schools",
    "changements",
    "changes",
];

/// Words of specialists: the public reads them only inside the glossary's definitions.
const JARGON: &[&str] = &[
    "entropie",
    "entropy",
    "theil",
    "dissimilarit",
    "gini",
    "z-score",
    "dijkstra",
    "percentile",
    "quantile",
];

/// Whether a text is (or contains) one of the glossary's definitions, where specialists'
/// words are named on purpose.
fn is_definition(lang: Lang, text: &str) -> bool {
    use crate::i18n::glossary::{Term, definition};
    // a definition whole, or a line of it (the handout wraps them)
    let line = text.trim();
    Term::ALL.iter().any(|&t| {
        let d = definition(lang, t);
        text.contains(d.trim_end_matches('.')) || (line.len() > 20 && d.contains(line))
    })
}

/// Words that count pupils, after which a number under 5 must not be shown publicly.
const PUPILS: &[&str] = &["élèves", "élève", "pupils", "pupil", "boursiers"];

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}'
}

/// The number written just before position `i` (which follows a space), thousands separators
/// allowed: its value, and whether it is a whole number.
fn number_before(chars: &[char], i: usize) -> Option<(f64, bool)> {
    if i < 2 || !is_space(chars[i - 1]) {
        return None;
    }
    let end = i - 1;
    let mut j = end;
    while j > 0
        && (chars[j - 1].is_ascii_digit()
            || chars[j - 1] == ','
            || chars[j - 1] == '.'
            || (chars[j - 1] == '\u{202f}' && j >= 2 && chars[j - 2].is_ascii_digit()))
    {
        j -= 1;
    }
    if j == end || (j > 0 && (chars[j - 1].is_alphanumeric() || chars[j - 1] == '−')) {
        return None;
    }
    let token: String = chars[j..end].iter().filter(|c| **c != '\u{202f}').collect();
    let whole = !token.contains([',', '.']);
    token.replace(',', ".").parse().ok().map(|v| (v, whole))
}

/// Whether the number whose point is at `i` follows a name ("Etalab 2.0", "ODbL 1.0"): a
/// version that is part of the name, not a decimal.
fn after_a_name(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j > 0 && chars[j - 1].is_ascii_digit() {
        j -= 1;
    }
    if j < 2 || !is_space(chars[j - 1]) {
        return false;
    }
    let mut k = j - 1;
    while k > 0 && !is_space(chars[k - 1]) {
        k -= 1;
    }
    chars[k].is_uppercase()
}

/// The defects of one text in a language; `public` adds the rule on small counts.
pub fn defects(lang: Lang, text: &str, public: bool) -> Vec<Defect> {
    let mut out = Vec::new();
    let mut found = |what: &'static str| {
        out.push(Defect {
            what,
            text: text.to_string(),
        })
    };
    for doubled in ["−−", "--", "+−", "−+", "+-", "-+", "++"] {
        if text.contains(doubled) && !text.contains("---") {
            found("a doubled sign");
            break;
        }
    }
    let chars: Vec<char> = text.chars().collect();
    // "scénario(s)": the mark stuck to its word ("Durée (s)" is a unit, seconds)
    let stuck = |mark: &str| {
        text.match_indices(mark).any(|(i, _)| {
            text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        })
    };
    if stuck("(s)") || stuck("(es)") {
        found("a plural left to the reader");
    }
    if lang == Lang::Fr {
        // "0.0 km": a digit, a point, a digit, not a version ("0.1.0") nor a file name
        for i in 1..chars.len().saturating_sub(1) {
            if chars[i] == '.'
                && chars[i - 1].is_ascii_digit()
                && chars[i + 1].is_ascii_digit()
                && !chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '.')
                    .any(|c| *c == '.' || c.is_ascii_alphabetic())
                && !chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| !c.is_whitespace())
                    .any(|c| *c == '.' || *c == '/' || c.is_ascii_alphabetic())
                && !after_a_name(&chars, i)
            {
                found("a decimal point in French");
                break;
            }
        }
    } else {
        // a punctuation mark named rather than used ("separated by ;)") is not spacing
        let french_spacing = chars.windows(3).any(|w| {
            is_space(w[0]) && matches!(w[1], ':' | ';' | '!' | '?') && !matches!(w[2], ')' | '"')
        }) || chars.last().is_some_and(|c| matches!(c, ':' | ';'))
            && chars.len() >= 2
            && is_space(chars[chars.len() - 2])
            || text.contains('«')
            || text.contains('»');
        if french_spacing {
            found("French spacing or quotes in English");
        }
    }
    for word in PLURALS {
        let wc: Vec<char> = word.chars().collect();
        for i in 0..chars.len() {
            if chars[i..].starts_with(&wc)
                && chars.get(i + wc.len()).is_none_or(|c| !c.is_alphanumeric())
                && number_before(&chars, i).is_some_and(|(v, whole)| whole && v == 1.0)
            {
                found("a plural after 1");
            }
        }
    }
    // an index "sur 100" written as a share ("Séparation sociale … 11,4 %")
    let lower = text.to_lowercase();
    if ["séparation sociale", "social separation"]
        .iter()
        .any(|w| lower.contains(w))
        && chars
            .windows(2)
            .any(|w| w[1] == '%' && (is_space(w[0]) || w[0].is_ascii_digit()))
        && !lower.contains("sur 100")
        && !lower.contains("out of 100")
    {
        found("an index out of 100 written as a share");
    }
    // words of specialists the glossary does not define for the public
    if JARGON.iter().any(|j| lower.contains(j)) && !is_definition(lang, text) {
        found("a technical term outside the glossary");
    }
    if public {
        for word in PUPILS {
            let wc: Vec<char> = word.chars().collect();
            for i in 0..chars.len() {
                if chars[i..].starts_with(&wc)
                    && chars.get(i + wc.len()).is_none_or(|c| !c.is_alphanumeric())
                    && number_before(&chars, i)
                        .is_some_and(|(v, whole)| whole && v > 0.0 && v < 5.0)
                {
                    found("a count of fewer than 5 pupils shown");
                }
            }
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whats(lang: Lang, text: &str, public: bool) -> Vec<&'static str> {
        defects(lang, text, public)
            .into_iter()
            .map(|d| d.what)
            .collect()
    }

    /// Each defect once seen, found; and what was right, left alone.
    #[test]
    fn each_defect_once_seen_is_found_and_right_words_pass() {
        let fr = Lang::Fr;
        assert_eq!(whats(fr, "gain −−0,0002", false), vec!["a doubled sign"]);
        assert_eq!(
            whats(fr, "trajet moyen 0.0 km", false),
            vec!["a decimal point in French"]
        );
        assert_eq!(
            whats(fr, "1 scénario(s) retrouvé(s)", false),
            vec!["a plural left to the reader"]
        );
        assert_eq!(
            whats(fr, "1 îlots changent", false),
            vec!["a plural after 1"]
        );
        assert_eq!(
            whats(fr, "3 élèves changent de collège", true),
            vec!["a count of fewer than 5 pupils shown"]
        );
        assert_eq!(
            whats(Lang::En, "Tool : Click", false),
            vec!["French spacing or quotes in English"]
        );
        assert_eq!(
            whats(Lang::En, "« Scenario 1 »", false),
            vec!["French spacing or quotes in English"]
        );
        // right words pass
        for ok in [
            "1 îlot change de collège · 35 élèves concernés",
            "Séparation sociale : 11,4 → 10,8 sur 100",
            "version 0.1.0 · fichier carte.geojson · 12,5 km",
            "1\u{202f}234 élèves · 0 élève · 21,5 élèves par classe",
            "−0,12 sur 100 · +0,02",
            "https://www.openstreetmap.org/copyright",
            "Licence Ouverte Etalab 2.0 · ODbL 1.0 · durée de la recherche (s)",
        ] {
            assert!(
                whats(fr, ok, true).is_empty(),
                "{ok}: {:?}",
                whats(fr, ok, true)
            );
        }
        assert!(
            whats(
                Lang::En,
                "Tool: Click · 1 block changes · “Scenario 1”",
                true
            )
            .is_empty()
        );
        // the small-count rule is for public views only
        assert!(whats(fr, "3 élèves", false).is_empty());
    }
}
