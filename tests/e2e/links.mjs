// Links with every list at its bound (core `bounds`), shared by the bounds
// end-to-end tests and scripts/bench, which times the first figures of
// `maximal()` against the goal of one second. They are written here from
// the format documented in core/src/link.rs (a list is one key holding
// compact JSON); `maximal()` is the same scenario as `maximal()` in
// core/tests/bounds.rs.

export const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));
export const component = (i) => ({ Component: { name: `dependency ${i}`, unavailability: 0.0001 } });
export const alert = (i) => ({
  severity: i % 2 ? "ticket" : "page",
  budget_fraction: 0.02,
  long_window_seconds: 3600 + 60 * i,
  short_window_seconds: 300,
});
/** The `i`th incident: `i` hours before 2026-11-10T00:00:00Z. */
export const incident = (i) =>
  `${new Date(Date.parse("2026-11-10T00:00:00Z") - i * 3_600_000).toISOString().replace(".000Z", "Z")},30m,50%,incident ${i}`;

/** A link (query string with `?`) of the default scenario with these keys. */
export function link(pairs) {
  const parts = ["v=5"];
  for (const [key, value] of Object.entries(pairs)) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    parts.push(`${key}=${encodeURIComponent(text)}`);
  }
  return `?${parts.join("&")}`;
}

/** Every list at its bound. Dependencies: a chain of pairs 8 levels deep
 * (15 entries), three 50-of-100 groups (303), a serial group of 86 (87) and
 * 95 components: 100 dependencies, 500 entries. */
export function maximal() {
  let chain = component(0);
  for (let level = 7; level >= 1; level--) chain = { Parallel: [chain, component(level)] };
  return link({
    "alerts.policy": "custom",
    "alerts.custom": range(20, alert),
    "incidents.history": range(1000, incident),
    "dependencies.dependencies": [
      chain,
      ...range(3, () => ({ KOfN: { k: 50, of: range(100, component) } })),
      { Serial: range(86, component) },
      ...range(95, component),
    ],
    "dependencies.scopes": range(100, () => 0.5),
    "cost.marginal_levels": range(100, (i) => i / 10),
    "cost.curve_samples": "1000",
  });
}

/** A shared link of a scenario unlike the defaults, of the size people
 * share: a 99.95% target, five dependencies (one a redundant pair) and
 * twelve incidents. scripts/bench times its first figures on a phone. */
export function shared() {
  return link({
    target: "99.95",
    "dependencies.dependencies": [
      { Component: { name: "database", unavailability: 0.0002 } },
      { Component: { name: "card network", unavailability: 0.0005 } },
      { Parallel: [component(1), component(2)] },
      { Component: { name: "ledger", unavailability: 0.0001 } },
      { Component: { name: "identity", unavailability: 0.00005 } },
    ],
    "incidents.history": range(12, (i) => incident(i * 50)),
  });
}
