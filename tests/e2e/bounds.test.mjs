// End-to-end (very large links, which must neither hang the page nor be
// cut silently): with every list of a link at
// its bound (core `bounds`: 100 dependencies holding 500 entries, groups of
// 100, 8 levels, 20 custom alerts, 1,000 incidents, 100 cost levels, 1,000
// chart points) the page shows everything and cuts nothing; one beyond a
// bound is cut with a notice naming it, and the add buttons stop at the
// bounds. How fast such a page shows its first figures (the goal is one
// second) is measured by scripts/bench, not here: a timed test fails on a
// busy machine. The links are in links.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage } from "./harness.mjs";
import { range, alert, component, incident, link, maximal } from "./links.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** A page opened at `query`, with the harness's guards (the test server
 * takes request lines as long as these links). */
const open = (query) => openPage(env.browser, `${env.url}${query}`);

/** The notices' text ("" without any), without waiting for them. */
const notices = async (page) => (await page.locator("#notices").allTextContents()).join("\n");

test("a link with every list at its bound is shown whole, cutting nothing", async () => {
  const { page, context, problems } = await open(maximal());
  // Everything is there, nothing was cut, and every add button is held.
  await page.locator("#dependency-list").waitFor();
  assert.equal(await page.locator("#dependency-list > li").count(), 100);
  assert.equal(await page.locator("#incident-log > li").count(), 1000);
  assert.equal(await page.locator("#custom-alerts > li").count(), 20);
  assert.doesNotMatch(await notices(page), /kept|drawn/);
  assert.equal(await page.locator("#add-dependency").isDisabled(), true);
  const limit = await page.locator("#dependency-limit").textContent();
  assert.match(limit, /At most 100 dependencies\./);
  assert.match(limit, /At most 100 members in a group\./);
  assert.match(limit, /At most 500 dependencies and group members in all\./);
  assert.equal(await page.locator("#add-custom-alert").isDisabled(), true);
  assert.equal(await page.locator("#custom-alerts-limit").textContent(), "At most 20 custom alerts.");
  assert.equal(await page.locator("#add-incident").isDisabled(), true);
  assert.equal(await page.locator("#incident-log-limit").textContent(), "At most 1,000 incidents in the log.");
  assert.match(await page.locator("#deps-availability").textContent(), /\d/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link beyond the bounds is cut, and the notice names what was cut", async () => {
  const query = link({
    "alerts.policy": "custom",
    "alerts.custom": range(21, alert),
    "dependencies.dependencies": range(101, component),
    "cost.marginal_levels": range(2000, (i) => 2 + (i % 40) / 10),
  });
  const { page, context, problems } = await open(query);
  await page.locator("#dependency-list").waitFor();
  const text = await notices(page);
  assert.match(text, /The link had 21 custom alerts; the first 20 are kept \(the most Nines holds\)/);
  assert.match(text, /The link had 101 dependencies; the first 100 are kept \(the most Nines holds\)/);
  assert.match(text, /The link had 2,000 cost levels; the first 100 are kept \(the most Nines holds\)/);
  assert.equal(await page.locator("#dependency-list > li").count(), 100);
  assert.equal(await page.locator("#custom-alerts > li").count(), 20);
  assert.equal(await page.locator("#add-dependency").isDisabled(), true);
  assert.equal(await page.locator("#dependency-limit").textContent(), "At most 100 dependencies.");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the incident log takes pasted lines only while it has room, and leaves the rest in the box", async () => {
  const { page, context, problems } = await open(link({ "incidents.history": range(999, incident) }));
  await page.locator("#incident-log").waitFor();
  assert.equal(await page.locator("#incident-log > li").count(), 999);
  assert.equal(await page.locator("#add-incident").isDisabled(), false);
  const pasted = ["2026-11-10T12:00:00Z,5m,100%,first", "2026-11-10T13:00:00Z,5m,100%,second", "2026-11-10T14:00:00Z,5m,100%,third"];
  await page.locator("#incident-csv").fill(pasted.join("\n"));
  await page.locator("#add-incident-csv").click();
  await page.locator("#incident-csv-no-room").waitFor();
  assert.equal(await page.locator("#incident-log > li").count(), 1000);
  assert.match(await page.locator("#incident-csv-result").textContent(), /^1 incident added\./);
  assert.equal(
    await page.locator("#incident-csv-no-room").textContent(),
    "2 more were not added and are left in the box. At most 1,000 incidents in the log.",
  );
  assert.equal(await page.locator("#incident-csv").inputValue(), pasted.slice(1).join("\n"));
  assert.equal(await page.getByLabel("Note on incident 1000", { exact: true }).inputValue(), "first");
  assert.equal(await page.locator("#add-incident").isDisabled(), true);
  assert.equal(await page.locator("#incident-log-limit").textContent(), "At most 1,000 incidents in the log.");
  assert.deepEqual(problems, []);
  await context.close();
});
