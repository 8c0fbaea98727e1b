"""Scoring rules, degree fields and venues: data files shipped in the package, validated."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import Field

from fitscore.errors import InputError
from fitscore.loading import to_model
from fitscore.models import Name, StrictModel, Weights
from fitscore.yamlsource import parse_bytes

ModelT = TypeVar("ModelT", bound=StrictModel)
Fraction = Annotated[float, Field(ge=0, le=1)]


class Band(StrictModel):
    name: Name
    min: float = Field(ge=0, le=100)


class DegreeRules(StrictModel):
    level_steps_below: tuple[Fraction, ...] = Field(min_length=1)
    in_progress_for_completed: Fraction
    field_exact: Fraction
    field_related: Fraction
    field_related_not_ok: Fraction
    field_unrelated: Fraction


class PublicationRules(StrictModel):
    base_value: float = Field(gt=0)
    on_theme_bonus: float = Field(ge=0)
    off_theme_value: float = Field(ge=0)
    half_credit_at: float = Field(gt=0)


class BigDataRules(StrictModel):
    categories: tuple[Name, ...] = Field(min_length=1)
    saturation: float = Field(gt=0)
    text_only_value: Fraction
    hands_on_years: float = Field(ge=0)
    without_hands_on: Fraction


class ScoringRules(StrictModel):
    weights: Weights
    partial_credit: Fraction
    bands: tuple[Band, ...] = Field(min_length=1)
    degree: DegreeRules
    publications: PublicationRules
    big_data: BigDataRules

    def band(self, score: float) -> str:
        for band in sorted(self.bands, key=lambda item: -item.min):
            if score >= band.min:
                return band.name
        return self.bands[-1].name


class FieldRules(StrictModel):
    aliases: dict[Name, Name] = {}
    groups: dict[Name, tuple[Name, ...]] = {}
    degree_words: tuple[Name, ...] = ()
    separators: tuple[Name, ...] = ()


class VenueRules(StrictModel):
    venues: dict[Name, tuple[Name, ...]] = {}


def packaged(name: str, model: type[ModelT]) -> ModelT:
    raw = (Path(__file__).parent / "data" / name).read_bytes()
    instance, problems = to_model(parse_bytes(raw, f"fitscore/data/{name}"), model)
    if instance is None:
        raise InputError(problems)
    return instance


@cache
def scoring_rules() -> ScoringRules:
    return packaged("scoring.yaml", ScoringRules)


@cache
def field_rules() -> FieldRules:
    return packaged("fields.yaml", FieldRules)


@cache
def venue_rules() -> VenueRules:
    return packaged("venues.yaml", VenueRules)


def starter(kind: str) -> str:
    """The commented starter file of ``fitscore init`` (data/starter-KIND.yaml)."""
    return (Path(__file__).parent / "data" / f"starter-{kind}.yaml").read_text(encoding="utf-8")
