// Synthetic series for `promtool test rules`, proof that the exported
// rules fire: the exported
// rules, run by Prometheus itself. One sample a minute; the request series
// are the default `http_requests_total{service="checkout",code=...}`, which
// the default selectors of the Export section read (all requests; bad ones
// code=~"5..").
//
// Three stories:
// * an outage: 3 days and a minute of healthy traffic (60 requests a
//   minute, longer than any window of the policy), then every request
//   fails from minute T0 = 4 321;
// * errors exactly at the SLO (1 in 1 000) for 400 minutes: every window
//   holds the same ratio, however much of it has data;
// * errors at twice the SLO (2 in 1 000): a ticket-level burn rate of 2×.
//
// The recording rules are evaluated before the alerts at each instant
// (`group_eval_order`); a Prometheus server does not promise that order,
// and may then fire one evaluation interval later.

export const T0 = 4321;

const series = (code, values) => ({ series: `http_requests_total{service="checkout",code="${code}"}`, values });

/** `count(ALERTS…) or vector(0)` at `minute` is `value`. */
const expect = (selector, minute, value) => ({
  expr: `count(ALERTS{alertstate="firing"${selector}}) or vector(0)`,
  eval_time: `${minute}m`,
  exp_samples: [{ labels: "{}", value }],
});

/**
 * The test file: `rules` the rules file's name, `alerts` the page's alert
 * rows as [{long, detectionSeconds, severity}] (long the Prometheus window,
 * e.g. "1h"). With every request failing from T0, an alert whose long
 * window holds ratio e·t/L fires at the first minute k with k·60 ≥ its
 * detection time, and not the minute before: the page's figure to one
 * evaluation interval.
 */
export function promtoolTests(rules, alerts, groups, labels = "") {
  // `labels`: more matchers every firing alert must carry, e.g.
  // `,service="{{ $value }}"` (the label as written, not run
  // as a template).
  const outage = alerts.flatMap(({ long, detectionSeconds }) => {
    const k = Math.ceil(detectionSeconds / 60);
    return [expect(`,long_window="${long}"${labels}`, T0 + k - 1, 0), expect(`,long_window="${long}"${labels}`, T0 + k, 1)];
  });
  const doc = {
    rule_files: [rules],
    evaluation_interval: "1m",
    group_eval_order: groups,
    tests: [
      {
        name: "every request fails from T0: each alert fires within its detection time",
        interval: "1m",
        input_series: [
          series("200", `0+60x${T0} ${60 * T0}+0x30`),
          series("500", `0+0x${T0} 60+60x30`),
        ],
        promql_expr_test: [expect("", T0, 0), ...outage],
      },
      {
        name: "errors exactly at the SLO: nothing fires",
        interval: "1m",
        input_series: [series("200", "0+999x400"), series("500", "0+1x400")],
        promql_expr_test: [expect("", 60, 0), expect("", 400, 0)],
      },
      {
        name: "errors at twice the SLO: only the ticket fires",
        interval: "1m",
        input_series: [series("200", "0+998x400"), series("500", "0+2x400")],
        promql_expr_test: [expect(`,severity="ticket"`, 400, 1), expect(`,severity="page"`, 400, 0)],
      },
    ],
  };
  // JSON is YAML: promtool reads it as is.
  return JSON.stringify(doc, null, 1);
}
