//! Territory-wide segregation indices as plain functions of per-collège counts, exactly as in
//! DOMAIN.md. They are the definitions: the incremental engine must agree with them, and tests
//! check them against the definitional cases (complete segregation, identical composition).

/// Duncan dissimilarity D = ½ Σ_k |a_k/A − b_k/B|, where `minority[k]` = a_k and
/// `total[k]` = N_k (so b_k = N_k − a_k).
///
/// # Units
/// Between 0 (same share everywhere) and 1 (complete separation). `None` when A or B is zero.
///
/// # Examples
/// ```
/// use carte_mixite::metrics::segregation::dissimilarity;
/// // all boursiers in the first collège, none in the second
/// assert_eq!(dissimilarity(&[50.0, 0.0], &[50.0, 100.0]), Some(1.0));
/// ```
pub fn dissimilarity(minority: &[f64], total: &[f64]) -> Option<f64> {
    let a: f64 = minority.iter().sum();
    let n: f64 = total.iter().sum();
    let b = n - a;
    if a <= 0.0 || b <= 0.0 {
        return None;
    }
    let sum: f64 = minority
        .iter()
        .zip(total)
        .map(|(&ak, &nk)| (ak / a - (nk - ak) / b).abs())
        .sum();
    Some(0.5 * sum)
}

/// Isolation xPx = Σ_k (a_k/A)(a_k/N_k) and normalised isolation V = (xPx − P)/(1 − P).
///
/// # Units
/// xPx is the share of minority pupils in the collège of the average minority pupil (0-1);
/// V is 0 for identical compositions and 1 for complete separation.
pub fn isolation(minority: &[f64], total: &[f64]) -> Option<(f64, f64)> {
    let a: f64 = minority.iter().sum();
    let n: f64 = total.iter().sum();
    if a <= 0.0 || n <= 0.0 {
        return None;
    }
    let xpx: f64 = minority
        .iter()
        .zip(total)
        .filter(|(_, nk)| **nk > 0.0)
        .map(|(&ak, &nk)| (ak / a) * (ak / nk))
        .sum();
    let p = a / n;
    let v = if p < 1.0 { (xpx - p) / (1.0 - p) } else { 0.0 };
    Some((xpx, v))
}

/// Entropy (Theil) indices over G social groups; `counts[k][g]` = n_gk.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntropyIndices {
    /// E = −Σ_g π_g ln π_g, the territory's social diversity (nats).
    pub entropy: f64,
    /// Mutual information M = E − Σ_k (N_k/N) E_k (nats).
    pub mutual_information: f64,
    /// H = M / E, between 0 (same composition everywhere) and 1 (complete separation).
    pub h: f64,
}

fn xlnx(x: f64) -> f64 {
    if x > 0.0 { x * x.ln() } else { 0.0 }
}

/// Entropy E of a composition given by counts (nats).
pub fn entropy_of(counts: &[f64]) -> f64 {
    let n: f64 = counts.iter().sum();
    if n <= 0.0 {
        return 0.0;
    }
    -counts.iter().map(|&c| xlnx(c / n)).sum::<f64>()
}

/// E, M and H from per-collège group counts. `None` when there are no pupils or one group only.
///
/// # Examples
/// ```
/// use carte_mixite::metrics::segregation::entropy_indices;
/// // two collèges with the same 50/50 mix: no segregation
/// let e = entropy_indices(&[vec![10.0, 10.0], vec![30.0, 30.0]]).unwrap();
/// assert!(e.h.abs() < 1e-12);
/// ```
pub fn entropy_indices(counts: &[Vec<f64>]) -> Option<EntropyIndices> {
    let g = counts.first()?.len();
    let mut totals = vec![0.0; g];
    for row in counts {
        for (t, c) in totals.iter_mut().zip(row) {
            *t += c;
        }
    }
    let n: f64 = totals.iter().sum();
    let e = entropy_of(&totals);
    if n <= 0.0 || e <= 0.0 {
        return None;
    }
    let within: f64 = counts
        .iter()
        .map(|row| row.iter().sum::<f64>() / n * entropy_of(row))
        .sum();
    // M lies in [0, E]; rounding must not give a negative index for identical collèges
    let m = (e - within).clamp(0.0, e);
    Some(EntropyIndices {
        entropy: e,
        mutual_information: m,
        h: m / e,
    })
}

/// A collège's additive contribution to M: (N_k/N) Σ_g π_gk ln(π_gk/π_g), where `territory`
/// holds the territory's group totals.
pub fn entropy_contribution(row: &[f64], territory: &[f64]) -> Option<f64> {
    let n: f64 = territory.iter().sum();
    let nk: f64 = row.iter().sum();
    if n <= 0.0 || nk <= 0.0 {
        return None;
    }
    let s: f64 = row
        .iter()
        .zip(territory)
        .filter(|(c, t)| **c > 0.0 && **t > 0.0)
        .map(|(&c, &t)| {
            let pk = c / nk;
            pk * (pk / (t / n)).ln()
        })
        .sum();
    Some(nk / n * s)
}

/// Spread of collèges' IPS, S = sqrt(Σ_k (N_k/N)(IPS_k − IPS̄)²) with IPS̄ = Σ_k N_k IPS_k / N,
/// where `ips[k]` is collège k's mean IPS and `pupils[k]` = N_k its pupils of known IPS.
///
/// # Units
/// IPS points; 0 when every collège has the same IPS. `None` without pupils.
///
/// # Examples
/// ```
/// use carte_mixite::metrics::segregation::ips_spread;
/// // two collèges of 100 pupils at 90 and 110: each 10 points from the mean of 100
/// assert_eq!(ips_spread(&[90.0, 110.0], &[100.0, 100.0]), Some(10.0));
/// ```
pub fn ips_spread(ips: &[f64], pupils: &[f64]) -> Option<f64> {
    let n: f64 = pupils.iter().sum();
    if n <= 0.0 {
        return None;
    }
    let mean = ips.iter().zip(pupils).map(|(i, p)| i * p).sum::<f64>() / n;
    let var = ips
        .iter()
        .zip(pupils)
        .map(|(i, p)| p / n * (i - mean).powi(2))
        .sum::<f64>();
    Some(var.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_segregation_gives_one() {
        let minority = [30.0, 0.0, 0.0];
        let total = [30.0, 50.0, 20.0];
        assert!((dissimilarity(&minority, &total).unwrap() - 1.0).abs() < 1e-12);
        let (_, v) = isolation(&minority, &total).unwrap();
        assert!((v - 1.0).abs() < 1e-12);
        let e = entropy_indices(&[vec![30.0, 0.0], vec![0.0, 50.0], vec![0.0, 20.0]]).unwrap();
        assert!((e.h - 1.0).abs() < 1e-12);
    }

    #[test]
    fn identical_composition_gives_zero() {
        let minority = [10.0, 20.0, 5.0];
        let total = [40.0, 80.0, 20.0];
        assert!(dissimilarity(&minority, &total).unwrap().abs() < 1e-12);
        let (xpx, v) = isolation(&minority, &total).unwrap();
        assert!(v.abs() < 1e-12);
        assert!((xpx - 0.25).abs() < 1e-12);
        let e = entropy_indices(&[vec![1.0, 2.0, 3.0], vec![10.0, 20.0, 30.0]]).unwrap();
        assert!(e.h.abs() < 1e-12);
        // never below zero, whatever the rounding: "−0,0000" is not an index
        for k in 1..200 {
            let x = f64::from(k) * 0.37;
            let e = entropy_indices(&[vec![x, 3.0 * x, 7.0 * x], vec![2.0 * x, 6.0 * x, 14.0 * x]])
                .unwrap();
            assert!(e.h >= 0.0 && e.mutual_information >= 0.0, "{k}: {e:?}");
        }
    }

    #[test]
    fn contributions_add_up_to_mutual_information() {
        let counts = vec![
            vec![12.0, 3.0, 7.0, 1.0],
            vec![2.0, 9.0, 4.0, 15.0],
            vec![5.0, 5.0, 5.0, 5.0],
        ];
        let e = entropy_indices(&counts).unwrap();
        let totals: Vec<f64> = (0..4).map(|g| counts.iter().map(|r| r[g]).sum()).collect();
        let sum: f64 = counts
            .iter()
            .map(|r| entropy_contribution(r, &totals).unwrap())
            .sum();
        assert!((sum - e.mutual_information).abs() < 1e-12);
    }

    #[test]
    fn hand_computed_dissimilarity() {
        // A = 30, B = 70; |20/30 − 30/70| + |10/30 − 40/70| = 0.2381 + 0.2381
        let d = dissimilarity(&[20.0, 10.0], &[50.0, 50.0]).unwrap();
        assert!((d - (20.0 / 30.0 - 30.0 / 70.0)).abs() < 1e-12);
    }
}
