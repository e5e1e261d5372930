"""Tag a JSONL corpus with indotag under Dask (dask.bag), one indotag process per partition.

    python tag_corpus.py INPUT.jsonl OUTPUT_DIR [--indotag PATH] [--blocksize 1MB]
                         [--workers N] [--flag --no-tokens ...]

The corpus is cut into blocks at line boundaries (dask.bag.read_text); each block's lines are
piped through `indotag tag --input-format jsonl --jobs 1 -`; each block's records go to its own
`OUTPUT_DIR/NNNN.jsonl`. Concatenated in order, these are exactly what one
`indotag tag INPUT.jsonl` writes: records in input order, ids that do not depend on the blocks.
The same code runs on a dask.distributed cluster (give the workers the binary on PATH).
"""

import argparse
import os
import subprocess

import dask
import dask.bag as db


def tag_partition(lines, command, path):
    """Pipes one partition's lines through indotag into the file `path`; returns its size."""
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    # --exit-zero-on-errors: a failed document is an error record, not a failed task; any other
    # non-zero status is a real failure, and check=True makes it fail the task.
    with open(path, "wb") as out:
        subprocess.run(command, input=text.encode("utf-8"), stdout=out, check=True)
    return os.path.getsize(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSONL corpus (any path fsspec reads)")
    ap.add_argument("output", help="output directory")
    ap.add_argument("--indotag", default="indotag", help="the indotag binary")
    ap.add_argument("--blocksize", default="1MB", help="bytes per partition (default 1MB)")
    ap.add_argument("--workers", type=int, default=os.cpu_count(), help="worker processes")
    ap.add_argument("--flag", action="append", default=[],
                    help="extra indotag flag, e.g. --flag=--no-tokens (repeatable)")
    args = ap.parse_args()

    command = [args.indotag, "tag", "--input-format", "jsonl", "--jobs", "1",
               "--exit-zero-on-errors", "--quiet", *args.flag, "-"]
    lines = db.read_text(args.input, blocksize=args.blocksize, encoding="utf-8")
    os.makedirs(args.output, exist_ok=True)
    # One task per partition, each writing its own file: indotag's output as it is, newline
    # after every record, so the files concatenate into one JSONL.
    tasks = [
        dask.delayed(tag_partition)(part, command, os.path.join(args.output, f"{i:05d}.jsonl"))
        for i, part in enumerate(lines.to_delayed())
    ]
    with dask.config.set(scheduler="processes", num_workers=args.workers):
        sizes = dask.compute(*tasks)
    print(f"{len(sizes)} partitions, {sum(sizes)} bytes written to {args.output}")


if __name__ == "__main__":
    main()
