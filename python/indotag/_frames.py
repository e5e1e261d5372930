"""pandas tables of records: one row per entity, one row per quote.

``pd.json_normalize(records, "entities", ["id"])`` nearly does this, but the entity's own
``id`` (its gazetteer id) collides with the document's, a quote's speaker is a nested object
or ``null``, and records without an id or with an error need care; these helpers do it once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas

ENTITY_COLUMNS = ["start", "end", "text", "label", "id", "canonical", "kind", "source", "zone"]
QUOTE_COLUMNS = ["start", "end", "text", "kind", "rule", "zone"]
SPEAKER_COLUMNS = ["start", "end", "text", "id", "canonical"]
CUE_COLUMNS = ["start", "end", "text"]


def _doc_columns(index: int, record: Mapping[str, Any], meta: Sequence[str]) -> Dict[str, Any]:
    """``doc_id`` (the record's id, or its position in ``records`` when it has none) and the
    requested ``meta`` fields as ``doc_<field>``."""
    row: Dict[str, Any] = {"doc_id": record.get("id", index)}
    record_meta = record.get("meta") or {}
    for field in meta:
        row[f"doc_{field}"] = record_meta.get(field)
    return row


def entities_frame(
    records: Iterable[Mapping[str, Any]], meta: Sequence[str] = ("outlet", "published")
) -> "pandas.DataFrame":
    """One row per entity mention: ``doc_id``, the ``meta`` fields as ``doc_<field>``, then
    the entity's ``start``, ``end``, ``text``, ``label``, ``id`` (gazetteer id),
    ``canonical``, ``kind``, ``source``, ``zone``.

    ``doc_id`` is the record's ``id``, or its position in ``records`` where it has none. Error
    records (``{"id", "error"}``) have no entities and give no rows.

    >>> import indotag
    >>> records = indotag.Tagger().pipe(["Warga Bandung dan Bogor antre.", "Hujan di Bogor."])
    >>> df = indotag.entities_frame(records)
    >>> df.groupby("canonical")["doc_id"].nunique().to_dict()
    {'Bandung': 1, 'Bogor': 2}
    """

    def row(e: Mapping[str, Any]) -> Dict[str, Any]:
        return {c: e.get(c) for c in ENTITY_COLUMNS}

    return _frame(records, meta, "entities", row, ENTITY_COLUMNS)


def quotes_frame(
    records: Iterable[Mapping[str, Any]], meta: Sequence[str] = ("outlet", "published")
) -> "pandas.DataFrame":
    """One row per quotation: ``doc_id``, the ``meta`` fields as ``doc_<field>``, the quote's
    ``start``, ``end``, ``text``, ``kind`` (direct, partial, indirect), ``rule``, ``zone``,
    then ``speaker_start``, ``speaker_end``, ``speaker_text`` (the mention, maybe a pronoun),
    ``speaker_id``, ``speaker_canonical`` (who it resolves to) and ``cue_start``, ``cue_end``,
    ``cue_text``; all ``None`` for a quote without a speaker or cue.

    >>> import indotag
    >>> r = indotag.Tagger().tag('Gubernur Jawa Barat Ridwan Kamil mengatakan, "Kami siap."')
    >>> indotag.quotes_frame([r])[["text", "speaker_canonical"]].values.tolist()
    [['Kami siap.', 'Ridwan Kamil']]
    """

    def row(q: Mapping[str, Any]) -> Dict[str, Any]:
        out = {c: q.get(c) for c in QUOTE_COLUMNS}
        speaker = q.get("speaker") or {}
        out.update({f"speaker_{c}": speaker.get(c) for c in SPEAKER_COLUMNS})
        cue = q.get("cue") or {}
        out.update({f"cue_{c}": cue.get(c) for c in CUE_COLUMNS})
        return out

    columns = (
        QUOTE_COLUMNS
        + [f"speaker_{c}" for c in SPEAKER_COLUMNS]
        + [f"cue_{c}" for c in CUE_COLUMNS]
    )
    return _frame(records, meta, "quotes", row, columns)


def _frame(
    records: Iterable[Mapping[str, Any]],
    meta: Sequence[str],
    field: str,
    row: Callable[[Mapping[str, Any]], Dict[str, Any]],
    columns: List[str],
) -> "pandas.DataFrame":
    """One row per item of each record's ``field``: the document's columns, then ``row``'s."""
    import pandas as pd

    rows: List[Dict[str, Any]] = []
    for index, record in enumerate(records):
        doc = _doc_columns(index, record, meta)
        for item in record.get(field) or ():
            rows.append({**doc, **row(item)})
    doc_columns = ["doc_id"] + [f"doc_{m}" for m in meta]
    return pd.DataFrame(rows, columns=doc_columns + columns)
