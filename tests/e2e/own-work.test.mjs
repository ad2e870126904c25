// Nothing lost: your own work survives a colleague's link, a
// page that frames the calculator, and a browser whose storage is full.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { setup, openPage } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const saved = (page) => page.evaluate(() => localStorage.getItem("nines.scenario"));
const target = (page) => page.getByLabel("Availability target");

test("a reload right after an edit opens the edit, not the address from before it", async () => {
  // The address bar follows edits 200 ms after the last one; a reload
  // within that pause asks for the address before the edit.
  const { page, context, problems } = await openPage(env.browser, env.url);
  await target(page).waitFor();
  await target(page).fill("99.5");
  await page.waitForURL(/target=99\.5%25/);
  await target(page).fill("99.9");
  await target(page).press("Enter");
  await page.reload();
  await target(page).waitFor();
  assert.equal(await target(page).inputValue(), "99.9%");
  assert.match(await page.locator("#availability-percent").textContent(), /^99\.9%$/);
  assert.equal(await page.locator("#visit").count(), 0, "the tab's own edit is not a link's scenario");
  assert.match(page.url(), /target=99\.9%25/);
  // Going back to a link is not a reload: the link opens as it is.
  await page.goto(`${env.url}?v=4&target=90%25`);
  await target(page).waitFor();
  assert.equal(await target(page).inputValue(), "90%");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link you only look at does not replace your own scenario", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await target(page).waitFor();
  await target(page).fill("99.5");
  await page.waitForFunction(() => (localStorage.getItem("nines.scenario") ?? "").includes("target=99.5%25"));

  // A colleague's link, looked at and not edited.
  const link = `${env.url}?v=1&target=90%25`;
  await page.goto(link);
  await target(page).waitFor();
  assert.equal(await target(page).inputValue(), "90%");
  await page.locator("#visit").waitFor();
  await page.waitForTimeout(600); // well past the save's 200 ms pause
  assert.match(await saved(page), /target=99\.5%25/, "your scenario is still the saved one");
  assert.match(page.url(), /target=90%25/, "the link's scenario stays in the address");

  // The bare address reopens your own.
  await page.goto(env.url);
  await target(page).waitFor();
  assert.equal(await target(page).inputValue(), "99.5%");
  assert.equal(await page.locator("#visit").count(), 0);

  // From the link, "Back to my scenario" reopens yours.
  await page.goto(link);
  await page.getByRole("button", { name: "Back to my scenario" }).click();
  assert.equal(await target(page).inputValue(), "99.5%");
  assert.equal(await page.locator("#visit").count(), 0);

  // "Keep this scenario as mine" makes the link's yours at once.
  await page.goto(link);
  await page.getByRole("button", { name: "Keep this scenario as mine" }).click();
  assert.match(await saved(page), /target=90%25/);
  assert.equal(await page.locator("#visit").count(), 0);

  // Editing a link's scenario makes it yours too.
  await page.goto(`${env.url}?v=4&target=99%25`);
  await page.locator("#visit").waitFor();
  await target(page).fill("99.2");
  await page.waitForFunction(() => (localStorage.getItem("nines.scenario") ?? "").includes("target=99.2%25"));
  assert.equal(await page.locator("#visit").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

// A wiki page on another origin (another port of the loopback address: a
// page Playwright answers itself has no address, and Chromium's local
// network checks then refuse the loopback frame), and docs/EMBEDDING.md's
// same-origin iframe with allow-same-origin.
for (const [other, sandbox] of [[true, ""], [false, ' sandbox="allow-scripts allow-same-origin"']]) {
  test(`a framed full page reads and writes nothing of yours (${other ? "another origin" : "same origin"})`, async () => {
    const context = await env.browser.newContext({ timezoneId: "UTC" });
    const own = await context.newPage();
    await own.goto(env.url);
    await target(own).waitFor();
    // Let this page save its own scenario first (once edits pause): a save
    // still pending would be written when the page closes, over what the
    // test stores next.
    await own.waitForFunction(() => localStorage.getItem("nines.scenario") !== null);
    await own.evaluate(() => {
      localStorage.setItem("nines.scenario", "v=4&target=99.5%25");
      localStorage.setItem("nines.library", JSON.stringify({ v: 1, scenarios: [{ name: "Mine", link: "v=4&target=99.9%25" }] }));
    });
    const before = await own.evaluate(() => JSON.stringify(localStorage));
    await own.close();

    const body = `<!DOCTYPE html><title>Wiki</title><iframe id="f"${sandbox} src="${env.url}?v=4&target=90%25" width="1200" height="3000"></iframe>`;
    let wiki = null;
    let address = `${env.url}wiki-host.html`;
    if (other) {
      wiki = createServer((_, res) => { res.writeHead(200, { "content-type": "text/html" }); res.end(body); });
      await new Promise((ok) => wiki.listen(0, "127.0.0.1", ok));
      address = `http://127.0.0.1:${wiki.address().port}/wiki.html`;
    } else {
      await context.route(address, (route) => route.fulfill({ status: 200, contentType: "text/html", body }));
    }
    // Closed whatever happens: a wiki server left listening after a failed
    // assertion kept the test process alive until scripts/test timed out.
    try {
      const page = await context.newPage();
      await page.goto(address);
      const frame = page.frameLocator("#f");
      await target(frame).waitFor();
      // None of the reader's saved scenarios is shown, so none can be clicked.
      assert.equal(await frame.locator("#saved-scenarios li").count(), 0);
      await frame.locator("#save-scenario").click();
      await target(frame).fill("95");
      await frame.locator("#availability-percent").filter({ hasText: "95%" }).waitFor();
      await page.waitForTimeout(600);

      const check = await context.newPage();
      await check.goto(`${env.url}?v=4`);
      assert.equal(await check.evaluate(() => JSON.stringify(localStorage)), before, "storage is as it was");
    } finally {
      await context.close();
      wiki?.close();
    }
  });
}

test("when the browser cannot store edits, one notice says so until it can again", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await target(page).waitFor();
  // Fill the origin's storage to the last byte (no scenario key left, so
  // writing one needs room that is not there).
  await page.evaluate(() => {
    localStorage.removeItem("nines.scenario");
    let size = 1 << 20;
    let i = 0;
    while (size >= 1) {
      try { localStorage.setItem(`filler-${i++}`, "x".repeat(size)); } catch { size = Math.floor(size / 2); }
    }
  });
  await target(page).fill("99.1");
  await page.locator("#unkept").waitFor();
  await target(page).fill("99.3");
  await page.waitForTimeout(600);
  assert.equal(await page.locator("#unkept").count(), 1, "one notice, not one per edit");
  assert.match(await page.locator("#unkept").textContent(), /not being kept/);

  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
  });
  await target(page).fill("99.4");
  await page.locator("#unkept").waitFor({ state: "detached" });
  assert.match(await saved(page), /target=99\.4%25/);
  assert.deepEqual(problems, []);
  await context.close();
});
