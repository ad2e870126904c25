// Trunk post_build hook (after extern-loader.mjs, before embed-page.mjs):
// strip the comments of what we write by hand from what is shipped:
// index.html's, the stylesheet's and those of our classic scripts (crash.js,
// first.js). They explain the source to its readers, not to browsers, and
// were 2 KB of the first visit's 326 KB brotli. Whole-line comments only
// (`//` lines in the scripts, `/* */` in the stylesheet, `<!-- -->` in the
// page), and the indentation: nothing inside a line of code is touched.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run me as a Trunk hook");

const lines = (text) => text.split("\n").map((l) => l.trim()).filter(Boolean).join("\n") + "\n";
const STRIP = [
  [/^index\.html$/, (t) => lines(t.replace(/<!--[\s\S]*?-->/g, ""))],
  [/^style-[0-9a-f]+\.css$/, (t) => lines(t.replace(/\/\*[\s\S]*?\*\//g, ""))],
  [/^(crash|first)-[0-9a-f]+\.js$/, (t) => lines(t.split("\n").filter((l) => !/^\s*\/\//.test(l)).join("\n"))],
];
const files = readdirSync(dir);
for (const [pattern, strip] of STRIP) {
  const found = files.filter((f) => pattern.test(f));
  if (found.length === 0) throw new Error(`no file matching ${pattern} in ${dir}: did Trunk change its output?`);
  for (const f of found) writeFileSync(join(dir, f), strip(readFileSync(join(dir, f), "utf8")));
}
