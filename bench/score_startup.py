"""Start-up cost of one `fitscore score --format json` against importing its libraries.

    python bench/score_startup.py [--runs 21]

Prints the median wall time of each command over the runs and their ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = [sys.executable, "-c", "import typer, rich, rapidfuzz, yaml, pydantic"]


def median_seconds(command: list[str], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    arguments = parser.parse_args()
    executable = shutil.which("fitscore") or "fitscore"
    score = [
        executable,
        "score",
        "profiles/phd-ml-student.yaml",
        "postings/pinterest-phd-ml-intern-2026.yaml",
        "--format",
        "json",
    ]
    os.environ.setdefault("FITSCORE_TODAY", "2026-11-30")
    baseline = median_seconds(BASELINE, arguments.runs)
    scored = median_seconds(score, arguments.runs)
    print(f"import typer, rich, rapidfuzz, yaml, pydantic: {baseline * 1000:.0f} ms (median)")
    print(f"fitscore score --format json:                 {scored * 1000:.0f} ms (median)")
    print(f"ratio: {scored / baseline:.2f}")


if __name__ == "__main__":
    main()
