"""Score every profile against every posting with Dask (``dask.bag``), locally or on a cluster.

    pip install 'fitscore[dask]'
    python examples/dask_score.py PROFILES_DIR POSTINGS OUT --today 2026-11-30 [--workers 2]

PROFILES_DIR holds profile YAML files; they travel to every task as texts. POSTINGS is a JSONL
file of ``{"id": ..., "text": ...}`` objects (one posting's YAML a line) or a folder of posting
YAML files. OUT ends in ``.parquet`` (needs pyarrow) or ``.jsonl``. Each worker process builds
its scoring state once (``fitscore.batch.shared_batch``) and scores each of its partitions of
postings against all the profiles; the rows are those of ``fitscore batch``, in its order.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from fitscore.batch import Batch, shared_batch
from fitscore.reports import BATCH_COLUMNS

Record = dict[str, object]


def read_profiles(folder: Path) -> list[tuple[str, str]]:
    """(id, YAML text) of every profile file in ``folder``; the id is the file's path."""
    paths = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return [(str(path), path.read_text(encoding="utf-8")) for path in paths]


def read_posting_file(path: str) -> tuple[str, str]:
    return path, Path(path).read_text(encoding="utf-8")


def score_partition(
    postings: Iterable[tuple[str, str]], profiles: Sequence[tuple[str, str]], today: str
) -> list[Record]:
    """One partition of (id, text) postings against every profile: flat records."""
    state = shared_batch(profiles, today=dt.date.fromisoformat(today))
    return [row.to_record() for row in state.rows(postings)]


def score(
    profiles: list[tuple[str, str]],
    postings: str,
    today: str,
    workers: int = 2,
    partitions: int | None = None,
) -> list[Record]:
    """Every row, profile errors first in order, as ``fitscore batch`` writes them."""
    import dask
    import dask.bag
    from dask.delayed import delayed

    source = Path(postings)
    bag: Any
    if source.is_dir():
        files = sorted(str(path) for path in source.glob("*.y*ml"))
        bag = dask.bag.from_sequence(files, npartitions=partitions or 4 * workers)
        bag = bag.map(read_posting_file)
    else:
        bag = dask.bag.read_text(str(source), blocksize="4MiB").map(json.loads)
        bag = bag.map(lambda item: (str(item["id"]), str(item["text"])))
        if partitions:
            bag = bag.repartition(partitions)
    shared_profiles = delayed(profiles, traverse=False)
    rows = bag.map_partitions(score_partition, shared_profiles, today)
    with dask.config.set(scheduler="processes", num_workers=workers):
        records: list[Record] = rows.compute()
    # Profiles that cannot be read are reported once, by the driver, not by every partition.
    errors = Batch(profiles, today=dt.date.fromisoformat(today)).profile_errors
    records.extend(row.to_record() for row in errors)
    records.sort(key=_order)
    return records


def _order(record: Record) -> tuple[str, str, int, int]:
    line, column = record["error_line"], record["error_column"]
    return (
        str(record["profile_id"]),
        str(record["posting_id"]),
        line if isinstance(line, int) else 0,
        column if isinstance(column, int) else 0,
    )


def write(records: list[Record], out: Path) -> None:
    if out.suffix == ".parquet":
        from fitscore.formats.parquet import parquet_bytes

        out.write_bytes(parquet_bytes(records, BATCH_COLUMNS))
    else:
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("profiles", type=Path)
    parser.add_argument("postings")
    parser.add_argument("out", type=Path)
    parser.add_argument("--today", required=True, help="YYYY-MM-DD: the date rows are judged by")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=None)
    arguments = parser.parse_args()
    records = score(
        read_profiles(arguments.profiles),
        arguments.postings,
        arguments.today,
        arguments.workers,
        arguments.partitions,
    )
    write(records, arguments.out)
    scored = sum(1 for record in records if record["outcome"] == "scored")
    print(f"wrote {len(records)} rows ({scored} pairs scored) to {arguments.out}")


if __name__ == "__main__":
    main()
