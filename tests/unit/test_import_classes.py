"""JSON Resume import: classes of résumés written outside English and outside the schema's
letter, each read the way it is meant (degrees named in other languages, dates with other
languages' months and "present" words, skill lists behind a label, keywords written as
objects)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fitscore.importers.dates import date_words
from fitscore.importers.jsonresume import from_jsonresume, resume_keys
from fitscore.skills.catalog import builtin_catalog

TODAY = datetime.date(2026, 12, 1)
WORDS = date_words()


def imported(**sections: object) -> dict[str, Any]:
    profile: dict[str, Any] = from_jsonresume(
        {"basics": {"name": "Ada Example"}, **sections}, today=TODAY
    ).profile
    return profile


def skills_of(profile: dict[str, Any]) -> list[str]:
    return [skill if isinstance(skill, str) else skill["name"] for skill in profile["skills"]]


@pytest.mark.parametrize(
    ("study_type", "level"),
    [
        ("Diplom-Informatiker", "masters"),
        ("Diplom-Informatikerin", "masters"),
        ("Dipl.-Ing. Maschinenbau", "masters"),
        ("Diplom", "masters"),
        ("Magister Artium", "masters"),
        ("Dr. rer. nat.", "phd"),
        ("Dr.-Ing.", "phd"),
        ("Promotion (Informatik)", "phd"),
        ("Licenciatura en Informática", "bachelors"),
        ("Grado en Ingeniería Informática", "bachelors"),
        ("Maestría en Ciencias de la Computación", "masters"),
        ("Máster Universitario en Inteligencia Artificial", "masters"),
        ("Doctorado en Física", "phd"),
        ("Licence Informatique", "bachelors"),
        ("Diplôme d'ingénieur", "masters"),
        ("Maîtrise en informatique", "masters"),
        ("Doctorat en mathématiques", "phd"),
        ("Laurea in Fisica", "bachelors"),
        ("Laurea Triennale in Informatica", "bachelors"),
        ("Laurea Magistrale in Informatica", "masters"),
        ("Dottorato di ricerca", "phd"),
        ("Bacharelado em Ciência da Computação", "bachelors"),
        ("Mestrado em Engenharia", "masters"),
        ("Doutorado em Estatística", "phd"),
        ("Бакалавр", "bachelors"),
        ("Магистр", "masters"),
        ("Кандидат наук", "phd"),
    ],
)
def test_a_degree_named_in_another_language_gets_its_level(study_type: str, level: str) -> None:
    entry = {"institution": "Universität", "studyType": study_type, "endDate": "2015"}
    (education,) = imported(education=[entry])["education"]
    assert (education["degree"], education["status"]) == (level, "completed")


@settings(max_examples=80, deadline=None)
@given(
    month=st.sampled_from(sorted(WORDS.months)),
    year=st.integers(1990, 2025),
    dotted=st.booleans(),
    capitalised=st.booleans(),
)
def test_a_month_of_any_listed_language_dates_a_job(
    month: str, year: int, dotted: bool, capitalised: bool
) -> None:
    written = (month.capitalize() if capitalised else month) + ("." if dotted else "")
    job = {"name": "Acme", "position": "Developer", "startDate": f"{written} {year}"}
    (experience,) = imported(work=[job])["experience"]
    assert experience["start"] == f"{year}-{WORDS.months[month]:02d}"


@pytest.mark.parametrize("present", WORDS.ongoing)
def test_every_listed_present_word_leaves_the_job_running(present: str) -> None:
    job = {"name": "Acme", "position": "Developer", "startDate": "2020-01", "endDate": present}
    (experience,) = imported(work=[job])["experience"]
    assert experience["end"] == "present"


@pytest.mark.parametrize("joiner", [word for word in WORDS.span_words if word.isalpha()])
def test_a_span_in_one_field_is_read_with_any_listed_joining_word(joiner: str) -> None:
    job = {"name": "Acme", "position": "Developer", "startDate": f"2019 {joiner} 2021"}
    (experience,) = imported(work=[job])["experience"]
    assert (experience["start"], experience["end"]) == ("2019-01", "2021-12")


@pytest.mark.parametrize("label", ["Languages", "Programming Languages", "Frameworks", "Tools"])
@pytest.mark.parametrize("separator", [": ", " - ", " – ", " — ", ":"])
def test_a_labelled_list_in_one_skill_name_is_its_skills(label: str, separator: str) -> None:
    profile = imported(skills=[{"name": f"{label}{separator}Java, Go; PostgreSQL"}])
    assert skills_of(profile) == ["Java", "Go", "PostgreSQL"]


@pytest.mark.parametrize("name", ["C: the language", "Objective-C", "CI/CD", "Node.js - Express"])
def test_a_skill_whose_name_holds_a_separator_is_not_read_as_a_label(name: str) -> None:
    assert name in skills_of(imported(skills=[{"name": name}]))


def test_keywords_written_as_objects_are_read_by_their_names() -> None:
    group = {"name": "Cloud", "keywords": [{"name": "AWS", "level": "expert"}, {"name": "GCP"}]}
    result = from_jsonresume({"basics": {"name": "Ada"}, "skills": [group]}, today=TODAY)
    assert skills_of(result.profile) == ["AWS", "GCP"]  # and "Cloud" is their heading


SOFT_SKILLS = sorted(
    name for name, info in builtin_catalog().skills.items() if info.categories == {"soft_skill"}
)


@pytest.mark.parametrize("soft", SOFT_SKILLS)
def test_a_soft_skill_is_left_out_with_a_note(soft: str) -> None:
    result = from_jsonresume(
        {"basics": {"name": "Ada"}, "skills": [{"name": soft}, {"name": "Python"}]}, today=TODAY
    )
    assert skills_of(result.profile) == ["Python"]
    assert any(soft in note and "soft skill" in note for note in result.dropped)


@pytest.mark.parametrize(
    "group", ["Soft skills", "Soft-Skills", "Interpersonal skills", "Habilidades blandas",
              "Leadership", "People skills"],
)  # fmt: skip
def test_the_keywords_of_a_soft_skills_group_are_left_out(group: str) -> None:
    skills = [
        {"name": group, "keywords": ["Team Building", "Trabajo en equipo"]},
        {"name": "Languages", "keywords": ["Python", "Go"]},
    ]
    assert skills_of(imported(skills=skills)) == ["Python", "Go"]


LEVEL_WORDS = sorted(resume_keys().skill_levels.items())


@pytest.mark.parametrize(("written", "level"), LEVEL_WORDS)
def test_a_skill_level_written_in_words_of_the_vocabulary_is_read(written: str, level: str) -> None:
    (skill,) = imported(skills=[{"name": "Python", "level": written.title()}])["skills"]
    assert skill == {"name": "Python", "level": level}


@pytest.mark.parametrize(
    ("written", "level"),
    [(5, "expert"), (4, "advanced"), (3, "intermediate"), (1, "beginner"), (4.5, "expert"),
     (8, "advanced"), (10, "expert"), (35, "beginner"), (90, "expert"), ("4/5", "advanced"),
     ("2 / 5", "beginner"), ("8 out of 10", "advanced"), ("60%", "intermediate"),
     ("★★★★★", "expert"), ("★★★★☆", "advanced"), ("★★☆☆☆", "beginner"), ("⭐⭐⭐", "intermediate")],
)  # fmt: skip
def test_a_skill_level_written_as_a_number_rating_or_stars_is_read(
    written: object, level: str
) -> None:
    (skill,) = imported(skills=[{"name": "Python", "level": written}])["skills"]
    assert skill == {"name": "Python", "level": level}


@pytest.mark.parametrize("written", [0, -3, "12/10", "lots", 1000])
def test_a_level_that_is_no_share_of_a_scale_is_noted_and_left_out(written: object) -> None:
    result = from_jsonresume(
        {"basics": {"name": "Ada"}, "skills": [{"name": "Python", "level": written}]}, today=TODAY
    )
    assert result.profile["skills"] == ["Python"]
    assert any("unknown level" in note for note in result.dropped)
