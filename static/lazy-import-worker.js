// The spec reader, off the page's thread: a module worker running the
// second wasm module (lazy.js), so a large or hostile document never
// freezes the page. static/lazy-import.js sends { text, slo } (or, from
// the portfolio view, { text, portfolio }: every SLO as a portfolio of
// that name), stops the
// worker on Cancel or past the reader's time budget, and tells each answer
// apart:
//   { read }     what was read (the second module's answer);
//   { refused }  the document was refused, and why;
//   { stopped }  the module stopped on the document (a trap: an internal
//                error or out of memory); this worker is spent;
//   { unloaded } the module could not be loaded.
// Named lazy-* so the bundle's first-visit count leaves it out: it is
// fetched on the first import.
import init, { read_spec, read_portfolio_spec } from "./lazy.js";

const ready = init();

self.onmessage = async (event) => {
  try {
    await ready;
  } catch (e) {
    self.postMessage({ unloaded: String(e) });
    return;
  }
  try {
    const d = event.data;
    self.postMessage({ read: d.portfolio ? read_portfolio_spec(d.text, d.portfolio) : read_spec(d.text, d.slo) });
  } catch (e) {
    self.postMessage(typeof e === "string" ? { refused: e } : { stopped: String(e) });
  }
};
