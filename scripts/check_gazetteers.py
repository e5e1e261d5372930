#!/usr/bin/env python3
"""Validate gazetteers/*.tsv (stdlib only).

Usage: python3 scripts/check_gazetteers.py [FILE_OR_DIR ...]   (default: gazetteers/)

Checks: exact header; 6 tab-separated fields; label in PERSON/GPE/LOC/ORG and kind allowed for
the label; id a lowercase ASCII slug, unique across all files; no empty field except aliases and
priority; no leading/trailing spaces, tabs or `|` inside names; priority an integer; no alias
equal to its own canonical or repeated; the same surface form (alias or canonical, case-sensitive)
on two entries of the same label must have different priorities. Prints counts per file and label;
exits 1 on any error. Warnings (cross-label shared forms) do not fail the run.
"""
import collections
import glob
import os
import re
import sys

HEADER = "id\tlabel\tkind\tcanonical\taliases\tpriority"
KINDS = {
    "GPE": {"country", "territory", "province", "city", "regency", "district"},
    "LOC": {"region", "sea", "ocean", "island", "mountain", "river", "strait", "continent"},
    "ORG": {"intl_org", "news_agency", "government", "ministry", "agency", "legislature", "court",
            "military", "police", "party", "company", "bank", "university", "ngo", "sports"},
    "PERSON": {"person"},
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INT_RE = re.compile(r"^-?[0-9]+$")


def files_from_args(args):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not args:
        args = [os.path.join(root, "gazetteers")]
    out = []
    for a in args:
        if os.path.isdir(a):
            out.extend(sorted(glob.glob(os.path.join(a, "*.tsv"))))
        else:
            out.append(a)
    return out


def main():
    errors = []
    warnings = []
    ids = {}
    # surface form -> list of (label, priority, id, where)
    forms = collections.defaultdict(list)
    counts = collections.OrderedDict()

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    for path in files_from_args(sys.argv[1:]):
        name = os.path.basename(path)
        counts[name] = collections.Counter()
        try:
            text = open(path, encoding="utf-8").read()
        except UnicodeDecodeError as e:
            err(path, f"not UTF-8: {e}")
            continue
        header = False
        for n, raw in enumerate(text.split("\n"), 1):
            line = raw[:-1] if raw.endswith("\r") else raw
            where = f"{name}:{n}"
            if not line.strip() or line.startswith("#"):
                continue
            if not header:
                if line != HEADER:
                    err(where, "bad header")
                    break
                header = True
                continue
            f = line.split("\t")
            if len(f) != 6:
                err(where, f"expected 6 fields, got {len(f)}")
                continue
            id_, label, kind, canonical, aliases, prio = f
            for col, v in zip(("id", "label", "kind", "canonical"), (id_, label, kind, canonical)):
                if not v:
                    err(where, f"empty {col}")
            if any(v != v.strip() for v in f):
                err(where, "leading/trailing space in a field")
            if not ID_RE.match(id_):
                err(where, f"id {id_!r} is not a lowercase ASCII slug")
            if id_ in ids:
                err(where, f"duplicate id {id_!r} (first at {ids[id_]})")
            else:
                ids[id_] = where
            if label not in KINDS:
                err(where, f"unknown label {label!r}")
            elif kind not in KINDS[label]:
                err(where, f"kind {kind!r} not allowed for {label}")
            if "|" in canonical:
                err(where, "`|` in canonical")
            if prio and not INT_RE.match(prio):
                err(where, f"priority {prio!r} is not an integer")
            p = int(prio) if prio and INT_RE.match(prio) else 0
            al = aliases.split("|") if aliases else []
            seen = set()
            for a in al:
                if not a:
                    err(where, "empty alias (stray `|`)")
                    continue
                if a != a.strip() or "  " in a:
                    err(where, f"alias {a!r} has stray spaces")
                if a == canonical:
                    err(where, f"alias {a!r} repeats the canonical")
                if a in seen:
                    err(where, f"alias {a!r} repeated")
                seen.add(a)
            for form in [canonical] + [a for a in al if a]:
                forms[form].append((label, p, id_, where))
            counts[name][label] += 1
        if not header:
            err(name, "no header")

    for form, owners in sorted(forms.items()):
        uniq = {}
        for o in owners:
            uniq.setdefault(o[2], o)
        owners = list(uniq.values())
        if len(owners) < 2:
            continue
        by_label = collections.defaultdict(list)
        for o in owners:
            by_label[o[0]].append(o)
        for label, os_ in by_label.items():
            prios = collections.Counter(o[1] for o in os_)
            for pr, c in prios.items():
                if c > 1:
                    ids_ = ", ".join(f"{o[2]} ({o[3]})" for o in os_ if o[1] == pr)
                    err("collision", f"{form!r} ({label}) shared with equal priority {pr}: {ids_}")
        if len(by_label) > 1:
            warnings.append(f"{form!r} on several labels: " +
                            ", ".join(f"{o[2]}/{o[0]}" for o in owners))

    # Non-acronym forms also match in full upper case: warn when such a derived form lands on
    # another entity of the same label with the same priority (e.g. "Kontan" vs "KONTAN").
    upper = collections.defaultdict(set)
    for form, owners in forms.items():
        for o in owners:
            upper[form.upper()].add((o[0], o[1], o[2]))
    for uform, owners in sorted(upper.items()):
        by = collections.defaultdict(set)
        for label, pr, id_ in owners:
            by[(label, pr)].add(id_)
        for (label, pr), ids_ in sorted(by.items()):
            if len(ids_) > 1:
                warnings.append(f"upper-case form {uform!r} ({label}, priority {pr}) shared by "
                                + ", ".join(sorted(ids_)))

    total = collections.Counter()
    for name, c in counts.items():
        total.update(c)
        print(f"{name}: {sum(c.values())} entries  " +
              "  ".join(f"{k}={v}" for k, v in sorted(c.items())))
    print(f"TOTAL: {sum(total.values())} entries  " +
          "  ".join(f"{k}={v}" for k, v in sorted(total.items())) +
          f"  surface forms={len(forms)}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
