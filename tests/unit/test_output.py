"""Files written for the user: their permissions, no clobbering, links and odd targets."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fitscore.errors import OutputError
from fitscore.output import write_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        write_atomic(str(tmp_path / "me.yaml"), "name: x\n")
    finally:
        os.umask(old)
    assert mode(tmp_path / "me.yaml") == 0o666 & ~umask


def test_a_replaced_file_keeps_its_mode_and_gets_the_new_text(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(str(target), "new\n", force=True)
    assert (target.read_text(encoding="utf-8"), mode(target)) == ("new\n", 0o640)


def test_an_existing_file_is_never_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(OutputError) as raised:
        write_atomic(str(target), "theirs\n")
    assert raised.value.code == "exists"
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["me.yaml"]  # no temporary left


def test_of_many_writers_of_one_new_file_exactly_one_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "same.yaml"
    code = (
        "import sys\nfrom fitscore.output import write_atomic\nfrom fitscore.errors import "
        "OutputError\ntry:\n    write_atomic(sys.argv[1], sys.argv[2] * 100000)\nexcept "
        "OutputError:\n    sys.exit(1)\n"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", code, str(target), str(number)])
        for number in range(8)
    ]
    codes = [writer.wait(timeout=60) for writer in writers]
    assert sorted(codes) == [0] + [1] * 7
    text = target.read_text(encoding="utf-8")
    assert text == text[0] * 100000  # one writer's whole text, not a mix


def test_a_symbolic_link_is_written_through_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomic(str(link), "new\n", force=True)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_a_pipe_or_folder_is_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for target in (pipe, tmp_path):
        with pytest.raises(OutputError, match="not a regular file"):
            write_atomic(str(target), "x\n", force=True)
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_an_empty_name_is_refused_with_a_message() -> None:
    with pytest.raises(OutputError, match="empty"):
        write_atomic("", "x\n")
