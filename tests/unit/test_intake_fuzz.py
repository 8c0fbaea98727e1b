"""Fuzzers for the intake doors (issue 17): `import jsonresume` on generated JSON shapes and
`parse` on generated HTML shapes. Whatever the input: a documented exit code, no traceback, and
any file written is one fitscore itself accepts.

In process (`tests.conftest.run`) to stay fast; set FITSCORE_FUZZ_EXAMPLES (e.g. 2000) for a
longer local run.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import run
from tests.hostile import FORBIDDEN

EXAMPLES = int(os.environ.get("FITSCORE_FUZZ_EXAMPLES", "40"))
CASES = itertools.count()  # one file name per example (hypothesis reseeds `random` each time)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=10_000,  # a run must end within seconds, whatever the input
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- JSON Resume shapes -------------------------------------------------------------------

odd_text = st.sampled_from(
    [
        "",
        " ",
        "Python",
        "C/C++, Go; Rust | SQL",
        "Languages (Python, Go)",
        "Ph.D. Computer Science",
        "Master of Science",
        "2021",
        "2021-05",
        "2021-13",
        "May 2021 - Present",
        "Sept '24",
        "Summer 2019",
        "present",
        "0000-00-00",
        "99999",
        "x" * 250,
        "y" * 10_050,
        "a" + " " * 3_000 + "b",
        "((((((((",
        "Ünïcödé ✓ 日本語",
        "\u2028line\u2029sep\x85nel",
        "\x1b]0;title\x07\x1b[2J",
    ]
)
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | odd_text
    | st.text(max_size=30)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = {
    "basics": ["name", "label", "summary", "email", "profiles", "location"],
    "work": ["name", "company", "position", "startDate", "endDate", "summary", "highlights"],
    "education": ["institution", "area", "studyType", "startDate", "endDate", "score"],
    "skills": ["name", "level", "keywords"],
    "projects": ["name", "description", "keywords", "highlights", "url"],
    "publications": ["name", "publisher", "releaseDate", "url"],
    "awards": ["title", "date"],
    "languages": ["language", "fluency"],
}
field_values = json_values | st.lists(odd_text, max_size=5)


@st.composite
def entry(draw: st.DrawFn, section: str) -> dict[str, Any]:
    names = draw(st.lists(st.sampled_from(FIELDS[section]), max_size=6, unique=True))
    return {name: draw(field_values) for name in names}


@st.composite
def deep(draw: st.DrawFn) -> Any:
    """A value wrapped in lists and objects: a few levels, or past every limit."""
    value: Any = draw(json_scalars)
    for _ in range(draw(st.sampled_from([1, 10, 63, 70, 1_500]))):
        value = [value] if draw(st.booleans()) else {"k": value}
    return value


@st.composite
def resumes(draw: st.DrawFn) -> Any:
    shape = draw(st.sampled_from(["resume", "resume", "resume", "any", "deep"]))
    if shape == "any":
        return draw(json_values)
    if shape == "deep":
        return {"basics": {"name": "Ada"}, "work": draw(deep())}
    document: dict[str, Any] = {}
    if draw(st.booleans()) or draw(st.booleans()):
        document["basics"] = {
            "name": draw(odd_text | st.just("Ada Example")),
            **draw(entry("basics")),
        }
    for section in draw(st.lists(st.sampled_from(sorted(FIELDS)), max_size=6, unique=True)):
        if section == "basics":
            continue
        if draw(st.integers(0, 9)) == 0:
            document[section] = draw(json_values)  # the right key, the wrong shape
        else:
            document[section] = draw(st.lists(entry(section), max_size=4))
    if draw(st.booleans()):
        document[draw(st.text(max_size=15))] = draw(json_values)
    return document


def written(data: Any, draw_text: str) -> str:
    if draw_text == "duplicate" and isinstance(data, dict) and data:
        # The same key twice at the top: text json.dumps can never write.
        key = json.dumps(next(iter(data)))
        return "{" + f"{key}: 1, " + json.dumps(data)[1:]
    return json.dumps(data, ensure_ascii=draw_text == "ascii")


def check(result_code: int, output: str) -> None:
    assert result_code in (0, 2), (result_code, output[-800:])
    for word in FORBIDDEN:
        assert word not in output, output[-800:]


@FUZZ
@given(document=resumes(), form=st.sampled_from(["ascii", "unicode", "duplicate"]))
def test_import_of_any_json_shape_ends_cleanly_and_writes_a_valid_profile(
    tmp_path: Path, document: Any, form: str
) -> None:
    source = tmp_path / f"resume-{next(CASES)}.json"
    source.write_text(written(document, form), encoding="utf-8", errors="surrogatepass")
    target = source.with_suffix(".yaml")
    result = run("import", "jsonresume", str(source), "-o", str(target), "--force")
    check(result.exit_code, result.stdout + result.stderr)
    if result.exit_code == 0:
        checked = run("validate", "--kind", "profile", str(target))
        assert checked.exit_code == 0, checked.stdout + checked.stderr
    else:
        assert str(source) in result.stderr, result.stderr
        assert not target.exists()


# --- HTML shapes --------------------------------------------------------------------------

BLOCKS = ["div", "p", "section", "article", "main", "ul", "ol", "li", "dl", "dt", "dd", "table"]
BLOCKS += ["tr", "td", "th", "h1", "h2", "h3", "h6", "blockquote", "pre", "header"]
INLINE = ["b", "strong", "em", "i", "span", "a", "code", "font", "u", "small"]
SKIPPED = ["script", "style", "nav", "footer", "form", "noscript", "template", "svg", "button"]
TEXTS = [
    "Requirements",
    "Qualifications:",
    "What you'll bring",
    "Experience with Python and SQL",
    "Must know Kafka or Spark",
    "PhD in Computer Science or related field",
    "Nice to have: Docker",
    "Publications at NeurIPS a plus",
    "&amp; &lt;b&gt; &nbsp; &#x1F600; &#0; &bogus;",
    "Title (",
    "x" * 300,
    "  \n\t ",
    "日本語のテキスト",
]
JSON_LD = [
    '{"@type": "JobPosting", "title": "ML Intern", "description": "<ul><li>Python</li></ul>"}',
    '{"@context": "https://schema.org", "@graph": [{"@type": "JobPosting", "title": "T",'
    ' "hiringOrganization": {"name": "Acme"}, "qualifications": ["SQL", {"name": "Go"}]}]}',
    '{"@type": "JobPosting", "title": "Trailing",}',
    '{"@type": ["JobPosting"], "title": null, "description": 5, "jobLocation": [{"address": 1}]}',
    "[" * 200 + "]" * 200,
    '{"@type": "JobPosting", "title": "\\ud800"}',
    '{"@type": "JobPosting", "x": ' + "9" * 5_000 + "}",
    "{}",
    "null",
    "<!-- {broken -->",
]


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 60))):
        kind = draw(st.integers(0, 11))
        if kind <= 2:
            parts.append(f"<{draw(st.sampled_from(BLOCKS + INLINE))}>")
        elif kind <= 4:
            parts.append(f"</{draw(st.sampled_from(BLOCKS + INLINE + SKIPPED))}>")
        elif kind == 5:
            tag = draw(st.sampled_from(SKIPPED))
            parts.append(f"<{tag}>{draw(st.sampled_from(TEXTS))}</{tag}>")
        elif kind == 6:
            parts.append(draw(st.sampled_from(["<!-- note -->", "<!--", "<br>", "<br/>", "<hr>"])))
        elif kind == 7:
            body = draw(st.sampled_from(JSON_LD))
            parts.append(f'<script type="application/ld+json">{body}</script>')
        elif kind == 8:
            parts.append(draw(st.sampled_from(["<", ">", "</", "<a href='x", '"', "<?php ?>"])))
        elif kind == 9:
            parts.append(f"<{draw(st.sampled_from(BLOCKS))}>" * draw(st.sampled_from([3, 300])))
        else:
            parts.append(draw(st.sampled_from(TEXTS) | st.text(max_size=20)))
    head = draw(st.sampled_from(["", "<!doctype html>", "<html><body>"]))
    return head + "".join(parts)


@FUZZ
@given(html=html_pages())
def test_parse_of_any_html_shape_ends_cleanly_and_writes_a_valid_posting(
    tmp_path: Path, html: str
) -> None:
    source = tmp_path / f"page-{next(CASES)}.html"
    source.write_text(html, encoding="utf-8", errors="surrogatepass")
    target = source.with_suffix(".yaml")
    result = run("parse", str(source), "-o", str(target), "--force")
    output = result.stdout + result.stderr
    # 1: a draft was written but holds no requirement (documented in the parse help).
    assert result.exit_code in (0, 1, 2), (result.exit_code, output[-800:])
    for word in FORBIDDEN:
        assert word not in output, output[-800:]
    if result.exit_code in (0, 1):
        checked = run("validate", "--kind", "posting", str(target))
        assert checked.exit_code == 0, checked.stdout + checked.stderr
