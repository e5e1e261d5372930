# Shared by examples/spark/test.sh and examples/dask/test.sh (sourced, not run).
#
# ensure_venv DIR REQUIREMENTS: a venv at DIR with REQUIREMENTS installed, reused while the
#   requirements file is unchanged (a copy is kept in DIR/.requirements).
# indotag_binary ROOT: sets INDOTAG to a release build of the repository at ROOT, unless INDOTAG
#   is set already.
# make_inputs WORK: writes WORK/corpus.jsonl (a few MB, $CORPUS_MB) and WORK/single.jsonl, one
#   plain `indotag tag` run over it with the flags the distributed jobs use.

ensure_venv() {
    local venv="$1" req="$2"
    if ! cmp -s "$req" "$venv/.requirements" 2>/dev/null; then
        echo "creating $venv" >&2
        rm -rf "$venv"
        mkdir -p "$(dirname "$venv")"
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q --upgrade pip >/dev/null
        "$venv/bin/pip" install -q -r "$req"
        cp "$req" "$venv/.requirements"
    fi
}

indotag_binary() {
    if [ -z "${INDOTAG:-}" ]; then
        (cd "$1" && cargo build --release -q)
        INDOTAG="$1/target/release/indotag"
    fi
}

make_inputs() {
    local work="$1" here
    here="$(dirname "${BASH_SOURCE[0]}")"
    python3 "$here/make_corpus.py" "$work/corpus.jsonl" "${CORPUS_MB:-3}"
    "$INDOTAG" tag --input-format jsonl --quiet --exit-zero-on-errors --no-tokens \
        "$work/corpus.jsonl" >"$work/single.jsonl" 2>"$work/single.err"
}
