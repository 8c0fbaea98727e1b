"""Values converted directly (cli.values) are what typer's own adapters would give: the same
result for every text, or the same failure with the same message."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer import _click as click
from typer._coercion import build_runtime_param
from typer.core import TyperGroup as Group

from fitscore.cli import commands  # noqa: F401  (registers the commands)
from fitscore.cli.app import app
from fitscore.cli.values import DirectValue, convert_directly


def _commands(group: Group) -> list[click.Command]:
    found: list[click.Command] = [group]
    for command in group.commands.values():
        if isinstance(command, Group):
            found.extend(_commands(command))
        else:
            found.append(command)
    return found


ROOT = typer.main.get_command(app)


def _direct_parameters() -> list[tuple[str, Any]]:
    root = ROOT
    assert isinstance(root, Group)
    chosen = []
    for command in _commands(root):
        context = click.Context(command)
        parameters = command.get_params(context)
        convert_directly(parameters)
        for parameter in parameters:
            if isinstance(getattr(parameter, "_runtime_param", None), DirectValue):
                chosen.append((f"{command.name} {parameter.name}", parameter))
    return chosen


DIRECT = _direct_parameters()


def test_every_option_with_a_converter_and_every_text_argument_converts_directly() -> None:
    names = {name for name, _ in DIRECT}
    for expected in (
        "score profile",
        "score output_format",
        "score today",
        "score max_bytes",
        "score catalog",
        "rank paths",
        "rank jobs",
        "rank help",
    ):
        assert expected in names
    assert len(DIRECT) > 60


def _outcome(runtime: Any, value: Any, parameter: Any) -> tuple[str, Any]:
    context = click.Context(ROOT)
    try:
        return ("value", runtime.coerce(value, param=parameter, ctx=context))
    except click.ClickException as exc:
        return ("error", (type(exc).__name__, exc.format_message()))
    except Exception as exc:  # a value no command line gives (a tuple for a scalar option)
        return ("error", (type(exc).__name__, str(exc)))


VALUES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "-", "0", "1", "-3", "2.5", "1e3", "nan", "table", "JSON", "2026-11-30"]),
    st.sampled_from(["2026-02-30", " 7 ", "inf", "101", "1_000", "tsv", "true", "yes"]),
    st.lists(st.text(max_size=6), max_size=3).map(tuple),
    st.booleans(),
)


@pytest.mark.parametrize(("name", "parameter"), DIRECT, ids=[name for name, _ in DIRECT])
@settings(max_examples=40, deadline=None)
@given(value=VALUES)
def test_a_direct_value_is_what_typer_would_make_of_it(
    name: str, parameter: Any, value: Any
) -> None:
    direct = parameter._runtime_param
    typers_own = build_runtime_param(parameter.type_descriptor)
    assert _outcome(direct, value, parameter) == _outcome(typers_own, value, parameter)
