// Never a blank page. The release build stops at the
// first panic without formatting it (`panic=immediate-abort`: the wasm
// executes `unreachable`), and a wasm module that cannot be compiled or
// started (a corrupted download, a host that re-encodes the files) never
// runs any Rust at all. Either way the browser raises a WebAssembly error,
// which this classic script, loaded before the app, turns into the page's
// crash message: what happened, a link to the default scenario and the
// scenario this browser last saved. Builds that still format panics (a
// laptop's rustup toolchain, the debug build) call `ninesCrash` from their
// panic hook with the message (src/panic.rs): one crash page either way.
(function () {
  "use strict";
  var shown = false;

  function lastSaved() {
    // A framed page reads nothing of the reader's (src/browser.rs, storage).
    if (window.parent !== window) return null;
    try {
      return window.localStorage.getItem("nines.scenario");
    } catch (e) {
      return null; // no storage here (a sandboxed embed): nothing to offer
    }
  }

  // Built with DOM calls, never innerHTML, so no text can inject markup.
  function show(detail) {
    if (shown) return;
    shown = true;
    var root = document.getElementById("app") || document.body;
    if (!root) return;
    var panel = document.createElement("div");
    panel.className = "fatal";
    panel.setAttribute("role", "alert");
    function add(tag, text) {
      var el = document.createElement(tag);
      el.textContent = text;
      panel.appendChild(el);
      return el;
    }
    add("h1", "Nines hit an internal error");
    add("p", "Nothing was sent anywhere. Reload to try again, or start from the defaults:");
    // A link holding only its version is the default scenario (a bare
    // address would reopen the saved one, which may be what crashed).
    add("a", "Reset to the default scenario").setAttribute("href", "./?v=5");
    var saved = lastSaved();
    if (saved) {
      add("p", "Your last saved scenario is kept in this browser:");
      add("a", "Reopen your last saved scenario").setAttribute("href", "./?" + saved);
      add("pre", saved);
    }
    add("pre", String(detail).slice(0, 2000));
    root.textContent = "";
    root.appendChild(panel);
  }

  function wasmError(e) {
    return typeof WebAssembly === "object" && e != null &&
      (e instanceof WebAssembly.RuntimeError || e instanceof WebAssembly.CompileError ||
        e instanceof WebAssembly.LinkError);
  }

  window.addEventListener("error", function (ev) {
    if (wasmError(ev.error)) show(ev.error);
  });
  window.addEventListener("unhandledrejection", function (ev) {
    if (wasmError(ev.reason)) show(ev.reason);
  });
  window.ninesCrash = show;
})();
