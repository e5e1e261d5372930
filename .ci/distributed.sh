#!/usr/bin/env bash
# CI: the distributed examples, each checked against a single `indotag tag` run (same records,
# same ids, same order): examples/spark/test.sh (PySpark, local[2]) and examples/dask/test.sh
# (dask.bag, 2 worker processes). Their venvs are cached in ~/.cache/indotag-ci; from scratch
# (pyspark ~450 MB to download) the two take a few minutes more than with the cache.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
export INDOTAG="$PWD/target/release/indotag"
for t in spark dask; do
    start=$SECONDS
    bash "examples/$t/test.sh"
    echo "distributed: $t test passed in $((SECONDS - start)) s (venv set-up included)"
done
