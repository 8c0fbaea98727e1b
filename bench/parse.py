"""Time `fitscore parse` on a careers page of over 1 MiB with pathological runs.

    python bench/parse.py [--runs 5]

The page (tests/unit/test_drafting_reading.py builds the same one) has a large script, 10,000
menu items, 2,000 requirement bullets and long runs of spaces, brackets and '@'. Prints the
median time of `draft_posting` in this process, after a warm-up.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.unit.test_drafting_reading import megabyte_page  # noqa: E402

from fitscore.drafting import draft_posting  # noqa: E402
from fitscore.skills.catalog import builtin_catalog  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    catalog = builtin_catalog()
    page = megabyte_page()
    draft_posting(b"warm up", "x.txt", catalog)
    timings = []
    for _ in range(arguments.runs):
        started = time.perf_counter()
        draft_posting(page, "big.html", catalog)
        timings.append(time.perf_counter() - started)
    print(
        f"parse of a {len(page):,}-byte page: median {statistics.median(timings):.2f} s "
        f"over {arguments.runs} runs (target: well under 1 s)"
    )


if __name__ == "__main__":
    main()
