// Reading a spec off the page's thread (src/browser.rs loads this module on
// the first import): a fresh worker for each read (static/lazy-import-worker.js,
// running the second wasm module), one read at a time, stopped by Cancel or
// past the reader's time budget. A refusal comes back as its kind, a line
// break and the module's message (`refused`), or its kind alone, as the
// page's other calls into the second module do. Named lazy-* so the
// bundle's first-visit count leaves it out.
let reading = null;

// `portfolio`: read every SLO as a portfolio of that name (the portfolio
// view); otherwise the SLO `slo` as one scenario.
export function read(text, slo, seconds, portfolio) {
  cancel();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("lazy-import-worker.js", import.meta.url), { type: "module" });
    const end = (settle, value) => {
      clearTimeout(timer);
      worker.terminate();
      if (reading && reading.worker === worker) reading = null;
      settle(value);
    };
    const timer = setTimeout(() => end(reject, "slow\n"), seconds * 1000);
    reading = { worker, cancel: () => end(reject, "cancelled\n") };
    worker.onmessage = (e) => {
      const d = e.data;
      if ("read" in d) end(resolve, d.read);
      else end(reject, "refused" in d ? `refused\n${d.refused}` : "stopped" in d ? "stopped\n" : "unloaded\n");
    };
    worker.onerror = () => end(reject, "unloaded\n");
    worker.postMessage({ text, slo, portfolio });
  });
}

export function cancel() {
  if (reading) reading.cancel();
}
