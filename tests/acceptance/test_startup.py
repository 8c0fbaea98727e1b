"""What the console script does to start fast, checked by what it loads (never by a timer:
bench/score_startup.py measures the time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PINTEREST, PROFILES, TODAY

# Runs the console script's main() and reports, after the command, what was loaded.
PROBE = """
import atexit, gc, json, sys
target = sys.argv.pop(1)
def report():
    loader = sys.modules.get("pydantic.plugin._loader")
    json.dump({
        "modules": sorted(sys.modules),
        "collecting": gc.isenabled(),
        "real_plugin_loader": loader is not None and hasattr(loader, "__file__"),
    }, open(target, "w"))
atexit.register(report)
from fitscore.entry import main
main()
"""


def probe(tmp_path: Path, *arguments: str, **environment: str) -> dict[str, object]:
    target = tmp_path / "loaded.json"
    env = {**os.environ, "FITSCORE_TODAY": TODAY, "NO_COLOR": "1", **environment}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(target), *arguments],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    loaded: dict[str, object] = json.loads(target.read_text(encoding="utf-8"))
    return loaded


SCORE_JSON = ("score", str(PROFILES / "phd-ml-student.yaml"), str(PINTEREST), "--format", "json")


def test_score_json_loads_no_package_metadata_no_rich_and_no_other_command(
    tmp_path: Path,
) -> None:
    loaded = probe(tmp_path, *SCORE_JSON)
    modules = loaded["modules"]
    assert isinstance(modules, list)
    for unneeded in (
        "importlib.metadata",  # pydantic's plugin discovery
        "rich.console",  # no table is drawn for json
        "fitscore.reports.ranking",
        "fitscore.reports.batch",
        "fitscore.reports.validation",
        "fitscore.drafting",
        "fitscore.importers",
        "fitscore.ranking",
        "tempfile",  # nothing is written
    ):
        assert unneeded not in modules, unneeded
    assert "fitscore.reports.score" in modules


def test_the_garbage_collector_runs_again_once_the_work_begins(tmp_path: Path) -> None:
    assert probe(tmp_path, *SCORE_JSON)["collecting"] is True


@pytest.mark.parametrize("setting", ["", "some_plugin"])
def test_pydantic_plugins_the_user_enabled_are_still_discovered(
    tmp_path: Path, setting: str
) -> None:
    loaded = probe(tmp_path, *SCORE_JSON, PYDANTIC_DISABLE_PLUGINS=setting)
    assert loaded["real_plugin_loader"] is True


def test_with_plugins_off_pydantic_finds_none(tmp_path: Path) -> None:
    loaded = probe(tmp_path, *SCORE_JSON)
    assert loaded["real_plugin_loader"] is False
