#!/usr/bin/env python3
"""Generate gazetteers/countries.tsv from CLDR territory names (Indonesian) via babel.

Usage (from the repository root):
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install babel
    /tmp/venv/bin/python scripts/gen_countries.py

Deterministic: output sorted by id; re-running overwrites the file with the same content
(for the same babel/CLDR version). Press variants come from scripts/country_variants.tsv.
"""
import os
import re
import sys
import unicodedata

import babel
from babel import Locale

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VARIANTS = os.path.join(ROOT, "scripts", "country_variants.tsv")
OUT = os.path.join(ROOT, "gazetteers", "countries.tsv")

# Not countries/territories: unknown, supranational, pseudo-locales, outlying-oceania grouping.
SKIP = {"ZZ", "EU", "UN", "EZ", "QO", "XA", "XB", "AQ"}  # AQ (Antarktika) is a continent in places.tsv

# Dependencies, special administrative regions, disputed or non-sovereign areas -> kind "territory".
TERRITORIES = {
    "AC", "AI", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CP", "CW", "CX", "DG",
    "EA", "EH", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IC", "IM",
    "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR",
    "RE", "SH", "SJ", "SX", "TA", "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT",
}

# Codes whose English CLDR name is used by the Indonesian press (in quotes, English-language
# names of bodies, wire copy) and is distinctive enough to be an alias. Names that are also
# ordinary English words or given names (Jordan, Chad, Georgia, Turkey, Niger, Guinea,
# Jersey, Dominica) are deliberately absent.
EN_ALIAS = {
    "US", "KP", "KR", "GB", "FR", "NL", "NZ", "RU", "AE", "SA", "PH", "SY", "UA", "KH", "SG",
    "EG", "IQ", "AF", "CZ", "CH", "IT", "ES", "SE", "NO", "FI", "PL", "GR", "BR", "MX", "MA",
    "DZ", "ET", "ZA", "IE", "IS", "BE", "LU", "CY", "HR", "LT", "MV", "KG", "AZ", "CU", "CO",
    "CL", "YE", "JP", "VA",
}

# CLDR Indonesian names that are not press forms: when a canonical override exists they are
# dropped instead of kept as an alias.
DROP_CLDR_NAME = {"CD", "CG", "GS", "HK", "MO", "MM", "CC"}

SLUG_RE = re.compile(r"[^a-z0-9]+")


def slug(name):
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return SLUG_RE.sub("-", s).strip("-")


def clean_en(name):
    # CLDR English short forms use "&" and "St."; skip those (not used as aliases).
    if "&" in name or "St." in name or "(" in name:
        return None
    return name


def read_variants():
    out = {}
    with open(VARIANTS, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2 or len(cols) > 3:
                sys.exit(f"{VARIANTS}:{n}: expected 2 or 3 columns")
            code = cols[0].strip()
            aliases = [a.strip() for a in cols[1].split("|") if a.strip()]
            canon = cols[2].strip() if len(cols) == 3 and cols[2].strip() else None
            if code in out:
                sys.exit(f"{VARIANTS}:{n}: duplicate code {code}")
            out[code] = (aliases, canon)
    return out


def main():
    idl = Locale("id")
    enl = Locale("en")
    variants = read_variants()
    rows = []
    seen_ids = {}
    for code, name in sorted(idl.territories.items()):
        if not re.fullmatch(r"[A-Z]{2}", code) or code in SKIP:
            continue
        aliases, canon = variants.get(code, ([], None))
        cldr = name.strip()
        canonical = canon or cldr
        alias_list = []
        if canon and canon != cldr and code not in DROP_CLDR_NAME:
            alias_list.append(cldr)
        alias_list.extend(aliases)
        if code in EN_ALIAS:
            en = clean_en(enl.territories.get(code, ""))
            if en:
                alias_list.append(en)
        final = []
        for a in alias_list:
            if a != canonical and a not in final and "|" not in a and "\t" not in a:
                final.append(a)
        if any(c in canonical for c in "&()") or " - " in canonical:
            sys.exit(f"{code}: canonical {canonical!r} needs an override in {VARIANTS}")
        kind = "territory" if code in TERRITORIES else "country"
        id_ = slug(canonical)
        if id_ in seen_ids:
            sys.exit(f"{code}: id {id_} already used by {seen_ids[id_]}")
        seen_ids[id_] = code
        rows.append((id_, "GPE", kind, canonical, "|".join(final), "", code))
    unknown = sorted(set(variants) - {r[6] for r in rows})
    if unknown:
        sys.exit(f"variants for unknown/skipped codes: {unknown}")
    rows.sort()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED FILE - do not edit by hand.\n")
        f.write("# Countries and territories (GPE) from CLDR Indonesian territory names"
                f" (babel {babel.__version__}), merged with scripts/country_variants.tsv.\n")
        f.write("# Regenerate: python3 -m venv /tmp/venv && /tmp/venv/bin/pip install babel"
                " && /tmp/venv/bin/python scripts/gen_countries.py\n")
        f.write("id\tlabel\tkind\tcanonical\taliases\tpriority\n")
        for r in rows:
            # The aliases field is empty when CLDR's name is the only form (the canonical is
            # always matched, and must not be repeated as an alias).
            f.write("\t".join(r[:6]) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
