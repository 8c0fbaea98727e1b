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
    section, items = "", 0
    for index, line in enumerate(lines):
        if not line.startswith((" ", "#")):
            section = line.split(":", 1)[0]
        if section in ("required", "preferred") and line.startswith("  - "):
            items += 1
            assert lines[index - 1].startswith('  # "'), line
    assert items >= 3


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("title: mine\n", encoding="utf-8")
    refused = run("parse", "-", "-o", str(target), stdin=SEED_TEXT)
    assert refused.exit_code == 2
    assert "exists; use --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "title: mine\n"
    assert run("parse", "-", "-o", str(target), "--force", stdin=SEED_TEXT).exit_code == 0
    assert "Pinterest" in target.read_text(encoding="utf-8")


def test_a_posting_without_a_company_is_drafted_and_says_what_to_add() -> None:
    result = run("parse", "-", stdin="Data Engineer\nRequirements:\n- Python\n- Spark\n")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert "company" not in data
    assert data["title"] == "Data Engineer"
    assert "no company name found in the text; add `company:`" in result.stderr
    given = run("parse", "-", "--company", "Acme", stdin="Data Engineer\nRequirements:\n- Python\n")
    assert given.exit_code == 0
    assert yaml.safe_load(given.stdout)["required"] == ["Python"]


def test_a_company_on_the_line_under_the_title_is_found() -> None:
    text = "Data Engineer\nAcme Corp\n\nRequirements\n- Python\n"
    result = run("parse", "-", stdin=text)
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert (data["title"], data["company"], data["required"]) == (
        "Data Engineer",
        "Acme Corp",
        ["Python"],
    )


def test_a_posting_without_a_title_line_takes_the_file_name(tmp_path: Path) -> None:
    source = tmp_path / "senior-data-engineer.txt"
    source.write_text("Requirements:\n- Python\n- SQL\n", encoding="utf-8")
    result = run("parse", str(source))
    assert result.exit_code == 0, result.stderr
    assert yaml.safe_load(result.stdout)["title"] == "senior data engineer"
    assert "no job title found" in result.stderr


def test_a_sentence_for_a_first_line_is_never_the_title() -> None:
    sentence = (
        "We are a small team building tools for farmers and we would love to hear from you. " * 3
    )
    text = f"{sentence}\n\nRequirements:\n- Python\n"
    result = run("parse", "-", stdin=text)
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert len(data["title"]) <= 200 and not data["title"].endswith(".")
    assert data["required"] == ["Python"]


def test_a_posting_with_no_requirement_is_written_and_exits_1() -> None:
    result = run("parse", "-", stdin="Barista\n\nWe serve coffee with a smile.\n")
    assert result.exit_code == 1
    assert yaml.safe_load(result.stdout)["title"] == "Barista"
    assert "no requirement found" in result.stderr


def test_markdown_sections_are_read() -> None:
    text = (
        "# [Data Engineer](https://example.com/jobs/1)\n\n**What you'll need**\n\n"
        "* Python\n* Airflow\n\n## Nice to have\n\n1. Kafka\n"
    )
    data = yaml.safe_load(run("parse", "-", stdin=text).stdout)
    assert data["title"] == "Data Engineer"
    assert data["required"] == ["Python", "Airflow"]
    assert data["preferred"] == ["Kafka"]


def test_broken_json_ld_is_read_leniently() -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "JobPosting", '
        '"title": "ML Engineer", "hiringOrganization": {"name": "Acme"}, '
        '"description": "<h2>Requirements</h2><ul><li>PyTorch</li>\n<li>Python</li></ul>",}'
        "</script></head><body><p>Apply now</p></body></html>"
    )
    result = run("parse", "-", stdin=page)
    data = yaml.safe_load(result.stdout)
    assert (data["title"], data["company"]) == ("ML Engineer", "Acme")
    assert data["required"] == ["PyTorch", "Python"]


def test_microdata_job_posting_is_read() -> None:
    page = (
        '<html><body><div itemscope itemtype="https://schema.org/JobPosting">'
        '<h1 itemprop="title">Data Analyst</h1>'
        '<div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">Borealis Ltd</span></div>'
        '<div itemprop="description"><p>Requirements: SQL and Tableau.</p></div>'
        "</div></body></html>"
    )
    data = yaml.safe_load(run("parse", "-", stdin=page).stdout)
    assert (data["title"], data["company"]) == ("Data Analyst", "Borealis Ltd")
    assert "SQL" in data["required"]


def test_degree_is_the_lowest_level_accepted_and_never_read_from_links() -> None:
    text = (
        "Statistician\n\nRequirements:\n- BS, MS or PhD in Statistics or a related field\n"
        "- Python\n\nApply at https://example.com/phd-jobs/http or phd@example.com\n"
    )
    data = yaml.safe_load(run("parse", "-", stdin=text).stdout)
    assert data["degree"]["level"] == "bachelors"
    assert data["degree"]["fields"] == ["Statistics"]
    assert data["degree"]["related_ok"] is True
    assert "HTTP" not in data["required"]


def test_a_parenthesised_list_after_a_phrase_is_one_choice() -> None:
    text = "Data Scientist\n\nRequirements:\n- Probabilistic programming (Stan, PyMC, NumPyro)\n"
    data = yaml.safe_load(run("parse", "-", stdin=text).stdout)
    assert data["required"] == [
        {"any_of": ["Stan", "PyMC", "NumPyro"], "label": "Probabilistic programming"}
    ]


def test_many_inputs_go_to_a_folder_one_draft_each(tmp_path: Path) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "a.txt").write_text("Data Engineer\nRequirements:\n- Python\n", encoding="utf-8")
    (saved / "b.txt").write_text("Barista\n\nWe serve coffee.\n", encoding="utf-8")
    out = tmp_path / "postings"
    out.mkdir()
    missing = str(saved / "missing.txt")
    result = run("parse", str(saved / "a.txt"), str(saved / "b.txt"), missing, "-o", str(out))
    assert result.exit_code == 1
    assert sorted(path.name for path in out.iterdir()) == ["a.yaml", "b.yaml"]
    assert "missing.txt" in result.stderr
    assert "2 drafts written, 1 with no requirement, 1 input failed" in result.stderr
    again = run("parse", str(saved / "a.txt"), str(saved / "b.txt"), "-o", str(out))
    assert "exists; use --force" in again.stderr
    assert run("parse", str(saved / "a.txt"), "-o", str(out), "--force").exit_code == 0


def test_a_draft_without_a_company_scores_and_ranks_with_company_null(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    draft = folder / "draft.yaml"
    text = "Data Engineer\n\nRequirements:\n- Python\n- SQL\n"
    assert run("parse", "-", "-o", str(draft), stdin=text).exit_code == 0
    profile = "profiles/phd-ml-student.yaml"
    score = run("score", profile, str(draft), "--format", "json")
    assert score.exit_code == 0, score.stderr
    assert json.loads(score.stdout)["posting"]["company"] is None
    for form in ("text", "markdown", "table"):
        shown = run("score", profile, str(draft), "--format", form)
        assert (
            shown.exit_code == 0
            and "Data Engineer" in shown.stdout
            and " at " not in shown.stdout.splitlines()[2]
        )
    ranked = run("rank", profile, str(folder), "--format", "json")
    assert json.loads(ranked.stdout)[0]["company"] is None
    assert run("rank", profile, str(folder), "--format", "table").exit_code == 0


def test_several_inputs_need_a_folder(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Data Engineer\nRequirements:\n- Python\n", encoding="utf-8")
    target = tmp_path / "one.yaml"
    result = run("parse", str(source), str(source), "-o", str(target))
    assert result.exit_code == 2
    assert "several inputs need an output folder" in result.stderr
    assert result.stderr.rstrip().endswith("; pass -o FOLDER")
    assert not target.exists()
    assert run("parse", str(source), str(source)).exit_code == 2


def test_requirements_naming_no_known_skill_are_quoted_in_the_draft_not_dropped() -> None:
    text = "Junior Developer\n\nRequirements:\n- Knowledge of programming principles\n"
    result = run("parse", "-", stdin=text)
    assert result.exit_code == 0, result.stderr
    assert '# required: "Knowledge of programming principles"' in result.stdout
    assert "name no skill from the catalogue" in result.stderr
    assert "required" not in yaml.safe_load(result.stdout)


def test_an_empty_output_name_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "job.txt"
    source.write_text("Data Engineer\nAcme\n\nRequirements\n- Python\n", encoding="utf-8")
    result = run("parse", str(source), "-o", "")
    assert (result.exit_code, result.stderr) == (2, "fitscore: error: the output name is empty\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["job.txt"]
