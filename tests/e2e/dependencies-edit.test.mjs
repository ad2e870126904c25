// End-to-end: dependencies in full on the page. A k-of-n
// group is made and its k changed (k above n refused by name), a group is
// nested inside a group, and a dependency's outage scope is set and
// survives a reload. The default story's dependencies (core/src/dependency/,
// `DependencyInputs::default`): 1 payment providers (any 1 of 2), 2 orders
// database 99.99%, 3 session cache (2 of 3 at 99.9%), 4 inventory service
// 99.995%; the target is 99.95%.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Type `text` into the field `selector` with the keyboard alone, then leave it. */
async function typeInto(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
  await page.keyboard.press("Tab");
}

/** The cells of the budget-share table row whose first cell is `who`. */
async function shareRow(page, who) {
  const rows = await page.$$eval("#dependency-shares tbody tr", (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  return rows.find((r) => r[0] === who);
}

test("a 2-of-3 group is made with the keyboard, k = 3 warns, k = 4 is refused", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.locator("#dep-1-copy").waitFor();
  // The orders database, twice copied with the keyboard: any 1 of 3.
  for (let i = 0; i < 2; i++) {
    await page.locator("#dep-1-copy").focus();
    await page.keyboard.press("Enter");
  }
  assert.equal(await page.locator("#dep-1-label").textContent(), "Redundant group 2: any 1 of 3 is enough");
  // Turned into k of n it starts at 1 of 3 (the same figures), then 2 of 3.
  await page.locator("#dep-1-kind").selectOption("k-of-n");
  assert.equal(await page.locator("#dep-1-label").textContent(), "Redundant group 2: 1 of 3 needed");
  assert.equal(await page.getByLabel("k of n: members of group 2 needed").inputValue(), "1");
  await typeInto(page, "#dep-1-k", "2");
  assert.equal(await page.locator("#dep-1-label").textContent(), "Redundant group 2: 2 of 3 needed");
  // 2 of 3 copies at 99.99% fail 3 × 1e-8 × 0.9999 + 1e-12 ≈ 3e-8 of the
  // time: more available than one copy, so no group warning.
  assert.equal(await page.locator("#dependencies .group-warning").count(), 0);
  // 3 of 3: all copies needed, 1 − 0.9999³ ≈ 0.03% unavailable, worse than
  // one copy's 0.01%: the page says so.
  await typeInto(page, "#dep-1-k", "3");
  assert.equal(await page.locator("#dep-1-label").textContent(), "Redundant group 2: 3 of 3 needed");
  await page.locator("#dependencies .group-warning").first().waitFor();
  assert.match(await page.locator("#dependencies .group-warning").first().textContent(), /less available than one copy/);
  // 4 of 3: refused, with the field and what is allowed; the last good k stays.
  await page.locator("#dep-1-k").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("4");
  assert.equal(await page.locator("#dep-1-k-error").textContent(), "K (the members needed) must be between 1 and 3");
  assert.equal(await page.locator("#dep-1-k").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#dep-1-label").textContent(), "Redundant group 2: 3 of 3 needed");
  // And back to a redundant group: any 1 of 3, the warning gone.
  await page.locator("#dep-1-kind").selectOption("any");
  assert.equal(await page.locator("#dep-1-label").textContent(), "Redundant group 2: any 1 of 3 is enough");
  assert.equal(await page.locator("#dep-1-k").count(), 0);
  assert.equal(await page.locator("#dependencies .group-warning").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a group inside a group is edited on the page", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.locator("#dep-2-0-nest").waitFor();
  // The first session cache replica becomes a redundant pair inside the
  // 2-of-3 group.
  await page.locator("#dep-2-0-nest").click();
  assert.equal(await page.locator("#dep-2-0-label").textContent(), "Redundant group 3.1: any 1 of 2 is enough");
  assert.equal(await page.locator("#dep-2-label").textContent(), "Redundant group 3: 2 of 3 needed");
  // Its members have their own fields, and the nested group its own kind.
  await page.locator("#dep-2-0-1-name").fill("standby replica");
  await page.locator("#dep-2-0-1-name").press("Tab");
  assert.equal(await page.getByLabel("Availability of standby replica").inputValue(), "99.9%");
  await page.locator("#dep-2-0-kind").selectOption("k-of-n");
  assert.equal(await page.locator("#dep-2-0-label").textContent(), "Redundant group 3.1: 1 of 2 needed");
  await typeInto(page, "#dep-2-0-k", "3");
  assert.equal(await page.locator("#dep-2-0-k-error").textContent(), "K (the members needed) must be between 1 and 2");
  // A member of the nested pair removed: the pair is one replica again.
  await page.getByRole("button", { name: "Remove standby replica" }).click();
  assert.equal(await page.locator("#dep-2-0-label").count(), 0);
  assert.equal(await page.locator("#dep-2-0-availability").inputValue(), "99.9%");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a dependency's outage scope counts in its share of the budget and survives a reload", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.locator("#dep-3-scope").waitFor();
  // The inventory service, 99.995%, spends 0.005% of the time out of the
  // 99.95% target's 0.05%: 10% of the budget.
  assert.equal((await shareRow(page, "inventory service"))?.[2], "10%");
  assert.equal(await page.locator("#dep-3-scope").inputValue(), "100%");
  // Its outages reach half the users: 0.005% × 50% = 0.0025%, 5% of the budget.
  await typeInto(page, "#dep-3-scope", "50%");
  assert.equal((await shareRow(page, "inventory service"))?.[2], "5%");
  assert.match(await page.locator("#deps-scope-rule").textContent(), /counts × its scope/);
  // Over 100%: refused by name, the last good figures kept.
  await page.locator("#dep-3-scope").fill("120%");
  assert.match(await page.locator("#dep-3-scope-error").textContent(), /^Outage scope/);
  assert.equal((await shareRow(page, "inventory service"))?.[2], "5%");
  await page.locator("#dep-3-scope").fill("50%");
  await page.locator("#dep-3-scope").press("Tab");
  // The link carries it; a reload reads it back.
  await page.waitForURL(/dependencies\.scopes=/);
  await page.reload();
  await page.locator("#dep-3-scope").waitFor();
  assert.equal(await page.locator("#dep-3-scope").inputValue(), "50%");
  assert.equal((await shareRow(page, "inventory service"))?.[2], "5%");
  assert.deepEqual(problems, []);
  await context.close();
});
