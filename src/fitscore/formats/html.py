"""Self-contained HTML pages of a score, a ranking and a skill-demand roll-up (``--save X.html``).

Each page is one file that needs no network: styles inline, the system's own fonts, charts as
inline SVG drawn from the report's numbers, no script. Every piece of user text is escaped.
The same report gives the same bytes (the footer names the fitscore version, not a time).
Colours follow the terminal's: a band's or a status's tone comes from ``BAND_STYLES`` and
``STATUS_STYLES``, so that knowledge stays in one place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from fitscore.__about__ import __version__
from fitscore.diagnostics import Problem
from fitscore.formats.score import BAND_STYLES, STATUS_MARKS, STATUS_STYLES
from fitscore.reports import DemandReport, RankEntry, RankReport, ScoreReport

if TYPE_CHECKING:
    from fitscore.formats import Report

TONES = ("green", "yellow", "red")
HISTOGRAM_BIN = 10
TOP_SKILLS = 15

CSS = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e;
  --line: #d1d9e0; --card: #f6f8fa; --track: #e6eaef; --accent: #0969da;
  --green: #1a7f37; --yellow: #9a6700; --red: #cf222e; --none: #59636e; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --card: #151b23;
    --track: #262c36; --accent: #4493f8; --green: #3fb950; --yellow: #d29922; --red: #f85149;
    --none: #9198a1; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.45;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Noto Sans", "Liberation Sans", sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 1rem; }
header h1 { font-size: 1.6rem; margin: 0.2rem 0 0.3rem; overflow-wrap: anywhere; }
.eyebrow { margin: 0; color: var(--muted); font-size: 0.85rem; letter-spacing: 0.04em;
  text-transform: uppercase; }
.muted, .path { color: var(--muted); }
.path { font-size: 0.8rem; overflow-wrap: anywhere;
  font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
p { margin: 0.3rem 0; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 0.6rem; padding-bottom: 0.25rem;
  border-bottom: 1px solid var(--line); }
section { break-inside: auto; }
.headline { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem;
  margin: 1rem 0; padding: 1rem 1.25rem; background: var(--card); border: 1px solid var(--line);
  border-radius: 10px; }
.big { font-size: 3rem; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
.big small { font-size: 1rem; font-weight: 400; color: var(--muted); }
.headline .bar { flex: 1 1 14rem; height: 1rem; }
.band { font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; }
.chips { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.6rem 0; padding: 0;
  list-style: none; }
.chips li { padding: 0.15rem 0.6rem; border: 1px solid var(--line); border-radius: 999px;
  font-size: 0.9rem; }
.scroll { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
th, td { padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
th { white-space: nowrap; }
th { font-size: 0.8rem; color: var(--muted); font-weight: 600; text-transform: uppercase;
  letter-spacing: 0.03em; }
td .path { overflow-wrap: break-word; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums;
  overflow-wrap: normal; }
td.barcell { width: 8rem; min-width: 5rem; }
td.barcell .bar { margin-top: 0.4rem; }
tr { break-inside: avoid; }
.bar { display: block; height: 0.6rem; background: var(--track); border-radius: 999px;
  overflow: hidden; }
.fill { display: block; height: 100%; border-radius: 999px; background: var(--accent); }
.bar, .fill, .chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.tone-green { color: var(--green); } .fill.tone-green { background: var(--green); }
.tone-yellow { color: var(--yellow); } .fill.tone-yellow { background: var(--yellow); }
.tone-red { color: var(--red); } .fill.tone-red { background: var(--red); }
.tone-none { color: var(--none); } .fill.tone-none { background: var(--none); }
.fill.tone-accent { background: var(--accent); }
.mark { font-weight: 700; white-space: nowrap; }
.gaps { list-style: none; margin: 0; padding: 0; }
.gaps li { display: grid; grid-template-columns: 4.5rem 1fr; gap: 0.2rem 0.75rem;
  padding: 0.6rem 0; border-bottom: 1px solid var(--line); break-inside: avoid; }
.gaps .points { font-weight: 700; font-size: 1.1rem; text-align: right;
  font-variant-numeric: tabular-nums; }
.gaps .what { overflow-wrap: anywhere; }
.gaps .kind { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; }
.gaps .suggestion { grid-column: 2; color: var(--muted); font-size: 0.92rem; }
.notes li, .problems li { margin: 0.25rem 0; overflow-wrap: anywhere; }
figure { margin: 0.5rem 0 1rem; }
figcaption { color: var(--muted); font-size: 0.85rem; }
.chart { display: block; width: 100%; max-width: 40rem; height: auto; }
.hbars { list-style: none; margin: 0; padding: 0; max-width: 52rem; }
.hbars li { display: grid; grid-template-columns: minmax(0, 1fr) 17rem;
  gap: 0.1rem 0.75rem; align-items: center; padding: 0.2rem 0; break-inside: avoid; }
.hbars .label { grid-column: 1 / -1; font-size: 0.9rem; overflow-wrap: anywhere; }
.hbars .bar { height: 0.75rem; }
.hbars .note { font-size: 0.85rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.chart text { fill: var(--fg); font: 13px system-ui, -apple-system, "Segoe UI", Roboto,
  Arial, sans-serif; }
.chart .axis { stroke: var(--muted); stroke-width: 1; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .tick { fill: var(--muted); font-size: 12px; }
.chart .value { font-weight: 700; }
.chart .seg-green { fill: var(--green); } .chart .seg-yellow { fill: var(--yellow); }
.chart .seg-red { fill: var(--red); } .chart .seg-none { fill: var(--none); }
footer { max-width: 72rem; margin: 1.5rem auto 2rem; padding: 0 1.25rem; color: var(--muted);
  font-size: 0.8rem; }
@media (max-width: 40rem) {
  main { padding: 1rem 0.75rem; }
  .big { font-size: 2.4rem; }
  th, td { padding: 0.35rem 0.3rem; font-size: 0.88rem; }
  td.barcell { width: 4rem; min-width: 3rem; }
  .hide-narrow, td .path { display: none; }
  .scroll table { min-width: 34rem; }
  .hbars li { grid-template-columns: minmax(0, 1fr) 9.5rem; }
  .gaps li { grid-template-columns: 3.5rem 1fr; }
}
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --line: #bbbbbb; --card: #ffffff;
    --track: #e6e6e6; --green: #1a7f37; --yellow: #9a6700; --red: #cf222e; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  h2 { break-after: avoid; }
}
"""


def _e(text: object) -> str:
    """User text, safe in an element's content and in a quoted attribute."""
    return escape(str(text), quote=True)


def _tone(style: str | None) -> str:
    """The colour word of a rich style ("bold green" -> "green"), or "none"."""
    words = (style or "").split()
    return next((word for word in reversed(words) if word in TONES), "none")


def band_tone(band: str) -> str:
    return _tone(BAND_STYLES.get(band))


def status_tone(status: str) -> str:
    return _tone(STATUS_STYLES.get(status))


def _number(value: float) -> str:
    return f"{value:.1f}"


def _bar(fraction: float, tone: str, label: str) -> str:
    percent = max(0.0, min(100.0, fraction * 100))
    return (
        f'<span class="bar" role="img" aria-label="{_e(label)}">'
        f'<span class="fill tone-{tone}" style="width:{percent:.1f}%"></span></span>'
    )


def _page(title: str, body: Iterable[str]) -> str:
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="color-scheme" content="light dark">\n',
            '<meta name="generator" content="fitscore ',
            _e(__version__),
            '">\n<title>',
            _e(title),
            "</title>\n<style>",
            CSS,
            "</style>\n</head>\n<body>\n<main>\n",
            *body,
            "</main>\n<footer><p>generated by fitscore ",
            _e(__version__),
            "</p></footer>\n</body>\n</html>\n",
        ]
    )


def _section(heading: str, *parts: str) -> str:
    return f"<section>\n<h2>{_e(heading)}</h2>\n" + "".join(parts) + "</section>\n"


def _table(head: Sequence[tuple[str, str]], rows: Iterable[Sequence[tuple[str, str]]]) -> str:
    """A table from (class, html) cells; the html is already escaped by the caller."""

    def cells(tag: str, row: Sequence[tuple[str, str]]) -> str:
        return "".join(
            f'<{tag} class="{css}">{content}</{tag}>' if css else f"<{tag}>{content}</{tag}>"
            for css, content in row
        )

    body = "".join(f"<tr>{cells('td', row)}</tr>\n" for row in rows)
    return (
        f'<div class="scroll"><table>\n<thead><tr>{cells("th", head)}</tr></thead>\n'
        f"<tbody>\n{body}</tbody>\n</table></div>\n"
    )


def _list(css: str, items: Iterable[str]) -> str:
    return f'<ul class="{css}">\n' + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>\n"


def _problems(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    items = (
        f'<span class="path">{_e(problem.location())}</span> {_e(problem.severity.value)}: '
        f"{_e(problem.message)}"
        for problem in problems
    )
    return _section("Files that could not be scored", _list("problems", items))


def _notes(notes: Sequence[str]) -> str:
    return _section("Notes", _list("notes", (_e(note) for note in notes))) if notes else ""


# -- one posting ----------------------------------------------------------------------------


def score_title(report: ScoreReport) -> str:
    return (
        f"fitscore: {_number(report.score)} ({report.band}) for {report.title} at "
        f"{report.company} — {report.profile_name}"
    )


def score_page(report: ScoreReport) -> str:
    """One profile against one posting: score, components, requirements, gaps, notes."""
    tone = band_tone(report.band)
    header = (
        '<header>\n<p class="eyebrow">fitscore gap report</p>\n'
        f'<h1>{_e(report.title)} <span class="muted">at</span> {_e(report.company)}</h1>\n'
        f"<p>for <strong>{_e(report.profile_name)}</strong></p>\n"
        + (
            f'<p class="path">profile: {_e(report.profile_path)}</p>\n'
            if report.profile_path
            else ""
        )
        + (
            f'<p class="path">posting: {_e(report.posting_path)}</p>\n'
            if report.posting_path
            else ""
        )
        + "</header>\n"
    )
    threshold = ""
    if report.fail_under is not None:
        verdict = "passes" if report.passed else "is under"
        threshold = f"<p>score {verdict} the threshold {report.fail_under:g}</p>"
    headline = (
        f'<section class="headline" aria-label="score">\n'
        f'<div class="big tone-{tone}">{_number(report.score)}<small> / 100</small></div>\n'
        f'<div class="band tone-{tone}">{_e(report.band)}</div>\n'
        + _bar(report.score / 100, tone, f"score {_number(report.score)} of 100")
        + f"\n<div><p>required items met: <strong>{report.required_met} of "
        f"{report.required_total}</strong></p>{threshold}</div>\n</section>\n"
    )
    components = _table(
        [("", "component"), ("num", "points"), ("barcell", ""), ("", "detail")],
        (
            [
                ("", _e(c.name.replace("_", " "))),
                ("num", f"{_number(c.points)} / {_number(c.weight)}"),
                (
                    "barcell",
                    _bar(
                        c.points / c.weight if c.weight else 0.0,
                        "none" if not c.weight else _share_tone(c.points, c.weight),
                        f"{_number(c.points)} of {_number(c.weight)}",
                    ),
                ),
                ("", _e(c.detail)),
            ]
            for c in report.components
        ),
    )
    parts = [header, headline, _section("Score breakdown", components)]
    if report.requirements:
        rows = []
        for item in report.requirements:
            status = item.status.value
            where = _e(item.matched) if item.matched is not None else "—"
            if item.matched is not None and item.similarity < 100:
                where += f' <span class="muted">(similarity {item.similarity:g})</span>'
            rows.append(
                [
                    (
                        "",
                        f'<span class="mark tone-{status_tone(status)}">'
                        f"{_e(STATUS_MARKS.get(status, '?'))} {_e(status)}</span>",
                    ),
                    ("", _e(item.section.value)),
                    ("", _e(item.text)),
                    ("", where),
                    ("hide-narrow", _e(item.source or "")),
                    ("num", _number(item.points_lost)),
                ]
            )
        head = [
            ("", "status"),
            ("", "kind"),
            ("", "requirement"),
            ("", "matched"),
            ("hide-narrow", "from"),
            ("num", "points lost"),
        ]
        parts.append(_section("Requirements", _table(head, rows)))
    gap_items = [
        f'<span class="points">+{_number(gap.points)}</span>'
        f'<span class="what"><span class="kind">{_e(gap.section.value)}</span> {_e(gap.text)}'
        f'</span><span class="suggestion">{_e(gap.suggestion)}</span>'
        for gap in report.gaps
    ]
    gaps = _list("gaps", gap_items) if gap_items else '<p class="tone-green">None.</p>\n'
    parts.append(_section("Gaps, by the points each would add", gaps))
    parts.append(_notes(report.notes))
    return _page(score_title(report), parts)


def _share_tone(points: float, weight: float) -> str:
    """A component's bar: green when full, red when empty, yellow in between."""
    if points >= weight:
        return "green"
    return "red" if points <= 0 else "yellow"


# -- charts ---------------------------------------------------------------------------------


def _svg(width: int, height: int, label: str, content: Iterable[str]) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_e(label)}"><title>{_e(label)}</title>\n' + "".join(content) + "</svg>\n"
    )


def _band_order(band: str) -> tuple[int, str]:
    """Best band first, as the scoring rules list them; an unknown band last."""
    order = list(BAND_STYLES)
    return (order.index(band) if band in order else len(order), band)


def _bins(entries: Sequence[RankEntry]) -> list[Counter[str]]:
    """Entries by score in bins of ten points (100 falls in the last), counted by band."""
    count = 100 // HISTOGRAM_BIN
    bins: list[Counter[str]] = [Counter() for _ in range(count)]
    for entry in entries:
        index = min(count - 1, max(0, int(entry.score // HISTOGRAM_BIN)))
        bins[index][entry.band] += 1
    return bins


def tick_step(largest: int) -> int:
    """A round step (1, 2, 5, 10, 20, 50...) that marks ``largest`` with at most five ticks."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if largest <= 5 * factor * magnitude:
                return factor * magnitude
        magnitude *= 10


def histogram(entries: Sequence[RankEntry]) -> str:
    """The score distribution as an SVG column chart, each column stacked by band."""
    bins = _bins(entries)
    largest = max((sum(b.values()) for b in bins), default=0)
    step = tick_step(largest)
    tallest = max(step, -(-largest // step) * step)
    left, top, plot_w, plot_h = 36, 16, 440, 170
    column = plot_w / len(bins)
    parts: list[str] = []
    for tick in range(0, tallest + 1, step):
        y = top + plot_h - plot_h * tick / tallest
        parts.append(
            f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>\n'
        )
    for index, counts in enumerate(bins):
        x = left + index * column + 4
        y = float(top + plot_h)
        for band in sorted(counts, key=_band_order):
            height = plot_h * counts[band] / tallest
            y -= height
            parts.append(
                f'<rect class="seg-{band_tone(band)}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{column - 8:.1f}" height="{height:.1f}"><title>'
                f"{_e(band)}: {counts[band]}</title></rect>\n"
            )
        total = sum(counts.values())
        if total:
            parts.append(
                f'<text class="value" x="{x + (column - 8) / 2:.1f}" y="{y - 4:.1f}" '
                f'text-anchor="middle">{total}</text>\n'
            )
    base = top + plot_h
    parts.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{left + plot_w}" y2="{base}"/>\n')
    for index in range(len(bins) + 1):
        x = left + index * column
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{base + 16}" text-anchor="middle">'
            f"{index * HISTOGRAM_BIN}</text>\n"
        )
    parts.append(
        f'<text class="tick" x="{left + plot_w / 2:.1f}" y="{base + 34}" '
        'text-anchor="middle">score</text>\n'
    )
    described = ", ".join(
        f"{i * HISTOGRAM_BIN}-{(i + 1) * HISTOGRAM_BIN}: {sum(b.values())}"
        for i, b in enumerate(bins)
        if b
    )
    return _svg(
        left + plot_w + 16, base + 44, f"score distribution ({described or 'no postings'})", parts
    )


def bar_chart(rows: Sequence[tuple[str, float, str]], label: str) -> str:
    """Horizontal bars drawn with HTML, so the labels wrap and stay readable on a phone: each
    row's label, then its bar (longest for the largest value) and its note."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    items = "".join(
        f'<li><span class="label">{_e(name)}</span>'
        f'<span class="bar"><span class="fill tone-accent" '
        f'style="width:{max(1.0, 100 * value / largest):.1f}%"></span></span>'
        f'<span class="note">{_e(note)}</span></li>\n'
        for name, value, note in rows
    )
    return f'<ol class="hbars" aria-label="{_e(label)}">\n{items}</ol>\n'


# -- many postings --------------------------------------------------------------------------


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _scored_line(scored: int, inputs: int, failed: int) -> str:
    line = f"{_counted(scored, 'posting')} shown"
    if inputs:
        line += f" of {_counted(inputs, 'input')}"
    if failed:
        line += f"; {failed} could not be scored"
    return f"<p>{_e(line)}</p>\n"


def rank_title(report: RankReport) -> str:
    title = f"fitscore: {_counted(len(report.entries), 'posting')} ranked"
    if report.entries:
        best = report.entries[0]
        title += f" — best {_number(best.score)}, {best.title} at {best.company}"
    return title


def rank_page(report: RankReport) -> str:
    """Postings best first: a table with score bars, the score distribution, the top gaps."""
    bands = Counter(entry.band for entry in report.entries)
    chips = _list(
        "chips",
        (
            f'<span class="tone-{band_tone(band)}">{_e(band)}</span> {bands[band]}'
            for band in sorted(bands, key=_band_order)
        ),
    )
    header = (
        '<header>\n<p class="eyebrow">fitscore ranking</p>\n'
        f"<h1>{_e(_counted(len(report.entries), 'posting'))}, best first</h1>\n"
        + _scored_line(len(report.entries), report.inputs, report.failed)
        + (chips if report.entries else "")
        + "</header>\n"
    )
    rows = []
    for position, entry in enumerate(report.entries, 1):
        tone = band_tone(entry.band)
        gap = f"+{_number(entry.top_gap_points)} {_e(entry.top_gap)}" if entry.top_gap else ""
        rows.append(
            [
                ("num", str(position)),
                ("num", f'<strong class="tone-{tone}">{_number(entry.score)}</strong>'),
                ("barcell", _bar(entry.score / 100, tone, f"score {_number(entry.score)}")),
                ("", f'<span class="tone-{tone}">{_e(entry.band)}</span>'),
                ("", f'{_e(entry.title)}<br><span class="path">{_e(entry.path)}</span>'),
                ("", _e(entry.company)),
                ("num", f"{entry.required_met}/{entry.required_total}"),
                ("", gap),
            ]
        )
    head = [
        ("num", "#"),
        ("num", "score"),
        ("barcell", ""),
        ("", "band"),
        ("", "title"),
        ("", "company"),
        ("num", "required"),
        ("", "top gap"),
    ]
    parts = [header]
    parts.append(
        _section(
            "Score distribution",
            "<figure>\n",
            histogram(report.entries),
            "<figcaption>postings per 10 points of score, coloured by band</figcaption>\n",
            "</figure>\n",
        )
    )
    gaps = top_gaps(report.entries)
    if gaps:
        chart = bar_chart(
            [
                (text, count, f"{_counted(count, 'posting')}, +{_number(points)}")
                for text, count, points in gaps
            ],
            "the biggest gap of each posting, most frequent first",
        )
        parts.append(
            _section(
                "Most frequent biggest gaps",
                "<figure>\n",
                chart,
                "<figcaption>how many postings have this as their biggest gap, and the points it"
                " would add over them</figcaption>\n</figure>\n",
            )
        )
    parts.append(_section("Postings", _table(head, rows)))
    parts.append(_problems(report.problems))
    parts.append(_notes(report.notes))
    return _page(rank_title(report), parts)


def top_gaps(entries: Sequence[RankEntry]) -> list[tuple[str, int, float]]:
    """(gap, postings, points) of the postings' biggest gaps, most frequent first."""
    counts: Counter[str] = Counter()
    points: dict[str, float] = {}
    for entry in entries:
        if entry.top_gap:
            counts[entry.top_gap] += 1
            points[entry.top_gap] = points.get(entry.top_gap, 0.0) + entry.top_gap_points
    ordered = sorted(counts, key=lambda gap: (-counts[gap], -points[gap], gap))
    return [(gap, counts[gap], round(points[gap], 1)) for gap in ordered[:TOP_SKILLS]]


def demand_title(report: DemandReport) -> str:
    title = f"fitscore: {_counted(len(report.rows), 'skill')} to learn next"
    if report.rows:
        title += f" — first {report.rows[0].skill} (+{_number(report.rows[0].points)})"
    return title


def demand_page(report: DemandReport) -> str:
    """Missing skills over many postings: a chart of the top 15 by points, then the table."""
    header = (
        '<header>\n<p class="eyebrow">fitscore skills to learn next</p>\n'
        f"<h1>{_e(_counted(len(report.rows), 'skill'))} the postings ask for and you miss</h1>\n"
        + (
            f"<p>{_e(_counted(report.inputs, 'input'))} read"
            + (f"; {report.failed} could not be scored" if report.failed else "")
            + "</p>\n"
            if report.inputs
            else ""
        )
        + "</header>\n"
    )
    parts = [header]
    if report.rows:
        top = report.rows[:TOP_SKILLS]
        chart = bar_chart(
            [
                (
                    row.skill,
                    row.points,
                    f"+{_number(row.points)} · {_counted(row.postings, 'posting')}, "
                    f"required in {row.required_in}",
                )
                for row in top
            ],
            f"the {len(top)} missing skills worth most points",
        )
        parts.append(
            _section(
                f"Top {len(top)} by the points they would add",
                "<figure>\n",
                chart,
                "<figcaption>points the skill would add, summed over the postings that ask for"
                " it</figcaption>\n</figure>\n",
            )
        )
    rows = [
        [
            ("num", str(position)),
            ("", f"<strong>{_e(row.skill)}</strong>{_as_asked(row.skill, row.example)}"),
            ("num", str(row.postings)),
            ("num", str(row.required_in)),
            ("num", f"+{_number(row.points)}"),
            ("barcell", _bar(row.points / (report.rows[0].points or 1), "accent", "points")),
            ("num", f"+{_number(row.average_points)}"),
            ("hide-narrow", _e(", ".join(row.options))),
        ]
        for position, row in enumerate(report.rows, 1)
    ]
    head = [
        ("num", "#"),
        ("", "skill"),
        ("num", "postings"),
        ("num", "required in"),
        ("num", "points"),
        ("barcell", ""),
        ("num", "per posting"),
        ("hide-narrow", "would do"),
    ]
    parts.append(_section("Every missing skill", _table(head, rows) if rows else "<p>None.</p>\n"))
    parts.append(_problems(report.problems))
    parts.append(_notes(report.notes))
    return _page(demand_title(report), parts)


def _as_asked(skill: str, example: str) -> str:
    """A posting's own wording under the skill's name, only when it says something else."""
    if not example or example.casefold() == skill.casefold():
        return ""
    return f'<br><span class="muted">asked as: {_e(example)}</span>'


def page(report: Report) -> str:
    """The HTML page of any report that has one."""
    if isinstance(report, ScoreReport):
        return score_page(report)
    if isinstance(report, RankReport):
        return rank_page(report)
    if isinstance(report, DemandReport):
        return demand_page(report)
    raise TypeError(f"no HTML page for {type(report).__name__}")
