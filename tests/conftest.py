"""Shared test setup: a pinned date, no colour, no user catalogue, a CLI runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from fitscore.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "examples"
PINTEREST = ROOT / "postings" / "pinterest-phd-ml-intern-2026.yaml"
PROFILES = ROOT / "profiles"
TODAY = "2026-11-30"


@pytest.fixture(autouse=True)
def _isolated(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Tests never see the developer's own catalogue, cache, colours or clock."""
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("FITSCORE_CACHE", raising=False)
    monkeypatch.delenv("FITSCORE_CATALOG", raising=False)
    monkeypatch.setenv("FITSCORE_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    yield


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    """Invoke the CLI in-process, as a user would from a shell."""
    return CliRunner().invoke(app, list(args), input=stdin, catch_exceptions=False)
