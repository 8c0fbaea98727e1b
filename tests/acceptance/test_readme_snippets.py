"""The README's CI snippet, run as written in a folder outside the repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

FITSCORE = [sys.executable, "-m", "fitscore"]


def readme_block_after(marker: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split(marker, 1)[1]
    return after.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_github_actions_commands_run_outside_the_repository(tmp_path: Path) -> None:
    block = readme_block_after("GitHub Actions (")
    commands = [
        line.split("- run:", 1)[1].strip()
        for line in block.splitlines()
        if "- run:" in line and "pip install" not in line
    ]
    assert [command.split()[1] for command in commands] == ["validate", "score"]
    user = tmp_path / "cv"
    (user / "profiles").mkdir(parents=True)
    (user / "postings").mkdir()
    shutil.copy(ROOT / "profiles" / "phd-ml-student.yaml", user / "profiles" / "me.yaml")
    shutil.copy(
        ROOT / "postings" / "pinterest-phd-ml-intern-2026.yaml", user / "postings" / "target.yaml"
    )
    environment = {**os.environ, "FITSCORE_TODAY": "2026-11-30", "FITSCORE_CACHE": "off"}
    for command in commands:
        words = re.sub(r"^fitscore ", "", command).split()
        done = subprocess.run(
            [*FITSCORE, *words], cwd=user, capture_output=True, text=True, env=environment
        )
        assert done.returncode == 0, (command, done.stdout, done.stderr)


def test_the_schema_snippet_runs_as_written_and_says_what_the_readme_shows(
    tmp_path: Path,
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## File formats", 1)[1].split("```console\n", 1)[1].split("```", 1)[0]
    lines = block.splitlines()
    command, shown = lines[0].removeprefix("$ "), lines[1:]
    assert command == "fitscore schema --write schemas"
    environment = {**os.environ, "FITSCORE_CACHE": "off"}
    done = subprocess.run(
        [*FITSCORE, *command.split()[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == shown
    (tmp_path / "profiles").mkdir()
    init = [*FITSCORE, "init", "-o", "profiles/me.yaml"]
    subprocess.run(init, cwd=tmp_path, check=True, capture_output=True, env=environment)
    text = (tmp_path / "profiles" / "me.yaml").read_text(encoding="utf-8")
    assert "$schema=../schemas/profile.schema.json" in text  # as the README says
    assert "`$schema=../schemas/profile.schema.json`" in readme
