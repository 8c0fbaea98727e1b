"""``--save FILE`` on score, rank and gaps: a page, an SVG or text, never over a file."""

from __future__ import annotations

import fcntl
import os
import struct
import termios
from pathlib import Path

import pytest

from fitscore.cli.terminal import saved_width
from fitscore.formats.plain import REPORT_WIDTH
from tests.conftest import PINTEREST, ROOT, run

PROFILE = str(ROOT / "profiles" / "masters-data-engineer.yaml")
POSTINGS = str(ROOT / "postings")
COMMANDS = {
    "score": ["score", PROFILE, str(PINTEREST)],
    "rank": ["rank", PROFILE, POSTINGS],
    "gaps": ["gaps", PROFILE, POSTINGS],
}
# What each saved report must say, whatever the suffix.
SAYS = {"score": "Pinterest", "rank": "Northwind", "gaps": "TypeScript"}
SVG_NAMESPACE = 'xmlns="http://www.w3.org/2000/svg"'


@pytest.mark.parametrize("suffix", [".html", ".htm", ".svg", ".txt"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_save_writes_the_report_by_its_suffix(command: str, suffix: str, tmp_path: Path) -> None:
    target = tmp_path / f"report{suffix}"
    result = run(*COMMANDS[command], "--save", str(target))
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert SAYS[command] in text
    if suffix in (".html", ".htm"):
        assert text.startswith("<!DOCTYPE html>")
        assert "<title>fitscore: " in text
        assert "http" not in text
    elif suffix == ".svg":
        assert text.startswith("<svg")
        assert "@font-face" not in text
        assert "http" not in text.replace(SVG_NAMESPACE, "", 1)
    else:
        assert "<" not in text.splitlines()[0]
        assert max(len(line) for line in text.splitlines()) <= REPORT_WIDTH


def test_the_report_on_stdout_is_unchanged_by_save(tmp_path: Path) -> None:
    plain = run(*COMMANDS["rank"], "--format", "tsv")
    saved = run(*COMMANDS["rank"], "--format", "tsv", "--save", str(tmp_path / "r.html"))
    assert saved.stdout == plain.stdout


def test_saved_text_is_as_wide_as_the_report_off_a_terminal(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    assert run(*COMMANDS["score"], "--save", str(target)).exit_code == 0
    assert max(len(line) for line in target.read_text(encoding="utf-8").splitlines()) == 100


def test_the_saved_width_follows_the_terminal() -> None:
    leader, follower = os.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 77, 0, 0))
        with open(follower, "w", closefd=False) as terminal:
            assert saved_width(terminal) == 77
    finally:
        os.close(leader)
        os.close(follower)


def test_the_saved_width_is_fixed_off_a_terminal(tmp_path: Path) -> None:
    with open(tmp_path / "out.txt", "w") as stream:
        assert saved_width(stream) == REPORT_WIDTH


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_save_never_overwrites_without_force(command: str, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("mine", encoding="utf-8")
    refused = run(*COMMANDS[command], "--save", str(target))
    assert refused.exit_code == 2
    assert "exists" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    forced = run(*COMMANDS[command], "--save", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("command", ["rank", "gaps"])
def test_an_unknown_suffix_is_refused_before_any_scoring(command: str, tmp_path: Path) -> None:
    result = run(*COMMANDS[command], "--save", str(tmp_path / "report.pdf"), "--format", "tsv")
    assert result.exit_code == 2
    assert "report.pdf" in result.stderr and ".html" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "report.pdf").exists()


def test_an_unknown_suffix_is_refused_by_score_too(tmp_path: Path) -> None:
    result = run(*COMMANDS["score"], "--save", str(tmp_path / "report.pdf"))
    assert result.exit_code == 2
    assert "--save must end in .html, .htm, .svg or .txt" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "report.pdf").exists()


def test_rank_cannot_stream_and_save(tmp_path: Path) -> None:
    result = run(*COMMANDS["rank"], "--stream", "--save", str(tmp_path / "r.html"))
    assert result.exit_code == 2
    assert "--stream" in result.stderr
    assert not (tmp_path / "r.html").exists()
