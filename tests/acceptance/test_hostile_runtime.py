"""Hostile runtime conditions (issue 17): streams, paths, workers, options, environment and user
catalogues. Every case runs fitscore in a child with a wall-time and address-space budget
(``tests.hostile``); large inputs are generated here, never stored.
"""

from __future__ import annotations

import fcntl
import os
import pty
import random
import re
import resource
import socket
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, run
from tests.hostile import (
    FORBIDDEN,
    MEMORY,
    TIMEOUT,
    Outcome,
    assert_handled,
    bounded_env,
    run_bounded,
)

PROFILE = str(ROOT / "profiles" / "phd-ml-student.yaml")
POSTING = ROOT / "postings" / "pinterest-phd-ml-intern-2026.yaml"
EXAMPLES = int(os.environ.get("FITSCORE_FUZZ_EXAMPLES", "40"))


def tiny_postings(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{number:05d}.yaml").write_text(
            f"title: Job {number}\nrequired: [Python]\n", encoding="utf-8"
        )


def run_with(
    args: Sequence[str],
    home: Path,
    *,
    stdout: int | None = None,
    stderr: int | None = None,
    close_stdin: bool = False,
    env: dict[str, str] | None = None,
) -> Outcome:
    """Like ``run_bounded``, with standard output or error sent to a given descriptor (such as
    /dev/full), or standard input closed (``<&-``): what the harness cannot set up."""

    def prepare() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        if close_stdin:
            os.close(0)

    done = subprocess.run(
        [sys.executable, "-m", "fitscore", *args],
        stdin=subprocess.DEVNULL if not close_stdin else None,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=stderr if stderr is not None else subprocess.PIPE,
        env=bounded_env(home, env),
        timeout=TIMEOUT,
        preexec_fn=prepare,
        check=False,
    )

    def text(raw: bytes | None) -> str:
        return (raw or b"").decode("utf-8", "replace")

    return Outcome(tuple(args), done.returncode, text(done.stdout), text(done.stderr))


# -- 1. a failed fork ---------------------------------------------------------------------------
# Root is exempt from RLIMIT_NPROC (checked here: as root, 20 processes start under a limit of 5),
# and the suite runs as root, so the limit is simulated where the kernel would enforce it: a
# sitecustomize makes os.fork fail with EAGAIN, as fork(2) does at the process limit, after N
# forks in every Python process of the run.
FORK_LIMIT = """\
import errno, os
_left = int(os.environ["FORKS_ALLOWED"])
_fork = os.fork
def fork():
    global _left
    if _left <= 0:
        raise BlockingIOError(errno.EAGAIN, os.strerror(errno.EAGAIN))
    _left -= 1
    return _fork()
os.fork = fork
"""


@pytest.mark.parametrize(("allowed", "said"), [(0, "no worker process"), (3, "only 3 of ")])
def test_a_failed_fork_leaves_the_run_on_fewer_workers(
    tmp_path: Path, allowed: int, said: str
) -> None:
    folder = tmp_path / "postings"
    tiny_postings(folder, 1000)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(FORK_LIMIT, encoding="utf-8")
    outcome = run_bounded(
        ["rank", PROFILE, str(folder), "--jobs", "200", "--format", "tsv", "--no-cache"],
        tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "FORKS_ALLOWED": str(allowed)},
    )
    assert_handled(outcome, codes=(0,))
    assert len(outcome.stdout.splitlines()) == 1000
    (line,) = outcome.stderr.splitlines()
    assert said in line and "(Resource temporarily unavailable)" in line, line


# -- 2. paths listed on standard input ----------------------------------------------------------
def odd_folder(tmp_path: Path) -> tuple[Path, socket.socket]:
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / "good.yaml").write_bytes(POSTING.read_bytes())
    os.mkfifo(folder / "fifo.yaml")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.yaml"))
    return folder, server


@pytest.mark.parametrize("command", ["rank", "gaps"])
def test_paths_listed_on_stdin_get_the_checks_of_a_folder_walk(
    tmp_path: Path, command: str
) -> None:
    folder, server = odd_folder(tmp_path)
    listed = [folder, *sorted(folder.iterdir()), Path("/dev/zero")]  # what `find dir` prints
    null = command == "gaps"
    listing = ("\0" if null else "\n").join(map(str, listed)).encode()
    try:
        outcome = run_bounded(
            [command, PROFILE, "-", *(["-0"] if null else []), "-f", "tsv", "--no-cache"],
            tmp_path,
            stdin=listing,
        )
    finally:
        server.close()
    assert_handled(outcome, codes=(1,))
    refused = [line for line in outcome.stderr.splitlines() if "not a regular file" in line]
    assert sorted(refused) == sorted(
        f"{path}: error: not a regular file (a pipe, socket or device)"
        for path in (folder / "fifo.yaml", folder / "socket.yaml", "/dev/zero")
    )
    assert "3 of 4 inputs could not be scored" in outcome.stderr
    if command == "rank":
        assert outcome.stdout.splitlines()[0].endswith(str(folder / "good.yaml"))


# -- 3. standard input closed, or endless -------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["parse", "-"],
        ["score", PROFILE, "-"],
        ["import", "jsonresume", "-"],
        ["rank", PROFILE, "-"],
    ],
)
def test_closed_standard_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    outcome = run_with(args, tmp_path, close_stdin=True)
    assert_handled(outcome, codes=(2,))
    assert outcome.stderr == "<stdin>: error: cannot read: standard input is closed\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rank", PROFILE, "-"], "the list of paths is over the 67,108,864-byte limit"),
        (["rank", PROFILE, "-", "-0"], "the list of paths is over the 67,108,864-byte limit"),
        (["parse", "-"], "over the 1,048,576-byte limit"),
        (["score", PROFILE, "-"], "over the 1,048,576-byte limit"),
    ],
)
def test_endless_standard_input_ends_at_a_size_limit(
    tmp_path: Path, args: list[str], message: str
) -> None:
    zero = os.open("/dev/zero", os.O_RDONLY)
    try:
        outcome = run_bounded(args, tmp_path, stdin=zero, memory=1 << 30)
    finally:
        os.close(zero)
    assert_handled(outcome, codes=(2,))
    assert message in outcome.stderr


# -- 4. file names that are not UTF-8 -----------------------------------------------------------
LOCALES = [
    {"PYTHONIOENCODING": "utf-8:strict"},
    {"LANG": "C"},
    {"LC_ALL": "C", "LANG": "C"},
]


@pytest.mark.parametrize("locale", LOCALES, ids=["strict-utf8", "LANG=C", "LC_ALL=C"])
@pytest.mark.parametrize("given", ["folder", "stdin"])
def test_a_name_that_is_not_utf8_is_reported_escaped_and_skipped(
    tmp_path: Path, locale: dict[str, str], given: str
) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / "good.yaml").write_bytes(POSTING.read_bytes())
    odd = os.fsencode(folder) + b"/job-\xff.yaml"
    with open(odd, "wb") as stream:
        stream.write(POSTING.read_bytes())
    if given == "folder":
        outcome = run_bounded(["rank", PROFILE, str(folder), "-f", "json"], tmp_path, env=locale)
    else:
        listing = odd + b"\n" + os.fsencode(folder / "good.yaml") + b"\n"
        outcome = run_bounded(
            ["rank", PROFILE, "-", "-f", "json"], tmp_path, stdin=listing, env=locale
        )
    assert_handled(outcome, codes=(1,))
    assert (
        f"{folder}/job-\\xff.yaml: error: the file name is not valid UTF-8 (shown with its "
        "bytes escaped): rename it to have it read"
    ) in outcome.stderr
    assert '"path": "' + str(folder / "good.yaml") in outcome.stdout
    checked = run_bounded(["validate", str(folder)], tmp_path, env=locale)
    assert_handled(checked, codes=(1,))
    assert f"{folder}/job-\\xff.yaml: error: the file name is not valid UTF-8" in checked.stdout


# -- 5. a deep folder tree ----------------------------------------------------------------------
def test_a_folder_tree_1200_levels_deep_is_walked_without_recursion(tmp_path: Path) -> None:
    top = tmp_path / "deep"
    top.mkdir()
    handles = [os.open(top, os.O_RDONLY)]
    try:
        for _ in range(1200):
            os.mkdir("d", dir_fd=handles[-1])
            handles.append(os.open("d", os.O_RDONLY, dir_fd=handles[-1]))
        posting = os.open("job.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=handles[-1])
        os.write(posting, POSTING.read_bytes())
        os.close(posting)
        ranked = run_bounded(["rank", PROFILE, str(top), "-f", "tsv", "--no-cache"], tmp_path)
        assert_handled(ranked, codes=(0,))
        assert ranked.stdout.rstrip().endswith("/d" * 1200 + "/job.yaml")
        checked = run_bounded(["validate", str(top)], tmp_path)
        assert_handled(checked, codes=(0,))
        assert "checked 1 file: 1 valid" in checked.stderr
    finally:  # bottom up: pytest's own clean-up of tmp_path recurses, and would fail here
        os.unlink("job.yaml", dir_fd=handles[-1]) if len(handles) > 1200 else None
        while len(handles) > 1:
            os.close(handles.pop())
            os.rmdir("d", dir_fd=handles[-1])
        os.close(handles.pop())


# -- 6. full streams, closed pipes --------------------------------------------------------------
FULL = "fitscore: error: cannot write the output: No space left on device\n"
COMMANDS = [
    ["score", PROFILE, str(POSTING)],
    ["rank", PROFILE, str(ROOT / "postings")],
    ["--help"],
    ["--version"],
    ["validate", str(ROOT / "postings"), "--format", "json"],
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: args[0])
def test_stdout_on_a_full_disk_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    full = os.open("/dev/full", os.O_WRONLY)
    try:
        outcome = run_with(args, tmp_path, stdout=full)
    finally:
        os.close(full)
    assert_handled(outcome, codes=(2,))
    assert outcome.stderr == FULL


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("args", "code", "reported"),
    [
        (["score", PROFILE, str(POSTING), "-f", "json"], 0, True),  # nothing to say on stderr
        (["validate", str(ROOT / "postings"), "-f", "json"], 2, True),  # its summary is lost
        (["rank", PROFILE, "/no/such.yaml", str(POSTING), "-f", "tsv"], 2, False),  # problems
    ],
    ids=["score", "validate", "rank"],
)
def test_stderr_on_a_full_disk_gives_a_documented_code(
    tmp_path: Path, args: list[str], code: int, reported: bool
) -> None:
    full = os.open("/dev/full", os.O_WRONLY)
    try:
        outcome = run_with(args, tmp_path, stderr=full)
    finally:
        os.close(full)
    assert outcome.code == code, outcome.explain()
    assert bool(outcome.stdout) is reported  # what was written before stderr failed stays


def test_a_reader_gone_before_a_long_ranking_is_exit_141_and_silence(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    tiny_postings(folder, 3000)
    reader, writer = os.pipe()
    os.close(reader)  # `| head -1` that has already gone
    try:
        outcome = run_with(["rank", PROFILE, str(folder), "-f", "tsv"], tmp_path, stdout=writer)
    finally:
        os.close(writer)
    assert_handled(outcome, codes=(141,))
    assert outcome.stderr == ""


def test_head_on_a_long_ranking_never_shows_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    tiny_postings(folder, 3000)
    command = [sys.executable, "-m", "fitscore", "rank", PROFILE, str(folder), "--stream"]
    ranking = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=bounded_env(tmp_path)
    )
    assert ranking.stdout is not None
    head = subprocess.run(["head", "-1"], stdin=ranking.stdout, capture_output=True, check=True)
    ranking.stdout.close()
    _, errors = ranking.communicate(timeout=TIMEOUT)
    assert len(head.stdout.splitlines()) == 1 and b"Job" in head.stdout
    assert ranking.returncode in (0, 141)  # 0 only when every line fitted in the pipe
    assert errors == b""


# -- 7. options and environment out of range ----------------------------------------------------
@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--max-bytes", "9223372036854775807"], "--max-bytes must be a whole number from 1"),
        (["--max-bytes", "100000000000"], "--max-bytes must be a whole number from 1"),
        (["--jobs", "2147483648"], "--jobs must be a whole number from 1 to 256"),
        (["--top", "0"], "--top must be a whole number of 1 or more"),
        (["--top", "-1"], "--top must be a whole number of 1 or more"),
    ],
)
def test_options_out_of_range_are_refused_with_their_range(
    tmp_path: Path, option: list[str], message: str
) -> None:
    outcome = run_bounded(["rank", PROFILE, str(POSTING), *option], tmp_path, memory=1 << 30)
    assert_handled(outcome, codes=(2,))
    assert message in outcome.stderr


def test_a_huge_top_keeps_every_posting(tmp_path: Path) -> None:
    outcome = run_bounded(
        ["rank", PROFILE, str(ROOT / "postings"), "--top", "9" * 30, "-f", "tsv"], tmp_path
    )
    assert_handled(outcome, codes=(0,))
    assert len(outcome.stdout.splitlines()) == 3


def test_a_large_max_bytes_costs_the_file_not_the_limit(tmp_path: Path) -> None:
    outcome = run_bounded(
        ["score", PROFILE, str(POSTING), "--max-bytes", str(1 << 30), "-f", "json"],
        tmp_path,
        memory=1 << 30,  # the whole run in less address space than the limit it was given
    )
    assert_handled(outcome, codes=(0,))
    assert '"company": "Pinterest"' in outcome.stdout


def on_a_terminal(args: list[str], home: Path, columns: str) -> tuple[int, str]:
    """Run fitscore with a pseudo-terminal (0 x 0 cells) as its streams and COLUMNS set."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 0, 0, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-m", "fitscore", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=bounded_env(home, {"COLUMNS": columns}),
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    code = child.wait(timeout=TIMEOUT)
    text = b"".join(chunks).decode("utf-8", "replace")
    return code, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "10"])
def test_odd_columns_on_a_terminal_draw_a_readable_table(tmp_path: Path, columns: str) -> None:
    code, screen = on_a_terminal(
        ["rank", PROFILE, str(ROOT / "postings"), "--no-cache"], tmp_path, columns
    )
    assert code == 0, screen
    rows = [line for line in screen.splitlines() if line.startswith(("┃", "│"))]
    assert rows and "score" in rows[0] and "band" in rows[0], screen
    assert min(len(line) for line in rows) >= 55, screen  # clamped to about 60 columns
    assert any("excellent" in line for line in rows), screen


def test_garbage_in_fitscore_today_names_the_variable(tmp_path: Path) -> None:
    outcome = run_bounded(
        ["score", PROFILE, str(POSTING)], tmp_path, env={"FITSCORE_TODAY": "garbage"}
    )
    assert_handled(outcome, codes=(2,))
    assert "$FITSCORE_TODAY" in outcome.stderr and "'garbage'" in outcome.stderr


def test_weights_that_give_every_component_0_are_refused_naming_the_file(tmp_path: Path) -> None:
    weights = tmp_path / "weights.yaml"
    names = ["required_skills", "preferred_skills", "degree", "publications", "big_data"]
    weights.write_text("".join(f"{name}: 0\n" for name in names), encoding="utf-8")
    for args in (
        ["score", PROFILE, str(POSTING)],
        ["rank", PROFILE, str(ROOT / "postings"), "-f", "tsv"],
    ):
        outcome = run_bounded([*args, "--weights", str(weights)], tmp_path)
        assert_handled(outcome, codes=(2,))
        assert outcome.stderr.startswith(f"{weights}:1:1: error: every component weighs 0 here")
    weights.write_text("degree: 0\nbig_data: 0\n", encoding="utf-8")  # some 0: still scored
    outcome = run_bounded(["score", PROFILE, str(POSTING), "--weights", str(weights)], tmp_path)
    assert_handled(outcome, codes=(0,))


def test_install_completion_with_home_a_file_is_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("", encoding="utf-8")
    # Typer finds the shell to install for among the process's ancestors: run it from one, as
    # a user does (a test run started by no shell would otherwise find none).
    done = subprocess.run(
        ["bash", "-c", '"$0" -m fitscore --install-completion bash; exit $?', sys.executable],
        capture_output=True,
        env=bounded_env(tmp_path, {"HOME": str(home), "SHELL": "/bin/bash"}),
        timeout=TIMEOUT,
        check=False,
    )
    outcome = Outcome(("--install-completion", "bash"), done.returncode, *_texts(done))
    assert_handled(outcome, codes=(2,))
    assert outcome.stderr == f"fitscore: error: cannot write {home}: File exists\n"


def _texts(done: subprocess.CompletedProcess[bytes]) -> tuple[str, str]:
    return done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


# -- 8. SIGTERM over many files with workers ----------------------------------------------------
def children_of(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    except OSError:
        return []
    return [int(item) for item in text.split()]


def gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return True
    return "\nState:\tZ" in status


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_sigterm_ends_a_rank_over_50000_files_with_its_workers(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    tiny_postings(folder, 50_000)
    endless = tmp_path / "endless.yaml"  # one worker blocks on it: the run cannot end first
    os.mkfifo(endless)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-m", "fitscore", "rank", PROFILE, str(folder), str(endless)]
        + ["--jobs", "2", "-f", "tsv"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=bounded_env(tmp_path, {"TMPDIR": str(scratch)}),
        start_new_session=True,
    )
    deadline = time.monotonic() + TIMEOUT
    while len(workers := children_of(child.pid)) < 2:
        assert child.poll() is None, "the run ended before it was stopped"
        assert time.monotonic() < deadline, "no worker ever started"
        time.sleep(0.02)
    child.terminate()
    _, errors = child.communicate(timeout=30)
    assert child.returncode == 130
    assert errors.decode().splitlines() == ["fitscore: interrupted"]
    deadline = time.monotonic() + 10
    while not all(gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(gone(pid) for pid in workers), workers
    assert list(scratch.iterdir()) == []
    leftovers = [path.name for path in (tmp_path / "cache").rglob("*") if path.is_file()]
    assert not [name for name in leftovers if name.endswith(("-journal", "-wal", ".tmp"))]


# -- 9. user catalogues -------------------------------------------------------------------------
def catalogue(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text("skills:\n" + "".join(f"- {line}\n" for line in lines), encoding="utf-8")
    return path


COUNT = 10_000
CATALOGUES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "stand-ins": (
        lambda i: f"{{name: Bigtool {i}, stands_for: big_data, categories: [big_data]}}",
        2,
        ":17:34: error: Bigtool 15 (and 9,984 more after it): 16 skills already stand for big_data",
    ),
    "chain": (
        lambda i: f"{{name: Chain{i}" + (f", implies: [Chain{i + 1}]}}" if i + 1 < COUNT else "}"),
        2,
        ":9900:30: error: Chain9898 implies 101 skills through its implications, more than 100",
    ),
    "cycle": (
        lambda i: f"{{name: Cycle{i}, implies: [Cycle{(i + 1) % COUNT}]}}",
        2,
        ":2:27: error: implication cycle of 10,000 skills: Cycle0 -> Cycle1 -> Cycle2 -> "
        "Cycle3 -> ... -> Cycle0",
    ),
    "aliases": (
        lambda i: f"{{name: H{i}, aliases: [" + ",".join(f"{i}x{j}" for j in range(11)) + "]}",
        0,
        "",
    ),
}


@pytest.mark.parametrize("shape", list(CATALOGUES))
def test_huge_user_catalogues_end_in_time_and_memory(tmp_path: Path, shape: str) -> None:
    line, code, message = CATALOGUES[shape]
    count = 9_500 if shape == "aliases" else COUNT  # 9,500 skills x 11 = 104,500 aliases
    path = catalogue(tmp_path, [line(i) for i in range(count)])
    outcome = run_bounded(
        ["score", PROFILE, str(POSTING), "--catalog", str(path), "-f", "json"], tmp_path
    )
    assert_handled(outcome, codes=(code,))
    if message:
        assert f"{path}{message}" in outcome.stderr
    else:
        assert '"company": "Pinterest"' in outcome.stdout


def big_profile(tmp_path: Path) -> Path:
    """A valid profile under 1 MiB naming 130,000 distinct skills no catalogue knows."""
    lists = [
        ",".join(f"z{n:x}" for n in range(start, start + 10_000))
        for start in range(0, 130_000, 10_000)
    ]
    text = f"name: Ada\nskills: [{lists[0]}]\nprojects:\n" + "".join(
        f"- name: P{number}\n  skills: [{skills}]\n" for number, skills in enumerate(lists[1:])
    )
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_profile_of_130000_unknown_skills_scores_within_budget(tmp_path: Path) -> None:
    outcome = run_bounded(
        ["score", str(big_profile(tmp_path)), str(POSTING), "-f", "json"], tmp_path
    )
    assert_handled(outcome, codes=(0,))


def test_a_posting_of_10000_unknown_terms_scores_within_budget(tmp_path: Path) -> None:
    posting = tmp_path / "posting.yaml"
    terms = ",".join(f"unknown{n:x}" for n in range(10_000))
    posting.write_text(f"title: T\nrequired: [{terms}]\n", encoding="utf-8")
    outcome = run_bounded(
        ["score", str(big_profile(tmp_path)), str(posting), "-f", "json"], tmp_path
    )
    assert_handled(outcome, codes=(0,))


# -- 10. fuzzed user catalogues -----------------------------------------------------------------
terms = st.text(
    st.characters(categories=["L", "N", "Zs", "P", "So"], exclude_characters="\x85\u2028\u2029"),
    min_size=0,
    max_size=30,
)
names = st.sampled_from(["Python", "Spark", "Hadoop", "Kafka", "Foo", "Bar", "Baz", "Qux"]) | terms
skill_entries = st.fixed_dictionaries(
    {"name": names | st.integers() | st.none()},
    optional={
        "aliases": st.lists(names, max_size=6) | st.just(["A" + str(n) for n in range(1500)]),
        "categories": st.lists(
            st.sampled_from(["big_data", "ml_framework", "nope", "Bad-Id"]), max_size=3
        ),
        "implies": st.lists(names, max_size=4) | names,
        "stands_for": st.sampled_from(["big_data", "nope", 3]),
        "family": st.sampled_from(["batch_big_data", "unknown_family"]),
        "spot": st.sampled_from(["normal", "never", "sometimes"]),
        "ordinary_word": st.booleans() | st.just("yes"),
    },
)
catalogue_documents = st.fixed_dictionaries(
    {},
    optional={
        "schema_version": st.sampled_from([1, 2, "1"]),
        "skills": st.lists(skill_entries, max_size=8) | st.just("not a list"),
        "categories": st.lists(
            st.fixed_dictionaries(
                {"id": st.sampled_from(["extra", "big_data", "X"]), "label": terms}
            ),
            max_size=2,
        ),
    },
)


@settings(
    max_examples=EXAMPLES,
    deadline=10_000,  # a catalogue of a few skills is built in well under a second
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=catalogue_documents)
def test_fuzzed_user_catalogues_give_a_documented_code_and_name_the_file(
    tmp_path: Path, document: dict[str, object]
) -> None:
    # In-process (as the other fuzzers): a new name per example, as catalogues are cached by
    # their paths for the run.
    path = tmp_path / f"catalog-{random.randrange(10**9)}.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run("score", PROFILE, str(POSTING), "--catalog", str(path), "-f", "json")
    combined = result.stdout + result.stderr
    assert result.exit_code in (0, 2), combined[-800:]
    for word in (*FORBIDDEN, "MemoryError"):
        assert word not in combined, combined[-800:]
    if result.exit_code == 2:
        errors = [line for line in result.stderr.splitlines() if ": error: " in line]
        assert errors, combined[-800:]
        for line in errors:
            assert re.match(re.escape(str(path)) + r":\d+:\d+: error: ", line), combined[-800:]
    else:
        assert '"score"' in result.stdout
