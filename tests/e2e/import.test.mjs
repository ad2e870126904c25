// End-to-end, SLO specs into the page: an SLO spec pasted on the page is read by the
// second wasm module; what it read and what it could not carry are shown,
// and the scenario changes only when the user says so. The spec is Sloth's
// getting-started example (github.com/slok/sloth, README: service
// "myservice", objective 99.9, error and total queries over {{.window}}),
// so the target becomes 99.9% and the window Sloth's default 30 days; the
// page's month (Gregorian, 2 629 746 s) then allows 0.001 × 2 629 746 s =
// 2 629.7 s = 43m 50s (99.95% before: 1 314.9 s = 21m 55s).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, openPage } from "./harness.mjs";

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const SLOTH = `version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
slos:
  - name: "requests-availability"
    objective: 99.9
    description: "Common SLO based on availability for HTTP request responses."
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: "MyServiceHighErrorRate"
      page_alert:
        labels:
          severity: "pageteam"
`;

test("an SLO spec is read, shown with what it cannot carry, and used only when confirmed", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  const month = () => page.locator("tr[data-period=month] td").textContent();
  assert.equal(await month(), "21m 55s"); // 99.95%: 0.0005 × 2 629 746 s
  const area = page.getByLabel("SLO spec (YAML): Sloth, Pyrra or OpenSLO");
  // Read with nothing pasted: says what to do.
  await page.locator("#import-read").click();
  assert.match(await page.locator("#import-error").textContent(), /^Paste a spec above/);
  // A bad document: a message with its line; nothing changes.
  await area.fill("kind: Foo\n");
  await page.locator("#import-read").click();
  assert.match(await page.locator("#import-error").textContent(), /^line 1: expected a Sloth spec/);
  assert.equal(await month(), "21m 55s");
  await area.fill(SLOTH);
  await page.locator("#import-read").click();
  const summary = await page.locator("#import-summary").textContent();
  assert.match(summary, /Target\s+99\.9%/);
  assert.match(summary, /Window\s+rolling 30 days/);
  assert.match(summary, /Not carried \(\d+: the scenario cannot hold them\)/);
  assert.match(summary, /labels\.owner: myteam/);
  assert.match(await page.locator("#import-format").textContent(), /Sloth spec/);
  assert.equal(await month(), "21m 55s", "unchanged until confirmed");
  await page.locator("#import-use").click();
  await page.waitForFunction(() => document.querySelector("tr[data-period=month] td")?.textContent === "43m 50s");
  assert.equal(await page.getByLabel("Availability target").inputValue(), "99.9%");
  assert.equal(await page.getByLabel("Service name").inputValue(), "myservice");
  await page.waitForURL(/production\.service=myservice/);
  assert.deepEqual(problems, []);
  await context.close();
});

// A file of several SLOs (Sloth's slos: list): the page offers them in a
// select and reads the one picked; the scenario takes it only when the
// user says so. The first SLO is 99.9% (the getting-started one), the
// second 99% over the same 30 days: the page's month then allows
// 0.01 × 2 629 746 s = 26 297.5 s = 7h 18m 17s.
const TWO = `${SLOTH}  - name: "requests-latency"
    objective: 99
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: "MyServiceLatency"
`;

test("a file of several SLOs: the page lists them and reads the one picked", async () => {
  const { page, context, problems } = await openPage(env.browser, env.url);
  await page.getByLabel("SLO spec (YAML): Sloth, Pyrra or OpenSLO").fill(TWO);
  await page.locator("#import-read").click();
  // Read off the page's thread: the answer arrives after the click.
  await page.locator("#import-summary").waitFor();
  const pick = page.getByLabel("The file holds 2 SLOs: the one to import");
  assert.deepEqual(await pick.locator("option").allTextContents(), ["requests-availability", "requests-latency"]);
  assert.equal(await pick.inputValue(), "requests-availability");
  assert.match(await page.locator("#import-summary").textContent(), /Target\s+99\.9%/);
  await pick.selectOption("requests-latency");
  await page.waitForFunction(() => /Target\s+99%/.test(document.querySelector("#import-summary")?.textContent ?? ""));
  assert.equal(await page.getByLabel("The file holds 2 SLOs: the one to import").inputValue(), "requests-latency");
  await page.locator("#import-use").click();
  await page.waitForFunction(() => document.querySelector("tr[data-period=month] td")?.textContent === "7h 18m 17s");
  assert.equal(await page.getByLabel("Availability target").inputValue(), "99%");
  assert.deepEqual(problems, []);
  await context.close();
});
