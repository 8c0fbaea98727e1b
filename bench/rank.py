"""Time `fitscore rank` on generated postings against a best-case and a naive pipeline.

    python bench/rank.py [--sizes 1000 10000] [--profile profiles/phd-ml-student.yaml]

For each size it generates the postings (bench/generate_postings.py, fixed seed), then times,
single-process and in the same run:

- fitscore: `fitscore rank PROFILE DIR --format jsonl --jobs 1` (and `--jobs 2`), as a user runs it;
- best case: read bytes, parse with PyYAML's C loader, collect the distinct requirement terms,
  match them once against the profile's terms with `rapidfuzz.process.cdist`, add up a score;
- naive: pure-Python `yaml.safe_load` and a `fuzz.WRatio` call for every (requirement, profile
  term) pair.

It prints postings per second for each, the ratios, and the peak resident memory (the sum over
the process and its workers, sampled every 10 ms from /proc) of the fitscore runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.generate_postings import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def profile_terms(path: Path) -> list[str]:
    """Everything a naive matcher compares a requirement with: the profile's skill lists and
    the words and two-word phrases of its free text (summaries, titles, publication titles);
    without the phrases it could not find two-word skills such as "stream processing"."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms = []
    texts = [data.get("summary") or ""]
    for skill in data.get("skills", []):
        terms.append(skill if isinstance(skill, str) else skill["name"])
    for entry in data.get("experience", []) + data.get("projects", []):
        terms.extend(s if isinstance(s, str) else s["name"] for s in entry.get("skills", []))
        texts += [entry.get("title") or entry.get("name") or "", entry.get("summary") or ""]
        texts += entry.get("highlights", [])
    texts += [paper.get("title", "") for paper in data.get("publications", [])]
    for text in texts:
        words = text.split()
        terms += words + [" ".join(pair) for pair in zip(words, words[1:], strict=False)]
    return sorted(set(terms))


def requirement_terms(document: dict[str, Any]) -> list[str]:
    terms: list[str] = []
    for section in ("required", "preferred"):
        for item in document.get(section) or []:
            if isinstance(item, str):
                terms.append(item)
            elif "any_of" in item:
                terms.extend(item["any_of"])
    return terms


def best_case(files: list[Path], mine: list[str]) -> float:
    started = time.perf_counter()
    documents = [yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader) for path in files]
    unique = sorted({term for document in documents for term in requirement_terms(document)})
    matrix = process.cdist(unique, mine, scorer=fuzz.WRatio, score_cutoff=85, workers=1)
    met = dict(zip(unique, (np.asarray(matrix).max(axis=1) >= 85).tolist(), strict=True))
    scores = []
    for document in documents:
        terms = requirement_terms(document)
        scores.append(100 * sum(met[t] for t in terms) / max(1, len(terms)))
    sorted(zip(scores, map(str, files), strict=True), key=lambda pair: (-pair[0], pair[1]))
    return time.perf_counter() - started


def naive(files: list[Path], mine: list[str]) -> float:
    started = time.perf_counter()
    scores = []
    for path in files:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        terms = requirement_terms(document)
        hits = sum(any(fuzz.WRatio(t, m) >= 85 for m in mine) for t in terms)
        scores.append(100 * hits / max(1, len(terms)))
    sorted(zip(scores, map(str, files), strict=True), key=lambda pair: (-pair[0], pair[1]))
    return time.perf_counter() - started


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(
                next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run_fitscore(profile: Path, folder: Path, jobs: int) -> tuple[float, int, int]:
    command = [
        shutil.which("fitscore") or "fitscore",
        "rank",
        str(profile),
        str(folder),
        "--format",
        "jsonl",
        "--jobs",
        str(jobs),
    ]
    peak = 0
    started = time.perf_counter()
    with tempfile.TemporaryFile() as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss_kib(child.pid))
                time.sleep(0.01)

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, errors = child.communicate()
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join()
        if child.returncode != 0:
            raise SystemExit(f"fitscore failed ({child.returncode}): {errors.decode()[:500]}")
        sink.seek(0)
        lines = sum(1 for _ in sink)
    return elapsed, peak, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--profile", type=Path, default=ROOT / "profiles" / "phd-ml-student.yaml")
    arguments = parser.parse_args()
    os.environ.setdefault("FITSCORE_TODAY", "2026-11-30")
    mine = profile_terms(arguments.profile)
    with tempfile.TemporaryDirectory() as scratch:
        for size in arguments.sizes:
            folder = Path(scratch) / f"postings-{size}"
            files = sorted(generate(folder, size))
            one, rss_one, lines = run_fitscore(arguments.profile, folder, 1)
            two, rss_two, _ = run_fitscore(arguments.profile, folder, 2)
            best = best_case(files, mine)
            slow = naive(files, mine)
            print(f"{size:,} postings ({lines:,} ranked)")
            print(
                f"  fitscore rank --jobs 1: {size / one:8,.0f} postings/s  ({one:.2f} s, "
                f"peak RSS {rss_one / 1024:.0f} MB)"
            )
            print(
                f"  fitscore rank --jobs 2: {size / two:8,.0f} postings/s  ({two:.2f} s, "
                f"peak RSS {rss_two / 1024:.0f} MB, speed-up {one / two:.2f}x)"
            )
            print(f"  best case pipeline:     {size / best:8,.0f} postings/s  ({best:.2f} s)")
            print(f"  naive pipeline:         {size / slow:8,.0f} postings/s  ({slow:.2f} s)")
            print(f"  fitscore time / best-case time: {one / best:.2f}  (target <= 2)")
            print(f"  naive time / fitscore time:     {slow / one:.1f}  (target >= 10)")


if __name__ == "__main__":
    main()
