"""Dates as people write them on résumés, read to the year-month a profile keeps.

JSON Resume asks for "YYYY", "YYYY-MM" or "YYYY-MM-DD", but real documents also say "May 2021",
"Sept '24", "'19", "Summer 2019", "05/2021", "Expected June 2027" and put a whole span in one
field ("May 2021 - Present"). The words (months, seasons, ongoing markers) live in
``data/resume_dates.yaml``.

A date with no month is read as the widest span: January when it starts something, December
when it ends something; a season is read the same way over its months. A two-digit year is in
this century unless that would put it more than ``FUTURE_YEARS`` after today.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import cache

from fitscore.models import StrictModel
from fitscore.rules import packaged

FUTURE_YEARS = 10
# No written date or span is longer ("Expected graduation: Summer semester 2027 - Present"); a
# longer text is not one, and is not searched for one (which keeps every pass here linear).
MAX_DATE_CHARS = 100


class DateWords(StrictModel):
    """The words of ``data/resume_dates.yaml``."""

    months: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    ongoing: tuple[str, ...]
    span_words: tuple[str, ...]
    ignored: tuple[str, ...]


@cache
def date_words() -> DateWords:
    return packaged("resume_dates.yaml", DateWords)


@dataclass(frozen=True)
class ResumeDate:
    year_month: str  # "YYYY-MM", the precision of a profile
    last_day: datetime.date  # the latest day the written date can mean


_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?)?)?")
_MONTH_FIRST = re.compile(r"(\d{1,2})[-/.](\d{4}|'?\d{2})")
_YEAR = re.compile(r"(?:(\d{4})|['\u2019\u2018](\d{2}))")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _span_pattern() -> re.Pattern[str]:
    """A span in one field: "May 2021 - Present", "2019 to 2021", "Jan 2020 – Mar 2022"."""
    words = sorted(date_words().span_words, key=len, reverse=True)
    joiners = "|".join(re.escape(word) for word in words)
    return re.compile(
        rf"\s+(?:-|–|—|{joiners})\s+|\s*[–—]\s*|(?<=\d{{4}})-(?=\d{{4}}\b|[^\W\d_])",
        re.IGNORECASE,
    )


def split_span(text: str) -> tuple[str, str] | None:
    """The two ends of "START - END" written in one field, or None if it is one date."""
    text = " ".join(text.split())
    if len(text) > MAX_DATE_CHARS:
        return None
    parts = _span_pattern().split(text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip(), parts[1].strip()
    return None


def is_ongoing(value: object) -> bool:
    """ "Present", "Current", "Now": not a date, the span goes on."""
    if not isinstance(value, str):
        return False
    return " ".join(value.casefold().split()) in date_words().ongoing


def parse_date(value: object, *, is_end: bool, today: datetime.date) -> ResumeDate | None:
    """Read one written date (see the module docstring); None if it is not one."""
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)  # a bare year written as a JSON number
    elif isinstance(value, str):
        text = value.strip()
    else:
        return None
    if len(text) > MAX_DATE_CHARS:
        return None
    iso = _ISO.fullmatch(text)
    if iso is not None:
        year_text, month_text, day_text = iso.groups()
        return _build(int(year_text), month_text and int(month_text), day_text, is_end=is_end)
    month_first = _MONTH_FIRST.fullmatch(text)
    if month_first is not None:
        year = _year(month_first.group(2).lstrip("'"), today)
        return _build(year, int(month_first.group(1)), None, is_end=is_end)
    return _parse_words(text, is_end=is_end, today=today)


def _parse_words(text: str, *, is_end: bool, today: datetime.date) -> ResumeDate | None:
    """ "May 2021", "Sept '24", "Summer 2019", "5 May 2021", "Expected June 2027", "'19"."""
    words = date_words()
    folded = text.casefold().replace(",", " ")
    years = _YEAR.findall(folded)
    if len(years) != 1:
        return None
    four, two = years[0]
    year = int(four) if four else _year(two, today)
    month: int | None = None
    for word in _WORD.findall(folded):
        word = word.rstrip(".")
        if word in words.ignored:
            continue
        if word in words.months and month is None:
            month = words.months[word]
        elif word in words.seasons and month is None:
            first, last = words.seasons[word]
            month = last if is_end else first
        else:
            return None  # a word that is no part of a date: "Fall semester project"
    rest = _WORD.sub(" ", _YEAR.sub(" ", folded))
    # Only a day of the month may be left: "5 May 2021", "May 5 2021".
    numbers = re.findall(r"\d+", rest)
    if len(numbers) > 1 or (numbers and (month is None or not 1 <= int(numbers[0]) <= 31)):
        return None
    return _build(year, month, None, is_end=is_end)


def _year(two_digits: str, today: datetime.date) -> int:
    value = int(two_digits)
    if len(two_digits) == 4:
        return value
    year = today.year // 100 * 100 + value
    return year - 100 if year > today.year + FUTURE_YEARS else year


def _build(
    year: int, month: int | None | str, day_text: str | None, *, is_end: bool
) -> ResumeDate | None:
    month_number = int(month) if month else (12 if is_end else 1)
    if year < datetime.MINYEAR or not 1 <= month_number <= 12:
        return None
    days_in_month = calendar.monthrange(year, month_number)[1]
    day = int(day_text) if day_text else days_in_month
    if not 1 <= day <= days_in_month:
        return None
    return ResumeDate(f"{year:04d}-{month_number:02d}", datetime.date(year, month_number, day))
