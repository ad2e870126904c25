// A tiny static file server for the release dist/ on loopback, used by the
// end-to-end tests (and handy for trying a release build: `node tests/e2e/server.mjs dist 8081`).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
};

/** What a production host compresses: text and wasm, not images already compressed. */
const COMPRESSED = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json"]);

/**
 * Serve `root` on 127.0.0.1:`port` (0 = any free port). Resolves to { server, url }.
 * With `brotli`, files a production host would compress are sent brotli -q 11
 * (`content-encoding: br`) to a browser that accepts it, each compressed once:
 * scripts/bench's phone profile times what a phone would receive.
 */
export function serve(root, port = 0, { brotli = false } = {}) {
  const base = resolve(root);
  const compressed = new Map();
  const encode = (file, body) => {
    if (!compressed.has(file)) {
      compressed.set(file, brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }));
    }
    return compressed.get(file);
  };
  // Links with every list at its bound (tests/e2e/links.mjs) run to about 120,000 characters;
  // Node, as most servers, refuses a request line over 16 KB by default.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      if (brotli && COMPRESSED.has(extname(file)) && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
        res.writeHead(200, { ...headers, "content-encoding": "br", vary: "accept-encoding" });
        res.end(encode(file, body));
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) =>
    server.listen(port, "127.0.0.1", () => ok({ server, url: `http://127.0.0.1:${server.address().port}/` })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "8081"] = process.argv.slice(2);
  serve(root, Number(port)).then(({ url }) => console.log(`serving ${root} at ${url}`));
}
