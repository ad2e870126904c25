// A step of the post-build (scripts/lib/post-build.sh, the last): put the page's
// first screen, as the app draws it for the example scenario, into
// index.html, so a first visit of the bare address shows its figures before
// the wasm module has arrived (on a phone's connection the module takes
// seconds). static/first.js reveals it only for a visitor with nothing of
// their own (no link, nothing stored), the one visit that opens the
// example; the app replaces it when it starts.
//
// The app itself draws it, in Debian's Chromium, so the markup and every
// figure are the app's. What depends on the clock or the time zone (the
// day the budget runs out, say) would be stale for a visitor on another
// day: the first screen is drawn at several instants and in several time
// zones, and every text or attribute that is not the same in all of them
// is left out ("…", or the attribute dropped). The copy is inert (no field
// takes input before the app runs) and carries no ids, so nothing in it
// can be mistaken for the app's own elements.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "../../tests/e2e/server.mjs";
import { launch } from "../../tests/e2e/harness.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run me as a Trunk hook");
// A debug build (trunk serve) keeps the plain page: drawing the first screen
// takes a browser and seconds, for a page only its developer opens.
if ((process.env.TRUNK_PROFILE ?? "release") !== "release") process.exit(0);

/** Instants and zones the first screen is drawn at: months of 28, 29, 30
 * and 31 days, every part of the day, zones from UTC-10 to UTC+14. */
const VARIANTS = [
  { now: "2026-02-10T05:00:00Z", timezoneId: "UTC" },
  { now: "2028-02-29T12:30:00Z", timezoneId: "Pacific/Kiritimati" },
  { now: "2027-06-15T23:45:00Z", timezoneId: "Pacific/Honolulu" },
  { now: "2026-08-31T17:10:00Z", timezoneId: "Asia/Kolkata" },
  { now: "2029-12-31T23:59:00Z", timezoneId: "America/Los_Angeles" },
];

/** In the page: the first screen (the header and the first section) with
 * what an element holds as a property (a field's value, a box ticked, an
 * option chosen) written as attributes, and its nodes in document order
 * (text, or tag and attributes) to compare between instants. */
function firstScreen() {
  const parts = [document.querySelector("header.site"), document.querySelector("main > section")];
  if (parts.some((p) => !p)) return null;
  for (const part of parts) {
    for (const el of part.querySelectorAll("input, textarea, select")) {
      if (el instanceof HTMLSelectElement) {
        for (const o of el.options) o.toggleAttribute("selected", o.selected);
      } else if (el instanceof HTMLTextAreaElement) {
        el.textContent = el.value;
      } else if (el.type === "checkbox" || el.type === "radio") {
        el.toggleAttribute("checked", el.checked);
      } else {
        el.setAttribute("value", el.value);
      }
    }
  }
  const nodes = [];
  for (const part of parts) {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      nodes.push(n.nodeType === Node.TEXT_NODE
        ? { text: n.data }
        : { tag: n.tagName, attrs: Object.fromEntries([...n.attributes].map((a) => [a.name, a.value])) });
    }
  }
  return nodes;
}

/** In the page: leave out what differed between instants (`changed`:
 * node index to "text" or the attribute names), drop the ids and every
 * attribute that points at one, and give the first screen's markup. */
function markup(changed) {
  const parts = [document.querySelector("header.site"), document.querySelector("main > section")];
  const POINTERS = ["id", "for", "aria-labelledby", "aria-describedby", "aria-controls", "list", "form"];
  let i = 0;
  for (const part of parts) {
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.currentNode; n; n = walker.nextNode(), i++) {
      const what = changed[i];
      if (n.nodeType === Node.TEXT_NODE) {
        if (what) n.data = "…";
        continue;
      }
      for (const name of [...(what ?? []), ...POINTERS]) n.removeAttribute(name);
    }
  }
  return `${parts[0].outerHTML}<main>${parts[1].outerHTML}</main>`;
}

const { server, url } = await serve(dir);
const browser = await launch();
try {
  const drawn = [];
  let page;
  for (const variant of VARIANTS) {
    const context = await browser.newContext({ timezoneId: variant.timezoneId });
    page = await context.newPage();
    await page.clock.setFixedTime(new Date(variant.now));
    await page.goto(url);
    await page.waitForSelector("main > section");
    const nodes = await page.evaluate(firstScreen);
    if (!nodes) throw new Error("the page drew no header or no first section");
    drawn.push(nodes);
    if (variant !== VARIANTS.at(-1)) await context.close();
  }
  // Node by node: a text that differs is left out, an attribute that
  // differs is dropped. A different shape cannot be compared: say so.
  const [first, ...others] = drawn;
  const changed = {};
  for (const other of others) {
    if (other.length !== first.length) {
      throw new Error("the first screen's shape depends on the clock or the time zone: it cannot be drawn ahead");
    }
    other.forEach((node, i) => {
      const base = first[i];
      if ("text" in node !== "text" in base || node.tag !== base.tag) {
        throw new Error(`the first screen's node ${i} depends on the clock or the time zone`);
      }
      if ("text" in node) {
        if (node.text !== base.text) changed[i] = "text";
        return;
      }
      const names = new Set([...Object.keys(node.attrs), ...Object.keys(base.attrs)]);
      const differ = [...names].filter((n) => node.attrs[n] !== base.attrs[n]);
      if (differ.length) changed[i] = [...new Set([...(changed[i] ?? []), ...differ])];
    });
  }
  // The last instant's page still shows its first screen: write that one.
  const html = await page.evaluate(markup, changed);
  const file = join(dir, "index.html");
  const index = readFileSync(file, "utf8");
  const loading = '<p class="loading">Loading the calculator…</p>';
  if (!index.includes(loading)) throw new Error(`index.html has no ${loading} to put the first screen beside`);
  // Before the loading line, which style.css shows at the foot of the
  // screen while the first screen is up.
  writeFileSync(file, index.replace(loading, `<div class="prerender" inert hidden>${html}</div>${loading}`));
  const left = Object.values(changed).filter((c) => c === "text").length;
  console.log(`prerender: first screen of ${first.length} nodes, ${left} texts left out (they depend on the clock), ${html.length} characters`);
} finally {
  await browser.close();
  server.close();
}
