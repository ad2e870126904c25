// End-to-end: every section in the release build, figures checked against
// the CLI twin's JSON for the same inputs (never against numbers copied from
// the page) and, where one exists, a published reference.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage, cli, whole } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function fresh() {
  const opened = await openPage(env.browser, env.url);
  await whole(opened.page);
  return opened;
}

const num = (s) => Number(String(s).replace(/[^0-9.\-e]/g, ""));

test("error budget and alerts: the alert table matches the CLI and the SRE Workbook", async () => {
  const { page, context, problems } = await fresh();
  await page.getByLabel("Availability target").fill("99.9");
  await page.getByLabel("SLO window").selectOption("30d");
  await page.getByLabel("Alert policy").selectOption("workbook");
  const expected = cli("alerts", "--slo", "99.9", "--window", "30d", "--policy", "workbook");
  const rows = await page.$$eval("#alerts-table tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, expected.alerts.length);
  rows.forEach((row, i) => {
    assert.equal(num(row[2]), expected.alerts[i].burn_rate, `burn rate of alert ${i}`);
    assert.equal(num(row[3]) / 100, expected.alerts[i].budget_consumed, `budget consumed of alert ${i}`);
  });
  // SRE Workbook ch. 5, Table 5-8: burn rates 14.4, 6 and 1 for a 30-day SLO.
  assert.deepEqual(rows.map((r) => num(r[2])), [14.4, 6, 1]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("error budget: request-based budget and consumption match the CLI", async () => {
  const { page, context, problems } = await fresh();
  await page.getByLabel("Availability target").fill("99.9");
  await page.getByLabel("SLO window").selectOption("30d");
  await page.getByLabel("Traffic", { exact: true }).fill("1000000 per 30d");
  await page.getByLabel("Bad events so far").fill("250");
  const expected = cli("budget", "--slo", "99.9", "--window", "30d", "--requests", "1000000", "--bad", "250");
  // 99.9% of 1,000,000 requests allows 1,000 bad ones; 250 spent is 25%.
  assert.equal(expected.allowed_bad, 1000);
  assert.match(await page.locator("#budget-allowed").textContent(), /1,000/);
  assert.equal(num(await page.locator("#budget-consumed").textContent()) / 100, expected.consumed);
  assert.equal(num(await page.locator("#budget-remaining").textContent()) / 100, expected.remaining);
  assert.deepEqual(problems, []);
  await context.close();
});

test("incidents: expected downtime follows the Calculus of Service Availability", async () => {
  const { page, context, problems } = await fresh();
  // Treynor et al. 2017: frequency × (detect + recover) × scope; 4 × (10m + 20m) × 25% = 30 minutes a year.
  await page.getByLabel("Incidents per year", { exact: true }).fill("4");
  await page.getByLabel("Time to detect", { exact: true }).fill("10m");
  await page.getByLabel("Time to restore after detection").fill("20m");
  await page.getByLabel("Users affected per incident").fill("25%");
  assert.equal(await page.locator("#incident-downtime-year").textContent(), "30m");
  // The three sources of spending are added up in one sentence.
  const spend = await page.locator("#budget-spend").textContent();
  const [total, deps, incidents, releases] = [...spend.matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]));
  assert.ok(Math.abs(total - (deps + incidents + releases)) < 0.02, spend);
  assert.deepEqual(problems, []);
  await context.close();
});

test("dependencies: two 99.9% dependencies in series compose like the CLI says", async () => {
  const { page, context, problems } = await fresh();
  // Remove every default dependency, then add two.
  while (await page.locator("#dependency-list > li").count() > 0) {
    await page.locator("#dependency-list > li").first().getByRole("button", { name: /^Remove/ }).first().click();
  }
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Add a dependency" }).click();
  const fields = page.locator("#dependency-list input[id$='-availability']");
  await fields.nth(0).fill("99.9");
  await fields.nth(1).fill("99.9");
  const expected = cli("compose", "--serial", "99.9", "99.9");
  // System Design Primer, "Availability in sequence": 99.9% × 99.9% = 99.8001%.
  assert.equal(await page.locator("#deps-availability").getAttribute("data-exact"), expected.availability_display);
  assert.match(expected.availability_display, /99\.8001%/);
  // Six digits: beside the 99.95% target the page shows two decimals.
  assert.equal(await page.locator("#deps-availability").textContent(), "≈99.8%");
  assert.deepEqual(problems, []);
  await context.close();
});

test("cost per nine: the marginal table matches the CLI and the SRE book's $900", async () => {
  const { page, context, problems } = await fresh();
  await page.getByLabel("Revenue per year").fill("$1M");
  await page.getByLabel("Revenue lost during an outage").fill("100%");
  const expected = cli("cost", "--revenue", "$1M", "--impact", "100%");
  const rows = await page.$$eval("#marginal-table tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  // SRE book, "Embracing Risk": from 99.9% to 99.99% on $1M protects $900 a year.
  const step = rows.find((r) => r[0] === "99.9%" && r[1] === "99.99%");
  assert.ok(step, `a 99.9% → 99.99% row in ${JSON.stringify(rows)}`);
  assert.equal(step[3], "$900");
  const cliStep = expected.marginal.find((m) => Math.abs(m.from_nines - 3) < 1e-9 && Math.abs(m.to_nines - 4) < 1e-9);
  assert.equal(num(step[3]), Math.round(cliStep.revenue_protected_per_year));
  assert.deepEqual(problems, []);
  await context.close();
});

test("cost chart: clicking the chart sets the target for the whole scenario", async () => {
  const { page, context, problems } = await fresh();
  const before = await page.locator("#availability-percent").textContent();
  const typed = await page.getByLabel("Availability target").inputValue();
  const box = await page.locator("#cost-chart svg[role=img]").boundingBox();
  await page.locator("#cost-chart svg[role=img]").click({ position: { x: box.width * 0.85, y: box.height / 2 } });
  const after = await page.locator("#availability-percent").textContent();
  assert.notEqual(after, before, "the headline follows the chart");
  assert.notEqual(await page.getByLabel("Availability target").inputValue(), typed, "so does the target field");
  // The downtime table is recomputed for the new target too.
  const monthly = await page.locator("tr[data-period=month] td").textContent();
  assert.notEqual(monthly, "21m 55s");
  assert.deepEqual(problems, []);
  await context.close();
});

test("who runs it: the recommendation matches the CLI and the essays' SRE rule", async () => {
  const { page, context, problems } = await fresh();
  await page.getByLabel("Availability target").fill("99.99");
  await page.getByLabel("Traffic criticality").selectOption("critical");
  const expected = cli("support", "--slo", "99.99", "--criticality", "critical", "--teams", "3", "--deploys", "10 per week");
  const shown = await page.locator("#support-recommendation").textContent();
  assert.ok(shown.includes(expected.recommendation.method_name ?? expected.recommendation.method), shown);
  // "only warranted when multiple services exist with critical user traffic,
  // and at an availability level of four nines or more" (Who Runs It: You Build It SRE Run It).
  assert.match(shown, /You Build It SRE Run It/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: every input is reachable with Tab and can be changed", async () => {
  const { page, context, problems } = await fresh();
  const controls = await page.$$eval("main input, main select, main button, main svg[tabindex]", (els) => els.map((e) => e.id || e.closest("[id]").id));
  const reached = new Set();
  await page.locator("body").focus();
  for (let i = 0; i < controls.length * 2 + 20; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => {
      const a = document.activeElement;
      return a ? (a.id || a.closest("[id]")?.id || a.tagName) : null;
    });
    if (id) reached.add(id);
  }
  const missing = controls.filter((id) => !reached.has(id));
  assert.deepEqual(missing, [], "every control is reachable by Tab");
  // Change the target with the keyboard alone.
  await page.locator("#target-input").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("99.99");
  await page.waitForFunction(() => document.querySelector("#availability-percent").textContent === "99.99%");
  // And the convention with arrow keys on its select.
  await page.locator("#convention").focus();
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction(() => /SRE/.test(document.querySelector("#convention-note").textContent));
  // Focus is visible: the focused control has an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: every text field, select and slider changes with keys alone, and changes back", async () => {
  const { page, context, problems } = await fresh();
  await page.waitForFunction(() => document.querySelector("#export"));
  // Every input, and every select with a choice to make. A file field
  // (Import an SLO spec) opens the system's file chooser with Enter or
  // Space: it takes no typed text, and the test reaches it by Tab above.
  const all = await page.$$eval("main input:not([type=file]), main select", (els) =>
    els.filter((e) => e.tagName !== "SELECT" || e.options.length > 1).map((e) => e.id));
  assert.ok(all.length >= 50, `only ${all.length} inputs found: did a section not render?`);
  const changed = new Set();
  const state = () => page.evaluate(() => {
    const a = document.activeElement;
    return { id: a?.id, tag: a?.tagName, type: a?.type, value: a?.value, invalid: a?.getAttribute("aria-invalid") };
  });
  await page.locator("body").focus();
  for (let i = 0; i < all.length * 4 + 40 && changed.size < all.length; i++) {
    await page.keyboard.press("Tab");
    const before = await state();
    if (!before.id || changed.has(before.id) || !all.includes(before.id)) continue;
    if (before.tag === "SELECT" || before.type === "range") {
      // A step one way, then back: the value moves, and returns.
      const [there, back] = before.type === "range" ? ["ArrowRight", "ArrowLeft"] : ["ArrowDown", "ArrowUp"];
      let undo = back;
      await page.keyboard.press(there);
      let after = await state();
      if (after.value === before.value) { // at the end of its range
        await page.keyboard.press(back);
        after = await state();
        undo = there;
      }
      assert.notEqual(after.value, before.value, `${before.id} moves with the arrow keys`);
      await page.keyboard.press(undo);
      assert.equal((await state()).value, before.value, `${before.id} moves back`);
    } else {
      // Typed text reaches the field's parser: "x" is refused (or, for a
      // name, taken), and the original text is accepted again.
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("x");
      const typed = await state();
      assert.ok(typed.invalid === "true" || typed.value === "x", `${before.id} takes typed text`);
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type(before.value);
      const restored = await state();
      assert.equal(restored.invalid, "false", `${before.id} accepts its own text again`);
    }
    changed.add(before.id);
  }
  assert.deepEqual(all.filter((id) => !changed.has(id)), [], "every input changed by keyboard");
  assert.deepEqual(problems, []);
  await context.close();
});

test("every section is in the navigation and reachable by its anchor", async () => {
  const { page, context, problems } = await fresh();
  const anchors = await page.$$eval("nav.sections a", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(anchors, ["#target", "#budget", "#incidents", "#dependencies", "#cost", "#support", "#measures", "#library", "#export"]);
  for (const a of anchors) {
    assert.equal(await page.locator(`section${a}`).count(), 1, `${a} is a section`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
