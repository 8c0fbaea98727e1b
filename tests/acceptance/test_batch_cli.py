"""`fitscore batch` and `rank --format parquet` end to end."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from fitscore import batch
from fitscore.reports import BATCH_COLUMN_NAMES
from tests.conftest import EXAMPLES, PROFILES, ROOT, run

POSTINGS = str(ROOT / "postings")
INVALID = str(EXAMPLES / "invalid" / "postings")


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_batch_writes_one_row_per_pair_and_exits_1_for_bad_postings() -> None:
    result = run("batch", str(PROFILES), POSTINGS, INVALID, "--format", "jsonl")
    assert result.exit_code == 1
    rows = jsonl(result.stdout)
    scored = [row for row in rows if row["outcome"] == "scored"]
    profiles = len(list(PROFILES.glob("*.yaml")))
    assert len(scored) == profiles * len(list(Path(POSTINGS).glob("*.yaml")))
    errors = [row for row in rows if row["outcome"] == "posting_error"]
    assert errors and all(row["profile_id"] == "" and row["error_line"] for row in errors)
    first = errors[0]
    assert f"{first['posting_id']}:{first['error_line']}:{first['error_column']}: error:" in (
        result.stderr
    )
    assert "inputs could not be scored" in result.stderr
    keys = [(row["profile_id"], row["posting_id"]) for row in rows]
    assert keys == sorted(keys)


def test_csv_has_the_schema_header_and_the_same_rows_as_jsonl() -> None:
    as_csv = run("batch", str(PROFILES), POSTINGS, "--format", "csv")
    as_jsonl = run("batch", str(PROFILES), POSTINGS, "--format", "jsonl")
    assert as_csv.exit_code == as_jsonl.exit_code == 0
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert tuple(table[0]) == BATCH_COLUMN_NAMES
    assert [row["score"] for row in table] == [str(r["score"]) for r in jsonl(as_jsonl.stdout)]


def test_parquet_holds_the_same_rows_as_jsonl(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "rows.parquet"
    written = run("batch", str(PROFILES), POSTINGS, INVALID, "-o", str(target))
    assert written.exit_code == 1
    assert f"wrote {target}" in written.stderr
    lines = run("batch", str(PROFILES), POSTINGS, INVALID)
    assert parquet.read_table(target).to_pylist() == jsonl(lines.stdout)
    again = run("batch", str(PROFILES), POSTINGS, "-o", str(target))
    assert again.exit_code == 2 and "exists" in again.stderr


def test_rows_are_the_same_whatever_the_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    one = run("batch", str(PROFILES), POSTINGS, INVALID, "--jobs", "1")
    monkeypatch.setattr(batch, "PARALLEL_PAIRS", 0)
    two = run("batch", str(PROFILES), POSTINGS, INVALID, "--jobs", "2")
    assert one.stdout == two.stdout and one.stdout


def test_parquet_is_never_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("fitscore.cli.emit.is_terminal", lambda stream: True)
    for args in (
        ["batch", str(PROFILES), POSTINGS, "-f", "parquet"],
        ["rank", str(PROFILES / "phd-ml-student.yaml"), POSTINGS, "-f", "parquet"],
    ):
        result = run(*args)
        assert result.exit_code == 2
        assert "parquet is binary" in result.stderr and "-o FILE" in result.stderr
        assert result.stdout == ""


def test_without_pyarrow_parquet_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    target = tmp_path / "rows.parquet"
    for args in (
        ["batch", str(PROFILES), POSTINGS],
        ["rank", str(PROFILES / "phd-ml-student.yaml"), POSTINGS, "-f", "parquet"],
    ):
        result = run(*args, "-o", str(target))
        assert result.exit_code == 2
        assert result.stderr == (
            "fitscore: error: writing Parquet needs pyarrow: pip install 'fitscore[parquet]'\n"
        )
        assert not target.exists()


def test_rank_writes_parquet_to_a_file(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "ranked.parquet"
    profile = str(PROFILES / "phd-ml-student.yaml")
    result = run("rank", profile, POSTINGS, "--format", "parquet", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    rows = parquet.read_table(target).to_pylist()
    as_json = json.loads(run("rank", profile, POSTINGS, "--format", "json").stdout)
    assert [row["path"] for row in rows] == [entry["path"] for entry in as_json]
    assert [row["rank"] for row in rows] == list(range(1, len(rows) + 1))


def test_a_missing_path_or_a_file_of_no_kind_is_a_usage_error(tmp_path: Path) -> None:
    missing = run("batch", str(PROFILES), str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "nowhere: no such file or folder" in missing.stderr
    odd = tmp_path / "odd.yaml"
    odd.write_text("hello: world\n")
    unknown = run("batch", str(PROFILES), str(odd))
    assert unknown.exit_code == 2 and "cannot tell whether this is a profile" in unknown.stderr


def test_min_score_keeps_the_pairs_at_or_above_it_and_every_error_row() -> None:
    every = jsonl(run("batch", str(PROFILES), POSTINGS, INVALID).stdout)
    some = jsonl(run("batch", str(PROFILES), POSTINGS, INVALID, "--min-score", "60").stdout)
    expected = [r for r in every if r["outcome"] != "scored" or float(str(r["score"])) >= 60]
    assert some == expected
    assert any(r["outcome"] == "scored" for r in some) and len(some) < len(every)
