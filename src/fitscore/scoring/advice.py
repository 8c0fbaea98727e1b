"""Every sentence of a score report a user reads: details, gap texts, suggestions and notes.

The numbers are decided elsewhere (``components``); this module only puts them into words, so
the wording can be reviewed, and one day translated, in one place.
"""

from __future__ import annotations

from collections.abc import Sequence

from fitscore.models import DegreeRequirement, Education, Requirement
from fitscore.skills.matcher import Match
from fitscore.vocabulary import FieldRelation, Status, degree_display

NOT_ASKED = "not asked by this posting"
NOTHING_TO_SCORE = "The posting asks for nothing fitscore can score (no skills, degree, ...)."
NO_DEGREE = "no degree listed"
BIG_DATA_GAP = "big data experience"
FIELD_WORDS = {
    FieldRelation.EXACT: "field listed",
    FieldRelation.RELATED: "related field",
    FieldRelation.UNRELATED: "field not listed",
}
ANY_FIELD = "any field"
FIELD_NOT_GIVEN = "field not given"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


# -- skills ------------------------------------------------------------------------------------


def skills_detail(met: int, total: int, partial: int) -> str:
    return f"{met} of {total} met" + (f", {partial} partial" if partial else "")


def requirement_suggestion(
    item: Requirement, decision: Match, category_label: str, category_examples: Sequence[str]
) -> str:
    """What to do about one requirement item the profile does not fully meet."""
    close = ""
    if decision.status is Status.PARTIAL and decision.matched:
        close = f"You have {decision.matched} ({decision.reason}). "
    if item.any_of is not None:
        members = ", ".join(item.any_of)
        return (
            f"{close}Any one of {members} would satisfy this; show it in a skill, project or job."
        )
    if item.category is not None:
        examples = ", ".join(category_examples)
        return f"Any {category_label} counts, e.g. {examples}; show hands-on use in a project."
    wanted = decision.skill or item.skill or ""
    if close:
        return (
            f"{close}If you have used {wanted}, list it; "
            "otherwise a small project with it closes the gap."
        )
    return f"Add {wanted} to a project or experience entry, then list it under skills."


# -- degree ------------------------------------------------------------------------------------


def degree_asked(wanted: DegreeRequirement) -> str:
    """The degree a posting asks for, as a reader would say it."""
    asked = degree_display(wanted.level)
    if wanted.status == "in_progress_ok":
        asked += " (in progress OK)"
    if wanted.fields:
        asked += f" in {', '.join(wanted.fields)}"
        if wanted.related_ok:
            asked += " or a related field"
    return asked


def degree_detail(entry: Education, field_words: str) -> str:
    state = "in progress" if entry.status == "in_progress" else "completed"
    subject = f" in {entry.field}" if entry.field else ""
    return f"{degree_display(entry.degree)} {state}{subject} ({field_words})"


def degree_gap(asked: str) -> str:
    return f"degree: {asked}"


def degree_suggestion(asked: str, detail: str) -> str:
    return f"The posting asks for a {asked}; yours: {detail}."


def expected_date_passed(entry: Education) -> str:
    return (
        f"Your {degree_display(entry.degree)} was expected by {entry.expected}, which has "
        "passed: update its status or date."
    )


def completed_for_students(level: str) -> str:
    return (
        f"The posting is written for students working towards a {degree_display(level)}; "
        "yours is completed, so check that you are eligible."
    )


# -- publications ------------------------------------------------------------------------------


def publications_detail(count: int, on_theme: int, has_themes: bool) -> str:
    detail = _plural(count, "paper")
    if has_themes:
        detail += f", {on_theme} on the posting's themes"
    return detail


def publications_topic(themes: Sequence[str]) -> str:
    return ", ".join(themes[:4]) or "the posting's field"


def publications_gap(themes: Sequence[str]) -> str:
    return "publications" + (f" in {publications_topic(themes)}" if themes else "")


def publications_suggestion(themes: Sequence[str]) -> str:
    return (
        f"List papers, preprints or workshop papers on {publications_topic(themes)} "
        "(title, venue, year); each one adds, with diminishing returns."
    )


# -- big data ----------------------------------------------------------------------------------


def big_data_detail(tools: Sequence[str], hands_on: bool) -> str:
    shown = ", ".join(tools[:6]) or "none found"
    detail = f"{_plural(len(tools), 'tool')}: {shown}"
    if tools:
        detail += "; hands-on" if hands_on else "; no hands-on use shown"
    return detail


def big_data_suggestion(
    labels: Sequence[str],
    examples: Sequence[str],
    in_prose: Sequence[str],
    hands_on: bool,
    shown: int,
    saturation: float,
    hands_on_years: float,
) -> str:
    """What would raise the big-data credit: the real missing piece when tools are shown."""
    general = (
        f"Show hands-on use of {' or '.join(labels)} (e.g. {', '.join(examples)}) in an "
        "experience or project entry, with years where you can."
    )
    if not shown:
        return general
    parts = []
    if in_prose:
        parts.append(
            f"{', '.join(in_prose)} {'is' if len(in_prose) == 1 else 'are'} named only "
            "in prose: list it in skills or in an experience or project entry's skills."
        )
    if not hands_on:
        parts.append(
            "Show hands-on use: put a tool in an experience entry's skills, "
            f"or give {hands_on_years:g}+ years."
        )
    if shown < saturation:
        parts.append(
            f"{shown} of {saturation:g} technologies shown; another adds "
            f"breadth (e.g. {', '.join(examples[:3])})."
        )
    return " ".join(parts) or general
