"""How well records become spaCy Docs on a corpus: a measurement, not a test.

    python python/tools/spacy_alignment.py ../shared/corpus/articles
    python python/tools/spacy_alignment.py --max-bytes 2000000 ../shared/corpus/bulk.jsonl

Tags the documents (text files: one document each; .jsonl: one per line, the first
--max-bytes bytes of lines), builds a Doc of each with to_spacy, and counts: documents whose
doc.text equals the text; entities, quotes and speakers that became spans with exactly their
text; tokens split because an entity or quote edge cut them (and the entities concerned); and,
with split_tokens=False, the spans that could not align and were reported instead.
"""

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

import spacy

import indotag


def documents(paths, max_bytes):
    for path in paths:
        path = Path(path)
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for f in files:
            if f.suffix == ".jsonl":
                used = 0
                with open(f, encoding="utf-8") as lines:
                    for line in lines:
                        if max_bytes and used >= max_bytes:
                            break
                        used += len(line.encode("utf-8"))
                        yield json.loads(line)
            else:
                yield {"id": str(f), "text": f.read_text(encoding="utf-8")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--max-bytes", type=int, default=0, help="of each .jsonl (0: all)")
    args = parser.parse_args()
    nlp = spacy.blank("id")
    tagger = indotag.Tagger()
    n = {k: 0 for k in (
        "docs", "errors", "text_equal", "entities", "entity_spans_exact", "quotes",
        "quote_spans_exact", "speakers", "speaker_spans_exact", "split_tokens",
        "entities_in_split_tokens", "unaligned_without_split", "unaligned_with_split",
        "overlapping", "gap_tokens", "zero_width_gaps",
    )}
    examples = []
    start = time.perf_counter()
    for record in tagger.pipe(documents(args.paths, args.max_bytes)):
        if "error" in record:
            n["errors"] += 1
            continue
        n["docs"] += 1
        doc = indotag.to_spacy(record, nlp)
        n["text_equal"] += doc.text == record["text"]
        ents = {(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents}
        for e in record["entities"]:
            n["entities"] += 1
            n["entity_spans_exact"] += (e["start"], e["end"], e["text"], e["label"]) in ents
        quotes = {(q.start_char, q.end_char, q.text) for q in doc.spans["quotes"]}
        speakers = {(s.start_char, s.end_char, s.text) for s in doc.spans["speakers"]}
        for q in record["quotes"]:
            n["quotes"] += 1
            n["quote_spans_exact"] += (q["start"], q["end"], q["text"]) in quotes
            if q["speaker"]:
                sp = q["speaker"]
                n["speakers"] += 1
                n["speaker_spans_exact"] += (sp["start"], sp["end"], sp["text"]) in speakers
        report = doc.user_data["indotag"]
        n["split_tokens"] += len(report["split_tokens"])
        n["unaligned_with_split"] += len(report["unaligned"])
        n["overlapping"] += len(report["overlapping"])
        for s, e, text in report["split_tokens"]:
            inside = [x for x in record["entities"] if s < x["start"] < e or s < x["end"] < e]
            n["entities_in_split_tokens"] += len(inside)
            examples.append((text, [x["text"] for x in inside]))
        for t in doc:
            if t.text.isspace() or not t.text.strip("\u200b\u2060\ufeff \n\t\r"):
                n["gap_tokens"] += 1
                n["zero_width_gaps"] += any(c in t.text for c in "\u200b\u2060\ufeff")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            whole = indotag.to_spacy(record, nlp, split_tokens=False)
        n["unaligned_without_split"] += len(whole.user_data["indotag"]["unaligned"])
    n["seconds"] = round(time.perf_counter() - start, 1)
    json.dump(n, sys.stdout, indent=1)
    print()
    for text, inside in examples:
        print(f"split {text!r}: {inside}")


if __name__ == "__main__":
    main()
