"""Every command with every format it offers: output of the promised shape, exit 0.

Walks the format enums, so a format added without a formatter fails here (pip-audit's
``test_to_format_is_exhaustive``).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fitscore.cli import app
from fitscore.formats import BatchFormat, ListFormat, ScoreFormat, ValidateFormat
from tests.conftest import PINTEREST, ROOT, run

PROFILE = str(ROOT / "profiles" / "phd-ml-student.yaml")
POSTINGS = str(ROOT / "postings")
INVALID = str(ROOT / "tests" / "examples" / "invalid" / "postings")


def check_shape(text: str, output_format: str) -> None:
    """The output parses as its format says, and holds something."""
    assert text.strip(), output_format
    if output_format == "json":
        json.loads(text)
    elif output_format == "jsonl":
        assert all(isinstance(json.loads(line), dict) for line in text.splitlines())
    elif output_format == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len({len(row) for row in rows}) == 1
    elif output_format == "tsv":
        assert len({line.count("\t") for line in text.splitlines()}) == 1
    elif output_format == "github":
        assert all(line.startswith(("::error ", "::warning ")) for line in text.splitlines())
    elif output_format == "markdown":
        assert text.startswith("## ")
    elif output_format == "table":
        assert "━" in text or "─" in text


@pytest.mark.parametrize("output_format", list(ScoreFormat))
def test_score_in_every_format(output_format: ScoreFormat) -> None:
    result = run("score", PROFILE, str(PINTEREST), "--format", output_format.value)
    assert result.exit_code == 0, result.stderr
    check_shape(result.stdout, output_format.value)


@pytest.mark.parametrize("command", ["rank", "gaps"])
@pytest.mark.parametrize("output_format", [f for f in ListFormat if not f.is_binary])
def test_lists_in_every_format(command: str, output_format: ListFormat) -> None:
    result = run(command, PROFILE, POSTINGS, "--format", output_format.value)
    assert result.exit_code == 0, result.stderr
    check_shape(result.stdout, output_format.value)


@pytest.mark.parametrize("command", ["rank", "gaps"])
@pytest.mark.parametrize("output_format", [f for f in ListFormat if f.is_binary])
def test_lists_in_every_binary_format(
    command: str, output_format: ListFormat, tmp_path: Path
) -> None:
    """Binary formats (Parquet) are written as bytes; a pipe gets them too."""
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    piped = CliRunner().invoke(app, [command, PROFILE, POSTINGS, "--format", output_format.value])
    assert piped.exit_code == 0, piped.stderr
    table = pyarrow_parquet.read_table(io.BytesIO(piped.stdout_bytes))
    assert table.num_rows > 0


@pytest.mark.parametrize("output_format", list(BatchFormat))
def test_batch_in_every_format(output_format: BatchFormat, tmp_path: Path) -> None:
    target = tmp_path / f"rows.{output_format.value}"
    result = run("batch", str(ROOT / "profiles"), POSTINGS, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    if output_format.is_binary:
        pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
        assert pyarrow_parquet.read_table(target).num_rows > 0
    else:
        check_shape(target.read_text(encoding="utf-8"), output_format.value)


@pytest.mark.parametrize("output_format", list(ValidateFormat))
def test_validate_in_every_format(output_format: ValidateFormat) -> None:
    result = run("validate", INVALID, "--format", output_format.value)
    assert result.exit_code == 1
    check_shape(result.stdout, output_format.value)
