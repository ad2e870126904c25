// The answers first, the workings folded: the default page, every section
// loaded and every fold closed, fits in 8 screens at 1280×800 and 15 on a
// 390×844 phone (it took 26 and 44 with everything open); the verdict and
// the five answers are on the first screen of both; what a reader opens
// stays open across a reload; the phone's menu holds the tools; nothing on
// the page is written for developers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage, whole, FOLDS, OPEN_KEY } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Scroll to the end a screen at a time, so that every section below the
 * fold is laid out (they skip layout until shown), then the page's height. */
async function scrolledHeight(page) {
  let last = -1;
  // A section's height is known once it has been shown: pass until the
  // page's height stops changing.
  for (let pass = 0; pass < 5; pass++) {
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let i = 0; i < 200; i++) {
      const done = await page.evaluate(() => {
        window.scrollBy(0, window.innerHeight / 2);
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      });
      await page.waitForTimeout(30);
      if (done) break;
    }
    await page.waitForTimeout(200);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (height === last) return height;
    last = height;
  }
  return last;
}

for (const [name, viewport, most] of [["1280×800", DESK, 8], ["390×844", PHONE, 15]]) {
  test(`the folded page is at most ${most} screens at ${name}`, async () => {
    const { page, context, problems } = await openPage(env.browser, env.url, { viewport, folded: true });
    await whole(page);
    const open = await page.$$eval("details.workings[open]", (ds) => ds.map((d) => d.id));
    assert.deepEqual(open, [], "a first visit opens no workings");
    const height = await scrolledHeight(page);
    const screens = height / viewport.height;
    assert.ok(screens <= most, `${height} px is ${screens.toFixed(1)} screens`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`the verdict and the five answers are on the first screen at ${name}`, async () => {
    const { page, context, problems } = await openPage(env.browser, env.url, { viewport, folded: true });
    await whole(page);
    const boxes = await page.$$eval("#verdict-short, #answers .answer-list > div", (els) =>
      els.map((e) => { const r = e.getBoundingClientRect(); return { text: e.innerText, bottom: r.bottom, right: r.right }; }));
    assert.equal(boxes.length, 6, "the verdict and five answers");
    for (const b of boxes) {
      assert.ok(b.bottom <= viewport.height && b.right <= viewport.width, `off the first screen: ${b.text} (${b.bottom}, ${b.right})`);
    }
    // The default example misses its target: the verdict says so, with the
    // expected availability to the digits that tell it from 99.95% (the
    // dependencies, incidents and failed deployments leave 99.92743…%).
    assert.equal(boxes[0].text, "Not achievable: expected availability ≈99.93%, below the 99.95% target.");
    // Each answer names the section that works it out, and that section is there.
    const targets = await page.$$eval("#answers .answer-list a", (as) => as.map((a) => a.getAttribute("href")));
    assert.deepEqual(targets.slice(0, 4), ["#target", "#budget", "#support", "#cost"]);
    for (const t of targets) assert.equal(await page.locator(t).count(), 1, t);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a fold the reader opens stays open across a reload, and only that one", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { viewport: DESK, folded: true });
  await whole(page);
  assert.equal(await page.locator("#downtime-chart").count(), 0, "the chart is folded, not built");
  await page.locator("#target-chart > summary").click();
  await page.locator("#downtime-chart").waitFor();
  await page.reload();
  await whole(page);
  assert.deepEqual(await page.$$eval("details.workings[open]", (ds) => ds.map((d) => d.id)), ["target-chart"]);
  await page.locator("#downtime-chart").waitFor();
  // Closed again, it stays closed (the browser reports a fold's toggle in a
  // task of its own: reload once it has been kept).
  await page.locator("#target-chart > summary").click();
  await page.waitForFunction((key) => !(localStorage.getItem(key) ?? "").includes("target-chart"), OPEN_KEY);
  await page.reload();
  await whole(page);
  assert.deepEqual(await page.$$eval("details.workings[open]", (ds) => ds.map((d) => d.id)), []);
  // Opening a fold changes no figure, so the link does not carry it.
  assert.ok(!page.url().includes("target-chart"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the harness's list names every fold on the page", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { viewport: DESK });
  await whole(page);
  const ids = await page.$$eval("details.workings", (ds) => ds.map((d) => d.id).sort());
  assert.deepEqual(ids, [...FOLDS].sort());
  const open = await page.$$eval("details.workings:not([open])", (ds) => ds.map((d) => d.id));
  assert.deepEqual(open, [], "the harness opens them all");
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone the tools fold into a menu below the answers, and every button can be reached", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { viewport: PHONE });
  await whole(page);
  assert.equal(await page.locator("#copy-link").isVisible(), false, "the toolbar is folded");
  const menu = await page.locator("#menu > summary").boundingBox();
  const answers = await page.locator("#answers").boundingBox();
  assert.ok(menu.y > answers.y + answers.height - 1, "the menu is below the answers");
  assert.ok(menu.height >= 44, `the menu is ${menu.height} px tall`);
  await page.locator("#menu > summary").click();
  assert.equal(await page.locator("#copy-link").isVisible(), true);
  // Every button, fold and link of its own inside the width of the screen,
  // 24 px or more tall (links inside a sentence are exempt, as in WCAG 2.5.8).
  const bad = await page.$$eval("button, summary, nav a, .answer-list a", (els) => els
    .filter((e) => e.getClientRects().length > 0)
    .map((e) => ({ id: e.id || e.textContent.trim().slice(0, 40), r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.right > window.innerWidth + 0.5 || r.left < -0.5 || r.height < 24)
    .map(({ id, r }) => `${id}: x ${Math.round(r.left)}–${Math.round(r.right)}, ${Math.round(r.height)} px tall`));
  assert.deepEqual(bad, []);
  const slider = await page.locator("#target-slider").boundingBox();
  assert.ok(slider.height >= 44, `the slider is ${slider.height} px tall`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("nothing on the page is written for developers", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { viewport: DESK });
  await whole(page);
  const text = await page.evaluate(() => document.body.innerText);
  assert.ok(!/JSON/.test(text), `the page mentions JSON: …${text.slice(Math.max(0, text.indexOf("JSON") - 80), text.indexOf("JSON") + 40)}…`);
  assert.deepEqual(problems, []);
  await context.close();
});

// Round to what matters: with every fold open, no availability on the page
// has more than five significant digits (the 99.95% target has four); the
// exact figure stays beside a rounded one (data-exact, shown on focus).
test("no availability on the page shows more than five significant digits", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { viewport: DESK });
  await whole(page);
  await page.locator("#dependency-shares").waitFor();
  const long = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // A figure's explanation (shown on focus) says the exact value.
      if (n.parentElement.closest(".why")) continue;
      for (const m of n.textContent.matchAll(/\d[\d,]*\.\d+%/g)) {
        const digits = m[0].replace(/\D/g, "").replace(/^0+/, "");
        if (parseFloat(m[0].replace(/,/g, "")) >= 90 && digits.length > 5) out.push(`${m[0]} in ${n.parentElement.closest("[id]")?.id}`);
      }
    }
    return out;
  });
  assert.deepEqual(long, []);
  // The dependencies together: 1 − 1.539924e-4 (worked by hand in the
  // core's verdict test) is 99.98460076%; beside 99.95% two decimals tell
  // them apart: ≈99.98%…
  assert.equal(await page.locator("#deps-availability").textContent(), "≈99.98%");
  // …and the figure the CLI and the exports write is there too.
  assert.equal(await page.locator("#deps-availability").getAttribute("data-exact"), "≈99.9846%");
  // The session cache, 2 of 3 replicas at 99.9%: exactly 99.9997002%.
  assert.equal(await page.locator("#dependency-shares tbody tr:nth-child(3) td:nth-child(2)").textContent(), "≈99.999%");
  assert.deepEqual(problems, []);
  await context.close();
});

// Durations in prose to two units: 6d 14h 56m 21s elapsed reads "spent
// after 6d 15h" (the field keeps what was typed, and the CLI the seconds).
test("the budget's label says the time elapsed in two units", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url, { viewport: DESK });
  await whole(page);
  await page.getByLabel("Time elapsed in the window").fill("6d 14h 56m 21s");
  await page.waitForFunction(() => document.querySelector("#budget-consumed")?.parentElement.querySelector(".label").textContent === "spent after 6d 15h");
  assert.deepEqual(problems, []);
  await context.close();
});
