"""Write N varied candidate profiles for benchmarks (deterministic for a given seed).

    python bench/generate_profiles.py OUT_DIR --count 100 [--seed 11]

Each profile draws its skills from the same catalogue pool the generated postings use (so
some pairs fit well and most do not), written as postings write them now and then (aliases,
lower case); degrees of every level, some in progress with an expected date; experience with
skills, dates and a summary that names skills in free text; projects; publications for some.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

from bench.generate_postings import FIELDS, THEMES
from fitscore.skills.catalog import builtin_catalog

FIRST = ["Ada", "Bo", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kai"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak", "Haddad", "Kowalski"]
TITLES = ["Data Engineer", "ML Engineer", "Research Intern", "Backend Developer", "Analyst"]
LEVELS = ["phd", "masters", "bachelors", "associate", "other"]


def profile(
    number: int, pool: list[tuple[str, tuple[str, ...]]], rng: random.Random
) -> dict[str, object]:
    def skill() -> str:
        name, aliases = rng.choice(pool)
        roll = rng.random()
        if roll < 0.1 and aliases:
            return rng.choice(aliases)
        return name.lower() if roll < 0.15 else name

    skills: list[object] = []
    for name in dict.fromkeys(skill() for _ in range(rng.randint(4, 18))):
        roll = rng.random()
        skills.append({"name": name, "years": rng.randint(1, 8)} if roll < 0.4 else name)
    education = []
    for _ in range(rng.randint(0, 3)):
        entry: dict[str, object] = {
            "degree": rng.choice(LEVELS),
            "field": rng.choice(FIELDS),
            "institution": f"University {rng.randint(1, 40)}",
        }
        if rng.random() < 0.3:
            entry["status"] = "in_progress"
            entry["expected"] = f"{rng.randint(2025, 2029)}-{rng.randint(1, 12):02d}"
        education.append(entry)
    experience = []
    for index in range(rng.randint(0, 3)):
        start = rng.randint(2015, 2025)
        used = [skill() for _ in range(rng.randint(0, 4))]
        experience.append(
            {
                "title": rng.choice(TITLES),
                "org": f"Company {rng.randint(1, 99)}",
                "start": f"{start}-{rng.randint(1, 12):02d}",
                "end": "present" if index == 0 and rng.random() < 0.5 else f"{start + 1}-06",
                "skills": list(dict.fromkeys(used)),
                "summary": f"Worked with {skill()} and {skill()} on {rng.choice(THEMES)}.",
            }
        )
    document: dict[str, object] = {
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}",
        "summary": f"Interested in {rng.choice(THEMES)}; comfortable with {skill()}.",
        "education": education,
        "skills": skills,
        "experience": experience,
    }
    if rng.random() < 0.5:
        document["projects"] = [
            {"name": f"Project {number}-{n}", "skills": [skill(), skill()]}
            for n in range(rng.randint(1, 2))
        ]
    if rng.random() < 0.3:
        document["publications"] = [
            {"title": f"On {rng.choice(THEMES)} at scale", "venue": rng.choice(["KDD", "ICML"])}
            for _ in range(rng.randint(1, 3))
        ]
    return document


def generate(out: Path, count: int, seed: int = 11) -> list[Path]:
    rng = random.Random(seed)
    catalog = builtin_catalog()
    names = sorted(catalog.skills)
    # The same pool as bench/generate_postings.py (seed 7), so profiles and postings overlap.
    pool_rng = random.Random(7)
    chosen = pool_rng.sample(names, min(600, len(names)))
    pool = [(name, catalog.skills[name].aliases) for name in chosen]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = out / f"profile-{number:04d}.yaml"
        text = yaml.safe_dump(profile(number, pool, rng), sort_keys=False, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    arguments = parser.parse_args()
    written = generate(arguments.out, arguments.count, arguments.seed)
    print(f"wrote {len(written)} profiles to {arguments.out}")


if __name__ == "__main__":
    main()
