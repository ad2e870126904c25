#!/usr/bin/env bash
# A step of the post-build (scripts/lib/post-build.sh): the wasm modules a
# first visit does not transfer, each put beside the page by wasm-bindgen:
#   nines-lazy       as lazy.js and lazy_bg.wasm: the export writers and the
#                    chart images, fetched the first time the Export section
#                    is used or a chart is downloaded;
#   nines-portfolio  as lazy-portfolio-view.js and its _bg.wasm: the
#                    #portfolio view, started by static/lazy-portfolio.js,
#                    which static/first.js fetches the first time the
#                    address names the view.
# Same toolchain, target dir and profile as Trunk's own build (the
# environment is Trunk's).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
profile=release
flag=--release
if [ "${TRUNK_PROFILE:-release}" != release ]; then profile=debug; flag=; fi
cd "$root"
cargo build $flag --target wasm32-unknown-unknown -p nines-lazy -p nines-portfolio --lib
for pair in nines_lazy:lazy nines_portfolio:lazy-portfolio-view; do
  crate="${pair%%:*}"
  name="${pair#*:}"
  wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/$profile/$crate.wasm"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" "$wasm"
  if [ "$profile" = release ]; then
    wasm-opt -Oz "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
  fi
done
