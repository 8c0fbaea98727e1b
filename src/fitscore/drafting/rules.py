"""The words `parse` knows (data/parsing.yaml), validated once, and how phrases are matched."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Literal

from pydantic import field_validator

from fitscore.models import StrictModel

REQUIRED, PREFERRED, IGNORED, NEUTRAL = "required", "preferred", "ignored", "neutral"
Section = Literal["required", "preferred", "ignored", "neutral"]


class DegreeWords(StrictModel):
    levels: dict[str, tuple[str, ...]]
    abbreviations: dict[str, tuple[str, ...]]
    default_level: str
    default_level_cues: tuple[str, ...]
    in_progress_cues: tuple[str, ...]
    related_cues: tuple[str, ...]
    equivalent_cues: tuple[str, ...]
    negation_cues: tuple[str, ...]
    not_field_words: tuple[str, ...]


class ParsingRules(StrictModel):
    headings: dict[str, tuple[str, ...]]
    clause_starts: tuple[str, ...]
    preferred_cues: tuple[str, ...]
    required_cues: tuple[str, ...]
    ignored_cues: tuple[str, ...]
    aside_filler_words: tuple[str, ...]
    category_phrases: dict[str, tuple[str, ...]]
    example_cues: tuple[str, ...]
    choice_cues: tuple[str, ...]
    degree: DegreeWords
    publications_cues: tuple[str, ...]
    location_words: tuple[str, ...]
    generic_categories: tuple[str, ...]
    ordinary_skills: tuple[str, ...]
    tool_categories: tuple[str, ...]
    area_words: tuple[str, ...]
    heading_cues: dict[Literal["required", "preferred", "ignored"], tuple[str, ...]]
    unknown_heading: Literal["neutral", "ignored"]
    ignored_heading_starts: tuple[str, ...]
    paragraph_labels: tuple[str, ...]
    grid_columns: tuple[str, ...]
    grid_tick_columns: dict[Literal["required", "preferred"], tuple[str, ...]]
    grid_required: tuple[str, ...]
    grid_preferred: tuple[str, ...]
    prose_required_cues: tuple[str, ...]
    duty_starts: tuple[str, ...]
    duty_exceptions: tuple[str, ...]
    fallback_section: Literal["required", "preferred"]
    joiners: tuple[str, ...]
    max_text_chars: int
    title_labels: tuple[str, ...]
    title_max_words: int
    title_words: tuple[str, ...]
    title_introductions: tuple[str, ...]
    not_company_words: tuple[str, ...]
    company_suffixes: tuple[str, ...]
    company_labels: tuple[str, ...]
    title_stop_words: tuple[str, ...]
    title_duration_words: tuple[str, ...]
    title_not_words: tuple[str, ...]
    company_introductions: tuple[str, ...]
    title_frames: tuple[str, ...]
    title_company_joiners: tuple[str, ...]
    company_frames: tuple[str, ...]
    max_draft_items: int
    max_degree_fields: int
    max_themes: int
    max_clause_chars: int

    @field_validator("company_frames")
    @classmethod
    def _one_name_each(cls, frames: tuple[str, ...]) -> tuple[str, ...]:
        for frame in frames:
            if frame.count("{}") != 1:
                raise ValueError(f"company frame '{frame}' must hold '{{}}' once")
        return frames


@cache
def parsing_rules() -> ParsingRules:
    """The packaged parsing vocabulary (validated at first use)."""
    from fitscore.rules import packaged

    return packaged("parsing.yaml", ParsingRules)


# A hyphen inside a heading joins its words ("Must-haves", "Nice‑to‑haves", "Good-to-know"):
# headings are compared as if the words stood apart. (A dash with spaces around it parts two
# headings, "Skills – required", and is left alone.)
_JOINED = re.compile(r"(?<=\w)[-\u2010\u2011](?=\w)")


def heading_fold(text: str) -> str:
    """:func:`fold` for a heading: words a hyphen joins stand apart too."""
    if "-" in text or "\u2010" in text or "\u2011" in text:
        text = _JOINED.sub(" ", text)
    return fold(text)


@cache
def heading_kinds() -> dict[str, str]:
    """Folded heading text (:func:`heading_fold`) -> the section it opens."""
    rules = parsing_rules()
    return {
        heading_fold(phrase): kind for kind, phrases in rules.headings.items() for phrase in phrases
    }


def heading_kind(text: str) -> str | None:
    """The section a known heading opens (its words, however hyphenated), or None."""
    return heading_kinds().get(heading_fold(text))


@cache
def heading_cues(*sections: str) -> tuple[str, ...]:
    """The cue phrases of ``sections``' headings, folded as headings are."""
    cues = parsing_rules().heading_cues
    return tuple(heading_fold(cue) for section in sections for cue in cues[section])  # type: ignore[index]


def fold(text: str) -> str:
    """Lower case, one space between words, typographic apostrophes made plain, no end colon."""
    return " ".join(text.replace("’", "'").replace("`", "'").casefold().split()).strip(" :.")


@cache
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of folded phrases on word boundaries, longest first."""
    ordered = sorted({fold(phrase) for phrase in phrases if fold(phrase)}, key=len, reverse=True)
    body = "|".join(re.escape(phrase) for phrase in ordered) or r"(?!x)x"
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


@cache
def spaced_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """:func:`phrase_pattern` for text as written (not folded): any case, any white space
    between a phrase's words, so a match's place is a place in that text."""
    ordered = sorted({fold(phrase) for phrase in phrases if fold(phrase)}, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)
    return re.compile(rf"(?<![\w])(?:{body or '(?!x)x'})(?![\w])", re.IGNORECASE)


def has(text: str, phrases: Iterable[str]) -> str | None:
    """The (longest) phrase of ``phrases`` that ``text`` holds, or None."""
    match = phrase_pattern(tuple(phrases)).search(fold(text))
    return match.group(0) if match else None
