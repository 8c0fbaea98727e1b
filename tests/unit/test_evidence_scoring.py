"""Scoring rules of issue 13, through the public API: fields, venues, publications, big data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import fitscore
from fitscore.models import Posting, Profile
from fitscore.reports import ScoreReport

TODAY = dt.date(2026, 11, 30)


def scored(profile: dict[str, Any], posting: dict[str, Any]) -> ScoreReport:
    full = {"title": "Job", "company": "Acme", **posting}
    return fitscore.score(
        Profile.model_validate({"name": "Ada", **profile}),
        Posting.model_validate(full),
        today=TODAY,
    )


def component(report: ScoreReport, name: str) -> Any:
    return next(part for part in report.components if part.name == name)


# --- fields -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "detail"),
    [
        ("Mathematics and Economics", "field listed"),
        ("CS & Stats", "field listed"),
        ("BS in Mathematics", "field listed"),
        ("Bachelor of Science in Mathematics", "field listed"),
        ("Statistics (PhD)", "field listed"),
        ("Economics", "field not listed"),
    ],
)
def test_a_field_naming_several_matches_if_any_part_does(field: str, detail: str) -> None:
    degree = {"degree": "bachelors", "field": field, "status": "completed"}
    posting = {
        "degree": {
            "level": "bachelors",
            "status": "completed",
            "fields": ["Mathematics", "Statistics"],
        },
        "required": ["Python"],
    }
    report = scored({"education": [degree]}, posting)
    assert f"({detail})" in component(report, "degree").detail


def test_degree_words_are_stripped_on_the_posting_side_too() -> None:
    degree = {"degree": "masters", "field": "Statistics", "status": "completed"}
    posting = {"degree": {"level": "masters", "status": "completed", "fields": ["MS Statistics"]}}
    report = scored({"education": [degree]}, posting)
    assert "(field listed)" in component(report, "degree").detail


# --- publications -------------------------------------------------------------------------------

NLP_POSTING = {
    "themes": ["natural language processing"],
    "publications": "preferred",
    "required": ["Python"],
}


@pytest.mark.parametrize(
    "venue",
    [
        "Proceedings of COLING 2020",
        "Proceedings of the 4th Clinical NLP Workshop",
        "CLPsych @ NAACL",
        "Workshop on Computational Linguistics and Clinical Psychology",
        "EACL 2023",
    ],
)
def test_nlp_venues_and_workshops_are_on_an_nlp_theme(venue: str) -> None:
    paper = {"title": "A study of patient notes", "venue": venue}
    report = scored({"publications": [paper]}, NLP_POSTING)
    assert component(report, "publications").detail == "1 paper, 1 on the posting's themes"


def test_treatment_effects_are_causal_inference_and_so_statistics() -> None:
    paper = {"title": "Estimating heterogeneous treatment effects", "venue": "Some Journal"}
    posting = {**NLP_POSTING, "themes": ["statistics"]}
    report = scored({"publications": [paper]}, posting)
    assert component(report, "publications").detail == "1 paper, 1 on the posting's themes"
    assert fitscore.match("Causal Inference", Profile(name="A", skills=["treatment effects"]))


def test_one_off_topic_paper_earns_little_of_the_publications_weight() -> None:
    paper = {"title": "Soil moisture in alpine meadows", "venue": "Journal of Hydrology"}
    posting = {**NLP_POSTING, "themes": ["machine learning"]}
    part = component(scored({"publications": [paper]}, posting), "publications")
    assert part.detail == "1 paper, 0 on the posting's themes"
    assert 0 < part.points < part.weight / 4


@pytest.mark.parametrize(
    ("venue", "themes"),
    [
        ("Biometrika", ["statistics"]),
        ("JASA", ["statistics"]),
        ("Interspeech", ["speech recognition"]),
    ],
)
def test_statistics_and_speech_venues_are_known(venue: str, themes: list[str]) -> None:
    posting = {**NLP_POSTING, "themes": themes}
    report = scored({"publications": [{"title": "A paper", "venue": venue}]}, posting)
    assert component(report, "publications").detail.endswith("1 on the posting's themes")


# --- big data -----------------------------------------------------------------------------------

BIG_DATA_POSTING = {"big_data": "required", "required": ["SQL"]}


def test_spark_variants_count_as_one_technology() -> None:
    report = scored({"skills": ["PySpark", "Spark", "Databricks"]}, BIG_DATA_POSTING)
    part = component(report, "big_data")
    assert part.detail.startswith("1 tool: Spark")


def test_the_advice_names_the_tool_only_in_prose() -> None:
    profile = {
        "experience": [
            {
                "title": "Data Engineer II",
                "org": "Acme",
                "skills": ["Spark", "Kafka"],
                "summary": "Moved the batch jobs to Flink.",
            }
        ]
    }
    report = scored(profile, BIG_DATA_POSTING)
    gap = next(gap for gap in report.gaps if gap.text == "big data experience")
    assert "Flink is named only in prose" in gap.suggestion
    assert "Show hands-on use" not in gap.suggestion
