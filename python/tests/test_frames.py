"""pandas tables: one row per entity / quote, with the document's id and the speaker."""

import pytest

pd = pytest.importorskip("pandas")

import indotag  # noqa: E402
from conftest import SAMPLES  # noqa: E402


def test_entities_frame_has_a_row_per_entity(tagger):
    docs = [{"id": f"d{i}", "text": t} for i, t in enumerate(SAMPLES)]
    records = list(tagger.pipe(docs))
    df = indotag.entities_frame(records)
    assert len(df) == sum(len(r["entities"]) for r in records) > 10
    assert list(df.columns[:3]) == ["doc_id", "doc_outlet", "doc_published"]
    for (_, row), (doc_id, e) in zip(
        df.iterrows(), [(r["id"], e) for r in records for e in r["entities"]]
    ):
        assert row["doc_id"] == doc_id
        assert (row["text"], row["label"], row["id"], row["canonical"]) == (
            e["text"], e["label"], e["id"], e["canonical"],
        )
    # The KOMPAS.com sample has an outlet; the others do not.
    assert set(df["doc_outlet"].dropna()) == {r["meta"].get("outlet") for r in records} - {None}


def test_doc_id_falls_back_to_the_position_and_errors_give_no_rows(tagger):
    records = list(tagger.pipe(["Hujan di Bogor.", {"id": "rusak"}, "Banjir di Medan dan Bogor."]))
    assert "error" in records[1]
    df = indotag.entities_frame(records, meta=())
    assert list(df["doc_id"]) == [0, 2, 2]
    assert list(df["text"]) == ["Bogor", "Medan", "Bogor"]
    assert list(df.columns) == ["doc_id", "start", "end", "text", "label", "id", "canonical",
                                "kind", "source", "zone"]


def test_quotes_frame_names_the_speaker(tagger):
    texts = [
        'Wali Kota Surabaya Eri Cahyadi berkata: "Banjir sudah surut."\n\n'
        "Ia menambahkan, warga boleh pulang sore ini.",
        '"Tidak ada yang tahu," tulis sebuah pesan di dinding.',
        "Tanpa kutipan di Bandung.",
    ]
    records = [tagger.tag(t, id=f"q{i}") for i, t in enumerate(texts)]
    df = indotag.quotes_frame(records)
    assert len(df) == sum(len(r["quotes"]) for r in records) >= 2
    rows = [(r["id"], q) for r in records for q in r["quotes"]]
    for (_, row), (doc_id, q) in zip(df.iterrows(), rows):
        assert row["doc_id"] == doc_id and row["text"] == q["text"]
        speaker = q["speaker"] or {}
        # Missing values are None or NaN depending on pandas' string dtype.
        for column in ("canonical", "text", "id"):
            value = row[f"speaker_{column}"]
            assert (None if pd.isna(value) else value) == speaker.get(column)
    first = df[df["doc_id"] == "q0"]
    assert set(first["speaker_canonical"]) == {"Eri Cahyadi"}
    assert "Ia" in set(first["speaker_text"])


def test_empty_input_gives_empty_frames_with_the_columns():
    assert len(indotag.entities_frame([])) == 0
    assert "canonical" in indotag.entities_frame([]).columns
    assert "speaker_canonical" in indotag.quotes_frame([]).columns
