"""`fitscore import jsonresume` end to end: a résumé in, a profile that validates and scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run

RESUME = ROOT / "tests" / "examples" / "jsonresume" / "full-resume.json"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_import_writes_a_profile_that_validates_and_scores(tmp_path: Path) -> None:
    target = tmp_path / "profiles" / "me.yaml"
    target.parent.mkdir()
    result = run("import", "jsonresume", str(RESUME), "-o", str(target))
    assert result.exit_code == 0
    assert "not imported: awards[0]" in result.stderr
    assert run("validate", str(target)).exit_code == 0
    scored = run(
        "score", str(target), "postings/pinterest-phd-ml-intern-2026.yaml", "--format", "json"
    )
    assert json.loads(scored.stdout)["score"] > 50


def test_no_skill_degree_or_publication_is_lost() -> None:
    resume = json.loads(RESUME.read_text(encoding="utf-8"))
    profile = yaml.safe_load(run("import", "jsonresume", str(RESUME)).stdout)
    listed = {
        (skill if isinstance(skill, str) else skill["name"]).casefold()
        for skill in profile["skills"]
    }
    for group in resume["skills"]:
        for name in [group["name"], *group.get("keywords", [])]:
            assert name.casefold() in listed, name
    assert len(profile["education"]) == len(resume["education"])
    titles = {paper["title"] for paper in profile["publications"]}
    assert titles == {paper["name"] for paper in resume["publications"]}


def test_broken_json_names_line_and_column() -> None:
    result = run("import", "jsonresume", "-", stdin='{"basics": {"name": "A"},\n "skills": [\n')
    assert result.exit_code == 2
    assert result.stderr.startswith("<stdin>:3:1: error: invalid JSON")


OFFICIAL = ROOT / "tests" / "examples" / "jsonresume" / "official"


@pytest.mark.parametrize("name", ["full-resume.json", "minimal-resume.json"])
def test_our_samples_follow_the_official_json_resume_schema(name: str) -> None:
    import jsonschema

    schema = json.loads((OFFICIAL / "schema.json").read_text(encoding="utf-8"))
    document = json.loads((RESUME.parent / name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(document)


def test_the_official_sample_resume_imports_validates_and_scores(tmp_path: Path) -> None:
    target = tmp_path / "profiles" / "sample.yaml"
    target.parent.mkdir()
    sample = OFFICIAL / "sample.resume.json"
    result = run("import", "jsonresume", str(sample), "-o", str(target))
    assert result.exit_code == 0
    assert run("validate", str(target)).exit_code == 0
    profile = yaml.safe_load(target.read_text(encoding="utf-8"))
    resume = json.loads(sample.read_text(encoding="utf-8"))
    assert profile["name"] == resume["basics"]["name"]
    listed = {(s if isinstance(s, str) else s["name"]).casefold() for s in profile["skills"]}
    for group in resume["skills"]:
        for name in group.get("keywords", []):
            assert name.casefold() in listed
    # "Compression" heads a list of formats: a heading, not a skill; its level goes to them.
    assert "compression" not in listed
    assert {"name": "MP4", "level": "expert"} in profile["skills"]
    scored = run("score", str(target), "postings/lumen-frontend-engineer.yaml", "--format", "json")
    assert scored.exit_code == 0
