"""The kinds of file fitscore reads (kept light: the command line imports it at start-up)."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    PROFILE = "profile"
    POSTING = "posting"
