"""fitscore.batch: rows identical to fitscore.score and rank, pair by pair; bad input as rows."""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path

import pytest
from bench.generate_postings import generate as generate_postings
from bench.generate_profiles import generate as generate_profiles

import fitscore
from fitscore import batch
from fitscore.reports import BATCH_COLUMN_NAMES, BATCH_SCHEMA_VERSION, BatchRow
from fitscore.vocabulary import Outcome
from tests.conftest import EXAMPLES, PROFILES, ROOT

TODAY = dt.date(2026, 11, 30)


def texts(paths: list[Path]) -> list[tuple[str, str]]:
    return [(str(path), path.read_text(encoding="utf-8")) for path in sorted(paths)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    """The shipped profiles and postings, and generated ones (5 x 20), side by side."""
    folder = tmp_path_factory.mktemp("corpus")
    profiles = [*PROFILES.glob("*.yaml"), *generate_profiles(folder / "profiles", 5)]
    postings = [*(ROOT / "postings").glob("*.yaml"), *generate_postings(folder / "postings", 20)]
    return profiles, postings


def assert_same_as_score(row: BatchRow) -> None:
    report = fitscore.score(row.profile_id, row.posting_id, today=TODAY)
    assert row.score == report.score
    assert row.band == report.band
    assert row.points == tuple(component.points for component in report.components)
    record = row.to_record()
    assert all(record[f"{c.name.value}_points"] == c.points for c in report.components)
    assert (row.required_met, row.required_total) == (report.required_met, report.required_total)
    assert row.gaps == tuple((gap.text, gap.points) for gap in report.gaps[:3])


def test_every_row_is_what_score_and_rank_give_for_the_pair(
    corpus: tuple[list[Path], list[Path]],
) -> None:
    profiles, postings = corpus
    report = batch.score_all(texts(profiles), texts(postings), today=TODAY)
    assert len(report.rows) == len(profiles) * len(postings)
    assert report.failed == 0 and report.exit_code == 0
    for row in report.rows:
        assert row.outcome is Outcome.SCORED
        assert_same_as_score(row)
    for profile in profiles:
        ranking = fitscore.rank(str(profile), [str(p) for p in postings], today=TODAY)
        mine = {row.posting_id: row for row in report.rows if row.profile_id == str(profile)}
        for entry in ranking.entries:
            row = mine[entry.path]
            assert (row.score, row.band, row.required_met, row.required_total) == (
                entry.score,
                entry.band,
                entry.required_met,
                entry.required_total,
            )
            assert (row.gaps[0] if row.gaps else (None, 0.0)) == (
                entry.top_gap,
                entry.top_gap_points,
            )


def test_rows_come_by_profile_then_posting_and_do_not_depend_on_input_order(
    corpus: tuple[list[Path], list[Path]],
) -> None:
    profiles, postings = corpus
    forward = batch.score_all(texts(profiles), texts(postings), today=TODAY).rows
    backward = batch.score_all(texts(profiles)[::-1], texts(postings)[::-1], today=TODAY).rows
    assert forward == backward
    assert [row.sort_key() for row in forward] == sorted(row.sort_key() for row in forward)


def test_one_matcher_is_shared_by_every_profile(corpus: tuple[list[Path], list[Path]]) -> None:
    state = batch.Batch(texts(corpus[0]), today=TODAY)
    assert len(state.scorers) == len(corpus[0])
    assert all(scorer.matcher is state.matcher for _, scorer in state.scorers)


def test_models_and_texts_give_the_same_rows(corpus: tuple[list[Path], list[Path]]) -> None:
    profiles, postings = corpus
    as_text = batch.score_all(texts(profiles[:2]), texts(postings[:5]), today=TODAY)
    models = [(str(p), fitscore.load_profile(str(p))) for p in sorted(profiles[:2])]
    as_models = batch.score_all(
        models, [(str(p), p.read_bytes()) for p in postings[:5]], today=TODAY
    )
    assert as_text.rows == as_models.rows


BROKEN_POSTING = "title: Data Engineer\ncompany: Acme\nrequired:\n  - Python\n  - {any_of: [Java\n"
UNKNOWN_KEY = "title: Data Engineer\ncompany: Acme\nrequired: [Python]\nsalary: 100\n"
BAD_PROFILE = "name: Ada\nskills:\n  - {name: Python, years: -3}\n"


def test_bad_inputs_are_error_rows_with_id_line_and_column() -> None:
    profiles = [("ada", "name: Ada\nskills: [Python]\n"), ("bad", BAD_PROFILE)]
    postings: list[tuple[str, str | bytes]] = [
        ("broken", BROKEN_POSTING),
        ("unknown-key", UNKNOWN_KEY),
        ("not-utf8", b"title: Caf\xe9\n"),
        ("fine", "title: Data Engineer\ncompany: Acme\nrequired: [Python]\n"),
    ]
    report = batch.score_all(profiles, postings, today=TODAY)
    errors = {
        (r.profile_id, r.posting_id): r for r in report.rows if r.outcome is not Outcome.SCORED
    }
    assert set(errors) == {("bad", ""), ("", "broken"), ("", "unknown-key"), ("", "not-utf8")}
    assert errors[("bad", "")].outcome is Outcome.PROFILE_ERROR
    assert (errors[("bad", "")].error_line, errors[("bad", "")].error_column) == (3, 27)
    assert "at least 0" in (errors[("bad", "")].error_message or "")
    unknown = errors[("", "unknown-key")]
    assert unknown.outcome is Outcome.POSTING_ERROR
    assert (unknown.error_line, unknown.error_column, unknown.error_code) == (4, 1, "unknown-key")
    assert errors[("", "not-utf8")].error_code == "encoding"
    assert errors[("", "broken")].score is None
    scored = [r for r in report.rows if r.outcome is Outcome.SCORED]
    assert [(r.profile_id, r.posting_id, r.score) for r in scored] == [("ada", "fine", 100.0)]
    assert report.failed == 4 and report.exit_code == 1
    assert {p.location() for p in report.problems} >= {"unknown-key:4:1", "bad:3:27"}


def test_every_record_has_every_column_of_the_schema() -> None:
    report = batch.score_all(
        [("ada", "name: Ada\nskills: [Python]\n")],
        [
            ("x", "title: X\ncompany: Y\nrequired: [Python, Go, Rust, Kafka]\n"),
            ("bad", "title: [\n"),
        ],
        today=TODAY,
    )
    for row in report.rows:
        record = row.to_record()
        assert tuple(record) == BATCH_COLUMN_NAMES
        assert record["schema_version"] == BATCH_SCHEMA_VERSION
        assert record["fitscore_version"] == fitscore.__version__
        assert record["catalog_stamp"] == batch.catalog_stamp(fitscore.load_catalog())
    scored = report.rows[-1].to_record()
    assert (scored["gap_1"], scored["gap_3"], scored["required_met"]) == ("Go", "Rust", 1)


@pytest.mark.parametrize("entry", [batch.Batch, batch.score_all, batch.score_files])
def test_the_date_is_always_the_callers_never_the_clock(entry: object) -> None:
    """Rows must not change with the day a job runs: ``today`` has no default."""
    parameter = inspect.signature(entry).parameters["today"]  # type: ignore[arg-type]
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
    assert parameter.default is inspect.Parameter.empty


def test_the_catalogue_stamp_follows_the_catalogue(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("skills:\n  - {name: Frobnicator, categories: [big_data]}\n")
    assert batch.catalog_stamp(fitscore.load_catalog([str(extra)])) != batch.catalog_stamp(
        fitscore.load_catalog()
    )


@pytest.mark.parametrize("split", ["by profiles", "by postings"])
def test_files_give_the_same_rows_with_one_job_or_forked_workers(
    corpus: tuple[list[Path], list[Path]], monkeypatch: pytest.MonkeyPatch, split: str
) -> None:
    profiles, postings = corpus
    paths = [str(path.parent) for path in (profiles[-1], postings[-1])]
    paths += [str(PROFILES), str(ROOT / "postings"), str(EXAMPLES / "invalid" / "postings")]
    one = batch.score_files(paths, today=TODAY, jobs=1)
    monkeypatch.setattr(batch, "PARALLEL_PAIRS", 0)
    if split == "by postings":
        monkeypatch.setattr(batch, "PROFILE_SPLIT_POSTINGS", 0)
    seen: list[tuple[int, int]] = []
    forked = batch.score_files(
        paths, today=TODAY, jobs=2, progress=lambda done, total: seen.append((done, total))
    )
    assert forked.rows == one.rows
    blocked = batch.score_files(paths, today=TODAY, jobs=2, min_score=40)
    kept = [r for r in one.rows if r.outcome is not Outcome.SCORED or (r.score or 0) >= 40]
    assert list(blocked.rows) == kept
    assert any(row.outcome is Outcome.POSTING_ERROR for row in one.rows)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1][0] == seen[-1][1] > one.scored  # pairs with a broken posting count too


def test_a_file_is_told_by_its_folder_else_by_its_keys(tmp_path: Path) -> None:
    (tmp_path / "me.yaml").write_text("name: Ada\nskills: [Python]\n")
    (tmp_path / "job.yaml").write_text("title: X\nrequired: [Python]\n")
    profiles, postings = batch.split_kinds([str(tmp_path)])
    assert (profiles, postings) == ([str(tmp_path / "me.yaml")], [str(tmp_path / "job.yaml")])
    (tmp_path / "odd.yaml").write_text("hello: world\n")
    with pytest.raises(fitscore.errors.UsageError, match="odd.yaml: cannot tell"):
        batch.split_kinds([str(tmp_path)])
