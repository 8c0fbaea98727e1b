"""The `$schema` line of the files fitscore writes resolves wherever the file is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, run

SEED = ROOT / "tests" / "examples" / "parse" / "email-recruiter-1.txt"  # a posting as pasted text
PREFIX = "# yaml-language-server: $schema="


def schema_line(path: Path) -> str | None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if PREFIX in line]
    return lines[0].removeprefix(PREFIX) if lines else None


def test_without_a_schema_folder_no_reference_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "-o", "me.yaml").exit_code == 0
    assert schema_line(tmp_path / "me.yaml") is None
    assert run("validate", "me.yaml").exit_code == 0


@pytest.mark.parametrize("place", ["me.yaml", "profiles/me.yaml", "a/b/c/me.yaml"])
def test_init_points_at_the_schemas_written_above_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, place: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("schema", "--write", "schemas").exit_code == 0
    target = tmp_path / place
    target.parent.mkdir(parents=True, exist_ok=True)
    assert run("init", "-o", place).exit_code == 0
    reference = schema_line(target)
    assert reference is not None and not reference.startswith("/")
    assert (target.parent / reference).resolve() == tmp_path / "schemas" / "profile.schema.json"


def test_parse_into_a_folder_points_each_draft_at_the_posting_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run("schema", "posting", "--write", "schemas")
    (tmp_path / "jobs" / "2026").mkdir(parents=True)
    assert run("parse", str(SEED), "-o", "jobs/2026").exit_code == 0
    draft = tmp_path / "jobs" / "2026" / f"{SEED.stem}.yaml"
    assert schema_line(draft) == "../../schemas/posting.schema.json"
    assert run("validate", str(draft)).exit_code == 0


def test_schema_write_replaces_an_earlier_schema_but_no_other_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "profile.schema.json").write_text(
        '{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "old"}',
        encoding="utf-8",
    )
    (folder / "posting.schema.json").write_text("my notes\n", encoding="utf-8")
    result = run("schema", "--write", "schemas")
    assert result.exit_code == 2
    assert '"title": "Profile"' in (folder / "profile.schema.json").read_text(encoding="utf-8")
    assert (folder / "posting.schema.json").read_text(encoding="utf-8") == "my notes\n"
    assert "posting.schema.json exists" in result.stderr


def test_schema_needs_a_kind_unless_it_writes_both(tmp_path: Path) -> None:
    result = run("schema")
    assert result.exit_code == 2
    assert "name a KIND" in result.stderr


def test_import_points_the_profile_at_the_schemas_above_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resume = ROOT / "tests" / "examples" / "jsonresume" / "full-resume.json"
    monkeypatch.chdir(tmp_path)
    run("schema", "--write", "schemas")
    (tmp_path / "profiles").mkdir()
    result = run("import", "jsonresume", str(resume), "-o", "profiles/me.yaml")
    assert result.exit_code == 0, result.stderr
    assert schema_line(tmp_path / "profiles" / "me.yaml") == "../schemas/profile.schema.json"
