"""File models through the loader: every problem at once, located, with helpful wording."""

from __future__ import annotations

import pytest

from fitscore import yamlsource
from fitscore.loading import to_model
from fitscore.models import Posting, Profile
from fitscore.yamlsource import parse_text
from tests.conftest import EXAMPLES

BROKEN = """name: Ada
skils: [Python]
education:
  - degree: doctorate
    stauts: in_progress
    expected: 2027-13
experience:
  - title: Intern
    start: 2024-06
    end: 2023-01
"""


def test_all_problems_of_a_file_are_reported_at_once_with_positions() -> None:
    _, problems = to_model(parse_text(BROKEN, "me.yaml"), Profile)
    assert [(p.line, p.column, p.code) for p in problems] == [
        (2, 1, "unknown-key"),
        (4, 13, "invalid-value"),
        (5, 5, "unknown-key"),
        (6, 15, "invalid-date"),
        (10, 10, "invalid-date"),
    ]
    assert "did you mean 'skills'?" in problems[0].message
    assert "did you mean 'status'?" in problems[2].message


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2027-06", True),
        ("2027-6", True),
        ("2027-06-15", True),
        ("present", False),
        ("2027-13", False),
        ("June 2027", False),
        ("1800-01", False),
    ],
)
def test_expected_graduation_dates(value: str, ok: bool) -> None:
    document = parse_text(f"name: A\neducation: [{{degree: phd, expected: '{value}'}}]\n", "f")
    profile, _ = to_model(document, Profile)
    assert (profile is not None) is ok


def test_an_experience_may_end_at_present() -> None:
    text = "name: A\nexperience: [{title: T, start: 2024-01, end: present}]\n"
    profile, problems = to_model(parse_text(text, "f"), Profile)
    assert problems == []
    assert profile is not None and profile.experience[0].end == "present"


def test_plain_scalars_stay_as_written() -> None:
    text = "name: A\nskills: [yes, 1.10, 'C#', Go]\n"
    profile, _ = to_model(parse_text(text, "f"), Profile)
    assert profile is not None
    assert [skill.name for skill in profile.skills] == ["yes", "1.10", "C#", "Go"]


def test_a_requirement_item_in_each_form() -> None:
    text = (
        "title: T\ncompany: C\nrequired:\n  - Python\n  - any_of: [Java, Go]\n"
        "  - {category: big_data, examples: [Spark]}\n"
    )
    posting, problems = to_model(parse_text(text, "p"), Posting, {"categories": {"big_data"}})
    assert problems == []
    assert posting is not None
    assert [(i.skill, i.any_of, i.category) for i in posting.required] == [
        ("Python", None, None),
        (None, ("Java", "Go"), None),
        (None, None, "big_data"),
    ]


@pytest.mark.parametrize(
    "path",
    sorted((EXAMPLES / "invalid").rglob("*.yaml")),
    ids=lambda path: path.name,
)
def test_error_locations_do_not_depend_on_libyaml(
    path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = path.read_bytes()  # type: ignore[attr-defined]
    with_c = yamlsource.parse_bytes(raw, "f").problems
    monkeypatch.setattr(yamlsource, "_FAST_LOADER", None)
    without_c = yamlsource.parse_bytes(raw, "f").problems
    assert [(p.line, p.column, p.code) for p in with_c] == [
        (p.line, p.column, p.code) for p in without_c
    ]


def test_year_months_compare_as_dates_and_days_are_checked() -> None:
    from fitscore.models import YearMonth

    assert YearMonth.parse("2027-06") < YearMonth.parse("2027-11") < YearMonth.parse("2028-01")
    assert str(YearMonth.parse("2027-6-30")) == "2027-06"
    for bad, message in [
        ("2027-06-99", "day 99"),
        ("2027-02-30", "day 30"),
        ("2027-13", "month 13"),
        ("1800-01", "year 1800"),
        ("June 2027", "like 2027-06"),
    ]:
        with pytest.raises(ValueError, match=message):
            YearMonth.parse(bad)
