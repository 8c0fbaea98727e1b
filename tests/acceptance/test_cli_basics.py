"""The command line as a whole: version, help, schema, validate formats and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fitscore.__about__ import __version__
from fitscore.schemas import json_schema
from fitscore.vocabulary import FileKind as Kind
from tests.conftest import ROOT, run


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_version_is_printed() -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout) == (0, f"fitscore {__version__}\n")


def test_python_dash_m_runs_the_same_program() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "fitscore", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, f"fitscore {__version__}\n")


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["rank"],
        ["gaps"],
        ["validate"],
        ["parse"],
        ["schema"],
        ["init"],
        ["import", "jsonresume"],
        ["catalog", "show"],
        ["catalog", "categories"],
    ],
    ids=" ".join,
)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example: fitscore" in result.stdout


@pytest.mark.parametrize("kind", list(Kind))
def test_the_committed_schemas_are_current(kind: Kind) -> None:
    committed = json.loads((ROOT / "schemas" / f"{kind.value}.schema.json").read_text("utf-8"))
    assert committed == json_schema(kind), f"run: fitscore schema {kind.value} > schemas/..."


def test_schema_command_prints_json_schema() -> None:
    result = run("schema", "posting")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Posting"
    assert {"title", "company", "required", "preferred", "degree"} <= set(schema["properties"])


def test_validate_json_format_lists_every_file_and_problem() -> None:
    result = run("validate", "tests/examples/invalid/postings", "--format", "json")
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert len(report["files"]) == report["summary"]["files"] >= 10
    assert all(f["problems"] for f in report["files"])
    assert result.exit_code == 1


def test_validate_github_format_annotates_file_line_and_column() -> None:
    path = "tests/examples/invalid/profiles/01-misspelled-top-level-key.yaml"
    result = run("validate", path, "--format", "github")
    assert result.stdout.startswith(
        f"::error file={path},line=8,col=1,title=fitscore unknown-key::"
    )


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("name: A\nskills: [Python, python, Pytorh]\n", encoding="utf-8")
    relaxed = run("validate", str(profile))
    assert relaxed.exit_code == 0
    assert "listed twice" in relaxed.stdout
    assert "did you mean PyTorch?" in relaxed.stdout
    assert run("validate", str(profile), "--strict").exit_code == 1


def test_empty_skills_list_is_a_warning(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("name: A\nskills: []\n", encoding="utf-8")
    result = run("validate", str(profile))
    assert "warning: the skills list is empty [empty-skills]" in result.stdout


def test_kind_is_detected_from_keys_outside_known_folders(tmp_path: Path) -> None:
    posting = tmp_path / "job.yaml"
    posting.write_text("title: T\ncompany: C\nrequired: [Python]\nfoo: 1\n", encoding="utf-8")
    result = run("validate", str(posting))
    assert "unknown key 'foo'" in result.stdout
    forced = run("validate", str(posting), "--kind", "profile")
    assert "this file is a posting, not a profile (it has 'title', 'required', 'company')" in (
        forced.stdout
    )


def test_a_path_that_does_not_exist_exits_2() -> None:
    result = run("validate", "no/such/place")
    assert result.exit_code == 2
    assert result.stdout.startswith("no/such/place: error: no such file or folder")


def test_catalog_show_explains_a_term() -> None:
    result = run("catalog", "show", "k8s")
    assert result.stdout.startswith("skill: Kubernetes\n")


def test_an_unknown_option_is_a_usage_error() -> None:
    assert run("score", "--no-such-option").exit_code == 2


def test_a_bug_is_one_line_and_exit_70_not_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **options: object) -> None:
        raise ValueError("something fitscore got wrong")

    monkeypatch.setattr("fitscore.scoring.engine.Scorer.score", broken)
    monkeypatch.delenv("FITSCORE_DEBUG", raising=False)
    result = run(
        "score",
        "profiles/phd-ml-student.yaml",
        str(ROOT / "postings" / "lumen-frontend-engineer.yaml"),
    )
    assert result.exit_code == 70
    assert result.stderr.startswith("fitscore: internal error: ValueError: something fitscore")
    assert "FITSCORE_DEBUG=1" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_the_core_message_gets_the_command_line_hint(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("name: x\n", encoding="utf-8")
    result = run("init", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"fitscore: error: {target} exists; use --force to overwrite it\n"


def test_the_entry_point_uses_the_documented_exit_codes() -> None:
    from fitscore import entry, errors

    assert (entry.EXIT_USAGE, entry.EXIT_INTERRUPTED, entry.EXIT_CLOSED_PIPE) == (
        errors.EXIT_USAGE,
        errors.EXIT_INTERRUPTED,
        errors.EXIT_CLOSED_PIPE,
    )
