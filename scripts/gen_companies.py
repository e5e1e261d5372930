#!/usr/bin/env python3
"""Generate gazetteers/companies_idx.tsv: companies listed on the Indonesia Stock Exchange.

Source: the stock list shipped inside the PyPI package `investpy` 1.0.8 (MIT; its
`investpy/resources/stocks.csv`, rows with country `indonesia`: ticker, ISIN, company name, as
listed by Investing.com in January 2022). No maintained PyPI or npm package that ships the IDX
listing was found; this is the most complete one that does (about 660 of the ~950 listed
companies; later listings are missing and a few delisted ones remain).

Names, as Indonesian news writes them:
- canonical: the company name without `PT`, `Tbk` and `Persero` (`Bank Maspion Indonesia`,
  `Semen Baturaja`), as organizations.tsv writes companies (`Aneka Tambang`, `Bukit Asam`);
  aliases: `PT X`, `X Tbk`, `PT X Tbk`, and for state-owned ones `PT X (Persero) Tbk`,
  `X (Persero)`. The package writes some acronyms in Title Case (`Bank Ocbc Nisp`); a word is
  written in capitals when the corpus evidence writes it so more often (`OCBC NISP`) or it
  has no vowel (`FKS`);
- a one-word name (`Humpuss`) is kept bare only when it is not ordinary vocabulary (the corpus
  evidence writes it in lower case at most twice, and data/common_words.tsv does not list it);
  otherwise the canonical is `PT X` and only the `PT`/`Tbk` forms are kept;
- the ticker (`BBRI`) is an alias when it is not an ordinary word or a name: its lower-case and
  Title Case forms each occur at most twice in the corpus evidence, it is not a common word,
  and, when the corpus writes it in capitals at all, at least half of those uses follow a stock
  word within three words (`saham`, `emiten`, `kode`, `Tbk`, `IDX`, `BEI`): `IPTV` is mostly the
  technology, `BIRD` an English word; those are left out;
- a company is skipped when one of its forms is already a form of another gazetteer (the
  hand-written entry wins: `Bank Mandiri`, `Garuda Indonesia`), when a name is truncated by the
  source (`Bentoel Int`, `Steel Pipe Ind`), for preferred shares (`_p` tickers), and as listed
  in scripts/company_overrides.tsv (`curated ID`: the hand-written entry of that id is this
  company, under another name, and carries the ticker; `drop`: left out, with the reason).
  The tickers of hand-written entries are written there by hand, checked by the same ticker
  rule (the script prints the verdict for each).

scripts/company_evidence.tsv holds the counts (never text): per word, its lower-case, Title
Case and upper-case occurrences in a news corpus, and the upper-case ones after a stock word.

Usage (from the repository root; the network is needed only to download the package):
    pip download --no-deps --no-binary :all: investpy==1.0.8 -d /tmp/investpy
    python3 scripts/gen_companies.py /tmp/investpy/investpy-1.0.8.tar.gz [--corpus NEWS.jsonl]
With --corpus, the evidence is recounted from that JSON Lines corpus (a "text" field per line).
Standard library only; deterministic.
"""
import collections
import csv
import io
import json
import os
import re
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZ = os.path.join(ROOT, "gazetteers")
OUT = os.path.join(GAZ, "companies_idx.tsv")
HEADER = "id\tlabel\tkind\tcanonical\taliases\tpriority"
EVIDENCE = os.path.join(ROOT, "scripts", "company_evidence.tsv")
OVERRIDES = os.path.join(ROOT, "scripts", "company_overrides.tsv")
CSV_MEMBER = "investpy-1.0.8/investpy/resources/stocks.csv"
SLUG_RE = re.compile(r"[^a-z0-9]+")
WORD_RE = re.compile(r"[A-Za-z0-9]+")
STOCK_WORDS = {"saham", "emiten", "kode", "tbk", "idx", "bei", "ihsg", "investor", "harga", "persen"}
# Words on either side of a ticker written in capitals that are searched for a stock word or
# another ticker (lists: "BBRI, BMRI dan BBNI").
STOCK_WINDOW = 8
# Words the source cut short: a name holding one is not how anybody writes the company.
TRUNCATED = {"Int", "Ind", "Inv", "Dev", "Develop", "Infr", "Fin", "Prf", "Trans"}
SMALL_WORDS = {"Of": "of", "And": "and", "Dan": "dan", "The": "the"}
# Source forms that only mark the legal form.
LEGAL = {"PT", "Pt", "TBK", "Tbk", "Persero", "(Persero)"}
MAX_WORD_USES = 2
NAME_EVIDENCE = os.path.join(ROOT, "scripts", "company_name_evidence.tsv")
SENT_RE = re.compile(r"[.!?\n\"“”()]+")
TOKEN_RE = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")
MIN_NAME_USES = 3
PLACE_WORDS = {"di", "ke", "dari", "kawasan", "kota", "wilayah", "daerah", "sekitar", "menuju"}
# A ticker seen this often in capitals is judged by its contexts, not by its Title Case uses
# (Sido Muncul's SIDO, Wijaya Karya's WIKA are names too).
MIN_TICKER_USES = 3


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line == HEADER:
                continue
            yield line.split("\t")


def existing_forms():
    """Every surface form (lower case) and id of the other gazetteers, by form."""
    forms, ids = {}, set()
    for name in sorted(os.listdir(GAZ)):
        path = os.path.join(GAZ, name)
        if not name.endswith(".tsv") or path == OUT:
            continue
        for row in read_tsv(path):
            ids.add(row[0])
            for n in [row[3]] + [a for a in row[4].split("|") if a]:
                forms.setdefault(n.lower(), row[0])
    return forms, ids


def common_words():
    """data/common_words.tsv words news writes in lower case at least a fifth as often as
    capitalised (the rule of gen_places.py)."""
    common = set()
    for row in read_tsv(os.path.join(ROOT, "data", "common_words.tsv")):
        word, low, cap = row[0], int(row[1]), int(row[2])
        if low >= 3 and low * 5 >= cap:
            common.add(word)
    return common


def read_overrides():
    out = {}
    if os.path.exists(OVERRIDES):
        for row in read_tsv(OVERRIDES):
            out[row[0]] = row[1]
    return out


def stocks(package):
    """Rows (ticker, ISIN, full name) for Indonesia from the investpy sdist or its stocks.csv."""
    if package.endswith(".csv"):
        text = open(package, encoding="utf-8").read()
    else:
        with tarfile.open(package) as tar:
            text = tar.extractfile(CSV_MEMBER).read().decode("utf-8")
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r["country"] == "indonesia"]
    return sorted((r["symbol"], r["isin"], r["full_name"]) for r in rows)


def base_name(full):
    """(name without PT/Tbk/Persero, state-owned?) from the source's full name."""
    words = full.split()
    persero = any(w.strip("()") == "Persero" for w in words)
    words = [w for w in words if w not in LEGAL]
    return " ".join(words), persero


def recase(name, evidence, tickers):
    """Fix the source's Title Case acronyms from the evidence, and lower the small words."""
    out = []
    for i, w in enumerate(name.split()):
        _, title, upper, stock = evidence.get(w.upper(), (0, 0, 0, 0))
        if w.upper() in tickers:
            # Capitals near stock words are then the ticker (SIDO of Sido Muncul), not the name.
            upper -= stock
        if i > 0 and w in SMALL_WORDS:
            w = SMALL_WORDS[w]
        elif w.istitle() and len(w) <= 4 and (not re.search(r"[aeiouy]", w) or upper >= max(title, 1)):
            w = w.upper()
        out.append(w)
    return " ".join(out)


def word_like(word, evidence, common):
    """True when `word` is ordinary vocabulary: news writes it in lower case."""
    low = evidence.get(word.upper(), (0, 0, 0, 0))[0]
    return word.lower() in common or low > MAX_WORD_USES


def safe_ticker(ticker, evidence, common, forms):
    """A ticker is an alias when it is no word, no other form, and written in capitals mostly
    as a ticker. Returns (safe, reason)."""
    if not re.fullmatch(r"[A-Z]{4}", ticker):
        return False, "not four letters"
    if ticker.lower() in forms:
        return False, f"a form of {forms[ticker.lower()]}"
    if word_like(ticker, evidence, common):
        return False, "a word"
    _, title, upper, stock = evidence.get(ticker, (0, 0, 0, 0))
    if upper < MIN_TICKER_USES and title > MAX_WORD_USES:
        return False, "a name, rarely seen as a ticker"
    if upper >= MIN_TICKER_USES and stock * 4 < upper:
        return False, f"capitals mostly not a ticker ({stock}/{upper})"
    return True, f"ok ({stock}/{upper})"


def slug(text):
    return SLUG_RE.sub("-", text.lower()).strip("-")


def company(ticker, full, ctx):
    """The row for one listed company, or (None, reason)."""
    evidence, name_evidence, common, forms, ids, tickers = ctx
    base, persero = base_name(full)
    if any(w in TRUNCATED for w in base.split()):
        return None, "name truncated by the source"
    base = recase(base, evidence, tickers)
    bare = " " in base or not (word_like(base, evidence, common) or base.isupper())
    names = [base, f"PT {base}", f"{base} Tbk", f"PT {base} Tbk"]
    if persero:
        names += [f"PT {base} (Persero) Tbk", f"{base} (Persero)", f"PT {base} (Persero)"]
    clash = [n for n in names if n.lower() in forms]
    if not bare:
        names.remove(base)
    elif runs_on(base, name_evidence):
        # "Bank Mega" of "Bank Mega Syariah", the township Sentul City: only the forms with Tbk
        # are distinctive.
        names = [n for n in names if "Tbk" in n or "Persero" in n]
        names.insert(0, names.pop(names.index(f"PT {base} Tbk")))
    if clash:
        return None, f"{clash[0]!r} is a form of {forms[clash[0].lower()]}"
    ok, _ = safe_ticker(ticker, evidence, common, forms)
    if ok:
        names.append(ticker)
    rid = slug(base)
    if rid in ids:
        rid = f"{rid}-{ticker.lower()}"
    kind = "bank" if "Bank" in base.split() else "company"
    return (rid, "ORG", kind, names[0], names[1:]), None


def count_evidence(corpus, words, tickers):
    """Per word of `words` (upper case): its lower-case, Title Case and upper-case uses in the
    corpus, and the upper-case ones within three words after a stock word."""
    counts = collections.defaultdict(lambda: [0, 0, 0, 0])
    for line in open(corpus, encoding="utf-8"):
        toks = WORD_RE.findall(json.loads(line).get("text", ""))
        for i, t in enumerate(toks):
            key = t.upper()
            if key not in words:
                continue
            c = counts[key]
            if t == key:
                c[2] += 1
                near = toks[max(0, i - STOCK_WINDOW):i + STOCK_WINDOW + 1]
                if any(p.lower() in STOCK_WORDS or (p != t and p in tickers) for p in near):
                    c[3] += 1
            elif t == t.lower():
                c[0] += 1
            elif t == t.capitalize():
                c[1] += 1
    with open(EVIDENCE, "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED by scripts/gen_companies.py --corpus (counts only, never text).\n")
        f.write("# word\tlower case\tTitle Case\tUPPER CASE\tupper case after a stock word\n")
        for w in sorted(counts):
            f.write(w + "\t" + "\t".join(map(str, counts[w])) + "\n")


def count_name_evidence(corpus, names):
    """Per name of `names`: its uses in the corpus as written, and those running on into a
    longer capitalised name (the next token a capitalised word other than Tbk/Persero)."""
    wanted = {tuple(n.split()) for n in names}
    longest = max(len(w) for w in wanted)
    uses, runon, place = collections.Counter(), collections.Counter(), collections.Counter()
    for line in open(corpus, encoding="utf-8"):
        for sent in SENT_RE.split(json.loads(line).get("text", "")):
            toks = TOKEN_RE.findall(sent)
            for i in range(len(toks)):
                if not toks[i][:1].isupper():
                    continue
                for n in range(2, longest + 1):
                    key = tuple(toks[i:i + n])
                    if len(key) < n:
                        break
                    if key not in wanted:
                        continue
                    name = " ".join(key)
                    uses[name] += 1
                    after = toks[i + n] if i + n < len(toks) else ""
                    if after[:1].isupper() and after not in LEGAL:
                        runon[name] += 1
                    if i > 0 and toks[i - 1].lower() in PLACE_WORDS:
                        place[name] += 1
    with open(NAME_EVIDENCE, "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED by scripts/gen_companies.py --corpus (counts only, never text).\n")
        f.write("# name\tuses as written\tfollowed by another capitalised word\tafter a place word\n")
        for name in sorted(uses):
            f.write(f"{name}\t{uses[name]}\t{runon[name]}\t{place[name]}\n")


def read_name_evidence():
    ev = {}
    if os.path.exists(NAME_EVIDENCE):
        for row in read_tsv(NAME_EVIDENCE):
            ev[row[0]] = (int(row[1]), int(row[2]), int(row[3]))
    return ev


def runs_on(name, name_evidence):
    """True when news mostly writes `name` as the start of a longer name, or often as a place
    (a township named like its developer: di Lippo Karawaci, di Sentul City)."""
    uses, runon, place = name_evidence.get(name, (0, 0, 0))
    return uses >= MIN_NAME_USES and (runon * 2 >= uses or place * 5 >= uses)


def read_evidence():
    ev = {}
    if os.path.exists(EVIDENCE):
        for row in read_tsv(EVIDENCE):
            ev[row[0]] = tuple(int(x) for x in row[1:5])
    return ev


def rename(ticker, full, overrides):
    """The full name, or the current one an override gives (`name NEW NAME`)."""
    action = overrides.get(ticker, "")
    return action[len("name "):] if action.startswith("name ") else full


def candidate_words(rows, overrides):
    words = {t for t in overrides}
    for ticker, _, full in rows:
        words.add(ticker)
        words.update(w.upper() for w in WORD_RE.findall(full))
    return words


def main():
    args = sys.argv[1:]
    corpus = None
    if "--corpus" in args:
        i = args.index("--corpus")
        corpus = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    overrides = read_overrides()
    rows = [(t, i, rename(t, f, overrides)) for t, i, f in stocks(args[0])]
    if corpus:
        count_evidence(corpus, candidate_words(rows, overrides), {r[0] for r in rows})
    evidence = read_evidence()
    tickers = {t for t, _, _ in rows}
    if corpus:
        bases = {recase(base_name(f)[0], evidence, tickers) for _, _, f in rows}
        count_name_evidence(corpus, {b for b in bases if " " in b})
    forms, ids = existing_forms()
    common = common_words()
    ctx = (evidence, read_name_evidence(), common, forms, ids, tickers)
    out, skipped = [], collections.Counter()
    for ticker, _, full in rows:
        action = overrides.get(ticker)
        if action and action.startswith("name "):
            action = None
        if "_" in ticker:
            skipped["preferred share"] += 1
            continue
        if action:
            ok, why = safe_ticker(ticker, evidence, common, {})
            print(f"{ticker}: {action}; ticker {'safe' if ok else 'unsafe'}: {why}", file=sys.stderr)
            skipped[action.split()[0]] += 1
            continue
        row, reason = company(ticker, full, ctx)
        if row is None:
            ok, why = safe_ticker(ticker, evidence, common, {})
            print(f"{ticker} {full!r}: skipped, {reason}; ticker {'safe' if ok else 'unsafe'}: {why}",
                  file=sys.stderr)
            skipped[reason.split(",")[0] if "form of" not in reason else "form of another entry"] += 1
            continue
        out.append(row)
        forms.update((n.lower(), row[0]) for n in [row[3]] + row[4])
        ids.add(row[0])
    write(out)
    print(f"{OUT}: {len(out)} companies; skipped {dict(skipped)}", file=sys.stderr)


def write(rows):
    rows.sort(key=lambda r: r[0])
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# companies_idx.tsv - GENERATED by scripts/gen_companies.py; do not edit.\n")
        f.write("# Companies listed on the Indonesia Stock Exchange (PyPI investpy 1.0.8 stock list).\n")
        f.write(HEADER + "\n")
        for rid, label, kind, canonical, aliases in rows:
            f.write(f"{rid}\t{label}\t{kind}\t{canonical}\t{'|'.join(aliases)}\t\n")


if __name__ == "__main__":
    main()
