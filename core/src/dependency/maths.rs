//! The formulas: the unavailability of components in series, in parallel
//! and k of n (independent failures), the rule of the extra nine, and the
//! budget a service has left after its critical dependencies.

use crate::target::{Limit, OpsError, check_fraction, check_non_negative};

/// Unavailability of components in series (all needed):
/// `1 − Π(1 − u_i)`, computed as `−expm1(Σ ln_1p(−u_i))` to keep many nines
/// exact. Empty: 0. Inputs must be fractions in `0..=1` (others are clamped
/// into it; NaN counts as 1, fully unavailable).
///
/// ```
/// use nines_core::dependency::serial_unavailability;
/// // Two 99.9% components: 1 − 0.999² = 0.001999.
/// assert!((serial_unavailability(&[0.001, 0.001]) - 0.001999).abs() < 1e-18);
/// assert_eq!(serial_unavailability(&[]), 0.0);
/// assert_eq!(serial_unavailability(&[0.2, 1.0]), 1.0);
/// ```
pub fn serial_unavailability(unavailabilities: &[f64]) -> f64 {
    let log_up: f64 = unavailabilities
        .iter()
        .map(|&u| (-fraction_or_one(u)).ln_1p())
        .sum();
    (-log_up.exp_m1()).clamp(0.0, 1.0)
}

/// Unavailability of independent redundant copies (any one suffices):
/// `Π u_i`. Empty: 1 (nothing can serve). NaN counts as 1.
///
/// ```
/// use nines_core::dependency::parallel_unavailability;
/// // Two 99.9% copies: 0.001² = 1e-6, i.e. 99.9999%.
/// assert!((parallel_unavailability(&[0.001, 0.001]) - 1e-6).abs() < 1e-21);
/// assert_eq!(parallel_unavailability(&[]), 1.0);
/// ```
pub fn parallel_unavailability(unavailabilities: &[f64]) -> f64 {
    unavailabilities
        .iter()
        .map(|&u| fraction_or_one(u))
        .product::<f64>()
        .clamp(0.0, 1.0)
}

/// Unavailability of a k-of-n group of distinct independent components:
/// the probability that fewer than `k` work, i.e. that more than `n − k`
/// fail, by dynamic programming over the Poisson-binomial distribution of
/// the number of failures (O(n²), all terms positive).
///
/// `k = 0`: 0. `k > n`: 1. `k = 1` is the parallel formula, `k = n` the
/// serial one.
///
/// ```
/// use nines_core::dependency::k_of_n_unavailability;
/// // 2 of 3 at u = 0.1: P(≥ 2 fail) = 3 × 0.01 × 0.9 + 0.001 = 0.028.
/// assert!((k_of_n_unavailability(2, &[0.1, 0.1, 0.1]) - 0.028).abs() < 1e-15);
/// assert_eq!(k_of_n_unavailability(0, &[0.5]), 0.0);
/// assert_eq!(k_of_n_unavailability(2, &[0.5]), 1.0);
/// ```
pub fn k_of_n_unavailability(k: usize, unavailabilities: &[f64]) -> f64 {
    let n = unavailabilities.len();
    if k == 0 {
        return 0.0;
    }
    if k > n {
        return 1.0;
    }
    // The group fails when at least `n − k + 1` members fail.
    let threshold = n - k + 1;
    // fail[j] = P(exactly j failures so far), for j < threshold; `beyond`
    // accumulates P(at least `threshold` failures), which is the answer.
    let mut fail = vec![0.0_f64; threshold];
    fail[0] = 1.0;
    let mut beyond = 0.0_f64;
    for &u in unavailabilities {
        let u = fraction_or_one(u);
        let a = 1.0 - u;
        beyond += fail[threshold - 1] * u;
        for j in (1..threshold).rev() {
            fail[j] = fail[j] * a + fail[j - 1] * u;
        }
        fail[0] *= a;
    }
    beyond.clamp(0.0, 1.0)
}

/// Unavailability of a k-of-n group of `n` identical independent components
/// of unavailability `u`, by the binomial sum
/// `Σ_{f = n−k+1..=n} C(n, f) u^f (1 − u)^(n − f)`, evaluated term by term
/// in logarithms (no overflow of `C(n, f)`).
///
/// ```
/// use nines_core::dependency::k_of_n_identical_unavailability;
/// // 2 of 3 at 99%: 3 × 1e-4 × 0.99 + 1e-6 = 2.98e-4.
/// let u = k_of_n_identical_unavailability(2, 3, 0.01);
/// assert!((u - 2.98e-4).abs() < 1e-18);
/// ```
pub fn k_of_n_identical_unavailability(k: usize, n: usize, u: f64) -> f64 {
    if k == 0 {
        return 0.0;
    }
    if k > n {
        return 1.0;
    }
    let u = fraction_or_one(u);
    if u == 0.0 {
        return 0.0;
    }
    if u == 1.0 {
        return 1.0;
    }
    let first = n - k + 1;
    let (ln_u, ln_a) = (u.ln(), (-u).ln_1p());
    // ln C(n, first)
    let mut ln_c: f64 = (0..first)
        .map(|i| ((n - i) as f64).ln() - ((i + 1) as f64).ln())
        .sum();
    let mut total = 0.0;
    for f in first..=n {
        total += (ln_c + f as f64 * ln_u + (n - f) as f64 * ln_a).exp();
        if f < n {
            ln_c += ((n - f) as f64).ln() - ((f + 1) as f64).ln();
        }
    }
    total.clamp(0.0, 1.0)
}

fn fraction_or_one(u: f64) -> f64 {
    if u.is_nan() { 1.0 } else { u.clamp(0.0, 1.0) }
}

/// Whether a dependency obeys the rule of the extra nine: its
/// unavailability is at most a tenth of the service's (one more nine).
/// A relative tolerance of 1e-9 absorbs rounding (`0.0001 / 10` is not
/// exactly `1e-5` in `f64`).
///
/// Source: "The Calculus of Service Availability", ACM Queue 2017, "Rule of
/// the extra 9".
///
/// ```
/// use nines_core::dependency::meets_extra_nine;
/// assert!(meets_extra_nine(1e-5, 1e-4));  // 99.999% under a 99.99% service
/// assert!(!meets_extra_nine(1e-4, 1e-4)); // same nines: violates
/// ```
pub fn meets_extra_nine(dependency_unavailability: f64, service_unavailability: f64) -> bool {
    dependency_unavailability <= service_unavailability / 10.0 * (1.0 + 1e-9)
}

/// The unavailability left to the service's own failures after its critical
/// dependencies: `U_service − U_dependencies` (the article's subtraction).
/// Negative means the dependencies alone break the target.
///
/// The exact share, from `1 − U_s = (1 − U_d)(1 − U_own)`, is
/// `(U_s − U_d) / (1 − U_d)`: see [`own_unavailability_exact`]. The two
/// differ by a factor `1 − U_d`, negligible at any useful target.
///
/// ```
/// use nines_core::dependency::own_unavailability_budget;
/// assert!((own_unavailability_budget(1e-4, 5e-5) - 5e-5).abs() < 1e-20);
/// assert!(own_unavailability_budget(1e-4, 2e-4) < 0.0);
/// ```
pub fn own_unavailability_budget(
    service_unavailability: f64,
    dependencies_unavailability: f64,
) -> f64 {
    service_unavailability - dependencies_unavailability
}

/// The exact own share `(U_s − U_d) / (1 − U_d)`; `None` when the
/// dependencies are fully unavailable (`U_d = 1`).
///
/// ```
/// use nines_core::dependency::own_unavailability_exact;
/// let exact = own_unavailability_exact(0.5, 0.25).unwrap();
/// assert!((exact - 1.0 / 3.0).abs() < 1e-15); // 0.5 = 1 − 0.75 × (1 − 1/3)
/// assert_eq!(own_unavailability_exact(0.5, 1.0), None);
/// ```
pub fn own_unavailability_exact(
    service_unavailability: f64,
    dependencies_unavailability: f64,
) -> Option<f64> {
    let up = 1.0 - dependencies_unavailability;
    (up > 0.0).then(|| (service_unavailability - dependencies_unavailability) / up)
}

/// The longest time to detect and recover per outage that the service's own
/// budget allows: `own U × period / (outages per period × scope)`.
/// `AtMost(0)` when the own budget is zero or negative; unlimited when no
/// outages are expected.
///
/// Source: "The Calculus of Service Availability", ACM Queue 2017,
/// "Practical Application".
///
/// ```
/// use nines_core::dependency::detect_and_recover_allowed_seconds;
/// use nines_core::target::Limit;
/// // Own budget 0.005% of a 365-day year = 1576.8 s; 4 full outages a year:
/// // 394.2 s (6.57 min) each.
/// let t = detect_and_recover_allowed_seconds(5e-5, 31_536_000.0, 4.0, 1.0).unwrap();
/// assert!((t.value().unwrap() - 394.2).abs() < 1e-9);
/// ```
pub fn detect_and_recover_allowed_seconds(
    own_unavailability: f64,
    period_seconds: f64,
    outages_per_period: f64,
    scope: f64,
) -> Result<Limit, OpsError> {
    if !own_unavailability.is_finite() {
        return Err(OpsError::NotFinite {
            field: "own_unavailability",
        });
    }
    let p = check_non_negative("period_seconds", period_seconds)?;
    let n = check_non_negative("outages_per_period", outages_per_period)?;
    let s = check_fraction("scope", scope)?;
    let budget = (own_unavailability.max(0.0) * p).min(f64::MAX);
    Ok(Limit::ratio(budget, n * s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_keeps_nine_nines() {
        // Nine nines each, three in series: 3e-9 − 3e-18 + 1e-27.
        let u = serial_unavailability(&[1e-9, 1e-9, 1e-9]);
        assert!((u - (3e-9 - 3e-18)).abs() < 1e-24, "{u:e}");
    }

    #[test]
    fn distinct_dp_matches_identical_binomial() {
        for n in 1..12 {
            for k in 0..=n + 1 {
                for &u in &[0.0, 1e-6, 0.01, 0.3, 0.9, 1.0] {
                    let a = k_of_n_unavailability(k, &vec![u; n]);
                    let b = k_of_n_identical_unavailability(k, n, u);
                    assert!(
                        (a - b).abs() <= 1e-12 * a.max(b).max(1e-300),
                        "k={k} n={n} u={u}: {a} vs {b}"
                    );
                }
            }
        }
    }
}
