"""Evidence on real profiles and real prose (issue 13), through the CLI and the public API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import fitscore
from tests.conftest import PINTEREST, ROOT, run

SYSTEMS_ITEM = (
    "a systems language (Java, C++, Python) or an ML framework (TensorFlow, PyTorch, MLflow)"
)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def write_profile(tmp_path: Path, profile: dict[str, Any]) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(profile, sort_keys=False), encoding="utf-8")
    return path


def score_json(profile: Path, posting: Path | str = PINTEREST) -> dict[str, Any]:
    result = run("score", str(profile), str(posting), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def requirement(report: dict[str, Any], text: str) -> dict[str, Any]:
    found: dict[str, Any] = next(item for item in report["requirements"] if item["text"] == text)
    return found


# --- "airflow" the air, not the tool -----------------------------------------------------------

MECHANICAL = {
    "name": "Ana Mecánica",
    "summary": (
        "Mechanical engineer. Airflow and heat transfer are my field: I measured airflow over "
        "turbine blades in wind tunnels and simulated airflow in ANSYS Fluent."
    ),
    "skills": ["SolidWorks", "ANSYS"],
}


def test_airflow_in_an_engineers_prose_is_not_apache_airflow(tmp_path: Path) -> None:
    report = score_json(write_profile(tmp_path, MECHANICAL))
    item = requirement(report, SYSTEMS_ITEM)
    assert item["status"] == "missing"
    assert item["matched"] is None
    required = next(c for c in report["components"] if c["name"] == "required_skills")
    assert required["points"] == 0.0


def test_the_tool_named_as_the_tool_in_prose_is_found_but_counts_for_less(tmp_path: Path) -> None:
    profile = {"name": "Dee Engineer", "summary": "I built ETL jobs as Apache Airflow DAGs."}
    item = requirement(score_json(write_profile(tmp_path, profile)), SYSTEMS_ITEM)
    # Airflow implies Python, but prose is weak evidence and the implication cannot lift it.
    assert item["status"] == "partial"
    assert item["matched"] == "Apache Airflow"


def test_a_listed_tool_still_meets_through_its_implication(tmp_path: Path) -> None:
    profile = {"name": "Dee Engineer", "skills": ["Airflow"]}
    item = requirement(score_json(write_profile(tmp_path, profile)), SYSTEMS_ITEM)
    assert item["status"] == "met"


# --- "R or" is not Ruby on Rails -----------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["R or", "as R", "R to"])
def test_catalog_show_does_not_merge_r_with_the_next_word(phrase: str) -> None:
    result = run("catalog", "show", phrase)
    assert result.exit_code == 1
    assert "not in the skill catalogue" in result.stderr


def test_parse_reads_r_or_python_as_a_choice_of_r_and_python(tmp_path: Path) -> None:
    text = "Data Scientist\n\nRequirements:\n- 3+ years with R or Python\n"
    result = run("parse", "-", "--company", "Acme", stdin=text)
    assert result.exit_code == 0, result.stderr
    posting = yaml.safe_load(result.stdout)
    assert posting["required"] == [{"any_of": ["R", "Python"]}]
    assert "Ruby on Rails" not in result.stdout


def test_a_summary_saying_r_credits_r_and_nothing_merged_from_it(tmp_path: Path) -> None:
    summary = "I analyse trials in R. R or Python for modelling, with tools such as R to report."
    profile = fitscore.load_profile(str(write_profile(tmp_path, {"name": "S", "summary": summary})))
    posting_path = tmp_path / "posting.yaml"
    posting_path.write_text(
        "title: Engineer\ncompany: Acme\nrequired: [R, Ruby on Rails, Speech Recognition, RTOS]\n",
        encoding="utf-8",
    )
    report = fitscore.score(profile, fitscore.load_posting(str(posting_path)))
    statuses = {row.text: row.status for row in report.requirements}
    assert statuses == {
        "R": "partial",  # named in prose only: found, but less than a listed skill
        "Ruby on Rails": "missing",
        "Speech Recognition": "missing",
        "RTOS": "missing",
    }


# --- research shown by a doctorate and by papers --------------------------------------------------


def test_a_statistics_phd_with_papers_is_not_told_to_add_research(tmp_path: Path) -> None:
    profile = {
        "name": "Stella Tistic",
        "education": [
            {"degree": "phd", "field": "Statistics", "status": "in_progress", "expected": "2027-06"}
        ],
        "skills": ["R", "Python"],
        "publications": [
            {
                "title": "Shrinkage priors for sparse regression",
                "venue": "Biometrika",
                "year": 2025,
            },
            {"title": "Estimating treatment effects under interference", "venue": "JASA"},
        ],
    }
    report = score_json(write_profile(tmp_path, profile))
    assert requirement(report, "Research")["status"] == "met"
    assert not [gap for gap in report["gaps"] if gap["text"] == "Research"]
