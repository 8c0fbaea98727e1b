"""drafting: every common shape of a posting is read into the same sections."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fitscore.drafting import draft_posting
from fitscore.drafting.blocks import Block
from fitscore.drafting.markdown import markdown_blocks
from fitscore.drafting.sections import clauses, heading_section
from fitscore.drafting.text import text_blocks
from fitscore.skills.catalog import builtin_catalog
from tests.unit.drafting_helpers import items_of

CATALOG = builtin_catalog()


@pytest.mark.parametrize(
    "bullet", ["- ", "* ", "• ", "●", "▪ ", "1. ", "2) ", "(3) ", "a) ", "(b) ", "c. ", "➤ "]
)
def test_any_bullet_glyph_number_or_letter_makes_a_list_item(bullet: str) -> None:
    blocks = text_blocks(f"Requirements:\n{bullet}Python\n{bullet}SQL\n")
    assert [block.role for block in blocks] == ["heading", "item", "item"]
    assert [block.text for block in blocks[1:]] == ["Python", "SQL"]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Skills Required:", "required"),
        ("Desired Skills", "preferred"),
        ("You must", "required"),
        ("It helps if you", "preferred"),
        ("What we're looking for", "required"),
        ("Bonus points if you have", "preferred"),
        ("Benefits & perks", "ignored"),
        ("About Acme", "ignored"),
        ("Job Description", "neutral"),
        ("Our tech stack", "required"),
    ],
)
def test_a_heading_outside_the_vocabulary_is_decided_by_its_cue_words(
    heading: str, section: str
) -> None:
    assert heading_section(heading) == section


def test_a_paragraph_may_open_with_its_own_heading() -> None:
    found = clauses(
        text_blocks("We build tools.\n\nRequirements. You know SQL.\n\nPreferred. Kafka helps.\n")
    )
    assert [(clause.section, clause.text) for clause in found] == [
        ("neutral", "We build tools."),
        ("required", "You know SQL."),
        ("preferred", "Kafka helps."),
    ]


def test_hard_wrapped_lines_are_one_paragraph_but_a_title_line_is_not_joined() -> None:
    text = (
        "Software Engineer III, Machine Learning Infrastructure\nLarkspur Systems\n\n"
        "We are looking for a person who has worked with streaming systems before and\n"
        "who likes to write tests.\n"
    )
    blocks = text_blocks(text)
    assert [block.text for block in blocks] == [
        "Software Engineer III, Machine Learning Infrastructure",
        "Larkspur Systems",
        "We are looking for a person who has worked with streaming systems before and "
        "who likes to write tests.",
    ]


def test_markdown_bold_lines_and_headings_are_headings_and_links_keep_their_text() -> None:
    blocks = markdown_blocks(
        "## Requirements\n\n**Nice to have**\n\n* [Kafka](https://kafka.apache.org)\n"
    )
    assert blocks == [
        Block("heading", "Requirements", 2),
        Block("heading", "Nice to have"),
        Block("item", "Kafka"),
    ]


def test_an_unknown_heading_nested_under_requirements_keeps_the_section() -> None:
    page = "<h2>Qualifications</h2><h3>Tools</h3><ul><li>Docker</li></ul><h2>Perks</h2><p>Go</p>"
    result = draft_posting(page.encode(), "job.html", CATALOG)
    assert items_of(result.text, "required") == ["Docker"]


def test_prose_without_headings_is_read_by_its_cues() -> None:
    text = (
        "Data Engineer at Acme\n\nWe run Go services on our own hardware. You must know Python. "
        "Familiarity with Kafka is a plus.\n"
    )
    result = draft_posting(text.encode(), "job.txt", CATALOG)
    assert items_of(result.text, "required") == ["Python"]
    assert items_of(result.text, "preferred") == ["Kafka"]


def test_skills_with_no_section_and_no_cue_fall_back_to_required_with_a_warning() -> None:
    result = draft_posting(b"Data Engineer\n\nPython, Airflow and Snowflake.\n", "x.txt", CATALOG)
    assert items_of(result.text, "required") == ["Python", "Airflow", "Snowflake"]
    assert result.has_requirements
    assert any("no requirements section found" in note for note in result.notes)


def megabyte_page() -> bytes:
    """A careers page of over 1 MiB with the runs that make naive patterns backtrack."""
    page = (
        "<html><head><script>"
        + "var a = 1;" * 30_000
        + "</script></head><body>"
        + '<div class="menu"><span>Careers</span></div>' * 10_000
        + "<h1>Data Engineer</h1><h2>Requirements</h2><ul>"
        + "<li>Experience with Python, Spark or SQL (Airflow, dbt)</li>" * 2_000
        + "</ul><p>"
        + " " * 200_000
        + "(" * 50_000
        + "[" * 50_000
        + "a@" * 50_000
        + "</p>"
        + "</body></html>"
    ).encode()
    assert len(page) > 1_000_000
    return page


def test_a_megabyte_page_with_pathological_runs_is_read(tmp_path: Path) -> None:
    # No timing here (bench/parse.py measures it); a run that hangs is stopped by the timeout.
    page = tmp_path / "big.html"
    page.write_bytes(megabyte_page())
    done = subprocess.run(
        [sys.executable, "-m", "fitscore", "parse", str(page), "--max-bytes", "2000000"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "title: Data Engineer" in done.stdout
    assert {"any_of": ["Python", "Spark", "SQL"]} in items_of(done.stdout, "required")


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("Experience with Kafka and/or Pulsar", {"any_of": ["Kafka", "Pulsar"]}),
        ("Airflow or Dagster", {"any_of": ["Airflow", "Dagster"]}),
        (
            "Feature stores (Feast, Tecton)",
            {"any_of": ["Feast", "Tecton"], "label": "Feature stores"},
        ),
        (
            "Cloud platforms (e.g., AWS, GCP)",
            {"category": "cloud", "examples": ["AWS", "Google Cloud Platform"]},
        ),
    ],
)
def test_choices_and_groups_are_one_item(line: str, item: dict[str, object]) -> None:
    result = draft_posting(f"Data Engineer\n\nRequirements:\n- {line}\n".encode(), "x.txt", CATALOG)
    (found,) = items_of(result.text, "required")
    assert {key: found[key] for key in item} == item


def test_duties_in_a_requirements_section_are_not_requirements() -> None:
    text = "Data Engineer\n\nRequirements:\n- Python\n- You will own our Looker dashboards\n"
    assert items_of(draft_posting(text.encode(), "x.txt", CATALOG).text, "required") == ["Python"]
