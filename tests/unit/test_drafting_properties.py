"""drafting: properties over classes of inputs."""

from __future__ import annotations

import string

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from fitscore.drafting import draft_posting
from fitscore.drafting.writer import DraftDocument, SourcedItem, scalar, to_yaml
from fitscore.skills.catalog import builtin_catalog

CATALOG = builtin_catalog()
HEADINGS = ["Requirements", "Qualifications", "What you'll bring", "Must have", "You have"]
FORMS = ["# {}", "## {}", "### {}", "**{}**", "{}:", "**{}:**", "{upper}", "__{}__"]
LIST = "\n\n- Python\n- Kubernetes\n- PostgreSQL\n"


@settings(max_examples=40, deadline=None)
@given(
    heading=st.sampled_from(HEADINGS),
    form=st.sampled_from(FORMS),
    suffix=st.sampled_from([".md", ".txt"]),
)
def test_any_heading_form_of_a_requirement_heading_yields_the_same_items(
    heading: str, form: str, suffix: str
) -> None:
    written = form.format(heading, upper=heading.upper())
    text = f"Data Engineer\n\n{written}{LIST}"
    result = draft_posting(text.encode(), f"job{suffix}", CATALOG)
    assert yaml.safe_load(result.text)["required"] == ["Python", "Kubernetes", "PostgreSQL"]


segments = st.text(alphabet=string.ascii_lowercase + string.digits + "-_.", min_size=1, max_size=12)
words = st.sampled_from(
    ["phd", "http", "https", "python", "bachelor", "masters", "ms", "spark", "sql"]
)


@st.composite
def links(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(words, segments), min_size=1, max_size=5))
    if draw(st.booleans()):
        return f"https://{draw(words)}.example.com/" + "/".join(parts)
    return ".".join(parts) + "@" + draw(words) + ".example.org"


@settings(max_examples=60, deadline=None)
@given(link=links())
def test_a_url_or_an_email_address_never_yields_a_degree_or_a_skill(link: str) -> None:
    text = f"Data Engineer\n\nRequirements:\n- Apply at {link} today\n- Send it to {link}\n"
    data = yaml.safe_load(draft_posting(text.encode(), "job.txt", CATALOG).text)
    assert "degree" not in data
    assert not data.get("required") and not data.get("preferred")


printable = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\x85\u2028\u2029"
    ),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() == text and text)


@settings(max_examples=200, deadline=None)
@given(value=printable)
def test_a_scalar_reads_back_as_written(value: str) -> None:
    assert yaml.safe_load(f"key: {scalar(value)}")["key"] == value


@settings(max_examples=60, deadline=None)
@given(
    skills=st.lists(printable, min_size=1, max_size=4, unique=True),
    source=st.text(min_size=1, max_size=200),
)
def test_every_written_item_reads_back_and_has_its_source_comment_above_it(
    skills: list[str], source: str
) -> None:
    items = (
        SourcedItem(skills[0], source),
        SourcedItem({"any_of": skills, "label": source[:50] or "x"}, source),
    )
    text = to_yaml(DraftDocument(source_name="x.txt", title="T", required=items))
    data = yaml.safe_load(text)
    assert data["required"][0] == skills[0]
    assert data["required"][1]["any_of"] == skills
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("  - "):
            assert lines[index - 1].startswith('  # "')
