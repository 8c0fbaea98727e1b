"""`fitscore rank`: many postings, best first, stable, composable with Unix tools."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import fitscore
from fitscore.ranking import PARALLEL_THRESHOLD
from tests.conftest import PINTEREST, PROFILES, ROOT, run

PROFILE = "profiles/phd-ml-student.yaml"
SHIPPED = sorted((ROOT / "postings").glob("*.yaml"))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Copies of the shipped postings, so scores tie and order must come from the path."""
    target = tmp_path / "postings"
    target.mkdir()
    for copy in range(3):
        for posting in SHIPPED:
            shutil.copy(posting, target / f"{copy}-{posting.name}")
    return target


def test_best_posting_comes_first_and_ties_are_ordered_by_path(folder: Path) -> None:
    result = run("rank", PROFILE, str(folder), "--format", "json")
    entries = json.loads(result.stdout)
    assert result.exit_code == 0
    keys = [(-entry["score"], entry["path"]) for entry in entries]
    assert keys == sorted(keys)
    assert entries[0]["company"] == "Pinterest"
    assert set(entries[0]) == {
        "path",
        "title",
        "company",
        "score",
        "band",
        "required_met",
        "required_total",
        "top_gap",
    }


def test_jsonl_has_one_line_per_valid_posting(folder: Path) -> None:
    (folder / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run("rank", PROFILE, str(folder), "--format", "jsonl")
    assert len(result.stdout.splitlines()) == 3 * len(SHIPPED)
    assert result.exit_code == 1
    assert f"{folder / 'broken.yaml'}:2:1: error:" in result.stderr
    assert "1 of 10 inputs could not be scored" in result.stderr


def test_strict_stops_at_the_first_bad_file(folder: Path) -> None:
    (folder / "0-aaa.yaml").write_text("company: X\n", encoding="utf-8")
    result = run("rank", PROFILE, str(folder), "--format", "jsonl", "--strict")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "missing required key 'title'" in result.stderr


def test_paths_can_come_from_standard_input_one_a_line() -> None:
    listing = "".join(f"postings/{p.name}\n" for p in SHIPPED)
    result = run("rank", PROFILE, "-", "--format", "jsonl", stdin=listing)
    assert len(result.stdout.splitlines()) == len(SHIPPED)


def test_paths_can_come_nul_separated_for_find_print0(tmp_path: Path) -> None:
    odd = tmp_path / "with\nnewline.yaml"
    shutil.copy(SHIPPED[0], odd)
    listing = f"{odd}\0postings/{SHIPPED[1].name}\0"
    result = run("rank", PROFILE, "-", "-0", "--format", "json", stdin=listing)
    assert {entry["path"] for entry in json.loads(result.stdout)} == {
        str(odd),
        f"postings/{SHIPPED[1].name}",
    }


def test_top_and_min_score_trim_the_list(folder: Path) -> None:
    top = run("rank", PROFILE, str(folder), "--format", "jsonl", "--top", "2")
    assert len(top.stdout.splitlines()) == 2
    high = run("rank", PROFILE, str(folder), "--format", "json", "--min-score", "90")
    assert all(entry["score"] >= 90 for entry in json.loads(high.stdout))


def test_csv_has_a_header_and_tsv_starts_with_the_best_posting(folder: Path) -> None:
    rows = list(
        csv.reader(io.StringIO(run("rank", PROFILE, str(folder), "--format", "csv").stdout))
    )
    assert rows[0][:3] == ["rank", "score", "band"]
    assert len(rows) == 1 + 3 * len(SHIPPED)
    tsv = run("rank", PROFILE, str(folder), "--format", "tsv").stdout.splitlines()
    assert tsv[0].split("\t")[0] == "1"
    assert "Pinterest" in tsv[0]
    with_header = run("rank", PROFILE, str(folder), "--format", "tsv", "--header").stdout
    assert with_header.startswith("rank\tscore\t")


def test_output_is_identical_for_one_and_two_jobs(tmp_path: Path) -> None:
    target = tmp_path / "many"
    target.mkdir()
    copies = PARALLEL_THRESHOLD // len(SHIPPED) + 1
    for copy in range(copies):
        for posting in SHIPPED:
            shutil.copy(posting, target / f"{copy:04d}-{posting.name}")
    one = run("rank", PROFILE, str(target), "--format", "jsonl", "--jobs", "1")
    two = run("rank", PROFILE, str(target), "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert len(one.stdout.splitlines()) >= PARALLEL_THRESHOLD
    assert one.stdout == two.stdout


def test_head_gets_the_best_posting_and_nothing_on_stderr() -> None:
    command = (
        f"{sys.executable} -m fitscore rank {PROFILE} postings postings postings --format tsv"
        " | head -1"
    )
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.stderr == ""
    assert done.stdout.count("\n") == 1
    assert "Pinterest" in done.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["rank", PROFILE, "postings", "--format", "tsv"],
        ["rank", PROFILE, "postings", "--format", "json"],
        ["gaps", PROFILE, "postings", "--format", "csv"],
        ["score", PROFILE, "postings/pinterest-phd-ml-intern-2026.yaml", "--format", "json"],
        ["validate", "tests/examples/invalid"],
        ["catalog", "categories"],
    ],
)
def test_output_to_a_reader_that_went_away_ends_quietly_with_141(command: list[str]) -> None:
    # What `| head` leaves behind once head has exited: a pipe with no reader. Closing the
    # read end before the program starts makes its very first write meet it, on any machine.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "fitscore", *command],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            check=False,
        )
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (141, "")


def test_stream_prints_every_posting_in_input_order_with_the_ranked_numbers() -> None:
    ranked = [
        json.loads(line)
        for line in run("rank", PROFILE, "postings", "-f", "jsonl").stdout.splitlines()
    ]
    streamed = run("rank", PROFILE, "postings", "-f", "jsonl", "--stream")
    assert streamed.exit_code == 0
    rows = [json.loads(line) for line in streamed.stdout.splitlines()]
    assert [row["path"] for row in rows] == sorted(str(p.relative_to(ROOT)) for p in SHIPPED)
    assert sorted(rows, key=lambda row: (-row["score"], row["path"])) == ranked


def test_stream_refuses_formats_that_need_every_result() -> None:
    result = run("rank", PROFILE, "postings", "-f", "json", "--stream")
    assert result.exit_code == 2
    assert "--stream" in result.stderr


@pytest.mark.parametrize("top", [1, 2, 5])
def test_top_gives_the_head_of_the_full_ranking(tmp_path: Path, top: int) -> None:
    for copy in range(4):
        for posting in SHIPPED:
            shutil.copy(posting, tmp_path / f"{copy}-{posting.name}")
    full = run("rank", PROFILE, str(tmp_path), "-f", "tsv").stdout.splitlines()
    head = run("rank", PROFILE, str(tmp_path), "-f", "tsv", "--top", str(top)).stdout
    assert head.splitlines() == full[:top]


def test_a_posting_with_nothing_to_score_is_said_so_by_rank_and_score(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("title: Data Engineer\n", encoding="utf-8")
    ranked = run("rank", PROFILE, str(empty), "postings", "-f", "tsv")
    assert ranked.exit_code == 0
    assert f"{empty}: warning: the posting asks for nothing fitscore can score" in ranked.stderr
    assert "0.0 is not a fit" in ranked.stderr
    scored = run("score", PROFILE, str(empty), "-f", "json")
    assert scored.exit_code == 0
    assert "asks for nothing fitscore can score: 0.0 is not a fit" in scored.stderr
    assert json.loads(scored.stdout)["score"] == 0.0


def test_demand_runs_in_workers_too(tmp_path: Path) -> None:
    for copy in range(PARALLEL_THRESHOLD // 3 + 1):
        for posting in SHIPPED:
            shutil.copy(posting, tmp_path / f"{copy:04d}-{posting.name}")
    one = run("gaps", PROFILE, str(tmp_path), "-f", "jsonl", "--jobs", "1", "--no-cache")
    two = run("gaps", PROFILE, str(tmp_path), "-f", "jsonl", "--jobs", "2", "--no-cache")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout


def test_no_posting_found_is_one_line_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a posting\n", encoding="utf-8")
    for command in ("rank", "gaps"):
        result = run(command, PROFILE, str(tmp_path))
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == (
            "fitscore: no posting files found (folders are searched for *.yaml and *.yml files)\n"
        )


def test_a_profile_among_the_postings_is_one_clear_message(tmp_path: Path) -> None:
    shutil.copy(ROOT / PROFILE, tmp_path / "me.yaml")
    result = run("rank", PROFILE, str(tmp_path), "-f", "tsv")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"{tmp_path / 'me.yaml'}:1:1: error: this file is a profile, not a posting "
        "(it has 'name', 'skills', 'experience')"
    )
    assert len(lines) == 2  # and the count of inputs that could not be scored


def test_workers_started_while_another_thread_runs_give_the_same_ranking(tmp_path: Path) -> None:
    """The progress bar runs a thread; workers then start as fresh interpreters, not forks."""
    folder = tmp_path / "postings"
    folder.mkdir()
    for number in range(PARALLEL_THRESHOLD + 50):
        (folder / f"p{number:04}.yaml").write_bytes(PINTEREST.read_bytes())
    profile = str(PROFILES / "masters-data-engineer.yaml")
    alone = fitscore.rank(profile, [str(folder)], jobs=1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with_workers = fitscore.rank(profile, [str(folder)], jobs=2)
    finally:
        stop.set()
        other.join()
    assert with_workers.entries == alone.entries
