"""Hostile inputs at the intake doors (issue 17): `parse` on HTML, `import jsonresume` on JSON.

Each case runs fitscore in a child process with a wall-time and address-space budget
(`tests.hostile`); every large input is generated here, never stored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from fitscore.sources import DEFAULT_LIMITS
from tests.hostile import Outcome, assert_handled, run_bounded

# JSON that no reader should take as a JSON Resume or as JSON-LD, and what the message says.
HOSTILE_JSON = {
    "nested-2000": ("[" * 2_000 + "]" * 2_000, "nested more than 64 levels deep"),
    "nested-100000": ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels deep"),
    "digits-5000": (
        '{"basics": {"name": "Ada"}, "meta": ' + "7" * 5_000 + "}",
        "a number of 5,000 digits",
    ),
    "lone-surrogate": ('{"basics": {"name": "\\ud800"}}', "lone UTF-16 surrogate"),
    "empty-object": ("{}", "no basics.name"),
    "top-level-array": ("[]", "is a JSON object, not a list"),
    "null": ("null", "is a JSON object, not null"),
    "bare-string": ('"Ada"', "is a JSON object, not text"),
}
# Where each problem is, as file:line:col (None: the whole document is the problem).
HOSTILE_JSON_PLACES = {
    "nested-2000": "1:66",
    "nested-100000": "1:66",
    "digits-5000": "1:37",
    "lone-surrogate": "1:22",
    "empty-object": None,
    "top-level-array": "1:1",
    "null": "1:1",
    "bare-string": "1:1",
}


def page(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Data Engineer</title>{head}</head><body>"
        f"<h1>Data Engineer at Acme</h1>{body}</body></html>"
    )


def required_of(draft: Path) -> list[object]:
    posting = yaml.safe_load(draft.read_text(encoding="utf-8"))
    return list(posting.get("required", [])) + list(posting.get("preferred", []))


def assert_valid(path: Path, home: Path) -> None:
    checked = run_bounded(["validate", str(path)], home)
    assert checked.code == 0, checked.explain()


def parse_page(tmp_path: Path, html: str, name: str = "page.html") -> tuple[Outcome, Path]:
    source = tmp_path / name
    source.write_text(html, encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    outcome = run_bounded(["parse", str(source), "-o", str(draft)], tmp_path)
    assert_handled(outcome)
    return outcome, draft


def import_resume(tmp_path: Path, text: str, *extra: str) -> tuple[Outcome, Path, Path]:
    source = tmp_path / "resume.json"
    source.write_text(text, encoding="utf-8")
    profile = tmp_path / "me.yaml"
    outcome = run_bounded(
        ["import", "jsonresume", str(source), "-o", str(profile), *extra], tmp_path
    )
    assert_handled(outcome)
    return outcome, source, profile


# --- parse: deep and unclosed markup ------------------------------------------------------


def test_parse_reads_a_page_of_110000_nested_list_items_to_its_end(tmp_path: Path) -> None:
    deep = "<li><ul>" * 110_000
    html = page(f"<h2>Requirements</h2><ul><li>Python required</li>{deep}<li>Experience with SQL")
    assert len(html.encode()) < DEFAULT_LIMITS.max_bytes
    outcome, draft = parse_page(tmp_path, html)
    assert outcome.code == 0, outcome.explain()
    # The item after the deep nesting is read: nothing past level 256 is silently dropped.
    assert {"Python", "SQL"} <= set(map(str, required_of(draft)))
    assert_valid(draft, tmp_path)


def test_parse_reads_text_inside_110000_nested_divs(tmp_path: Path) -> None:
    html = page("<h2>Requirements</h2>" + "<div>" * 110_000 + "Experience with Kafka required")
    outcome, draft = parse_page(tmp_path, html)
    assert outcome.code == 0, outcome.explain()
    assert "Kafka" in map(str, required_of(draft))


def test_parse_reads_legacy_html_with_250000_unclosed_paragraphs(tmp_path: Path) -> None:
    html = "<html><body><h2>Requirements</h2>" + "<p>" * 250_000 + "Experience with Kafka required"
    outcome, draft = parse_page(tmp_path, html, "legacy.htm")
    assert outcome.code == 0, outcome.explain()
    assert "Kafka" in map(str, required_of(draft))


# --- parse: JSON-LD that is no data ----------------------------------------------------------


@pytest.mark.parametrize("case", sorted(HOSTILE_JSON))
def test_bad_json_ld_is_a_note_and_the_page_text_is_read(tmp_path: Path, case: str) -> None:
    body, _ = HOSTILE_JSON[case]
    script = f'\n<script type="application/ld+json">\n{body}\n</script>\n'
    html = page("<h2>Requirements</h2><ul><li>Experience with Python</li></ul>", head=script)
    outcome, draft = parse_page(tmp_path, html)
    assert outcome.code == 0, outcome.explain()
    assert "page.html: 1 JSON-LD block(s) held no usable data (line 3, column " in outcome.stderr
    assert "the page's visible text was read instead" in outcome.stderr
    posting = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert (posting["title"], posting["company"]) == ("Data Engineer", "Acme")
    assert "Python" in required_of(draft)


def test_many_unclosed_json_ld_scripts_are_read_once(tmp_path: Path) -> None:
    opened = '<script type="application/ld+json">{"@type": ' * 20_000
    html = "<html><body><h2>Requirements</h2><ul><li>Python required</li></ul>" + opened
    outcome, draft = parse_page(tmp_path, html)
    assert outcome.code == 0, outcome.explain()
    assert "Python" in required_of(draft)


# --- import jsonresume: long text, duplicates, limits, JSON that is no résumé -------------------


def test_import_of_a_400000_word_study_type_is_linear(tmp_path: Path) -> None:
    words = " ".join(["xy"] * 400_000)
    other = " ".join(["May"] * 100_000)
    spaces = "a" + " " * 300_000 + "b"
    education = {"studyType": words, "area": "Physics", "institution": "MIT", "endDate": spaces}
    work = {"name": other, "position": "Engineer", "startDate": other, "keywords": [other]}
    text = json.dumps({"basics": {"name": "Ada"}, "education": [education], "work": [work]})
    outcome, _, profile = import_resume(tmp_path, text, "--max-bytes", str(len(text)))
    assert outcome.code == 0, outcome.explain()
    assert "education[0].studyType 'xy xy" in outcome.stderr
    assert "unknown degree level, imported as 'other'" in outcome.stderr
    imported = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert imported["education"][0]["degree"] == "other"
    assert imported["experience"][0]["title"] == "Engineer"
    assert_valid(profile, tmp_path)


def test_duplicate_keys_are_errors_with_their_lines(tmp_path: Path) -> None:
    text = (
        "{\n"
        '  "basics": {"name": "Ada"},\n'
        '  "skills": [{"name": "Python", "level": "expert", "level": "beginner"}],\n'
        '  "basics": {"name": "Grace"},\n'
        '  "skills": []\n'
        "}\n"
    )
    outcome, source, profile = import_resume(tmp_path, text)
    assert outcome.code == 2, outcome.explain()
    assert outcome.stderr.splitlines() == [
        f"{source}:3:52: error: duplicate key 'level' (first defined on line 3); "
        "a JSON reader would silently keep only the last one",
        f"{source}:4:3: error: duplicate key 'basics' (first defined on line 2); "
        "a JSON reader would silently keep only the last one",
        f"{source}:5:3: error: duplicate key 'skills' (first defined on line 3); "
        "a JSON reader would silently keep only the last one",
    ]
    assert not profile.exists()


def test_more_skills_than_a_profile_may_list_are_cut_with_a_note(tmp_path: Path) -> None:
    many = DEFAULT_LIMITS.max_items * 2
    skills = [{"name": "Tools", "keywords": [f"tool-{index}" for index in range(many)]}]
    document = {"basics": {"name": "Ada"}, "skills": skills}
    outcome, _, profile = import_resume(tmp_path, json.dumps(document))
    assert outcome.code == 0, outcome.explain()
    limit = DEFAULT_LIMITS.max_items
    assert f"skills: only the first {limit:,} of {many:,} entries kept" in outcome.stderr
    imported = yaml.safe_load(profile.read_text(encoding="utf-8"))
    assert len(imported["skills"]) == limit
    assert_valid(profile, tmp_path)


def test_highlights_over_the_byte_limit_are_cut_with_a_note(tmp_path: Path) -> None:
    line = "Shipped a streaming feature pipeline that cut the latency of ranking by a third, " * 2
    highlights = [f"{index}: {line}" for index in range(9_000)]
    work = [{"name": "Acme", "position": "Engineer", "highlights": highlights}]
    text = json.dumps({"basics": {"name": "Ada"}, "work": work})
    assert len(text) > DEFAULT_LIMITS.max_bytes
    outcome, _, profile = import_resume(tmp_path, text, "--max-bytes", str(len(text)))
    assert outcome.code == 0, outcome.explain()
    assert "experience[0].highlights: only the first " in outcome.stderr
    assert f"of 9,000 entries kept (a profile file holds at most {DEFAULT_LIMITS.max_bytes:,}" in (
        outcome.stderr
    )
    assert profile.stat().st_size <= DEFAULT_LIMITS.max_bytes
    assert_valid(profile, tmp_path)


@pytest.mark.parametrize("case", sorted(HOSTILE_JSON))
def test_json_that_is_no_resume_is_one_located_message(tmp_path: Path, case: str) -> None:
    text, message = HOSTILE_JSON[case]
    outcome, source, profile = import_resume(tmp_path, text)
    assert outcome.code == 2, outcome.explain()
    place = HOSTILE_JSON_PLACES[case]
    where = f"{source}:{place}" if place else f"{source}"
    [line] = outcome.stderr.splitlines()
    assert line.startswith(f"{where}: error: ") and message in line, line
    assert not profile.exists()
