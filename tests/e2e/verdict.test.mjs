// End-to-end, decide at a glance: the verdict under the target, the launch
// verdict with its projection, and what the dependencies let the service
// promise, at 1280 px and 390 px, light and dark. The figures are worked by
// hand in core/src/scenario.rs (verdict_of_the_default_story_worked_by_hand)
// and core/src/dependency/ (what_the_dependencies_let_the_service_promise).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const VIEWS = [
  { viewport: { width: 1280, height: 900 }, colorScheme: "light" },
  { viewport: { width: 390, height: 844 }, colorScheme: "dark" },
];

for (const view of VIEWS) {
  const name = `${view.viewport.width} px, ${view.colorScheme}`;

  test(`the verdict is at the top and its answer can be adopted (${name})`, async () => {
    const { page, context, problems } = await openPage(env.browser, env.url, view);
    const verdict = page.locator("#verdict");
    await verdict.waitFor();
    const text = await verdict.textContent();
    // The default story spends 145.13% of its 99.95% budget.
    assert.match(text, /^Not achievable: .*spend 145\.13% of the 99\.95% budget \(failed deployments 74\.4%, incidents 39\.93%, dependencies 30\.8%\)/);
    assert.match(text, /The most you can promise is 99\.9%/);
    // Visible without scrolling, right under the target's figures.
    const box = await verdict.boundingBox();
    assert.ok(box && box.y + box.height <= view.viewport.height * 1.5, `verdict at y=${box?.y}`);
    await page.locator("#verdict-adopt").click();
    await page.waitForURL(/target=99\.9%25/);
    assert.equal(await page.getByLabel("Availability target").inputValue(), "99.9%");
    assert.match(await verdict.textContent(), /^Achievable: .*spend 72\.57% of the 99\.9% budget/);
    assert.equal(await page.locator("#verdict-adopt").count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`the launch verdict reads the projection (${name})`, async () => {
    const { page, context, problems } = await openPage(env.browser, env.url, view);
    const policy = page.locator("#budget-policy");
    await policy.waitFor();
    // 40% spent in 10 of 30 days: at burn rate 1.2 it runs out on day 25.
    assert.match(await policy.textContent(), /^Launches at risk: At this burn rate the budget runs out on Thu 26 Nov 2026, 00:00 UTC, 5d before the window ends\./);
    assert.match(await policy.getAttribute("class"), /\bwarn\b/);
    // More spent than the budget: frozen, with when the freeze lifts.
    await page.getByLabel("Bad events so far").fill("1400");
    await page.getByLabel("Bad events so far").press("Tab");
    await page.waitForFunction(() => document.querySelector("#budget-policy")?.textContent.startsWith("Launches frozen"));
    assert.match(await policy.textContent(), /The freeze lifts/);
    // Little spent: allowed.
    await page.getByLabel("Bad events so far").fill("100");
    await page.getByLabel("Bad events so far").press("Tab");
    await page.waitForFunction(() => document.querySelector("#budget-policy")?.textContent.startsWith("Launches allowed"));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`the dependencies say what can be promised, and warn when a group gets worse than one copy (${name})`, async () => {
    const { page, context, problems } = await openPage(env.browser, env.url, view);
    const promise = page.locator("#deps-promise");
    await promise.waitFor();
    // What the dependencies alone leave, named for what it is; the one
    // "most you can promise" is the verdict's (99.9%), repeated here.
    assert.match(await promise.textContent(), /alone leave room for a target of at most 99\.98%/);
    assert.equal(await page.locator("#deps-most-promisable").textContent(), "99.9%");
    // Remove one copy of the "2 of 3" session cache: 2 of 2 needed.
    await page.getByRole("button", { name: "Remove session cache replica 3" }).click();
    const warning = page.locator("#dependencies .group-warning");
    await warning.waitFor();
    assert.match(await warning.textContent(), /needs 2 of its 2 copies, which makes it less available than one copy \(99\.8001% against 99\.9%\)/);
    assert.equal(await page.locator("#deps-adopt").count(), 0, "one place adopts a target: the verdict");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the verdict is in every embed", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}?embed=cost`);
  await page.locator("#verdict").waitFor();
  assert.match(await page.locator("#verdict").textContent(), /^Not achievable: /);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a month in the target table and the 30-day budget say why they differ", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  // Gregorian mean month: 365.2425 / 12 = 30.436875 days, shown 30.44; the
  // budget is over the 30-day SLO window.
  const month = page.locator("#downtime-table tr[data-period=month] th");
  await month.waitFor();
  assert.equal(await month.textContent(), "per month (30.44 days)");
  await page.getByLabel("Calendar convention").selectOption("sre-book");
  await page.waitForFunction(() => document.querySelector("#downtime-table tr[data-period=month] th")?.textContent === "per month (30 days)");
  assert.match(await page.locator("#budget-allowed").locator("..").textContent(), /per 30 days/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("one incident rate: the dependencies and the on-call costs read the Incidents section's", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.locator("#deps-own-outages").waitFor();
  assert.match(await page.locator("#deps-own-outages").textContent(), /own outages: 6 a year/);
  assert.match(await page.locator("#oncall-incidents").textContent(), /18 incidents a year across the 3 teams' services/);
  await page.getByLabel("Incidents per year", { exact: true }).fill("4");
  // 4 a year for this service; 3 teams × 4 = 12 callouts.
  await page.waitForFunction(() => document.querySelector("#deps-own-outages")?.textContent.includes("4 a year"));
  assert.match(await page.locator("#oncall-incidents").textContent(), /12 incidents a year across the 3 teams' services/);
  // The cost of the target carries the on-call cost: 3 × $5 × 6 680 h +
  // 12 callouts × $150 = $102,000 a year (it was $102,900 at 18 callouts).
  assert.match(await page.locator("#cost-with-on-call").locator("..").textContent(), /plus \$102,000 a year: You Build It You Run It's on-call/);
  assert.deepEqual(problems, []);
  await context.close();
});
