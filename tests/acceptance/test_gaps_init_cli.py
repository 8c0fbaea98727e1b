"""`fitscore gaps` (what to learn next over many postings) and `fitscore init` (a starter)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_gaps_rolls_up_missing_skills_by_points() -> None:
    result = run("gaps", "profiles/bachelors-web-developer.yaml", "postings", "--format", "json")
    rows = json.loads(result.stdout)
    assert result.exit_code == 0
    points = [row["points"] for row in rows]
    assert points == sorted(points, reverse=True)
    assert {
        "skill",
        "postings",
        "required_in",
        "points",
        "average_points",
        "example",
        "options",
    } == set(rows[0])
    skills = {row["skill"] for row in rows}
    assert {"Spark", "Kafka"} <= skills
    assert "React" not in skills  # the web developer has it


def test_gaps_counts_a_skill_once_per_posting_across_postings(tmp_path: Path) -> None:
    for number in range(3):
        (tmp_path / f"p{number}.yaml").write_text(
            f"title: T{number}\ncompany: C\nrequired: [Rust, Go]\n", encoding="utf-8"
        )
    result = run("gaps", "profiles/phd-ml-student.yaml", str(tmp_path), "--format", "json")
    rows = {row["skill"]: row for row in json.loads(result.stdout)}
    assert rows["Rust"]["postings"] == 3
    assert rows["Rust"]["required_in"] == 3
    assert rows["Rust"]["points"] == pytest.approx(3 * rows["Rust"]["average_points"])


def test_gaps_table_names_the_skills() -> None:
    result = run("gaps", "profiles/masters-data-engineer.yaml", "postings", "--format", "table")
    assert "Skills to learn next" in result.stdout
    assert "React" in result.stdout


@pytest.mark.parametrize("kind", ["profile", "posting"])
def test_init_output_validates_and_carries_the_schema_line(kind: str, tmp_path: Path) -> None:
    target = tmp_path / f"{kind}s" / "starter.yaml"
    target.parent.mkdir()
    assert run("schema", kind, "--write", str(tmp_path / "schemas")).exit_code == 0
    result = run("init", "--kind", kind, "-o", str(target))
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json")
    checked = run("validate", str(target))
    assert checked.exit_code == 0, checked.stdout


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("name: Me\n", encoding="utf-8")
    assert run("init", "-o", str(target)).exit_code == 2
    assert target.read_text(encoding="utf-8") == "name: Me\n"


def test_a_category_gap_names_the_skills_that_would_satisfy_it(tmp_path: Path) -> None:
    posting = tmp_path / "cloud.yaml"
    posting.write_text(
        "title: Platform Engineer\nrequired:\n  - category: cloud\n    examples: [GCP]\n",
        encoding="utf-8",
    )
    profile = ROOT / "profiles" / "bachelors-web-developer.yaml"
    rows = json.loads(run("gaps", str(profile), str(posting), "-f", "json").stdout)
    cloud = next(row for row in rows if row["skill"].startswith("cloud"))
    options = cloud["options"].split(", ")
    assert options[0] == "Google Cloud Platform"  # the example first, as the catalogue names it
    assert "AWS" in options and len(options) == len(set(options))
