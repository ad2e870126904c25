// Saved scenarios are never silently lost (and delete
// and rename can be undone): a name already in the list gets a suffix on
// save and on rename, entries are read one by one (a bad one is reported
// and kept in storage), storage this version cannot read is copied to a
// backup key before the first save replaces it, and Delete and Rename can
// be undone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage, whole } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const KEY = "nines.library";

async function ready(page) {
  await whole(page);
}

/** A fresh page whose storage holds `stored` under each key before the page reads it. */
async function withStored(stored) {
  const opened = await openPage(env.browser, env.url);
  await ready(opened.page);
  await opened.page.evaluate((entries) => {
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }, Object.entries(stored));
  await opened.page.goto(env.url);
  await ready(opened.page);
  return opened;
}

/** Save the current scenario, under `name` when given (else the field's). */
async function save(page, name) {
  if (name !== undefined) await page.getByLabel("Scenario name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save the current scenario" }).click();
}

/** The message, once it matches `pattern`. */
async function message(page, pattern) {
  await page.locator("#library-message", { hasText: pattern }).waitFor();
  return page.locator("#library-message").textContent();
}

/** The names shown in the list (the rename fields, when none has focus). */
const shown = (page) => page.$$eval("#saved-scenarios input[id$='-name']", (els) => els.map((e) => e.value));
/** What is stored under nines.library, parsed. */
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
const storedNames = async (page) => (await stored(page)).scenarios.map((s) => s.name);

test("saving twice under the default name keeps both; the second is “My scenario (2)”", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await ready(page);
  assert.equal(await page.locator("#library-message").getAttribute("role"), "status");
  await page.getByLabel("Availability target").fill("99.9");
  await save(page);
  await message(page, "Saved “My scenario”.");
  await page.getByLabel("Availability target").fill("99.99");
  await save(page);
  assert.match(
    await message(page, "Saved as"),
    /Saved as “My scenario \(2\)”: the name was taken\./,
  );
  assert.deepEqual(await shown(page), ["My scenario", "My scenario (2)"]);
  const list = await stored(page);
  assert.deepEqual(list.scenarios.map((s) => s.name), ["My scenario", "My scenario (2)"]);
  assert.match(list.scenarios[0].link, /target=99\.9%25/);
  assert.match(list.scenarios[1].link, /target=99\.99%25/);

  // A third save under a suffixed name counts on; nothing is replaced.
  await save(page, "My scenario (2)");
  await message(page, "“My scenario (3)”");
  assert.deepEqual(await storedNames(page), ["My scenario", "My scenario (2)", "My scenario (3)"]);

  await page.goto(env.url);
  await ready(page);
  assert.deepEqual(await shown(page), ["My scenario", "My scenario (2)", "My scenario (3)"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("renaming to a name already in the list gets a suffix, can be undone, and a later save deletes nothing", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await ready(page);
  await save(page, "Alpha");
  await save(page, "Bravo");
  await message(page, "Saved “Bravo”.");

  // Keyboard: type the new name, Enter renames.
  await page.getByLabel('Rename "Bravo"').fill("Alpha");
  await page.getByLabel('Rename "Bravo"').press("Enter");
  assert.match(
    await message(page, "Renamed"),
    /Renamed “Bravo” to “Alpha \(2\)”: the name “Alpha” was taken\./,
  );
  assert.deepEqual(await storedNames(page), ["Alpha", "Alpha (2)"]);
  await page.getByLabel('Rename "Alpha (2)"').waitFor();

  await page.getByRole("button", { name: "Undo", exact: true }).click();
  assert.match(await message(page, "Undone"), /Undone: “Alpha \(2\)” is called “Bravo” again\./);
  assert.deepEqual(await storedNames(page), ["Alpha", "Bravo"]);
  // The focus is back in the entry's name field, which shows its name.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "saved-1-name");
  assert.deepEqual(await shown(page), ["Alpha", "Bravo"]);

  // Renamed for good, then saved under the same name: all three stay.
  await page.getByLabel('Rename "Bravo"').fill("Alpha");
  await page.getByLabel('Rename "Bravo"').press("Tab");
  await message(page, "Renamed “Bravo” to “Alpha (2)”");
  await save(page, "Alpha");
  await message(page, "Saved as “Alpha (3)”");
  assert.deepEqual(await storedNames(page), ["Alpha", "Alpha (2)", "Alpha (3)"]);
  assert.deepEqual(await shown(page), ["Alpha", "Alpha (2)", "Alpha (3)"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a stored list with one malformed entry shows the good ones, and a save keeps the bad one", async () => {
  const good1 = { name: "Good one", link: "v=1&target=99.9%25" };
  const bad = { name: "broken", link: 7 };
  const good2 = { name: "Good two", link: "v=1&target=99.5%25" };
  const { page, context, problems } = await withStored({
    [KEY]: JSON.stringify({ v: 1, scenarios: [good1, bad, good2] }),
  });
  assert.match(
    await message(page, "could not be read"),
    /1 saved entry could not be read; it is kept as it was/,
  );
  assert.deepEqual(await shown(page), ["Good one", "Good two"]);

  await save(page);
  await message(page, "Saved “My scenario”.");
  const list = await stored(page);
  assert.equal(list.v, 1);
  assert.deepEqual(list.scenarios.slice(0, 3), [good1, bad, good2]);
  assert.equal(list.scenarios[3].name, "My scenario");
  assert.deepEqual(await shown(page), ["Good one", "Good two", "My scenario"]);

  // Deleting a good entry next to it keeps it too.
  await page.getByRole("button", { name: "Delete Good one" }).click();
  await message(page, "Deleted “Good one”.");
  assert.deepEqual((await stored(page)).scenarios.slice(0, 2), [bad, good2]);

  await page.goto(env.url);
  await ready(page);
  await message(page, "1 saved entry could not be read");
  assert.deepEqual(await shown(page), ["Good two", "My scenario"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a list written by a newer version is never overwritten: the first save copies it to a free backup key", async () => {
  const newer = JSON.stringify({ v: 2, scenarios: [{ name: "From the future", link: "v=2&x=1" }], tags: ["a"] });
  const { page, context, problems } = await withStored({
    [KEY]: newer,
    // An earlier backup is never overwritten either.
    [`${KEY}.unreadable`]: "an earlier backup",
  });
  const notice = await message(page, "newer version");
  assert.match(notice, /written by a newer version of Nines \(v2\)/);
  assert.match(notice, /kept/);
  assert.equal(await page.locator("#saved-scenarios > li").count(), 0);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), newer, "reading changes nothing");

  await save(page);
  assert.match(await message(page, "copied"), /Saved “My scenario”\..*“nines\.library\.unreadable\.2”/);
  const kept = await page.evaluate((key) => ({
    first: localStorage.getItem(`${key}.unreadable`),
    second: localStorage.getItem(`${key}.unreadable.2`),
    third: localStorage.getItem(`${key}.unreadable.3`),
  }), KEY);
  assert.deepEqual(kept, { first: "an earlier backup", second: newer, third: null });
  const list = await stored(page);
  assert.deepEqual(Object.keys(list).sort(), ["scenarios", "v"]);
  assert.equal(list.v, 1);
  assert.deepEqual(list.scenarios.map((s) => s.name), ["My scenario"]);

  // Only the first write makes a copy.
  await save(page, "Second");
  const text = await message(page, "Saved “Second”.");
  assert.doesNotMatch(text, /copied/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}.unreadable.3`), KEY), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("storage that is not JSON at all is copied to the backup key before the first save", async () => {
  const { page, context, problems } = await withStored({ [KEY]: "{not json" });
  await message(page, "could not be read");
  await save(page);
  await message(page, "“nines.library.unreadable”");
  assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}.unreadable`), KEY), "{not json");
  assert.deepEqual(await storedNames(page), ["My scenario"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Delete can be undone from the keyboard: the entry comes back at its place, in storage too", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await ready(page);
  await save(page, "Alpha");
  await save(page, "Bravo");
  await save(page, "Charlie");
  await message(page, "Saved “Charlie”.");

  const focused = () => page.evaluate(() => document.activeElement?.id);
  await page.getByRole("button", { name: "Delete Bravo" }).focus();
  await page.keyboard.press("Enter");
  await message(page, "Deleted “Bravo”.");
  assert.deepEqual(await shown(page), ["Alpha", "Charlie"]);
  assert.deepEqual(await storedNames(page), ["Alpha", "Charlie"]);
  // The pressed button went with its entry: the focus is on Undo, so a
  // second Enter puts Bravo back instead of deleting Charlie.
  assert.equal(await focused(), "library-undo");

  await page.keyboard.press("Enter");
  await message(page, "Undone: “Bravo” is back in the list.");
  assert.equal(await page.getByRole("button", { name: "Undo", exact: true }).count(), 0, "an undo is offered once");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Delete Bravo");
  assert.deepEqual(await shown(page), ["Alpha", "Bravo", "Charlie"]);
  assert.deepEqual(await storedNames(page), ["Alpha", "Bravo", "Charlie"]);

  await page.goto(env.url);
  await ready(page);
  assert.deepEqual(await shown(page), ["Alpha", "Bravo", "Charlie"]);
  assert.deepEqual(problems, []);
  await context.close();
});
