// End-to-end: scenarios travel as links and survive reloads.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage, whole } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Every figure on the page, by element id or table row. */
async function figures(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll("main .value[id], main td.num, main #support-recommendation")) {
      const key = el.id || `${el.closest("table")?.id}:${[...el.parentElement.parentElement.children].indexOf(el.parentElement)}:${[...el.parentElement.children].indexOf(el)}`;
      out[key] = el.textContent;
    }
    return out;
  });
}

async function ready(page) {
  await whole(page);
}

test("a copied link opens the same scenario, figure for figure, in a fresh browser", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await ready(page);
  await page.getByLabel("Availability target").fill("99.9");
  await page.getByLabel("Calendar convention").selectOption("sre-book");
  await page.getByLabel("Revenue per year").fill("$5M");
  await page.getByLabel("Traffic criticality").selectOption("critical");
  await page.getByLabel("SLO window").selectOption("28d");
  // The address is rewritten after the page renders: wait for the last edit.
  await page.waitForURL(/slo_window=28d/);
  const url = page.url();
  assert.match(url, /target=99\.9%25/);
  assert.match(url, /convention=sre-book/);
  const shown = await figures(page);
  await context.close();

  const other = await openPage(env.browser, url);
  await ready(other.page);
  assert.deepEqual(await figures(other.page), shown);
  assert.equal(await other.page.getByLabel("Availability target").inputValue(), "99.9%");
  assert.deepEqual([...problems, ...other.problems], []);
  await other.context.close();
});

test("the scenario survives a reload without its link (localStorage)", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await ready(page);
  await page.getByLabel("Availability target").fill("99.99");
  await page.waitForURL(/target=99\.99%25/);
  await page.goto(env.url);
  await ready(page);
  assert.equal(await page.locator("#availability-percent").textContent(), "99.99%");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a bad value in a link gets a notice naming its key; other fields still apply", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}?v=1&target=250%25&convention=sre-book&bogus=1`);
  await ready(page);
  const notices = await page.locator("#notices").textContent();
  assert.match(notices, /"target"/);
  assert.match(notices, /"bogus"/);
  assert.equal(await page.locator("#availability-percent").textContent(), "99.95%");
  assert.match(await page.locator("#convention-note").textContent(), /SRE/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a corrupt saved scenario is ignored with a notice, never a crash", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await ready(page);
  // The page saves once edits pause; corrupt the entry after that save.
  await page.waitForFunction(() => localStorage.getItem("nines.scenario") !== null);
  await page.evaluate(() => localStorage.setItem("nines.scenario", "v=1&target=%ZZ&&&=&convention=nope"));
  await page.goto(env.url);
  await ready(page);
  assert.match(await page.locator("#notices").textContent(), /saved scenario/i);
  assert.equal(await page.locator("#availability-percent").textContent(), "99.95%");
  assert.deepEqual(problems, []);
  await context.close();
});

test("named scenarios: save, compare with differences marked, reopen, rename, delete, survive a reload", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await ready(page);
  const name = page.getByLabel("Scenario name", { exact: true });
  await name.fill("Three and a half nines");
  await page.getByLabel("Availability target").fill("3.5 nines");
  await page.getByRole("button", { name: "Save the current scenario" }).click();
  await name.fill("Three nines");
  await page.getByLabel("Availability target").fill("99.9");
  await page.getByRole("button", { name: "Save the current scenario" }).click();
  assert.equal(await page.locator("#saved-scenarios > li").count(), 2);

  await page.getByLabel("First", { exact: true }).selectOption({ label: "Three and a half nines" });
  await page.getByLabel("Second", { exact: true }).selectOption({ label: "Three nines" });
  const diff = await page.$$eval("#compare-table tr.diff th", (ths) => ths.map((t) => t.textContent));
  assert.ok(diff.includes("≠ Availability target"), JSON.stringify(diff));
  assert.ok(diff.includes("≠ input target"), JSON.stringify(diff));

  await page.getByRole("button", { name: "Open Three and a half nines" }).click();
  assert.match(await page.locator("#availability-percent").textContent(), /99\.968/);

  await page.getByLabel('Rename "Three nines"').fill("Plain three nines");
  await page.getByLabel('Rename "Three nines"').press("Enter");
  await page.getByRole("button", { name: "Delete Three and a half nines" }).click();
  // Compare keeps each side's scenario by name: the renamed one is still
  // the second side, now first in the list; the deleted first side gives
  // way to the current scenario, never to another saved one.
  const heads = () => page.$$eval("#compare-table thead th", (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(await heads(), ["Figure or input", "Current scenario", "Plain three nines"]);
  assert.equal(await page.getByLabel("Second", { exact: true }).inputValue(), "saved:Plain three nines");
  assert.equal(await page.getByLabel("First", { exact: true }).inputValue(), "current");
  await page.goto(env.url);
  await ready(page);
  const names = await page.$$eval("#saved-scenarios input[id$='-name']", (els) => els.map((e) => e.value));
  assert.deepEqual(names, ["Plain three nines"]);
  assert.deepEqual(problems, []);
  await context.close();
});
