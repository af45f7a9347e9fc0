//! Statistical confidentiality for what the public sees (meeting mode, handouts, public
//! exports): a count of fewer than `threshold` pupils is never shown, nor any share or
//! complement that would let someone work it out.
//!
//! The rules, as statistical offices apply them:
//! - primary suppression: a count strictly between 0 and the threshold is hidden;
//! - secondary suppression: when a whole is split into parts and exactly one part is hidden,
//!   the next smallest part is hidden too, or the whole minus the others would give it away;
//! - a whole under the threshold hides every part.

use serde::{Deserialize, Serialize};

/// The default threshold: fewer than 5 pupils is never shown in public.
pub const DEFAULT_THRESHOLD: f64 = 5.0;

/// What the public may see.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Confidentiality {
    /// Counts below this (and above zero) are hidden.
    pub threshold: f64,
}

impl Default for Confidentiality {
    fn default() -> Self {
        Confidentiality {
            threshold: DEFAULT_THRESHOLD,
        }
    }
}

impl Confidentiality {
    /// True when a count must not be shown. Counts are rounded as shown (to whole pupils)
    /// before the test: 4.6 shows as 5 and is allowed.
    pub fn hides(&self, count: f64) -> bool {
        let shown = count.round();
        shown > 0.0 && shown < self.threshold
    }

    /// A count as the public may see it; `None` when hidden (or unknown).
    pub fn count(&self, count: Option<f64>) -> Option<f64> {
        count.filter(|c| !self.hides(*c))
    }

    /// A share `part / whole` as the public may see it: hidden when the part, the rest
    /// (whole − part) or the whole is a small count.
    pub fn share(&self, part: Option<f64>, whole: Option<f64>) -> Option<f64> {
        let (p, w) = (part?, whole?);
        if w <= 0.0 || self.hides(w) || self.hides(p) || self.hides(w - p) {
            return None;
        }
        Some(p / w)
    }

    /// The parts of a whole as the public may see them (`None` = hidden), with secondary
    /// suppression so that no hidden part can be recovered from the whole and the others.
    pub fn parts(&self, parts: &[f64]) -> Vec<Option<f64>> {
        let whole: f64 = parts.iter().sum();
        if self.hides(whole) {
            return vec![None; parts.len()];
        }
        let mut out: Vec<Option<f64>> = parts
            .iter()
            .map(|&c| (!self.hides(c)).then_some(c))
            .collect();
        let hidden = out.iter().filter(|v| v.is_none()).count();
        if hidden == 1 {
            // the smallest part still shown goes too (a zero can stay: it hides nothing)
            if let Some((i, _)) = out
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.filter(|c| c.round() > 0.0).map(|c| (i, c)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
            {
                out[i] = None;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_hidden_and_zero_is_not() {
        let c = Confidentiality::default();
        assert_eq!(c.count(Some(3.0)), None);
        assert_eq!(c.count(Some(4.4)), None);
        assert_eq!(c.count(Some(4.6)), Some(4.6), "shown as 5");
        assert_eq!(c.count(Some(0.0)), Some(0.0));
        assert_eq!(c.count(Some(120.0)), Some(120.0));
    }

    #[test]
    fn a_share_is_hidden_when_its_part_or_its_rest_is_small() {
        let c = Confidentiality::default();
        assert_eq!(c.share(Some(2.0), Some(100.0)), None, "2 boursiers");
        assert_eq!(c.share(Some(97.0), Some(100.0)), None, "3 non-boursiers");
        assert_eq!(c.share(Some(3.0), Some(4.0)), None, "4 pupils");
        assert_eq!(c.share(Some(20.0), Some(100.0)), Some(0.2));
        assert_eq!(c.share(Some(0.0), Some(100.0)), Some(0.0));
    }

    #[test]
    fn one_hidden_part_takes_the_next_smallest_with_it() {
        let c = Confidentiality::default();
        // 3 is hidden; alone it could be recovered as 100 − 40 − 30 − 27
        let v = c.parts(&[40.0, 30.0, 27.0, 3.0]);
        assert_eq!(v, vec![Some(40.0), Some(30.0), None, None]);
        // two hidden parts protect each other
        let v = c.parts(&[40.0, 30.0, 2.0, 3.0]);
        assert_eq!(v, vec![Some(40.0), Some(30.0), None, None]);
        // nothing small: all shown; a zero hides nothing
        assert_eq!(
            c.parts(&[40.0, 0.0, 27.0, 33.0]),
            vec![Some(40.0), Some(0.0), Some(27.0), Some(33.0)]
        );
        // a whole of 4: nothing shown
        assert!(c.parts(&[1.0, 1.0, 2.0]).iter().all(|v| v.is_none()));
    }

    #[test]
    fn no_hidden_part_can_be_worked_out_from_what_is_shown() {
        // every split of 0..=30 pupils in three groups
        let c = Confidentiality::default();
        for a in 0..=30 {
            for b in 0..=30 - a {
                let parts = [f64::from(a), f64::from(b), f64::from(30 - a - b)];
                let shown = c.parts(&parts);
                let hidden = shown.iter().filter(|v| v.is_none()).count();
                assert_ne!(hidden, 1, "{parts:?} → {shown:?}");
                for (p, s) in parts.iter().zip(&shown) {
                    if let Some(s) = s {
                        assert!(!c.hides(*s), "{p} shown");
                    }
                }
            }
        }
    }
}
