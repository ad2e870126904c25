// End-to-end: one section embedded in a wiki page served from another
// loopback port, resizing its iframe through postMessage.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { setup, openPage } from "./harness.mjs";

let env;
let host;
before(async () => {
  env = await setup();
  // The host page: an iframe and the two-line snippet from the README.
  host = createServer((req, res) => {
    const snippet = new URL(req.url, "http://x").searchParams.get("snippet");
    if (snippet) {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><title>Wiki</title>${snippet}`);
      return;
    }
    const src = decodeURIComponent(new URL(req.url, "http://x").searchParams.get("src") ?? "");
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>Wiki</title>
<iframe id="nines" src="${src}" width="700" height="150" sandbox="allow-scripts allow-same-origin"></iframe>
<script>
addEventListener("message", (e) => { const f = document.getElementById("nines");
  if (e.source === f.contentWindow && e.data && e.data.type === "nines:height") f.height = e.data.height; });
</script>`);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
});
after(async () => { host?.close(); await env?.close(); });

test("an embedded section renders alone and resizes its iframe as it grows", async () => {
  const src = `${env.url}?v=1&target=99.9%25&embed=cost`;
  const url = `http://127.0.0.1:${host.address().port}/?src=${encodeURIComponent(src)}`;
  const { page, context, problems } = await openPage(env.browser, url);
  const frame = page.frameLocator("#nines");
  await frame.locator("#cost").waitFor();
  assert.equal(await frame.locator("header.site").count(), 0, "no header in embed mode");
  assert.equal(await frame.locator("#target").count(), 0, "only the embedded section");
  await page.waitForFunction(() => Number(document.getElementById("nines").height) > 400);
  const first = Number(await page.locator("#nines").getAttribute("height"));
  // Open the chart's data table: the section grows, so must the iframe.
  await frame.locator("#cost-chart summary").click();
  await page.waitForFunction((h) => Number(document.getElementById("nines").height) > h, first);
  assert.deepEqual(problems, []);
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
