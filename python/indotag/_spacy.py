"""Records as spaCy ``Doc`` objects, and the ``indotag`` pipeline component.

What :func:`to_spacy` builds, from a record with ``text`` and ``tokens``:

- **tokens**: indotag's tokens. A single space after a token becomes its ``whitespace_``;
  any other gap between tokens (several spaces, newlines, tabs, and the invisible U+200B /
  U+2060 that belong to no token) becomes a token of its own, as spaCy's tokenizer does with
  whitespace. So ``doc.text == record["text"]`` always.
- **sentences**: ``token.is_sent_start`` from the record's sentences (a gap token belongs to
  the sentence before it), so ``doc.sents`` works without a parser.
- **entities**: ``doc.ents`` (``label_``, ``kb_id_`` = the gazetteer id) and the span group
  ``doc.spans["entities"]`` with ``attrs`` lists ``id``, ``canonical``, ``kind``, ``source``,
  ``zone``, one item per span.
- **quotes**: ``doc.spans["quotes"]`` (``label_`` = ``direct``/``partial``/``indirect``) and
  ``doc.spans["speakers"]`` (label ``SPEAKER``, ``kb_id_`` = the speaker's id), linked both
  ways through the groups' ``attrs``: ``doc.spans["quotes"].attrs["speaker"][i]`` is the index
  in ``doc.spans["speakers"]`` of quote ``i``'s speaker (or ``None``), and
  ``doc.spans["speakers"].attrs["quote"][j]`` the index of speaker ``j``'s quote (one speaker
  span per attributed quote). The span extensions ``span._.indotag_speaker``,
  ``span._.indotag_quote`` and ``span._.indotag_canonical`` follow those links.
- **zones**: ``doc.spans["zones"]``, label = the zone kind (widened to whole tokens where a
  zone edge falls inside one: zones are page furniture, not annotations).
- ``doc.user_data["indotag"]``: the record's ``id``, ``meta``, and the alignment report below.

**Entities that cut a token.** indotag keeps ``AS-ASEAN`` one token but finds ``AS`` and
``ASEAN`` in it; a spaCy span can only cover whole tokens. By default (``split_tokens=True``)
such tokens are split at the entity's edges (``AS``, ``-``, ``ASEAN``), so every entity
becomes a span with exactly its text; the split tokens are listed in
``doc.user_data["indotag"]["split_tokens"]`` as ``[start, end, text]``. With
``split_tokens=False`` the tokens stay whole and those entities are left out of ``doc.ents``
and listed in ``doc.user_data["indotag"]["unaligned"]`` (and a warning is issued): never
dropped silently. Entities that overlap another (none in indotag's output today) stay in
``doc.spans["entities"]`` and are listed in ``...["overlapping"]``, as ``doc.ents`` cannot
hold them.
"""

# No `from __future__ import annotations` here: spaCy builds a model of the factory's
# signature and (with pydantic v1) cannot resolve annotations left as strings.
import warnings
from collections import deque
from bisect import bisect_left
from typing import (
    Any,
    Deque,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans
from spacy.vocab import Vocab

__all__ = ["to_spacy", "IndotagComponent", "make_indotag"]

SPEAKER_LABEL = "SPEAKER"


def to_spacy(
    record: Mapping[str, Any], nlp_or_vocab: Union[Language, Vocab], *, split_tokens: bool = True
) -> Doc:
    """A spaCy ``Doc`` of one record (see the module's documentation for what it holds).

    :param record: a record from :meth:`indotag.Tagger.tag` / :meth:`~indotag.Tagger.pipe`
        (or a parsed line of the command's output) with its ``text`` and ``tokens``.
    :param nlp_or_vocab: a ``Language`` (``spacy.blank("id")``) or its ``Vocab``.
    :param split_tokens: split tokens that an entity, quote or speaker edge cuts (default),
        or keep them and report those spans in ``doc.user_data["indotag"]["unaligned"]``.
    :raises ValueError: an error record, or a record without ``text`` or ``tokens``.

    >>> import spacy, indotag
    >>> nlp = spacy.blank("id")
    >>> record = indotag.Tagger().tag("Kerja sama AS-ASEAN  dibahas di Jakarta.\\n\\nSelesai.")
    >>> doc = indotag.to_spacy(record, nlp)
    >>> doc.text == record["text"], [(e.text, e.label_) for e in doc.ents]
    (True, [('AS', 'GPE'), ('ASEAN', 'ORG'), ('Jakarta', 'GPE')])
    >>> [t.text for t in doc][2:6], len(list(doc.sents))
    (['AS', '-', 'ASEAN', ' '], 2)
    """
    vocab = nlp_or_vocab.vocab if isinstance(nlp_or_vocab, Language) else nlp_or_vocab
    text, tokens = _checked(record)
    entities = list(record.get("entities") or ())
    quotes = list(record.get("quotes") or ())
    speakers = [q["speaker"] for q in quotes if q.get("speaker")]
    spans = entities + quotes + speakers
    cuts = sorted({p for s in spans for p in (s["start"], s["end"])}) if split_tokens else []
    span_starts = {s["start"] for s in spans}
    words = _Words(text, cuts, span_starts)
    for t in tokens:
        words.token(t["start"], t["end"])
    words.gap(len(text))
    sent_starts = _sent_starts(words, [s["start"] for s in record.get("sentences") or ()])
    doc = Doc(vocab, words=words.words, spaces=words.spaces, sent_starts=sent_starts)
    report: Dict[str, Any] = {
        "id": record.get("id"),
        "meta": dict(record.get("meta") or {}),
        "split_tokens": words.split,
        "unaligned": [],
        "overlapping": [],
    }
    _add_entities(doc, entities, report)
    _add_quotes(doc, quotes, report)
    _add_zones(doc, record.get("zones") or ())
    if report["unaligned"]:
        warnings.warn(
            f"indotag.to_spacy: {len(report['unaligned'])} span(s) of record "
            f"{record.get('id')!r} cut a token and are not in the Doc (split_tokens=False); "
            "see doc.user_data['indotag']['unaligned']",
            stacklevel=2,
        )
    doc.user_data["indotag"] = report
    return doc


def _checked(record: Mapping[str, Any]) -> Tuple[str, List[Mapping[str, Any]]]:
    if "error" in record:
        raise ValueError(f"record {record.get('id')!r} is an error record: {record['error']}")
    text, tokens = record.get("text"), record.get("tokens")
    if text is None or tokens is None:
        raise ValueError(
            "to_spacy needs the record's `text` and `tokens`: tag with "
            "Tagger(text=True, tokens=True) (the defaults), or the command without "
            "--no-text/--no-tokens"
        )
    return text, tokens


class _Words:
    """The Doc's words and spaces, built token by token from the record's character offsets."""

    def __init__(self, text: str, cuts: Sequence[int], span_starts: Iterable[int]) -> None:
        self.text = text
        self.cuts = cuts
        self.span_starts = set(span_starts)
        self.words: List[str] = []
        self.spaces: List[bool] = []
        self.starts: List[int] = []  # character offset of each word
        self.is_gap: List[bool] = []
        self.split: List[List[Any]] = []
        self.pos = 0

    def _pieces(self, start: int, end: int) -> List[Tuple[int, int]]:
        inner = self.cuts[bisect_left(self.cuts, start + 1) : bisect_left(self.cuts, end)]
        edges = [start, *inner, end]
        return list(zip(edges, edges[1:]))

    def _add(self, start: int, end: int, gap: bool) -> None:
        self.words.append(self.text[start:end])
        self.spaces.append(False)
        self.starts.append(start)
        self.is_gap.append(gap)

    def gap(self, end: int) -> None:
        """The text from the last token to ``end``: one trailing space goes to the token,
        the rest becomes gap tokens."""
        start = self.pos
        if start >= end:
            return
        if (
            self.words
            and not self.is_gap[-1]
            and self.text[start] == " "
            and start not in self.span_starts
        ):
            self.spaces[-1] = True
            start += 1
        for a, b in self._pieces(start, end) if start < end else ():
            self._add(a, b, gap=True)
        self.pos = end

    def token(self, start: int, end: int) -> None:
        if start < self.pos or end <= start or end > len(self.text):
            raise ValueError(f"token at {start}..{end} overlaps the previous or is out of range")
        self.gap(start)
        pieces = self._pieces(start, end)
        if len(pieces) > 1:
            self.split.append([start, end, self.text[start:end]])
        for a, b in pieces:
            self._add(a, b, gap=False)
        self.pos = end


def _sent_starts(words: _Words, starts: Sequence[int]) -> List[Union[bool, int, None]]:
    """``is_sent_start`` per word: the first word at or after each sentence start; gap words
    before the first sentence join it."""
    flags: List[Union[bool, int, None]] = [False] * len(words.words)
    for s in starts:
        i = bisect_left(words.starts, s)
        if i < len(flags):
            flags[i] = True
    if flags:
        first = flags.index(True) if True in flags else 0
        if all(words.is_gap[:first]):
            flags[first] = False
        flags[0] = True
    return flags


def _add_entities(doc: Doc, entities: Sequence[Mapping[str, Any]], report: Dict[str, Any]) -> None:
    keys = ("id", "canonical", "kind", "source", "zone")
    spans: List[Span] = []
    attrs: Dict[str, List[Any]] = {k: [] for k in keys}
    for e in entities:
        span = doc.char_span(e["start"], e["end"], label=e["label"], kb_id=e.get("id") or "")
        if span is None:
            report["unaligned"].append(_where("entity", e))
            continue
        spans.append(span)
        for k in keys:
            attrs[k].append(e.get(k))
    doc.spans["entities"] = SpanGroup(doc, name="entities", attrs=attrs, spans=spans)
    kept = filter_spans(spans)
    if len(kept) < len(spans):
        kept_set = {(s.start, s.end) for s in kept}
        report["overlapping"] = [
            [s.start_char, s.end_char, s.label_, s.text]
            for s in spans
            if (s.start, s.end) not in kept_set
        ]
    doc.ents = kept


def _add_quotes(doc: Doc, quotes: Sequence[Mapping[str, Any]], report: Dict[str, Any]) -> None:
    quote_spans: List[Span] = []
    speaker_spans: List[Span] = []
    q_attrs: Dict[str, List[Any]] = {"speaker": [], "rule": [], "zone": [], "cue": []}
    s_attrs: Dict[str, List[Any]] = {"quote": [], "id": [], "canonical": []}
    for q in quotes:
        span = doc.char_span(q["start"], q["end"], label=q["kind"])
        if span is None:
            report["unaligned"].append(_where("quote", q))
            continue
        speaker_index = None
        sp = q.get("speaker")
        if sp:
            sp_span = doc.char_span(
                sp["start"], sp["end"], label=SPEAKER_LABEL, kb_id=sp.get("id") or ""
            )
            if sp_span is None:
                report["unaligned"].append(_where("speaker", sp))
            else:
                speaker_index = len(speaker_spans)
                speaker_spans.append(sp_span)
                s_attrs["quote"].append(len(quote_spans))
                s_attrs["id"].append(sp.get("id"))
                s_attrs["canonical"].append(sp.get("canonical"))
        cue = q.get("cue")
        quote_spans.append(span)
        q_attrs["speaker"].append(speaker_index)
        q_attrs["rule"].append(q.get("rule"))
        q_attrs["zone"].append(q.get("zone"))
        q_attrs["cue"].append([cue["start"], cue["end"], cue["text"]] if cue else None)
    doc.spans["quotes"] = SpanGroup(doc, name="quotes", attrs=q_attrs, spans=quote_spans)
    doc.spans["speakers"] = SpanGroup(doc, name="speakers", attrs=s_attrs, spans=speaker_spans)


def _add_zones(doc: Doc, zones: Iterable[Mapping[str, Any]]) -> None:
    spans = []
    for z in zones:
        span = doc.char_span(z["start"], z["end"], label=z["kind"], alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans["zones"] = SpanGroup(doc, name="zones", spans=spans)


def _where(what: str, span: Mapping[str, Any]) -> List[Any]:
    return [what, span["start"], span["end"], span.get("label") or span.get("kind"), span["text"]]


# Span extensions that follow the span groups' links.


def _index_in(group: str, span: Span) -> Optional[int]:
    spans = span.doc.spans.get(group)
    if spans is None:
        return None
    for i, s in enumerate(spans):
        if s.start == span.start and s.end == span.end and s.label == span.label:
            return i
    return None


def _speaker_of(span: Span) -> Optional[Span]:
    """The speaker span of a quote span (from ``doc.spans["quotes"]``), or ``None``."""
    i = _index_in("quotes", span)
    if i is None:
        return None
    j = span.doc.spans["quotes"].attrs["speaker"][i]
    speaker: Optional[Span] = None if j is None else span.doc.spans["speakers"][j]
    return speaker


def _quote_of(span: Span) -> Optional[Span]:
    """The quote span of a speaker span (from ``doc.spans["speakers"]``), or ``None``."""
    i = _index_in("speakers", span)
    if i is None:
        return None
    quote: Span = span.doc.spans["quotes"][span.doc.spans["speakers"].attrs["quote"][i]]
    return quote


def _canonical_of(span: Span) -> Optional[str]:
    """The canonical name of an entity or speaker span, or ``None``."""
    for group in ("speakers", "entities"):
        i = _index_in(group, span)
        if i is not None:
            canonical: Optional[str] = span.doc.spans[group].attrs["canonical"][i]
            return canonical
    return None


for _name, _getter in (
    ("indotag_speaker", _speaker_of),
    ("indotag_quote", _quote_of),
    ("indotag_canonical", _canonical_of),
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)


class IndotagComponent:
    """The ``indotag`` pipeline component: replaces each ``Doc`` with indotag's (see
    :func:`to_spacy`), keeping its ``user_data``. Put it first: the tokens of the pipeline's
    own tokenizer are replaced. ``nlp.pipe`` tags in parallel (``jobs`` threads).

    >>> import spacy
    >>> nlp = spacy.blank("id")
    >>> _ = nlp.add_pipe("indotag", config={"zones": ["body"]})
    >>> [e.text for e in nlp("Gempa mengguncang Cianjur, Jawa Barat.").ents]
    ['Cianjur', 'Jawa Barat']
    """

    def __init__(
        self,
        vocab: Vocab,
        gazetteers: Sequence[str] = (),
        default_gazetteers: bool = True,
        zones: Optional[Sequence[str]] = None,
        jobs: Optional[int] = None,
        batch_size: int = 128,
        split_tokens: bool = True,
    ) -> None:
        from . import Tagger

        self.vocab = vocab
        self.tagger = Tagger(gazetteers, default_gazetteers, zones)
        self.jobs = jobs
        self.batch_size = batch_size
        self.split_tokens = split_tokens

    def _convert(self, record: Mapping[str, Any], original: Doc) -> Doc:
        doc = to_spacy(record, self.vocab, split_tokens=self.split_tokens)
        for key, value in original.user_data.items():
            doc.user_data.setdefault(key, value)
        # The context of `nlp.pipe(..., as_tuples=True)` travels on the Doc.
        doc._context = getattr(original, "_context", None)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._convert(self.tagger.tag(doc.text), doc)

    def pipe(self, docs: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        originals: Deque[Doc] = deque()

        def texts() -> Iterator[str]:
            for d in docs:
                originals.append(d)
                yield d.text

        records = self.tagger.pipe(
            texts(), jobs=self.jobs, batch_size=batch_size or self.batch_size
        )
        for record in records:
            yield self._convert(record, originals.popleft())


@Language.factory(
    "indotag",
    default_config={
        "gazetteers": [],
        "default_gazetteers": True,
        "zones": None,
        "jobs": None,
        "batch_size": 128,
        "split_tokens": True,
    },
)
def make_indotag(
    nlp: Language,
    name: str,
    gazetteers: List[str],
    default_gazetteers: bool,
    zones: Optional[List[str]],
    jobs: Optional[int],
    batch_size: int,
    split_tokens: bool,
) -> IndotagComponent:
    """The factory behind ``nlp.add_pipe("indotag", config={...})`` (found by spaCy through
    the ``spacy_factories`` entry point); the config keys are :class:`IndotagComponent`'s."""
    return IndotagComponent(
        nlp.vocab, gazetteers, default_gazetteers, zones, jobs, batch_size, split_tokens
    )
