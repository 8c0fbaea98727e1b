"""A term the catalogue does not know is decided through the profile's index exactly as a pass
over every profile term and text would decide it (the pass below is the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fitscore.models import Profile
from fitscore.skills.matcher import (
    PROSE,
    Evidence,
    Match,
    Matcher,
    ProfileEvidence,
    _in_prose,
    _phrase_pattern,
    _same_term,
    _within_typo,
)
from fitscore.skills.normalize import key, words
from fitscore.vocabulary import Status

# Made-up words (no catalogue skill), with the slips, joins and case changes that matter.
STEMS = ["zorblat", "quenix", "vardle", "mipsor", "tralvex", "glonk", "brisket data", "umbro"]
terms = st.builds(
    lambda stem, case, join, slip: _shape(stem, case, join, slip),
    st.sampled_from(STEMS),
    st.sampled_from(["lower", "upper", "title"]),
    st.sampled_from([" ", "-", "", "_"]),
    st.integers(0, 8),
)


def _shape(stem: str, case: str, join: str, slip: int) -> str:
    text = stem.replace(" ", join)
    if 1 <= slip < len(text) - 1 and slip % 3 == 0:  # swap two inner letters
        text = text[:slip] + text[slip + 1] + text[slip] + text[slip + 2 :]
    return {"lower": text.lower(), "upper": text.upper(), "title": text.title()}[case]


def reference(evidence: ProfileEvidence, term: str) -> Match | Evidence:
    """The pass over everything that the index replaces (before the catalogue's parts)."""
    items = sorted(evidence.items, key=Evidence.rank)
    best = None
    for item in items:
        if _same_term(term, item.term):
            same = Match(Status.MET, term, None, item.term, item.source, 100.0, "same term")
            return _in_prose(same) if item.origin in PROSE else same
        if best is None and _within_typo(term, item.term):
            best = item
    if best is not None:
        return best
    phrase = _phrase_pattern(term)
    for source, origin, text in evidence.texts:
        if phrase is not None and phrase.search(text):
            named = Match(Status.MET, term, None, term, source, 100.0, "named in the text")
            return _in_prose(named) if origin in PROSE else named
    wanted = set(words(term))
    if len(wanted) >= 2:
        for item in items:
            if wanted <= set(words(item.term)):
                return item
    return Match(Status.MISSING, term, None)


@settings(max_examples=150, deadline=None)
@given(
    listed=st.lists(terms, max_size=8),
    prose=st.lists(st.lists(terms, max_size=4).map(" and ".join), max_size=3),
    asked=terms,
)
def test_the_index_decides_as_a_pass_over_the_whole_profile(
    listed: list[str], prose: list[str], asked: str
) -> None:
    profile = Profile.model_validate(
        {
            "name": "Ada",
            "skills": [{"name": name} for name in listed] or [{"name": "Python"}],
            "summary": ". ".join(prose) or None,
        }
    )
    evidence = Matcher().evidence(profile)
    if evidence.resolver.resolve(asked).skill is not None or "/" in asked:
        return  # decided by the catalogue, not as an unknown term
    decided = evidence.match(asked)
    expected = reference(evidence, asked)
    if isinstance(expected, Evidence):  # a typo or a longer term: the item it names
        assert (decided.matched, decided.source) == (expected.term, expected.source)
    else:
        assert (decided.status, decided.matched, decided.source, decided.reason) == (
            expected.status,
            expected.matched,
            expected.source,
            expected.reason if expected.status is not Status.MISSING else decided.reason,
        )
    assert key(asked)  # the generated terms are words
