"""drafting: degrees as written, titles and companies, structured data read leniently."""

from __future__ import annotations

from typing import Any

import pytest

from fitscore.drafting import draft_posting
from fitscore.drafting.facts import read_degree, title_from_name, title_like
from fitscore.drafting.structured import read_structured
from fitscore.skills.catalog import builtin_catalog

CATALOG = builtin_catalog()


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "BS, MS or PhD in Computer Science",
            {"level": "bachelors", "status": "completed", "fields": ["Computer Science"]},
        ),
        (
            "Currently enrolled in an MS or PhD program in Statistics, Economics, or a related "
            "quantitative field",
            {
                "level": "masters",
                "status": "in_progress_ok",
                "fields": ["Statistics", "Economics"],
                "related_ok": True,
            },
        ),
        (
            "Enrolled in a PhD programme in Statistics",
            {"level": "phd", "status": "in_progress_ok", "fields": ["Statistics"]},
        ),
        ("Degree in Physics or a related field", {"level": "bachelors", "related_ok": True}),
        ("Bachelor's degree or equivalent practical experience", {"level": "bachelors"}),
    ],
)
def test_the_degree_is_the_lowest_level_accepted_with_its_fields(
    clause: str, expected: dict[str, Any]
) -> None:
    found = read_degree(clause)
    assert found is not None
    degree, _ = found
    assert {key: degree[key] for key in expected} == expected


def test_equivalent_experience_is_noticed() -> None:
    found = read_degree("Bachelor's degree or equivalent practical experience")
    assert found is not None and found[1] is True


@pytest.mark.parametrize(
    "clause",
    [
        "You do not need a degree for this role.",
        "A degree is not required for this position.",
        "Experience with MS Office",
        "Apply at https://jobs.example.com/phd-bachelor-masters or phd@example.com",
    ],
)
def test_no_degree_is_read_where_none_is_asked(clause: str) -> None:
    assert read_degree(clause) is None


@pytest.mark.parametrize(
    "line",
    [
        "We are a small team that builds tools for farmers and we would love to hear from you.",
        "https://example.com/jobs/123",
        "Requirements",
        "",
    ],
)
def test_a_sentence_a_url_or_a_heading_is_not_a_title(line: str) -> None:
    assert title_like(line) is None


def test_markdown_markup_is_taken_out_of_a_title() -> None:
    assert title_like("**[Data Engineer](https://example.com/jobs/1)**") == "Data Engineer"


def test_a_file_name_makes_a_title() -> None:
    assert title_from_name("saved/senior-data_engineer.html") == "senior data engineer"
    assert title_from_name("<stdin>") == "stdin"


@pytest.mark.parametrize(
    ("first_lines", "title", "company"),
    [
        ("Data Engineer\nAcme Corp\n", "Data Engineer", "Acme Corp"),
        (
            "Site Reliability Engineer — Oakbridge Cloud\n",
            "Site Reliability Engineer",
            "Oakbridge Cloud",
        ),
        (
            "Borealis Labs | Senior Data Engineer | Remote\n",
            "Senior Data Engineer",
            "Borealis Labs",
        ),
        ("Description\n\nThis role sits in our London office.\n", "untitled", None),
    ],
)
def test_titles_and_companies_of_busy_first_lines(
    first_lines: str, title: str, company: str | None
) -> None:
    text = f"{first_lines}\nRequirements:\n- Python\n"
    result = draft_posting(text.encode(), "untitled.txt", CATALOG)
    assert (result.title, result.company) == (title, company)


def test_a_company_that_introduces_itself_is_found() -> None:
    text = (
        "Data Engineer\n\nThistlewood Analytics is a small consultancy.\n\nRequirements:\n- SQL\n"
    )
    assert draft_posting(text.encode(), "x.txt", CATALOG).company == "Thistlewood Analytics"


JSON_LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize(
    "body",
    [
        '{"@type": "JobPosting", "title": "Data Engineer",}',  # a trailing comma
        '{"@type": "JobPosting", "title": "Data Engineer", "description": "a\nb"}',  # raw newline
        '{"@graph": [{"@type": "Organization"},'
        ' {"@type": ["JobPosting"], "title": "Data Engineer"}]}',
        '<!-- {"@type": "JobPosting", "title": "Data Engineer"} -->',
    ],
)
def test_json_ld_with_small_mistakes_is_read(body: str) -> None:
    found = read_structured(JSON_LD.format(body))
    assert found.posting is not None
    assert found.posting.title == "Data Engineer"


def test_unusable_json_ld_falls_back_to_the_visible_text_and_says_so() -> None:
    page = (
        JSON_LD.format("{{{{ not json")
        + "<h1>Analyst</h1><h2>Requirements</h2><ul><li>SQL</li></ul>"
    )
    result = draft_posting(page.encode(), "x.html", CATALOG)
    assert result.title == "Analyst"
    assert any("JSON-LD" in note and "visible text" in note for note in result.notes)


def test_rdfa_job_posting_is_read() -> None:
    page = (
        '<html><body vocab="https://schema.org/"><div typeof="JobPosting">'
        '<h1 property="title">Platform Engineer</h1>'
        '<div property="hiringOrganization" typeof="Organization">'
        '<span property="name">Quayside Ltd</span></div>'
        '<div property="description"><p>Requirements: Kubernetes and Terraform.</p></div>'
        "</div></body></html>"
    )
    result = draft_posting(page.encode(), "x.html", CATALOG)
    assert result.title == "Platform Engineer"
    assert result.company == "Quayside Ltd"


def test_structured_education_gives_the_degree() -> None:
    body = (
        '{"@type": "JobPosting", "title": "Engineer", "qualifications": {"@type": '
        '"EducationalOccupationalCredential", "credentialCategory": "Bachelor of Science", '
        '"about": "Computer Science"}}'
    )
    result = draft_posting(JSON_LD.format(body).encode(), "x.html", CATALOG)
    assert "level: bachelors" in result.text
    assert "- Computer Science" in result.text
