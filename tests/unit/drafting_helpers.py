"""Reading drafts back in tests."""

from __future__ import annotations

from typing import Any

import yaml


def items_of(text: str, section: str) -> list[Any]:
    data = yaml.safe_load(text)
    found: list[Any] = data.get(section) or []
    return found
