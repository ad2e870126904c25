// End-to-end: one currency per scenario. Picking pounds
// relabels every money figure (no amount is converted): the default story's
// total cost a year at 99.95% is $20k × 2 = $40,000 of engineering cost plus
// $16M × 80% … × 0.0005 = $8,000 at risk (worked by hand in core/src/cost.rs,
// figures_for_people), so £48,000; the chart's axis is in £; the link carries
// `currency=GBP`, and a link with it opens in pounds. An amount typed in
// another currency switches the scenario's and says so: £20M at 80% over a
// 365.2425-day year (525,949.2 minutes) loses 16,000,000 / 525,949.2 = £30.42
// a minute, shown in whole pounds (core/src/display.rs, money_in).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test("picking pounds relabels the cost headline and the chart's axis, and a link carries it", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  const total = page.locator("#cost-total-at-target");
  await total.waitFor();
  assert.equal(await total.textContent(), "$48,000");
  // Keyboard: focus the labelled select and choose GBP.
  const select = page.getByLabel("Currency", { exact: true });
  await select.focus();
  await select.selectOption("GBP");
  await page.waitForFunction(() => document.querySelector("#cost-total-at-target")?.textContent === "£48,000");
  assert.equal(await page.locator("#cost-revenue-at-risk").textContent(), "£8,000");
  // The money fields follow: the default revenue is written in pounds.
  assert.match(await page.getByLabel("Revenue per year").inputValue(), /^£/);
  // The chart's money axis: every tick label on it is in pounds.
  const ticks = await page.locator("#cost-chart text.tick").allTextContents();
  const money = ticks.filter((t) => /\d/.test(t) && /[£$]/.test(t));
  assert.ok(money.length > 0, `ticks: ${ticks.join(" | ")}`);
  assert.ok(money.every((t) => t.includes("£") && !t.includes("$")), `ticks: ${money.join(" | ")}`);
  // The support table and its figure too.
  assert.match(await page.locator("#support-cost").textContent(), /^£/);
  // The link says it.
  await page.waitForURL(/[?&]currency=GBP(&|$)/);
  const link = page.url();
  assert.deepEqual(problems, []);
  await context.close();

  // A shared link opens in pounds.
  const again = await openPage(env.browser, link);
  await again.page.locator("#cost-total-at-target").waitFor();
  assert.equal(await again.page.locator("#cost-total-at-target").textContent(), "£48,000");
  assert.equal(await again.page.getByLabel("Currency", { exact: true }).inputValue(), "GBP");
  assert.deepEqual(again.problems, []);
  await again.context.close();
});

test("an amount typed in another currency switches the scenario's and says so", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  const revenue = page.getByLabel("Revenue per year");
  await revenue.waitFor();
  await revenue.fill("£20M");
  await page.getByLabel("Revenue lost during an outage").fill("80%");
  await page.getByLabel("Revenue lost during an outage").press("Tab");
  await page.waitForFunction(() => document.querySelector("#notices")?.textContent.includes("Money is now in £ GBP"));
  assert.equal(await page.getByLabel("Currency", { exact: true }).inputValue(), "GBP");
  assert.equal(await revenue.inputValue(), "£20,000,000");
  // 20,000,000 × 0.8 / 525,949.2 = £30.42 a minute: whole pounds.
  // The figures (the currency list itself still offers "$ USD").
  const body = await page.locator("#cost .headline").first().textContent();
  assert.ok(!body.includes("$") && body.includes("£"), `no dollar left in the cost figures: ${body}`);
  // A mark that is no currency is refused, naming what is allowed.
  await revenue.fill("20M XYZ");
  const error = page.locator("#revenue-error");
  await error.waitFor();
  assert.match(await error.textContent(), /"XYZ" is not a currency .*ISO 4217 code/);
  assert.equal(await page.locator("#cost-total-at-target").textContent().then((t) => t.startsWith("£")), true);
  assert.deepEqual(problems, []);
  await context.close();
});
