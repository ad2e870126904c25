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

async function violations(url, colorScheme, viewport = { width: 1280, height: 720 }, open = false) {
  const context = await env.browser.newContext({ bypassCSP: true, colorScheme, viewport });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator("section.card").first().waitFor();
  if (open) {
    // Every fold open (the workings, the phone's menu, the data tables),
    // and what they hold built.
    await page.locator("#export").waitFor();
    await page.$$eval("details", (ds) => ds.forEach((d) => { d.open = true; }));
    await page.locator("#support-assumptions").waitFor();
    await page.waitForTimeout(200);
  }
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
  // The folds closed (above, as a first visit shows them) and open, at
  // 1280 px and on a 390 px phone.
  for (const [size, viewport] of [["1280 px", { width: 1280, height: 800 }], ["390 px", { width: 390, height: 844 }]]) {
    test(`axe finds no violations with every fold open (${size}, ${scheme})`, async () => {
      assert.deepEqual(await violations(env.url, scheme, viewport, true), []);
    });
  }
}

// Keyboard users reach every table: at 390 px wide tables scrolled sideways where the keyboard
// could not reach them (axe: scrollable-region-focusable); at 1280 px they
// did not scroll, so axe found nothing there.
for (const scheme of ["light", "dark"]) {
  test(`axe finds no violations on a 390 px phone (${scheme})`, async () => {
    assert.deepEqual(await violations(env.url, scheme, { width: 390, height: 844 }), []);
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

// Contrast beyond axe: axe measures what it can see (and leaves text in
// off-screen or canvas-like places "incomplete"); this measures every text
// on the page, HTML and SVG, against the background it is drawn on, with
// the WCAG 2 formula: 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px
// bold) and for chart lines, whose colours share the text's variables.
for (const scheme of ["light", "dark"]) {
  test(`every text meets WCAG AA contrast (${scheme}), charts included`, async () => {
    const context = await env.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(env.url);
    await page.locator("section.card").first().waitFor();
    // Open every data table and readout so their text is measured too.
    await page.$$eval("details", (ds) => ds.forEach((d) => { d.open = true; d.dispatchEvent(new Event("toggle")); }));
    await page.waitForTimeout(100);
    const failures = await page.evaluate(() => {
      const parse = (c) => {
        const m = c.match(/rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:[,/]\s*([\d.]+%?))?\)/);
        if (!m) return null;
        const a = m[4] === undefined ? 1 : m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
        return [Number(m[1]), Number(m[2]), Number(m[3]), a];
      };
      const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const background = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = parse(getComputedStyle(e).backgroundColor);
          if (c && c[3] > 0) return c;
        }
        return parse(getComputedStyle(document.documentElement).backgroundColor) ?? [255, 255, 255, 1];
      };
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const seen = new Set();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.textContent.trim() || !el || seen.has(el)) continue;
        seen.add(el);
        const style = getComputedStyle(el);
        if (style.visibility === "hidden" || style.display === "none" || el.closest("[hidden], .visually-hidden, option, title, desc")) continue;
        const svg = el instanceof SVGElement;
        const fg = parse(svg ? style.fill : style.color);
        if (!fg) { out.push(`${el.tagName}: unreadable colour ${svg ? style.fill : style.color}`); continue; }
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const need = large ? 3 : 4.5;
        const r = ratio(fg, background(svg ? el.closest("svg") : el));
        if (r < need) out.push(`${el.tagName}#${el.id || el.closest("[id]")?.id} "${n.textContent.trim().slice(0, 30)}": ${r.toFixed(2)} < ${need}`);
      }
      // Chart lines are graphics: 3:1 against the chart's background.
      for (const path of document.querySelectorAll("svg path.series")) {
        const c = parse(getComputedStyle(path).stroke);
        if (c && ratio(c, background(path.closest("svg"))) < 3) out.push(`series ${path.getAttribute("class")}: ${ratio(c, background(path.closest("svg"))).toFixed(2)} < 3`);
      }
      return { checked: seen.size, out };
    });
    assert.ok(failures.checked > 300, `only ${failures.checked} texts measured`);
    assert.deepEqual(failures.out, []);
    await context.close();
  });
}
