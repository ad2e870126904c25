// The first screen, before the app. Two jobs:
// - the first-figures mark: scripts/bench measures navigation start to the
//   `performance.mark` "nines:first-figures", set once the first frame
//   showing a first section has been rendered: the app's (index.html and
//   embed.html), or the first screen drawn at build time;
// - that first screen (scripts/lib/prerender.mjs: the example scenario as
//   the app draws it, inert, hidden) is shown to a visit that opens the
//   example, which is a visit with nothing of the reader's: no link in the
//   address and nothing of Nines stored in this browser (a saved scenario,
//   a theme, open workings, this tab's address). Any other visit waits for
//   the app, which opens what is theirs. The app replaces it when it starts.
// - the portfolio view (`#portfolio`, portfolio/): its own wasm module and
//   stylesheet, fetched the first time the address names the view; while
//   the view is open the single-service page is hidden, not stopped.
// A deferred classic script: it runs before the app's module.
(function () {
  "use strict";
  var MARK = "nines:first-figures";

  // A first section on screen: the app's, or the first screen's once shown.
  function shown() {
    var sections = document.querySelectorAll("main section");
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].getClientRects().length > 0) return true;
    }
    return false;
  }

  // Mark once the first frame showing it has been rendered: the next
  // animation frame after it is in the DOM, then a message, which arrives
  // after that frame's style, layout and paint (the way scripts/bench
  // closes an interaction). Watching the DOM, not called by the app, it
  // does not depend on when Yew runs its effects.
  var watching = null;
  function markWhenShown() {
    if (!shown()) return;
    if (watching) watching.disconnect();
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        if (window.performance && performance.mark && performance.getEntriesByName(MARK).length === 0) {
          performance.mark(MARK);
        }
      };
      channel.port2.postMessage(0);
    });
  }

  // Whether `storage` holds anything of Nines (its keys start "nines.").
  function holdsOurs(storage) {
    for (var i = 0; i < storage.length; i++) {
      if (String(storage.key(i)).indexOf("nines.") === 0) return true;
    }
    return false;
  }

  function opensTheExample() {
    if (window.location.search.length > 1) return false;
    try {
      return !holdsOurs(window.localStorage) && !holdsOurs(window.sessionStorage);
    } catch (e) {
      // No storage here: the app cannot open anything saved either.
      return true;
    }
  }

  // The portfolio view: `#portfolio`, alone or with its link after `?`;
  // static/lazy-portfolio.js fetches and starts it.
  var portfolio = 0;
  function view() {
    var hash = window.location.hash;
    var on = hash === "#portfolio" || hash.indexOf("#portfolio?") === 0;
    document.documentElement.classList.toggle("portfolio", on);
    if (on && !portfolio) {
      portfolio = import("./lazy-portfolio.js").catch(function () {
        portfolio = 0;
        document.getElementById("portfolio").textContent = "The portfolio view could not be loaded: check the connection, then open it again.";
      });
    }
  }
  window.addEventListener("hashchange", view);
  view();

  var drawn = document.querySelector(".prerender");
  if (drawn && opensTheExample()) drawn.hidden = false;
  var root = document.getElementById("app");
  if (root && window.MutationObserver) {
    watching = new MutationObserver(markWhenShown);
    watching.observe(root, { childList: true, subtree: true });
  }
  markWhenShown();
})();
