"""Option and argument values handed to the command without building a pydantic adapter each.

Typer converts every value through a pydantic ``TypeAdapter`` it builds on first use, one per
parameter: the first command run imports ``typer._adapters`` and builds a dozen schemas, about
a tenth of a ``fitscore score`` start. fitscore's values need none of it: a text is already
text, a list of texts a list, a flag already true or false, and every other option names its
converter (``parser``: the converters of ``cli.help``, with fitscore's own messages).
:func:`convert_directly` gives such parameters a converter that calls that directly.
Anything else (a type fitscore does not declare, a converter that raises ``ValueError``,
which typer words itself) is left to typer, so a value converts to the same result, or fails
with the same message, either way.

It relies on typer's private converter layer (``typer._coercion``, and each parameter's
``type_descriptor`` and ``_runtime_param``, the converter typer caches on first use), the same
throughout the pinned 0.29 range: CI runs these tests on its oldest and its newest release.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, get_args, get_origin

from typer._coercion import RuntimeParam, build_runtime_param


class DirectValue(RuntimeParam):
    """A value as the command takes it: its converter's result, or the text itself."""

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        parser = self.parameter_info.parser
        if parser is not None:
            try:
                return parser(value)
            except (ValueError, AssertionError):
                pass  # typer's adapter words these itself
        elif self.annotation is str or self.annotation is bool:
            if type(value) is self.annotation:
                return value
        elif isinstance(value, list | tuple) and all(type(item) is str for item in value):
            return list(value)  # a list of texts: the one other type that converts directly
        return build_runtime_param(param.type_descriptor).coerce(value, param=param, ctx=ctx)


def _direct(annotation: Any, parser: Any) -> bool:
    """Whether a value of ``annotation`` converts directly."""
    if parser is not None:
        return get_origin(annotation) not in (list, tuple)
    if annotation is str or annotation is bool:
        return True
    return get_origin(annotation) is list and get_args(annotation) == (str,)


def convert_directly(parameters: Iterable[Any]) -> None:
    """Give each of ``parameters`` that typer would convert through an adapter the direct
    converter, where its type allows."""
    for parameter in parameters:
        descriptor = getattr(parameter, "type_descriptor", None)
        if descriptor is None or getattr(parameter, "_runtime_param", ()) is not None:
            continue
        info = descriptor.parameter_info
        if descriptor.file_annotation is None and _direct(descriptor.annotation, info.parser):
            parameter._runtime_param = DirectValue(info, descriptor.annotation)
