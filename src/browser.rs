//! The browser's services, each written once: localStorage and every key
//! the page keeps in it, the clipboard, file downloads (text, and an SVG
//! rasterised to PNG), and the theme. It
//! imports nothing of the app, so `persist`, `library`, `app` and the
//! components all stand on it.

/// Every key starts `nines.`: static/first.js shows the first screen drawn
/// at build time only to a browser that holds none of them.
///
/// The current scenario; the value is a link query string, so it carries its
/// own version and goes through the same migrations as links.
pub const SCENARIO_KEY: &str = "nines.scenario";
/// The address this tab last wrote (session storage, [`tab_storage`]).
pub const TAB_ADDRESS_KEY: &str = "nines.address";
/// The saved scenarios, by name.
pub const LIBRARY_KEY: &str = "nines.library";
/// The theme chosen with the toggle (`light` / `dark`).
pub const THEME_KEY: &str = "nines.theme";
/// The workings the reader opened, by id, comma-separated: they stay open
/// across reloads. Not in the link: opening one changes no figure.
pub const OPEN_KEY: &str = "nines.open";

/// This page's localStorage, or `None` where there is none (a sandboxed
/// iframe, an opaque origin, storage switched off) or where the page is in
/// a frame: a host page, of any origin, could otherwise show the reader's
/// saved scenarios and click their Delete buttons through the frame, or
/// save its own scenario over the reader's. A framed page
/// behaves like the embed: it reads and writes nothing of the reader's.
pub fn storage() -> Option<web_sys::Storage> {
    unframed()?.local_storage().ok().flatten()
}

/// This tab's session storage (it outlives a reload of the tab, not the
/// tab); none in a frame, like [`storage`].
pub fn tab_storage() -> Option<web_sys::Storage> {
    unframed()?.session_storage().ok().flatten()
}

/// This page's window when it is not in a frame: the one rule of
/// [`storage`] and [`tab_storage`].
fn unframed() -> Option<web_sys::Window> {
    (!framed()).then(gloo::utils::window)
}

/// Whether this page was opened by reloading it: the Navigation API's
/// activation type, else Navigation Timing's (the first is there in
/// Chromium, the second in every browser but can be replaced by a page's
/// own scripts or a test's fake clock). Not a link, a typed address or
/// going back.
pub fn reloaded() -> bool {
    use js_sys::Reflect;
    let window = gloo::utils::window();
    let read = |from: &wasm_bindgen::JsValue, key: &str| {
        Reflect::get(from, &key.into())
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let by_navigation = read(&window, "navigation")
        .and_then(|n| read(&n, "activation"))
        .and_then(|a| read(&a, "navigationType"));
    let by_timing = || {
        let entry = window
            .performance()?
            .get_entries_by_type("navigation")
            .get(0);
        read(&entry, "type")
    };
    by_navigation
        .or_else(by_timing)
        .and_then(|t| t.as_string())
        .is_some_and(|t| t == "reload")
}

/// Whether this page runs inside a frame (`<iframe>`) of another page.
pub fn framed() -> bool {
    host_window().is_some()
}

/// The window of the page this one is framed in, if it is.
pub fn host_window() -> Option<web_sys::Window> {
    let window = gloo::utils::window();
    window
        .parent()
        .ok()
        .flatten()
        .filter(|parent| *parent != window)
}

/// Copy `text` to the clipboard; `done` learns whether the browser took it
/// (it may refuse: no permission, an insecure origin, a sandboxed frame).
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    copy_boxed(text, Box::new(done));
}

/// [`copy_text`] with one future type, so the wasm carries it once.
fn copy_boxed(text: String, done: Box<dyn FnOnce(bool)>) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
        done(copied.is_ok());
    });
}

/// Offer `text` as a file download (a same-origin blob: URL; nothing leaves the browser).
pub fn download(name: &str, mime: &str, text: &str) {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    download_blob(gloo::file::ObjectUrl::from(blob), name);
}

/// Start the download of a blob: URL under `name`. The URL is kept until
/// the next download (then revoked, when dropped), not revoked at once: a
/// busy browser may not have read the blob yet when the click returns, and
/// then the download silently never starts (seen in the e2e tests under load).
pub fn download_blob(url: gloo::file::ObjectUrl, name: &str) {
    thread_local! {
        static LAST: std::cell::RefCell<Option<gloo::file::ObjectUrl>> =
            const { std::cell::RefCell::new(None) };
    }
    click_download(&url, name);
    LAST.with(|last| *last.borrow_mut() = Some(url));
}

/// Offer an SVG document as a PNG download: the browser draws it onto a
/// canvas of `size` × `scale` pixels (a sharper image for slides and
/// documents), and the canvas is downloaded under `name`.
pub fn download_png(svg: &str, size: (u32, u32), scale: u32, name: String) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    let (Ok(img), Ok(canvas)) = (
        document.create_element("img"),
        document.create_element("canvas"),
    ) else {
        return;
    };
    let img: web_sys::HtmlImageElement = img.unchecked_into();
    let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
    canvas.set_width(size.0 * scale);
    canvas.set_height(size.1 * scale);
    let url = gloo::file::ObjectUrl::from(gloo::file::Blob::new_with_options(
        svg,
        Some("image/svg+xml"),
    ));
    let src = url.to_string();
    let loaded = img.clone();
    let onload = Closure::once(move || {
        let _keep = url; // the blob: URL lives until the image has loaded
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(f64::from(scale), f64::from(scale));
        let _ = ctx.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let done = Closure::once(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                let url = gloo::file::ObjectUrl::from(gloo::file::Blob::from(blob));
                download_blob(url, &name);
            }
        });
        let _ = canvas.to_blob_with_type(done.as_ref().unchecked_ref(), "image/png");
        done.forget();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&src);
}

/// Start the download of `url` under `name`.
fn click_download(url: &str, name: &str) {
    use wasm_bindgen::JsCast;
    if let Ok(a) = gloo::utils::document().create_element("a") {
        let a: web_sys::HtmlElement = a.unchecked_into();
        let _ = a.set_attribute("href", url);
        let _ = a.set_attribute("download", name);
        a.click();
    }
}

/// The theme chosen with the toggle (`light` / `dark`), applied to the
/// document; `None` follows the system (`prefers-color-scheme`).
pub fn theme() -> Option<String> {
    let chosen = storage()?.get_item(THEME_KEY).ok().flatten()?;
    apply_theme(&chosen);
    Some(chosen)
}

/// Whether the page is dark: the chosen theme, else the system's.
pub fn is_dark(chosen: Option<&str>) -> bool {
    match chosen {
        Some(t) => t == "dark",
        None => gloo::utils::window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Whether the reader left the workings `id` open.
pub fn kept_open(id: &str) -> bool {
    storage()
        .and_then(|s| s.get_item(OPEN_KEY).ok().flatten())
        .is_some_and(|ids| ids.split(',').any(|i| i == id))
}

/// Remember that the workings `id` are open, or closed.
pub fn keep_open(id: &str, open: bool) {
    let Some(storage) = storage() else { return };
    let ids = storage
        .get_item(OPEN_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut kept: Vec<&str> = ids
        .split(',')
        .filter(|i| !i.is_empty() && *i != id)
        .collect();
    if open {
        kept.push(id);
    }
    let _ = storage.set_item(OPEN_KEY, &kept.join(","));
}

/// Choose a theme: applied now and remembered.
pub fn set_theme(theme: &str) {
    apply_theme(theme);
    if let Some(storage) = storage() {
        let _ = storage.set_item(THEME_KEY, theme);
    }
}

fn apply_theme(theme: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// The page's JavaScript snippet. The second wasm module (`lazy.js`, built
/// by scripts/lib/lazy.sh): loaded on the first call and kept; `export`
/// writes one export there, `chart` draws a chart image. A module that
/// stopped (a wasm trap) is dropped, so the next call loads it afresh.
/// Specs are read off the page's thread (`static/lazy-import.js`, loaded
/// on the first import). A refusal comes back as its kind, a line break
/// and the module's message (`refused`), or its kind alone.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
let loaded = null;
function load() {
  if (!loaded) {
    loaded = import(new URL('lazy.js', document.baseURI).href)
      .then(async (m) => { await m.default(); return m; })
      .catch((e) => { loaded = null; throw e; });
  }
  return loaded;
}
function call(f) {
  return load().then(f, () => { throw { kind: 'unloaded' }; }).catch((e) => {
    if (e instanceof WebAssembly.RuntimeError) loaded = null;
    throw typeof e === 'string' ? 'refused\\n' + e : ((e && e.kind) || 'stopped') + '\\n';
  });
}
export function lazy_export(what, query, now, table, format) {
  return call((m) => m.write_export(what, query, now, table, format));
}
export function lazy_chart(spec) {
  return call((m) => m.draw_chart(spec));
}
export function lazy_preload() {
  load().catch(() => {});
}
function reader() {
  return import(new URL('lazy-import.js', document.baseURI).href).catch(() => { throw 'unloaded\\n'; });
}
export function lazy_import(text, slo, seconds) {
  return reader().then((m) => m.read(text, slo, seconds));
}
export function lazy_import_cancel() {
  reader().then((m) => m.cancel(), () => {});
}
")]
extern "C" {
    fn lazy_export(
        what: &str,
        query: &str,
        now: &str,
        table: usize,
        format: &str,
    ) -> js_sys::Promise;
    fn lazy_preload();
    fn lazy_import(text: &str, slo: &str, seconds: f64) -> js_sys::Promise;
    fn lazy_import_cancel();
    fn lazy_chart(spec: &str) -> js_sys::Promise;
}

/// The text a call into the second module resolves to, or why not: the
/// module's refusal as it gave it, or what happened to the module.
async fn lazy_text(call: js_sys::Promise) -> Result<String, String> {
    let refusal = match wasm_bindgen_futures::JsFuture::from(call).await {
        Ok(v) => return v.as_string().ok_or_else(|| STOPPED.to_string()),
        Err(e) => e.as_string().unwrap_or_default(),
    };
    let (kind, message) = refusal.split_once('\n').unwrap_or(("stopped", ""));
    Err(match kind {
        "refused" => message.to_string(),
        "slow" => nines_core::import::too_slow(),
        "cancelled" => "Reading stopped: nothing was read, and your scenario is unchanged.".into(),
        "unloaded" => "The export and import module could not be loaded: check the connection, \
                       then try again."
            .into(),
        _ => STOPPED.into(),
    })
}

/// What happened when the second module stopped on its input.
const STOPPED: &str = "The export and import module stopped on this (an internal error, or more \
                       memory than the page has): nothing was written or read, your scenario is \
                       unchanged, and the next try starts it afresh.";

/// One export from the second module, or its reason.
pub async fn export_text(
    what: &str,
    query: &str,
    now: &str,
    table: usize,
    format: &str,
) -> Result<String, String> {
    lazy_text(lazy_export(what, query, now, table, format)).await
}

/// An SLO spec read, off the page's thread, by the second module, the SLO
/// named `slo` (the first when empty): the scenario's link, the format, the
/// SLOs the file holds and what was read (one per line), or where and why
/// it was refused, stopped or not read. A read still going is stopped.
pub async fn import_spec(text: &str, slo: &str) -> Result<String, String> {
    let seconds = nines_core::import::MAX_READ_SECONDS as f64;
    lazy_text(lazy_import(text, slo, seconds)).await
}

/// Stop the spec being read (its [`import_spec`] says so).
pub fn cancel_import() {
    lazy_import_cancel();
}

/// A chart image drawn by the second module from its description
/// (`nines_charts::image::ImageSpec` as JSON): the SVG document, or why not.
pub async fn chart_svg(spec: &str) -> Result<String, String> {
    lazy_text(lazy_chart(spec)).await
}

/// Fetch the second module now (on the first sign someone is about to
/// export), so a click finds it ready.
pub fn preload_exports() {
    lazy_preload();
}
