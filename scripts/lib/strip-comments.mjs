// A step of the post-build (scripts/lib/post-build.sh, after extern-loader.mjs, before embed-page.mjs):
// strip comments and indentation from what is shipped: index.html's, the
// stylesheet's, our classic scripts' (crash.js, first.js) and the
// wasm-bindgen glue's. They explain the source to its readers, not to
// browsers, and were 2.8 KB of the first visit's 326 KB brotli. Whole-line
// comments only (`//` lines and `/* … */` blocks that start a line in the
// scripts, `/* */` in the stylesheet, `<!-- -->` in the page), and the
// indentation: nothing inside a line of code is touched. A script with a
// template literal over several lines (where indentation is text) is
// refused rather than changed.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run me as a Trunk hook");

const lines = (text) => text.split("\n").map((l) => l.trim()).filter(Boolean).join("\n") + "\n";

/** A script without its whole-line comments and indentation. */
function script(text, file) {
  if ([...text.matchAll(/`[^`]*`/g)].some((m) => m[0].includes("\n"))) {
    throw new Error(`${file} has a template literal over several lines: its indentation is text`);
  }
  const kept = [];
  let inBlock = false;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (inBlock) {
      inBlock = !t.endsWith("*/");
    } else if (t.startsWith("/*")) {
      inBlock = !t.endsWith("*/");
    } else if (!t.startsWith("//")) {
      kept.push(t);
    }
  }
  return lines(kept.join("\n"));
}

const STRIP = [
  [/^index\.html$/, (t) => lines(t.replace(/<!--[\s\S]*?-->/g, ""))],
  [/^style-[0-9a-f]+\.css$/, (t) => lines(t.replace(/\/\*[\s\S]*?\*\//g, ""))],
  [/^(crash|first)-[0-9a-f]+\.js$/, script],
  // The page's wasm-bindgen glue (embed-page.mjs reads it after this).
  [/^nines-app-[0-9a-f]+\.js$/, script],
];
const files = readdirSync(dir);
for (const [pattern, strip] of STRIP) {
  const found = files.filter((f) => pattern.test(f));
  if (found.length === 0) throw new Error(`no file matching ${pattern} in ${dir}: did Trunk change its output?`);
  for (const f of found) writeFileSync(join(dir, f), strip(readFileSync(join(dir, f), "utf8"), f));
}
