"""Speaker accuracy of an indotag run on a hand-labelled sample of bulk-corpus quotes.

    indotag tag ../shared/corpus/bulk.jsonl --no-tokens -q > run.jsonl
    python3 eval/speaker-samples/score.py eval/speaker-samples/sample8.tsv run.jsonl [--show]

Each sample line names a direct quote of the bulk corpus (document id, start and end) and the
speaker a reader gave it: a full name, a body, `ROLE: <words>` for an unnamed person, or NONE.
The run's quote that overlaps the labelled span is scored:
- right: the run's canonical speaker has the same words as the label (titles such as Dr, H
  ignored) or more of them (`Anies Rasyid Baswedan` for a label `Anies`); for ROLE and NONE,
  the run gives no canonical name;
- partial: the run's words are a part of the label's (`Okan` for `Okan Buruk`);
- wrong: anything else, no speaker included.
`-nya` cues (ujarnya, katanya) are also counted apart. See README.md here for how the samples
were drawn and labelled.
"""
import json
import re
import sys
import unicodedata

IGNORED = {"h", "hj", "dr", "ir", "prof", "kh"}


def words(s):
    # (a typographic apostrophe is the same letter: `Ruba’i` is `Ruba'i`)
    s = unicodedata.normalize("NFKC", s).lower().replace("\u2019", "'")
    return {w for w in re.findall(r"[\w']+", s) if w not in IGNORED}


def main():
    sample, run = sys.argv[1], sys.argv[2]
    show = "--show" in sys.argv
    items = []
    for line in open(sample, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        qid, doc, start, end, label = line.rstrip("\n").split("\t")
        items.append((qid, doc, int(start), int(end), label.strip()))
    wanted = {it[1] for it in items}
    docs = {}
    for line in open(run, encoding="utf-8"):
        d = json.loads(line)
        if d.get("id") in wanted:
            docs[d["id"]] = d
    total = {"right": 0, "partial": 0, "wrong": 0}
    nya = {"right": 0, "partial": 0, "wrong": 0}
    for qid, doc, s, e, label in items:
        d = docs.get(doc, {"quotes": []})
        qs = [q for q in d["quotes"] if q["start"] < e and s < q["end"]]
        q = min(qs, key=lambda q: abs(q["start"] - s)) if qs else None
        sp = (q or {}).get("speaker") or {}
        name = sp.get("canonical") or ""
        cue = ((q or {}).get("cue") or {}).get("text", "")
        if label == "NONE" or label.startswith("ROLE:"):
            verdict = "right" if not name or not sp.get("id") else "wrong"
        else:
            g, r = words(label), words(name)
            verdict = "right" if r and g <= r else "partial" if r and r < g else "wrong"
        total[verdict] += 1
        if cue.lower().endswith("nya"):
            nya[verdict] += 1
        if show and verdict != "right":
            print(f"{qid}\t{verdict}\t{label}\t{name}\t{sp.get('text', '')}\t{cue}\t{doc}")
    for title, c in (("all", total), ("-nya cues", nya)):
        n = sum(c.values())
        if n:
            print(f"{title}: right {c['right']}/{n} = {c['right'] / n:.3f}, "
                  f"with partial {(c['right'] + c['partial']) / n:.3f}")


if __name__ == "__main__":
    main()
