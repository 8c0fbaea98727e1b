"""Score every profile against every posting on Spark (``mapInPandas``): local mode, a cluster,
or Databricks; the default for teams whose data already lives in Spark.

    pip install 'fitscore[spark]'
    python examples/spark_score.py PROFILES_DIR POSTINGS OUT_DIR --today 2026-11-30

PROFILES_DIR holds profile YAML files; they are broadcast to the executors as texts. POSTINGS
is a Parquet file or folder, or a JSONL file, with columns ``id`` and ``text`` (one posting's
YAML). Each Python worker builds its scoring state once (``fitscore.batch.shared_batch``: one
matcher, one scorer per profile) and scores every Arrow batch of postings it is handed against
all the profiles. The rows (OUT_DIR, Parquet) are those of ``fitscore batch``, in its order.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fitscore.batch import Batch, shared_batch
from fitscore.reports import BATCH_COLUMN_NAMES, BATCH_COLUMNS

SPARK_TYPES = {"int": "long", "float": "double", "string": "string"}
ROW_SCHEMA = ", ".join(f"{name} {SPARK_TYPES[kind]}" for name, kind in BATCH_COLUMNS)
ORDER = ("profile_id", "posting_id", "error_line", "error_column")


def read_profiles(folder: Path) -> list[tuple[str, str]]:
    """(id, YAML text) of every profile file in ``folder``; the id is the file's path."""
    paths = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return [(str(path), path.read_text(encoding="utf-8")) for path in paths]


def session(cores: int = 2) -> Any:
    """A local Spark session whose Python workers run this interpreter (and its fitscore)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("fitscore")
        .config("spark.sql.shuffle.partitions", str(2 * cores))
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )


def score(
    spark: Any, profiles: list[tuple[str, str]], postings: str, today: str, partitions: int = 0
) -> Any:
    """A DataFrame of every row (pairs, posting errors, profile errors), in order."""
    import pandas

    shared = spark.sparkContext.broadcast(profiles)

    def score_batches(frames: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
        state = shared_batch(shared.value, today=dt.date.fromisoformat(today))
        for frame in frames:
            rows = state.rows(zip(frame["id"].astype(str), frame["text"].astype(str), strict=True))
            yield _frame([row.to_record() for row in rows])

    reader = spark.read.json if postings.endswith((".jsonl", ".json")) else spark.read.parquet
    source = reader(postings).select("id", "text")
    if partitions:
        source = source.repartition(partitions)
    rows = source.mapInPandas(score_batches, schema=ROW_SCHEMA)
    # Profiles that cannot be read are reported once, by the driver, not by every partition.
    errors = Batch(profiles, today=dt.date.fromisoformat(today)).profile_errors
    if errors:
        values = [tuple(row.to_record().values()) for row in errors]
        error_frame = spark.createDataFrame(values, ROW_SCHEMA)
        rows = rows.unionByName(error_frame)
    return rows.orderBy(*ORDER)


def _frame(records: list[dict[str, object]]) -> Any:
    import pandas

    frame = pandas.DataFrame.from_records(records, columns=list(BATCH_COLUMN_NAMES))
    for name, kind in BATCH_COLUMNS:
        # Nullable types keep an error row's empty columns empty (not NaN, not 0).
        frame[name] = frame[name].astype({"int": "Int64", "float": "Float64"}.get(kind, "object"))
    return frame


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("profiles", type=Path)
    parser.add_argument("postings")
    parser.add_argument("out")
    parser.add_argument("--today", required=True, help="YYYY-MM-DD: the date rows are judged by")
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=0)
    arguments = parser.parse_args()
    spark = session(arguments.cores)
    try:
        rows = score(
            spark,
            read_profiles(arguments.profiles),
            arguments.postings,
            arguments.today,
            arguments.partitions,
        )
        rows.write.mode("overwrite").parquet(arguments.out)
        print(f"wrote the rows to {arguments.out}")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
