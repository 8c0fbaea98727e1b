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
import resource
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


def sample_tree(pid: int) -> int:
    """Resident memory (KiB) of a process and all its descendants, from /proc."""
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
        except (OSError, StopIteration, ValueError, IndexError):
            continue
    return total


def settle(folder: Path) -> None:
    """Write the generated files out and read them once, so that no timed run pays for the
    generator's writes (or for a cold page cache) and every run starts alike."""
    os.sync()
    for path in folder.iterdir():
        path.read_bytes()


def run_fitscore(
    profile: Path, folder: Path, *options: str, cache: Path | None = None
) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (the process and its workers: fitscore waits for every
    worker it starts, so their time is in its own), peak RSS (KiB), lines out."""
    command = [
        shutil.which("fitscore") or "fitscore",
        "rank",
        str(profile),
        str(folder),
        "--format",
        "jsonl",
        *options,
    ]
    environment = dict(os.environ)
    if cache is None:
        command.append("--no-cache")
    else:
        environment["FITSCORE_CACHE"] = str(cache)
    peak = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with tempfile.TemporaryFile() as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE, env=environment)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, sample_tree(child.pid))
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
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu, peak, lines


def in_process(function: Any, files: list[Path], mine: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of a pipeline run in this process."""
    cpu = time.process_time()
    wall = function(files, mine)
    return wall, time.process_time() - cpu


TARGET_SIZE = 10_000  # issue 14's targets are set for a folder of this many postings


def target(size: int, bound: str) -> str:
    if size == TARGET_SIZE:
        return f"(target {bound})"
    return f"(target {bound} at {TARGET_SIZE:,}; start-up weighs more here)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--memory-sizes",
        type=int,
        nargs=2,
        default=[1000, 100000],
        metavar=("SMALL", "LARGE"),
        help="peak memory of `--top 10` at these two sizes (0 0 to skip)",
    )
    parser.add_argument("--profile", type=Path, default=ROOT / "profiles" / "phd-ml-student.yaml")
    arguments = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    os.environ.setdefault("FITSCORE_TODAY", "2026-11-30")
    mine = profile_terms(arguments.profile)
    with tempfile.TemporaryDirectory() as scratch:
        for size in arguments.sizes:
            folder = Path(scratch) / f"postings-{size}"
            files = sorted(generate(folder, size))
            settle(folder)
            cache = Path(scratch) / f"cache-{size}.sqlite"
            runs = {
                "rank --jobs 1": run_fitscore(arguments.profile, folder, "--jobs", "1"),
                "rank --jobs 2": run_fitscore(arguments.profile, folder, "--jobs", "2"),
                "rank (default jobs)": run_fitscore(arguments.profile, folder),
                "rank, cold cache": run_fitscore(arguments.profile, folder, cache=cache),
                "rank, warm cache": run_fitscore(arguments.profile, folder, cache=cache),
            }
            best_wall, best_cpu = in_process(best_case, files, mine)
            naive_wall, naive_cpu = in_process(naive, files, mine)
            print(f"{size:,} postings ({runs['rank --jobs 1'][3]:,} ranked)")
            for name, (wall, cpu, peak, _) in runs.items():
                print(
                    f"  {name:<22} {size / wall:8,.0f} postings/s  wall {wall:6.2f} s  "
                    f"cpu {cpu:6.2f} s  peak RSS {peak / 1024:4.0f} MB"
                )
            print(
                f"  {'best case pipeline':<22} {size / best_wall:8,.0f} postings/s  wall "
                f"{best_wall:6.2f} s  cpu {best_cpu:6.2f} s"
            )
            print(
                f"  {'naive pipeline':<22} {size / naive_wall:8,.0f} postings/s  wall "
                f"{naive_wall:6.2f} s  cpu {naive_cpu:6.2f} s"
            )
            one_wall, one_cpu = runs["rank --jobs 1"][:2]
            default_wall = runs["rank (default jobs)"][0]
            cold, warm = runs["rank, cold cache"][0], runs["rank, warm cache"][0]
            print(
                f"  rank --jobs 1 / best case: wall {one_wall / best_wall:.2f}x, "
                f"cpu {one_cpu / best_cpu:.2f}x  {target(size, '<= 1.3')}"
            )
            print(
                f"  naive / rank --jobs 1:     wall {naive_wall / one_wall:.1f}x, "
                f"cpu {naive_cpu / one_cpu:.1f}x  {target(size, '>= 12')}"
            )
            print(
                f"  default jobs / --jobs 1:   wall {default_wall / one_wall:.2f}x  "
                f"{target(size, '<= 1')}"
            )
            print(f"  warm / cold re-rank:       wall {warm / cold:.2f}x  {target(size, '<= 0.2')}")
        small, large = arguments.memory_sizes
        if small and large:
            peaks = {}
            for size in (small, large):
                folder = Path(scratch) / f"memory-{size}"
                generate(folder, size)
                settle(folder)
                peaks[size] = run_fitscore(arguments.profile, folder, "--top", "10", "--jobs", "1")[
                    2
                ]
                shutil.rmtree(folder)
            print(
                f"--top 10 peak RSS: {peaks[small] / 1024:.0f} MB at {small:,} postings, "
                f"{peaks[large] / 1024:.0f} MB at {large:,} ({peaks[large] / peaks[small]:.2f}x, "
                "target <= 1.10)"
            )


if __name__ == "__main__":
    main()
