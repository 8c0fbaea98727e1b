"""`fitscore parse`: raw postings to drafts that validate and score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run

# A copy of shared/seeds/pinterest-phd-ml-intern-2026.txt, kept with the tests.
SEED_TEXT = (ROOT / "tests" / "examples" / "parse" / "pinterest-seed.txt").read_text("utf-8")
PINTEREST = "postings/pinterest-phd-ml-intern-2026.yaml"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def parsed_pinterest() -> dict[str, object]:
    result = run("parse", "-", stdin=SEED_TEXT)
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = yaml.safe_load(result.stdout)
    return data


def test_the_pinterest_seed_parses_into_the_expected_requirements() -> None:
    data = parsed_pinterest()
    items = [*data.get("required", []), *data.get("preferred", [])]  # type: ignore[misc]
    groups = [item["any_of"] for item in items if isinstance(item, dict) and "any_of" in item]
    assert sorted(groups[0]) == sorted(["Java", "C++", "Python", "TensorFlow", "PyTorch", "MLflow"])
    categories = {
        item["category"]: item for item in items if isinstance(item, dict) and "category" in item
    }
    assert categories["big_data"]["examples"] == ["Hadoop", "Spark"]
    assert "stream_processing" in categories
    assert data["publications"] in ("required", "preferred")
    assert data["big_data"] in ("required", "preferred")
    assert data["degree"] == {
        "level": "phd",
        "status": "in_progress_ok",
        "fields": ["Computer Science", "ML", "NLP", "Statistics", "Information Sciences"],
        "related_ok": True,
    }
    assert (data["title"], data["company"], data["location"]) == (
        "PhD Machine Learning Internship 2026",
        "Pinterest",
        "USA",
    )


def test_the_draft_validates(tmp_path: Path) -> None:
    target = tmp_path / "postings" / "pinterest.yaml"
    target.parent.mkdir()
    assert run("parse", "-", "-o", str(target), stdin=SEED_TEXT).exit_code == 0
    assert run("validate", str(target)).exit_code == 0


@pytest.mark.parametrize("profile", sorted(p.name for p in (ROOT / "profiles").glob("*.yaml")))
def test_profiles_score_within_5_points_of_the_hand_made_posting(
    profile: str, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.yaml"
    run("parse", "-", "-o", str(draft), stdin=SEED_TEXT)
    parsed = run("score", f"profiles/{profile}", str(draft), "--format", "json")
    by_hand = run("score", f"profiles/{profile}", PINTEREST, "--format", "json")
    difference = json.loads(parsed.stdout)["score"] - json.loads(by_hand.stdout)["score"]
    assert abs(difference) <= 5


def test_parse_pipes_into_score() -> None:
    draft = run("parse", "-", stdin=SEED_TEXT).stdout
    result = run("score", "profiles/phd-ml-student.yaml", "-", "--format", "json", stdin=draft)
    assert json.loads(result.stdout)["posting"]["company"] == "Pinterest"


def test_every_item_is_followed_by_its_source_sentence_in_a_comment() -> None:
    lines = run("parse", "-", stdin=SEED_TEXT).stdout.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("  - "):
            assert lines[index - 1].startswith('  # "'), line


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("title: mine\n", encoding="utf-8")
    refused = run("parse", "-", "-o", str(target), stdin=SEED_TEXT)
    assert refused.exit_code == 2
    assert "exists; use --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "title: mine\n"
    assert run("parse", "-", "-o", str(target), "--force", stdin=SEED_TEXT).exit_code == 0
    assert "Pinterest" in target.read_text(encoding="utf-8")


def test_a_posting_without_a_company_asks_for_one() -> None:
    result = run("parse", "-", stdin="Data Engineer\nRequirements:\n- Python\n- Spark\n")
    assert result.exit_code == 2
    assert "pass --company" in result.stderr
    given = run("parse", "-", "--company", "Acme", stdin="Data Engineer\nRequirements:\n- Python\n")
    assert given.exit_code == 0
    assert yaml.safe_load(given.stdout)["required"] == ["Python"]
