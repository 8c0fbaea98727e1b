"""The typer applications the commands register on (kept apart so commands can import them)."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Annotated

import typer

from fitscore.__about__ import __version__
from fitscore.cli.help import Group

app = typer.Typer(
    cls=Group,
    name="fitscore",
    help=(
        "How well does a candidate profile fit a job posting, and what exactly is missing?\n\n"
        "Example: fitscore score profiles/me.yaml postings/acme-ml-intern.yaml"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
catalog_app = typer.Typer(
    cls=Group,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Look into the skill catalogue: categories, and what a term resolves to.",
    no_args_is_help=True,
)
import_app = typer.Typer(
    cls=Group,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn a résumé kept in another format into a fitscore profile.",
    no_args_is_help=True,
)
app.add_typer(catalog_app, name="catalog")
app.add_typer(import_app, name="import")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fitscore {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """fitscore: a scored gap report between a profile and a job posting."""


def for_arguments(arguments: Sequence[str]) -> typer.Typer:
    """The application with only the command ``arguments`` name, when they start with one.

    typer builds the click command of every registered command before it reads the arguments;
    a run needs one. Anything else (no command, an option first, a group such as ``catalog``,
    a name that is not a command) gets the whole application, so help, suggestions and errors
    are the same as without this.
    """
    name = arguments[0] if arguments else ""
    chosen = [
        info
        for info in app.registered_commands
        if info.callback is not None
        and (info.name or typer.main.get_command_name(info.callback.__name__)) == name
    ]
    if len(chosen) != 1:
        return app
    slim = copy.copy(app)
    slim.registered_commands = chosen
    slim.registered_groups = []
    return slim
