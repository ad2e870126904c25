// The portfolio view's starter, fetched by static/first.js the first time
// the address names the view: its stylesheet, then its wasm module
// (portfolio/, built as lazy-portfolio-view.js by scripts/lib/lazy.sh),
// which draws the view into #portfolio. A failure rejects, and first.js
// says so.
const root = document.getElementById("portfolio");
root.textContent = "Loading the portfolio view…";
const style = document.createElement("link");
style.rel = "stylesheet";
style.href = "lazy-portfolio.css";
document.head.appendChild(style);
const view = await import("./lazy-portfolio-view.js");
await view.default();
view.start();
