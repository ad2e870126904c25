// The browser half of scripts/bench (the goals of docs/PERFORMANCE.md): bundle sizes, first figures,
// interaction latency, evaluate inside wasm, memory. Prints every figure and
// rewrites the generated block of docs/PERFORMANCE.md.
//
//   node scripts/lib/bench.mjs [--native-us <criterion median µs>] [--no-write]
//
// Runs against the release dist/ (NINES_DIST to override), served on
// loopback by the e2e tests' server, in Debian's headless Chromium.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import os from "node:os";
import { ROOT, DIST, launch, openWorkings } from "../../tests/e2e/harness.mjs";
import { serve } from "../../tests/e2e/server.mjs";
import { maximal, shared } from "../../tests/e2e/links.mjs";

export const GOALS = {
  interactionP95Ms: 8,
  firstVisitBrotliBytes: 100 * 1024,
  firstFiguresMs: 300,
  // On the phone profile (PHONE), for the bare address, a shared link and
  // an embedded Target section.
  phoneFirstFiguresMs: 2000,
  // Any link within the bounds (core `bounds`), the largest included.
  maximalFirstFiguresMs: 1000,
  evaluateNativeUs: 20,
  wasmOverNative: 2,
};

const args = process.argv.slice(2);
const nativeUs = args.includes("--native-us") ? Number(args[args.indexOf("--native-us") + 1]) : null;
const phoneOnly = args.includes("--phone-only");
const write = !args.includes("--no-write") && !phoneOnly;
const PHONE_LOADS = 7;

/** Every file under `dir`, as paths relative to it (wasm-bindgen's
 * snippets sit in `snippets/<crate>/`). */
const walk = (dir, prefix = "") => readdirSync(join(dir, prefix)).flatMap((f) => {
  const rel = prefix ? `${prefix}/${f}` : f;
  if (rel === ".stage") return [];
  return statSync(join(dir, rel)).isDirectory() ? walk(dir, rel) : [rel];
});

/** Each file in dist/: raw, gzip -9 and brotli -q 11 bytes. */
export function bundleSizes(dir = DIST) {
  return walk(dir)
    .sort()
    .map((file) => {
      const body = readFileSync(join(dir, file));
      return {
        file,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        brotli: brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }).length,
      };
    });
}

/** What a first visit of each page transfers: its files in dist/. */
export const PAGES = {
  // `lazy*` are the modules fetched on demand, not on a first visit: the
  // second wasm module (when the Export section is first used) and the
  // portfolio view with its JavaScript snippet (when the view is opened).
  "index.html": (f) => !f.startsWith("embed") && !f.startsWith("lazy") && !f.startsWith("snippets/nines-portfolio-"),
  "embed.html (sandboxed iframes)": (f) => f.startsWith("embed") || f.startsWith("style-") || f.startsWith("favicon-"),
};
export const firstVisit = (files, page) => files.filter((f) => PAGES[page](f.file))
  .reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const stats = (xs) => ({ n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(...xs) });
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(2)} ms`;

/**
 * Lighthouse's mobile profile ("slow 4G" with a mid-range phone's CPU):
 * 150 ms round trip, 1.6 Mbps down, 750 kbps up, the CPU 4× slower, a
 * 412×823 screen at 1.75 pixels per CSS pixel. Applied the way Lighthouse
 * applies it through the DevTools protocol (its `devtools` throttling,
 * lighthouse core/config/constants.js): the protocol delays each request
 * once, not each round trip of a connection, so Lighthouse sends a
 * request latency of 3.75 round trips (562.5 ms: connection, TLS and the
 * request) and 0.9 of the throughput. The server sends brotli -q 11.
 */
export const PHONE = {
  roundTripMs: 150,
  requestLatencyMs: 150 * 3.75,
  downKbps: 1638.4 * 0.9,
  upKbps: 750 * 0.9,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
};

/** Apply the phone profile to a page through its DevTools session. */
async function emulatePhone(cdp) {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PHONE.requestLatencyMs,
    downloadThroughput: (PHONE.downKbps * 1024) / 8,
    uploadThroughput: (PHONE.upKbps * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
}

/**
 * First figures of `url`: `loads` cold loads (each in a new browser
 * context, so an empty cache) after one unmeasured. With `phone`, each load
 * runs under the phone profile, and the load is split: when the first wasm
 * module had arrived, when it had started (`nines:start`: the app runs, its
 * fields take input) and the first contentful paint.
 */
async function firstFigures(browser, url, loads = 10, phone = false) {
  const times = [];
  const paints = [];
  const arrived = [];
  const started = [];
  // One load more than measured: the first after the browser started pays
  // for the browser's own warming up (307-514 ms against 206-424 ms for the
  // next eleven, session 10), which a reader's running browser has done.
  for (let i = -1; i < loads; i++) {
    // A new context has an empty cache: every load is a cold first visit.
    const context = await browser.newContext(phone
      ? { viewport: PHONE.viewport, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true }
      : {});
    const page = await context.newPage();
    // Polled with one bare expression through the DevTools protocol:
    // Playwright's waitForFunction would first inject its selector engine
    // into the page, a 12-40 ms script that ran while the app was starting
    // and delayed the figures it measured (session 10: medians 315-341 ms
    // with it, 258-278 ms without).
    const cdp = await context.newCDPSession(page);
    if (phone) await emulatePhone(cdp);
    await page.goto(url, { waitUntil: "commit" });
    const read = "[performance.getEntriesByName('nines:first-figures')[0]?.startTime ?? -1, " +
      "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, " +
      "Math.max(-1, ...performance.getEntriesByType('resource').filter((e) => /(_bg\\.wasm|embed-wasm-[^/]*\\.js)$/.test(e.name)).map((e) => e.responseEnd)), " +
      "performance.getEntriesByName('nines:start')[0]?.startTime ?? NaN]";
    for (let polls = 0; ; polls++) {
      const { result } = await cdp.send("Runtime.evaluate", { expression: read, returnByValue: true });
      const [mark, fcp, wasm, start] = result.value;
      // On the phone, also when the app started (after a first screen drawn
      // ahead, that is when its fields take input).
      if (mark >= 0 && (!phone || Number.isFinite(start))) {
        if (i >= 0) {
          times.push(mark);
          paints.push(fcp);
          arrived.push(wasm > 0 ? wasm : NaN);
          started.push(start);
        }
        break;
      }
      if (polls > 1200) throw new Error(`no first figures after 30 s at ${url.slice(0, 80)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await context.close();
  }
  const known = (xs) => (xs.some(Number.isFinite) ? stats(xs.filter(Number.isFinite)) : null);
  return { figures: stats(times), fcp: known(paints), arrived: known(arrived), started: known(started) };
}

/** The phone profile's three cases, served brotli-compressed. */
async function phoneCases(browser) {
  const { server, url } = await serve(DIST, 0, { brotli: true });
  try {
    const link = shared();
    const cases = [
      ["the bare address", url],
      ["a shared link", `${url}${link}`],
      ["embed.html, Target section, of that link", `${url}embed.html${link}&embed=target`],
    ];
    const out = [];
    for (const [name, address] of cases) {
      const r = await firstFigures(browser, address, PHONE_LOADS, true);
      console.error(`phone: ${name}: median ${ms(r.figures.p50)}`);
      out.push({ name, ...r });
    }
    return { linkChars: link.length, cases: out };
  } finally {
    server.close();
  }
}

/**
 * In-page timing of `changes` edits of one input, each started in a new
 * animation frame: performance.now() before dispatching the `input` event
 * and once the frame that shows the change has been rendered (a message
 * posted then arrives after the frame's style, layout and paint). On the
 * way, the time is split: the event and Yew's render (Yew renders in
 * microtasks, so they have run after a few turns of the microtask queue),
 * then style and layout (forced by a hit test; `content-visibility` skips
 * what is off screen), then paint and the rest of the frame.
 */
async function interaction(page, selector, values) {
  return page.evaluate(async ({ selector, values }) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`no ${selector}`);
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    const channel = new MessageChannel();
    const tick = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    const phases = { render: [], layout: [], paint: [] };
    let changed = 0;
    let late = 0;
    const page = () => document.querySelector("main").textContent;
    el.focus();
    for (const v of values) {
      await frame();
      const before = page();
      const t0 = performance.now();
      setValue.call(el, v);
      el.dispatchEvent(new InputEvent("input", { bubbles: true, data: v }));
      for (let i = 0; i < 20; i++) await Promise.resolve();
      const rendered = performance.now();
      const after = page();
      document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      const laidOut = performance.now();
      await tick();
      const done = performance.now();
      out.push(done - t0);
      phases.render.push(rendered - t0);
      phases.layout.push(laidOut - rendered);
      phases.paint.push(done - laidOut);
      if (after !== before) changed += 1;
      // The split assumes Yew had finished: count the changes it had not.
      if (page() !== after) late += 1;
    }
    el.blur();
    // A change that updated nothing would time nothing: fail loudly.
    if (changed < values.length / 2) throw new Error(`${selector}: only ${changed} of ${values.length} changes updated the page`);
    return { out, phases, late };
  }, { selector, values });
}

/** A browser context whose pages open with every fold open: the
 * dependency fields the bench edits are in one. */
async function workingsOpen(browser) {
  const context = await browser.newContext();
  await openWorkings(context);
  return context;
}

async function heap(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  return (await cdp.send("Runtime.getHeapUsage")).usedSize;
}

async function main() {
  const started = Date.now();
  const files = bundleSizes();
  const total = firstVisit(files, "index.html");
  const embed = firstVisit(files, "embed.html (sandboxed iframes)");

  const { server, url } = await serve(DIST);
  const browser = await launch();
  try {
    const phone = await phoneCases(browser);
    if (phoneOnly) {
      console.log(phoneReport(phone).join("\n"));
      return phone;
    }
    const load = await firstFigures(browser, url);
    const maximalLink = maximal();
    const bounded = { chars: maximalLink.length, ...(await firstFigures(browser, `${url}${maximalLink}`)) };

    const context = await workingsOpen(browser);
    const page = await context.newPage();
    await page.goto(url);
    // Every section, not just the first one the page shows first.
    await page.waitForSelector("#export");

    const N = 200;
    const targets = Array.from({ length: N }, (_, i) => `99.${String(100 + (i * 37) % 900).padStart(3, "0")}%`);
    // The slider steps through round targets by index (the slider's values are step indices): back
    // and forth over steps 0 to 10, each change one step from the last.
    const slider = Array.from({ length: N }, (_, i) => String(Math.abs((i % 20) - 10)));
    const deps = Array.from({ length: N }, (_, i) => `99.${String(900 + (i * 7) % 99).padStart(3, "0")}%`);
    // Three rounds of 200 changes per kind, the kinds taking turns: the
    // first round starts right after the page loaded (code not yet
    // optimised by the browser), the others show the spread of a run.
    const ROUNDS = 3;
    const plan = [
      ["typing a target", "#target-input", targets],
      ["dragging the target slider", "#target-slider", slider],
      ["editing a dependency", "#dependency-list input[id$='-availability']", deps],
    ];
    const runs = Object.fromEntries(plan.map(([k]) => [k, { out: [], render: [], layout: [], paint: [], late: 0, rounds: [] }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [kind, selector, values] of plan) {
        const { out, phases, late } = await interaction(page, selector, values);
        const run = runs[kind];
        run.out.push(...out);
        for (const phase of ["render", "layout", "paint"]) run[phase].push(...phases[phase]);
        run.late += late;
        run.rounds.push(quantile(out, 0.95));
      }
    }
    const kinds = Object.fromEntries(Object.entries(runs).map(([kind, run]) => [kind, {
      ...stats(run.out),
      p50Phases: { render: quantile(run.render, 0.5), layout: quantile(run.layout, 0.5), paint: quantile(run.paint, 0.5) },
      late: run.late,
      roundP95: run.rounds,
    }]));

    // Core inside wasm: warm up, then a mean over many runs (performance.now()
    // is coarse in browsers, so one long run, not many short ones).
    const wasmUs = await page.evaluate(() => {
      window.ninesTestHooks = true;
      window.wasmBindings.nines_bench_evaluate(300);
      return window.wasmBindings.nines_bench_evaluate(3000);
    });

    // Memory after 10, 1,000 and 2,000 changes (garbage collected first).
    const fresh = await workingsOpen(browser);
    const mpage = await fresh.newPage();
    const mcdp = await fresh.newCDPSession(mpage);
    await mpage.goto(url);
    await mpage.waitForSelector("#export");
    const sample = async () => ({
      js: await heap(mcdp),
      wasm: await mpage.evaluate(() => window.wasmBindings.nines_wasm_memory_bytes()),
    });
    const changes = (n, offset) => Array.from({ length: n }, (_, i) => `99.${String(100 + ((i + offset) * 37) % 900).padStart(3, "0")}%`);
    await interaction(mpage, "#target-input", changes(10, 0));

    const after10 = await sample();
    await interaction(mpage, "#target-input", changes(990, 10));
    const after1000 = await sample();
    // A second thousand tells a one-off warm-up (JIT code, caches) from a leak.
    await interaction(mpage, "#target-input", changes(1000, 1000));
    const after2000 = await sample();

    const result = {
      date: new Date().toISOString().slice(0, 10),
      machine: `${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`,
      chromium: browser.version(),
      node: process.version,
      files, total, embed, load, bounded, phone, kinds, wasmUs, nativeUs, after10, after1000, after2000,
      seconds: (Date.now() - started) / 1000,
    };
    print(result);
    if (write) writeDoc(result);
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}

const verdict = (ok) => (ok ? "meets the goal" : "**misses the goal**");

function report(r) {
  const lines = [];
  lines.push(`Measured ${r.date} on ${r.machine}; Chromium ${r.chromium}, Node ${r.node}.`, "");
  lines.push("### Bundle (release dist/)", "", "| File | Raw | gzip -9 | brotli -q 11 |", "|---|---:|---:|---:|");
  for (const f of r.files) lines.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  lines.push(`| **First visit of index.html** (all but embed-*) | **${kb(r.total.raw)}** | **${kb(r.total.gzip)}** | **${kb(r.total.brotli)}** |`);
  lines.push(`| First visit of embed.html (embed-*, style, favicon) | ${kb(r.embed.raw)} | ${kb(r.embed.gzip)} | ${kb(r.embed.brotli)} |`, "");
  lines.push(`Goal ≤ ${kb(GOALS.firstVisitBrotliBytes)} brotli: ${verdict(r.total.brotli <= GOALS.firstVisitBrotliBytes)}.`, "");
  lines.push("### First figures (navigation start → the first frame showing the figures rendered, 10 cold loads after one unmeasured)", "");
  lines.push(`median ${ms(r.load.figures.p50)}, p95 ${ms(r.load.figures.p95)}, max ${ms(r.load.figures.max)}; first contentful paint median ${ms(r.load.fcp.p50)}.`);
  lines.push(`Goal ≤ ${GOALS.firstFiguresMs} ms: ${verdict(r.load.figures.p50 <= GOALS.firstFiguresMs)}.`, "");
  lines.push(`### First figures of a link with every list at its bound (${r.bounded.chars.toLocaleString("en")} characters, 10 cold loads)`, "");
  lines.push("100 dependencies holding 500 entries, 20 custom alerts, 1,000 incidents, 100 cost levels, 1,000 chart points (`maximal()` in tests/e2e/links.mjs).", "");
  lines.push(`median ${ms(r.bounded.figures.p50)}, p95 ${ms(r.bounded.figures.p95)}, max ${ms(r.bounded.figures.max)}.`);
  lines.push(`Goal ≤ ${GOALS.maximalFirstFiguresMs} ms: ${verdict(r.bounded.figures.p50 <= GOALS.maximalFirstFiguresMs)}.`, "");
  lines.push(...phoneReport(r.phone));
  lines.push("### Interaction latency (input event → DOM and every chart updated, the frame painted)", "");
  lines.push("Three rounds of 200 changes of each kind, the kinds taking turns; the first round starts right after the page loaded.", "");
  lines.push("| Change | n | p50 | p95 | max | p95 of each round | p50 of: event and Yew render | style and layout | paint and the rest of the frame |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const [k, s] of Object.entries(r.kinds)) lines.push(`| ${k} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${s.roundP95.map((x) => x.toFixed(1)).join(", ")} ms | ${ms(s.p50Phases.render)} | ${ms(s.p50Phases.layout)} | ${ms(s.p50Phases.paint)} |`);
  const late = Object.values(r.kinds).reduce((n, s) => n + s.late, 0);
  if (late) lines.push("", `(${late} changes were still rendering when the split was taken: their render shows as paint.)`);
  const worst = Math.max(...Object.values(r.kinds).map((s) => s.p95));
  lines.push("", `Goal p95 ≤ ${GOALS.interactionP95Ms} ms: ${verdict(worst <= GOALS.interactionP95Ms)} (worst p95 ${ms(worst)}).`, "");
  lines.push("### Core: `evaluate(&Scenario::default())`", "");
  if (r.nativeUs != null) {
    lines.push(`native (criterion median): ${r.nativeUs.toFixed(2)} µs — goal ≤ ${GOALS.evaluateNativeUs} µs: ${verdict(r.nativeUs <= GOALS.evaluateNativeUs)}.`, "");
    lines.push(`wasm in Chromium (mean of 3,000): ${r.wasmUs.toFixed(2)} µs = ${(r.wasmUs / r.nativeUs).toFixed(2)}× native — goal ≤ ${GOALS.wasmOverNative}×: ${verdict(r.wasmUs / r.nativeUs <= GOALS.wasmOverNative)}.`);
  } else {
    lines.push(`wasm in Chromium (mean of 3,000): ${r.wasmUs.toFixed(2)} µs (native not measured in this run).`);
  }
  lines.push("", "### Memory (after garbage collection)", "",
    "| | after 10 changes | after 1,000 | after 2,000 | growth 10 → 1,000 | growth 1,000 → 2,000 |",
    "|---|---:|---:|---:|---:|---:|");
  const row = (name, a, b, c) => `| ${name} | ${kb(a)} | ${kb(b)} | ${kb(c)} | ${kb(b - a)} | ${kb(c - b)} |`;
  lines.push(row("JS heap", r.after10.js, r.after1000.js, r.after2000.js),
    row("wasm memory", r.after10.wasm, r.after1000.wasm, r.after2000.wasm));
  return lines.join("\n");
}

function phoneReport(phone) {
  const lines = [];
  lines.push(`### First figures on a phone (${PHONE_LOADS} cold loads after one unmeasured, each case)`, "");
  lines.push(`Lighthouse's mobile profile (${PHONE.roundTripMs} ms round trip, 1.6 Mbps down, 750 kbps up, ` +
    `CPU ${PHONE.cpuSlowdown}× slower) as Lighthouse applies it through the DevTools protocol: each request delayed ` +
    `${PHONE.requestLatencyMs} ms, ${(PHONE.downKbps / 1024).toFixed(2)} Mbps down, ${PHONE.upKbps} kbps up; a ` +
    `${PHONE.viewport.width}×${PHONE.viewport.height} screen; files sent brotli -q 11. The shared link (\`shared()\` in ` +
    `tests/e2e/links.mjs, ${phone.linkChars} characters) holds a 99.95% target, five dependencies and twelve incidents.`, "");
  lines.push("| Case | first figures, median | p95 | max | first contentful paint, median | wasm arrived, median | wasm started, median |",
    "|---|---:|---:|---:|---:|---:|---:|");
  const or = (s) => (s ? ms(s.p50) : "—");
  for (const c of phone.cases) {
    lines.push(`| ${c.name} | ${ms(c.figures.p50)} | ${ms(c.figures.p95)} | ${ms(c.figures.max)} | ${or(c.fcp)} | ${or(c.arrived)} | ${or(c.started)} |`);
  }
  const worst = Math.max(...phone.cases.map((c) => c.figures.p50));
  lines.push("", `Goal ≤ ${GOALS.phoneFirstFiguresMs} ms in every case: ${verdict(worst <= GOALS.phoneFirstFiguresMs)} (slowest median ${ms(worst)}).`, "");
  return lines;
}

function print(r) {
  console.log(report(r));
  console.log(`\n(${r.seconds.toFixed(0)} s)`);
}

const START = "<!-- bench:start (written by scripts/bench; edit outside this block) -->";
const END = "<!-- bench:end -->";

function writeDoc(r) {
  const file = join(ROOT, "docs", "PERFORMANCE.md");
  let doc;
  try { doc = readFileSync(file, "utf8"); } catch { doc = `# Performance\n\n${START}\n${END}\n`; }
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${file} lost its ${START} … ${END} markers`);
  writeFileSync(file, `${doc.slice(0, a + START.length)}\n${report(r)}\n${doc.slice(b)}`);
  console.log(`wrote ${file}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
