// Accessibility: axe-core (from npm) on the whole page in light and dark,
// and on an embedded section: no violations at all, serious or not.
// axe is injected as a script, so these contexts bypass the page's CSP;
// every other test runs under it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setup, ROOT } from "./harness.mjs";

let env;
const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function violations(url, colorScheme) {
  const context = await env.browser.newContext({ bypassCSP: true, colorScheme });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator("section.card").first().waitFor();
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () =>
    (await axe.run(document, { resultTypes: ["violations"] })).violations.map((v) =>
      `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`));
  await context.close();
  return found;
}

for (const scheme of ["light", "dark"]) {
  test(`axe finds no violations on the whole page (${scheme})`, async () => {
    assert.deepEqual(await violations(env.url, scheme), []);
  });
}

test("axe finds no violations in embed mode", async () => {
  assert.deepEqual(await violations(`${env.url}?embed=cost`, "light"), []);
});

test("the theme follows the system and the toggle overrides it, both ways", async () => {
  for (const [scheme, first, second] of [["light", "rgb(251, 251, 250)", "rgb(20, 23, 28)"], ["dark", "rgb(20, 23, 28)", "rgb(251, 251, 250)"]]) {
    const context = await env.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(env.url);
    await page.locator("#theme-toggle").waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), first, `${scheme} system`);
    await page.locator("#theme-toggle").click();
    assert.equal(await background(), second, `${scheme} system, toggled`);
    await page.reload();
    await page.locator("#theme-toggle").waitFor();
    assert.equal(await background(), second, "the choice survives a reload");
    await context.close();
  }
});
