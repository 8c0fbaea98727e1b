"""Every file in the example corpus goes through `fitscore validate` with golden output.

Set FITSCORE_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then review
the diff like any other code change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, run

INVALID = sorted(
    path for path in (EXAMPLES / "invalid").rglob("*") if path.suffix in (".yaml", ".yml")
)
VALID = sorted(path for path in (EXAMPLES / "valid").rglob("*") if path.suffix in (".yaml", ".yml"))
UPDATE = os.environ.get("FITSCORE_UPDATE_GOLDEN") == "1"


def _golden(path: Path, exit_code: int, stdout: str) -> str:
    return f"exit: {exit_code}\n{stdout}"


def test_the_corpus_holds_at_least_25_invalid_cases() -> None:
    assert len(INVALID) >= 25


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_file_is_reported_as_golden_says(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    relative = str(path.relative_to(ROOT))
    result = run("validate", relative)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code == 1
    assert result.stdout.startswith(relative + ":"), "every message names the file"
    golden = path.with_suffix(path.suffix + ".golden")
    actual = _golden(path, result.exit_code, result.stdout)
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == actual


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example_passes_without_errors(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("validate", str(path.relative_to(ROOT)))
    assert result.exit_code == 0, result.stdout
    assert ": error:" not in result.stdout


def test_shipped_profiles_and_postings_validate_cleanly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("validate", "profiles", "postings")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "0 invalid" in result.stderr


def test_one_broken_file_does_not_hide_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("validate", "tests/examples/invalid/profiles", "profiles")
    reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert len(reported) == len(list((EXAMPLES / "invalid" / "profiles").glob("*.yaml")))
    assert result.exit_code == 1
