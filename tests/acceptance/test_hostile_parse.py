"""Hostile and odd inputs to `fitscore parse` (plain text and Markdown), issue 17.

Large inputs are generated here, never stored. Each run is a child process with a wall-time and
address-space budget (tests/hostile.py); the budgets are generous, so a case fails only when a
pass stops being linear or bounded. The fuzzers run `parse` in-process on Markdown and
plain-text shapes and validate every draft written.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitscore.models import ANY_OF_MAX_ITEMS, NAME_MAX_CHARS
from fitscore.skills.catalog import builtin_catalog
from tests.conftest import run
from tests.hostile import MEMORY, Outcome, assert_handled, run_bounded

MILLION = 1_000_000
FUZZ = settings(
    max_examples=int(os.environ.get("FITSCORE_FUZZ_EXAMPLES", "40")),
    deadline=10_000,  # one parse and one validate, in-process, whatever the input
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _skills(count: int) -> list[str]:
    """Catalogue skills with plain one-word names (they are spotted as written)."""
    names = sorted(name for name in builtin_catalog().skills if name.isalnum() and len(name) < 12)
    assert len(names) >= count
    return names[:count]


def parse_file(
    tmp_path: Path, name: str, text: str, *args: str, memory: int | None = None
) -> Outcome:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    outcome = run_bounded(["parse", str(source), *args], tmp_path, memory=memory or MEMORY)
    assert_handled(outcome)
    return outcome


def draft_of(outcome: Outcome) -> dict[str, object]:
    assert outcome.code in (0, 1), outcome.explain()
    data = yaml.safe_load(outcome.stdout)
    assert isinstance(data, dict), outcome.explain()
    return data


def validates(tmp_path: Path, outcome: Outcome) -> None:
    """The draft on stdout is a valid posting by fitscore's own check."""
    draft = tmp_path / "postings" / "draft.yaml"
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(outcome.stdout, encoding="utf-8")
    checked = run_bounded(["validate", str(draft)], tmp_path)
    assert checked.code == 0, checked.explain()


# -- 1. linear text passes --------------------------------------------------------------------


def test_twelve_thousand_or_pairs_end_with_a_draft(tmp_path: Path) -> None:
    skills = _skills(200)
    rng = random.Random(17)
    lines = [" or ".join(rng.sample(skills, 2)) for _ in range(12_000)]
    text = "Data Engineer\n\nRequirements:\n" + "".join(f"- {line}\n" for line in lines)
    outcome = parse_file(tmp_path, "pairs.txt", text)
    draft = draft_of(outcome)
    required = draft["required"]
    assert isinstance(required, list)
    assert len(required) == 200  # the draft's cap per section, with a note
    assert sum("any_of" in item for item in required if isinstance(item, dict)) > 150
    assert "required items were read: only the first 200 were kept" in outcome.stderr
    assert "only 30,000 of its characters were read" in outcome.stderr
    validates(tmp_path, outcome)


@pytest.mark.parametrize(
    ("shape", "text"),
    [
        ("requirement line", "Data Engineer\n\nRequirements:\n- Python" + " " * MILLION + "SQL\n"),
        (
            "degree clause",
            "Data Engineer\n\nRequirements:\n- PhD in" + " " * MILLION + "Computer Science\n",
        ),
        ("first line", "Title (" + " " * MILLION + "\n\nRequirements:\n- Python\n"),
    ],
)
def test_a_million_spaces_end_with_a_draft(tmp_path: Path, shape: str, text: str) -> None:
    outcome = parse_file(tmp_path, "spaces.txt", text)
    draft = draft_of(outcome)
    assert draft["title"], shape
    assert "characters were read" in outcome.stderr
    validates(tmp_path, outcome)


@pytest.mark.parametrize("separator", [",", "/", ";", "-", ".", ", ", " / "])
def test_a_million_separators_end_with_a_draft(tmp_path: Path, separator: str) -> None:
    run_of = separator * (MILLION // len(separator))
    text = f"Data Engineer\n\nRequirements:\n- Python{run_of}SQL\n- Java{run_of}\n"
    outcome = parse_file(tmp_path, "separators.txt", text, "--max-bytes", "4000000")
    draft = draft_of(outcome)
    assert "Python" in str(draft.get("required")), outcome.explain()
    validates(tmp_path, outcome)


def test_a_twenty_megabyte_token_stays_within_memory_bounded_by_the_file(tmp_path: Path) -> None:
    # ~80 MB resident for a 20 MB file; 768 MiB of address space is a wide margin that a
    # quadratic copy (or an allocation sized by --max-bytes) would still break.
    outcome = parse_file(
        tmp_path, "token.txt", "x" * 20_000_000, "--max-bytes", "30000000", memory=768 << 20
    )
    assert outcome.code == 1, outcome.explain()  # a draft with no requirement
    assert "only its first 60,000 characters were read" in outcome.stderr
    assert yaml.safe_load(outcome.stdout)["title"] == "token"


# -- 2. input the user gave never reaches "(a bug)" --------------------------------------------


def test_a_first_line_of_210_characters_gives_a_title_within_the_schema(tmp_path: Path) -> None:
    # A run-on first line: the title is its capitalised words up to the last job word (202
    # characters here), over the schema's 200.
    first = " ".join(["Lead", *["Supercalifragilistic"] * 9, "Engineer", "a", "b", "c", "d"])
    assert len(first) == 210
    outcome = parse_file(tmp_path, "long-title.txt", f"{first}\n\nRequirements:\n- Python\n")
    title = str(draft_of(outcome)["title"])
    assert len(title) <= NAME_MAX_CHARS and first.startswith(title)
    assert first[len(title)] == " "  # cut at a word boundary
    assert "the title is longer than 200 characters: it was cut to" in outcome.stderr
    validates(tmp_path, outcome)


def test_at_least_one_of_150_skills_keeps_the_first_hundred_with_a_note(tmp_path: Path) -> None:
    skills = _skills(150)
    text = "Engineer\n\nRequirements:\n- At least one of " + ", ".join(skills) + "\n"
    outcome = parse_file(tmp_path, "choice.txt", text)
    required = draft_of(outcome)["required"]
    assert isinstance(required, list)
    assert len(required[0]["any_of"]) == ANY_OF_MAX_ITEMS
    assert f"only the first {ANY_OF_MAX_ITEMS} were kept" in outcome.stderr
    validates(tmp_path, outcome)


def test_a_company_option_of_300_characters_is_cut_with_a_note(tmp_path: Path) -> None:
    company = ("Acme Robotics " * 30)[:300]
    outcome = parse_file(
        tmp_path, "company.txt", "Engineer\n\nRequirements:\n- Python\n", "--company", company
    )
    got = str(draft_of(outcome)["company"])
    assert len(got) <= NAME_MAX_CHARS and company.startswith(got)
    assert company[len(got)] == " "  # cut at a word boundary
    assert "the company name is longer than 200 characters" in outcome.stderr
    validates(tmp_path, outcome)


def test_a_degree_clause_with_300000_fields_gives_a_valid_draft(tmp_path: Path) -> None:
    fields = ", ".join(f"Field{number}" for number in range(300_000))
    text = f"Engineer\n\nRequirements:\n- PhD in {fields}\n"
    outcome = parse_file(tmp_path, "fields.txt", text, "--max-bytes", "10000000")
    degree = draft_of(outcome)["degree"]
    assert isinstance(degree, dict) and degree["level"] == "phd"
    assert 0 < len(degree["fields"]) <= 40
    assert "the degree lists" in outcome.stderr
    validates(tmp_path, outcome)


def test_a_degree_clause_over_the_size_limit_names_the_file(tmp_path: Path) -> None:
    fields = ", ".join(f"Field{number}" for number in range(300_000))
    source = tmp_path / "fields.txt"
    source.write_text(f"Engineer\n\nRequirements:\n- PhD in {fields}\n", encoding="utf-8")
    outcome = run_bounded(["parse", str(source)], tmp_path)
    assert_handled(outcome)
    assert outcome.code == 2
    assert f"{source}:1:1: error: file is" in outcome.stderr


# -- 3. fuzzers on Markdown and plain-text shapes ----------------------------------------------

WORDS = [
    "Python", "SQL", "Spark", "Kafka", "AWS", "GCP", "Kubernetes", "PyTorch", "Java", "Go",
    "Requirements", "Preferred", "Nice to have", "Must have", "Education", "Skills", "PhD",
    "BS", "degree", "in", "Computer Science", "or", "and", "at least one of", "e.g.", "such as",
    "experience", "with", "years", "Acme", "Engineer", "Senior", "role at", "join", "as", "a",
]  # fmt: skip
word = st.sampled_from(WORDS) | st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=12
)
phrase = st.lists(word, min_size=1, max_size=8).map(" ".join)
items = st.lists(phrase, min_size=1, max_size=4)
blank = st.sampled_from(["", "\n", "\n\n", "  \n", "\t\n"])

markdown_block = st.one_of(
    st.tuples(st.integers(1, 6), phrase).map(lambda t: f"{'#' * t[0]} {t[1]}"),
    st.tuples(phrase, st.sampled_from(["===", "---", "=", "-------"])).map("\n".join),
    st.lists(st.tuples(st.integers(0, 3), st.sampled_from("-*+"), phrase), max_size=5).map(
        lambda rows: "\n".join(f"{'  ' * depth}{mark} {text}" for depth, mark, text in rows)
    ),
    st.tuples(st.sampled_from(["Requirements", "Nice to have", "Skills"]), items).map(
        lambda t: f"**{t[0]}:** {', '.join(t[1])}"
    ),
    items.map(lambda row: "| a | b |\n|---|---|\n| " + " | ".join(row) + " |"),
    phrase.map(lambda text: f"```\n{text}\n```"),
    phrase.map(lambda text: f"[{text}](https://example.com/{len(text)})"),
    phrase.map(lambda text: f"<b>{text}</b> <i>{text}</i>"),
    phrase.map(lambda text: f"*{text}* _{text}_ **{text}**"),
    phrase,
)
plain_block = st.one_of(
    st.tuples(st.sampled_from(["Must have", "Would be great", "Education", "Skills"]), items).map(
        lambda t: f"{t[0]}: {'; '.join(t[1])}"
    ),
    st.tuples(st.sampled_from(["-", "*", "•", "●", "➤", "1.", "2)", "(3)", "a)", "o"]), phrase).map(
        " ".join
    ),
    phrase.map(str.upper),
    phrase.map(lambda text: f"{text}:"),
    st.sampled_from(["Hi Sam,", "Best,", "Thanks!", "Jordan Lee", "Talent Partner", "--"]),
    phrase.map(lambda text: f"I'm recruiting for a {text} role at {text}."),
    phrase,
)


def shapes(block: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(block, blank), min_size=1, max_size=12).map(
        lambda pairs: "\n".join(text + gap for text, gap in pairs)
    )


def check_parse(tmp_path: Path, name: str, text: str) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    draft = tmp_path / "postings" / f"{name}.yaml"
    draft.parent.mkdir(exist_ok=True)
    result = run("parse", str(source), "-o", str(draft), "--force")
    combined = result.stdout + result.stderr
    assert result.exit_code in (0, 1), combined[-800:]  # a draft, with or without requirements
    for word in ("Traceback", "(a bug)", "internal error"):
        assert word not in combined, combined[-800:]
    checked = run("validate", str(draft))
    assert checked.exit_code == 0, checked.stdout + checked.stderr


@FUZZ
@given(text=shapes(markdown_block))
def test_markdown_shapes_give_valid_drafts(tmp_path: Path, text: str) -> None:
    check_parse(tmp_path, "fuzz.md", text)


@FUZZ
@given(text=shapes(plain_block))
def test_plain_text_shapes_give_valid_drafts(tmp_path: Path, text: str) -> None:
    check_parse(tmp_path, "fuzz.txt", text)
