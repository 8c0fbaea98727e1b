"""Properties of the score: bounded, the sum of its parts, deterministic, order-free, monotone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from fitscore.loading import load_posting as read_posting
from fitscore.models import Posting, Profile
from fitscore.scoring import Scorer
from fitscore.skills.matcher import Matcher
from tests.conftest import PINTEREST, ROOT

MATCHER = Matcher()
TODAY = dt.date(2026, 11, 30)
POSTINGS = [read_posting(str(path)) for path in sorted((ROOT / "postings").glob("*.yaml"))]
SKILLS = [
    "Python",
    "PyTorch",
    "Pytorh",
    "TensorFlow",
    "Java",
    "JavaScript",
    "C++",
    "C",
    "Spark",
    "PySpark",
    "Hadoop",
    "Kafka",
    "Flink",
    "Airflow",
    "SQL",
    "AWS",
    "k8s",
    "sklearn",
    "React",
    "TypeScript",
    "Research",
    "Stream Processing",
    "MLflow",
    "Scala",
    "dbt",
    "Snowflake",
    "quantum basket weaving",
    "Graph Neural Networks",
    "NLP",
    "CSS",
    "Jest",
]
skill = st.sampled_from(SKILLS)
education = st.fixed_dictionaries(
    {
        "degree": st.sampled_from(["phd", "masters", "bachelors", "associate", "other"]),
        "field": st.sampled_from(["Computer Science", "Statistics", "History", "ML", "Physics"]),
        "status": st.sampled_from(["in_progress", "completed"]),
    }
)
publication = st.fixed_dictionaries(
    {
        "title": st.sampled_from(
            ["Graph neural networks for ranking", "A history of bridges", "Streaming NLP at scale"]
        ),
        "venue": st.sampled_from(["KDD", "ACL", "Bridge Quarterly"]),
    }
)
experience = st.fixed_dictionaries(
    {"title": st.sampled_from(["Intern", "Engineer"]), "skills": st.lists(skill, max_size=4)}
)
profile_data = st.fixed_dictionaries(
    {
        "name": st.just("Test"),
        "skills": st.lists(skill, max_size=8),
        "education": st.lists(education, max_size=2),
        "publications": st.lists(publication, max_size=3),
        "experience": st.lists(experience, max_size=2),
    }
)
posting = st.sampled_from(POSTINGS)


def score_of(data: dict[str, Any], target: Posting) -> float:
    profile = Profile.model_validate(data)
    return Scorer(profile, matcher=MATCHER, today=TODAY).score(target).score


@settings(max_examples=150, deadline=None)
@given(profile_data, posting)
def test_score_is_bounded_and_the_sum_of_component_points(
    data: dict[str, Any], target: Posting
) -> None:
    report = Scorer(Profile.model_validate(data), matcher=MATCHER, today=TODAY).score(target)
    assert 0 <= report.score <= 100
    assert report.score == round(sum(c.points for c in report.components), 1)
    assert all(0 <= c.points <= c.weight for c in report.components)


@settings(max_examples=80, deadline=None)
@given(profile_data, posting)
def test_score_is_identical_on_repeated_runs(data: dict[str, Any], target: Posting) -> None:
    first = Scorer(Profile.model_validate(data), matcher=Matcher(), today=TODAY).score(target)
    second = Scorer(Profile.model_validate(data), matcher=MATCHER, today=TODAY).score(target)
    assert first == second


@settings(max_examples=100, deadline=None)
@given(profile_data, posting, st.randoms(use_true_random=False))
def test_score_ignores_the_order_of_list_items(
    data: dict[str, Any], target: Posting, rng: Any
) -> None:
    shuffled = {
        key: (rng.sample(value, len(value)) if isinstance(value, list) else value)
        for key, value in data.items()
    }
    posting_data = target.model_dump(exclude_defaults=True)
    for section in ("required", "preferred"):
        if section in posting_data:
            posting_data[section] = rng.sample(posting_data[section], len(posting_data[section]))
    reordered = Posting.model_validate(posting_data)
    assert score_of(data, target) == score_of(shuffled, reordered)


@settings(max_examples=150, deadline=None)
@given(profile_data, posting, skill)
def test_gaining_a_skill_never_lowers_the_score(
    data: dict[str, Any], target: Posting, extra: str
) -> None:
    richer = {**data, "skills": [*data["skills"], extra]}
    assert score_of(richer, target) >= score_of(data, target)


@settings(max_examples=100, deadline=None)
@given(profile_data, posting, publication)
def test_gaining_a_publication_never_lowers_the_score(
    data: dict[str, Any], target: Posting, paper: dict[str, str]
) -> None:
    richer = {**data, "publications": [*data["publications"], paper]}
    assert score_of(richer, target) >= score_of(data, target)


@settings(max_examples=100, deadline=None)
@given(profile_data, posting, education)
def test_gaining_a_degree_never_lowers_the_score(
    data: dict[str, Any], target: Posting, degree: dict[str, str]
) -> None:
    richer = {**data, "education": [*data["education"], degree]}
    assert score_of(richer, target) >= score_of(data, target)


def test_pinterest_posting_is_among_the_property_postings() -> None:
    assert any(p.company == "Pinterest" for p in POSTINGS), PINTEREST


@settings(max_examples=150, deadline=None)
@given(profile_data, posting)
def test_the_rank_summary_agrees_with_the_full_report(
    data: dict[str, Any], target: Posting
) -> None:
    scorer = Scorer(Profile.model_validate(data), matcher=MATCHER, today=TODAY)
    report = scorer.score(target, "p.yaml")
    entry = scorer.summary(target, "p.yaml")
    assert (entry.score, entry.band) == (report.score, report.band)
    assert (entry.required_met, entry.required_total) == (
        report.required_met,
        report.required_total,
    )
    top = report.gaps[0] if report.gaps else None
    assert entry.top_gap == (top.text if top else None)
    assert entry.top_gap_points == (top.points if top else 0.0)
