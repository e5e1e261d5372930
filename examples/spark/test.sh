#!/usr/bin/env bash
# Runs examples/spark/tag_corpus.py in Spark local[2] on a corpus it generates (a few MB) and
# checks that the output is exactly what one `indotag tag` run writes: same records, same ids,
# same order (the part files concatenated in partition order).
#
# Needs Java >= 17 (installed with apt-get where missing) and Python >= 3.10. The venv with
# pyspark is kept in $INDOTAG_CI_CACHE (default ~/.cache/indotag-ci) and reused while
# requirements.txt is unchanged; pyspark goes in by install_pyspark.py, which streams the sdist
# (~0.5 GB of disk instead of pip's ~2.4 GB at the peak). INDOTAG=path/to/indotag tests another
# binary (default: a release build of this repository).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../distributed/common.sh"
venv="${INDOTAG_CI_CACHE:-$HOME/.cache/indotag-ci}/venv-spark"

java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ]; then
    echo "spark test: installing Java 17" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
if ! cmp -s "$here/requirements.txt" "$venv/.requirements" 2>/dev/null; then
    echo "creating $venv" >&2
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    python3 -m venv "$venv"
    "$venv/bin/python" "$here/install_pyspark.py" "$venv" "$here/requirements.txt" >/dev/null
    cp "$here/requirements.txt" "$venv/.requirements"
fi
spark_home="$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
indotag_binary "$here/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
make_inputs "$work"

start=$SECONDS
SPARK_HOME="$spark_home" PYSPARK_PYTHON="$venv/bin/python" "$spark_home/bin/spark-submit" --master 'local[2]' \
    --conf spark.ui.enabled=false --conf spark.driver.memory=1g \
    "$here/tag_corpus.py" "$work/corpus.jsonl" "$work/out" \
    --indotag "$INDOTAG" --partitions 4 --flag=--no-tokens 2>"$work/spark.log" ||
    { tail -50 "$work/spark.log" >&2; exit 1; }
secs=$((SECONDS - start))

parts=$(ls "$work/out"/part-* | wc -l)
cat "$work/out"/part-* >"$work/spark.jsonl"
python3 "$here/../distributed/check.py" "$work/single.jsonl" "$work/spark.jsonl" "$parts"
echo "spark test: local[2], $parts partitions, $(du -m "$work/corpus.jsonl" | cut -f1) MB, job ${secs} s: output identical to a single run"
