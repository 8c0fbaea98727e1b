"""Blocking (``min_score``): a pair is skipped only when its upper bound says it cannot reach
the threshold, so no pair scoring at or above the threshold is ever dropped."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fitscore import batch
from fitscore.models import Posting, Profile
from fitscore.scoring import Scorer
from fitscore.vocabulary import Outcome
from tests.unit.test_scoring_properties import MATCHER, POSTINGS, SKILLS, profile_data

TODAY = dt.date(2026, 11, 30)
skill = st.sampled_from(SKILLS)
item = st.one_of(
    skill,
    st.fixed_dictionaries({"any_of": st.lists(skill, min_size=1, max_size=4)}),
    st.fixed_dictionaries(
        {
            "category": st.sampled_from(["big_data", "ml_framework", "cloud", "database"]),
            "examples": st.lists(skill, max_size=2),
        }
    ),
)
posting_data = st.fixed_dictionaries(
    {
        "title": st.just("Job"),
        "company": st.just("Acme"),
        "required": st.lists(item, max_size=6),
        "preferred": st.lists(item, max_size=5),
        "publications": st.sampled_from(["none", "preferred", "required"]),
        "big_data": st.sampled_from(["none", "preferred", "required"]),
    },
    optional={
        "degree": st.fixed_dictionaries(
            {
                "level": st.sampled_from(["phd", "masters", "bachelors"]),
                "status": st.sampled_from(["in_progress_ok", "completed"]),
                "fields": st.lists(st.sampled_from(["Computer Science", "Statistics"]), max_size=2),
            }
        ),
        "weights": st.fixed_dictionaries(
            {"required_skills": st.integers(0, 80), "degree": st.integers(0, 40)}
        ),
    },
)
any_posting = st.one_of(st.sampled_from(POSTINGS), posting_data.map(Posting.model_validate))


@settings(max_examples=300, deadline=None)
@given(profile_data, any_posting)
def test_the_upper_bound_is_never_below_the_score(data: dict[str, Any], target: Posting) -> None:
    scorer = Scorer(Profile.model_validate(data), matcher=MATCHER, today=TODAY)
    assert scorer.score(target).score <= batch.upper_bound(scorer, target)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(profile_data, min_size=1, max_size=3),
    st.lists(any_posting, min_size=1, max_size=6),
    st.floats(0, 100),
)
def test_blocking_keeps_exactly_the_pairs_at_or_above_the_threshold(
    profiles: list[dict[str, Any]], postings: list[Posting], threshold: float
) -> None:
    profile_models = [(f"p{n}", Profile.model_validate(d)) for n, d in enumerate(profiles)]
    posting_models = [(f"j{n}", p) for n, p in enumerate(postings)]
    everything = batch.score_all(profile_models, posting_models, today=TODAY).rows
    blocked = batch.score_all(profile_models, posting_models, today=TODAY, min_score=threshold).rows
    assert blocked == tuple(r for r in everything if r.score is not None and r.score >= threshold)


def test_the_bound_skips_pairs_for_a_high_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pre-filter has teeth: most shipped pairs cannot reach 90, and are never scored."""
    profile = Profile.model_validate({"name": "Web", "skills": ["CSS", "React", "Jest"]})
    scorer = Scorer(profile, matcher=MATCHER, today=TODAY)
    bounds = [batch.upper_bound(scorer, posting) for posting in POSTINGS]
    assert sum(bound < 90 for bound in bounds) >= len(POSTINGS) // 2
    state = batch.Batch([("web", profile)], today=TODAY)
    evaluated: list[Posting] = []
    original = Scorer.evaluate

    def counting(self: Scorer, posting: Posting) -> Any:
        evaluated.append(posting)
        return original(self, posting)

    monkeypatch.setattr(Scorer, "evaluate", counting)
    rows = state.rows([(str(n), p) for n, p in enumerate(POSTINGS)], min_score=90)
    assert len(evaluated) == sum(bound >= 90 for bound in bounds)
    assert all(row.outcome is Outcome.SCORED and (row.score or 0) >= 90 for row in rows)
