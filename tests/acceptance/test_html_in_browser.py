"""The saved pages in a real browser: headless Chromium draws each one and reads its DOM.

Skipped when no Chromium (or Chrome) is installed. Every run starts a fresh, empty profile
folder, with networking features off and every host name unresolvable, so a page that needed
the network would show it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PINTEREST, ROOT, run

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
TIMEOUT = 60
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
PROFILE = str(ROOT / "profiles" / "masters-data-engineer.yaml")
POSTINGS = str(ROOT / "postings")
COMMANDS = {
    "score": ["score", PROFILE, str(PINTEREST)],
    "rank": ["rank", PROFILE, POSTINGS],
    "gaps": ["gaps", PROFILE, POSTINGS],
}


def expected(name: str, found: Any) -> tuple[str, str]:
    """The title and one number or word the page must show, from the command's JSON."""
    if name == "score":
        score = f"{found['score']:.1f}"
        posting = found["posting"]
        return f"fitscore: {score} ({found['band']}) for {posting['title']}", score
    if name == "rank":
        return f"fitscore: {len(found)} postings ranked", f"{found[0]['score']:.1f}"
    return f"fitscore: {len(found)} skills to learn next", found[0]["skill"]


pytestmark = pytest.mark.skipif(BROWSER is None, reason="no chromium or chrome on PATH")


def browse(page: Path, folder: Path, *action: str) -> subprocess.Popen[bytes]:
    """Start the browser on ``page`` with a new empty profile folder."""
    assert BROWSER is not None
    profile = folder / f"profile-{page.stem}-{len(action)}"
    profile.mkdir()
    return subprocess.Popen(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", *action, page.as_uri()],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str, Any]]:
    """Each page saved by the CLI, then drawn to a PNG and dumped as DOM, all at once."""
    folder = tmp_path_factory.mktemp("browser")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FITSCORE_TODAY", "2026-11-30")
        patch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
        patch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        patch.delenv("FITSCORE_CATALOG", raising=False)
        patch.delenv("FITSCORE_CACHE", raising=False)
        found = {}
        for name, command in COMMANDS.items():
            result = run(*command, "--save", str(folder / f"{name}.html"), "--format", "json")
            assert result.exit_code == 0, result.stderr
            found[name] = json.loads(result.stdout)
    running = {}
    for name in COMMANDS:
        page = folder / f"{name}.html"
        shot = f"--screenshot={folder / f'{name}.png'}"
        running[name] = (
            browse(page, folder, shot, "--window-size=1200,1600"),
            browse(page, folder, "--dump-dom"),
        )
    results = {}
    for name, (screenshot, dump) in running.items():
        dom, _ = dump.communicate(timeout=TIMEOUT)
        screenshot.communicate(timeout=TIMEOUT)
        assert screenshot.returncode == 0 and dump.returncode == 0
        results[name] = (folder / f"{name}.png", dom.decode("utf-8"), found[name])
    return results


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_chromium_draws_the_page(name: str, drawn: dict[str, tuple[Path, str, Any]]) -> None:
    png, _, _ = drawn[name]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_chromium_reads_the_title_and_the_numbers(
    name: str, drawn: dict[str, tuple[Path, str, Any]]
) -> None:
    _, dom, found = drawn[name]
    title, shown = expected(name, found)
    assert f"<title>{title}" in dom
    assert shown in dom
    assert '<span class="fill' in dom
    if name == "rank":
        assert '<svg class="chart"' in dom
    if name == "gaps":
        assert '<ol class="hbars"' in dom
