// End-to-end: who runs it, as revenue insurance. The default
// story, worked by hand (core/src/support/insurance.rs, revenue_insurance_of_the_
// default_story): the budget is 0.05% of a 365.2425-day year =
// 15,778.476 s (4h 22m 58s); $20M × 80% ÷ 31,556,952 s = $0.507020 a
// second. You Build It Ops Run It restores in 5m + 30m + 2h = 2h 35m, so
// 6 × 2h 35m × 50% = 7h 45m a year, over the budget (176.82%); You Build It
// You Run It 6 × 35m × 50% = 1h 45m (39.93%). Totals (on-call + investment
// + lost revenue across the 3 teams' services): Ops Run It $72,200 + $0 +
// $42,438 = $114,638; You Run It $102,900 + $30,000 + $9,583 = $142,483,
// the cheapest that fits. The row order is the essays': Ops Run It, You
// Run It, SRE Run It, Ops Sometimes Run It.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage, cli, whole } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The comparison table's rows, each as its cells' text. */
async function rows(page) {
  return page.locator("#support-methods tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent)));
}

/** Wait until row `i`, column `j` of the comparison reads `text`. */
async function cell(page, i, j, text) {
  await page.waitForFunction(([i, j, text]) => {
    const tr = document.querySelectorAll("#support-methods tbody tr")[i];
    return tr?.children[j]?.textContent === text;
  }, [i, j, text]);
}

test("the default story's comparison, its chart and the CLI agree", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.locator("#support-methods").waitFor();
  const r = await rows(page);
  assert.equal(r.length, 4);
  // Method, handoff, restore, downtime, fits, lost, on-call, split, investment, total, standing.
  assert.deepEqual(r[0].slice(0, 7), ["You Build It Ops Run It", "2h", "2h 35m", "7h 45m",
    "no: 176.82% of the budget", "$42,438", "$72,200"]);
  assert.equal(r[0][9], "$114,638");
  assert.deepEqual(r[1].slice(1, 6), ["0s", "35m", "1h 45m", "yes: 39.93% of the budget", "$9,583"]);
  assert.equal(r[1][8], "$30,000");
  assert.equal(r[1][9], "$142,483");
  assert.equal(r[1][10], "recommended, cheapest that fits");
  // SRE Run It invests ten times You Run It's $30,000.
  assert.equal(r[2][8], "$300,000");
  assert.equal(await page.locator("#support-cheapest-fitting").textContent(), "You Build It You Run It");
  // The comparison the section exists to make: $30,700 saved against $32,855 more lost.
  const insurance = await page.locator("#support-revenue-insurance").textContent();
  assert.match(insurance, /saves \$30,700 of on-call pay a year/);
  assert.match(insurance, /\$10,952 more lost revenue, \$32,855 across the 3 teams' services/);
  // The chart: a cost bar and a downtime bar per method, the budget line,
  // reachable by keyboard.
  const chart = page.locator("#support-methods-chart svg");
  assert.equal(await chart.getAttribute("tabindex"), "0");
  assert.equal(await page.locator("#support-methods-chart rect").count(), 8);
  // The budget is marked on each downtime bar, scaled as the bars are:
  // 15,778.476 s of the largest downtime, 27,900 s, is 113.1 of 200 units.
  const marks = await page.locator("#support-methods-chart .marker line").evaluateAll((ls) => ls.map((l) => l.getAttribute("x1")));
  assert.equal(marks.length, 4);
  assert.ok(Math.abs(Number(marks[0]) - 15778.476 / 27900 * 200) < 1e-6, marks[0]);
  // Its labels stay legible on screen: 12 units × the drawing's scale.
  const px = await chart.evaluate((svg) => 12 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
  assert.ok(px >= 11, `labels at ${px} px`);
  assert.match(await page.locator("#support-methods-chart").textContent(), /7h 45m, over budget/);
  // The table's region is reachable by keyboard.
  assert.equal(await page.locator("#support-methods").locator("xpath=..").getAttribute("tabindex"), "0");
  // The CLI twin gives the same figures.
  const j = cli("support");
  assert.equal(j.methods[0].display.total_cost, r[0][9]);
  assert.equal(j.methods[1].expected_downtime_per_year_seconds, 6300);
  // Every default is traceable: each assumption names its source.
  const sources = await page.locator("#support-assumptions tbody tr td:nth-child(4)").allTextContents();
  assert.equal(sources.length, 10);
  assert.ok(sources.every((s) => s.length > 10));
  assert.match(await page.locator("#support-product-conditions").textContent(), /weekly deploys or more/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("changing the target, incidents, revenue or handoff delay moves the figures", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.locator("#support-methods").waitFor();

  // Ops Run It's handoff 30m: 6 × (35m + 30m) × 50% = 3h 15m, within the
  // budget; its total falls by (7h 45m − 3h 15m) = 16,200 s × 3 × $0.507020
  // = $24,641 to $89,996, and it becomes the cheapest that fits.
  const handoff = page.getByLabel("Ops Run It: handoff delay per incident");
  await handoff.fill("30m");
  await handoff.press("Tab");
  await cell(page, 0, 3, "3h 15m");
  let r = await rows(page);
  assert.equal(r[0][4], "yes: 74.15% of the budget"); // 11,700 ÷ 15,778.476
  assert.equal(r[0][9], "$89,996");
  assert.equal(await page.locator("#support-cheapest-fitting").textContent(), "You Build It Ops Run It");
  // The link carries the new input, and only it of the support inputs.
  await page.waitForURL(/support\.on_call\.ops_handoff_delay_seconds=1800/);
  assert.doesNotMatch(page.url(), /sre_handoff|investment/);

  // Target 99.9%: the budget doubles to 31,556.952 s; 11,700 s is 37.08%.
  await page.getByLabel("Availability target").fill("99.9");
  await page.getByLabel("Availability target").press("Tab");
  await cell(page, 0, 4, "yes: 37.08% of the budget");

  // 12 incidents a year: You Run It 12 × 35m × 50% = 3h 30m; its callouts
  // follow (36 × $150), on-call $100,200 + $5,400 = $105,600.
  const incidents = page.getByLabel("Incidents per year", { exact: true });
  await incidents.fill("12");
  await incidents.press("Tab");
  await cell(page, 1, 3, "3h 30m");
  r = await rows(page);
  assert.equal(r[1][6], "$105,600");
  assert.equal(r[1][5], "$19,165"); // 12,600 s × $0.507020 × 3

  // Revenue $10M: You Run It loses 12,600 s × $8M ÷ 31,556,952 s × 3 =
  // $9,583 (half the rate, twice the downtime).
  const revenue = page.getByLabel("Revenue per year");
  await revenue.fill("$10M");
  await revenue.press("Tab");
  await cell(page, 1, 5, "$9,583");
  assert.deepEqual(problems, []);
  await context.close();
});

test("organisation and culture show the essays' conflicts; a bad delay names its field (on a phone)", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { viewport: { width: 390, height: 844 } });
  const culture = page.getByLabel("Culture (Westrum");
  await culture.waitFor();
  // The chart's labels are 11 px or more at 390 px too.
  const chart = page.locator("#support-methods-chart svg");
  await chart.scrollIntoViewIfNeeded();
  const px = await chart.evaluate((svg) => 12 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
  assert.ok(px >= 11, `labels at ${px} px`);
  // The default, a bureaucratic cost centre: four groups of conflicts.
  assert.equal(await page.locator("#support-conflicts h3").count(), 4);
  assert.match(await page.locator("#support-warnings").textContent(), /difficult fit/);
  await culture.focus();
  await culture.selectOption("generative");
  await page.waitForFunction(() => document.querySelectorAll("#support-conflicts h3").length === 0);
  await page.getByLabel("Organisation", { exact: true }).selectOption("business-differentiator");
  await page.waitForFunction(() => !document.querySelector("#support-warnings").textContent.includes("difficult fit"));
  await page.waitForURL(/support\.culture=generative/);
  assert.match(page.url(), /support\.organisation=business-differentiator/);

  // A bad handoff delay: a message beside the field, the last good figures stay.
  const sre = page.getByLabel("SRE Run It: handoff delay per incident");
  await sre.fill("soon");
  await page.locator("#sre-handoff-error").waitFor();
  assert.equal((await rows(page))[2][2], "35m");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the number of teams is at least one, and a bad one is refused beside its field", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await whole(page);
  const teams = page.getByLabel("Delivery teams (one service each)");
  // 0 teams would leave no one on call: refused, the last good figures
  // (3 teams' 18 incidents a year) kept.
  await teams.fill("0");
  await page.locator("#teams-error").waitFor();
  assert.match(await page.locator("#teams-error").textContent(), /"0" is not a number of teams: give a whole number from 1/);
  assert.match(await page.locator("#oncall-incidents").textContent(), /18 incidents a year across the 3 teams' services/);
  // 2 teams × 6 incidents a year = 12.
  await teams.fill("2");
  await page.waitForFunction(() => /12 incidents a year across the 2 teams' services/.test(document.querySelector("#oncall-incidents")?.textContent ?? ""));
  assert.equal(await page.locator("#teams-error").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
