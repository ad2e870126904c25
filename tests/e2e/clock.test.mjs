// End-to-end: the budget's dates follow the reader's clock (a
// budget runs on real dates, not on the day the link was made).
// Playwright's clock fixes the browser's `Date`; every expected date below
// is worked by hand from the default story (a 30-day window, 10 days
// elapsed, 40% of the budget spent, so at a steady burn it runs out
// 10 / 0.4 = 25 days after the window starts).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function dates(page) {
  const el = page.locator("#budget-dates");
  await el.waitFor();
  return el.textContent();
}

test("a rolling window follows the reader's today", async () => {
  // The story's own day: the window started on 1 November 2026.
  const story = await openPage(env.browser, env.url, { now: "2026-11-11T00:00:00Z" });
  assert.match(await dates(story.page), /From Sun 1 Nov 2026, 00:00 UTC to now, Wed 11 Nov 2026, 00:00 UTC/);
  assert.match(await story.page.locator("#budget-exhaustion").textContent(), /Thu 26 Nov 2026/);
  // Opened a month later, the same inputs mean the last 10 days up to
  // then: from Tue 1 Dec; the budget runs out 25 days after, Sat 26 Dec.
  const later = await openPage(env.browser, env.url, { now: "2026-12-11T00:00:00Z" });
  const text = await dates(later.page);
  assert.match(text, /From Tue 1 Dec 2026, 00:00 UTC to now, Fri 11 Dec 2026, 00:00 UTC/);
  assert.match(text, /resets: never/);
  assert.match(text, /relative to the reader's now/);
  assert.match(await later.page.locator("#budget-exhaustion").textContent(), /Sat 26 Dec 2026/);
  assert.deepEqual([...story.problems, ...later.problems], []);
  await story.context.close();
  await later.context.close();
});

test("a calendar month is this month in the reader's offset, its real length", async () => {
  // Paris in February is UTC+01:00: February 2027 (28 days) began at
  // 23:00 UTC on 31 January and ends at 23:00 UTC on 28 February.
  const { page, context, problems } = await openPage(env.browser, env.url, {
    now: "2027-02-10T12:00:00Z",
    timezoneId: "Europe/Paris",
  });
  await page.locator("#window-alignment").selectOption("calendar");
  await page.waitForURL(/alignment=calendar/);
  assert.equal(await page.getByLabel("SLO window").inputValue(), "month");
  assert.equal(await page.getByLabel("Time zone (offset from UTC)").inputValue(), "+01:00");
  const text = await dates(page);
  assert.match(text, /From Sun 31 Jan 2027, 23:00 UTC/);
  assert.match(text, /resets: Sun 28 Feb 2027, 23:00 UTC/);
  assert.match(text, /Calendar month in UTC\+01:00/);
  assert.match(await page.locator("#budget-allowed").locator("..").textContent(), /28 days/);
  // Another offset, typed: UTC.
  await page.getByLabel("Time zone (offset from UTC)").fill("UTC");
  await page.getByLabel("Time zone (offset from UTC)").press("Enter");
  await page.waitForFunction(() => document.querySelector("#budget-dates")?.textContent.includes("From Mon 1 Feb 2027, 00:00 UTC"));
  // A bad offset is refused with its message; the last good one stays.
  await page.getByLabel("Time zone (offset from UTC)").fill("+15:00");
  await page.getByLabel("Time zone (offset from UTC)").press("Enter");
  await page.getByText(/14:00/).first().waitFor();
  assert.match(await dates(page), /From Mon 1 Feb 2027/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a pinned link opened a month later keeps its start and says the window is over", async () => {
  const first = await openPage(env.browser, env.url, { now: "2026-11-11T00:00:00Z" });
  await first.page.locator("#window-alignment").selectOption("pinned");
  await first.page.waitForURL(/alignment=pinned/);
  // Pinning keeps the window where it was: from 1 November.
  assert.equal(await first.page.getByLabel("Window starts (UTC)").inputValue(), "2026-11-01T00:00:00Z");
  const link = first.page.url();
  await first.context.close();

  const later = await openPage(env.browser, link, { now: "2026-12-11T00:00:00Z" });
  const text = await dates(later.page);
  assert.match(text, /From Sun 1 Nov 2026, 00:00 UTC/);
  assert.match(text, /the start stays pinned/);
  assert.match(await later.page.locator("#budget").textContent(), /The pinned window ended on Tue 1 Dec 2026/);
  assert.deepEqual([...first.problems, ...later.problems], []);
  await later.context.close();
});
