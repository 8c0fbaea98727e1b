"""The package's rooms keep to their jobs: the core knows no terminal, formatters no engine."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import fitscore

CORE = sorted(
    module.name
    for module in pkgutil.walk_packages(fitscore.__path__, "fitscore.")
    if not module.name.startswith(("fitscore.cli", "fitscore.__main__", "fitscore.entry"))
)
FORMATTERS = sorted(
    module.name
    for module in pkgutil.walk_packages(fitscore.__path__, "fitscore.")
    if module.name.startswith("fitscore.formats")
)
ENGINE = ("fitscore.scoring", "fitscore.ranking", "fitscore.skills.matcher", "fitscore.loading")


def modules_loaded_by(imports: list[str]) -> set[str]:
    """Every module a fresh interpreter holds after importing ``imports``."""
    code = "import sys\n" + "".join(f"import {name}\n" for name in imports)
    code += "print('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_the_walk_finds_the_core_and_the_formatters() -> None:
    assert {"fitscore.scoring.engine", "fitscore.ranking", "fitscore.reports"} <= set(CORE)
    assert {"fitscore.formats.rank", "fitscore.formats.score"} <= set(FORMATTERS)


def test_no_core_module_imports_typer_or_rich() -> None:
    loaded = modules_loaded_by(CORE)
    assert {name for name in loaded if name.split(".")[0] in ("typer", "rich", "click")} == set()


# Optional extras, imported only inside the function that writes Parquet or runs an engine.
OPTIONAL = ("pyarrow", "pandas", "dask", "pyspark")


def test_no_module_imports_an_optional_extra_when_imported() -> None:
    every = sorted(
        module.name
        for module in pkgutil.walk_packages(fitscore.__path__, "fitscore.")
        if module.name not in ("fitscore.__main__",)
    )
    loaded = modules_loaded_by(every)
    assert {name for name in loaded if name.split(".")[0] in OPTIONAL} == set()


def test_formatters_do_not_import_the_scoring_engine() -> None:
    loaded = modules_loaded_by(FORMATTERS)
    assert {name for name in loaded if name.startswith(ENGINE)} == set()


# What ``import fitscore`` itself loads: the version and the limits type of the public API (and
# what its module needs to read a path: problems, and waits that Ctrl-C ends).
PACKAGE = {
    "fitscore",
    "fitscore.__about__",
    "fitscore.sources",
    "fitscore.diagnostics",
    "fitscore.waiting",
}


@pytest.mark.parametrize("module", ["fitscore.vocabulary", "fitscore.reports"])
def test_the_vocabulary_and_the_reports_depend_on_no_other_room(module: str) -> None:
    loaded = {name for name in modules_loaded_by([module]) if name.startswith("fitscore")}
    allowed = PACKAGE | {"fitscore.vocabulary", "fitscore.reports", "fitscore.errors"}
    assert loaded - allowed == set()
