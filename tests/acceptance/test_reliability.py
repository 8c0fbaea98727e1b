"""Robustness of the whole command line: nothing a user feeds fitscore crashes, hangs or lies.

The generated cases per command and strategy default to a CI-friendly number; set
FITSCORE_FUZZ_EXAMPLES (e.g. 2000) for a longer local run.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fitscore
from fitscore import output
from fitscore.errors import OutputError
from fitscore.ranking import PARALLEL_THRESHOLD
from tests.conftest import ROOT, run

EXAMPLES = int(os.environ.get("FITSCORE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=5000,  # a run must end within a few seconds, whatever the input
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PROFILE = ROOT / "profiles" / "phd-ml-student.yaml"
POSTING = ROOT / "postings" / "pinterest-phd-ml-intern-2026.yaml"
VALID_FILES = sorted(
    [*(ROOT / "profiles").glob("*.yaml"), *(ROOT / "postings").glob("*.yaml")]
    + list((ROOT / "tests" / "examples" / "valid").rglob("*.yaml"))
)


def check_outcome(args: list[str], target: Path, stdin: str | None = None) -> int:
    """The properties every run must have; returns the exit code."""
    result = run(*args, stdin=stdin)
    combined = result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, combined[-500:])
    assert "Traceback" not in combined
    if result.exit_code != 0 and "error" in combined:
        assert str(target) in combined or "<stdin>" in combined, combined[-500:]
    return result.exit_code


def fuzz_file(tmp_path: Path, data: bytes, folder: str = "postings") -> Path:
    target = tmp_path / folder / f"case-{random.randrange(10**9)}.yaml"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(data)
    return target


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)


@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes_never_crash_any_command(tmp_path: Path, data: bytes) -> None:
    posting = fuzz_file(tmp_path, data)
    check_outcome(["validate", str(posting)], posting)
    check_outcome(["score", str(PROFILE), str(posting), "--format", "json"], posting)
    check_outcome(["rank", str(PROFILE), str(posting), "--format", "jsonl"], posting)
    raw = tmp_path / "raw.txt"
    raw.write_bytes(data)
    check_outcome(["parse", str(raw), "--company", "Acme", "--title", "Engineer"], raw)


@FUZZ
@given(document=yaml_values)
def test_random_yaml_documents_never_crash(tmp_path: Path, document: Any) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    posting = fuzz_file(tmp_path, text.encode("utf-8"))
    check_outcome(["validate", str(posting)], posting)
    check_outcome(["score", str(PROFILE), str(posting), "--format", "json"], posting)
    profile = fuzz_file(tmp_path, text.encode("utf-8"), "profiles")
    check_outcome(["score", str(profile), str(POSTING), "--format", "json"], profile)


def _mutate(data: dict[str, Any], rng: random.Random) -> tuple[str, bytes]:
    """One realistic mistake in a valid file: the mutation name and the new bytes."""
    keys = list(data)
    key = rng.choice(keys)
    kind = rng.choice(
        ["drop", "rename", "retype", "huge", "empty", "negative", "nested", "duplicate", "bytes"]
    )
    changed = dict(data)
    if kind == "drop":
        del changed[key]
    elif kind == "rename":
        changed[key[:-1] + "x"] = changed.pop(key)
    elif kind == "retype":
        changed[key] = rng.choice([[1, 2], {"a": 1}, 42, True, "text"])
    elif kind == "huge":
        changed[key] = "x" * rng.choice([20_000, 200_000])
    elif kind == "empty":
        changed[key] = rng.choice(["", [], {}])
    elif kind == "negative":
        changed[key] = -rng.randrange(1, 10**6)
    elif kind == "nested":
        value: Any = "deep"
        for _ in range(rng.choice([10, 100, 300])):
            value = [value]
        changed[key] = value
    text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False).encode("utf-8")
    if kind == "duplicate":
        text += yaml.safe_dump({key: data[key]}, allow_unicode=True).encode("utf-8")
    if kind == "bytes":
        cut = rng.randrange(len(text))
        text = text[:cut] + rng.choice([b"\xff\xfe", b"\x00", b"\xe9"]) + text[cut:]
    return kind, text


@FUZZ
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), source=st.sampled_from(VALID_FILES))
def test_mutated_example_files_never_crash(tmp_path: Path, seed: int, source: Path) -> None:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    _, text = _mutate(data, random.Random(seed))
    folder = "profiles" if "profile" in str(source.parent) else "postings"
    mutated = fuzz_file(tmp_path, text, folder)
    check_outcome(["validate", str(mutated)], mutated)
    if folder == "postings":
        check_outcome(["score", str(PROFILE), str(mutated), "--format", "json"], mutated)
        check_outcome(["rank", str(PROFILE), str(mutated), "--format", "jsonl"], mutated)
    else:
        check_outcome(["score", str(mutated), str(POSTING), "--format", "json"], mutated)


skill_names = st.sampled_from(["Python", "PyTorch", "Spark", "C++", "k8s", "R", "Go", "SQL"])
valid_profiles = st.fixed_dictionaries(
    {"name": st.text(st.characters(categories=["L"]), min_size=1, max_size=30)},
    optional={
        "skills": st.lists(skill_names, unique=True, max_size=6),
        "education": st.lists(
            st.fixed_dictionaries(
                {
                    "degree": st.sampled_from(
                        ["phd", "masters", "bachelors", "associate", "other"]
                    ),
                    "status": st.sampled_from(["in_progress", "completed"]),
                    "expected": st.sampled_from(["2025-06", "2027-12", "2030-01"]),
                }
            ),
            max_size=2,
        ),
        "publications": st.lists(
            st.fixed_dictionaries({"title": st.text(min_size=1, max_size=40).filter(str.strip)}),
            max_size=2,
        ),
    },
)


@FUZZ
@given(profile=valid_profiles)
def test_a_valid_profile_is_never_reported_invalid(tmp_path: Path, profile: dict[str, Any]) -> None:
    target = fuzz_file(tmp_path, yaml.safe_dump(profile, allow_unicode=True).encode(), "profiles")
    result = run("validate", str(target))
    assert result.exit_code == 0, result.stdout


def test_odd_entries_in_a_folder_are_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / "good.yaml").write_bytes(POSTING.read_bytes())
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "link-to-good.yaml").symlink_to(folder / "good.yaml")  # a link to a file is read
    os.mkfifo(folder / "fifo.yaml")
    (folder / "link-to-fifo.yaml").symlink_to(folder / "fifo.yaml")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.yaml"))
    try:
        result = run("rank", str(PROFILE), str(folder), "--format", "jsonl")
    finally:
        server.close()
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert "link-to-good.yaml" in result.stdout
    for name in ("loop.yaml", "fifo.yaml", "link-to-fifo.yaml", "socket.yaml"):
        assert f"{folder / name}: error:" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / "good.yaml").write_bytes(POSTING.read_bytes())
    secret = folder / "secret.yaml"
    secret.write_bytes(POSTING.read_bytes())
    secret.chmod(0)
    result = run("validate", str(folder))
    assert "permission denied" in result.stdout
    secret.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_failed_write_keeps_the_users_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "posting.yaml"
    target.write_text("title: mine\n", encoding="utf-8")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("fitscore.output.os.replace", fail)
    with pytest.raises(OutputError):
        output.write_atomic(str(target), "title: new\n", force=True)
    assert target.read_text(encoding="utf-8") == "title: mine\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["posting.yaml"]


def test_output_does_not_depend_on_listing_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    for number in range(12):
        source = [POSTING, *sorted((ROOT / "postings").glob("*.yaml"))][number % 4]
        (folder / f"{number:02d}.yaml").write_bytes(source.read_bytes())
    first = run("rank", str(PROFILE), str(folder), "--format", "jsonl").stdout
    real_scandir = os.scandir

    class ShuffledListing:
        def __init__(self, path: str) -> None:
            self.entries = list(real_scandir(path))
            random.Random(7).shuffle(self.entries)

        def __enter__(self) -> list[os.DirEntry[str]]:
            return self.entries

        def __exit__(self, *_: object) -> None:
            pass

    monkeypatch.setattr("fitscore.sources.os.scandir", ShuffledListing)
    second = run("rank", str(PROFILE), str(folder), "--format", "jsonl").stdout
    assert first == second


def _wait_for_a_reader(fifo: Path, child: subprocess.Popen[bytes]) -> int:
    """Open ``fifo`` for writing once the child has opened it for reading (it is then blocked
    reading a posting that never ends); returns the write end, kept open and silent."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert child.poll() is None, "the run ended before it was interrupted"
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: nobody reads it yet
            time.sleep(0.02)
    raise AssertionError("the run never started reading the postings")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_a_rank_exits_130_with_one_line(tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    text = POSTING.read_bytes()
    for number in range(PARALLEL_THRESHOLD):  # enough files for worker processes
        (folder / f"{number:05d}.yaml").write_bytes(text)
    endless = tmp_path / "endless.yaml"  # a posting that is still being written: never finishes
    os.mkfifo(endless)
    command = [sys.executable, "-m", "fitscore", "rank", str(PROFILE), str(folder), str(endless)]
    child = subprocess.Popen(
        [*command, "--jobs", jobs],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # As in a terminal: a test run started in the background (`pytest &`) inherits Ctrl-C
        # ignored, and a program started with it ignored rightly never sees it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    writer = _wait_for_a_reader(endless, child)
    try:
        os.killpg(child.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
        _, errors = child.communicate(timeout=30)
    finally:
        os.close(writer)
        if child.poll() is None:  # it failed: leave nothing running for the tests after it
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
    assert child.returncode == 130
    assert errors.decode().strip().splitlines() == ["fitscore: interrupted"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_not_a_traceback() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "fitscore",
                "score",
                str(PROFILE),
                str(POSTING),
                "--format",
                "json",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr == "fitscore: error: cannot write the output: No space left on device\n"


def test_a_named_pipe_given_on_purpose_is_read_like_a_file(tmp_path: Path) -> None:
    pipe = tmp_path / "posting.yaml"
    os.mkfifo(pipe)
    done = subprocess.Popen(
        [sys.executable, "-m", "fitscore", "score", str(PROFILE), str(pipe), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with open(pipe, "wb") as writer:  # what `score me.yaml <(fitscore parse job.txt)` does
        writer.write(POSTING.read_bytes())
    out, errors = done.communicate(timeout=30)
    assert done.returncode == 0, errors
    assert '"company": "Pinterest"' in out


@pytest.mark.parametrize("waiter", ["another-thread", "an-event-loops-wakeup"])
def test_a_named_pipe_is_read_whole_where_no_wakeup_can_be_had(tmp_path: Path, waiter: str) -> None:
    """Outside the main thread, or where the program keeps a wakeup descriptor of its own,
    the pipe is waited on the plain way: its writer, then its bytes, never an empty read."""
    pipe = tmp_path / "posting.yaml"
    os.mkfifo(pipe)
    writer = threading.Thread(target=_write_once_read, args=(pipe, POSTING.read_bytes()))
    writer.start()
    try:
        if waiter == "another-thread":
            with ThreadPoolExecutor(1) as pool:
                report = pool.submit(fitscore.rank, str(PROFILE), [str(pipe)]).result(timeout=30)
        else:
            theirs, other_end = socket.socketpair()
            theirs.setblocking(False)
            number = theirs.fileno()
            previous = signal.set_wakeup_fd(number)
            try:
                report = fitscore.rank(str(PROFILE), [str(pipe)])
            finally:
                kept = signal.set_wakeup_fd(previous)
                theirs.close()
                other_end.close()
            assert kept == number  # the program's own descriptor, left in place
    finally:
        writer.join(timeout=30)
    assert [entry.company for entry in report.entries] == ["Pinterest"]


def _write_once_read(pipe: Path, text: bytes) -> None:
    """Write ``text`` to ``pipe`` a while after a reader has opened it with no writer there."""
    deadline = time.monotonic() + 30
    while True:
        try:
            handle = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:  # ENXIO: nobody reads it yet
            assert time.monotonic() < deadline, "nobody opened the pipe"
            time.sleep(0.02)
    try:
        time.sleep(0.3)  # the reader is waiting by now
        os.set_blocking(handle, True)
        os.write(handle, text)
    finally:
        os.close(handle)


def test_sigterm_ends_a_rank_like_ctrl_c(tmp_path: Path) -> None:
    endless = tmp_path / "endless.yaml"
    os.mkfifo(endless)
    child = subprocess.Popen(
        [sys.executable, "-m", "fitscore", "rank", str(PROFILE), str(endless)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    writer = _wait_for_a_reader(endless, child)
    try:
        child.terminate()
        _, errors = child.communicate(timeout=30)
    finally:
        os.close(writer)
        if child.poll() is None:  # it failed: leave nothing running for the tests after it
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
    assert child.returncode == 130
    assert errors.decode().strip().splitlines() == ["fitscore: interrupted"]


# A signal that comes just before a blocking call begins (after Python's last look for one) is
# the race this child makes certain: its main thread holds SIGTERM back, so the signal is taken
# by a second thread once the main thread has been waiting a while, and can only end the wait
# through fitscore's wakeup descriptor, never by interrupting the call itself.
_SIGNAL_WHILE_WAITING = """
import os, signal, sys, threading, time

def once_the_main_thread_waits(go):
    os.read(go, 1)  # the test's word: the postings' last file has a silent writer now
    status = f"/proc/self/task/{threading.main_thread().native_id}/stat"
    asleep = 0
    while asleep < 5:  # a quarter of a second, asleep in one wait: the one that never ends
        time.sleep(0.05)
        with open(status) as stat:
            asleep = asleep + 1 if stat.read().rsplit(")", 1)[1].split()[0] == "S" else 0
    os.kill(os.getpid(), signal.SIGTERM)

go = int(sys.argv[1])
threading.Thread(target=once_the_main_thread_waits, args=(go,), daemon=True).start()
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
from fitscore.entry import main
sys.argv = ["fitscore", *sys.argv[2:]]
main()
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("wait", ["named-pipe", "workers", "stdin"])
def test_a_signal_just_before_a_wait_still_ends_the_run(tmp_path: Path, wait: str) -> None:
    endless = tmp_path / "endless.yaml"  # a posting that is still being written: never finishes
    os.mkfifo(endless)
    folder = tmp_path / "postings"
    folder.mkdir()
    if wait == "workers":
        for number in range(PARALLEL_THRESHOLD):
            (folder / f"{number:05d}.yaml").write_bytes(POSTING.read_bytes())
    arguments = {
        "named-pipe": ["rank", str(PROFILE), str(endless)],
        "workers": ["rank", str(PROFILE), str(folder), str(endless), "--jobs", "2"],
        "stdin": ["parse", "-"],
    }[wait]
    silent_input = subprocess.PIPE if wait == "stdin" else subprocess.DEVNULL
    go, say_go = os.pipe()
    child = subprocess.Popen(
        [sys.executable, "-c", _SIGNAL_WHILE_WAITING, str(go), *arguments],
        stdin=silent_input,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        pass_fds=(go,),
    )
    os.close(go)
    # The pipe's writer stays open and silent (standard input's too: the child's, kept here).
    writer = None if wait == "stdin" else _wait_for_a_reader(endless, child)
    try:
        os.write(say_go, b"!")
        child.wait(timeout=30)
    finally:
        os.close(say_go)
        if writer is not None:
            os.close(writer)
        if child.poll() is None:  # it failed: leave nothing running for the tests after it
            os.killpg(child.pid, signal.SIGKILL)
        _, errors = child.communicate()
    assert child.returncode == 130, errors
    assert errors.decode().strip().splitlines() == ["fitscore: interrupted"]


def test_a_catalogue_variable_naming_a_missing_file_is_an_error_naming_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FITSCORE_CATALOG", "/no/such/catalog.yaml")
    result = run("score", str(PROFILE), str(POSTING), "-f", "json")
    assert result.exit_code == 2
    assert "$FITSCORE_CATALOG names /no/such/catalog.yaml" in result.stderr


@pytest.mark.parametrize("setting", ["home-is-a-file", "long-config-name"])
def test_configuration_nobody_asked_for_never_stops_a_run(
    setting: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if setting == "home-is-a-file":
        home = tmp_path / "home"
        home.write_text("", encoding="utf-8")
        monkeypatch.setenv("HOME", str(home))
        monkeypatch.delenv("XDG_CONFIG_HOME")
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ("x" * 300)))
    result = run("score", str(PROFILE), str(POSTING), "-f", "json")
    assert result.exit_code == 0, result.stderr


def test_escape_sequences_in_input_never_reach_the_terminal_raw(tmp_path: Path) -> None:
    posting = tmp_path / "job.yaml"
    posting.write_text('title: x\n"\\e]0;pwned\\a\\e[2J": 1\n', encoding="utf-8")
    result = run("validate", str(posting))
    assert result.exit_code == 1
    for text in (result.stdout, result.stderr):
        assert "\x1b" not in text and "\x07" not in text
    assert "unknown key '\\x1b]0;pwned\\x07\\x1b[2J'" in result.stdout
