"""Output formats: each is a pure function from a report to text; these enums drive ``--format``.

The enums live here, apart from the formatters, so the command line can offer the choices
without importing every formatter.
"""

from __future__ import annotations

from enum import StrEnum


class ValidateFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class ScoreFormat(StrEnum):
    TABLE = "table"
    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"


class RankFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
