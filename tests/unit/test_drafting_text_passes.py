"""The text passes of `parse` (plain text and Markdown): linear on adversarial runs, label lines,
company and title frames in prose, and drafts fitted to the posting schema.

The linearity property times nothing: every pattern-using function of `fitscore.drafting` runs
on long runs of spaces and separators in a child process with the hostile-input harness's
wall-time and address-space budget; a pass that backtracks or loops quadratically on such a run
does not end within it.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from fitscore.drafting import draft_posting, facts, items, markdown, sections, text, writer
from fitscore.drafting.blocks import Block
from fitscore.drafting.rules import parsing_rules
from fitscore.drafting.sections import Clause, clauses, inline_label
from fitscore.models import NAME_MAX_CHARS
from fitscore.skills.catalog import builtin_catalog
from tests.conftest import ROOT
from tests.hostile import MEMORY, TIMEOUT, bounded_env

RUN_LENGTH = 100_000  # characters of one adversarial run
# What a run is made of: spaces, separators, joining words, cue words, brackets, markup.
UNITS = [
    " ", "\t", ",", "/", ";", "-", ".", ":", ", ", " / ", " ,", " or", " and ", "a ", "in ",
    "like ", "such as ", "e.g. ", "Strong a ", "( ", "(", ")", "Python or ", "Python, ", "Python ",
    "A ", "Acme ", "role at ", "Location: ", "at ", "**", "](", "# ", "- ", "• ", "x", "@x.", "|",
]  # fmt: skip
# Where the run stands: alone, between two skills, in a degree clause, after a title, ...
SHAPES = [
    "{}", "Python{}SQL", "PhD in{}Computer Science", "Title ({}", "Must have:{}Python",
    "Big data technologies such as{}Spark", "Location:{}x", "I'm hiring a{}Engineer role at{}X",
]  # fmt: skip


def _passes() -> dict[str, Callable[[str], Any]]:
    catalog = builtin_catalog()
    return {
        "text.text_blocks": text.text_blocks,
        "text.split_run_on": text.split_run_on,
        "text.is_heading_line": text.is_heading_line,
        "sections.clauses": lambda line: clauses([Block("text", line), Block("label", line)]),
        "sections.split_clauses": sections.split_clauses,
        "sections.without_links": lambda line: sections.without_links(line + "@x.io http://a"),
        "sections.heading_section": sections.heading_section,
        "sections.inline_label": inline_label,
        "facts.read_degree": facts.read_degree,
        "facts.degree_fields": lambda line: facts.degree_fields("PhD in " + line),
        "facts.plain_line": facts.plain_line,
        "facts.title_like": facts.title_like,
        "facts.find_title": lambda line: facts.find_title([Block("text", line)], line),
        "facts.find_company": lambda line: facts.find_company(
            [Block("text", line)], line, "Engineer"
        ),
        "facts.find_location": lambda line: facts.find_location(
            [Block("text", "x"), Block("text", line)], line
        ),
        "facts.title_from_name": facts.title_from_name,
        "items.requirement": lambda line: items.Reader(catalog).requirement(line, "required"),
        "items.read": lambda line: items.Reader(catalog).read([Clause(line, "required", True)]),
        "writer.scalar": writer.scalar,
        "writer.quote": writer.quote,
        "writer.fit_name": writer.fit_name,
        "markdown.looks_like_markdown": lambda line: markdown.looks_like_markdown(line, "x.txt"),
    }


def exercise(examples: int = 3) -> None:
    """Every pass on long adversarial runs (run in a bounded child by the test below)."""
    for name, function in _passes().items():
        print(name, flush=True)  # the last name printed is the pass that did not end

        @settings(max_examples=examples, deadline=None, database=None)
        @given(unit=st.sampled_from(UNITS), shape=st.sampled_from(SHAPES))
        def runs(unit: str, shape: str) -> None:
            body = unit * (RUN_LENGTH // len(unit))
            function(shape.replace("{}", body))  # noqa: B023 (the function of this round)

        runs()


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def test_every_pattern_using_pass_is_linear_on_adversarial_runs(tmp_path: Any) -> None:
    code = "from tests.unit.test_drafting_text_passes import exercise; exercise()"
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=bounded_env(tmp_path),
            capture_output=True,
            timeout=TIMEOUT,
            preexec_fn=_limit,
            check=False,
        )
    except subprocess.TimeoutExpired as expired:
        printed = (expired.stdout or b"").decode().split()
        pytest.fail(f"{printed[-1] if printed else 'the first pass'} did not end in {TIMEOUT} s")
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    assert done.stdout.decode().split() == list(_passes())


# -- label lines ---------------------------------------------------------------------------------


def _draft(body: str, name: str = "mail.txt") -> dict[str, Any]:
    import yaml

    result = draft_posting(body.encode(), name, builtin_catalog())
    data: dict[str, Any] = yaml.safe_load(result.text)
    return data


def _skills(entries: list[Any]) -> list[Any]:
    return [entry if isinstance(entry, str) else sorted(entry["any_of"]) for entry in entries]


def test_an_inline_label_names_its_section_and_the_text_after_the_colon() -> None:
    assert inline_label("Must have: Python; SQL") == ("Must have", "required", "Python; SQL")
    assert inline_label("Would be great: Kubernetes") == (
        "Would be great",
        "preferred",
        "Kubernetes",
    )
    assert inline_label("Location: Boston") == ("Location", "ignored", "Boston")
    assert inline_label("Hi Sam: quick question") is None  # no label the vocabulary knows
    assert inline_label("Requirements:") is None  # a heading line, nothing after the colon


@pytest.mark.parametrize("separator", ["; ", ", ", " / ", " and "])
def test_a_label_line_is_split_like_bullets_and_keeps_a_choice_last(separator: str) -> None:
    body = f"Data Engineer at Acme\n\nMust have: Python{separator}SQL{separator}AWS or GCP\n"
    assert _skills(_draft(body)["required"]) == [
        "Python",
        "SQL",
        ["AWS", "Google Cloud Platform"],
    ]


def test_a_label_line_is_its_own_section_even_right_above_another() -> None:
    body = (
        "Data Engineer at Acme\n\n"
        "Must have: 5+ years of production Python; SQL; AWS or GCP\n"
        "Would be great: experience with Kubernetes, Airflow and Terraform for our platform\n"
        "Education: BS in Computer Science, Electrical Engineering or similar\n"
    )
    draft = _draft(body)
    assert _skills(draft["required"]) == ["Python", "SQL", ["AWS", "Google Cloud Platform"]]
    assert _skills(draft["preferred"]) == ["Kubernetes", "Airflow", "Terraform"]
    assert draft["degree"]["level"] == "bachelors"
    assert draft["degree"]["fields"] == ["Computer Science", "Electrical Engineering"]


def test_a_label_line_with_one_choice_or_a_list_of_examples_stays_whole() -> None:
    body = (
        "Data Engineer at Acme\n\n"
        "Must have: at least one of Spark, Flink or Beam\n"
        "Nice to have: cloud platforms such as AWS, Azure\n"
    )
    draft = _draft(body)
    assert _skills(draft["required"]) == [["Beam", "Flink", "Spark"]]
    assert draft["preferred"][0]["category"] == "cloud"


def test_a_name_with_and_in_it_is_not_cut_apart() -> None:
    body = "Data Engineer at Acme\n\nMust have: Data Structures and Algorithms and Python\n"
    assert _skills(_draft(body)["required"]) == ["Data Structures and Algorithms", "Python"]


# -- company and title framed in prose -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "title", "company"),
    [
        ("I'm reaching out about a Senior ML Engineer role at Acme Robotics in Boston.",
         "Senior ML Engineer", "Acme Robotics"),
        ("We have an exciting Data Scientist position at Brightfern, a fintech.",
         "Data Scientist", "Brightfern"),
        ("There's a Backend Engineer opening with Lumen Labs that fits you.",
         "Backend Engineer", "Lumen Labs"),
        ("Would you like to join Northwind as a Staff Platform Engineer?",
         "Staff Platform Engineer", "Northwind"),
    ],
)  # fmt: skip
def test_the_first_paragraph_names_the_title_and_the_company(
    sentence: str, title: str, company: str
) -> None:
    body = f"Hi Sam,\n\n{sentence}\n\nMust have: Python; SQL\n\nBest,\nJordan Lee\nTalent Partner\n"
    draft = _draft(body)
    assert (draft["title"], draft.get("company")) == (title, company)


def test_a_frame_below_the_opening_paragraphs_does_not_name_the_company() -> None:
    body = (
        "Data Engineer\n\nRequirements:\n- Python\n- SQL\n- Spark\n- Kafka\n- Airflow\n\n"
        "You will work with our previous team at Globex on the platform.\n"
    )
    assert "company" not in _draft(body)


# -- within the schema -------------------------------------------------------------------------


@given(st.text(max_size=600))
def test_fit_name_stays_within_the_schema_and_keeps_whole_words(value: str) -> None:
    fitted = writer.fit_name(value)
    flat = " ".join(value.split())
    assert len(fitted) <= NAME_MAX_CHARS
    assert flat.startswith(fitted)
    if len(flat) <= NAME_MAX_CHARS:
        assert fitted == flat


def test_fit_name_cuts_at_a_word_boundary() -> None:
    assert writer.fit_name("word " * 60) == " ".join(["word"] * 40)


def test_a_draft_of_many_distinct_items_keeps_the_cap_with_a_note() -> None:
    limit = parsing_rules().max_draft_items
    names = [f"Tool{number}x" for number in range(limit + 50)]
    body = "Engineer\n\nRequirements:\n" + "".join(f"- Python, {name}, Java\n" for name in names)
    result = draft_posting(body.encode(), "many.txt", builtin_catalog())
    assert f"only the first {limit} were kept" in " ".join(result.notes)


# -- lines opened by pictographs (chat, Slack, LinkedIn posts) ----------------------------------
PICTOGRAPHS = ["✅", "✨", "🔹", "🔸", "👉", "🚀", "💡", "⭐️", "👩‍💻", "🎓", "📌"]


@pytest.mark.parametrize("mark", PICTOGRAPHS)
def test_a_pictograph_before_a_heading_leaves_the_heading(mark: str) -> None:
    blocks = text.text_blocks(
        f"Data Engineer\n\n{mark} What you'll need\n{mark} Airflow or Dagster\n"
    )
    assert [(block.role, block.text) for block in blocks[1:]] == [
        ("heading", "What you'll need"),
        ("item", "Airflow or Dagster"),
    ]


@pytest.mark.parametrize("mark", PICTOGRAPHS)
def test_a_pictograph_on_the_first_line_is_dropped_not_read_as_a_bullet(mark: str) -> None:
    first = text.text_blocks(f"{mark} We're hiring! Data Engineer @ Brightline\n\nMore text.\n")[0]
    assert first.role != "item"
    assert first.text == "We're hiring! Data Engineer @ Brightline"


def test_a_posting_written_with_emoji_reads_its_sections_title_and_company() -> None:
    post = (
        "🚀 We're hiring! Data Engineer @ Brightline Logistics (remote, EU)\n\n"
        "✅ What you'll need\n🔹 3+ yrs Python + SQL\n🔹 Airflow or Dagster\n\n"
        "✨ Bonus points\n🔸 dbt\n🔸 Kafka / Kinesis\n"
    )
    draft = draft_posting(post.encode(), "post.txt", builtin_catalog())
    posting = yaml.safe_load(draft.text)
    assert (posting["title"], posting["company"]) == ("Data Engineer", "Brightline Logistics")
    assert posting["required"][:2] == ["Python", "SQL"]
    assert "dbt" in posting["preferred"]
