// Never a blank page: a panic replaces the app with a readable message,
// the scenario stays in the address bar, and a reset link is offered. The
// release build aborts on a panic without formatting it (which keeps the panic
// machinery out of the download), so the
// message comes from static/crash.js, which catches the wasm trap; a build
// that formats panics passes its message on ("self-test: ...").
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
  // From an event listener, as an input's panic would be: nothing catches
  // it, the browser reports it (a timer would be the test clock's, which
  // catches what its callbacks throw).
  // Without the flag the tests set, the hook does nothing (a host page cannot
  // crash the calculator through it).
  await page.evaluate(() => window.wasmBindings.nines_selftest_panic());
  assert.equal(await page.locator(".fatal").count(), 0, "the hook is off by default");
  await page.evaluate(() => {
    window.ninesTestHooks = true;
    const b = document.createElement("button");
    b.addEventListener("click", () => window.wasmBindings.nines_selftest_panic());
    b.click();
  });
  const fatal = page.locator(".fatal[role=alert]");
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /internal error/);
  assert.match(await fatal.textContent(), /self-test|RuntimeError: unreachable/);
  // The defaults, not the bare address (which reopens the saved scenario).
  assert.equal(await fatal.getByRole("link", { name: /Reset/ }).getAttribute("href"), "./?v=5");
  // The last saved scenario is offered, so no work is lost with the page.
  assert.equal(await fatal.getByRole("link", { name: /last saved scenario/ }).getAttribute("href"), "./?v=5&target=99.9%25");
  assert.match(page.url(), /target=99\.9%25/, "the scenario is still in the address");
  // The reset link opens the default scenario.
  await fatal.getByRole("link", { name: /Reset/ }).click();
  await page.getByLabel("Availability target").waitFor();
  assert.equal(await page.getByLabel("Availability target").inputValue(), "99.95%");
  // The only errors are the panic itself.
  assert.ok(problems.every((p) => /self-test|unreachable|RuntimeError|Nines crashed/.test(p)), problems.join("\n"));
  await context.close();
});

test("a wasm module that cannot start shows the message, not the loading line", async () => {
  const context = await env.browser.newContext({ timezoneId: "UTC" });
  // A host that mangles the download (a charset applied to
  // binary data) gives the browser bytes that are not wasm.
  await context.route(/_bg\.wasm$/, (route) =>
    route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("\u00ef\u00bb\u00bfnot wasm at all") }));
  const page = await context.newPage();
  await page.goto(`${env.url}?v=5&target=99.9%25`);
  const fatal = page.locator(".fatal[role=alert]");
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /internal error/);
  assert.match(await fatal.textContent(), /CompileError/);
  assert.equal(await page.locator(".loading").count(), 0, "the loading line is replaced");
  await context.close();
});
