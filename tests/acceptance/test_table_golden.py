"""The rank and score tables as a terminal of 80 or 120 columns draws them, colour off.

At 80 columns a ranking is one line a posting (rank, score, band, title, company); at 120 it
adds the bar, the required count and the top gap. Set FITSCORE_UPDATE_GOLDEN=1 to rewrite.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest

import fitscore
from fitscore.formats.plain import plain_text
from fitscore.formats.rank import as_renderable as rank_table
from fitscore.formats.score import as_renderable as score_table
from tests.conftest import PINTEREST, ROOT, TODAY

GOLDEN = ROOT / "tests" / "golden" / "tables"
UPDATE = os.environ.get("FITSCORE_UPDATE_GOLDEN") == "1"
DAY = dt.date.fromisoformat(TODAY)
PROFILE = str(ROOT / "profiles" / "masters-data-engineer.yaml")


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} changed"


@pytest.mark.parametrize("width", [80, 120])
def test_the_rank_table_fits_the_terminal_one_line_a_posting(width: int) -> None:
    report = fitscore.rank(PROFILE, [str(ROOT / "postings")], today=DAY)
    text = plain_text(rank_table(report, width), width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    assert len(lines) == 5 + len(report.entries)  # title, 3 rule lines, header, one a posting
    assert ("top gap" in text) is (width >= 120)
    check(f"rank-{width}.txt", text)


@pytest.mark.parametrize("width", [80, 120])
def test_the_score_report_fits_the_terminal(width: int) -> None:
    report = fitscore.score(PROFILE, str(PINTEREST), today=DAY)
    text = plain_text(score_table(report), width)
    assert max(len(line) for line in text.splitlines()) <= width
    check(f"score-{width}.txt", text)


@pytest.mark.parametrize("width", [80, 120])
def test_a_score_report_with_nothing_matched_drops_its_empty_columns(width: int) -> None:
    profile = str(ROOT / "profiles" / "bachelors-web-developer.yaml")
    report = fitscore.score(profile, str(PINTEREST), today=DAY)
    assert not any(item.matched or item.source for item in report.requirements)
    text = plain_text(score_table(report), width)
    requirements = text.split("Requirements", 1)[1].split("Gaps", 1)[0]
    assert "matched" not in requirements and "from" not in requirements
    assert max(len(line) for line in text.splitlines()) <= width
    check(f"score-nothing-matched-{width}.txt", text)
