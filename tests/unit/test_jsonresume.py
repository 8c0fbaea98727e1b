"""JSON Resume import: what maps, what is reported as dropped, and that the result validates."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from fitscore.errors import InputError
from fitscore.importers.jsonresume import ImportResult, from_jsonresume, to_yaml
from fitscore.models import Profile
from tests.conftest import EXAMPLES

TODAY = datetime.date(2026, 11, 30)
SAMPLES = EXAMPLES / "jsonresume"


def load_sample(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((SAMPLES / name).read_text("utf-8"))
    return document


def import_document(document: object) -> ImportResult:
    return from_jsonresume(document, today=TODAY)


def with_name(**sections: object) -> dict[str, object]:
    """A document with just enough basics to import, plus the given sections."""
    return {"basics": {"name": "Ada Example"}, **sections}


def skill_names(skills: object) -> list[str]:
    assert isinstance(skills, list)
    return [skill if isinstance(skill, str) else skill["name"] for skill in skills]


def only_education(study_type: object = "PhD", **fields: object) -> dict[str, object]:
    entry = {"institution": "Example University", "studyType": study_type, **fields}
    imported = import_document(with_name(education=[entry])).profile["education"]
    assert isinstance(imported, list) and len(imported) == 1
    education: dict[str, object] = imported[0]
    return education


def notes_naming(result: ImportResult, text: str) -> list[str]:
    return [note for note in result.dropped if text in note]


# --- the sample documents -------------------------------------------------------------------


def test_full_sample_imports_and_validates() -> None:
    result = import_document(load_sample("full-resume.json"))
    profile = Profile.model_validate(result.profile)
    assert profile.name == "Zoë Adeyemi-Larsen"
    assert profile.summary is not None and profile.summary.startswith("Fourth-year PhD")
    assert [entry.title for entry in profile.experience] == [
        "Machine Learning Research Intern",
        "Machine Learning Engineering Intern",
        "Graduate Research Assistant",
    ]
    first = profile.experience[0]
    assert (str(first.start), str(first.end)) == ("2025-06", "2025-09")
    assert profile.experience[2].end == "present"
    assert [project.name for project in profile.projects] == ["rankkit", "streamfeat"]


def test_full_sample_loses_no_skill_degree_or_publication() -> None:
    document = load_sample("full-resume.json")
    profile = Profile.model_validate(import_document(document).profile)

    imported_skills = {skill.name.casefold() for skill in profile.skills}
    for group in document["skills"]:
        for name in [group["name"], *group["keywords"]]:
            assert name.casefold() in imported_skills, name

    expected_levels = {
        "Computer Science": "phd",
        "Statistics": "masters",
        "Mathematics": "bachelors",
    }
    degrees = {(entry.degree, entry.field) for entry in profile.education}
    for entry in document["education"]:
        assert (expected_levels[entry["area"]], entry["area"]) in degrees

    titles = {publication.title for publication in profile.publications}
    assert {publication["name"] for publication in document["publications"]} <= titles

    for job, experience in zip(document["work"], profile.experience, strict=True):
        assert {skill.name for skill in experience.skills} == set(job["keywords"])
        assert list(experience.highlights) == job["highlights"]


def test_full_sample_degrees_get_status_and_expected_from_end_dates() -> None:
    profile = Profile.model_validate(import_document(load_sample("full-resume.json")).profile)
    assert [(entry.status, str(entry.expected)) for entry in profile.education] == [
        ("in_progress", "2027-06"),
        ("completed", "2022-05"),
        ("completed", "2020-12"),  # "endDate": "2020" ends with the year
    ]


def test_full_sample_keeps_first_spelling_of_duplicate_skills() -> None:
    skills = skill_names(import_document(load_sample("full-resume.json")).profile["skills"])
    assert [name for name in skills if name.casefold() == "python"] == ["Python"]
    assert len({name.casefold() for name in skills}) == len(skills)


def test_minimal_sample_imports_and_validates_with_nothing_dropped() -> None:
    result = import_document(load_sample("minimal-resume.json"))
    Profile.model_validate(result.profile)
    assert result.profile == {"name": "Sam Rivera", "skills": ["Python"]}
    assert result.dropped == ()


# --- YAML output ----------------------------------------------------------------------------


@pytest.mark.parametrize("sample", ["full-resume.json", "minimal-resume.json"])
def test_yaml_parses_back_to_the_same_data(sample: str) -> None:
    result = import_document(load_sample(sample))
    text = to_yaml(result)
    lines = text.splitlines()
    assert lines[0] == "# imported from JSON Resume by fitscore; check before use"
    assert yaml.safe_load(text) == result.profile


def test_yaml_keeps_spec_key_order_and_unicode() -> None:
    text = to_yaml(import_document(load_sample("full-resume.json")))
    top_level_keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert top_level_keys == [
        "name",
        "summary",
        "education",
        "skills",
        "publications",
        "experience",
        "projects",
    ]
    assert "name: Zoë Adeyemi-Larsen" in text
    assert "summary: |" in text  # the two-line summary stays readable as a block


@pytest.mark.parametrize("summary", ["one\ntwo", "one\x85two", "  yes  ", "2024-06", "a: b # c"])
def test_yaml_round_trips_awkward_text(summary: str) -> None:
    result = import_document({"basics": {"name": "Ada", "summary": summary}})
    assert yaml.safe_load(to_yaml(result)) == result.profile


# --- education ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("study_type", "degree"),
    [
        ("PhD", "phd"),
        ("Ph.D.", "phd"),
        ("Doctorate", "phd"),
        ("Doctor of Philosophy", "phd"),
        ("doctor of philosophy (PhD)", "phd"),
        ("DPhil", "phd"),
        ("Master", "masters"),
        ("Masters", "masters"),
        ("Master's", "masters"),
        ("MS", "masters"),
        ("M.S.", "masters"),
        ("MSc", "masters"),
        ("M.Sc.", "masters"),
        ("MA", "masters"),
        ("MEng", "masters"),
        ("MBA", "masters"),
        ("Master of Science", "masters"),
        ("Bachelor", "bachelors"),
        ("Bachelors", "bachelors"),
        ("Bachelor's", "bachelors"),
        ("BS", "bachelors"),
        ("B.S.", "bachelors"),
        ("BSc", "bachelors"),
        ("BA", "bachelors"),
        ("B.A.", "bachelors"),
        ("BEng", "bachelors"),
        ("Bachelor of Engineering (Hons)", "bachelors"),
        ("Associate", "associate"),
        ("AA", "associate"),
        ("AS", "associate"),
        ("Associate of Applied Science", "associate"),
    ],
)
def test_study_type_maps_to_degree_level(study_type: str, degree: str) -> None:
    assert only_education(study_type, endDate="2020-05")["degree"] == degree


@pytest.mark.parametrize("study_type", ["Diploma", "High School", "Doctor of Medicine"])
def test_unknown_study_type_is_other_with_a_note(study_type: str) -> None:
    document = with_name(education=[{"institution": "X", "area": "Art", "studyType": study_type}])
    result = import_document(document)
    assert result.profile["education"] == [
        {"degree": "other", "field": "Art", "institution": "X", "status": "in_progress"}
    ]
    assert result.dropped == (
        f"education[0].studyType '{study_type}': unknown degree level, imported as 'other'",
    )


@pytest.mark.parametrize(
    ("end_date", "status", "expected"),
    [
        ("2027-06", "in_progress", "2027-06"),
        ("2026-12-01", "in_progress", "2026-12"),
        ("2027", "in_progress", "2027-12"),
        ("Present", "in_progress", None),
        (None, "in_progress", None),
        ("2026-11", "completed", "2026-11"),  # the month of "today" is over by its last day
        ("2026-11-30", "completed", "2026-11"),
        ("2022-05-14", "completed", "2022-05"),
        ("2019", "completed", "2019-12"),
    ],
)
def test_degree_status_follows_the_end_date(
    end_date: str | None, status: str, expected: str | None
) -> None:
    education = only_education("PhD", endDate=end_date)
    assert education["status"] == status
    assert education.get("expected") == expected


def test_unreadable_end_date_is_noted_and_treated_as_missing() -> None:
    document = with_name(education=[{"studyType": "BS", "endDate": "when it is done"}])
    result = import_document(document)
    assert result.profile["education"] == [{"degree": "bachelors", "status": "in_progress"}]
    assert notes_naming(result, "education[0].endDate 'when it is done': not a date")


# --- skills ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "mapped"),
    [
        ("Master", "expert"),
        ("Expert", "expert"),
        ("advanced", "advanced"),
        ("Intermediate", "intermediate"),
        ("Beginner", "beginner"),
        ("Novice", "beginner"),
    ],
)
def test_skill_level_maps_to_profile_level(level: str, mapped: str) -> None:
    result = import_document(with_name(skills=[{"name": "Go", "level": level}]))
    assert result.profile["skills"] == [{"name": "Go", "level": mapped}]
    assert result.dropped == ()


def test_unknown_skill_level_is_noted_and_the_skill_kept() -> None:
    result = import_document(with_name(skills=[{"name": "Go", "level": "Wizard"}]))
    assert result.profile["skills"] == ["Go"]
    assert result.dropped == ("skills[0].level 'Wizard': unknown level, skill imported without it",)


def test_keywords_become_skills_deduplicated_case_insensitively() -> None:
    skills = [
        {"name": "Data", "keywords": ["Spark", "SPARK", "Kafka"]},
        {"name": "spark", "level": "Expert", "keywords": ["kafka", "Flink"]},
    ]
    result = import_document(with_name(skills=skills))
    # "Data" is a heading over its keywords, not a skill. The first spelling stays; a later
    # mention still contributes the level it knows.
    assert result.profile["skills"] == [
        {"name": "Spark", "level": "expert"},
        "Kafka",
        "Flink",
    ]


def test_malformed_skills_are_noted_not_raised() -> None:
    result = import_document(with_name(skills=42))
    assert "skills" not in result.profile
    assert result.dropped == ("skills: expected a list, got a number; left out",)


def test_skills_written_as_one_text_are_read_as_a_list() -> None:
    result = import_document(with_name(skills="Python, Go"))
    assert result.profile["skills"] == ["Python", "Go"]
    assert result.dropped == ()


def test_malformed_skill_entries_are_noted_and_the_rest_kept() -> None:
    skills: list[object] = [42, "Rust", {"name": ["Go"], "keywords": "C"}, {"name": "Zig"}]
    result = import_document(with_name(skills=skills))
    # Keywords written as one text are still read: "C" is kept.
    assert result.profile["skills"] == ["Rust", "C", "Zig"]
    assert result.dropped == (
        "skills[0]: expected an object, got a number; left out",
        "skills[2].name: expected text, got a list; left out",
    )


def test_a_skill_name_the_model_refuses_is_noted() -> None:
    too_long = "x" * 300
    result = import_document(with_name(skills=[{"name": "Go", "keywords": [too_long]}]))
    Profile.model_validate(result.profile)
    assert result.profile["skills"] == ["Go"]
    [note] = result.dropped
    assert note.startswith("skills[0].keywords[0] 'xxx") and "longer than 200 characters" in note


# --- work, publications, projects -----------------------------------------------------------


def test_work_maps_to_experience() -> None:
    job = {
        "name": "Acme",
        "position": "Intern",
        "startDate": "2024-06-03",
        "endDate": "2024",
        "summary": "Built things.",
        "highlights": ["Shipped it", ""],
        "keywords": ["Go", "go", "SQL"],
    }
    result = import_document(with_name(work=[job]))
    assert result.profile["experience"] == [
        {
            "title": "Intern",
            "org": "Acme",
            "start": "2024-06",
            "end": "2024-12",
            "skills": ["Go", "SQL"],
            "summary": "Built things.",
            "highlights": ["Shipped it"],
        }
    ]
    assert result.dropped == ()


def test_work_without_end_date_is_ongoing() -> None:
    result = import_document(with_name(work=[{"position": "RA", "startDate": "2022"}]))
    assert result.profile["experience"] == [{"title": "RA", "start": "2022-01", "end": "present"}]


def test_work_without_position_is_noted() -> None:
    result = import_document(with_name(work=[{"name": "Acme", "startDate": "2022"}]))
    assert "experience" not in result.profile
    assert result.dropped == (
        "work[0] (Acme): no position, so it cannot become an experience entry; left out",
    )


def test_end_before_start_is_taken_out_with_a_note() -> None:
    job = {"name": "Acme", "position": "Intern", "startDate": "2024-06", "endDate": "2023-01"}
    result = import_document(with_name(work=[job]))
    Profile.model_validate(result.profile)
    assert result.profile["experience"] == [{"title": "Intern", "org": "Acme", "start": "2024-06"}]
    [note] = result.dropped
    assert note.startswith("work[0].endDate '2023-01': ends (2023-01) before it starts (2024-06)")


def test_publication_maps_title_venue_year_and_url() -> None:
    publication = {
        "name": "A paper",
        "publisher": "ICML",
        "releaseDate": "2025-07-13",
        "url": "https://example.org/p",
    }
    result = import_document(with_name(publications=[publication]))
    assert result.profile["publications"] == [
        {"title": "A paper", "venue": "ICML", "year": 2025, "url": "https://example.org/p"}
    ]


def test_project_maps_description_keywords_and_highlights() -> None:
    project = {
        "name": "rankkit",
        "description": "A toolkit.",
        "highlights": ["Fast"],
        "url": "https://example.org/r",
        "keywords": ["PyTorch"],
        "roles": ["Author"],
    }
    result = import_document(with_name(projects=[project]))
    assert result.profile["projects"] == [
        {
            "name": "rankkit",
            "skills": ["PyTorch"],
            "summary": "A toolkit.",
            "highlights": ["Fast"],
            "url": "https://example.org/r",
        }
    ]
    assert result.dropped == ("projects[0] (rankkit): roles not imported (no place in a profile)",)


# --- basics and sections a profile has no room for -------------------------------------------


def test_label_is_the_summary_when_there_is_none() -> None:
    document = {"basics": {"name": "Ada", "label": "ML engineer"}}
    assert import_document(document).profile == {"name": "Ada", "summary": "ML engineer"}


def test_basics_fields_outside_a_profile_are_noted_one_by_one() -> None:
    basics = {
        "name": "Ada",
        "summary": "Hi.",
        "label": "Engineer",
        "email": "ada@example.org",
        "location": {"city": "Oslo"},
        "profiles": [{"network": "GitHub", "url": "https://github.com/ada"}],
    }
    result = import_document({"basics": basics})
    assert result.profile == {"name": "Ada", "summary": "Hi."}
    assert result.dropped == (
        "basics.label 'Engineer': not imported; basics.summary is used",
        "basics.email 'ada@example.org': not part of a profile",
        "basics.location 'Oslo': not part of a profile",
        "basics.profiles[0] (GitHub): not part of a profile",
    )


@pytest.mark.parametrize(
    ("section", "entry", "named"),
    [
        ("volunteer", {"organization": "Red Cross"}, "volunteer[0] (Red Cross): volunteer work"),
        ("awards", {"title": "Best Paper"}, "awards[0] (Best Paper): "),
        ("certificates", {"name": "CKA"}, "certificates[0] (CKA): "),
        ("languages", {"language": "Norwegian"}, "languages[0] (Norwegian): "),
        ("interests", {"name": "Chess"}, "interests[0] (Chess): "),
        ("references", {"name": "Dr. Who"}, "references[0] (Dr. Who): "),
    ],
)
def test_every_non_profile_section_entry_is_noted(
    section: str, entry: dict[str, str], named: str
) -> None:
    result = import_document(with_name(**{section: [entry, {"summary": "second"}]}))
    assert result.profile == {"name": "Ada Example"}
    assert len(result.dropped) == 2
    assert result.dropped[0].startswith(named)
    assert result.dropped[1].startswith(f"{section}[1]: ")


def test_meta_and_unknown_top_level_keys_are_noted_but_schema_is_not() -> None:
    document = with_name(
        meta={"version": "v1.0.0"},
        hobbies=["chess"],
        **{"$schema": "https://example.org/schema.json"},
    )
    result = import_document(document)
    assert result.dropped == (
        "meta: JSON Resume metadata, not part of a profile",
        "hobbies: not a JSON Resume v1.0.0 section nor a known other name of one; left out",
    )


def test_empty_sections_and_fields_are_silently_absent() -> None:
    document = {
        "basics": {"name": "Ada", "email": "", "profiles": []},
        "work": [],
        "awards": [],
        "meta": {},
        "skills": [{"name": "Go", "keywords": []}],
    }
    result = import_document(document)
    assert result.profile == {"name": "Ada", "skills": ["Go"]}
    assert result.dropped == ()


# --- what cannot be imported at all ---------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [{}, {"basics": {}}, {"basics": {"name": "  "}}, {"basics": "Ada"}, {"work": []}],
)
def test_missing_basics_name_is_an_input_problem(document: object) -> None:
    with pytest.raises(InputError, match="the JSON Resume has no basics.name"):
        import_document(document)


@pytest.mark.parametrize(
    ("name", "message"),
    [(5, "basics.name is a number, not text"), ("x" * 201, "longer than 200 characters")],
)
def test_an_unusable_basics_name_is_an_input_problem(name: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        import_document({"basics": {"name": name}})


def test_a_document_that_is_not_an_object_is_an_input_problem() -> None:
    with pytest.raises(InputError, match="a JSON Resume is a JSON object, not a list"):
        import_document([{"basics": {"name": "Ada"}}])


# --- any document with a name imports to a valid profile ------------------------------------

JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=30)
JSON_VALUES = st.recursive(
    JSON_SCALARS | st.sampled_from(["2024-06", "2019", "2030-02-30", "PhD", "Present"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["name", "position", "startDate", "endDate", "keywords", "highlights", "studyType"]
                + ["level", "area", "institution", "releaseDate", "summary", "description", "x"]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)
SECTIONS = st.dictionaries(
    st.sampled_from(["work", "education", "skills", "publications", "projects", "awards", "x"]),
    JSON_VALUES,
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(sections=SECTIONS, summary=JSON_VALUES)
def test_any_document_with_a_name_imports_to_a_valid_profile(
    sections: dict[str, object], summary: object
) -> None:
    document = {"basics": {"name": "Ada", "summary": summary}, **sections}
    result = import_document(document)
    Profile.model_validate(result.profile)
    assert yaml.safe_load(to_yaml(result)) == result.profile


# --- what people really write -----------------------------------------------------------------


@pytest.mark.parametrize(
    "heading", ["Languages", "Programming", "Tools / Misc", "Data", "Frameworks"]
)
def test_a_group_heading_becomes_its_keywords_with_the_level(heading: str) -> None:
    group = {"name": heading, "level": "Advanced", "keywords": ["Python", "Docker"]}
    result = import_document(with_name(skills=[group]))
    assert result.profile["skills"] == [
        {"name": "Python", "level": "advanced"},
        {"name": "Docker", "level": "advanced"},
    ]
    assert any("a heading over its keywords" in note for note in result.read_as)


def test_a_group_named_after_a_skill_stays_a_skill() -> None:
    group = {"name": "Python", "level": "Expert", "keywords": ["pandas"]}
    result = import_document(with_name(skills=[group]))
    assert result.profile["skills"] == [{"name": "Python", "level": "expert"}, "pandas"]


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("C/C++", ["C", "C++"]),
        ("Apache Struts / Hibernate", ["Apache Struts", "Hibernate"]),
        ("Selenium, Jasmine, Mocha", ["Selenium", "Jasmine", "Mocha"]),
        ("HTML5, HTML", ["HTML5"]),
        ("Docker | Kubernetes; Terraform", ["Docker", "Kubernetes", "Terraform"]),
        ("Python and SQL", ["Python", "SQL"]),
        ("CI/CD", ["CI/CD"]),
        ("Research and Development", ["Research and Development"]),
    ],
)
def test_a_list_written_in_one_name_is_split(written: str, parts: list[str]) -> None:
    result = import_document(with_name(skills=[written]))
    assert skill_names(result.profile["skills"]) == parts


def test_keywords_of_a_job_are_split_too() -> None:
    work = [{"name": "Acme", "position": "Engineer", "keywords": ["Spark/Kafka", "SQL"]}]
    experience = import_document(with_name(work=work)).profile["experience"]
    assert isinstance(experience, list)
    assert experience[0]["skills"] == ["Spark", "Kafka", "SQL"]


@pytest.mark.parametrize(
    ("end", "status", "expected"),
    [
        ("'10", "completed", "2010-12"),
        ("Sept '24", "completed", "2024-09"),
        ("May 2021", "completed", "2021-05"),
        ("Summer 2019", "completed", "2019-08"),
        ("Expected June 2027", "in_progress", "2027-06"),
        ("05/2028", "in_progress", "2028-05"),
    ],
)
def test_written_dates_are_read(end: str, status: str, expected: str) -> None:
    education = only_education("BS", endDate=end)
    assert (education["status"], education.get("expected")) == (status, expected)


def test_a_span_in_one_field_gives_start_and_end() -> None:
    work = [{"name": "Acme", "position": "Engineer", "startDate": "May 2021 - Present"}]
    result = import_document(with_name(work=work))
    experience = result.profile["experience"]
    assert isinstance(experience, list)
    assert (experience[0]["start"], experience[0]["end"]) == ("2021-05", "present")


def test_well_known_other_keys_are_read_and_said_so() -> None:
    document = with_name(
        **{
            "Technical skills": [{"name": "Languages", "keywords": ["Go"]}],
            "experience": [{"company": "Acme", "title": "Engineer", "start": "2020-01"}],
        }
    )
    result = import_document(document)
    assert result.profile["skills"] == ["Go"]
    experience = result.profile["experience"]
    assert isinstance(experience, list)
    assert experience[0]["org"] == "Acme" and experience[0]["title"] == "Engineer"
    assert "Technical skills: read as the JSON Resume section skills" in result.read_as
    assert result.dropped == ()


def test_an_imported_profile_validates_without_warnings_about_its_skills(tmp_path: Any) -> None:
    from fitscore.skills.catalog import builtin_catalog
    from fitscore.validation import validate

    skills = [
        {"name": "Languages", "keywords": ["C/C++", "HTML5, HTML", "Python", "python 3"]},
        {"name": "Tools", "keywords": ["Selenium, Jasmine, Mocha", "Docker"]},
    ]
    target = tmp_path / "me.yaml"
    target.write_text(to_yaml(import_document(with_name(skills=skills))), encoding="utf-8")
    report = validate([str(target)], builtin_catalog())
    assert report.passed
    assert [problem.message for result in report.results for problem in result.problems] == []


def test_skills_written_as_an_object_of_groups_are_read() -> None:
    skills = {"Languages": ["Python", "Go"], "Tools": "Docker, Git"}
    result = import_document(with_name(skills=skills))
    assert skill_names(result.profile["skills"]) == ["Python", "Go", "Docker", "Git"]


def test_skills_and_keywords_written_as_one_text_are_split() -> None:
    result = import_document(
        with_name(skills=[{"name": "Tools", "keywords": "Docker, Git"}, "Python; SQL"])
    )
    assert skill_names(result.profile["skills"]) == ["Docker", "Git", "Python", "SQL"]


@pytest.mark.parametrize(
    ("study_type", "area", "degree"),
    [
        ("B.Tech", "Computer Science", "bachelors"),
        ("Honours Bachelor of Science", "Physics", "bachelors"),
        ("M.Eng.", "Mechanical Engineering", "masters"),
        ("Ph.D. Candidate", "Statistics", "phd"),
        (None, "B.S. Computer Science", "bachelors"),
    ],
)
def test_more_degree_spellings_are_read(study_type: str | None, area: str, degree: str) -> None:
    entry: dict[str, object] = {"institution": "U", "area": area, "endDate": "2020"}
    if study_type is not None:
        entry["studyType"] = study_type
    education = import_document(with_name(education=[entry])).profile["education"]
    assert isinstance(education, list)
    assert education[0]["degree"] == degree


def test_a_degree_started_long_ago_without_an_end_is_completed() -> None:
    old = only_education("BS", startDate="2005-09")
    recent = only_education("PhD", startDate="2023-09")
    assert (old["status"], recent["status"]) == ("completed", "in_progress")


def test_a_publication_written_as_its_title_is_kept() -> None:
    result = import_document(with_name(publications=["Graph transformers for ranking"]))
    assert result.profile["publications"] == [{"title": "Graph transformers for ranking"}]


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("AWS (EC2, S3)", ["AWS", "EC2", "S3"]),
        ("JavaScript (ES6+)", ["JavaScript"]),
        ("Languages (Python, Go)", ["Python", "Go"]),
    ],
)
def test_a_qualifier_in_parentheses_is_read(written: str, parts: list[str]) -> None:
    result = import_document(with_name(skills=[written]))
    assert skill_names(result.profile["skills"]) == parts


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ({"endDate": "2016-2020"}, ("completed", "2020-12")),
        ({"startDate": "2024-Present"}, ("in_progress", None)),
        ({"endDate": "2020-05-15T00:00:00Z"}, ("completed", "2020-05")),
    ],
)
def test_spans_and_timestamps_in_date_fields(
    dates: dict[str, str], expected: tuple[str, str | None]
) -> None:
    education = only_education("BS", **dates)
    assert (education["status"], education.get("expected")) == expected


def test_skills_grouped_by_proficiency_take_the_level_of_the_heading() -> None:
    result = import_document(with_name(skills=[{"name": "Advanced", "keywords": ["Python"]}]))
    assert result.profile["skills"] == [{"name": "Python", "level": "advanced"}]
