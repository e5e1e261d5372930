"""Checks that a distributed run's output (its parts concatenated in order) is a single run's.

    python examples/distributed/check.py SINGLE.jsonl DISTRIBUTED.jsonl PARTS

Byte-identical is the claim for every tagged record; an error record is the same but for where
its message says the line was (`FILE:LINE:` of the whole file, `-:LINE:` of a partition). The
rest is to say what differs: the number of records, the ids (a record without an id in the input
must get the same content-hash id in every partition), the first record that differs.
"""

import json
import re
import sys

WHERE = re.compile(r'("error":")[^"]*?:\d+: ')


def comparable(line):
    """The line with an error message's location taken out."""
    return WHERE.sub(r"\1", line, count=1)


def main():
    single_path, dist_path, parts = sys.argv[1], sys.argv[2], int(sys.argv[3])
    single = open(single_path, encoding="utf-8").read().splitlines()
    dist = open(dist_path, encoding="utf-8").read().splitlines()
    problems = []
    if parts < 2:
        problems.append(f"only {parts} partition: the test proves nothing")
    if len(single) != len(dist):
        problems.append(f"{len(dist)} records, a single run wrote {len(single)}")
    ids_single = [json.loads(line)["id"] for line in single]
    ids_dist = [json.loads(line)["id"] for line in dist]
    if ids_single != ids_dist:
        problems.append("the ids differ")
    hashed = sum(1 for i in ids_single if i.startswith("xxh3:"))
    errors = sum(1 for line in single if '"error":' in line and json.loads(line).get("error"))
    if hashed == 0 or errors == 0:
        problems.append(f"the corpus lacks records without id ({hashed}) or error records ({errors})")
    for n, (a, b) in enumerate(zip(single, dist)):
        if comparable(a) != comparable(b):
            problems.append(f"record {n + 1} differs:\n  single: {a[:200]}\n  distributed: {b[:200]}")
            break
    if problems:
        print("distributed output differs from a single run:\n- " + "\n- ".join(problems), file=sys.stderr)
        sys.exit(1)
    print(f"{len(single)} records ({hashed} with content-hash ids, {errors} error records), "
          f"{parts} partitions: identical (error messages aside from their FILE:LINE)", file=sys.stderr)


if __name__ == "__main__":
    main()
