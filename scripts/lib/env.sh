# shellcheck shell=bash
# Shared environment for the project's scripts. Source it; don't run it.
#
# Two ways to build Rust for wasm32 (see ../shared/TOOLCHAIN.md):
#   rustup  - a rustup toolchain with the wasm32-unknown-unknown target installed
#             (a normal laptop);
#   debian  - Debian's rustc-web/cargo-web 1.96 with rust-web-src, building the
#             standard library with build-std and linking with wasm-ld-22
#             (machines that cannot reach rustup's servers).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export NINES_ROOT="$ROOT"

# Versions pinned here and checked by scripts/setup.
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"

# Tools installed by `cargo install` live here (kept outside the clone so a
# fresh checkout on the same machine reuses them).
NINES_CACHE="${NINES_CACHE:-$HOME/.cache/nines}"
CARGO_TOOLS_ROOT="$NINES_CACHE/tools"
export PATH="$CARGO_TOOLS_ROOT/bin:$ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1m[nines]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[nines] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Which wasm route this machine uses; cached for the life of the shell.
wasm_route() {
  if [ -n "${NINES_WASM_ROUTE:-}" ]; then echo "$NINES_WASM_ROUTE"; return; fi
  if command -v rustup >/dev/null 2>&1 &&
     timeout 20 rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    NINES_WASM_ROUTE=rustup
  else
    NINES_WASM_ROUTE=debian
  fi
  export NINES_WASM_ROUTE
  echo "$NINES_WASM_ROUTE"
}

# Export what cargo/trunk need to build for wasm32 in the current shell.
wasm_env() {
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
  export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
  # The wasm build keeps its own target dir (outside the clone, like a CI
  # cache) so a fresh checkout does not rebuild std and Yew from scratch.
  export CARGO_TARGET_DIR="$NINES_CACHE/target-wasm"
  if [ "$(wasm_route)" = debian ]; then
    export PATH="/usr/bin:$PATH"
    export RUSTC_BOOTSTRAP=1
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
    export RUSTC=/usr/bin/rustc CARGO=/usr/bin/cargo
    # Size: a panic aborts at once, unformatted (static/crash.js shows
    # the crash page from the wasm trap), which leaves the panic machinery
    # out of the wasm. It needs a standard library built with the same
    # flag, which build-std gives; rustup's prebuilt one cannot, so that
    # route formats panics (src/panic.rs). Every wasm build takes the same
    # flags, so the bundle, its clippy and the component tests share one
    # build of std and the dependencies.
    export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zpanic-abort-tests"
  fi
}

# Run scripts/setup unless everything it checks is already in place.
ensure_setup() {
  "$ROOT/scripts/setup" --quiet || die "scripts/setup failed (see above)"
}
