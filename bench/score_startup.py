"""Start-up cost of one `fitscore score --format json`, against three baselines, in one run.

    python bench/score_startup.py [--runs 21]

- imports: `python -c "import typer, rich, rapidfuzz, yaml, pydantic"`;
- floor: the imports fitscore's design cannot start without (typer, yaml, rapidfuzz and
  pydantic's models), none of fitscore's own code; a ratio to the import baseline below this
  one's is out of reach of any pydantic-model tool of this shape;
- minimal typer app: a typer app with the same `score` signature (same options and types, a
  root callback) that also imports yaml and rapidfuzz, reads both files and prints `{}`; what
  any typer tool of this shape pays before doing its own work.

Bytecode is compiled first (this environment sets PYTHONDONTWRITEBYTECODE=1, which would make
every start recompile fitscore). Prints the median wall time and the median CPU time (user +
system of the child) of each command and the ratios; the commands take turns run by run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = [sys.executable, "-c", "import typer, rich, rapidfuzz, yaml, pydantic"]
# What no pydantic-model typer tool of fitscore's shape can start without, fitscore's own
# code left out: `import pydantic` alone loads almost nothing (its names load on first use),
# while a model needs pydantic's model machinery, and a constrained string annotated_types.
# Plugin discovery is skipped as fitscore's console script skips it.
FLOOR = [
    sys.executable,
    "-c",
    "import os, sys, types; os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'; "
    "loader = types.ModuleType('pydantic.plugin._loader'); loader.get_plugins = lambda: (); "
    "sys.modules[loader.__name__] = loader; "
    "import typer, rapidfuzz, yaml; from pydantic import BaseModel, StringConstraints",
]
PROFILE = "profiles/phd-ml-student.yaml"
POSTING = "postings/pinterest-phd-ml-intern-2026.yaml"

MINIMAL_APP = '''
import datetime as dt
import enum
from typing import Annotated

import rapidfuzz  # noqa: F401
import typer
import yaml

app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)


class Format(str, enum.Enum):
    TABLE = "table"
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


def day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


@app.callback()
def root(version: Annotated[bool, typer.Option("--version")] = False) -> None:
    """Root."""


@app.command()
def score(
    profile: Annotated[str, typer.Argument(metavar="PROFILE")],
    posting: Annotated[str, typer.Argument(metavar="POSTING")],
    output_format: Annotated[Format | None, typer.Option("--format", "-f")] = None,
    fail_under: Annotated[float | None, typer.Option("--fail-under", min=0, max=100)] = None,
    weights: Annotated[str | None, typer.Option("--weights")] = None,
    save: Annotated[str | None, typer.Option("--save")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    today: Annotated[
        dt.date | None, typer.Option("--today", envvar="FITSCORE_TODAY", parser=day)
    ] = None,
    catalog: Annotated[list[str] | None, typer.Option("--catalog")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1)] = 1 << 20,
) -> None:
    """Score."""
    for path in (profile, posting):
        with open(path, encoding="utf-8") as stream:
            yaml.safe_load(stream)
    print("{}")


app()
'''


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command. The commands take turns (one run of
    each, ``runs`` times over), so a machine that speeds up or slows down during the
    benchmark weighs on every command alike and the ratios stay fair."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(run_once(command))
    return {
        name: (
            statistics.median(wall for wall, _ in taken),
            statistics.median(cpu for _, cpu in taken),
        )
        for name, taken in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    arguments = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    os.environ.setdefault("FITSCORE_TODAY", "2026-11-30")
    executable = shutil.which("fitscore") or "fitscore"
    with tempfile.TemporaryDirectory() as folder:
        app = Path(folder) / "minimal_app.py"
        app.write_text(MINIMAL_APP, encoding="utf-8")
        subprocess.run([sys.executable, "-m", "compileall", "-q", folder], check=True)
        commands = {
            "import typer, rich, rapidfuzz, yaml, pydantic": BASELINE,
            "floor: typer, rapidfuzz, yaml, pydantic models": FLOOR,
            "minimal typer app, same score signature": [
                sys.executable,
                str(app),
                "score",
                PROFILE,
                POSTING,
                "--format",
                "json",
            ],
            "fitscore score --format json": [
                executable,
                "score",
                PROFILE,
                POSTING,
                "--format",
                "json",
            ],
        }
        for command in commands.values():  # one untimed run each: the disk cache warm for all
            run_once(command)
        results = measure(commands, arguments.runs)
    width = max(len(name) for name in results)
    for name, (wall, cpu) in results.items():
        print(f"{name:<{width}}  wall {wall * 1000:4.0f} ms  cpu {cpu * 1000:4.0f} ms (medians)")
    names = list(results)
    base_wall, base_cpu = results[names[0]]
    for name in names[1:]:
        wall, cpu = results[name]
        print(f"{name} / {names[0]}: wall {wall / base_wall:.2f}x, cpu {cpu / base_cpu:.2f}x")
    wall, cpu = results[names[-1]]
    minimal_wall, minimal_cpu = results[names[2]]
    print(
        f"{names[-1]} / {names[2]}: wall {wall / minimal_wall:.2f}x, cpu {cpu / minimal_cpu:.2f}x"
    )


if __name__ == "__main__":
    main()
