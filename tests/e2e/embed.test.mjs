// End-to-end: one section embedded in a wiki page served from another
// loopback port, resizing its iframe through postMessage.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { setup, openPage } from "./harness.mjs";

let env;
let host;
// The host's two-line snippet (docs/EMBEDDING.md, "Embed it in a wiki page").
const RESIZE = `addEventListener("message", (e) => { const f = document.getElementById("nines");
  if (e.source === f.contentWindow && e.data && e.data.type === "nines:height") f.height = e.data.height; });`;
before(async () => {
  env = await setup();
  const distOrigin = env.url.replace(/\/$/, "");
  // The wiki: a page on another port, with a strict CSP of its own that
  // allows only the snippet (by hash) and frames from Nines' origin.
  const strict = `default-src 'none'; frame-src ${distOrigin}; ` +
    `script-src 'sha256-${createHash("sha256").update(RESIZE).digest("base64")}'`;
  host = createServer((req, res) => {
    const params = new URL(req.url, "http://x").searchParams;
    const snippet = params.get("snippet");
    if (snippet) {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><title>Wiki</title>${snippet}`);
      return;
    }
    res.writeHead(200, { "content-type": "text/html", "content-security-policy": strict });
    res.end(`<!doctype html><title>Wiki</title>
<iframe id="nines" src="${params.get("src")}" width="700" height="150" sandbox="${params.get("sandbox")}"></iframe>
<script>${RESIZE}</script>`);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
});
after(async () => { host?.close(); await env?.close(); });

const EMBEDS = [
  // What "Copy embed code" gives: embed.html in the strictest sandbox.
  { page: "embed.html", sandbox: "allow-scripts" },
  // The app's own page in embed mode, for hosts that allow same-origin.
  { page: "", sandbox: "allow-scripts allow-same-origin" },
];

for (const { page: file, sandbox } of EMBEDS) {
  test(`an embedded section (${file || "index.html"}, sandbox="${sandbox}", host with a strict CSP) renders alone and resizes`, async () => {
    const src = `${env.url}${file}?v=1&target=99.9%25&embed=cost`;
    const url = `http://127.0.0.1:${host.address().port}/?src=${encodeURIComponent(src)}&sandbox=${encodeURIComponent(sandbox)}`;
    const { page, context, problems } = await openPage(env.browser, url);
    const frame = page.frameLocator("#nines");
    await frame.locator("#cost").waitFor();
    assert.equal(await frame.locator("header.site").count(), 0, "no header in embed mode");
    assert.equal(await frame.locator("#target").count(), 0, "only the embedded section");
    // The link's scenario, computed inside the sandbox as on the full page.
    const full = await page.context().newPage();
    await full.goto(`${env.url}?v=1&target=99.9%25`);
    const expected = await full.locator("#cost-total-at-target").textContent();
    await full.close();
    assert.equal(await frame.locator("#cost-total-at-target").textContent(), expected);
    await page.waitForFunction(() => Number(document.getElementById("nines").height) > 400);
    const first = Number(await page.locator("#nines").getAttribute("height"));
    // Open the chart's workings (an embed starts with every fold closed):
    // the section grows, so must the iframe.
    await frame.locator("#cost-chart-fold > summary").click();
    await page.waitForFunction((h) => Number(document.getElementById("nines").height) > h, first);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Never a blank page: a host that labels the scripts ISO-8859-1 corrupted the
// inlined wasm with no message; the page now says what happened.
test("embed.html served with scripts labelled ISO-8859-1 says so, never a blank page", async () => {
  const context = await env.browser.newContext();
  await context.route(/embed-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/javascript; charset=ISO-8859-1" } });
  });
  const page = await context.newPage();
  await page.goto(`${env.url}embed.html?embed=cost`);
  const fatal = page.locator(".fatal[role=alert]");
  await fatal.waitFor();
  assert.match(await fatal.textContent(), /character set other than UTF-8/);
  await context.close();
});

test("an unknown embed section says what can be embedded", async () => {
  const { page, context, problems } = await openPage(env.browser, `${env.url}?embed=nope`);
  const text = await page.locator("main.embed").textContent();
  assert.match(text, /no section "nope"/);
  assert.match(text, /cost/);
  assert.deepEqual(problems, []);
  await context.close();
});

// A host page learns nothing of the reader: "Copy embed code" never offers the reader's saved scenarios
// or the exports, and an address asking for them gets the same answer as an
// unknown section (the library's height would tell a host how many
// scenarios the reader saved).
for (const section of ["library", "export"]) {
  test(`?embed=${section} is refused`, async () => {
    const { page, context, problems } = await openPage(env.browser, `${env.url}?embed=${section}`);
    const text = await page.locator("main.embed").textContent();
    assert.match(text, new RegExp(`no section "${section}" to embed`));
    assert.doesNotMatch(text.split("Use one of:")[1], /library|export/);
    assert.equal(await page.locator("#saved-scenarios, #export").count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("Copy embed code gives a snippet that embeds the chosen section and resizes", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.url.replace(/\/$/, "") });
  await page.getByLabel("Availability target").fill("99.9");
  await page.getByLabel("Section to embed").selectOption("budget");
  await page.locator("#copy-embed").click();
  await page.locator("#copy-status").waitFor();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(snippet, /embed=budget/);
  assert.match(snippet, /target=99\.9%25/);
  const hostPage = await context.newPage();
  hostPage.on("pageerror", (e) => problems.push(`host: ${e.message}`));
  await hostPage.goto(`http://127.0.0.1:${host.address().port}/?snippet=${encodeURIComponent(snippet)}`);
  const frame = hostPage.frameLocator("iframe");
  await frame.locator("#budget").waitFor();
  await hostPage.waitForFunction(() => Number(document.querySelector("iframe").height) > 600);
  assert.deepEqual(problems, []);
  await context.close();
});
