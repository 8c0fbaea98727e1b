"""The matcher through its public API: identity, implication, families, typos, sources."""

from __future__ import annotations

from typing import Any

import pytest

import fitscore
from fitscore.models import Profile
from fitscore.skills.catalog import builtin_catalog
from fitscore.skills.matcher import Matcher, spot
from fitscore.vocabulary import Status

MATCHER = Matcher()


def profile(**fields: Any) -> Profile:
    return Profile.model_validate({"name": "Test", **fields})


NEW_USER = profile(skills=["pytorch", "Apache Spark 3", "k8s", "sklearn", "JavaScript"])


@pytest.mark.parametrize("wanted", ["PyTorch", "Spark", "Kubernetes", "scikit-learn"])
def test_new_user_profile_meets_what_it_names_in_other_words(wanted: str) -> None:
    assert fitscore.match(wanted, NEW_USER).status is Status.MET


def test_new_user_profile_with_javascript_does_not_meet_java() -> None:
    assert fitscore.match("Java", NEW_USER).status is Status.MISSING


@pytest.mark.parametrize(
    ("wanted", "listed"),
    [
        ("Python", "Python 3.11"),
        ("Java", "Java 17"),
        ("C++", "C++17"),
        ("TensorFlow", "TensorFlow 2.x"),
        ("scikit-learn", "scikit learn"),
        ("Node.js", "NodeJS"),
        ("Graph Neural Networks", "GNNs"),
        ("Recommender Systems", "recommendation systems"),
        ("Natural Language Processing", "NLP"),
        ("Ｐｙｔｈｏｎ", "python"),
    ],
)
def test_spelling_variants_of_one_skill_are_met(wanted: str, listed: str) -> None:
    assert fitscore.match(wanted, profile(skills=[listed])).status is Status.MET


@pytest.mark.parametrize(
    ("wanted", "listed"),
    [
        ("C", "C++"),
        ("C", "C#"),
        ("C++", "C#"),
        ("R", "Rust"),
        ("Go", "Google Cloud Platform"),
        (".NET", "NET Framework Architect"),
        ("NumPy", "SymPy"),
        ("Dask", "Flask"),
        ("Computer Vision", "Computer Science"),
        ("PySpark", "Spark"),
        ("React Native", "React"),
    ],
)
def test_look_alikes_and_reverse_implications_are_not_met(wanted: str, listed: str) -> None:
    assert fitscore.match(wanted, profile(skills=[listed])).status is not Status.MET


def test_an_implied_skill_is_met_and_says_by_what() -> None:
    decision = fitscore.match("Spark", profile(skills=["PySpark"]))
    assert (decision.status, decision.matched, decision.reason) == (
        Status.MET,
        "PySpark",
        "PySpark implies Spark",
    )


def test_a_sibling_in_a_narrow_family_is_partial() -> None:
    decision = fitscore.match("TensorFlow", profile(skills=["PyTorch"]))
    assert decision.status is Status.PARTIAL
    assert decision.matched == "PyTorch"


def test_a_misspelt_profile_skill_is_met_and_named_as_a_near_miss() -> None:
    decision = fitscore.match("PyTorch", profile(skills=["Pytorh"]))
    assert decision.status is Status.MET
    assert decision.similarity < 100
    assert decision.near_miss == "you listed 'Pytorh': did you mean PyTorch?"


@pytest.mark.parametrize("word", ["Graph", "network", "Scalar", "sprint", "information"])
def test_ordinary_words_are_not_taken_for_misspelt_skills(word: str) -> None:
    assert MATCHER.resolver.resolve(word).typo is False


def test_evidence_comes_from_experience_projects_and_publications() -> None:
    person = profile(
        experience=[
            {"title": "Intern", "org": "Acme", "skills": ["Kafka"], "summary": "Tuned Flink jobs."}
        ],
        projects=[{"name": "Ranker", "skills": ["LightGBM"]}],
        publications=[{"title": "Graph neural networks for ranking"}],
    )
    evidence = MATCHER.evidence(person)
    assert evidence.match("Kafka").source == "experience: Intern at Acme"
    assert evidence.match("Flink").source == "experience: Intern at Acme"
    assert evidence.match("LightGBM").source == "project: Ranker"
    assert evidence.match("GNN").source == "publication: Graph neural networks for ranking"


def test_any_of_is_met_by_its_strongest_member() -> None:
    person = profile(skills=[{"name": "Java", "years": 1}, {"name": "Python", "years": 6}])
    decision = MATCHER.evidence(person).match_any(["Java", "C++", "Python"])
    assert (decision.status, decision.matched) == (Status.MET, "Python")


def test_a_category_prefers_the_posting_examples_and_names_the_member() -> None:
    person = profile(skills=["BigQuery"], experience=[{"title": "DE", "skills": ["PySpark"]}])
    decision = MATCHER.evidence(person).match_category("big_data", ["Hadoop", "Spark"])
    assert (decision.status, decision.matched) == (Status.MET, "PySpark")


def test_a_category_met_through_an_implication_names_the_real_member() -> None:
    decision = MATCHER.evidence(profile(skills=["pandas"])).match_category("programming_language")
    assert decision.skill == "Python"
    assert decision.reason == "pandas implies Python, a programming language"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Built services in C++ and C# on .NET", {"C++", "C#", ".NET"}),
        ("Led R&D for a go-to-market team at a C-level offsite", set()),
        ("Wrote R and Go daily", {"R", "Go"}),
        ("Moved Hadoop/Spark jobs to Kubernetes", {"Hadoop", "Spark", "Kubernetes"}),
        ("Worked at Oracle on the shell team", set()),
    ],
)
def test_free_text_spotting_respects_word_boundaries_and_symbols(
    text: str, expected: set[str]
) -> None:
    found = {skill for _, skill in spot(builtin_catalog(), text)}
    assert expected <= found
    if not expected:
        assert found & {"R", "Go", "C", "Oracle Database", "Shell Scripting"} == set()


def test_a_listed_slash_pair_shows_each_of_its_skills() -> None:
    person = profile(skills=["C/C++", "Unix/Linux"])
    for wanted in ("C", "C++", "Linux", "Unix"):
        decision = fitscore.match(wanted, person)
        assert (decision.status, decision.matched) == (
            Status.MET,
            "C/C++" if "C" in wanted else "Unix/Linux",
        )
    assert fitscore.match("C#", person).status is Status.MISSING


def test_a_posting_slash_pair_is_met_by_either_skill() -> None:
    assert fitscore.match("C/C++", profile(skills=["C++"])).status is Status.MET
    assert fitscore.match("Go/Rust", profile(skills=["Java"])).status is Status.MISSING


# --- prose: ordinary words in context (issue 13) ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("Measured airflow over wings in ANSYS.", []),
        ("Airflow over the wing was measured.", []),
        ("Scheduled the jobs in Airflow every night.", ["Airflow"]),
        ("Wrote Apache Airflow DAGs.", ["Airflow"]),
        ("Tuned spark and hadoop jobs.", ["Spark", "Hadoop"]),
        ("A spark of interest.", []),
        ("Swift delivery of every project.", []),
        ("Shipped iOS apps in Swift and Objective-C.", ["iOS", "Swift", "Objective-C"]),
        ("Go to market. Data. Science of it.", []),
    ],
)
def test_ordinary_words_count_in_prose_only_when_written_as_the_tool(
    text: str, skills: list[str]
) -> None:
    from fitscore.skills.matcher import spot_prose

    assert [span.skill for span in spot_prose(builtin_catalog(), text)] == skills


def test_a_job_title_names_its_tool_even_as_the_first_word() -> None:
    profile = Profile.model_validate(
        {"name": "A", "experience": [{"title": "Swift Developer", "org": "Acme"}]}
    )
    assert Matcher().evidence(profile).match("Swift").status is Status.MET
    in_summary = Profile.model_validate({"name": "A", "summary": "Swift delivery, always."})
    assert Matcher().evidence(in_summary).match("Swift").status is Status.MISSING


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("I met Julia Smith at the conference.", []),
        ("We grew up in the Rust Belt.", []),
        ("Her favourite singer is Taylor Swift.", []),
        ("I model trials in Julia and R.", ["Julia", "R"]),
        ("Pipelines with Python, Spark, Hive.", ["Python", "Spark", "Hive"]),
    ],
)
def test_a_capitalised_ordinary_word_inside_a_name_is_not_the_tool(
    text: str, skills: list[str]
) -> None:
    from fitscore.skills.matcher import spot_prose

    assert [span.skill for span in spot_prose(builtin_catalog(), text)] == skills
