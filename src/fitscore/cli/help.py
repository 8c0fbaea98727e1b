"""Help and usage text in fitscore's own words, the same on every typer of the pinned range.

Typer draws help from parameter types (``<int range>``, ``{PROFILE}``, ``<list[str]>``) and
words usage errors through pydantic ("Input should be a valid integer"); both change between
releases. Here the usage line, the argument and option lists and the errors are written from
what each parameter declares (its names, ``metavar`` and ``help``), and option values are
converted by :func:`choice`, :func:`whole_number` and :func:`number` with messages of our own.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from fitscore.cli.values import convert_directly

E = TypeVar("E", bound=StrEnum)
HELP_MAX_WIDTH, HELP_MIN_WIDTH = 80, 50


class OptionError(typer.BadParameter):
    """A bad option value, said as the whole message (no "Invalid value for ...")."""

    def format_message(self) -> str:
        return self.message


def choice(name: str, kind: type[E]) -> Callable[[str], E]:
    """A converter of an option's text to a member of ``kind``."""
    allowed = [member.value for member in kind]

    def convert(value: str) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value.strip().casefold())
        except ValueError:
            raise OptionError(
                f"{name} must be one of {', '.join(allowed)}; got '{value}'"
            ) from None

    return convert


def whole_number(name: str, least: int = 1, most: int | None = None) -> Callable[[str], int]:
    """A converter to an integer from ``least`` to ``most``."""
    bounds = f"from {least:,} to {most:,}" if most is not None else f"of {least} or more"

    def convert(value: str) -> int:
        if isinstance(value, int):
            return value
        try:
            number = int(value.strip().replace("_", ""))
        except ValueError:
            raise OptionError(f"{name} must be a whole number {bounds}; got '{value}'") from None
        if number < least or (most is not None and number > most):
            raise OptionError(f"{name} must be a whole number {bounds}; got {number}")
        return number

    return convert


def number(name: str, least: float, most: float) -> Callable[[str], float]:
    """A converter to a number from ``least`` to ``most``."""

    def convert(value: str) -> float:
        if isinstance(value, float | int):
            return float(value)
        try:
            parsed = float(value)
        except ValueError:
            raise OptionError(
                f"{name} must be a number from {least:g} to {most:g}; got '{value}'"
            ) from None
        if not least <= parsed <= most:  # also refuses nan
            raise OptionError(f"{name} must be a number from {least:g} to {most:g}; got {value}")
        return parsed

    return convert


def _argument_name(parameter: Any) -> str:
    name = str(parameter.metavar or parameter.name).upper()
    return name if parameter.nargs == 1 or name.endswith("...") else f"{name}..."


def _option_names(parameter: Any) -> str:
    names = ", ".join(sorted(parameter.opts, key=lambda opt: (opt.startswith("--"), opt)))
    if parameter.secondary_opts:
        names += " / " + ", ".join(parameter.secondary_opts)
    if not parameter.is_flag and parameter.metavar:
        names += f" {parameter.metavar}"
    return names


def _rows(parameters: Iterable[Any], kind: str) -> list[tuple[str, str]]:
    rows = []
    for parameter in parameters:
        if getattr(parameter, "hidden", False) or parameter.param_type_name != kind:
            continue
        help_text = parameter.help or ""
        if kind == "argument":
            rows.append((_argument_name(parameter), help_text))
        else:
            rows.append((_option_names(parameter), help_text))
    return rows


class Command(TyperCommand):
    """A command whose usage line and help are written from its parameters' declarations,
    and whose values are converted directly (``cli.values``)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        convert_directly(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = ["[OPTIONS]"]
        for parameter in self.get_params(ctx):
            if parameter.param_type_name == "argument":
                name = _argument_name(parameter)
                pieces.append(name if parameter.required else f"[{name}]")
        return pieces

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        super().format_usage(ctx, _fitted(formatter))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)  # fits the formatter to the terminal first
        _write_help_text(self.help, formatter)
        parameters = self.get_params(ctx)
        for title, kind in (("Arguments", "argument"), ("Options", "option")):
            rows = _rows(parameters, kind)
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class Group(TyperGroup):
    """A group of commands, with help written and values converted the same way."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        convert_directly(self.get_params(ctx))
        return super().parse_args(ctx, args)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return ["[OPTIONS]", "COMMAND [ARGS]..."]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        super().format_usage(ctx, _fitted(formatter))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)  # fits the formatter to the terminal first
        _write_help_text(self.help, formatter)
        rows = _rows(self.get_params(ctx), "option")
        if rows:
            with formatter.section("Options"):
                formatter.write_dl(rows)
        commands = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                summary = (command.help or "").strip().split("\n", 1)[0]
                commands.append((name, summary))
        if commands:
            with formatter.section("Commands"):
                formatter.write_dl(commands)


def help_width() -> int:
    """Columns of help text: the terminal's (``COLUMNS`` first), two short of it, at most 78
    and at least 50, as click words it for a terminal. Set here, not left to click, because
    click's test runner forces 80 and the golden files must hold what a user sees."""
    return max(min(shutil.get_terminal_size().columns, HELP_MAX_WIDTH) - 2, HELP_MIN_WIDTH)


def _fitted(formatter: Any) -> Any:
    formatter.width = help_width()
    return formatter


def _write_help_text(text: str | None, formatter: Any) -> None:
    if not text:
        return
    formatter.write_paragraph()
    with formatter.indentation():
        for number_, paragraph in enumerate(text.strip().split("\n\n")):
            if number_:
                formatter.write_paragraph()
            formatter.write_text(" ".join(line.strip() for line in paragraph.splitlines()))
