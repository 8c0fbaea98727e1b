"""Write N realistic posting files for benchmarks (deterministic for a given seed).

    python bench/generate_postings.py OUT_DIR --count 10000 [--seed 7]

Skills are drawn from several hundred catalogue skills, written the way postings write them:
other cases, aliases, versions ("Python 3.11"), plurals, and now and then a typo. Postings mix
plain items, any-of groups and category items, with a degree block and the publication and
big-data flags set in realistic proportions. Each item sits under a comment quoting the
sentence it came from, as in the drafts `fitscore parse` writes.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

from fitscore.skills.catalog import builtin_catalog

COMPANIES = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark Industries",
    "Wayne Labs",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Massive Dynamic",
    "Aperture",
    "Black Mesa",
    "Wonka",
]
ROLES = [
    "Machine Learning Engineer",
    "Data Engineer",
    "Data Scientist",
    "Backend Engineer",
    "Research Scientist",
    "ML Platform Engineer",
    "Analytics Engineer",
    "Frontend Engineer",
    "Applied Scientist Intern",
    "PhD Research Intern",
    "Site Reliability Engineer",
]
CATEGORIES = [
    "big_data",
    "stream_processing",
    "cloud",
    "ml_framework",
    "database",
    "programming_language",
    "web_framework",
    "data_engineering",
]
FIELDS = [
    "Computer Science",
    "Statistics",
    "Machine Learning",
    "Mathematics",
    "Electrical Engineering",
    "Data Science",
    "Physics",
    "Information Systems",
]
THEMES = [
    "machine learning",
    "ranking",
    "recommender systems",
    "natural language processing",
    "computer vision",
    "data pipelines",
    "streaming",
    "statistics",
    "graph analysis",
]


def spelled(name: str, aliases: tuple[str, ...], rng: random.Random) -> str:
    """A posting's way of writing a skill."""
    roll = rng.random()
    if roll < 0.15 and aliases:
        return rng.choice(aliases)
    if roll < 0.25:
        return name.lower()
    if roll < 0.30:
        return f"{name} {rng.choice(['3', '2.x', '17', '11'])}"
    if roll < 0.33 and len(name) > 6:
        cut = rng.randrange(1, len(name) - 2)
        return name[:cut] + name[cut + 1 :]
    if roll < 0.36:
        return f"{name}s" if not name.endswith("s") else name
    return name


def posting(
    number: int, pool: list[tuple[str, tuple[str, ...]]], rng: random.Random
) -> dict[str, object]:
    def skill() -> str:
        name, aliases = rng.choice(pool)
        return spelled(name, aliases, rng)

    required: list[object] = [skill() for _ in range(rng.randint(3, 8))]
    if rng.random() < 0.6:
        required.append({"any_of": [skill() for _ in range(rng.randint(2, 5))]})
    preferred: list[object] = [skill() for _ in range(rng.randint(1, 6))]
    if rng.random() < 0.6:
        category = rng.choice(CATEGORIES)
        preferred.append({"category": category, "label": category.replace("_", " ")})
    document: dict[str, object] = {
        "title": f"{rng.choice(ROLES)} {number}",
        "company": rng.choice(COMPANIES),
        "location": rng.choice(["Remote", "USA", "Berlin", "London", "Toronto"]),
        "url": f"https://careers.example.com/jobs/{number:06d}",
        "themes": rng.sample(THEMES, rng.randint(0, 3)),
        "required": required,
        "preferred": preferred,
        "publications": rng.choice(["none", "none", "preferred", "required"]),
        "big_data": rng.choice(["none", "preferred", "required"]),
    }
    if rng.random() < 0.8:
        document["degree"] = {
            "level": rng.choice(["phd", "masters", "bachelors", "bachelors"]),
            "status": rng.choice(["in_progress_ok", "completed"]),
            "fields": rng.sample(FIELDS, rng.randint(1, 4)),
            "related_ok": rng.random() < 0.7,
        }
    return document


SENTENCES = [
    "Experience with {term} in production, ideally on large-scale systems",
    "Proficiency in {term} or a comparable technology",
    "You have shipped projects using {term} and can explain the trade-offs",
    "Familiarity with {term} is a plus",
    "Hands-on knowledge of {term}, including testing and deployment",
]


def annotated(document: dict[str, object], rng: random.Random) -> str:
    """The posting as YAML, each list item under a comment quoting its source sentence,
    the way `fitscore parse` writes drafts for a human to check."""
    lines = []
    for line in yaml.safe_dump(document, sort_keys=False, allow_unicode=True).splitlines():
        if line.startswith("- ") and len(line) > 2:
            term = line[2:].split(":", 1)[-1].strip() or "it"
            lines.append(f'# source: "{rng.choice(SENTENCES).format(term=term)}."')
        lines.append(line)
    return "\n".join(lines) + "\n"


def generate(out: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    catalog = builtin_catalog()
    names = sorted(catalog.skills)
    chosen = rng.sample(names, min(600, len(names)))
    pool = [(name, catalog.skills[name].aliases) for name in chosen]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = out / f"posting-{number:05d}.yaml"
        path.write_text(annotated(posting(number, pool, rng), rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    written = generate(arguments.out, arguments.count, arguments.seed)
    print(f"wrote {len(written)} postings to {arguments.out}")


if __name__ == "__main__":
    main()
