// "Start from scratch" beside
// "Start from the example" gives, after a confirmation, a scenario with no
// incidents, dependencies or example amounts (core `Scenario::blank`);
// each section says what it needs instead of showing zeros; the link in
// the address bar is short and a reload keeps the blank scenario.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setup, openPage, whole, ROOT } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const PHONE = { viewport: { width: 390, height: 844 } };
const DESK = { viewport: { width: 1280, height: 900 } };
const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

// The blank link writes only the inputs it clears, one key each (core
// `link`: a link holds what differs from the example); nine keys of 20 to
// 45 characters fit in 300, and one logged incident would not (core
// tests/blank.rs holds the link to the same bound).
const LINK_BOUND = 300;

const dependencyRows = (page) => page.locator("#dependency-list > li");
const logRows = (page) => page.locator("#incident-log > li");

/** Press "Start from scratch" (by `press`) and accept the confirmation. */
async function startBlank(page, press = () => page.locator("#start-from-scratch").click()) {
  let asked = "";
  page.once("dialog", (d) => { asked = d.message(); d.accept(); });
  await press();
  await page.waitForFunction(() => document.querySelectorAll("#dependency-list > li").length === 0);
  return asked;
}

/** The blank scenario on the page: nothing listed or logged, and each section saying what it needs. */
async function assertBlank(page, when) {
  assert.equal(await dependencyRows(page).count(), 0, `${when}: no dependency rows`);
  assert.equal(await logRows(page).count(), 0, `${when}: no incident log rows`);
  await page.locator("#incident-log-empty").waitFor();
  assert.match(await page.locator("#deps-empty").textContent(), /no critical dependency listed.*Add a dependency/);
  // No revenue and no engineering cost: the cost section asks for both and
  // draws no $0 figures, chart or table.
  assert.match(await page.locator("#cost-needs").textContent(), /Enter the revenue per year and the engineering cost/);
  assert.equal(await page.locator("#cost-total-at-target").count(), 0, `${when}: no cost figures`);
  assert.equal(await page.locator("#cost-chart").count(), 0, `${when}: no cost chart`);
  assert.equal(await page.locator("#tolerable-target").count(), 0, `${when}: no implied target`);
  assert.match(await page.locator("#tolerable-needs").textContent(), /needs the revenue per year/);
  assert.equal(await page.getByLabel("Revenue per year").inputValue(), "$0");
  // Who runs it: no incidents and no revenue to weigh the methods by.
  assert.match(await page.locator("#support-needs").textContent(), /^Enter the incidents per year in Incidents and delivery and the revenue per year in Cost per nine/);
  assert.match(await page.locator("#support-suggested-criticality").textContent(), /none yet/);
  assert.equal(await page.locator("#support-cheapest-fitting").count(), 0, `${when}: every method fits when nothing fails`);
  // No deployments: no delivery target to hand over.
  assert.match(await page.locator("#measures-needs").textContent(), /No deployment frequency yet/);
  // The target itself is the example's: blank clears data, not the target.
  assert.equal(await page.locator("#target-input").inputValue(), "99.95%");
}

test("Start from scratch empties the scenario after a confirmation, keeps a short link, and survives a reload", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, DESK);
  await whole(page);
  assert.ok(await dependencyRows(page).count() > 0, "the example lists dependencies");
  assert.ok(await logRows(page).count() > 0, "the example logs incidents");

  // Dismissed: nothing changes.
  page.once("dialog", (d) => d.dismiss());
  await page.locator("#start-from-scratch").click();
  await page.waitForTimeout(200);
  assert.ok(await dependencyRows(page).count() > 0, "dismissed: the example's dependencies stay");

  const asked = await startBlank(page);
  assert.match(asked, /blank/);
  await assertBlank(page, "after the press");

  // The address bar follows once edits pause; the link is short and says
  // which lists are empty.
  await page.waitForFunction(() => location.search.includes("dependencies.dependencies"));
  const query = new URL(page.url()).search.slice(1);
  assert.ok(query.length < LINK_BOUND, `${query.length} characters: ${query}`);
  assert.match(query, /(^|&)incidents\.history=%5B%5D(&|$)/);
  assert.match(query, /(^|&)dependencies\.dependencies=%5B%5D(&|$)/);
  assert.match(query, /(^|&)cost\.model\.revenue_per_year=0(&|$)/);

  await page.reload();
  await whole(page);
  await assertBlank(page, "after a reload");
  assert.equal(new URL(page.url()).search.slice(1), query, "the reload keeps the link");

  // The link opens the same blank scenario in another browser.
  const other = await openPage(env.browser, `${env.url}?${query}`, DESK);
  await whole(other.page);
  await assertBlank(other.page, "opened from the link");
  assert.deepEqual(other.problems, []);
  await other.context.close();

  // Each hint goes when its value is typed. $1M a year: the cost section
  // still asks for the engineering cost, and for a tolerable loss (0
  // would imply 100%); $8,000 of $1M × 80% at risk is U = 1%: 99%.
  const revenue = page.getByLabel("Revenue per year");
  await revenue.fill("$1M");
  await revenue.press("Tab");
  await page.waitForFunction(() => /^Enter the engineering cost/.test(document.querySelector("#cost-needs")?.textContent ?? ""));
  assert.match(await page.locator("#tolerable-needs").textContent(), /^Enter the revenue you can afford to lose/);
  const loss = page.getByLabel("Revenue you can afford to lose per year");
  await loss.fill("$8,000");
  await loss.press("Tab");
  await page.locator("#tolerable-target").waitFor();
  assert.equal(await page.locator("#tolerable-target").textContent(), "99%");
  const cost = page.getByLabel("Engineering cost per year at the reference level");
  await cost.fill("$20k");
  await cost.press("Tab");
  await page.locator("#cost-total-at-target").waitFor();
  assert.equal(await page.locator("#cost-needs").count(), 0, "both sides given: nothing asked");
  // $1M over 365.2425 days is $2,738 a day: normal (1,000 to 10M a day);
  // incidents are still asked for.
  assert.match(await page.locator("#support-suggested-criticality").textContent(), /^Suggested criticality: normal/);
  assert.match(await page.locator("#support-needs").textContent(), /^Enter the incidents per year in Incidents and delivery to weigh/);

  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone the button fits the toolbar and works from the keyboard", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, PHONE);
  await whole(page);
  // On a phone the toolbar is in the menu, below the answers.
  await page.locator("#menu > summary").click();
  const button = page.locator("#start-from-scratch");
  const box = await button.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `inside the screen: ${JSON.stringify(box)}`);
  assert.ok(box.height >= 24, `a target a finger can press: ${box.height} px high`);
  assert.equal(
    await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    true,
    "the page does not scroll sideways",
  );
  // Beside the example's button: one Tab away from it; Enter presses it.
  await page.locator("#start-from-example").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "start-from-scratch");
  await startBlank(page, () => page.keyboard.press("Enter"));
  await assertBlank(page, "pressed with the keyboard");
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe finds no violations on the blank scenario (${colorScheme})`, async () => {
    // As tests/e2e/a11y.test.mjs: axe is injected, so CSP is bypassed here.
    const context = await env.browser.newContext({ bypassCSP: true, colorScheme, viewport: DESK.viewport, timezoneId: "UTC" });
    const page = await context.newPage();
    await page.goto(env.url);
    await whole(page);
    await startBlank(page);
    await page.locator("#cost-needs").waitFor();
    await page.addScriptTag({ content: AXE });
    const found = await page.evaluate(async () =>
      (await axe.run(document, { resultTypes: ["violations"] })).violations.map((v) =>
        `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`));
    await context.close();
    assert.deepEqual(found, []);
  });
}
