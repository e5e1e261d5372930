"""Annotate Indonesian news articles: tokens, sentences, entities, quotations and their speakers.

The tagging is done by the Rust library (the same code as the ``indotag`` command, gazetteers
embedded, no network). A record is a plain ``dict``, the same record the command writes as one
JSON line, so ``json.dumps(record, ensure_ascii=False, separators=(",", ":"))`` gives the
command's line byte for byte. Offsets are characters, as Python indexes ``str``::

    >>> import indotag
    >>> tagger = indotag.Tagger()
    >>> record = tagger.tag("Presiden Joko Widodo tiba di Surabaya, Jawa Timur.")
    >>> [(e["text"], e["label"]) for e in record["entities"]][:2]
    [('Joko Widodo', 'PERSON'), ('Surabaya', 'GPE')]
    >>> all(record["text"][e["start"]:e["end"]] == e["text"] for e in record["entities"])
    True

spaCy and pandas are optional: :func:`to_spacy` and the ``indotag`` pipeline component need
``pip install indotag[spacy]``, :func:`entities_frame` and :func:`quotes_frame` need pandas.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import Future, ThreadPoolExecutor
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Tuple,
    Union,
    cast,
)

from . import _indotag
from ._frames import entities_frame, quotes_frame

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["Tagger", "to_spacy", "entities_frame", "quotes_frame", "__version__"]

__version__: str = _indotag.__version__

Record = Dict[str, Any]
"""One document's record: ``id`` (when given), input fields carried through, ``text``,
``meta``, ``zones``, ``sentences``, ``tokens``, ``entities``, ``quotes``; or ``{"id", "error"}``
for a document that could not be tagged."""

# Item kinds understood by the native `tag_batch` (see python/src/lib.rs).
_TEXT, _JSON, _FAILED = 0, 1, 2


class Tagger:
    """A compiled tagger: build it once (compiling the gazetteers takes about a second), then
    tag any number of documents, from any number of threads.

    :param gazetteers: extra gazetteer files (TSV, the format of the repository's
        ``gazetteers/``); their entries override defaults with the same id.
    :param default_gazetteers: use the embedded default gazetteers.
    :param zones: keep only entities and quotes in these page zones (``title``, ``meta``,
        ``caption``, ``body``, ``related``, ``boilerplate``), a list or a comma-separated
        string; ``None`` keeps all, each marked with its zone.
    :param tokens: write the ``tokens`` field (:func:`to_spacy` needs it).
    :param text: write the ``text`` field (:func:`to_spacy` needs it).
    :raises ValueError: an unknown zone, or a gazetteer file that cannot be read or parsed
        (the message names the file and line).

    >>> tagger = Tagger(zones=["body"], tokens=False)
    >>> "tokens" in tagger.tag("Warga Bandung antre minyak goreng.")
    False
    """

    def __init__(
        self,
        gazetteers: Iterable[Union[str, "os.PathLike[str]"]] = (),
        default_gazetteers: bool = True,
        zones: Union[Iterable[str], str, None] = None,
        *,
        tokens: bool = True,
        text: bool = True,
    ) -> None:
        if isinstance(gazetteers, (str, os.PathLike)):
            gazetteers = [gazetteers]
        paths = [os.fspath(g) for g in gazetteers]
        if isinstance(zones, str):
            zones = [z for z in zones.split(",") if z.strip()]
        self._native = _indotag.Tagger(
            paths, bool(default_gazetteers), None if zones is None else list(zones), tokens, text
        )
        self._settings = (paths, default_gazetteers, zones, tokens, text)

    def __repr__(self) -> str:
        paths, default, zones, tokens, text = self._settings
        return (
            f"Tagger(gazetteers={paths!r}, default_gazetteers={default!r}, zones={zones!r}, "
            f"tokens={tokens!r}, text={text!r})"
        )

    def tag(self, doc: Union[str, Mapping[str, Any]], *, id: Optional[str] = None) -> Record:
        """Tags one document and returns its record.

        :param doc: the text, or a dict with the text in ``"text"`` (and the id, if any, in
            ``"id"``; other fields are carried into the record, as the command does with a
            JSONL line).
        :param id: the record's ``id``, for a text (a dict brings its own).
        :raises ValueError: the document cannot be tagged (a NUL byte in the text, no text
            field, …).

        >>> r = Tagger().tag("Menteri Keuangan Sri Mulyani berkata: \\"Kita waspada.\\"", id="a1")
        >>> r["id"], r["quotes"][0]["speaker"]["canonical"]
        ('a1', 'Sri Mulyani Indrawati')
        """
        if isinstance(doc, str):
            return cast(Record, json.loads(self._native.tag_text(doc, id)))
        if id is not None:
            raise TypeError("`id=` is for a text; a dict gives its id in its own field")
        record = json.loads(self._native.tag_batch([_item(doc)], 1, "text", "id", 0)[0])
        if "error" in record:
            raise ValueError(record["error"])
        return cast(Record, record)

    def pipe(
        self,
        docs: Iterable[Union[str, Mapping[str, Any]]],
        *,
        jobs: Optional[int] = None,
        batch_size: int = 128,
        text_field: str = "text",
        id_field: str = "id",
    ) -> Iterator[Record]:
        """Tags a stream of documents, yielding records in input order.

        Documents are read ``batch_size`` at a time and tagged by ``jobs`` threads (default:
        all cores) with the GIL released; the next batch is tagged while you work on the
        records of this one, so at most two batches are held at once and an endless
        iterable is fine. Any ``jobs`` gives the same records.

        A document that cannot be tagged (a dict without text, a text with a NUL byte, a
        value ``json`` cannot write) yields an error record ``{"id": …, "error": "item N:
        …"}`` (``N`` counts from 0 in ``docs``) and the others go on, as in the command.

        :param docs: texts, or dicts with the text in ``text_field`` and the id in
            ``id_field`` (a dict without an id gets none; other fields are carried through).
        :raises ValueError: ``jobs`` or ``batch_size`` below 1 (raised here, not when
            iterating).

        >>> texts = ["Harga cabai naik di Medan.", "Banjir melanda Semarang."]
        >>> [r["entities"][0]["text"] for r in Tagger().pipe(texts, jobs=2)]
        ['Medan', 'Semarang']
        """
        if jobs is not None and jobs < 1:
            raise ValueError("jobs must be at least 1")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        return self._pipe(iter(docs), jobs, batch_size, text_field, id_field)

    def _pipe(
        self,
        docs: Iterator[Union[str, Mapping[str, Any]]],
        jobs: Optional[int],
        batch_size: int,
        text_field: str,
        id_field: str,
    ) -> Iterator[Record]:
        # Batches are read here (the caller's iterator may not be thread-safe) and tagged in
        # one helper thread, so reading, tagging and json.loads overlap.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="indotag") as ex:
            pending: Optional[Future[List[str]]] = None
            first = 0
            while True:
                batch = [_item(d) for _, d in zip(range(batch_size), docs)]
                running = None
                if batch:
                    running = ex.submit(
                        self._native.tag_batch, batch, jobs, text_field, id_field, first
                    )
                    first += len(batch)
                if pending is not None:
                    for line in pending.result():
                        yield json.loads(line)
                if running is None:
                    return
                pending = running


def _item(doc: Any) -> Tuple[int, str]:
    """One document as the native side takes it: a text, a JSON object, or why neither."""
    if isinstance(doc, str):
        return (_TEXT, doc)
    if isinstance(doc, Mapping):
        try:
            return (_JSON, json.dumps(doc, ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError) as e:
            return (_FAILED, f"cannot be written as JSON: {e}")
    return (_FAILED, f"expected a str or a dict, got {type(doc).__name__}")


def to_spacy(
    record: Mapping[str, Any],
    nlp_or_vocab: Union["Language", "Vocab"],
    *,
    split_tokens: bool = True,
) -> "Doc":
    """Builds a spaCy ``Doc`` from a record; see :func:`indotag._spacy.to_spacy` (needs spaCy:
    ``pip install indotag[spacy]``)."""
    from ._spacy import to_spacy as _to_spacy

    return _to_spacy(record, nlp_or_vocab, split_tokens=split_tokens)
