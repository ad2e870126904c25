// End-to-end: a custom alert policy on the page. Switching
// to it starts from the policy in force (the Workbook's three rows); each
// row is a line read by the core. Hand-worked at 99.95% over 30 days: 1%
// of the budget in 1 h is a burn rate of 0.01 × 720 = 7.2.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage, cli } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test("a custom alert policy: start from the Workbook's, edit, add, remove, a bad line", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.getByLabel("SLO window").selectOption("30d");
  await page.getByLabel("Alert policy").selectOption("custom");
  await page.locator("#custom-alerts").waitFor();
  const values = () => page.$$eval("#custom-alerts input", (els) => els.map((e) => e.value));
  assert.deepEqual(await values(), ["page 2% 1h 5m", "page 5% 6h 30m", "ticket 10% 3d 6h"]);
  const first = page.getByLabel("Alert 1", { exact: true });
  await first.fill("page 1% 1h 5m");
  await page.waitForFunction(() => document.querySelector("#alerts-table tbody tr td:nth-child(3)")?.textContent === "7.2×");
  // A bad line: its message, and the last good alert stays.
  await first.fill("page 1% 5m 1h");
  assert.equal(await first.getAttribute("aria-invalid"), "true");
  assert.match(await page.locator("#custom-alert-0-error").textContent(), /shorter than the long window/);
  assert.equal(await page.locator("#alerts-table tbody tr td:nth-child(3)").first().textContent(), "7.2×");
  await page.locator("#add-custom-alert").click();
  assert.equal((await values()).length, 4);
  await page.getByRole("button", { name: "Remove alert 4" }).click();
  await page.getByRole("button", { name: "Remove alert 3" }).click();
  assert.equal(await page.locator("#alerts-table tbody tr").count(), 2);
  await page.waitForURL(/alerts\.policy=custom/);
  assert.deepEqual(problems, []);
  await context.close();
});

// A row stated by time to exhaustion (how some teams state their alerts). By hand, from the
// Workbook's Table 5-8 (ch. 5): 2% of a 30-day budget in 1 h is a burn of
// 14.4, which spends the whole budget in 720 h / 14.4 = 50 h (2d2h), so the
// restated row keeps 14.4×. "page exhausts 2d 1h 5m" burns 720 h / 48 h =
// 15×, spends 1 h / 48 h = 2.08% in its long window, and at the default 1%
// error ratio over 99.95% fires after 1 h × 15 × 0.05% / 1% = 45m, having
// spent 1% × 45 m / (0.05% × 30 d) = 2.08%.
test("a custom alert stated by time to exhaustion: select, figures, link, keyboard", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.getByLabel("SLO window").selectOption("30d");
  await page.getByLabel("Alert policy").selectOption("custom");
  await page.locator("#custom-alerts").waitFor();
  const form = page.getByLabel("Alert 1 threshold");
  const field = page.getByLabel("Alert 1", { exact: true });
  const cells = async () => page.$$eval("#alerts-table tbody tr:first-child td", (tds) => tds.map((td) => td.textContent));
  assert.equal(await form.inputValue(), "fraction");
  await form.selectOption("exhaustion");
  await page.waitForFunction(() => document.querySelector("#custom-alert-0")?.value === "page exhausts 2d2h 1h 5m");
  assert.match(await page.locator("#custom-alert-0-hint").textContent(), /time to exhaustion/);
  assert.deepEqual((await cells()).slice(1, 3), ["14.4×", "2%"]);

  await field.fill("page exhausts 2d 1h 5m");
  await page.waitForFunction(() => document.querySelector("#alerts-table tbody tr td:nth-child(3)")?.textContent === "15×");
  assert.deepEqual((await cells()).slice(1), ["15×", "2.08%", "45m", "2.08%"]);
  // The CLI twin agrees.
  const twin = cli("alerts", "--slo", "99.95", "--window", "30d", "--alert", "page exhausts 2d 1h 5m");
  assert.deepEqual(
    [twin.alerts[0].burn_rate_display, twin.alerts[0].detection_display, twin.alerts[0].budget_spent_display],
    ["15×", "45m", "2.08%"],
  );
  // A time shorter than the long window: its message, the last good row stays.
  await field.fill("page exhausts 30m 1h 5m");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.match(await page.locator("#custom-alert-0-error").textContent(), /at least the long window/);
  assert.equal(await page.locator("#alerts-table tbody tr td:nth-child(3)").first().textContent(), "15×");
  await field.fill("page exhausts 2d 1h 5m");

  // The link keeps the row's form (2d: 172,800 s; the address follows
  // edits after a pause, so wait for this one's).
  await page.waitForURL(/exhaustion_seconds%22:172800\.0,/);
  const shared = await context.newPage();
  await shared.goto(page.url());
  await shared.locator("#custom-alerts").waitFor();
  assert.equal(await shared.getByLabel("Alert 1", { exact: true }).inputValue(), "page exhausts 2d 1h 5m");
  assert.equal(await shared.getByLabel("Alert 1 threshold").inputValue(), "exhaustion");
  assert.equal(await shared.getByLabel("Alert 2 threshold").inputValue(), "fraction");
  assert.equal(await shared.locator("#alerts-table tbody tr td:nth-child(3)").first().textContent(), "15×");

  // Keyboard: the select comes just before its row's field, and restates
  // the row back by budget spent.
  await field.focus();
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "custom-alert-0-form");
  await form.selectOption("fraction");
  await page.waitForFunction(() => document.querySelector("#custom-alert-0")?.value === "page 2.08% 1h 5m");
  assert.equal(await page.locator("#alerts-table tbody tr td:nth-child(3)").first().textContent(), "15×");
  await shared.close();
  assert.deepEqual(problems, []);
  await context.close();
});
