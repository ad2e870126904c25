//! Values every reader shares: objectives, Prometheus durations and
//! windows, the queries' selectors, the service's name.

use super::read::{Out, Reader, error, plain_text};
use super::{ImportError, QUERY_SHAPE};
use crate::production::{Counted, check_selector, is_refused};
use crate::quantity::Availability;
use crate::ratio::Ratio;
use crate::scenario::Scenario;
use crate::window::{Convention, Period};

/// An objective as a percentage (`99.9`, `"99"`, `99.95%`): above 0, at
/// most 100, exact.
pub(super) fn percent(
    text: &str,
    what: &str,
    line: Option<usize>,
) -> Result<Availability, ImportError> {
    let t = text.trim();
    let number = t.strip_suffix('%').unwrap_or(t);
    let expect = "expected a percentage above 0 and at most 100, like 99.9";
    objective(number, 100, "over 100%", what, line, expect)
}

/// An objective as a fraction (`0.995`): above 0, at most 1, exact.
pub(super) fn fraction(
    text: &str,
    what: &str,
    line: Option<usize>,
) -> Result<Availability, ImportError> {
    let expect = "expected a fraction above 0 and at most 1, like 0.999 (or targetPercent: 99.9)";
    objective(text, 1, "over 1, i.e. over 100%", what, line, expect)
}

/// An objective written out of `whole` (100 for a percentage, 1 for a
/// fraction): above 0, at most `whole`, read exactly; the availability
/// with unavailability `(whole − x) / whole`.
pub(super) fn objective(
    text: &str,
    whole: u128,
    over: &str,
    what: &str,
    line: Option<usize>,
    expect: &str,
) -> Result<Availability, ImportError> {
    let t = text.trim();
    let below = || error(line, format!("{what} {t} is at or below 0: {expect}"));
    if t.starts_with('-') {
        return Err(below());
    }
    let x = Ratio::parse_decimal(t)
        .map_err(|_| error(line, format!("{what} {t:?} is not a number: {expect}")))?;
    let whole = Ratio::from_integer(whole);
    if x > whole {
        return Err(error(line, format!("{what} {t} is {over}: {expect}")));
    }
    if x.is_zero() {
        return Err(below());
    }
    whole
        .checked_sub(x)
        .and_then(|u| u.checked_div(whole))
        .and_then(|u| Availability::from_unavailability_ratio(u).ok())
        .ok_or_else(|| error(line, format!("{what} {t}: {expect}")))
}

/// A Prometheus duration (`30d`, `2w`, `1h30m`, `1y` = 365 days) in
/// milliseconds (Prometheus documentation, "Configuration": `<duration>`).
pub(super) fn prometheus_ms(text: &str) -> Option<u128> {
    let t = text.trim();
    let b = t.as_bytes();
    let (mut i, mut total) = (0, 0u128);
    if b.is_empty() {
        return None;
    }
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let n: u128 = t.get(start..i)?.parse().ok()?;
        let unit_start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let unit: u128 = match t.get(unit_start..i)? {
            "ms" => 1,
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            "d" => 86_400_000,
            "w" => 7 * 86_400_000,
            "y" => 365 * 86_400_000,
            _ => return None,
        };
        total = total.checked_add(n.checked_mul(unit)?)?;
    }
    (total > 0).then_some(total)
}

/// An SLO window of `ms` milliseconds: whole days, an hour, or a month,
/// quarter or year under one of the conventions (with that convention).
pub(super) fn window_of(ms: u128) -> Option<(Period, Option<Convention>)> {
    const DAY: u128 = 86_400_000;
    if ms % DAY == 0 {
        let days = u32::try_from(ms / DAY).ok()?;
        return Period::rolling(days).ok().map(|p| (p, None));
    }
    if ms == 3_600_000 {
        return Some((Period::Hour, None));
    }
    for convention in [
        Convention::GregorianMean,
        Convention::SreBook,
        Convention::Calendar365,
    ] {
        for p in [Period::Month, Period::Quarter, Period::Year] {
            if u128::from(p.seconds(convention)) * 1_000 == ms {
                return Some((p, Some(convention)));
            }
        }
    }
    None
}

/// Sets the SLO window from a Prometheus duration.
pub(super) fn prometheus_window(
    scenario: &mut Scenario,
    text: &str,
    what: &str,
    line: Option<usize>,
) -> Result<(), ImportError> {
    let (period, convention) = prometheus_ms(text).and_then(window_of).ok_or_else(|| {
        error(
            line,
            format!(
                "{what} {text:?} is not a window the scenario can hold: expected a Prometheus \
                 duration of whole days, like 30d, 28d or 2w"
            ),
        )
    })?;
    scenario.slo_window = period;
    if let Some(c) = convention {
        scenario.convention = c;
    }
    Ok(())
}

/// The selector of a query `sum(rate(SELECTOR[{{.window}}]))` (spaces
/// allowed between the parts, `{{ .window }}` too), or of a counter summed,
/// `sum(SELECTOR)`, as an OpenSLO ratio metric with `counter: true` reads
/// it (and Nines writes it); checked.
pub(super) fn query_selector(query: &str) -> Option<String> {
    let q = query.trim();
    let inner = q
        .strip_prefix("sum")?
        .trim_start()
        .strip_prefix('(')?
        .trim_start();
    rate_selector(inner).or_else(|| {
        let selector = inner.trim_end().strip_suffix(')')?.trim();
        check_selector(selector).ok()?;
        Some(selector.to_string())
    })
}

/// [`query_selector`]'s `rate(SELECTOR[{{.window}}]))`, after `sum(`.
pub(super) fn rate_selector(rest: &str) -> Option<String> {
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let rest = rest.strip_prefix("rate")?.trim_start().strip_prefix('(')?;
    let rest = rest
        .trim_end()
        .strip_suffix(')')?
        .trim_end()
        .strip_suffix(')')?;
    let rest = rest.trim_end().strip_suffix(']')?;
    let (selector, range) = rest.rsplit_once('[')?;
    if compact(range) != "{{.window}}" {
        return None;
    }
    let selector = selector.trim();
    check_selector(selector).ok()?;
    Some(selector.to_string())
}

/// Sets the request series and the bad (or, `Counted::Good`, the good)
/// requests' series from two queries when both have the shape
/// [`query_selector`] reads; otherwise lists them.
pub(super) fn series(
    r: &mut Reader<'_, '_>,
    scenario: &mut Scenario,
    (errors_path, counted): (&str, Counted),
    total_path: &str,
    selectors: bool,
    out: &mut Out,
) {
    let read = |r: &Reader<'_, '_>, path: &str| {
        r.peek(path).and_then(plain_text).and_then(|q| {
            if selectors {
                let q = q.trim().to_string();
                check_selector(&q).ok().map(|_| q)
            } else {
                query_selector(&q)
            }
        })
    };
    let shape = if selectors {
        "not a plain series selector".to_string()
    } else {
        format!("a query not of the form {QUERY_SHAPE}")
    };
    match (read(r, errors_path), read(r, total_path)) {
        (Some(errors), Some(requests)) => {
            r.take(errors_path);
            r.take(total_path);
            out.series = true;
            let p = &mut scenario.production;
            p.counted = counted;
            match counted {
                Counted::Bad => p.errors = errors,
                Counted::Good => p.good = errors,
            }
            p.requests = requests;
        }
        (e, t) => {
            for (path, ok) in [(errors_path, e.is_some()), (total_path, t.is_some())] {
                let why = if ok {
                    "its pair cannot be read, so neither is carried"
                } else {
                    &shape
                };
                r.not_carried(path, why, out);
            }
        }
    }
}

/// Reads the SLO's name at `path` into the scenario's `slo`, the label
/// every exported rule carries, less the service's name and a `-` before
/// it (`checkout-availability` of the service `checkout` is
/// `availability`): a name the exports cannot write as a label
/// (empty, or with a line break or another character [`is_refused`]
/// refuses) is listed instead, and `availability` kept.
pub(super) fn slo_name(r: &mut Reader<'_, '_>, s: &mut Scenario, path: &str, out: &mut Out) {
    let name = r.peek(path).and_then(plain_text).unwrap_or_default();
    let name = name.trim();
    if name.is_empty() || name.chars().any(is_refused) {
        r.not_carried(
            path,
            "an SLO's name is a label of every rule: it must be non-empty, without line breaks \
             or the other characters a rules file cannot carry; the name availability is kept",
            out,
        );
        return;
    }
    // Nines' own OpenSLO and Pyrra exports name the object
    // `<service>-<slo>`: the SLO's name is what follows the service.
    let prefix = [s.production.service.as_str(), "-"].concat();
    s.production.slo = name
        .strip_prefix(&prefix)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(name)
        .to_string();
    r.take(path);
}

/// The service name from an SLO's name: Nines names its SLOs
/// `<service>-availability`.
pub(super) fn service_of(name: &str) -> String {
    let name = name.trim();
    name.strip_suffix("-availability")
        .filter(|s| !s.is_empty())
        .unwrap_or(name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_of_the_window_shape() {
        assert_eq!(
            query_selector(r#"sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))"#)
                .as_deref(),
            Some(r#"http_requests_total{code=~"5.."}"#)
        );
        assert_eq!(
            query_selector("\n sum( rate( x{a=\"[1]\"} [ {{ .window }} ] ) )\n").as_deref(),
            Some("x{a=\"[1]\"}")
        );
        // A counter summed, as an OpenSLO `counter: true` ratio reads it.
        assert_eq!(
            query_selector(r#"sum(http_requests_total{code=~"5.."})"#).as_deref(),
            Some(r#"http_requests_total{code=~"5.."}"#)
        );
        for other in [
            "sum(rate(x[5m]))",
            "rate(x[{{.window}}])",
            "sum by (job) (rate(x[{{.window}}]))",
            "sum(rate(x[{{.window}}])) / 2",
            "sum(rate([{{.window}}]))",
            "sum(x) / 2",
            "sum(rate(x))",
            "",
        ] {
            assert_eq!(query_selector(other), None, "{other}");
        }
    }

    #[test]
    fn prometheus_durations_and_windows() {
        assert_eq!(prometheus_ms("2w"), Some(14 * 86_400_000));
        assert_eq!(prometheus_ms("1h30m"), Some(5_400_000));
        assert_eq!(prometheus_ms("1y"), Some(365 * 86_400_000));
        for bad in [
            "",
            "30",
            "d",
            "3x",
            "-1d",
            "0d",
            "99999999999999999999999999999999999999999d",
        ] {
            assert_eq!(prometheus_ms(bad), None, "{bad}");
        }
        assert_eq!(window_of(28 * 86_400_000), Some((Period::Days(28), None)));
        // A Gregorian mean month, 30.436875 days, as Nines' Sloth export
        // writes it: 2629746s.
        assert_eq!(
            window_of(2_629_746_000),
            Some((Period::Month, Some(Convention::GregorianMean)))
        );
        assert_eq!(window_of(5_400_000), None);
    }

    #[test]
    fn objectives_exact_and_checked() {
        assert_eq!(percent("99.95", "x", None).unwrap().to_string(), "99.95%");
        assert_eq!(fraction("0.995", "x", None).unwrap().to_string(), "99.5%");
        assert_eq!(percent("100", "x", None).unwrap(), Availability::HUNDRED);
        for (bad, why) in [
            ("101", "over 100%"),
            ("0", "at or below 0"),
            ("-1", "at or below 0"),
            ("abc", "not a number"),
        ] {
            assert!(
                percent(bad, "x", None).unwrap_err().message.contains(why),
                "{bad}"
            );
        }
        assert!(
            fraction("99.9", "x", None)
                .unwrap_err()
                .message
                .contains("over 1")
        );
    }
}
