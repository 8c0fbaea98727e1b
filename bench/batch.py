"""Many profiles x many postings: `fitscore batch` against one `fitscore rank` per profile and
against the Dask example, on the same generated data, in one run.

    python bench/batch.py [--profiles 100] [--postings 2000] [--rank-calls 100] [--jobs 2]

It generates varied profiles (bench/generate_profiles.py) and postings
(bench/generate_postings.py), fixed seeds, then runs, each as a user would from a shell:

- rank: `fitscore rank PROFILE POSTINGS --format jsonl --jobs 1`, once per profile (the only way
  before `batch`: every posting is parsed again for each profile);
- batch: `fitscore batch PROFILES POSTINGS -o rows.parquet` (`--jobs 1`, and `--jobs N`);
- dask: `python examples/dask_score.py PROFILES postings.jsonl rows.parquet --workers N`.

CPU time is the user + system time of the command and every process it waited for (workers
included), from getrusage(RUSAGE_CHILDREN); wall time is the clock. Targets (issue 15):
batch at least 3x the pairs per CPU-second of the rank calls, Dask within 1.5x the CPU of batch.
The rows of batch and Dask are compared too: they must be identical.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.generate_postings import generate as generate_postings  # noqa: E402
from bench.generate_profiles import generate as generate_profiles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-30"


@dataclass(frozen=True)
class Timing:
    cpu: float
    wall: float


def timed(commands: list[list[str]]) -> Timing:
    """Run ``commands`` one after another; CPU of them and their children, and the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    for command in commands:
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[-800:]}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(cpu, wall)


def line(name: str, timing: Timing, pairs: int) -> str:
    return (
        f"  {name:<34} CPU {timing.cpu:7.2f} s  wall {timing.wall:7.2f} s  "
        f"{pairs / timing.cpu:8,.0f} pairs/CPU-s  {pairs / timing.wall:8,.0f} pairs/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profiles", type=int, default=100)
    parser.add_argument("--postings", type=int, default=2000)
    parser.add_argument(
        "--rank-calls", type=int, default=None, help="rank calls to time (default: one a profile)"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    arguments = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    os.environ["FITSCORE_TODAY"] = TODAY
    fitscore = shutil.which("fitscore") or "fitscore"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        profiles = generate_profiles(folder / "profiles", arguments.profiles)
        postings = generate_postings(folder / "postings", arguments.postings)
        with (folder / "postings.jsonl").open("w", encoding="utf-8") as lines:
            for path in postings:
                record = {"id": str(path), "text": path.read_text(encoding="utf-8")}
                lines.write(json.dumps(record) + "\n")
        pairs = len(profiles) * len(postings)
        calls = profiles[: arguments.rank_calls]
        rank = timed(
            [
                [fitscore, "rank", str(p), str(folder / "postings"), "-f", "jsonl", "--jobs", "1"]
                for p in calls
            ]
        )
        rank_pairs = len(calls) * len(postings)
        batch_command = [fitscore, "batch", str(folder / "profiles"), str(folder / "postings")]
        one = timed([[*batch_command, "-o", str(folder / "one.parquet"), "--jobs", "1"]])
        jobs = arguments.jobs
        many = timed([[*batch_command, "-o", str(folder / "many.parquet"), "--jobs", str(jobs)]])
        dask_out = folder / "dask.parquet"
        dask = timed(
            [
                [
                    sys.executable,
                    str(ROOT / "examples" / "dask_score.py"),
                    str(folder / "profiles"),
                    str(folder / "postings.jsonl"),
                    str(dask_out),
                    "--today",
                    TODAY,
                    "--workers",
                    str(jobs),
                ]
            ]
        )
        same = all(
            (folder / name).read_bytes() == (folder / "one.parquet").read_bytes()
            for name in ("many.parquet", "dask.parquet")
        )
    print(f"{len(profiles)} profiles x {len(postings):,} postings = {pairs:,} pairs")
    print(line(f"{len(calls)} x fitscore rank --jobs 1", rank, rank_pairs))
    print(line("fitscore batch --jobs 1", one, pairs))
    print(line(f"fitscore batch --jobs {jobs}", many, pairs))
    print(line(f"examples/dask_score.py, {jobs} workers", dask, pairs))
    rank_rate = rank_pairs / rank.cpu
    print(
        f"  batch --jobs 1 / rank, pairs per CPU-s:  {pairs / one.cpu / rank_rate:5.2f}x"
        "  (target >= 3)"
    )
    print(
        f"  batch --jobs {jobs} / rank, pairs per CPU-s:  {pairs / many.cpu / rank_rate:5.2f}x"
        "  (target >= 3)"
    )
    print(f"  dask CPU / batch --jobs {jobs} CPU:  {dask.cpu / many.cpu:5.2f}x  (target <= 1.5)")
    print(f"  rows identical (batch -j1, -j{jobs}, dask): {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
