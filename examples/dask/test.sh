#!/usr/bin/env bash
# Runs examples/dask/tag_corpus.py with 2 worker processes on a corpus it generates (a few MB)
# and checks that the output is exactly what one `indotag tag` run writes: same records, same
# ids, same order (the block files concatenated in order).
#
# Needs Python >= 3.10. The venv with dask is kept in $INDOTAG_CI_CACHE (default
# ~/.cache/indotag-ci) and reused while requirements.txt is unchanged. INDOTAG=path/to/indotag
# tests another binary (default: a release build of this repository).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../distributed/common.sh"
venv="${INDOTAG_CI_CACHE:-$HOME/.cache/indotag-ci}/venv-dask"

ensure_venv "$venv" "$here/requirements.txt"
indotag_binary "$here/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
make_inputs "$work"

start=$SECONDS
"$venv/bin/python" "$here/tag_corpus.py" "$work/corpus.jsonl" "$work/out" \
    --indotag "$INDOTAG" --workers 2 --blocksize 500kB --flag=--no-tokens >"$work/dask.log" 2>&1 ||
    { tail -50 "$work/dask.log" >&2; exit 1; }
secs=$((SECONDS - start))

parts=$(ls "$work/out"/*.jsonl | wc -l)
cat "$work/out"/*.jsonl >"$work/dask.jsonl"
python3 "$here/../distributed/check.py" "$work/single.jsonl" "$work/dask.jsonl" "$parts"
echo "dask test: 2 worker processes, $parts partitions, $(du -m "$work/corpus.jsonl" | cut -f1) MB, job ${secs} s: output identical to a single run"
