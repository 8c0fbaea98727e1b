"""The pre-commit hook of .pre-commit-hooks.yaml, installed and run by pre-commit itself."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None,
    reason="needs pre-commit and git",
)


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def snapshot_of_this_checkout(target: Path) -> Path:
    """The project as it is on disk (tracked and new files, not ignored ones), committed in
    a repository of its own: what pre-commit installs the hook from."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q")
    git(target, "add", ".")
    git(target, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "x")
    return target


def test_the_hook_fails_a_bad_profile_with_its_line_and_passes_a_good_one(tmp_path: Path) -> None:
    hook_repo = snapshot_of_this_checkout(tmp_path / "fitscore")
    user_repo = tmp_path / "cv"
    (user_repo / "profiles").mkdir(parents=True)
    shutil.copy(ROOT / "profiles" / "phd-ml-student.yaml", user_repo / "profiles" / "me.yaml")
    (user_repo / "profiles" / "typo.yaml").write_text("name: x\nskils: []\n", encoding="utf-8")
    git(user_repo, "init", "-q")
    git(user_repo, "add", ".")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    done = subprocess.run(
        ["pre-commit", "try-repo", str(hook_repo), "fitscore-validate", "--all-files"],
        cwd=user_repo,
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "profiles/typo.yaml:2:1: error: unknown key 'skils'" in done.stdout
    assert "checked 2 files: 1 valid, 1 invalid" in done.stdout
