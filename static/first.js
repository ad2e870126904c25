// The first figures: scripts/bench measures navigation start to the
// `performance.mark` "nines:first-figures", set once the first frame showing
// the page's first section has been rendered. A classic script loaded
// before the app, so the page (src/lib.rs) and embed.html mark it the same
// way.
(function () {
  "use strict";
  // Add the mark `name` once the first frame showing `selector` has been
  // rendered: the next animation frame after it is in the DOM, then a
  // message, which arrives after that frame's style, layout and paint (the
  // way scripts/bench closes an interaction). It does not depend on when
  // Yew runs its effects: after a first render longer than 16 ms Yew's
  // scheduler yields before them, so they ran behind the paint and whatever
  // other task was queued. Marks once; gives up after 600 frames.
  window.ninesMarkWhenShown = function (name, selector) {
    var frames = 600;
    function next() {
      requestAnimationFrame(function () {
        if (document.querySelector(selector)) {
          var channel = new MessageChannel();
          channel.port1.onmessage = function () {
            if (window.performance && performance.getEntriesByName(name).length === 0) performance.mark(name);
          };
          channel.port2.postMessage(0);
        } else if (--frames > 0) {
          next();
        }
      });
    }
    next();
  };
})();
