// A page that reads on a phone, at 1280 px and on a 390 px phone, light and
// dark: readable charts, tables whose answer stays on screen, scroll regions
// the keyboard reaches, round targets from every picker, and the smaller
// items (cursor at the target, 100%, the way back to the example, the
// theme button, rates and money as people write them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage, whole } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const PHONE = { viewport: { width: 390, height: 844 } };
const DESK = { viewport: { width: 1280, height: 900 } };
const SIZES = [["1280 px", DESK], ["390 px", PHONE]];

async function open(options) {
  const opened = await openPage(env.browser, env.url, options);
  await whole(opened.page);
  return opened;
}

const target = (page) => page.locator("#target-input").inputValue();

/** Wait until the chart is drawn at its on-screen width (not scaled down). */
async function chartDrawn(page, id) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((id) => {
    const svg = document.querySelector(`#${id} svg.chart-svg:not(.chart-placeholder):not(.chart-overlay)`);
    return svg && svg.getBoundingClientRect().width >= svg.viewBox.baseVal.width - 0.5;
  }, id);
}

for (const [size, viewport] of SIZES) {
  for (const colorScheme of ["light", "dark"]) {
    // Chart labels legible on a phone: at 390 px the labels rendered at 6–7 px (a 640-unit
    // viewBox drawn 332 px wide). The size on screen is the font size in
    // user units times the SVG's scale, rendered width / viewBox width.
    test(`chart labels are at least 11 px on screen (${size}, ${colorScheme})`, async () => {
      const { page, context, problems } = await open({ ...viewport, colorScheme });
      for (const id of ["downtime-chart", "cost-chart"]) {
        await chartDrawn(page, id);
        const sizes = await page.$$eval(`#${id} svg.chart-svg text`, (texts) => texts.map((t) => {
          const svg = t.ownerSVGElement;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale };
        }));
        assert.ok(sizes.length >= 8, `${id}: only ${sizes.length} labels`);
        const small = sizes.filter((s) => s.px < 11);
        assert.deepEqual(small, [], `${id}: labels under 11 px`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  // Keyboard users reach every table: every region that scrolls sideways can be reached with
  // Tab (axe: scrollable-region-focusable), and has a name.
  test(`every sideways scroll region is focusable and named (${size})`, async () => {
    const { page, context, problems } = await open(viewport);
    await page.waitForFunction(() => document.querySelector("#export"));
    // Open the charts' data tables too: they are the widest.
    await page.$$eval("details.data-table", (ds) => ds.forEach((d) => { d.open = true; d.dispatchEvent(new Event("toggle")); }));
    await page.waitForTimeout(200);
    const bad = await page.evaluate(() => [...document.querySelectorAll("main *")]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(e).overflowX))
      .filter((e) => !(e.tabIndex >= 0 && e.getAttribute("aria-label")))
      .map((e) => e.id || e.className || e.tagName));
    assert.deepEqual(bad, []);
    // The page itself does not scroll sideways.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `the page is ${wide} px wider than the screen`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  // The answer stays in view: the column with the answer is on screen without scrolling.
  test(`wide tables keep the answer column on screen (${size})`, async () => {
    const { page, context, problems } = await open(viewport);
    await page.waitForFunction(() => document.querySelector("#export"));
    const width = viewport.viewport.width;
    for (const [table, column] of [["marginal-table", "Worth it"], ["support-costs", "Total"], ["alerts-table", "Fires after"]]) {
      await page.locator(`#${table}`).scrollIntoViewIfNeeded();
      const cells = await page.$$eval(`#${table}`, ([t], column) => {
        const headers = [...t.querySelectorAll("thead th")].map((h) => h.textContent.trim());
        const i = headers.findIndex((h) => h.startsWith(column));
        return [...t.querySelectorAll("tbody tr")].map((r) => {
          const box = r.children[i].getBoundingClientRect();
          return { text: r.children[i].textContent, left: box.left, right: box.right };
        });
      }, column);
      assert.ok(cells.length > 0, `${table} has rows`);
      for (const c of cells) {
        assert.ok(c.left >= 0 && c.right <= width, `${table} "${column}" ${c.text} at ${c.left}–${c.right} of ${width}`);
      }
    }
    if (width < 480) {
      // Stacked: each cell says which column it is.
      const label = await page.$eval("#marginal-table tbody td:last-child", (td) => getComputedStyle(td, "::before").content);
      assert.match(label, /Worth it/);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// A chart's keyboard readout starts where the reader is: the keyboard's cursor starts at the target. From 99.95%
// (3.301 nines, nearest point 3.30 on the 0.05-nine curve), six steps right
// is 3.60 nines, whose nearest round target is 99.98% (3.699 nines, 0.099
// away; 99.95% is 0.299 away). From 1 nine, as before, it was 1.30: 95%.
test("the downtime chart's keyboard cursor starts at the target", async () => {
  const { page, context, problems } = await open(PHONE);
  await chartDrawn(page, "downtime-chart");
  await page.locator("#downtime-chart svg[tabindex='0']").focus();
  await page.waitForFunction(() => /3\.3/.test(document.querySelector("#downtime-chart-readout").textContent));
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#target-input").value === "99.98%");
  assert.equal(await page.locator("#availability-percent").textContent(), "99.98%");
  assert.deepEqual(problems, []);
  await context.close();
});

// Targets people would promise: the slider steps through round targets (1-2-5 series of
// unavailability: … 99.9%, 99.95%, 99.98%, 99.99% …), never 3.35 nines.
test("the slider snaps to round percentages", async () => {
  const { page, context, problems } = await open(DESK);
  const slider = page.locator("#target-slider");
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector("#target-input").value === "99.98%");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector("#target-input").value === "99.99%");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => document.querySelector("#target-input").value === "99.9%");
  assert.match(await slider.getAttribute("aria-valuetext"), /^99\.9% \(3 nines\)$/);
  assert.deepEqual(problems, []);
  await context.close();
});

// A target picked from a figure is exact: every "use as target" writes an exact percentage. A
// tolerable loss of $50,000 on $20M × 80% at risk is U = 50,000 /
// 16,000,000 = 0.003125: 99.6875% exactly (no "≈", no "2.505… nines").
// A click on the cost chart writes a round percentage too.
for (const [size, viewport] of SIZES) {
  test(`"Use this as the target" and chart clicks write exact percentages (${size})`, async () => {
    const { page, context, problems } = await open(viewport);
    await page.getByLabel("Revenue you can afford to lose per year").fill("$50,000");
    await page.waitForFunction(() => document.querySelector("#tolerable-target")?.textContent.includes("99.6875%"));
    assert.doesNotMatch(await page.locator("#tolerable-target").textContent(), /≈/);
    await page.locator("#use-tolerable-target").click();
    await page.waitForFunction(() => document.querySelector("#target-input").value === "99.6875%");
    assert.equal(await page.locator("#availability-percent").textContent(), "99.6875%");
    await chartDrawn(page, "cost-chart");
    const svg = page.locator("#cost-chart svg.pickable");
    const box = await svg.boundingBox();
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await page.waitForFunction(() => document.querySelector("#target-input").value !== "99.6875%");
    assert.match(await target(page), /^\d{2}(\.\d+)?%$/);
    assert.doesNotMatch(await page.locator("#availability-percent").textContent(), /≈/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// The cheapest target visible on the chart: the cost chart's scale shows the total's minimum: a log
// scale (decade ticks $1k … $1M), and the total drawn wider than the lines
// it adds up, so it shows where it runs along one of them.
test("the cost chart is on a log scale and the total line stands out", async () => {
  const { page, context, problems } = await open(DESK);
  await chartDrawn(page, "cost-chart");
  const ticks = await page.$$eval("#cost-chart svg.chart-svg text.tick", (t) => t.map((x) => x.textContent));
  for (const t of ["$1k", "$10k", "$100k", "$1M"]) assert.ok(ticks.includes(t), `${t} in ${ticks}`);
  const widths = await page.$$eval("#cost-chart path.series", (ps) =>
    Object.fromEntries(ps.map((p) => [p.classList[1], parseFloat(getComputedStyle(p).strokeWidth)])));
  assert.ok(widths.sum >= 2 * widths.s1, JSON.stringify(widths));
  // The minimum ($35,777 at ≈2.95 nines) is well above the axis: in the
  // middle third of the plot's height rather than a few pixels off it.
  const y = await page.$eval("#cost-chart svg.chart-svg", (svg) => {
    const path = svg.querySelector("path.sum");
    const ys = path.getAttribute("d").match(/-?\d+(\.\d+)?/g).map(Number).filter((_, i) => i % 2 === 1);
    return { lowest: Math.max(...ys), highest: Math.min(...ys), height: svg.viewBox.baseVal.height };
  });
  assert.ok(y.lowest < y.height - 44 - 40, `the total's minimum is at y ${y.lowest} of ${y.height}`);
  assert.deepEqual(problems, []);
  await context.close();
});

// Edge targets read as words: at 100% nothing reads "$20000B" or "100% (100% (…))".
test("at 100% the cost headline and the measures card read plainly", async () => {
  const { page, context, problems } = await open(PHONE);
  await page.getByLabel("Availability target").fill("100");
  await page.waitForFunction(() => document.querySelector("#availability-percent").textContent === "100%");
  assert.equal((await page.locator("#cost-total-at-target").textContent()).trim(), "no finite cost");
  const cell = await page.$$eval("#measures-table tbody tr", (rows) =>
    rows.find((r) => r.querySelector("th").textContent === "Availability").querySelector("td").textContent);
  assert.equal(cell, "100% (no downtime allowed)");
  assert.doesNotMatch(await page.locator("main").textContent(), /\d{4,}B\b/);
  assert.deepEqual(problems, []);
  await context.close();
});

// An edited scenario can start over: a way back to the example, after a confirmation.
test("Start from the example replaces the scenario after a confirmation", async () => {
  const { page, context, problems } = await open(PHONE);
  await page.getByLabel("Availability target").fill("99.9");
  await page.waitForFunction(() => document.querySelector("#availability-percent").textContent === "99.9%");
  // On a phone the toolbar is in the menu, below the answers.
  await page.locator("#menu > summary").click();
  page.once("dialog", (d) => d.dismiss());
  await page.locator("#start-from-example").click();
  await page.waitForTimeout(200);
  assert.equal(await target(page), "99.9%", "dismissed: nothing changes");
  page.once("dialog", (d) => d.accept());
  await page.locator("#start-from-example").click();
  await page.waitForFunction(() => document.querySelector("#target-input").value === "99.95%");
  assert.deepEqual(problems, []);
  await context.close();
});

// A button's name says what a press does: the theme button says what it does, in both themes.
for (const colorScheme of ["light", "dark"]) {
  test(`the theme button's label follows the theme (${colorScheme} system)`, async () => {
    const { page, context, problems } = await open({ ...PHONE, colorScheme });
    await page.locator("#menu > summary").click();
    const button = page.locator("#theme-toggle");
    const [first, second] = colorScheme === "dark"
      ? ["Switch to light theme", "Switch to dark theme"]
      : ["Switch to dark theme", "Switch to light theme"];
    assert.equal((await button.textContent()).trim(), first);
    await button.click();
    await page.waitForFunction((s) => document.querySelector("#theme-toggle").textContent.trim() === s, second);
    await button.click();
    await page.waitForFunction((s) => document.querySelector("#theme-toggle").textContent.trim() === s, first);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Input as people type it: "10 a week" and "$20m" are accepted where a person means them.
test("rates and money as people write them are accepted", async () => {
  const { page, context, problems } = await open(DESK);
  await page.getByLabel("Deployment frequency").fill("10 a week");
  await page.getByLabel("Revenue per year").fill("$20m");
  await page.waitForTimeout(300);
  assert.equal(await page.locator("#deployment-frequency").getAttribute("aria-invalid"), "false");
  assert.equal(await page.locator("#revenue").getAttribute("aria-invalid"), "false");
  await page.getByLabel("Deployment frequency").fill("daily");
  await page.waitForTimeout(300);
  assert.equal(await page.locator("#deployment-frequency").getAttribute("aria-invalid"), "false");
  assert.deepEqual(problems, []);
  await context.close();
});
