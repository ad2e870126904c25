// A step of the post-build (scripts/lib/post-build.sh, after extern-loader.mjs): write embed.html, the
// page that embeds run in a wiki's `<iframe sandbox="allow-scripts">`.
//
// Without `allow-same-origin` the frame has an opaque origin, so every
// request it makes is cross-origin: module scripts, `fetch` of the wasm and
// resources with Subresource Integrity all need CORS headers that a wiki's
// static host does not send. embed.html therefore uses only what loads
// without CORS: classic scripts (the wasm-bindgen glue rewritten from an ES
// module to a classic script, and the wasm itself as a string in a script),
// and the stylesheet without an integrity attribute. Same CSP as index.html.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run me as a Trunk hook");
const files = readdirSync(dir);
const one = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) throw new Error(`expected one ${what} in ${dir}, found ${found.length}: did Trunk change its output?`);
  return found[0];
};
const glueFile = one(/^nines-app-[0-9a-f]+\.js$/, "wasm-bindgen glue");
const wasmFile = one(/^nines-app-[0-9a-f]+_bg\.wasm$/, "wasm module");

const hashed = (stem, body) => {
  const name = `${stem}-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  return name;
};

// The glue as a classic script: the same code in a function scope, its
// exports returned as `ninesBindings`.
let glue = readFileSync(join(dir, glueFile), "utf8");
const exported = [...glue.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
// wasm-bindgen's inline snippets are ES modules too, and the only one
// (src/browser.rs) is mostly the loader of the second wasm module, which
// cannot load in an opaque origin either: the embed replaces it with
// stand-ins, and an embedded section that is asked to export says to open
// the full page.
const EMBED_SNIPPETS = {
  // Refusals as src/browser.rs reads them: their kind, a line break, the message.
  lazy_export: "function () { return Promise.reject('refused\\nExports are written on the full page: open it to export.'); }",
  lazy_preload: "function () {}",
  lazy_import: "function () { return Promise.reject('refused\\nSpecs are imported on the full page: open it to import.'); }",
  lazy_import_cancel: "function () {}",
  lazy_chart: "function () { return Promise.reject('refused\\nChart images are drawn on the full page: open it to download one.'); }",
};
const stand_in = (name) => {
  if (!(name in EMBED_SNIPPETS)) throw new Error(`${glueFile} imports ${name} from a snippet this hook has no stand-in for`);
  return EMBED_SNIPPETS[name];
};
glue = glue
  .replace(/^import \{([^}]*)\} from ['"]\.\/snippets\/[^'"]*['"];?[ \t]*$/gm, (_, names) =>
    names.split(",").map((n) => n.trim()).filter(Boolean).map((n) => `const ${n} = ${stand_in(n)};`).join("\n"))
  .replace(/^import \* as (\w+) from ['"]\.\/snippets\/[^'"]*['"];?[ \t]*$/gm, (_, v) =>
    `const ${v} = { ${Object.keys(EMBED_SNIPPETS).map((n) => `${n}: ${stand_in(n)}`).join(", ")} };`)
  .replace(/^export function /gm, "function ")
  .replace(/^export \{ initSync, __wbg_init as default \};\s*$/m, "")
  .replace(/import\.meta\.url/g, "document.baseURI");
if (/^\s*(import|export)\b/m.test(glue)) throw new Error(`${glueFile} has imports or exports this hook does not know`);
const classic = `var ninesBindings = (function () {\n${glue}\nreturn { init: __wbg_init, initSync, ${exported.join(", ")} };\n})();\n`;
const glueName = hashed("embed-glue", classic);

// The wasm as a JS string of one character (U+0000 to U+00FF) per byte,
// escaping only what a string literal cannot hold: compressed, it is within
// 3% of the wasm itself (base64 would add 28%).
const wasm = readFileSync(join(dir, wasmFile));
const ESCAPES = { 0x22: '\\"', 0x5c: "\\\\", 0x0a: "\\n", 0x0d: "\\r" };
let literal = "";
for (const byte of wasm) literal += ESCAPES[byte] ?? String.fromCharCode(byte);
const wasmName = hashed("embed-wasm", `var ninesWasm = "${literal}";\n`);

// A host that labels .js files with another character set (ISO-8859-1)
// makes the browser decode the string differently: its length no longer
// matches the module's (a server that labels scripts ISO-8859-1
// re-decodes the inlined wasm), so the loader says what happened
// instead of handing the browser a corrupted module.
const loader = `(function () {
  var text = window.ninesWasm;
  if (typeof text !== "string" || text.length !== ${wasm.length}) {
    window.ninesCrash("The calculator's files reached this page altered: the server probably sends its .js " +
      "files with a character set other than UTF-8. Serve them as UTF-8, or without a charset.");
    return;
  }
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  window.ninesWasm = undefined;
  window.wasmBindings = ninesBindings;
  ninesBindings.init({ module_or_path: bytes });
})();
`;
const loaderName = hashed("embed-loader", loader);

// The page: index.html without the module loader, preloads or SRI, and
// without the link to the portfolio view (a module, which a sandboxed
// frame cannot load).
let html = readFileSync(join(dir, "index.html"), "utf8");
html = html
  .replace(/<script type="module"[^>]*><\/script>/g, "")
  .replace(/<nav class="views"[^>]*>.*?<\/nav>/s, "")
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "")
  .replace(/ integrity="[^"]*"/g, "")
  .replace(
    "</head>",
    [wasmName, glueName, loaderName].map((f) => `<script defer src="./${f}"></script>`).join("") + "</head>",
  );
if (/type="module"|integrity=/.test(html)) throw new Error("embed.html still has a module script or SRI");
writeFileSync(join(dir, "embed.html"), html);
