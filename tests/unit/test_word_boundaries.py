"""Lookup keys respect word boundaries: a short name never joins the word next to it.

The class behind "R or" = RoR, "as R" = ASR and "R to" = RTOS: every catalogue spelling of
three letters or fewer, next to each of the 200 commonest English words (data/common_words.txt),
must name nothing, unless the phrase is itself a catalogue spelling (an alias on purpose).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitscore.skills.catalog import builtin_catalog
from fitscore.skills.matcher import Resolver, spot
from fitscore.skills.normalize import common_words, segments

CATALOG = builtin_catalog()
WORDS = sorted(common_words())
SHORT = sorted(
    {
        spelling
        for info in CATALOG.skills.values()
        for spelling in (info.name, *info.aliases)
        if len(re.sub(r"\W", "", spelling)) <= 3
    }
)
ON_PURPOSE = {
    segments(spelling): info.name
    for info in CATALOG.skills.values()
    for spelling in (info.name, *info.aliases)
}


def phrases() -> list[str]:
    return [
        phrase
        for short in SHORT
        for word in WORDS
        for phrase in (f"{short} {word}", f"{word} {short}")
    ]


def test_the_word_list_has_the_200_commonest_words() -> None:
    assert len(WORDS) == 200
    assert {"the", "or", "as", "to", "a", "i"} <= set(WORDS)


def test_no_short_name_next_to_a_common_word_resolves_to_a_skill() -> None:
    resolver = Resolver(CATALOG)
    every = phrases()
    assert len(SHORT) > 100 and len(every) > 40_000
    resolver.resolve_many(every)
    wrong = [
        f"{phrase!r} -> {resolution.skill}"
        for phrase in every
        if (resolution := resolver.resolve(phrase)).skill is not None
        and ON_PURPOSE.get(segments(phrase)) != resolution.skill
    ]
    assert wrong == []


@given(st.sampled_from(SHORT), st.sampled_from(WORDS), st.booleans())
def test_free_text_finds_only_the_words_themselves(short: str, word: str, first: bool) -> None:
    phrase = f"{short} {word}" if first else f"{word} {short}"
    found = {skill for _, skill in spot(CATALOG, phrase)}
    alone = {skill for _, skill in spot(CATALOG, short)} | {
        skill for _, skill in spot(CATALOG, word)
    }
    on_purpose = ON_PURPOSE.get(segments(phrase))
    assert found <= alone | ({on_purpose} if on_purpose else set())


@pytest.mark.parametrize(
    ("phrase", "skill"),
    [
        ("Node JS", "Node.js"),
        ("scikit learn", "scikit-learn"),
        ("Tensor Flow", "TensorFlow"),
        ("Java Script", "JavaScript"),
        ("Data bricks", "Databricks"),
    ],
)
def test_spaces_inside_a_name_are_still_ignored(phrase: str, skill: str) -> None:
    assert Resolver(CATALOG).resolve(phrase).skill == skill


@pytest.mark.parametrize("phrase", ["R or", "as R", "R to", "my SQL", "no SQL", "C make"])
def test_a_short_name_and_its_neighbour_are_not_another_skill(phrase: str) -> None:
    assert Resolver(CATALOG).resolve(phrase).skill is None


SPELLINGS = sorted(
    {spelling for info in CATALOG.skills.values() for spelling in (info.name, *info.aliases)}
)
RESOLVER = Resolver(CATALOG)


@given(st.sampled_from(SPELLINGS), st.sampled_from(SPELLINGS))
def test_two_names_side_by_side_are_no_third_skill(first: str, second: str) -> None:
    phrase = f"{first} {second}"
    found = RESOLVER.resolve(phrase).skill
    assert found is None or ON_PURPOSE.get(segments(phrase)) == found
