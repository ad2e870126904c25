// Extreme but legal inputs on the page (no input may break it): each is typed into its
// field or opened as a link, and the page must answer in words and numbers,
// never NaN, Infinity, "undefined", a blank page or a crash. The core's
// figures for the same inputs are checked in core/tests/extremes.rs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage, whole } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const BAD = /\bNaN\b|Infinity|\binf\b|\[object |\bnull\b/;

/** The page's whole text, checked for numbers that are not numbers. */
async function sane(page, what) {
  assert.equal(await page.locator(".fatal").count(), 0, `${what}: the page crashed`);
  const text = await page.locator("main").textContent();
  const bad = text.match(BAD);
  assert.equal(bad, null, `${what}: "${bad?.[0]}" near "${text.slice(Math.max(0, (bad?.index ?? 0) - 80), (bad?.index ?? 0) + 40)}"`);
  assert.equal(await page.locator("[aria-invalid=true]").count(), 0, `${what}: the value was rejected`);
}

const FIELDS = [
  ["Availability target", "0%", (p) => p.locator("#availability-percent").textContent(), /^0%$/],
  ["Availability target", "100%", (p) => p.locator("#availability-percent").textContent(), /^100%$/],
  ["Availability target", "99.9999999999%", (p) => p.locator("#availability-percent").textContent(), /99\.9999999999%/],
  ["Availability target", "12 nines", (p) => p.locator("#availability-percent").textContent(), /99\.9999999999%/],
  ["Traffic", "0 per 30d"],
  ["Traffic", "1000T per 30d"],
  ["Revenue per year", "0"],
];

test("extreme values typed into the fields give sane figures", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.getByLabel("Availability target").waitFor();
  for (const [label, value, read, expected] of FIELDS) {
    await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByLabel(label, { exact: true }).blur();
    await sane(page, `${label} = ${value}`);
    if (read) assert.match(await read(page), expected, `${label} = ${value}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("no dependencies, and one hundred", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  // Every section, so that the removals below see the whole list (on a
  // busy machine the dependencies arrive a task after the first section).
  await whole(page);
  const remove = page.locator("#dependency-list button", { hasText: "Remove" });
  while (await remove.count() > 0) await remove.first().click();
  await sane(page, "no dependencies");
  const add = page.locator("#add-dependency");
  for (let i = 0; i < 100; i++) await add.click();
  assert.equal(await page.locator("#dependency-list input[id$='-availability']").count(), 100);
  await sane(page, "100 dependencies");
  assert.deepEqual(problems, []);
  await context.close();
});

test("SLO windows of ten years and of one second, by link: used, or refused with a notice", async () => {
  const ten = await openPage(env.browser, `${env.url}?v=1&slo_window=3650d`);
  await ten.page.getByLabel("Availability target").waitFor();
  await sane(ten.page, "slo_window=3650d");
  assert.match(await ten.page.locator("#slo-window option:checked").textContent(), /3650 days/);
  assert.equal(await ten.page.locator("#notices").count(), 0);
  assert.deepEqual(ten.problems, []);
  await ten.context.close();

  // Windows are whole hours at least: one second is refused, by name.
  const one = await openPage(env.browser, `${env.url}?v=1&slo_window=1s`);
  await one.page.getByLabel("Availability target").waitFor();
  assert.match(await one.page.locator("#notices").textContent(), /"slo_window".*not a period.*using the default 30d/);
  await sane(one.page, "slo_window=1s");
  assert.deepEqual(one.problems, []);
  await one.context.close();
});
