// Never a blank page: a panic replaces the app with a readable message,
// the scenario stays in the address bar, and a reset link is offered.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test("a forced panic shows a message and a reset link", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}?v=1&target=99.9%25`);
  await page.getByLabel("Availability target").waitFor();
  // Let the page save its scenario (it saves once edits pause).
  await page.waitForFunction(() => localStorage.getItem("nines.scenario") !== null);
  await page.evaluate(() => { try { window.wasmBindings.nines_selftest_panic(); } catch { /* the wasm trap */ } });
  const fatal = page.locator(".fatal[role=alert]");
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /internal error/);
  assert.match(await fatal.textContent(), /self-test/);
  assert.equal(await fatal.getByRole("link", { name: /Reset/ }).getAttribute("href"), "./");
  // The last saved scenario is offered, so no work is lost with the page.
  assert.equal(await fatal.getByRole("link", { name: /last saved scenario/ }).getAttribute("href"), "./?v=4&target=99.9%25");
  assert.match(page.url(), /target=99\.9%25/, "the scenario is still in the address");
  // The only errors are the panic itself.
  assert.ok(problems.every((p) => /self-test|unreachable|RuntimeError|Nines crashed/.test(p)), problems.join("\n"));
  await context.close();
});
