#!/usr/bin/env bash
# A step of the post-build (scripts/lib/post-build.sh; the exports' code stays out of the first visit): build the second wasm module,
# nines-lazy (the export writers), and put it beside the page as lazy.js and
# lazy_bg.wasm. The page fetches it the first time the Export section is
# used, so a first visit does not transfer it. Same toolchain, target dir
# and profile as Trunk's own build (the environment is Trunk's).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
profile=release
flag=--release
if [ "${TRUNK_PROFILE:-release}" != release ]; then profile=debug; flag=; fi
cd "$root"
cargo build $flag --target wasm32-unknown-unknown -p nines-lazy --lib
wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/$profile/nines_lazy.wasm"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name lazy "$wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz "$out/lazy_bg.wasm" -o "$out/lazy_bg.wasm"
fi
