"""Tag a JSONL corpus with indotag under Spark, one indotag process per partition.

    spark-submit tag_corpus.py INPUT.jsonl OUTPUT_DIR [--indotag PATH] [--partitions N]
                               [--flag --no-tokens ...]

Each partition's lines are piped through `indotag tag --input-format jsonl --jobs 1 -` (RDD.pipe):
one core per task, as Spark schedules it. The output directory holds one `part-NNNNN` per
partition; concatenated in order they are exactly what one `indotag tag INPUT.jsonl` writes
(records in input order, ids that do not depend on the partitioning).

Flags that matter under an engine:
- `--jobs 1`: Spark already runs one task per core; more threads per task oversubscribe.
- `--exit-zero-on-errors`: a document that fails gets an error record in the output, and the
  task does not fail for it (checkCode=True below still fails it on a real failure: a bad flag,
  an unreadable gazetteer, a crash).
- `--quiet`: no summary line per task in the executors' logs.
"""

import argparse
import shlex

from pyspark.sql import SparkSession


def indotag_command(binary, flags):
    cmd = [binary, "tag", "--input-format", "jsonl", "--jobs", "1", "--exit-zero-on-errors",
           "--quiet", *flags, "-"]
    return " ".join(shlex.quote(c) for c in cmd)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSONL corpus (any path Spark reads: file, HDFS, S3)")
    ap.add_argument("output", help="output directory (must not exist)")
    ap.add_argument("--indotag", default="indotag",
                    help="the indotag binary on the executors: on PATH, or ./indotag when shipped "
                         "with spark-submit --files, or ./indotag.d/indotag with --archives")
    ap.add_argument("--partitions", type=int, default=None, help="minimum number of partitions")
    ap.add_argument("--flag", action="append", default=[],
                    help="extra indotag flag, e.g. --flag=--no-tokens (repeatable)")
    args = ap.parse_args()

    spark = SparkSession.builder.appName("indotag").getOrCreate()
    sc = spark.sparkContext
    if args.partitions:
        lines = sc.textFile(args.input, minPartitions=args.partitions)
    else:
        lines = sc.textFile(args.input)
    tagged = lines.pipe(indotag_command(args.indotag, args.flag), checkCode=True)
    tagged.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
