#!/bin/sh
# Times `indotag tag --jobs 1` against the naive floor program (examples/floor.rs: word bounds,
# aho-corasick over the default names, serde_json) on the same first MB megabytes of a JSONL
# corpus, interleaved (floor, indotag, floor, ...), RUNS times each, and prints each side's
# median wall and CPU (user + system) seconds, as /usr/bin/time reports them, and the ratios
# floor/indotag (above 1: indotag is faster than the floor). On a shared machine the CPU
# ratio is the steadier one: wall time also counts waiting for a processor.
#
# Usage, from the repository root: scripts/floor_bench.sh [CORPUS.jsonl] [MB] [RUNS]
# (defaults: ../shared/corpus/bulk.jsonl, 20, 5). POSIX sh, /usr/bin/time (GNU time) and
# python3 for the medians.
set -eu
corpus=${1:-../shared/corpus/bulk.jsonl}
mb=${2:-20}
runs=${3:-5}
cargo build --release --quiet --bin indotag --example floor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the first MB megabytes, cut at a line end
python3 - "$corpus" "$mb" "$tmp/input.jsonl" <<'PY'
import sys
limit, n = int(sys.argv[2]) * 1_000_000, 0
with open(sys.argv[1], "rb") as src, open(sys.argv[3], "wb") as out:
    for line in src:
        if n + len(line) > limit:
            break
        out.write(line)
        n += len(line)
PY
floor="target/release/examples/floor $tmp/input.jsonl"
indotag="target/release/indotag tag --jobs 1 -q $tmp/input.jsonl"
timed() { # command, output file: prints "wall cpu" seconds
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" $1 >"$2"
    awk '{ print $1, $2 + $3 }' "$tmp/time"
}
# one warm-up each (file cache, page cache of the binaries), then the counted runs
timed "$floor" "$tmp/floor.out" >/dev/null
timed "$indotag" "$tmp/indotag.out" >/dev/null
: >"$tmp/times"
i=0
while [ "$i" -lt "$runs" ]; do
    echo "floor $(timed "$floor" "$tmp/floor.out")" >>"$tmp/times"
    echo "indotag $(timed "$indotag" "$tmp/indotag.out")" >>"$tmp/times"
    i=$((i + 1))
done
python3 - "$tmp/times" "$(wc -c <"$tmp/input.jsonl")" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, cpu = line.split()
    runs.setdefault(name, []).append((float(wall), float(cpu)))
size = int(sys.argv[2]) / 1e6
med = {n: [statistics.median(r[k] for r in rs) for k in (0, 1)] for n, rs in runs.items()}
print(f"input: {size:.1f} MB, {len(runs['floor'])} interleaved runs each, medians")
for name in ("floor", "indotag"):
    wall, cpu = med[name]
    print(f"{name:8} wall {wall:.3f} s  cpu {cpu:.3f} s  {size / cpu:.1f} MB per cpu second")
(fw, fc), (iw, ic) = med["floor"], med["indotag"]
print(f"indotag speed / floor speed: {fc / ic:.2f}x by cpu, {fw / iw:.2f}x by wall")
PY
