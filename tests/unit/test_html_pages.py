"""The HTML pages: one self-contained, escaped, deterministic, well-formed page per report."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest

from fitscore.__about__ import __version__
from fitscore.diagnostics import error
from fitscore.formats.html import demand_page, page, rank_page, score_page, tick_step
from fitscore.formats.score import BAND_STYLES
from fitscore.reports import (
    ComponentResult,
    DemandReport,
    DemandRow,
    Gap,
    RankEntry,
    RankReport,
    RequirementResult,
    ScoreReport,
)
from fitscore.vocabulary import Component, Section, Status

EVIL = "<script>alert('x')</script> & \"quoted\""
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "source", "area", "base"}


def score_report(text: str = "Python", band: str = "good", score: float = 73.9) -> ScoreReport:
    return ScoreReport(
        score=score,
        band=band,
        profile_path="profiles/me.yaml",
        profile_name=f"Ada {text}",
        posting_path="postings/acme.yaml",
        title=f"ML Intern {text}",
        company=f"Acme {text}",
        components=(
            ComponentResult(Component.REQUIRED_SKILLS, 45.0, 45.0, f"1 of 1 met {text}"),
            ComponentResult(Component.DEGREE, 15.0, 5.6, "master's"),
            ComponentResult(Component.PUBLICATIONS, 15.0, 0.0, "0 papers"),
            ComponentResult(Component.BIG_DATA, 0.0, 0.0, "not asked"),
        ),
        requirements=(
            RequirementResult(Section.REQUIRED, f"req {text}", Status.MET, text, "skills", 100, 0),
            RequirementResult(
                Section.PREFERRED, "Spark", Status.PARTIAL, f"Sparc {text}", "project", 91, 2.5
            ),
            RequirementResult(Section.PREFERRED, "Kafka", Status.MISSING, None, None, 0, 5.0),
        ),
        gaps=(Gap(Section.PREFERRED, f"gap {text}", 5.0, f"learn {text}"),),
        notes=(f"note {text}",),
    )


def entry(score: float, band: str, text: str = "x", gap: str | None = "CSS") -> RankEntry:
    return RankEntry(
        path=f"postings/{text}-{score}.yaml",
        title=f"Engineer {text}",
        company=f"Co {text}",
        score=score,
        band=band,
        required_met=1,
        required_total=3,
        top_gap=gap,
        top_gap_points=4.5 if gap else 0.0,
    )


def rank_report(text: str = "x") -> RankReport:
    entries = (
        entry(100.0, "excellent", text),
        entry(88.0, "excellent", text, gap=f"Rust {text}"),
        entry(84.0, "good", text),
        entry(55.0, "fair", text),
        entry(15.0, "weak", text),
        entry(12.0, "weak", text, gap=None),
    )
    problem = error(f"postings/{text}.yaml", 3, 4, "syntax", f"broken {text}")
    return RankReport(entries, (problem,), inputs=7, failed=1, notes=(f"note {text}",))


def demand_report(text: str = "x", rows: int = 20) -> DemandReport:
    return DemandReport(
        tuple(
            DemandRow(f"Skill{n} {text}", n % 4 + 1, n % 2, float(40 - n), f"as put {text}")
            for n in range(rows)
        ),
        inputs=12,
        notes=(f"note {text}",),
    )


PAGES: list[Callable[[str], str]] = [
    lambda text: score_page(score_report(text)),
    lambda text: rank_page(rank_report(text)),
    lambda text: demand_page(demand_report(text)),
]
IDS = ["score", "rank", "gaps"]


class Structure(HTMLParser):
    """Every element closed in order; the tags, the page's title and the text seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.seen: list[str] = []
        self.title = ""
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack[-2:] == ["head", "title"]:
            self.title += data
        self.text.append(data)


def parsed(text: str) -> Structure:
    structure = Structure()
    structure.feed(text)
    structure.close()
    return structure


@pytest.mark.parametrize("make", PAGES, ids=IDS)
def test_every_page_is_balanced_html5_with_one_title(make: Callable[[str], str]) -> None:
    text = make("x")
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    structure = parsed(text)
    assert structure.errors == []
    assert structure.stack == []
    assert structure.seen.count("title") >= 1
    assert structure.seen.count("html") == structure.seen.count("main") == 1
    assert structure.title.startswith("fitscore: ")
    assert '<meta name="viewport"' in text
    assert "prefers-color-scheme: dark" in text and "@media print" in text


EXTERNAL = re.compile(
    r"""(?:\b(?:src|href|xlink:href|action|poster)\s*=\s*["']?\s*(?:[a-z]+:)?//)"""
    r"""|url\(\s*["']?\s*(?!#)|@import|<script|<link\b|@font-face""",
    re.IGNORECASE,
)


@pytest.mark.parametrize("make", PAGES, ids=IDS)
def test_a_page_loads_nothing_from_anywhere(make: Callable[[str], str]) -> None:
    text = make("x")
    assert EXTERNAL.search(text) is None
    assert "http" not in text and "//" not in text.replace("://", "")
    # A link the user wrote stays text, never a resource.
    linked = make("https://example.com/cv.png")
    assert EXTERNAL.search(linked) is None
    assert "https://example.com/cv.png" in linked


def test_the_check_for_external_resources_can_fail() -> None:
    for sample in (
        '<img src="https://cdn.example/x.png">',
        "<img src=//cdn.example/x.png>",
        "@font-face { src: url(fira.woff2) }",
        '<script src="app.js"></script>',
        '<link rel="stylesheet" href="x.css">',
    ):
        assert EXTERNAL.search(sample), sample


@pytest.mark.parametrize("make", PAGES, ids=IDS)
def test_user_text_is_escaped_everywhere(make: Callable[[str], str]) -> None:
    text = make(EVIL)
    assert "<script" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;" in text
    structure = parsed(text)
    assert structure.errors == [] and structure.stack == []
    assert EVIL in "".join(structure.text)


@pytest.mark.parametrize("make", PAGES, ids=IDS)
def test_the_same_report_gives_the_same_bytes(make: Callable[[str], str]) -> None:
    assert make("x") == make("x")
    assert f"generated by fitscore {__version__}" in make("x")
    assert re.search(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}", make("x")) is None


def test_the_score_page_shows_score_band_components_requirements_gaps_notes() -> None:
    report = score_report()
    text = score_page(report)
    assert (
        parsed(text).title
        == "fitscore: 73.9 (good) for ML Intern Python at Acme Python — Ada Python"
    )
    assert '<div class="big tone-green">73.9<small> / 100</small></div>' in text
    assert 'style="width:73.9%"' in text
    assert "required items met: <strong>1 of 1</strong>" in text
    for word in ("required skills", "degree", "publications", "big data", "5.6 / 15.0"):
        assert word in text
    assert 'class="mark tone-green">✔ met' in text
    assert 'class="mark tone-yellow">~ partial' in text
    assert 'class="mark tone-red">✘ missing' in text
    assert "Sparc Python" in text and "(similarity 91)" in text
    assert "+5.0" in text and "learn Python" in text and "note Python" in text


def test_the_score_page_says_a_threshold_and_an_empty_gap_list() -> None:
    report = score_report()
    from dataclasses import replace

    text = score_page(replace(report, gaps=(), notes=(), fail_under=80.0))
    assert "score is under the threshold 80" in text
    assert '<p class="tone-green">None.</p>' in text
    assert "<h2>Notes</h2>" not in text


@pytest.mark.parametrize("band", sorted(BAND_STYLES))
def test_every_band_has_its_colour(band: str) -> None:
    tone = BAND_STYLES[band].split()[-1]
    assert f'<div class="band tone-{tone}">{band}</div>' in score_page(score_report(band=band))


def test_an_unknown_band_is_shown_without_colour() -> None:
    assert '<div class="band tone-none">odd</div>' in score_page(score_report(band="odd"))


def test_the_rank_page_lists_every_posting_with_its_band_and_bar() -> None:
    text = rank_page(rank_report())
    assert parsed(text).title == "fitscore: 6 postings ranked — best 100.0, Engineer x at Co x"
    assert text.count("<tr>") == 6 + 1
    for band in ("excellent", "good", "fair", "weak"):
        assert f"{band}</span>" in text
    assert 'style="width:84.0%"' in text
    assert "1/3" in text and "+4.5 Rust x" in text
    assert "6 postings shown of 7 inputs; 1 could not be scored" in text
    assert "postings/x.yaml:3:4</span> error: broken x" in text


def test_the_histogram_counts_bins_of_ten_points_by_band() -> None:
    text = rank_page(rank_report())
    label = re.search(r'<svg class="chart"[^>]*aria-label="score distribution \(([^"]*)\)"', text)
    assert label is not None
    assert label.group(1) == "10-20: 2, 50-60: 1, 80-90: 2, 90-100: 1"
    # The 80-90 column holds one excellent and one good posting, stacked.
    assert "<title>excellent: 1</title>" in text and "<title>good: 1</title>" in text


def test_the_rank_page_charts_the_most_frequent_biggest_gaps() -> None:
    text = rank_page(rank_report())
    chart = text.split("Most frequent biggest gaps")[1]
    assert chart.index("CSS") < chart.index("Rust x")
    assert "4 postings, +18.0" in chart and "1 posting, +4.5" in chart


def test_an_empty_ranking_still_makes_a_page() -> None:
    text = rank_page(RankReport(()))
    assert parsed(text).errors == []
    assert "score distribution (no postings)" in text
    assert "Most frequent biggest gaps" not in text


def test_the_gaps_page_charts_the_top_fifteen_and_tables_them_all() -> None:
    text = demand_page(demand_report(rows=20))
    assert parsed(text).title == "fitscore: 20 skills to learn next — first Skill0 x (+40.0)"
    chart, table = text.split("Every missing skill")
    assert chart.count('<span class="label">') == 15
    assert "+40.0 · 1 posting, required in 0" in chart
    assert "Skill15 x" not in chart
    assert table.count("<tr>") == 20 + 1 and "Skill19 x" in table


def test_page_picks_the_page_of_the_report() -> None:
    assert page(score_report()) == score_page(score_report())
    assert page(rank_report()) == rank_page(rank_report())
    assert page(demand_report()) == demand_page(demand_report())


@pytest.mark.parametrize(
    ("largest", "step"), [(0, 1), (1, 1), (5, 1), (6, 2), (10, 2), (22, 5), (60, 20), (999, 200)]
)
def test_the_histogram_axis_has_round_ticks(largest: int, step: int) -> None:
    assert tick_step(largest) == step


def test_the_histogram_axis_is_marked_in_round_steps() -> None:
    text = rank_page(rank_report())
    ticks = re.findall(r'text-anchor="end">(\d+)</text>', text)
    assert ticks == ["0", "1", "2"]
