#!/usr/bin/env bash
# CI for the Python package (python/): lint the binding crate, build the wheel with
# `pip install ./python` into a fresh venv, run its pytest suite against the CLI's output.
# pip's download cache (~/.cache/pip) is kept between runs; the venv is always new.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

cargo fmt -p indotag-python --check
cargo clippy -p indotag-python --all-targets -- -D warnings

venv="${INDOTAG_CI_VENV:-${TMPDIR:-/tmp}/indotag-ci-venv}"
rm -rf "$venv"
if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
    # Debian's python3 without its venv module.
    apt-get update -qq && apt-get install -y -qq python3-venv
fi
python3 -m venv "$venv"
export PATH="$venv/bin:$PATH" # the build backend runs `maturin` from PATH
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet "maturin>=1.5,<2"
# The documented install, with the already installed maturin (no second download), then
# the optional extras and pytest.
"$venv/bin/pip" install --progress-bar off --no-build-isolation "./python[test]"

# The tests compare with the command's own output.
cargo build --release --quiet --bin indotag
export INDOTAG_BIN="$PWD/target/release/indotag"
# The pytest script (not `python -m pytest`, which would import python/indotag from the
# source tree instead of the installed wheel).
"$venv/bin/pytest" -q python/tests
