// Nothing lost between tabs: two tabs of the same browser share
// one saved scenario and one list of named scenarios. A tab never silently
// overwrites what another tab saved: it stops saving and asks, and the
// named-scenario list follows the other tab's changes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, whole } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Two pages in one browser context: they share localStorage, like tabs. */
async function twoTabs(urlA, urlB) {
  const context = await env.browser.newContext();
  const problems = [];
  const open = async (url) => {
    const page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(url);
    await whole(page);
    return page;
  };
  const a = await open(urlA);
  const b = await open(urlB);
  return { context, a, b, problems };
}

const saved = (page) => page.evaluate(() => localStorage.getItem("nines.scenario"));

test("a second tab's saved scenario is detected, kept, and the user chooses", async () => {
  const { context, a, b, problems } = await twoTabs(env.url, `${env.url}?v=1&target=99.5%25`);
  // Tab B opened a link: looked at, it is not saved (a link never replaces your own work), so tab A
  // has nothing to be told; kept, it is saved, and tab A is told instead of
  // overwriting it.
  await b.locator("#visit").waitFor();
  await b.getByRole("button", { name: "Keep this scenario as mine" }).click();
  const alert = a.locator("#other-tab[role=alert]");
  await alert.waitFor();
  assert.match(await alert.textContent(), /Another tab saved a different scenario/);
  assert.match(await saved(a), /target=99\.5%25/);

  // Editing in A changes A's page and address, but not what B saved.
  await a.getByLabel("Availability target").fill("99.9");
  await a.waitForURL(/target=99\.9%25/);
  assert.match(await saved(a), /target=99\.5%25/, "tab A must not clobber tab B's saved scenario");

  // A keeps its own: it is saved, and now B is the tab that is asked.
  await a.getByRole("button", { name: "Keep this tab's scenario" }).click();
  await alert.waitFor({ state: "detached" });
  assert.match(await saved(a), /target=99\.9%25/);
  await b.locator("#other-tab[role=alert]").waitFor();
  await b.getByRole("button", { name: "Open the other tab's scenario" }).click();
  await b.waitForURL(/target=99\.9%25/);
  assert.equal(await b.getByLabel("Availability target").inputValue(), "99.9%");
  assert.match(await saved(b), /target=99\.9%25/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("named scenarios saved in one tab appear in the other, and neither list is lost", async () => {
  const { context, a, b, problems } = await twoTabs(env.url, env.url);
  const save = async (page, name) => {
    await page.getByLabel("Scenario name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Save the current scenario" }).click();
  };
  await save(a, "From tab A");
  await b.locator("#saved-scenarios > li", { hasText: "From tab A" }).waitFor();
  assert.match(await b.locator("#library-message").textContent(), /changed in another tab/);
  await save(b, "From tab B");
  await a.locator("#saved-scenarios > li", { hasText: "From tab B" }).waitFor();
  const names = JSON.parse(await a.evaluate(() => localStorage.getItem("nines.library"))).scenarios.map((s) => s.name);
  assert.deepEqual(names.sort(), ["From tab A", "From tab B"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an invalid edit never overwrites the saved scenario", async () => {
  const { context, a, problems } = await twoTabs(env.url, env.url);
  await a.getByLabel("Availability target").fill("99.9");
  await a.waitForFunction(() => /target=99\.9%25/.test(localStorage.getItem("nines.scenario")));
  await a.getByLabel("Availability target").fill("99.9x");
  assert.equal(await a.getByLabel("Availability target").getAttribute("aria-invalid"), "true");
  // Longer than the pause after which the page saves.
  await a.waitForTimeout(600);
  assert.match(await saved(a), /target=99\.9%25/);
  assert.match(a.url(), /target=99\.9%25/);
  assert.deepEqual(problems, []);
  await context.close();
});
