// A step of the post-build (scripts/lib/post-build.sh, the first): move the inline wasm loader into its own file so the
// Content-Security-Policy can forbid inline scripts (script-src 'self').
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run me as a Trunk hook");
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const inline = /<script type="module"[^>]*>([\s\S]*?)<\/script>/g;
let count = 0;
const out = html.replace(inline, (tag, body) => {
  if (!body.trim()) return tag;
  count += 1;
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  const name = `loader-${hash}.js`;
  writeFileSync(join(dir, name), body.trim() + "\n");
  return `<script type="module" src="./${name}"></script>`;
});
if (count === 0) throw new Error("no inline loader found in index.html: did Trunk change its output?");
writeFileSync(file, out);
