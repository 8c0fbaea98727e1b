"""Matcher throughput: (posting term, profile) decisions per second, cold and cached.

    python bench/match_pairs.py [--pairs 200000]

Terms are drawn (with a fixed seed) from the labelled pair set and the catalogue, spelled the
way postings spell them (case, versions, plurals, typos), so the caches see realistic repeats.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import yaml

from fitscore.models import Profile
from fitscore.skills.catalog import builtin_catalog
from fitscore.skills.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent


def variants(term: str, rng: random.Random) -> str:
    choice = rng.randrange(5)
    if choice == 0:
        return term.lower()
    if choice == 1:
        return f"{term} {rng.choice(['3', '2.x', '17'])}"
    if choice == 2 and len(term) > 6:
        cut = rng.randrange(1, len(term) - 2)
        return term[:cut] + term[cut + 1 :]
    return term


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=200_000)
    parser.add_argument("--profiles", type=int, default=50)
    arguments = parser.parse_args()
    rng = random.Random(20261130)
    pairs = yaml.safe_load((ROOT / "tests/data/match_pairs.yaml").read_text("utf-8"))["pairs"]
    names = sorted(builtin_catalog().skills)
    vocabulary = [pair["posting"] for pair in pairs] + names
    posting_terms = [variants(rng.choice(vocabulary), rng) for _ in range(5_000)]
    profiles = [
        Profile.model_validate(
            {"name": f"p{i}", "skills": [variants(rng.choice(vocabulary), rng) for _ in range(25)]}
        )
        for i in range(arguments.profiles)
    ]
    per_profile = arguments.pairs // len(profiles)

    started = time.perf_counter()
    matcher = Matcher()
    evidence = [matcher.evidence(profile) for profile in profiles]
    decided = 0
    for profile_evidence in evidence:
        for _ in range(per_profile):
            profile_evidence.match(rng.choice(posting_terms))
            decided += 1
    cold = time.perf_counter() - started

    started = time.perf_counter()
    for profile_evidence in evidence:
        for _ in range(per_profile):
            profile_evidence.match(rng.choice(posting_terms))
    warm = time.perf_counter() - started

    print(f"profiles: {len(profiles)}, distinct posting terms: {len(set(posting_terms))}")
    print(f"pairs decided: {decided:,}")
    print(f"first pass (cold caches): {decided / cold:,.0f} pairs/s ({cold:.2f} s)")
    print(f"second pass (cached):     {decided / warm:,.0f} pairs/s ({warm:.2f} s)")


if __name__ == "__main__":
    main()
