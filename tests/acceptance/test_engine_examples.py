"""examples/dask_score.py and examples/spark_score.py, run as a user runs them, in local mode:
every row is what ``fitscore.score`` gives for its pair, and the same as ``fitscore batch``.

Small on purpose (5 profiles x 20 postings, one broken of each): CI runs the Dask example;
the Spark one runs where Java and PySpark are installed (``pip install 'fitscore[spark]'``).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bench.generate_postings import generate as generate_postings
from bench.generate_profiles import generate as generate_profiles

import fitscore
from tests.conftest import ROOT, TODAY, run

EXAMPLES_DIR = ROOT / "examples"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """profiles/ and postings/ folders, and the postings as JSONL (id, text)."""
    folder = tmp_path_factory.mktemp("engines")
    generate_profiles(folder / "profiles", 5)
    (folder / "profiles" / "broken.yaml").write_text("name: Ada\nskills: 3\n", encoding="utf-8")
    generate_postings(folder / "postings", 20)
    (folder / "postings" / "broken.yaml").write_text("title: [oops\n", encoding="utf-8")
    with (folder / "postings.jsonl").open("w", encoding="utf-8") as lines:
        for path in sorted((folder / "postings").glob("*.yaml")):
            record = {"id": str(path), "text": path.read_text(encoding="utf-8")}
            lines.write(json.dumps(record) + "\n")
    return folder


def cli_rows(data: Path) -> list[dict[str, object]]:
    result = run("batch", str(data / "profiles"), str(data / "postings"), "--format", "jsonl")
    assert result.exit_code == 1, result.stderr  # the broken files
    return [json.loads(line) for line in result.stdout.splitlines()]


def check_rows(rows: list[dict[str, object]], data: Path) -> None:
    """Pair by pair against fitscore.score, and whole against `fitscore batch`."""
    scored = [row for row in rows if row["outcome"] == "scored"]
    assert len(scored) == 5 * 20
    today = dt.date.fromisoformat(TODAY)
    for row in scored:
        report = fitscore.score(str(row["profile_id"]), str(row["posting_id"]), today=today)
        assert row["score"] == report.score
        assert row["band"] == report.band
        assert row["required_met"] == report.required_met
        assert row["required_skills_points"] == report.components[0].points
        assert row["gap_1"] == (report.gaps[0].text if report.gaps else None)
    errors = {(row["profile_id"], row["posting_id"], row["outcome"]) for row in rows} - {
        (row["profile_id"], row["posting_id"], "scored") for row in scored
    }
    assert errors == {
        (str(data / "profiles" / "broken.yaml"), "", "profile_error"),
        ("", str(data / "postings" / "broken.yaml"), "posting_error"),
    }
    assert rows == cli_rows(data)


def run_example(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=environment, timeout=300
    )


@pytest.mark.skipif(importlib.util.find_spec("dask") is None, reason="needs fitscore[dask]")
@pytest.mark.parametrize("source", ["postings.jsonl", "postings"])
def test_the_dask_example_gives_the_rows_of_fitscore_batch(data: Path, source: str) -> None:
    out = data / f"dask-{source}.jsonl"
    done = run_example(
        str(EXAMPLES_DIR / "dask_score.py"),
        str(data / "profiles"),
        str(data / source),
        str(out),
        "--today",
        TODAY,
        "--workers",
        "2",
    )
    assert done.returncode == 0, done.stderr
    check_rows([json.loads(line) for line in out.read_text().splitlines()], data)


def spark_ready() -> bool:
    return importlib.util.find_spec("pyspark") is not None and shutil.which("java") is not None


@pytest.mark.skipif(not spark_ready(), reason="needs Java and fitscore[spark]")
def test_the_spark_example_gives_the_rows_of_fitscore_batch(data: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    out = data / "spark-rows"
    done = run_example(
        str(EXAMPLES_DIR / "spark_score.py"),
        str(data / "profiles"),
        str(data / "postings.jsonl"),
        str(out),
        "--today",
        TODAY,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    check_rows(parquet.read_table(out).to_pylist(), data)
