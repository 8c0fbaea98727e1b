"""`fitscore score` end to end: golden reports, exit codes, options."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import PINTEREST, PROFILES, ROOT, run

GOLDEN = ROOT / "tests" / "golden" / "score"
UPDATE = os.environ.get("FITSCORE_UPDATE_GOLDEN") == "1"
EXAMPLES = sorted(path.stem for path in PROFILES.glob("*.yaml"))
FORMATS = {"json": "json", "text": "txt", "markdown": "md", "table": "table.txt"}
POSTING = "postings/pinterest-phd-ml-intern-2026.yaml"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("output_format", sorted(FORMATS))
@pytest.mark.parametrize("name", EXAMPLES)
def test_report_matches_the_golden_file(name: str, output_format: str) -> None:
    result = run("score", f"profiles/{name}.yaml", POSTING, "--format", output_format)
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{name}.{FORMATS[output_format]}"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def scores() -> dict[str, float]:
    found = {}
    for name in EXAMPLES:
        result = run("score", f"profiles/{name}.yaml", POSTING, "--format", "json")
        found[name] = json.loads(result.stdout)["score"]
    return found


def test_example_profiles_rank_as_a_recruiter_would() -> None:
    found = scores()
    assert (
        found["phd-ml-student"] > found["masters-data-engineer"] > found["bachelors-web-developer"]
    )


def test_json_report_has_the_documented_shape() -> None:
    result = run("score", "profiles/phd-ml-student.yaml", POSTING, "--format", "json")
    report = json.loads(result.stdout)
    assert list(report)[:7] == [
        "score",
        "band",
        "profile",
        "posting",
        "components",
        "requirements",
        "gaps",
    ]
    assert [c["name"] for c in report["components"]] == [
        "required_skills",
        "preferred_skills",
        "degree",
        "publications",
        "big_data",
    ]
    assert report["score"] == round(sum(c["points"] for c in report["components"]), 1)
    assert {r["status"] for r in report["requirements"]} <= {"met", "partial", "missing"}
    assert report["posting"] == {
        "path": POSTING,
        "title": "PhD Machine Learning Internship 2026",
        "company": "Pinterest",
    }


@pytest.mark.parametrize(("threshold", "code"), [("0", 0), ("50", 0), ("100", 1)])
def test_fail_under_sets_the_exit_code(threshold: str, code: int) -> None:
    result = run(
        "score",
        "profiles/masters-data-engineer.yaml",
        POSTING,
        "--fail-under",
        threshold,
        "--format",
        "json",
    )
    assert result.exit_code == code
    if code:
        assert "is under 100" in result.stderr


def test_gaps_are_ordered_by_the_points_they_would_add() -> None:
    result = run("score", "profiles/bachelors-web-developer.yaml", POSTING, "--format", "json")
    points = [gap["points"] for gap in json.loads(result.stdout)["gaps"]]
    assert points == sorted(points, reverse=True)
    assert points


def test_a_weights_file_changes_the_component_weights(tmp_path: Path) -> None:
    weights = tmp_path / "weights.yaml"
    weights.write_text("publications: 0\nbig_data: 0\n", encoding="utf-8")
    result = run(
        "score",
        "profiles/masters-data-engineer.yaml",
        POSTING,
        "--weights",
        str(weights),
        "--format",
        "json",
    )
    report = json.loads(result.stdout)
    by_name = {c["name"]: c["weight"] for c in report["components"]}
    assert by_name["publications"] == 0 and by_name["big_data"] == 0
    assert sum(by_name.values()) == pytest.approx(100.0)


def test_a_posting_without_publications_hands_their_weight_to_the_rest() -> None:
    result = run(
        "score",
        "profiles/masters-data-engineer.yaml",
        "postings/northwind-data-engineer.yaml",
        "--format",
        "json",
    )
    by_name = {c["name"]: c for c in json.loads(result.stdout)["components"]}
    assert by_name["publications"]["weight"] == 0
    assert by_name["publications"]["detail"] == "not asked by this posting"
    assert sum(c["weight"] for c in by_name.values()) == pytest.approx(100.0)


def test_a_missing_file_is_a_one_line_error_with_exit_2() -> None:
    result = run("score", "profiles/nobody.yaml", POSTING)
    assert result.exit_code == 2
    assert result.stderr.startswith("profiles/nobody.yaml: error: no such file")


def test_a_broken_posting_names_its_line_and_exits_2(tmp_path: Path) -> None:
    posting = tmp_path / "bad.yaml"
    posting.write_text("title: X\ncompany: Y\nrequired:\n  - {any_of: []}\n", encoding="utf-8")
    result = run("score", "profiles/phd-ml-student.yaml", str(posting))
    assert result.exit_code == 2
    assert f"{posting}:4:" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_posting_can_come_from_standard_input() -> None:
    text = PINTEREST.read_text(encoding="utf-8")
    piped = run("score", "profiles/phd-ml-student.yaml", "-", "--format", "json", stdin=text)
    direct = run("score", "profiles/phd-ml-student.yaml", POSTING, "--format", "json")
    assert json.loads(piped.stdout)["score"] == json.loads(direct.stdout)["score"]


def test_save_keeps_the_report_as_svg_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "report.svg"
    first = run("score", "profiles/phd-ml-student.yaml", POSTING, "--save", str(target))
    assert first.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<svg")
    target.write_text("mine", encoding="utf-8")
    again = run("score", "profiles/phd-ml-student.yaml", POSTING, "--save", str(target))
    assert again.exit_code == 2
    assert target.read_text(encoding="utf-8") == "mine"


def test_plain_text_is_the_default_when_not_on_a_terminal() -> None:
    result = run("score", "profiles/phd-ml-student.yaml", POSTING)
    assert result.stdout.startswith("score: ")
    assert "\x1b[" not in result.stdout


def test_the_readme_worked_example_shows_the_real_scores() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| **score** |"))
    found = scores()
    shown = [float(cell.split("**")[1].split()[0]) for cell in row.split("|")[2:5]]
    order = ["phd-ml-student", "masters-data-engineer", "bachelors-web-developer"]
    assert shown == [found[name] for name in order]
