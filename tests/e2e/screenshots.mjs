// Screenshots of every section at 1280 px and 360 px into docs/screenshots/
// (run by scripts/screenshots against the release dist/).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { setup, openPage, ROOT } from "./harness.mjs";

const SECTIONS = ["target", "budget", "incidents", "dependencies", "cost", "support", "measures", "library", "export"];
const out = join(ROOT, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const env = await setup();
try {
  for (const width of [1280, 360]) {
    const { page, context, problems } = await openPage(env.browser, env.url, { viewport: { width, height: 900 } });
    await page.getByLabel("Availability target").waitFor();
    // Every section rendered and every chart drawn (a chart is drawn a task
    // after its section, in its place an empty frame until then).
    await page.locator("#export").waitFor();
    await page.waitForFunction(() => !document.querySelector("figure.chart svg.chart-placeholder"));
    // A section taller than the screen is shot in one piece: draw what
    // `content-visibility: auto` would draw only once scrolled to.
    await page.evaluate(() => document.querySelectorAll("section.card, figure.chart, .headline").forEach((e) => { e.style.contentVisibility = "visible"; }));
    for (const id of SECTIONS) {
      await page.locator(`#${id}`).screenshot({ path: join(out, `${id}-${width}.png`), scale: "css" });
    }
    if (problems.length) throw new Error(problems.join("\n"));
    await context.close();
  }
  console.log(`wrote ${SECTIONS.length * 2} screenshots to docs/screenshots/`);
} finally {
  await env.close();
}
