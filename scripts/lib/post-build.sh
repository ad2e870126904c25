#!/usr/bin/env bash
# Trunk's post_build hook: the steps after Trunk's build, one after the
# other (Trunk starts every hook of a stage at once, and each of these reads
# what the one before wrote in $TRUNK_STAGING_DIR):
#   extern-loader.mjs   Trunk's inline wasm loader into a file (the CSP
#                       forbids inline scripts);
#   strip-comments.mjs  comments and indentation out of what is shipped;
#   lazy.sh             the wasm modules fetched on demand (the exports and
#                       charts; the #portfolio view);
#   embed-page.mjs      embed.html, for `<iframe sandbox="allow-scripts">`
#                       (classic scripts, the wasm inlined: an opaque origin
#                       cannot use CORS);
#   prerender.mjs       the example's first screen drawn into index.html.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
node "$here/extern-loader.mjs"
node "$here/strip-comments.mjs"
bash "$here/lazy.sh"
node "$here/embed-page.mjs"
node "$here/prerender.mjs"
