"""Files -> models, with every problem located at its line and column."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from difflib import get_close_matches
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from fitscore.diagnostics import Problem, error
from fitscore.errors import InputError
from fitscore.models import Posting, Profile, Weights
from fitscore.sources import DEFAULT_LIMITS, Limits, read_source
from fitscore.vocabulary import FileKind
from fitscore.yamlsource import Document, Path, parse_text, read_document

if TYPE_CHECKING:
    from fitscore.skills.catalog import Catalog

ModelT = TypeVar("ModelT", bound=BaseModel)
TEXT_NAME = "<text>"


# Keys only one kind of file has (publications is in both), the most telling first.
_ONLY = {
    FileKind.PROFILE: ("name", "skills", "experience", "education", "projects", "summary"),
    FileKind.POSTING: (
        "title",
        "required",
        "preferred",
        "company",
        "degree",
        "big_data",
        "location",
        "url",
        "weights",
        "themes",
    ),
}
_MODELS: dict[type[BaseModel], FileKind] = {Profile: FileKind.PROFILE, Posting: FileKind.POSTING}
WRONG_KIND = "wrong-kind"


def kind_by_keys(data: object) -> FileKind | None:
    """The kind a mapping's keys say it is: keys of one kind only, and none of the other."""
    if not isinstance(data, dict):
        return None
    keys = set(data)
    for kind, other in ((FileKind.POSTING, FileKind.PROFILE), (FileKind.PROFILE, FileKind.POSTING)):
        if keys.intersection(_ONLY[kind]) and not keys.intersection(_ONLY[other]):
            return kind
    return None


def _wrong_kind(document: Document, model: type[BaseModel]) -> Problem | None:
    """One problem for a profile given as a posting (or the other way round), instead of an
    unknown-key error for every key."""
    wanted = _MODELS.get(model)
    found = kind_by_keys(document.data)
    if wanted is None or found is None or found is wanted or not isinstance(document.data, dict):
        return None
    present = [key for key in _ONLY[found] if key in document.data]
    shown = ", ".join(f"'{key}'" for key in present[:3])
    message = f"this file is a {found}, not a {wanted} (it has {shown})"
    return error(document.path, 1, 1, WRONG_KIND, message)


def model_of(kind: FileKind) -> type[Profile] | type[Posting]:
    """The model class that validates files of ``kind``."""
    return Profile if kind is FileKind.PROFILE else Posting


def posting_context(catalog: Catalog | None) -> dict[str, Any]:
    """What posting validation needs to know: the category names a requirement may use."""
    from fitscore.skills.catalog import builtin_catalog

    return {"categories": frozenset((catalog or builtin_catalog()).categories)}


def to_model(
    document: Document, model: type[ModelT], context: Mapping[str, Any] | None = None
) -> tuple[ModelT | None, list[Problem]]:
    """Validate a parsed document against ``model``; all problems at once, never raising."""
    problems = list(document.problems)
    if document.data is None and problems:
        return None, problems
    if not isinstance(document.data, dict):
        shape = "a list" if isinstance(document.data, list) else "a single value"
        if document.data is None:
            message = "the file holds no keys (only comments or null)"
            code = "empty"
        else:
            message = f"the top level must be a mapping of keys (like 'name:'), not {shape}"
            code = "not-a-mapping"
        line, column = document.position(())
        return None, [*problems, error(document.path, line, column, code, message)]
    wrong = _wrong_kind(document, model)
    if wrong is not None:
        return None, [*problems, wrong]
    try:
        instance = model.model_validate(document.data, context=dict(context or {}))
    except ValidationError as exc:
        reported = {(p.line, p.column) for p in problems}
        for detail in _without_echoes(exc.errors(include_url=False)):
            problem = _problem(document, model, detail)
            if (problem.line, problem.column) not in reported:
                problems.append(problem)
        return None, sorted(problems, key=lambda p: (p.line, p.column, p.code, p.message))
    if problems:
        return None, problems
    return instance, []


def load(
    path: str,
    model: type[ModelT],
    *,
    limits: Limits = DEFAULT_LIMITS,
    context: Mapping[str, Any] | None = None,
    document: Document | None = None,
    stdin: BinaryIO | None = None,
) -> ModelT:
    """Read and validate one file, raising :class:`InputError` with every problem found."""
    parsed = document if document is not None else read_document(path, limits, stdin)
    instance, problems = to_model(parsed, model, context)
    if instance is None:
        raise InputError(problems)
    return instance


def load_profile(
    path: str, limits: Limits = DEFAULT_LIMITS, stdin: BinaryIO | None = None
) -> Profile:
    """A profile file (``-`` is ``stdin`` when one is given)."""
    return load(path, Profile, limits=limits, stdin=stdin)


def load_posting(
    path: str,
    catalog: Catalog | None = None,
    limits: Limits = DEFAULT_LIMITS,
    stdin: BinaryIO | None = None,
) -> Posting:
    """A posting file; its categories are checked against ``catalog`` (default: built-in)."""
    return load(path, Posting, limits=limits, context=posting_context(catalog), stdin=stdin)


def load_weights(path: str, limits: Limits = DEFAULT_LIMITS) -> Weights:
    """A YAML file of component weights; one that weighs every component 0 is refused."""
    from fitscore.rules import scoring_rules
    from fitscore.scoring.weights import weightless_problem

    weights = load(path, Weights, limits=limits)
    problem = weightless_problem(scoring_rules().weights, weights, path)
    if problem is not None:
        raise InputError([problem])
    return weights


def loads_profile(text: str, name: str = TEXT_NAME, limits: Limits = DEFAULT_LIMITS) -> Profile:
    """A profile from YAML text; problems are located in ``name``."""
    return load(name, Profile, document=parse_text(text, name, limits))


def loads_posting(
    text: str,
    name: str = TEXT_NAME,
    catalog: Catalog | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Posting:
    """A posting from YAML text; problems are located in ``name``."""
    document = parse_text(text, name, limits)
    return load(name, Posting, context=posting_context(catalog), document=document)


def load_pair(
    profile_path: str,
    posting_path: str,
    catalog: Catalog | None = None,
    limits: Limits = DEFAULT_LIMITS,
    stdin: BinaryIO | None = None,
) -> tuple[Profile, Posting]:
    """Both files, reporting the problems of both when both are broken."""
    problems: list[Problem] = []
    profile = posting = None
    try:
        profile = load_profile(profile_path, limits, stdin)
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        posting = load_posting(posting_path, catalog, limits, stdin)
    except InputError as exc:
        problems.extend(exc.problems)
    if problems or profile is None or posting is None:
        raise InputError(problems)
    return profile, posting


def load_json(path: str, limits: Limits = DEFAULT_LIMITS, stdin: BinaryIO | None = None) -> object:
    """A JSON document from a file (or ``stdin``); every problem (a syntax error, a duplicate
    key, nesting past the limit) names its line and column (see :mod:`fitscore.jsonsource`)."""
    from fitscore.jsonsource import parse_json
    from fitscore.textcodec import decode

    raw, name = read_source(path, limits, stdin)
    decoded = decode(raw, name)
    if decoded.note is not None:  # JSON is UTF-8, or UTF-16/32 with a byte-order mark
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise InputError([error(name, line, 1, "encoding", "invalid UTF-8")]) from exc
    return parse_json(decoded.text.removeprefix("\ufeff"), name, limits)


def _without_echoes(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop "missing key 'degree'" when the same mapping has an unknown key 'degre' for it."""
    unknown: dict[Path, list[str]] = {}
    for detail in details:
        if detail["type"] == "extra_forbidden":
            unknown.setdefault(tuple(detail["loc"][:-1]), []).append(str(detail["loc"][-1]))
    kept = []
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "missing" and get_close_matches(
            str(loc[-1]), unknown.get(loc[:-1], []), n=1, cutoff=0.6
        ):
            continue
        kept.append(detail)
    return kept


def _problem(document: Document, model: type[BaseModel], detail: ErrorDetails) -> Problem:
    loc: Path = tuple(detail["loc"])
    kind = detail["type"]
    where = _dotted(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        line, column = document.position(loc, prefer_key=True)
        known = sorted(_fields_at(model, loc[:-1]))
        close = get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else f"; known keys: {', '.join(known)}"
        parent = _dotted(loc[:-1])
        scope = f" in {parent}" if parent else ""
        return error(
            document.path, line, column, "unknown-key", f"unknown key '{key}'{scope}{hint}"
        )
    if kind == "missing":
        line, column = document.position(loc, prefer_key=True)
        parent = _dotted(loc[:-1])
        scope = f" in {parent}" if parent else ""
        message = f"missing required key '{loc[-1]}'{scope}"
        return error(document.path, line, column, "missing-key", message)
    line, column = document.position(loc)
    message = error_message(detail)
    code = "invalid-date" if kind in ("date", "date_order") else "invalid-value"
    if kind == "unknown_category":
        code = "unknown-category"
    return error(document.path, line, column, code, f"{where}: {message}" if where else message)


def error_message(detail: ErrorDetails) -> str:
    """A validation error in the words of a file's author ("is longer than 200 characters")."""
    kind = detail["type"]
    context = detail.get("ctx") or {}
    given = detail.get("input")
    if kind == "literal_error":
        return f"must be one of {context.get('expected')}, not {_show(given)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is longer than {context.get('max_length')} characters"
    if kind == "too_short":
        return "must list at least one item"
    if kind == "too_long":
        return f"lists more than {context.get('max_length')} items"
    if kind in ("greater_than_equal", "greater_than"):
        bound = context.get("ge", context.get("gt"))
        word = "at least" if kind == "greater_than_equal" else "more than"
        return f"must be {word} {_number(bound)}, not {_plain(given)}"
    if kind in ("less_than_equal", "less_than"):
        bound = context.get("le", context.get("lt"))
        word = "at most" if kind == "less_than_equal" else "less than"
        return f"must be {word} {_number(bound)}, not {_plain(given)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of keys, got {_describe(given)}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list (one '- item' a line), got {_describe(given)}"
    if kind == "string_type":
        return f'expected text, got {_describe(given)} (quote it: "...")'
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {_show(given)}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, got {_show(given)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_show(given)}"
    return str(detail["msg"])


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _plain(value: Any) -> str:
    """A number as written in the file (the YAML layer keeps scalars as text)."""
    return value if isinstance(value, str) and len(value) <= 60 else _show(value)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, int | float):
        return f"the number {value}"
    return _show(value)


def _dotted(loc: Path) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _fields_at(model: type[BaseModel], loc: Path) -> set[str]:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return set()
        if isinstance(part, int):
            continue
        field = current.model_fields.get(str(part))
        current = _model_in(field.annotation) if field is not None else None
    return set(current.model_fields) if current is not None else set()


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None
