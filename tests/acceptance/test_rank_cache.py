"""The result cache of rank and gaps: faster, never different, never a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import ROOT, run

SHIPPED = sorted((ROOT / "postings").glob("*.yaml"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "postings"
    target.mkdir()
    for posting in SHIPPED:
        shutil.copy(posting, target / posting.name)
    return target


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    target = tmp_path / "me.yaml"
    shutil.copy(ROOT / "profiles" / "masters-data-engineer.yaml", target)
    return target


def cache_file() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "fitscore" / "results.sqlite"


def both(*args: str) -> tuple[Result, Result]:
    """The command without the cache, and with it (twice: filling it, then reading it)."""
    uncached = run(*args, "--no-cache")
    run(*args)
    cached = run(*args)
    return uncached, cached


def assert_same(uncached: Result, cached: Result) -> None:
    assert (cached.exit_code, cached.stdout, cached.stderr) == (
        uncached.exit_code,
        uncached.stdout,
        uncached.stderr,
    )


@pytest.mark.parametrize("command", ["rank", "gaps"])
def test_cached_output_is_byte_identical(command: str, folder: Path, profile: Path) -> None:
    uncached, cached = both(command, str(profile), str(folder), "--format", "jsonl")
    assert_same(uncached, cached)
    assert uncached.stdout
    assert cache_file().is_file()


def test_no_cache_and_the_environment_switch_write_nothing(
    folder: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("rank", str(profile), str(folder), "--no-cache")
    monkeypatch.setenv("FITSCORE_CACHE", "off")
    run("rank", str(profile), str(folder))
    assert not cache_file().exists()


def test_a_changed_posting_is_scored_again(folder: Path, profile: Path) -> None:
    args = ("rank", str(profile), str(folder), "--format", "tsv")
    run(*args)
    posting = folder / "lumen-frontend-engineer.yaml"
    text = posting.read_text(encoding="utf-8")
    # Same size, same modification time: only the content says it changed.
    changed = text.replace("Lumen Ledger", "Lumen Ledgex")
    status = posting.stat()
    posting.write_text(changed, encoding="utf-8")
    os.utime(posting, ns=(status.st_atime_ns, status.st_mtime_ns))
    uncached, cached = both(*args)
    assert_same(uncached, cached)
    assert "Lumen Ledgex" in cached.stdout


def test_a_changed_profile_weights_or_catalogue_is_a_new_run(
    folder: Path, profile: Path, tmp_path: Path
) -> None:
    args = ["rank", str(profile), str(folder), "--format", "jsonl"]
    run(*args)
    profile.write_text(
        profile.read_text(encoding="utf-8").replace("skills:", "skills:\n  - Jest\n  - CSS", 1),
        encoding="utf-8",
    )
    uncached, cached = both(*args)
    assert_same(uncached, cached)
    weights = tmp_path / "weights.yaml"
    weights.write_text("required_skills: 90\npreferred_skills: 1\n", encoding="utf-8")
    assert_same(*both(*args, "--weights", str(weights)))
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(
        "skills:\n  - name: Storybook Pro\n    aliases: [Storybook]\n", encoding="utf-8"
    )
    uncached, cached = both(*args, "--catalog", str(catalog))
    assert_same(uncached, cached)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "foreign"])
def test_a_damaged_cache_is_rebuilt_with_one_note(damage: str, folder: Path, profile: Path) -> None:
    args = ("rank", str(profile), str(folder), "--format", "jsonl")
    uncached = run(*args, "--no-cache")
    run(*args)
    target = cache_file()
    if damage == "truncated":
        with open(target, "r+b") as stream:
            stream.truncate(100)
    elif damage == "garbage":
        target.write_bytes(os.urandom(5000))
    else:
        import sqlite3

        target.unlink()
        with sqlite3.connect(target) as other:
            other.execute("CREATE TABLE photos (name TEXT)")
    damaged = run(*args)
    assert (damaged.exit_code, damaged.stdout) == (0, uncached.stdout)
    notes = damaged.stderr.splitlines()
    assert len(notes) == 1 and "starting a new one" in notes[0], damaged.stderr
    assert_same(uncached, run(*args))


def test_an_unusable_cache_folder_only_slows_the_run(
    folder: Path, profile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    uncached = run("rank", str(profile), str(folder), "--no-cache")
    result = run("rank", str(profile), str(folder))
    assert (result.exit_code, result.stdout) == (0, uncached.stdout)
    assert "running without it" in result.stderr


def test_two_ranks_sharing_a_cache_both_succeed(tmp_path: Path, profile: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(300):
        for posting in SHIPPED:
            shutil.copy(posting, folder / f"{copy:03d}-{posting.name}")
    command = [sys.executable, "-m", "fitscore", "rank", str(profile), str(folder), "-f", "tsv"]
    expected = run("rank", str(profile), str(folder), "-f", "tsv", "--no-cache").stdout
    environment = dict(os.environ)
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in runs]
    assert [process.returncode for process in runs] == [0, 0]
    assert [out.decode() for out, _ in outputs] == [expected, expected]
    assert [err for _, err in outputs] == [b"", b""]


def test_an_unchanged_old_file_is_not_even_read_again(
    folder: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hour_ago = os.stat(folder).st_mtime_ns - 3600 * 10**9
    for posting in folder.iterdir():
        os.utime(posting, ns=(hour_ago, hour_ago))
    args = ("rank", str(profile), str(folder), "--format", "jsonl")
    first = run(*args)

    def no_reading(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a posting proven unchanged was read again")

    monkeypatch.setattr("fitscore.ranking.read_bytes", no_reading)
    assert_same(first, run(*args))


def test_a_folder_of_several_lookup_batches_is_taken_whole_from_the_cache(
    tmp_path: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fitscore.cache import LOOKUP_BATCH

    big = tmp_path / "big"
    big.mkdir()
    hour_ago = os.stat(tmp_path).st_mtime_ns - 3600 * 10**9
    count = 2 * LOOKUP_BATCH + 7
    for number in range(count):
        source = SHIPPED[number % len(SHIPPED)]
        target = big / f"{number:05d}-{source.name}"
        shutil.copy(source, target)
        os.utime(target, ns=(hour_ago, hour_ago))
    args = ("rank", str(profile), str(big), "--format", "tsv")
    uncached = run(*args, "--no-cache")
    run(*args)
    # One posting of the last batch changes; every other one is proven unchanged.
    changed = big / f"{count - 3:05d}-{SHIPPED[(count - 3) % len(SHIPPED)].name}"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("title: ", "title: Changed ", 1),
        encoding="utf-8",
    )
    read: list[str] = []
    from fitscore.sources import read_bytes as real_read

    def counting(path: str, *rest: object) -> bytes:
        read.append(path)
        return real_read(path, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr("fitscore.ranking.read_bytes", counting)
    cached = run(*args)
    assert read == [str(changed)]
    assert cached.stdout.count("\n") == uncached.stdout.count("\n") == count
    assert "Changed " in cached.stdout
    assert cached.stdout.replace("Changed ", "") == uncached.stdout


@pytest.mark.parametrize("command", ["rank", "gaps"])
@pytest.mark.parametrize("payload", ["{not json", "[1, 2]", '"a string"', "null", "]"])
def test_a_damaged_kept_result_is_scored_again(
    command: str, payload: str, folder: Path, profile: Path
) -> None:
    import sqlite3

    hour_ago = os.stat(folder).st_mtime_ns - 3600 * 10**9
    for posting in folder.iterdir():
        os.utime(posting, ns=(hour_ago, hour_ago))
    args = (command, str(profile), str(folder), "--format", "jsonl")
    uncached = run(*args, "--no-cache")
    run(*args)
    with sqlite3.connect(cache_file()) as connection:
        damaged = connection.execute(
            "UPDATE results SET payload = ? WHERE path = ?",
            (payload, str(folder / SHIPPED[1].name)),
        ).rowcount
    assert damaged == 1
    assert_same(uncached, run(*args))
