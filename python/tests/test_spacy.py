"""spaCy Docs from records: same text, every entity a span with its text, quotes linked to
speakers, and the `indotag` pipeline component found through its entry point."""

import subprocess
import sys
import warnings

import pytest

spacy = pytest.importorskip("spacy")

import indotag  # noqa: E402
from conftest import SAMPLES  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("id")


def _check(record, doc):
    """The properties every Doc must have, whatever the text."""
    assert doc.text == record["text"]
    ents = [(e.start_char, e.end_char, e.text, e.label_, e.kb_id_) for e in doc.ents]
    want = [(e["start"], e["end"], e["text"], e["label"], e["id"]) for e in record["entities"]]
    assert ents == want
    assert doc.user_data["indotag"]["unaligned"] == []
    quotes = doc.spans["quotes"]
    assert [(q.start_char, q.end_char, q.text, q.label_) for q in quotes] == [
        (q["start"], q["end"], q["text"], q["kind"]) for q in record["quotes"]
    ]
    for span, q in zip(quotes, record["quotes"]):
        speaker = span._.indotag_speaker
        if q["speaker"] is None:
            assert speaker is None
        else:
            want = (q["speaker"]["start"], q["speaker"]["end"])
            assert (speaker.start_char, speaker.end_char) == want
            assert speaker.text == q["speaker"]["text"]
            assert speaker.kb_id_ == (q["speaker"]["id"] or "")
            assert speaker._.indotag_canonical == q["speaker"]["canonical"]
            assert speaker._.indotag_quote == span
    if len(doc):
        assert len(list(doc.sents)) == len(record["sentences"])
    # Every token boundary of the record is a token boundary of the Doc.
    starts = {t.idx for t in doc}
    assert all(t["start"] in starts for t in record["tokens"])


def test_docs_keep_the_text_and_every_entity(nlp, tagger):
    for text in SAMPLES:
        record = tagger.tag(text)
        _check(record, indotag.to_spacy(record, nlp))
        _check(record, indotag.to_spacy(record, nlp.vocab))


def test_whitespace_gaps_become_tokens(nlp, tagger):
    text = "Hujan  deras\n\ndi Bogor\u200b dan\u2060 Depok 🙏 kemarin.\t"
    doc = indotag.to_spacy(tagger.tag(text), nlp)
    assert doc.text == text
    # A single space after a token is its whitespace; other gaps, including the invisible
    # U+200B/U+2060 that belong to no indotag token, are tokens of their own.
    assert [(t.text, t.whitespace_) for t in doc] == [
        ("Hujan", " "), (" ", ""), ("deras", ""), ("\n\n", ""), ("di", " "), ("Bogor", ""),
        ("\u200b ", ""), ("dan", ""), ("\u2060 ", ""), ("Depok", " "), ("🙏", " "),
        ("kemarin", ""), (".", ""), ("\t", ""),
    ]
    # Only single spaces are trailing whitespace; everything else is in a token.
    assert all(t.whitespace_ in ("", " ") for t in doc)
    assert "".join(t.text_with_ws for t in doc) == text


def test_entities_inside_a_hyphenated_token_split_it(nlp, tagger):
    text = "Forum AS-ASEAN digelar di Jakarta."
    record = tagger.tag(text)
    assert any(t["text"] == "AS-ASEAN" for t in record["tokens"])
    doc = indotag.to_spacy(record, nlp)
    _check(record, doc)
    assert ["AS", "-", "ASEAN"] == [t.text for t in doc][1:4]
    assert doc.user_data["indotag"]["split_tokens"] == [[6, 14, "AS-ASEAN"]]


def test_without_splitting_the_cut_entities_are_reported(nlp, tagger):
    record = tagger.tag("Forum AS-ASEAN digelar di Jakarta.")
    with pytest.warns(UserWarning, match="2 span"):
        doc = indotag.to_spacy(record, nlp, split_tokens=False)
    assert doc.text == record["text"]
    assert "AS-ASEAN" in [t.text for t in doc]
    assert [e.text for e in doc.ents] == ["Jakarta"]
    unaligned = doc.user_data["indotag"]["unaligned"]
    assert [(u[0], u[4]) for u in unaligned] == [("entity", "AS"), ("entity", "ASEAN")]


def test_sentences_quotes_and_zones(nlp, tagger):
    text = (
        "Menteri Kesehatan Budi Gunadi Sadikin mengatakan, \"Vaksin aman.\"\n\n"
        "Ia menambahkan, stok vaksin cukup untuk tiga bulan.  Warga Medan menyambut baik."
    )
    record = tagger.tag(text)
    doc = indotag.to_spacy(record, nlp)
    _check(record, doc)
    assert [s.text.strip() for s in doc.sents] == [
        text[s["start"] : s["end"]].strip() for s in record["sentences"]
    ]
    assert len(doc.spans["quotes"]) >= 2
    # Both quotes resolve to the minister, the second through the pronoun "Ia".
    assert {q._.indotag_speaker._.indotag_canonical for q in doc.spans["quotes"]} == {
        "Budi Gunadi Sadikin"
    }
    assert [z.label_ for z in doc.spans["zones"]] == [z["kind"] for z in record["zones"]]


def test_docs_serialise_with_their_annotations(nlp, tagger):
    record = tagger.tag('Wali Kota Surabaya Eri Cahyadi berkata: "Banjir surut."')
    doc = indotag.to_spacy(record, nlp)
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again.text == doc.text
    assert [(e.text, e.label_, e.kb_id_) for e in again.ents] == [
        (e.text, e.label_, e.kb_id_) for e in doc.ents
    ]
    assert again.spans["quotes"].attrs == doc.spans["quotes"].attrs
    assert again.spans["quotes"][0]._.indotag_speaker.text == "Eri Cahyadi"
    assert again.user_data["indotag"]["id"] is None


def test_records_that_cannot_become_docs_raise(nlp):
    with pytest.raises(ValueError, match="error record"):
        indotag.to_spacy({"id": "x", "error": "item 0: no field `text`"}, nlp)
    record = indotag.Tagger(tokens=False).tag("Halo Bandung.")
    with pytest.raises(ValueError, match="tokens"):
        indotag.to_spacy(record, nlp)


def test_pipeline_component_matches_to_spacy(tagger):
    nlp = spacy.blank("id")
    nlp.add_pipe("indotag", config={"jobs": 2, "batch_size": 3})
    assert nlp.pipe_names == ["indotag"]
    texts = SAMPLES + [f"Rapat ke-{i} di Makassar." for i in range(10)]
    direct = [indotag.to_spacy(tagger.tag(t), nlp.vocab) for t in texts]
    for via in (list(nlp.pipe(texts)), [nlp(t) for t in texts]):
        assert [d.text for d in via] == texts
        assert [[(e.text, e.label_) for e in d.ents] for d in via] == [
            [(e.text, e.label_) for e in d.ents] for d in direct
        ]
        assert [[t.text for t in d] for d in via] == [[t.text for t in d] for d in direct]
    # Context passed with as_tuples survives the new Doc.
    [(doc, ctx)] = list(nlp.pipe([("Hujan di Bogor.", {"n": 1})], as_tuples=True))
    assert ctx == {"n": 1} and [e.text for e in doc.ents] == ["Bogor"]


def test_component_is_found_through_the_entry_point():
    # A fresh interpreter that never imports indotag: spaCy must find the factory itself.
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('id')\n"
        "nlp.add_pipe('indotag', config={'zones': ['body']})\n"
        "doc = nlp('Gempa mengguncang Cianjur, Jawa Barat.')\n"
        "print([e.text for e in doc.ents], nlp.config['components']['indotag']['factory'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['Cianjur', 'Jawa Barat'] indotag"
