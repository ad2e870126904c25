// End-to-end: one service, one answer. A product manager's case entered on
// the page (the figures are worked by hand in core/src/scenario.rs,
// what_happened_feeds_every_figure_worked_by_hand): three incidents last
// quarter (3 Oct 2026, 45 min, all users; 20 Oct, 2 h, 20%; 15 Nov, 20 min,
// all), now 7 Dec 2026 00:00 UTC, a time-based budget over a rolling
// 30-day window wholly elapsed. The error budget spends what the log spent,
// the incident model can take the log's figures, the log's achieved
// availability is over the period logged, and "the most you can promise"
// is one figure wherever it appears.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage, whole } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const NOW = "2026-12-07T00:00:00Z";
const num = (s) => Number(String(s).replace(/[^0-9.\-e]/g, ""));

test("what happened feeds the budget and the incident model, and the page gives one answer", async () => {
  // The example without its incident log, the rest as it is.
  const { page, context, problems } = await openPage(env.browser, `${env.url}?v=5&incidents.history=[]`, { now: NOW });
  await whole(page);
  await page.getByLabel(/Paste incidents as CSV/).fill(
    "2026-10-03,45m,100%\n2026-10-20,2h,20%\n2026-11-15,20m,100%\n",
  );
  await page.getByRole("button", { name: "Add these incidents" }).click();
  assert.equal(await page.locator("#incident-log > li").count(), 3);

  // Counted in bad time, over the whole 30-day window (7 Nov – 7 Dec): the
  // 15 Nov incident's 1 200 s of the 0.0005 × 2 592 000 = 1 296 s budget,
  // 92.59%, in the budget section and in the log alike; nothing typed.
  await page.getByLabel("Count the budget in").selectOption("time");
  await page.getByLabel("Time elapsed in the window").fill("30d");
  await page.getByLabel("Time elapsed in the window").press("Tab");
  await page.waitForFunction(() => document.querySelector("#budget-consumed")?.textContent.startsWith("92.59%"));
  assert.match(await page.locator("#incident-log-budget").textContent(), /^92\.59%/);
  assert.match(await page.locator("#budget-spent-source").textContent(), /20m, from the incident log: 1 logged incident/);
  assert.equal(await page.locator("#bad-seconds").count(), 0, "no measured bad time is shown unless chosen");
  assert.equal(await page.locator("#traffic").count(), 0, "no traffic in a time-based budget");

  // The period logged: 3 Oct 00:00 to now, 65 days; (2 700 + 1 440 + 1 200)
  // / 5 616 000 unavailable, 99.904915%, a miss; 3 × 365.2425 / 65 = 16.86
  // incidents a year.
  const achieved = page.locator("#incident-achieved-period");
  assert.ok(Math.abs(num(await achieved.getAttribute("data-exact")) - 100 * (1 - 5340 / 5_616_000)) < 1e-4);
  // Shown to the digits that tell it from 99.95%: 99.90, written ≈99.9%.
  assert.equal(await achieved.textContent(), "≈99.9%");
  assert.match(await achieved.locator("xpath=..").textContent(), /the period logged \(65d\).*misses the 99\.95% target/);
  assert.match(await page.locator("#incident-log-rate").textContent(), /^3 incidents logged in 65d \(16\.86 a year\)/);

  // The model from what happened: its rate, mean time to restore (45 + 120
  // + 20) / 3 = 1h 1m 40s and scope 5 340 / 11 100 = 48.11%, read by the
  // dependencies too.
  await page.getByLabel("Incident rate, time to restore and scope").selectOption("log");
  await page.waitForFunction(() => document.querySelector("#incident-model-source")?.textContent.includes("from what happened"));
  const source = await page.locator("#incident-model-source").textContent();
  assert.match(source, /16\.86 a year/);
  assert.match(source, /1h 1m 40s mean time to restore/);
  assert.match(source, /48\.11% of users/);
  assert.equal(await page.getByLabel("Incidents per year", { exact: true }).count(), 0);
  assert.match(await page.locator("#deps-own-outages").textContent(), /16\.86 a year, each reaching 48\.11% of users/);

  // One "most you can promise": the verdict's, repeated by the dependencies.
  const verdict = await page.locator("#verdict").textContent();
  const promise = /The most you can promise is ([0-9.]+%)/.exec(verdict)?.[1];
  assert.ok(promise, verdict);
  assert.equal(await page.locator("#deps-most-promisable").textContent(), promise);
  assert.doesNotMatch(await page.locator("#deps-promise").textContent(), /can promise is/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an achievable target is not offered a lower one", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await whole(page);
  // The example expects 145.13% of 99.95%'s 0.05%, 0.072565%: 99.85%
  // (0.15%) is achievable, and the round 99.9% (0.1%) is too.
  await page.getByLabel("Availability target").fill("99.85%");
  await page.waitForFunction(() => document.querySelector("#verdict")?.textContent.startsWith("Achievable"));
  const adopt = page.locator("#verdict-adopt");
  if (await adopt.count()) {
    assert.equal(await adopt.textContent(), "Use 99.9% as the target");
  }
  assert.doesNotMatch(await page.locator("#verdict").textContent(), /99\.8%/);
  assert.deepEqual(problems, []);
  await context.close();
});
