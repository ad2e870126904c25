// Shared end-to-end harness: Debian's Chromium driven by playwright-core,
// the release dist/ served on loopback, and guards that fail a test on any
// console error, page error, CSP violation or request leaving 127.0.0.1.
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { execFileSync } from "node:child_process";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = process.env.NINES_DIST ?? join(ROOT, "dist");

const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ARGS,
    headless: true,
  });
}

/** Start the dist server and a browser; returns helpers and a close(). */
export async function setup() {
  const { server, url } = await serve(DIST);
  const browser = await launch();
  return {
    url,
    browser,
    async close() { await browser.close(); server.close(); },
  };
}

/** The page's folds (`<details class="workings">`), by id, and the storage
 * key their open state is kept under (src/browser.rs `OPEN_KEY`). */
export const OPEN_KEY = "nines.open";
export const FOLDS = [
  "verdict-workings", "target-calendar", "target-chart", "target-reverse",
  "budget-workings", "budget-alerts", "incident-log-fold", "delivery-more",
  "deps-edit", "deps-chart", "cost-model", "cost-chart-fold", "cost-tolerable",
  "support-pay", "support-insurance", "support-others", "support-organisation-fold", "support-rules",
  "measures-card", "library-compare", "export-policy", "export-sre", "export-import",
];

/** Open every fold of the pages `context` opens, as a reader who opened
 * them finds them (kept in storage), unless the page keeps others already. */
export async function openWorkings(context) {
  await context.addInitScript(([key, ids]) => {
    try { if (localStorage.getItem(key) === null) localStorage.setItem(key, ids); } catch {}
  }, [OPEN_KEY, FOLDS.join(",")]);
}

/** The instant the default story is told at (core `budget::STORY_NOW`). */
export const STORY_NOW = "2026-11-11T00:00:00Z";

/**
 * Wait until the full page is there: its first section (the target field
 * shows first) and the sections below the fold, which arrive one task
 * later. A test that reads them must not start before.
 */
export async function whole(page) {
  await page.getByLabel("Availability target").waitFor();
  await page.locator("#export").waitFor();
}

/**
 * Open a page with guards. `problems` collects console errors, page errors,
 * CSP violations and off-origin requests; assert it is empty at the end.
 *
 * `options.now` fixes the page's clock (Playwright's `page.clock`: `Date`
 * returns that instant, timers still run) so that dates shown, and figures
 * compared across page loads, do not depend on when the test runs; it
 * defaults to STORY_NOW. `now: null` leaves the real clock.
 * `options.prepare(page)` runs before the page is opened (routes, say).
 */
export async function openPage(browser, url, options = {}) {
  const { now = STORY_NOW, prepare, folded = false, ...contextOptions } = options;
  // The browser's time zone is UTC unless a test sets `timezoneId`: the
  // page fills a calendar window's and the service hours' offset from it.
  const context = await browser.newContext({ timezoneId: "UTC", ...contextOptions });
  const page = await context.newPage();
  // The tests read the workings: open them all, as a reader who opened
  // them would find them (kept in storage); answers-first.test.mjs checks
  // the page folded, and that this list names every fold.
  if (!folded) await openWorkings(context);
  if (now) await page.clock.setFixedTime(new Date(now));
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1"].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol)) {
      problems.push(`off-origin request: ${r.url()}`);
    }
  });
  if (prepare) await prepare(page);
  await page.goto(url);
  return { page, context, problems };
}

/** Run the CLI twin and parse its JSON (the reference for every figure).
 * scripts/test builds it in its cached target dir and says where, in NINES_CLI. */
const CLI = process.env.NINES_CLI || join(ROOT, "target", "debug", "nines");
/** The CLI twin's path, for a test that runs it for its raw output. */
export const CLI_PATH = CLI;
export function cli(...args) {
  const out = execFileSync(CLI, [...args, "--json"], { encoding: "utf8" });
  return JSON.parse(out);
}
