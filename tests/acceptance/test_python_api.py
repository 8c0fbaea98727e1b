"""The documented Python API (README "Python API"): same numbers as the CLI, nothing printed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import fitscore
from fitscore.errors import InputError
from fitscore.reports import DemandReport, RankReport, ScoreReport, ValidationReport
from tests.conftest import PINTEREST, ROOT, TODAY, run

PROFILE = ROOT / "profiles" / "phd-ml-student.yaml"
DAY = dt.date.fromisoformat(TODAY)


@pytest.fixture(autouse=True)
def _nothing_printed(capsys: pytest.CaptureFixture[str]) -> object:
    yield
    printed = capsys.readouterr()
    assert (printed.out, printed.err) == ("", "")


def test_score_of_models_equals_the_cli_json_report() -> None:
    profile = fitscore.load_profile(str(PROFILE))
    posting = fitscore.load_posting(str(PINTEREST))
    report = fitscore.score(profile, posting, today=DAY)
    cli = json.loads(run("score", str(PROFILE), str(PINTEREST), "--format", "json").stdout)
    assert isinstance(report, ScoreReport)
    assert report.score == cli["score"]
    assert [c.points for c in report.components] == [c["points"] for c in cli["components"]]
    assert report.exit_code == 0


def test_score_reads_paths_and_checks_a_threshold() -> None:
    report = fitscore.score(str(PROFILE), str(PINTEREST), today=DAY, fail_under=99.9)
    assert report.profile_path == str(PROFILE) and report.posting_path == str(PINTEREST)
    assert (report.passed, report.exit_code) == (False, 1)


def test_loads_locate_problems_in_the_name_given() -> None:
    with pytest.raises(InputError) as raised:
        fitscore.loads_profile("name: Ada\nskills: [Python]\nskils: 1\n", name="me.yaml")
    problem = raised.value.problems[0]
    assert (problem.path, problem.line, problem.column) == ("me.yaml", 3, 1)
    assert fitscore.loads_profile("name: Ada\nskills: [Python]\n").skills[0].name == "Python"


def test_a_reused_scorer_gives_the_same_report_as_score() -> None:
    profile = fitscore.load_profile(str(PROFILE))
    posting = fitscore.load_posting(str(PINTEREST))
    scorer = fitscore.Scorer(profile, today=DAY)
    assert (
        scorer.score(posting)
        == scorer.score(posting)
        == fitscore.score(profile, posting, today=DAY)
    )


def test_rank_equals_the_cli_ranking() -> None:
    report = fitscore.rank(str(PROFILE), [str(ROOT / "postings")], today=DAY)
    cli = run("rank", str(PROFILE), str(ROOT / "postings"), "--format", "jsonl").stdout
    assert isinstance(report, RankReport)
    assert [json.dumps(e.to_dict(), ensure_ascii=False) for e in report.entries] == (
        cli.splitlines()
    )
    assert (report.problems, report.exit_code) == ((), 0)


def test_rank_reports_bad_files_as_problems_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    report = fitscore.rank(str(PROFILE), [str(tmp_path), str(PINTEREST), "nowhere"], today=DAY)
    assert [entry.path for entry in report.entries] == [str(PINTEREST)]
    assert {problem.path for problem in report.problems} == {
        str(tmp_path / "broken.yaml"),
        "nowhere",
    }
    assert (report.inputs, report.failed, report.exit_code) == (3, 2, 1)


def test_demand_equals_the_cli_roll_up() -> None:
    report = fitscore.demand(str(PROFILE), [str(ROOT / "postings")], today=DAY, top=3)
    cli = run("gaps", str(PROFILE), str(ROOT / "postings"), "--format", "json", "--top", "3")
    assert isinstance(report, DemandReport)
    assert [row.to_dict() for row in report.rows] == json.loads(cli.stdout)


def test_validate_returns_a_report_with_the_cli_exit_code() -> None:
    good = fitscore.validate([str(ROOT / "postings"), str(ROOT / "profiles")])
    bad = fitscore.validate([str(ROOT / "tests" / "examples" / "invalid")])
    missing = fitscore.validate(["nowhere"])
    assert isinstance(good, ValidationReport)
    assert (good.exit_code, bad.exit_code, missing.exit_code) == (0, 1, 2)
    assert all(problem.line > 0 for problem in bad.problems if problem.code != "unreadable")


def test_core_messages_name_no_command_line_option(tmp_path: Path) -> None:
    unknown = tmp_path / "thing.yaml"
    unknown.write_text("colour: blue\n", encoding="utf-8")
    big = tmp_path / "big.yaml"
    big.write_text("name: x\n" * 200_000, encoding="utf-8")
    report = fitscore.validate([str(unknown), str(big)])
    messages = [problem.message for problem in report.problems]
    assert len(messages) == 2
    assert not any("--" in message for message in messages), messages


def test_the_readme_python_example_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"print": lambda *args, **kwargs: None}
    exec(compile(code, "README.md", "exec"), namespace)
    ranking = namespace["ranking"]
    assert isinstance(ranking, RankReport)
    assert ranking.entries
