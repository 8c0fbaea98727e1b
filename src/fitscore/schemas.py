"""JSON Schemas of the file kinds, generated from the models (for editors and other tools)."""

from __future__ import annotations

from typing import Any

from fitscore.loading import model_of
from fitscore.vocabulary import FileKind


def json_schema(kind: FileKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a profile or posting file."""
    schema = model_of(kind).model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
