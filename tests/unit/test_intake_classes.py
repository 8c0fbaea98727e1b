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
from fitscore.skills.matcher import spot_spans

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


# -- numbered sections -----------------------------------------------------------------------------

NUMBERED_HEADINGS = sorted(
    phrase for section in ("required", "preferred") for phrase in RULES.headings[section]
)


@settings(max_examples=60, deadline=None)
@given(
    phrase=st.sampled_from(NUMBERED_HEADINGS),
    number=st.sampled_from(["4.", "4)", "2.1", "3.2.", "10."]),
    colon=st.booleans(),
)
def test_a_numbered_section_heading_opens_its_section(
    phrase: str, number: str, colon: bool
) -> None:
    heading = f"{number} {phrase.capitalize()}{':' if colon else ''}"
    text = (
        "Cloud Engineer\n\nAcme Labs\n\nWe run clusters.\n\n"
        f"{heading}\n{number.rstrip('.)')}.1 Terraform\n{number.rstrip('.)')}.2 Kubernetes\n"
    )
    got = sections_of(drafted(text, "job.txt"))
    assert got[SECTION_OF[phrase]] == ["Terraform", "Kubernetes"]


def test_items_numbered_in_levels_are_read_one_by_one() -> None:
    text = (
        "Cloud Engineer\n\nRequirements\n"
        "5.2 Experience with a SIEM such as Splunk or Elastic Security\n"
        "5.3 Certifications such as OSCP or CISSP\n5.4 Terraform\n"
    )
    draft = draft_posting(text.encode(), "job.txt", CATALOG).text
    assert "Elastic Security 5" not in draft and "5.3" not in draft
    assert "Terraform" in sections_of(yaml.safe_load(draft))["required"]


# -- tables ticked under a column per section ------------------------------------------------------

TICKS = [mark for mark in RULES.grid_required if not mark.isalpha() or mark in ("yes", "x")]


@settings(max_examples=60, deadline=None)
@given(
    form=st.sampled_from(["html", "markdown", "text"]),
    must=st.sampled_from(RULES.grid_tick_columns["required"]),
    nice=st.sampled_from(RULES.grid_tick_columns["preferred"]),
    tick=st.sampled_from(TICKS),
    required=st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_a_row_ticked_under_a_section_column_lands_in_that_section(
    form: str, must: str, nice: str, tick: str, required: list[bool]
) -> None:
    header = ["Skill", must.title(), nice.title()]
    rows = [
        [skill, tick if need else "", "" if need else tick]
        for skill, need in zip(GRID_SKILLS, required, strict=True)
    ]
    if form == "html":
        head = "".join(f"<th>{cell}</th>" for cell in header)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        text, name = (
            f"<h1>Data Engineer</h1><h2>Skills</h2><table><tr>{head}</tr>{body}</table>",
            "job.html",
        )
    else:
        lines = ["| " + " | ".join(row) + " |" for row in [header, *rows]]
        lines.insert(1, "|---|:---:|:---:|")
        title = (
            "# Data Engineer\n\n## Skills\n\n"
            if form == "markdown"
            else "Data Engineer\n\nSkills\n\n"
        )
        text, name = title + "\n".join(lines) + "\n", "job.md" if form == "markdown" else "job.txt"
    got = sections_of(drafted(text, name))
    want_required = [skill for skill, need in zip(GRID_SKILLS, required, strict=True) if need]
    want_preferred = [skill for skill, need in zip(GRID_SKILLS, required, strict=True) if not need]
    assert (sorted(got["required"]), sorted(got["preferred"])) == (
        sorted(want_required),
        sorted(want_preferred),
    )


def test_a_plain_text_table_between_rule_lines_is_read_as_a_grid() -> None:
    text = (
        "SRE\n\nSKILLS MATRIX\n+------------+-------+-----------+\n"
        "| Skill      | Years | Mandatory |\n+------------+-------+-----------+\n"
        "| Kubernetes | 2+    | Y         |\n| Terraform  | 1+    | N         |\n"
        "+------------+-------+-----------+\n"
    )
    assert sections_of(drafted(text, "job.txt")) == {
        "required": ["Kubernetes"],
        "preferred": ["Terraform"],
    }


# -- definition terms with cue words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "section"),
    [("You must know", "required"), ("It helps if you know", "preferred"),
     ("What we need", "required"), ("Bonus if you have", "preferred")],
)  # fmt: skip
def test_a_definition_term_with_a_section_cue_heads_its_definitions(
    term: str, section: str
) -> None:
    page = (
        "<h1>Frontend Engineer</h1><dl><dt>Salary</dt><dd>$125,000</dd>"
        f"<dt>{term}</dt><dd><ul><li>TypeScript</li><li>React</li></ul></dd></dl>"
    )
    assert sections_of(drafted(page, "job.html"))[section] == ["TypeScript", "React"]


# -- choices ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("cue", RULES.choice_cues)
def test_a_skill_before_a_choice_is_asked_for_alone(cue: str) -> None:
    text = f"Researcher\n\nRequirements\n- Fluency in Python and {cue} PyTorch or JAX\n"
    (*alone, choice) = sections_of(drafted(text, "job.txt"))["required"]
    assert alone == ["Python"] and choice["any_of"] == ["PyTorch", "JAX"]


def test_names_the_catalogue_does_not_know_stay_in_a_choice() -> None:
    text = (
        "Tools Engineer\n\nRequirements\n- Experience with at least one of Bazel, Buck2 or Pants\n"
    )
    (choice,) = sections_of(drafted(text, "job.txt"))["required"]
    assert choice["any_of"] == ["Bazel", "Buck2", "Pants"]


# -- asides, waivers and negations -----------------------------------------------------------------


@pytest.mark.parametrize(
    "aside", ["torch.compile experience is a plus", "distributed training would be a bonus"]
)
def test_a_preferred_aside_about_something_else_leaves_the_skill_where_it_stands(
    aside: str,
) -> None:
    text = f"ML Engineer\n\nRequirements\n- PyTorch ({aside})\n"
    assert sections_of(drafted(text, "job.txt"))["required"] == ["PyTorch"]


@pytest.mark.parametrize("waiver", ["also fine", "is ok", "also works", "is acceptable"])
def test_an_alternative_waved_through_never_replaces_the_skill(waiver: str) -> None:
    text = f"ML Engineer\n\nRequirements\n- Comfortable with Docker (Podman {waiver})\n"
    assert sections_of(drafted(text, "job.txt"))["required"] == ["Docker"]


@pytest.mark.parametrize("negation", ["not required", "not mandatory", "is not required"])
def test_a_requirement_marked_not_required_is_preferred(negation: str) -> None:
    text = f"Data Scientist\n\nRequirements\n- Python\n- Publications at NeurIPS ({negation})\n"
    assert drafted(text, "job.txt")["publications"] == "preferred"


@pytest.mark.parametrize(
    "heading",
    [phrase for phrase in RULES.headings["ignored"] if phrase.startswith(("essential", "not"))]
    + ["Not-needed", "What you don't need", "Essential Functions"],
)
def test_items_under_a_heading_that_waives_or_lists_duties_are_not_required(heading: str) -> None:
    text = f"Data Analyst\n\nMust-haves\n- SQL\n\n{heading}\n- Tableau\n- A PhD\n"
    posting = drafted(text, "job.txt")
    assert sections_of(posting) == {"required": ["SQL"], "preferred": []}
    assert "degree" not in posting


@pytest.mark.parametrize(
    "sentence",
    ["A first-author paper at NeurIPS, ICML or ICLR", "Papers at top ML venues",
     "A track record of publishing at ACL or EMNLP", "Peer-reviewed paper in a major venue"],
)  # fmt: skip
def test_a_paper_at_a_venue_asks_for_publications_not_a_skill(sentence: str) -> None:
    text = f"Research Intern\n\nDesirable\n- {sentence}\n"
    posting = drafted(text, "job.txt")
    assert posting["publications"] == "preferred"
    assert sections_of(posting) == {"required": [], "preferred": []}


@pytest.mark.parametrize(
    "clause",
    ["A minimum 2:1 honours degree (or expected 2:1 by summer 2025) in Computer Science",
     "An honours degree (or equivalent) in Computer Science",
     "An honors degree in Computer Science"],
)  # fmt: skip
def test_a_degree_with_an_aside_before_its_field_is_read(clause: str) -> None:
    text = f"Graduate Developer\n\nEssential criteria\n- {clause}\n- SQL\n"
    degree = drafted(text, "job.txt")["degree"]
    assert (degree["level"], degree["fields"]) == ("bachelors", ["Computer Science"])


# -- a name never runs over a bracket or a list's comma --------------------------------------------

MULTIWORD = sorted(
    (spelling, name)
    for name, info in CATALOG.skills.items()
    for spelling in (name, *info.aliases)
    if len(spelling.split()) > 1 and spelling.isascii()
)


@settings(max_examples=100, deadline=None)
@given(
    named=st.sampled_from(MULTIWORD),
    mark=st.sampled_from([", ", " (", "; ", ": ", " | ", ") "]),
    joint=st.integers(min_value=0),
)
def test_a_name_of_several_words_is_never_read_over_a_mark_between_them(
    named: tuple[str, str], mark: str, joint: int
) -> None:
    spelling, skill = named
    words = spelling.split()
    cut = 1 + joint % (len(words) - 1)
    text = f"Experience with {' '.join(words[:cut])}{mark}{' '.join(words[cut:])} daily"
    spans = spot_spans(CATALOG, text)
    assert not [span for span in spans if span.skill == skill and mark.strip() in span.wording]


# -- chat posts: emphasis headings, emoji shortcodes, who posted and when --------------------------


@settings(max_examples=60, deadline=None)
@given(
    phrase=st.sampled_from(SPACED_HEADINGS),
    marks=st.sampled_from(["*", "**", "_", "__"]),
    shortcode=st.sampled_from(["", " :white_check_mark:", " :star:", " :+1:"]),
    colon=st.booleans(),
)
def test_an_emphasised_heading_line_in_a_chat_post_opens_its_section(
    phrase: str, marks: str, shortcode: str, colon: bool
) -> None:
    heading = f"{marks}{phrase.capitalize()}{marks}{':' if colon else ''}{shortcode}"
    text = f"Robotics Engineer\n\nWe build arms.\n\n{heading}\n• Terraform\n• Kubernetes\n"
    assert sections_of(drafted(text, "job.txt"))[SECTION_OF[phrase]] == ["Terraform", "Kubernetes"]


@pytest.mark.parametrize("stamp", ["11:03 AM", "9:41 pm", "14:05", "Yesterday at 3:12 PM"])
def test_the_line_that_says_who_posted_and_when_is_not_the_title(stamp: str) -> None:
    text = (
        f"Sam Okafor  {stamp}\n*Acme Robotics* is hiring a *Robotics Engineer* in Pittsburgh\n\n"
        "*Must have*\n• ROS 2\n"
    )
    assert draft_posting(text.encode(), "job.txt", CATALOG).title == "Robotics Engineer"


# -- the company: a page's <title>, the line under the title, decorations --------------------------


@pytest.mark.parametrize(
    "page_title",
    ["Tidewater Logistics - Senior Backend Engineer",
     "Senior Backend Engineer | Tidewater Logistics",
     "Job Application for Senior Backend Engineer at Tidewater Logistics",
     "Senior Backend Engineer at Tidewater Logistics | Careers",
     "Senior Backend Engineer — Tidewater Logistics"],
)  # fmt: skip
def test_a_page_title_that_holds_the_job_names_the_company(page_title: str) -> None:
    page = (
        f"<html><head><title>{page_title}</title></head><body><h2>Senior Backend Engineer</h2>"
        '<div class="posting-categories">Engineering – Platform</div>'
        "<h3>Requirements</h3><ul><li>Go</li></ul></body></html>"
    )
    assert draft_posting(page.encode(), "job.html", CATALOG).company == "Tidewater Logistics"


@pytest.mark.parametrize("page_title", ["Careers | Acme Jobs", "Open roles", "Engineering - Jobs"])
def test_a_page_title_without_the_job_names_no_company(page_title: str) -> None:
    page = (
        f"<html><head><title>{page_title}</title></head><body><h2>Senior Backend Engineer</h2>"
        "<h3>Requirements</h3><ul><li>Go</li></ul></body></html>"
    )
    assert draft_posting(page.encode(), "job.html", CATALOG).company is None


def test_the_line_under_the_title_names_the_company_before_a_team_after_a_dash() -> None:
    text = "Data Analyst II - Claims Analytics\nNorthbeam Health\n\nRequirements\n- SQL\n"
    result = draft_posting(text.encode(), "job.txt", CATALOG)
    assert (result.title, result.company) == ("Data Analyst II", "Northbeam Health")


@pytest.mark.parametrize("decoration", [" ·", " 🎮", " •", " —", " |", " 🚀✨"])
def test_what_decorates_the_end_of_a_company_name_is_left_out(decoration: str) -> None:
    text = (
        f"Game Developer\nPixelmoss Studio{decoration}\n\nPixelmoss makes cosy games.\n\n"
        "Requirements\n- C++\n"
    )
    assert draft_posting(text.encode(), "job.txt", CATALOG).company == "Pixelmoss Studio"
