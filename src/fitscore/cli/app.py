"""The typer applications the commands register on (kept apart so commands can import them)."""

from __future__ import annotations

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
