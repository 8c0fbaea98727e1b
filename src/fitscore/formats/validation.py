"""Formats of a :class:`~fitscore.validation.ValidationReport`."""

from __future__ import annotations

import json
from collections.abc import Callable

from fitscore.diagnostics import Problem, printable
from fitscore.formats import ValidateFormat
from fitscore.reports import ValidationReport


def as_text(report: ValidationReport) -> str:
    """One ``path:line:col: severity: message [code]`` line per problem (gcc style)."""
    return "".join(
        f"{problem.location()}: {problem.severity}: {printable(problem.message)} [{problem.code}]\n"
        for result in report.results
        for problem in result.problems
    )


def as_github(report: ValidationReport) -> str:
    """GitHub Actions workflow commands, which annotate the pull request diff."""
    lines = []
    for result in report.results:
        for problem in result.problems:
            place = f"file={_escape_property(problem.path)}"
            if problem.line > 0:
                place += f",line={problem.line},col={problem.column}"
            title = f"title=fitscore {problem.code}"
            lines.append(f"::{problem.severity} {place},{title}::{_escape_data(problem.message)}\n")
    return "".join(lines)


def as_json(report: ValidationReport) -> str:
    document = {
        "valid": report.passed,
        "summary": {
            "files": len(report.results),
            "invalid": report.invalid,
            "errors": report.errors,
            "warnings": report.warnings,
        },
        "files": [
            {
                "path": result.path,
                "kind": result.kind.value if result.kind else None,
                "valid": report.file_passed(result),
                "problems": [_problem(problem) for problem in result.problems],
            }
            for result in report.results
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _problem(problem: Problem) -> dict[str, object]:
    return {
        "line": problem.line or None,
        "column": problem.column or None,
        "severity": problem.severity.value,
        "code": problem.code,
        "message": problem.message,
    }


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


FORMATTERS: dict[ValidateFormat, Callable[[ValidationReport], str]] = {
    ValidateFormat.TEXT: as_text,
    ValidateFormat.JSON: as_json,
    ValidateFormat.GITHUB: as_github,
}
