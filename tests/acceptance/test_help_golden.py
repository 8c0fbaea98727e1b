"""Help and usage errors, byte for byte: the same under the lowest and the newest typer of the
range pyproject pins (CI runs this file under both).

Set FITSCORE_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("FITSCORE_UPDATE_GOLDEN") == "1"
COMMANDS = [
    [],
    ["score"],
    ["rank"],
    ["batch"],
    ["gaps"],
    ["validate"],
    ["parse"],
    ["schema"],
    ["init"],
    ["import"],
    ["import", "jsonresume"],
    ["catalog"],
    ["catalog", "show"],
    ["catalog", "categories"],
]
USAGE_ERRORS = {
    "format-not-a-choice": ["score", "a.yaml", "b.yaml", "--format", "yaml"],
    "top-not-a-number": ["rank", "a.yaml", "postings", "--top", "abc"],
    "top-zero": ["rank", "a.yaml", "postings", "--top", "0"],
    "min-score-too-high": ["rank", "a.yaml", "postings", "--min-score", "101"],
    "fail-under-not-a-number": ["score", "a.yaml", "b.yaml", "--fail-under", "x"],
    "jobs-too-many": ["rank", "a.yaml", "postings", "--jobs", "2147483648"],
    "max-bytes-too-large": ["validate", "postings", "--max-bytes", "9223372036854775807"],
    "kind-not-a-choice": ["validate", "postings", "--kind", "resume"],
    "today-not-a-date": ["score", "a.yaml", "b.yaml", "--today", "yesterday"],
    "missing-argument": ["score", "a.yaml"],
    "unknown-option": ["rank", "a.yaml", "postings", "--colour"],
    "unknown-command": ["scroe"],
}


def check(path: Path, text: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{path.name} changed"


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda words: "-".join(words) or "fitscore")
def test_help_of_every_command(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    name = "-".join(command) or "fitscore"
    check(GOLDEN / "help" / f"{name}.txt", result.stdout)


@pytest.mark.parametrize("name", sorted(USAGE_ERRORS))
def test_usage_errors_are_in_our_words(name: str) -> None:
    result = run(*USAGE_ERRORS[name])
    assert result.exit_code == 2
    assert "Input should be" not in result.stderr and "Value error" not in result.stderr
    check(GOLDEN / "usage" / f"{name}.txt", result.stderr)


def console_script(*arguments: str) -> subprocess.CompletedProcess[str]:
    """The installed console script, which builds only the command it is asked for."""
    script = Path(sys.executable).with_name("fitscore")
    environment = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    return subprocess.run(
        [str(script), *arguments],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda words: "-".join(words) or "fitscore")
def test_the_console_script_prints_the_same_help(command: list[str]) -> None:
    done = console_script(*command, "--help")
    assert done.returncode == 0, done.stderr
    name = "-".join(command) or "fitscore"
    assert done.stdout == (GOLDEN / "help" / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(USAGE_ERRORS))
def test_the_console_script_gives_the_same_usage_errors(name: str) -> None:
    done = console_script(*USAGE_ERRORS[name])
    assert done.returncode == 2
    assert done.stderr == (GOLDEN / "usage" / f"{name}.txt").read_text(encoding="utf-8")
