"""drafting: classes of posting layouts other people write, each read the way it is meant.

Hyphenated headings, a title line that names its company ("... at Acme"), definition lists and
list items that head a list, tables with a column saying what is required, and asides in
brackets with a cue of their own. Each class is checked across its variants (the vocabulary's
own phrases, every input format), not by one example.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from fitscore.drafting import draft_posting
from fitscore.drafting.rules import parsing_rules
from fitscore.skills.catalog import builtin_catalog

CATALOG = builtin_catalog()
RULES = parsing_rules()
HYPHENS = ["-", "\u2010", "\u2011"]  # hyphen-minus, hyphen, non-breaking hyphen


def drafted(text: str, name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(draft_posting(text.encode(), name, CATALOG).text)
    return data


def sections_of(posting: dict[str, Any]) -> dict[str, list[Any]]:
    return {section: posting.get(section) or [] for section in ("required", "preferred")}


# -- hyphenated headings ------------------------------------------------------------------------

SPACED_HEADINGS = sorted(
    phrase
    for section in ("required", "preferred")
    for phrase in RULES.headings[section]
    if len(phrase.split()) > 1
)
SECTION_OF = {
    phrase: section for section in ("required", "preferred") for phrase in RULES.headings[section]
}
HEADING_FORMS = {
    "text": ("{}:\n- Python\n- Kafka\n", "job.txt"),
    "markdown": ("## {}\n\n- Python\n- Kafka\n", "job.md"),
    "html": ("<h3>{}</h3><ul><li>Python</li><li>Kafka</li></ul>", "job.html"),
}


@settings(max_examples=60, deadline=None)
@given(
    phrase=st.sampled_from(SPACED_HEADINGS),
    joints=st.lists(st.booleans(), min_size=8, max_size=8),
    hyphen=st.sampled_from(HYPHENS),
    form=st.sampled_from(sorted(HEADING_FORMS)),
)
def test_a_heading_with_its_words_hyphenated_opens_the_same_section(
    phrase: str, joints: list[bool], hyphen: str, form: str
) -> None:
    words = phrase.split()
    hyphenated = words[0] + "".join(
        (hyphen if joined else " ") + word for joined, word in zip(joints, words[1:], strict=False)
    )
    body, name = HEADING_FORMS[form]
    opening = "Data Engineer\n\nAcme Labs\n\n" if form != "html" else "<h1>Data Engineer</h1>"
    # Items the heading's own section does not hold first: so the heading decides.
    lead = "<h2>Other</h2><p>We ship software.</p>" if form == "html" else "We ship software.\n\n"
    spaced = drafted(opening + lead + body.format(phrase), name)
    joined = drafted(opening + lead + body.format(hyphenated), name)
    assert sections_of(joined) == sections_of(spaced)
    assert sections_of(spaced)[SECTION_OF[phrase]] == ["Python", "Kafka"]


# -- a title line that names its company -----------------------------------------------------------

TITLES = ["Senior Data Engineer", "Machine Learning Engineer", "Head of Data", "Data Scientist II"]
COMPANIES = ["Acme Analytics", "Brightfern Labs", "Google DeepMind", "Haulwise"]
TITLE_LINES = {
    "text": ("{title} {joiner} {company}\n\nRequirements:\n- Python\n", "job.txt"),
    "markdown": ("# {title} {joiner} {company}\n\n## Requirements\n\n- Python\n", "job.md"),
    "html": ("<h1>{title} {joiner} {company}</h1><h2>Requirements</h2><ul><li>Python</li></ul>",
             "job.html"),
    "text-below": ("{title}\n{joiner} {company}\n\nRequirements:\n- Python\n", "job.txt"),
    "html-below": ("<h1>{title}</h1><p>{joiner} {company}</p><h2>Requirements</h2>"
                   "<ul><li>Python</li></ul>", "job.html"),
}  # fmt: skip


@pytest.mark.parametrize("form", sorted(TITLE_LINES))
@pytest.mark.parametrize("joiner", RULES.title_company_joiners)
@pytest.mark.parametrize(("title", "company"), list(zip(TITLES, COMPANIES, strict=True)))
def test_a_title_joined_to_its_company_gives_both(
    form: str, joiner: str, title: str, company: str
) -> None:
    body, name = TITLE_LINES[form]
    result = draft_posting(
        body.format(title=title, joiner=joiner, company=company).encode(), name, CATALOG
    )
    assert (result.title, result.company) == (title, company)


@pytest.mark.parametrize("line", ["Data Engineer at scale", "Data Engineer at senior level"])
def test_what_after_at_is_no_name_stays_in_the_title(line: str) -> None:
    result = draft_posting(f"{line}\n\nRequirements:\n- Python\n".encode(), "job.txt", CATALOG)
    assert result.title == line


# -- definition lists and list items over a list ---------------------------------------------------


@pytest.mark.parametrize(
    ("term", "section"),
    [
        ("Requirements", "required"),
        ("Must-haves", "required"),
        ("What you'll bring:", "required"),
        ("Nice to have", "preferred"),
        ("Nice-to-haves", "preferred"),
        ("Preferred qualifications", "preferred"),
    ],
)
@pytest.mark.parametrize("shape", ["dl", "nested-list"])
def test_a_term_or_an_item_over_a_list_that_names_a_section_heads_it(
    term: str, section: str, shape: str
) -> None:
    if shape == "dl":
        body = f"<dl><dt>{term}</dt><dd>Python</dd><dd>Kubernetes</dd></dl>"
    else:
        body = f"<ul><li>{term}<ul><li>Python</li><li>Kubernetes</li></ul></li></ul>"
    page = f"<h1>Data Engineer</h1><p>We ship software.</p>{body}"
    assert sections_of(drafted(page, "job.html"))[section] == ["Python", "Kubernetes"]


def test_a_term_that_names_a_skill_is_read_as_an_item() -> None:
    page = (
        "<h1>Data Engineer</h1><h2>Requirements</h2>"
        "<dl><dt>Python</dt><dd>five years</dd><dt>PostgreSQL</dt><dd>daily use</dd></dl>"
    )
    assert sections_of(drafted(page, "job.html"))["required"] == ["Python", "PostgreSQL"]


def test_a_list_item_that_is_a_heading_word_but_heads_no_list_stays_an_item() -> None:
    page = (
        "<h1>Data Engineer</h1><h2>Requirements</h2>"
        "<ul><li>Python</li><li>Benefits</li><li>PostgreSQL</li></ul>"
    )
    assert sections_of(drafted(page, "job.html"))["required"] == ["Python", "PostgreSQL"]


# -- tables with a requirement column --------------------------------------------------------------

GRID_SKILLS = ["Python", "Kafka", "Terraform", "PostgreSQL"]


def _grid(form: str, column: str, values: list[str]) -> tuple[str, str]:
    header = ["Skill", "Level", column]
    rows = [[skill, "Advanced", value] for skill, value in zip(GRID_SKILLS, values, strict=True)]
    head = "Data Platform Engineer\n\nBrightfern Labs\n\nSkills\n\n"
    if form == "html":
        cells = "".join(f"<th>{cell}</th>" for cell in header)
        body = "".join(
            "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows
        )
        page = f"<h1>Data Platform Engineer</h1><h2>Skills</h2><table><tr>{cells}</tr>{body}"
        return page + "</table>", "job.html"
    lines = [" | ".join(row) for row in [header, *rows]]
    if form == "markdown":
        lines = [f"| {line} |" for line in lines]
        lines.insert(1, "|---|---|---|")
        return "# Data Platform Engineer\n\n## Skills\n\n" + "\n".join(lines) + "\n", "job.md"
    return head + "\n".join(lines) + "\n", "job.txt"


@settings(max_examples=60, deadline=None)
@given(
    form=st.sampled_from(["html", "markdown", "text"]),
    column=st.sampled_from(RULES.grid_columns),
    values=st.lists(
        st.sampled_from([*RULES.grid_required, *RULES.grid_preferred]), min_size=4, max_size=4
    ),
    capitalised=st.booleans(),
)
def test_each_row_of_a_table_lands_in_the_section_its_requirement_cell_names(
    form: str, column: str, values: list[str], capitalised: bool
) -> None:
    shown = [value.capitalize() if capitalised else value for value in values]
    text, name = _grid(form, column.title() if capitalised else column, shown)
    want: dict[str, list[str]] = {"required": [], "preferred": []}
    for skill, value in zip(GRID_SKILLS, values, strict=True):
        want["required" if value in RULES.grid_required else "preferred"].append(skill)
    got = sections_of(drafted(text, name))
    assert {section: sorted(items) for section, items in got.items()} == {
        section: sorted(items) for section, items in want.items()
    }


def test_a_table_used_for_layout_is_read_as_its_blocks() -> None:
    page = (
        "<h1>Data Engineer</h1><table><tr><td><h2>Requirements</h2><ul><li>Python</li>"
        "<li>Kafka</li></ul></td><td><h2>Nice to have</h2><p>Terraform</p></td></tr></table>"
    )
    got = sections_of(drafted(page, "job.html"))
    assert got == {"required": ["Python", "Kafka"], "preferred": ["Terraform"]}


def test_a_table_without_a_requirement_column_keeps_its_section() -> None:
    page = (
        "<h1>Data Engineer</h1><h2>Requirements</h2><table><tr><th>Skill</th><th>Years</th></tr>"
        "<tr><td>Python</td><td>5</td></tr><tr><td>Kafka</td><td>2</td></tr></table>"
    )
    assert sections_of(drafted(page, "job.html"))["required"] == ["Python", "Kafka"]


# -- asides in brackets with a cue of their own ----------------------------------------------------

PAIRS = [("Kubernetes", "Terraform"), ("PostgreSQL", "Redis"), ("Java", "Kotlin")]
WAIVERS = [cue for cue in RULES.ignored_cues if cue.endswith("fine")]


@settings(max_examples=60, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    cue=st.sampled_from(RULES.preferred_cues),
    heading=st.sampled_from(["Requirements", "Nice to have"]),
)
def test_a_preferred_aside_naming_a_skill_speaks_for_that_skill_alone(
    pair: tuple[str, str], cue: str, heading: str
) -> None:
    outer, inner = pair
    text = f"Data Engineer\n\nAcme Labs\n\n{heading}:\n- {outer} ({cue}: {inner})\n- SQL\n"
    got = sections_of(drafted(text, "job.txt"))
    around = "required" if heading == "Requirements" else "preferred"
    assert outer in got[around] and "SQL" in got[around]
    assert inner in got["preferred"] and inner not in got["required"]


@pytest.mark.parametrize("waiver", WAIVERS)
@pytest.mark.parametrize("aside", ["{inner} {waiver}", "3.10+ {waiver}", "any version {waiver}"])
@pytest.mark.parametrize("pair", PAIRS)
def test_a_waiver_in_an_aside_never_drops_the_skill_around_it(
    waiver: str, aside: str, pair: tuple[str, str]
) -> None:
    outer, inner = pair
    written = aside.format(inner=inner, waiver=waiver)
    text = f"Data Engineer\n\nAcme Labs\n\nRequirements:\n- {outer} ({written})\n- SQL\n"
    got = sections_of(drafted(text, "job.txt"))
    assert got["required"] == [outer, "SQL"]
    assert got["preferred"] == []


@pytest.mark.parametrize("cue", ["preferred", "a plus", "nice to have", "bonus"])
def test_an_aside_that_is_only_a_cue_speaks_for_its_whole_clause(cue: str) -> None:
    text = f"Data Engineer\n\nAcme Labs\n\nRequirements:\n- Kafka ({cue})\n- SQL\n"
    got = sections_of(drafted(text, "job.txt"))
    assert got == {"required": ["SQL"], "preferred": ["Kafka"]}


def test_an_item_split_from_its_aside_quotes_the_whole_clause() -> None:
    text = "Data Engineer\n\nAcme Labs\n\nRequirements:\n- Kubernetes (Terraform is a plus)\n"
    draft = draft_posting(text.encode(), "job.txt", CATALOG).text
    assert draft.count('# "Kubernetes (Terraform is a plus)"') == 2


@pytest.mark.parametrize(
    "tail", ["2 Years of Experience", "5+ yrs", "Full-time", "Contract", "Part time", "3 YOE"]
)
@pytest.mark.parametrize("title", ["Front End Engineer", "Data Scientist", "Software Engineer 2"])
def test_terms_of_the_job_after_a_title_are_not_the_title(tail: str, title: str) -> None:
    text = f"{title} {tail}\n\nRequirements:\n- Python\n"
    assert draft_posting(text.encode(), "job.txt", CATALOG).title == title


@pytest.mark.parametrize(
    "sentence",
    [
        "At {company} we build tools for farmers.",
        "At {company}, we build tools for farmers.",
        "Here at {company} we build tools for farmers.",
    ],
)
@pytest.mark.parametrize("heading", ["About Us", "About us", "Who We Are"])
def test_the_company_is_the_name_that_speaks_as_we_not_the_us_of_a_heading(
    sentence: str, heading: str
) -> None:
    company = "Tech Solutions"
    text = (
        f"Data Engineer\n\n{heading}\n{sentence.format(company=company)}\n\n"
        "Requirements:\n- Python\n"
    )
    assert draft_posting(text.encode(), "job.txt", CATALOG).company == company
