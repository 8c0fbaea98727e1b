"""The shipped skill catalogue: size, coverage, unambiguous aliases, direction of implications."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fitscore.errors import InputError
from fitscore.skills.catalog import COMPILED_NAME, builtin_catalog, load_catalog
from fitscore.skills.compile import compiled_text
from fitscore.skills.normalize import key

CATALOG_DIR = Path(__file__).resolve().parents[2] / "src" / "fitscore" / "skills"
RAW = yaml.safe_load((CATALOG_DIR / "catalog.yaml").read_text(encoding="utf-8"))
REQUIRED_CATEGORIES = {
    "programming_language",
    "ml_framework",
    "big_data",
    "stream_processing",
    "cloud",
    "database",
    "ml_area",
}


def test_the_catalogue_has_at_least_400_skills_and_the_required_categories() -> None:
    catalog = builtin_catalog()
    assert len(catalog.skills) >= 400
    assert set(catalog.categories) >= REQUIRED_CATEGORIES
    for category in REQUIRED_CATEGORIES:
        assert len(catalog.category_members(category)) >= 5, category
        assert catalog.category_examples[category], f"{category} needs well-known examples"


def test_every_alias_resolves_to_exactly_one_skill() -> None:
    owners: dict[str, set[str]] = {}
    for skill in RAW["skills"]:
        for term in (skill["name"], *skill.get("aliases", [])):
            owners.setdefault(key(term), set()).add(skill["name"])
    shared = {term: names for term, names in owners.items() if len(names) > 1}
    assert shared == {}
    catalog = builtin_catalog()
    for skill in RAW["skills"]:
        for alias in skill.get("aliases", []):
            assert catalog.index[key(alias)] == skill["name"], alias


def test_no_alias_of_one_skill_is_the_canonical_name_of_another() -> None:
    names = {key(skill["name"]): skill["name"] for skill in RAW["skills"]}
    for skill in RAW["skills"]:
        for alias in skill.get("aliases", []):
            assert names.get(key(alias), skill["name"]) == skill["name"], (alias, skill["name"])


@pytest.mark.parametrize(
    ("narrow", "broad"),
    [("PySpark", "Spark"), ("PyTorch Lightning", "PyTorch"), ("React Native", "React")],
)
def test_implications_run_one_way(narrow: str, broad: str) -> None:
    closure = builtin_catalog().closure
    assert broad in closure[narrow]
    assert narrow not in closure[broad]


def test_the_compiled_snapshot_matches_the_yaml_source() -> None:
    stale = (CATALOG_DIR / COMPILED_NAME).read_text(encoding="utf-8") != compiled_text()
    assert not stale, "run: python -m fitscore.skills.compile"


def test_a_user_catalogue_adds_skills_and_aliases(tmp_path: Path) -> None:
    extra = tmp_path / "catalog.yaml"
    extra.write_text(
        "skills:\n"
        "  - name: Pinecone\n    aliases: [pinecone.io]\n"
        "  - name: Quarkus\n    categories: [web_framework]\n    implies: [Java]\n",
        encoding="utf-8",
    )
    catalog = load_catalog([str(extra)])
    assert catalog.index[key("pinecone.io")] == "Pinecone"
    assert "Java" in catalog.closure["Quarkus"]
    assert "Quarkus" in catalog.category_members("web_framework")


@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        ("skills:\n  - name: Bar\n    categries: [x]\n", 3, "unknown-key"),
        ("skills:\n  - name: Foo\n    aliases: [k8s]\n", 3, "catalog"),
        ("skills:\n  - name: Foo\n    implies: [Nothing Like It]\n", 3, "catalog"),
        ("skills:\n  - name: Foo\n    categories: [not_a_category]\n", 3, "catalog"),
        ("skills:\n  - name: Well\n    categories: [database]\n", 2, "catalog"),
        ("skills:\n  - name: Foo Bar\n    ordinary_word: true\n", 3, "catalog"),
    ],
    ids=[
        "typo-key",
        "alias-taken",
        "unknown-implied",
        "unknown-category",
        "common-word-unmarked",
        "ordinary-without-one-word",
    ],
)
def test_a_broken_user_catalogue_is_reported_with_file_and_line(
    tmp_path: Path, text: str, line: int, code: str
) -> None:
    extra = tmp_path / "catalog.yaml"
    extra.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_catalog([str(extra)])
    assert [(p.path, p.line, p.code) for p in caught.value.problems] == [(str(extra), line, code)]


def test_ordinary_words_are_marked_in_the_catalogue() -> None:
    catalog = builtin_catalog()
    for name in ("Airflow", "Spark", "Flask", "Hive", "Pig", "Beam", "Storm", "Swift", "Rust"):
        assert catalog.skills[name].ordinary_word, name
    for name in ("Julia", "Ruby", "Dart", "Go"):
        assert catalog.skills[name].ordinary_word, name
    assert not catalog.skills["PyTorch"].ordinary_word
