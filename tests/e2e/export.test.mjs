// End-to-end: exports are produced in the browser from the page's figures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setup, openPage, CLI_PATH, STORY_NOW } from "./harness.mjs";
import { promtoolTests } from "./promtool.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** RFC 4180 rows of a CSV text. */
function parseCsv(text) {
  const rows = [[]];
  let field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { rows.at(-1).push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { rows.at(-1).push(field); field = ""; rows.push([]); i++; }
    else field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter((r) => r.length);
}

test("the downtime table downloads as CSV that parses, with the page's figures", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { acceptDownloads: true });
  await page.getByLabel("Availability target").waitFor();
  await page.getByLabel("Table", { exact: true }).selectOption({ index: 0 });
  await page.getByLabel("Format", { exact: true }).selectOption({ label: "CSV" });
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-table").click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  const rows = parseCsv(await readFile(await download.path(), "utf8"));
  assert.deepEqual(rows[0].slice(0, 2), ["Period", "Allowed downtime"]);
  const month = rows.find((r) => r[0] === "per month");
  assert.equal(month[1], await page.locator("tr[data-period=month] td").textContent());
  assert.deepEqual(problems, []);
  await context.close();
});

test("Prometheus rules carry the Workbook's thresholds and pass promtool check rules; OpenSLO has the exact target", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { acceptDownloads: true });
  await page.getByLabel("Availability target").fill("99.9");
  await page.getByLabel("SLO window").selectOption("30d");
  // Previews are written only when opened.
  assert.equal(await page.locator("#rules-preview").count(), 0);
  await page.getByText("Prometheus alerting rules (multiwindow, multi-burn-rate)").click();
  const rules = await page.locator("#rules-preview").inputValue();
  // SRE Workbook ch. 5, Table 5-8: 14.4 (1h/5m), 6 (6h/30m), 1 (3d/6h) at a 0.1% budget.
  for (const t of ["(14.4*0.001)", "(6*0.001)", "(1*0.001)"]) assert.ok(rules.includes(t), t);
  for (const w of ["ratio_rate1h", "ratio_rate5m", "ratio_rate6h", "ratio_rate30m", "ratio_rate3d"]) assert.ok(rules.includes(w), w);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-rules").click()]);
  const file = await readFile(await download.path(), "utf8");
  assert.equal(file, rules);
  // The command line writes the same bytes for the page's link at the
  // page's instant (the harness fixes the page's clock at STORY_NOW).
  await page.waitForURL(/target=99\.9%25/);
  const fromCli = execFileSync(CLI_PATH, ["export", "rules", "--link", page.url(), "--now", STORY_NOW], { encoding: "utf8" });
  assert.equal(fromCli, file);
  try {
    const parsed = execFileSync("python3", ["-c", "import sys, yaml, json; print(json.dumps(yaml.safe_load(sys.stdin)))"], { input: file, encoding: "utf8" });
    // The SLI's recording rules (the five windows the alerts read and the
    // SLO's own), Sloth's seven metadata rules, then the three alerts.
    assert.deepEqual(JSON.parse(parsed).groups.map((g) => g.rules.length), [6, 7, 3]);
  } catch (e) {
    if (!/No module named 'yaml'|ENOENT/.test(String(e.message) + String(e.stderr))) throw e;
    console.log("# PyYAML not available here: YAML parse skipped");
  }
  // promtool (scripts/setup takes it from Debian's prometheus package) checks
  // the file as Prometheus would load it: syntax, PromQL, durations.
  const promtool = findPromtool();
  if (promtool) {
    const out = execFileSync(promtool, ["check", "rules", await download.path()], { encoding: "utf8" });
    // Six SLI windows (the five the alerts read and the 30-day period),
    // Sloth's seven metadata rules, three alerts.
    assert.match(out, /SUCCESS: 16 rules found/, out);
  } else {
    console.log("# promtool not available here (no apt-get): rules checked as YAML only");
  }
  await page.getByText("OpenSLO v1 document").click();
  assert.match(await page.locator("#openslo-preview").inputValue(), /target: 0\.999\n/);
  // A bad service name is refused with a message naming the field.
  await page.getByLabel("Service name").fill("Check Out!");
  assert.match(await page.locator("#rules-error, #openslo-error").first().textContent(), /service/i);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Seconds of a duration as the page writes it: `2m 10s`, `52s`, `1h`. */
function seconds(text) {
  const unit = { d: 86400, h: 3600, m: 60, s: 1 };
  return [...text.matchAll(/([\d.]+)(d|h|m|s)\b/g)].reduce((sum, [, n, u]) => sum + Number(n) * unit[u], 0);
}

// Rules a team can deploy as they are: they stand alone (recording rules from the two request
// series the user names, then the alerts) and Prometheus itself proves
// them: promtool test rules on synthetic series (tests/e2e/promtool.mjs).
// With every request failing, each alert fires within the detection time
// the page states at a 100% error ratio (to one evaluation interval); with
// errors at the SLO nothing fires; at twice the SLO only the ticket fires.
/** promtool on PATH (scripts/setup takes it from Debian's prometheus package), or null. */
function findPromtool() {
  try { execFileSync("promtool", ["--version"], { stdio: "ignore" }); return "promtool"; } catch { return null; }
}

/** A page at 99.9% over 30 days whose alerts are tested at 100% errors. */
async function atFullErrors() {
  const opened = await openPage(env.browser, env.url, { acceptDownloads: true });
  const { page } = opened;
  await page.getByLabel("Availability target").fill("99.9");
  await page.getByLabel("SLO window").selectOption("30d");
  const ratio = page.getByLabel("Error ratio to test the alerts with");
  await ratio.fill("100%");
  await ratio.press("Enter");
  // SRE Workbook Table 5-8 at 100% errors: 1h × 14.4 × 0.1% = 51.84 s,
  // 6h × 6 × 0.1% = 129.6 s, 3d × 1 × 0.1% = 259.2 s.
  await page.waitForFunction(() => document.querySelector("#alerts-table tbody tr td:nth-child(5)")?.textContent === "52s");
  return opened;
}

test("the exported Prometheus rules fire as the page says, under promtool test rules", async (t) => {
  const promtool = findPromtool();
  if (!promtool) { t.skip("promtool not available here (no apt-get)"); return; }
  const { page, context, problems } = await atFullErrors();
  const rows = await page.locator("#alerts-table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  const alerts = rows.map((r) => ({ long: r[0].split(" / ")[0], detectionSeconds: seconds(r[3]) }));
  assert.deepEqual(alerts, [
    { long: "1h", detectionSeconds: 52 },
    { long: "6h", detectionSeconds: 130 },
    { long: "3d", detectionSeconds: 259 },
  ]);
  // The series the rules read: the defaults, then a bad one refused.
  const errors = page.getByLabel("Series counting bad requests");
  assert.equal(await errors.inputValue(), 'http_requests_total{service="checkout",code=~"5.."}');
  await errors.fill("rate(http_requests_total[5m])");
  await errors.press("Enter");
  assert.equal(await errors.getAttribute("aria-invalid"), "true");
  assert.match(await page.locator("#export").textContent(), /a PromQL series selector/);
  await errors.fill('http_requests_total{service="checkout",code=~"5.."}');
  await errors.press("Enter");
  const service = page.getByLabel("Service name");
  await service.fill("payments");
  await service.press("Enter");
  // Kept in the link, like every input.
  await page.waitForURL(/production\.service=payments/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-rules").click()]);
  const dir = await mkdtemp(join(tmpdir(), "nines-promtool-"));
  await copyFile(await download.path(), join(dir, "rules.yaml"));
  await writeFile(join(dir, "test.yaml"), promtoolTests("rules.yaml", alerts, ["payments-slo-sli-recordings", "payments-slo-meta-recordings", "payments-slo-burn-rate"]));
  const check = execFileSync(promtool, ["check", "rules", join(dir, "rules.yaml")], { encoding: "utf8" });
  assert.match(check, /SUCCESS: 16 rules found/, check); // 6 SLI + 7 metadata + 3 alerts
  let out;
  try {
    out = execFileSync(promtool, ["test", "rules", join(dir, "test.yaml")], { encoding: "utf8", cwd: dir });
  } catch (e) {
    assert.fail(`promtool test rules failed:\n${e.stdout}\n${e.stderr}`);
  }
  assert.match(out, /SUCCESS/, out);
  // Sloth and Pyrra, for teams that generate rules with them: the same SLO and series, each in its
  // project's format.
  await page.getByText("Sloth spec (prometheus/v1)").click();
  const slothSpec = await page.locator("#sloth-preview").inputValue();
  assert.match(slothSpec, /version: "prometheus\/v1"\nservice: "payments"/);
  assert.match(slothSpec, /objective: 99\.9\n/);
  assert.match(slothSpec, /error_query: "sum\(rate\(http_requests_total\{service=\\"checkout\\",code=~\\"5\.\.\\"\}\[\{\{\.window\}\}\]\)\)"/);
  await page.getByText("Pyrra ServiceLevelObjective").click();
  assert.match(await page.locator("#pyrra-preview").inputValue(), /kind: ServiceLevelObjective[\s\S]*target: "99\.9"\n  window: 30d/);
  assert.deepEqual(problems, []);
  await context.close();
});

// No template runs from a name: a service named like a Go template (a shared link can carry
// one) is written so that Prometheus shows it, not runs it: promtool passes,
// and every firing alert carries the name as its `service` label. The file
// is named with safe characters only.
test("a service named {{ $value }} comes out literally in the firing alerts' labels", async (t) => {
  const promtool = findPromtool();
  if (!promtool) { t.skip("promtool not available here (no apt-get)"); return; }
  const { page, context, problems } = await atFullErrors();
  // SRE Workbook Table 5-8 at 100% errors (see atFullErrors).
  const alerts = [
    { long: "1h", detectionSeconds: 52 },
    { long: "6h", detectionSeconds: 130 },
    { long: "3d", detectionSeconds: 259 },
  ];
  const service = page.getByLabel("Service name");
  await service.fill("{{ $value }}");
  await service.press("Enter");
  await page.waitForURL(/production\.service=/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-rules").click()]);
  assert.equal(download.suggestedFilename(), "value-slo-rules.yaml");
  const dir = await mkdtemp(join(tmpdir(), "nines-promtool-"));
  await copyFile(await download.path(), join(dir, "rules.yaml"));
  const groups = ["{{ $value }}-slo-sli-recordings", "{{ $value }}-slo-meta-recordings", "{{ $value }}-slo-burn-rate"];
  await writeFile(join(dir, "test.yaml"), promtoolTests("rules.yaml", alerts, groups, ',service="{{ $value }}"'));
  const check = execFileSync(promtool, ["check", "rules", join(dir, "rules.yaml")], { encoding: "utf8" });
  assert.match(check, /SUCCESS: 16 rules found/, check); // 6 SLI + 7 metadata + 3 alerts
  try {
    execFileSync(promtool, ["test", "rules", join(dir, "test.yaml")], { encoding: "utf8", cwd: dir });
  } catch (e) {
    assert.fail(`promtool test rules failed:\n${e.stdout}\n${e.stderr}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a chart downloads as SVG (drawn by plotters) and as a PNG at twice the pixels", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { acceptDownloads: true });
  await page.getByLabel("Availability target").waitFor();
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#cost-chart .download-svg").click()]);
  const svg = await readFile(await svgDownload.path(), "utf8");
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /Cost per year against nines/);
  assert.match(svg, /Revenue at risk/);
  // The browser's own XML parser accepts it.
  const parseError = await page.evaluate((text) => new DOMParser().parseFromString(text, "image/svg+xml").querySelector("parsererror")?.textContent ?? null, svg);
  assert.equal(parseError, null);
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#cost-chart .download-png").click()]);
  const png = await readFile(await pngDownload.path());
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG signature");
  // IHDR: width and height, big-endian, at bytes 16..24 — twice the 960×540 image.
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1920, 1080]);
  assert.deepEqual(problems, []);
  await context.close();
});

// The budget as a decision rule the team signs: the error-budget policy, edited in place, kept in the link,
// exported as Markdown, Confluence and a printable page. The default story
// has 60% of its budget left (520 of 1,300 bad requests spent): normal with
// the caution tier at 50%, caution with it at 70%; a postmortem at 20% of
// 1,300 = 260 bad requests (SRE Workbook, Appendix B).
test("the error-budget policy is edited in place and exported in three formats", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { acceptDownloads: true });
  await page.getByText("Error-budget policy (Markdown)").click();
  const preview = page.locator("#policy-preview");
  assert.match(await preview.inputValue(), /Budget left: 60% \(computed at Wed 11 Nov 2026, 00:00 UTC\): \*\*normal\*\*\./);
  assert.match(await preview.inputValue(), /more than 20% of the budget \(260 bad requests\)/);
  const caution = page.getByLabel("Caution tier starts at (budget left)");
  await caution.fill("150%");
  await caution.press("Enter");
  assert.equal(await caution.getAttribute("aria-invalid"), "true");
  await caution.fill("70%");
  await caution.press("Enter");
  await page.waitForFunction(() => /\*\*caution\*\*/.test(document.querySelector("#policy-preview")?.value ?? ""));
  const windows = page.getByLabel("On-call goes back after this many windows outside the budget");
  await windows.fill("0");
  await windows.press("Enter");
  assert.equal(await windows.getAttribute("aria-invalid"), "true");
  const override = page.getByLabel("Who may override a freeze, and how");
  await override.fill("The CTO, in writing <b>now</b>");
  await override.press("Enter");
  await page.waitForURL(/policy\.caution_below=0\.7/);
  const [html] = await Promise.all([page.waitForEvent("download"), page.locator("#download-policy-html").click()]);
  const text = await readFile(await html.path(), "utf8");
  assert.match(text, /<h1>Error-budget policy: checkout<\/h1>/);
  assert.match(text, /The CTO, in writing &lt;b&gt;now&lt;\/b&gt;/);
  const [wiki] = await Promise.all([page.waitForEvent("download"), page.locator("#download-policy-wiki").click()]);
  assert.match(await readFile(await wiki.path(), "utf8"), /^h1\. Error-budget policy: checkout\n/);
  // A reload keeps it.
  await page.reload();
  await page.getByText("Error-budget policy (Markdown)").click();
  assert.match(await page.locator("#policy-preview").inputValue(), /\*\*caution\*\*[\s\S]*The CTO, in writing/);
  assert.deepEqual(problems, []);
  await context.close();
});

// The first visit carries no export code: the export writers are a second wasm module (lazy.js,
// lazy_bg.wasm), fetched when the Export section is first used, never on a
// first visit; the exports it writes are the page's figures.
test("the export writers load on demand, not on a first visit", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { acceptDownloads: true });
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.locator("#downtime-table").waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(fetched.filter((p) => /lazy/.test(p)), [], "a first visit fetches no export module");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-table").click()]);
  assert.match(download.suggestedFilename(), /^nines-allowed-downtime-per-period\.csv$/);
  assert.ok(fetched.some((p) => p.endsWith("/lazy.js")) && fetched.some((p) => p.endsWith("/lazy_bg.wasm")), fetched.join(" "));
  const rows = parseCsv(await readFile(await download.path(), "utf8"));
  const month = rows.find((r) => r[0] === "per month");
  assert.equal(month[1], await page.locator("tr[data-period=month] td").textContent());
  assert.deepEqual(problems, []);
  await context.close();
});

// Sloth's policy over 7 days, a period Sloth defines no windows for: the
// Sloth spec comes with its windows file as a second download (sloth
// generate reads every document of its input as an SLO), named as the
// spec's header command names it; the Workbook's policy (two pages, one
// ticket) has none. Ticket alerts turned off on the page reach the spec as
// Sloth's disable: true, and the link keeps it.
test("the Sloth spec and its alert windows download apart; alerts turned off reach the spec", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { acceptDownloads: true });
  assert.equal(await page.locator("#download-sloth-windows").count(), 0, "the Workbook's policy has no Sloth windows");
  await page.getByLabel("Alert policy").selectOption("sloth");
  await page.getByLabel("SLO window").selectOption("7d");
  await page.getByLabel("Alerts written").selectOption("pages");
  await page.waitForURL(/alerts\.ticket_alerts=false/);
  const [spec] = await Promise.all([page.waitForEvent("download"), page.locator("#download-sloth").click()]);
  assert.equal(spec.suggestedFilename(), "checkout-slo.sloth.yaml");
  const text = await readFile(await spec.path(), "utf8");
  assert.match(text, /--slo-period-windows-path=sloth-windows/);
  assert.match(text, /ticket_alert:\n        disable: true\n/);
  assert.doesNotMatch(text, /AlertWindows\n/);
  const [windows] = await Promise.all([page.waitForEvent("download"), page.locator("#download-sloth-windows").click()]);
  assert.equal(windows.suggestedFilename(), "checkout-slo.sloth-windows.yaml");
  assert.match(await readFile(await windows.path(), "utf8"), /kind: AlertWindows\nspec:\n  sloPeriod: 7d\n/);
  assert.deepEqual(problems, []);
  await context.close();
});
