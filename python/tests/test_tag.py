"""Records from Python are the command's records, whatever the route and thread count."""

import itertools
import json
import math
import threading

import pytest

import indotag
from conftest import SAMPLES, dumps


def _jsonl(tmp_path, docs, name="in.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return str(path)


def _lines(output: bytes):
    # split on "\n" only: str.splitlines() also splits at U+2028, which JSON leaves raw.
    return output.decode("utf-8").rstrip("\n").split("\n")


def test_tag_text_is_the_cli_record_byte_for_byte(cli, tagger, tmp_path):
    for i, text in enumerate(SAMPLES):
        path = tmp_path / f"doc{i}.txt"
        path.write_bytes(text.encode("utf-8"))
        [line] = _lines(cli("tag", str(path)))
        assert dumps(tagger.tag(text, id=str(path))) == line


def test_pipe_of_dicts_is_the_cli_jsonl_run_byte_for_byte(cli, tagger, tmp_path):
    docs = [
        {"id": f"d{i}", "outlet": "contoh.id", "n": i, "tags": ["a", {"b": None}], "text": t}
        for i, t in enumerate(SAMPLES)
    ]
    # Fields the record writes itself come back as input_<name>; an id that is not a string
    # is written as its JSON; the text field and id field can be renamed.
    docs.append({"id": 7, "tokens": "x", "text": SAMPLES[1]})
    expected = _lines(cli("tag", _jsonl(tmp_path, docs)))
    assert len(expected) == len(docs)
    got = [dumps(r) for r in tagger.pipe(docs)]
    assert got == expected
    assert [dumps(tagger.tag(d)) for d in docs] == expected

    renamed = [{"key": d["id"], "isi": d["text"]} for d in docs]
    expected = _lines(
        cli("tag", "--text-field", "isi", "--id-field", "key", _jsonl(tmp_path, renamed))
    )
    got = [dumps(r) for r in tagger.pipe(renamed, text_field="isi", id_field="key")]
    assert got == expected


def test_options_match_the_cli_flags(cli, tmp_path):
    gazetteer = tmp_path / "extra.tsv"
    gazetteer.write_text(
        "id\tlabel\tkind\tcanonical\taliases\tpriority\n"
        "koperasi-maju\tORG\tcooperative\tKoperasi Maju Bersama\tKoperasi Maju\t\n",
        encoding="utf-8",
    )
    text = "Koperasi Maju membuka cabang di Semarang.\n\nBaca juga: Harga beras di Semarang"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    runs = [
        (dict(gazetteers=[gazetteer]), ["--gazetteer", str(gazetteer)]),
        (dict(default_gazetteers=False, gazetteers=[str(gazetteer)]),
         ["--no-default-gazetteers", "--gazetteer", str(gazetteer)]),
        (dict(zones=["body"], tokens=False), ["--zones", "body", "--no-tokens"]),
        (dict(zones="body,title", text=False), ["--zones", "body,title", "--no-text"]),
    ]
    for kwargs, flags in runs:
        [line] = _lines(cli("tag", *flags, str(path)))
        assert dumps(indotag.Tagger(**kwargs).tag(text, id=str(path))) == line
    with_extra = indotag.Tagger(gazetteers=[gazetteer]).tag(text)
    assert "Koperasi Maju Bersama" in [e["canonical"] for e in with_extra["entities"]]
    assert "Koperasi Maju Bersama" not in [
        e["canonical"] for e in indotag.Tagger().tag(text)["entities"]
    ]


def _many():
    # 300 documents from the samples, each different (the number goes into the text).
    return [
        {"id": f"n{i}", "text": f"Berita {i}. " + SAMPLES[i % len(SAMPLES)]} for i in range(300)
    ]


def test_threads_give_the_same_records_in_the_same_order(tagger):
    docs = _many()
    one = list(tagger.pipe(docs, jobs=1))
    assert [r["id"] for r in one] == [d["id"] for d in docs]
    assert list(tagger.pipe(docs, jobs=2)) == one
    assert list(tagger.pipe(docs, jobs=2, batch_size=7)) == one
    assert list(tagger.pipe(iter(docs))) == one
    assert [tagger.tag(d) for d in docs[:20]] == one[:20]


def test_tagger_can_be_shared_by_python_threads(tagger):
    docs = _many()[:60]
    expected = list(tagger.pipe(docs, jobs=1))
    results = [None] * 4

    def work(k):
        results[k] = list(tagger.pipe(docs, jobs=2, batch_size=5))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_pipe_streams_an_endless_iterable(tagger):
    consumed = []

    def endless():
        for i in itertools.count():
            consumed.append(i)
            yield f"Hari ke-{i} di Surabaya."

    first = list(itertools.islice(tagger.pipe(endless(), batch_size=10), 25))
    assert [r["text"] for r in first] == [f"Hari ke-{i} di Surabaya." for i in range(25)]
    # Read ahead by at most two batches.
    assert len(consumed) <= 25 + 2 * 10


def test_bad_documents_become_error_records_and_the_others_go_on(tagger):
    docs = [
        "Harga naik di Medan.",
        {"id": "no-text", "judul": "tanpa isi"},
        "ada\x00nol",
        {"id": "not-str", "text": 5},
        {"id": "nan", "text": "Skor di Bogor.", "skor": math.nan},
        b"bytes",
        "pecahan \ud800 surrogate",
        {"id": "ok", "text": "Hujan di Bogor."},
    ]
    records = list(tagger.pipe(docs, jobs=2, batch_size=3))
    assert len(records) == len(docs)
    assert records[0]["entities"][0]["text"] == "Medan"
    assert records[1] == {"id": "no-text", "judul": "tanpa isi", "error": "item 1: no field `text`"}
    assert records[2]["error"].startswith("item 2: ") and "binary" in records[2]["error"]
    assert records[3]["error"] == "item 3: field `text` is not a string"
    assert records[4]["error"].startswith("item 4: cannot be written as JSON")
    assert records[5]["error"] == "item 5: expected a str or a dict, got bytes"
    assert records[6]["error"].startswith("item 6: not a valid text")
    assert records[7]["id"] == "ok" and records[7]["entities"][0]["text"] == "Bogor"
    assert all("error" not in r for r in (records[0], records[7]))


def test_bad_input_to_tag_raises(tagger):
    with pytest.raises(ValueError, match="binary"):
        tagger.tag("ada\x00nol")
    with pytest.raises(ValueError, match="no field `text`"):
        tagger.tag({"id": "x"})
    with pytest.raises(TypeError):
        tagger.tag({"text": "Halo."}, id="x")


def test_bad_settings_raise_with_the_place(tmp_path):
    with pytest.raises(ValueError, match="jobs"):
        indotag.Tagger().pipe(["a"], jobs=0)
    with pytest.raises(ValueError, match="batch_size"):
        indotag.Tagger().pipe(["a"], batch_size=0)
    with pytest.raises(ValueError, match="unknown zone"):
        indotag.Tagger(zones=["badan"])
    with pytest.raises(ValueError, match="no-such.tsv"):
        indotag.Tagger(gazetteers=[tmp_path / "no-such.tsv"])
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\tlabel\tkind\tcanonical\taliases\tpriority\nx\tNOPE\tk\tX\tX\t\n")
    with pytest.raises(ValueError, match="bad.tsv:2"):
        indotag.Tagger(gazetteers=[bad])
