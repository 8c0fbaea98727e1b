"""``fitscore validate``: check profile and posting files, every file, every problem."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from fitscore.diagnostics import Problem, error, warning
from fitscore.kinds import Kind
from fitscore.loading import model_of, to_model
from fitscore.models import Posting, Profile
from fitscore.skills.catalog import Catalog
from fitscore.skills.matcher import Resolver
from fitscore.skills.normalize import key
from fitscore.yamlsource import DEFAULT_LIMITS, Document, Limits, read_document

YAML_SUFFIXES = (".yaml", ".yml")
MISSING_PATH = "missing-path"
_FOLDER_KINDS = {"profiles": Kind.PROFILE, "postings": Kind.POSTING}
_POSTING_KEYS = frozenset({"title", "company", "required", "preferred"})
_PROFILE_KEYS = frozenset({"name", "education", "skills", "experience", "publications"})


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    kind: Kind | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> int:
        return sum(problem.is_error for problem in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of one ``validate`` run: one result per file, in path order."""

    results: tuple[FileResult, ...]
    strict: bool = False

    @property
    def errors(self) -> int:
        return sum(result.errors for result in self.results)

    @property
    def warnings(self) -> int:
        return sum(result.warnings for result in self.results)

    @property
    def invalid(self) -> int:
        return sum(1 for result in self.results if not self.file_passed(result))

    def file_passed(self, result: FileResult) -> bool:
        return result.errors == 0 and not (self.strict and result.warnings)

    @property
    def passed(self) -> bool:
        return self.invalid == 0 and bool(self.results)

    def summary(self) -> str:
        files = len(self.results)
        return (
            f"checked {_count(files, 'file')}: {files - self.invalid} valid, {self.invalid} "
            f"invalid ({_count(self.errors, 'error')}, {_count(self.warnings, 'warning')})"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def discover(paths: Iterable[str]) -> Iterator[tuple[str, Problem | None]]:
    """Files named, and ``*.yaml``/``*.yml`` files under folders named, in sorted order."""
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, folders, files in os.walk(path, onerror=None, followlinks=False):
                folders[:] = sorted(name for name in folders if not name.startswith("."))
                found.extend(
                    os.path.join(root, name)
                    for name in files
                    if name.endswith(YAML_SUFFIXES) and not name.startswith(".")
                )
            yield from ((item, _odd_entry(item)) for item in sorted(found))
        elif os.path.exists(path) or os.path.islink(path):
            yield path, None
        else:
            yield path, error(path, 0, 0, MISSING_PATH, "no such file or folder")


def _odd_entry(path: str) -> Problem | None:
    """A folder entry that is not a regular file (a pipe would block, a socket cannot be read,
    a symbolic-link loop has no end) is reported instead of read."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return error(path, 0, 0, "unreadable", f"cannot read: {exc.strerror or exc}")
    if stat.S_ISREG(mode):
        return None
    return error(path, 0, 0, "unreadable", "not a regular file (a pipe, socket or device)")


def detect_kind(path: str, data: object) -> Kind | None:
    """The kind a file holds: by its nearest ``profiles``/``postings`` folder, else its keys."""
    for parent in Path(path).parents:
        kind = _FOLDER_KINDS.get(parent.name)
        if kind is not None:
            return kind
    if isinstance(data, dict):
        keys = set(data)
        if keys & _POSTING_KEYS and not keys & (_PROFILE_KEYS - {"publications"}):
            return Kind.POSTING
        if keys & _PROFILE_KEYS:
            return Kind.PROFILE
    return None


def check_document(
    document: Document, kind: Kind | None, catalog: Catalog, resolver: Resolver
) -> FileResult:
    """All problems of one parsed file: YAML, model, and helpful warnings."""
    chosen = kind or detect_kind(document.path, document.data)
    if chosen is None:
        if not document.ok:
            return FileResult(document.path, None, document.problems)
        problem = error(
            document.path,
            1,
            1,
            "unknown-kind",
            "cannot tell whether this is a profile or a posting; use --kind",
        )
        return FileResult(document.path, None, (problem,))
    context = {"categories": frozenset(catalog.categories)}
    model, problems = to_model(document, model_of(chosen), context)
    if isinstance(model, Profile):
        problems.extend(_profile_warnings(document, model, resolver))
    elif isinstance(model, Posting):
        problems.extend(_posting_warnings(document, model, resolver))
    ordered = sorted(problems, key=lambda p: (p.line, p.column, p.severity, p.code, p.message))
    return FileResult(document.path, chosen, tuple(ordered))


def validate_paths(
    paths: Sequence[str],
    catalog: Catalog,
    *,
    kind: Kind | None = None,
    limits: Limits = DEFAULT_LIMITS,
    strict: bool = False,
) -> ValidationReport:
    """Check every file under ``paths``; one broken file never hides the others."""
    resolver = Resolver(catalog)
    results = []
    for path, problem in discover(paths):
        if problem is not None:
            results.append(FileResult(path, kind, (problem,)))
            continue
        results.append(check_document(read_document(path, limits), kind, catalog, resolver))
    return ValidationReport(tuple(results), strict)


def _profile_warnings(document: Document, profile: Profile, resolver: Resolver) -> list[Problem]:
    found: list[Problem] = []
    raw = document.data if isinstance(document.data, dict) else {}
    if "skills" in raw and not profile.skills:
        line, column = document.position(("skills",), prefer_key=True)
        found.append(
            warning(document.path, line, column, "empty-skills", "the skills list is empty")
        )
    seen: dict[str, int] = {}
    for index, skill in enumerate(profile.skills):
        line, column = document.position(("skills", index))
        resolution = resolver.resolve(skill.name)
        identity = resolution.skill or key(skill.name)
        if identity in seen:
            first = profile.skills[seen[identity]].name
            same = "" if first == skill.name else f" (as '{first}')"
            message = (
                f"'{skill.name}' is listed twice{same}; the first is at skills[{seen[identity]}]"
            )
            found.append(warning(document.path, line, column, "duplicate-skill", message))
            continue
        seen[identity] = index
        found.extend(_skill_warnings(document.path, line, column, skill.name, resolver))
    for job_index, job in enumerate(profile.experience):
        for index, skill in enumerate(job.skills):
            line, column = document.position(("experience", job_index, "skills", index))
            found.extend(_skill_warnings(document.path, line, column, skill.name, resolver))
    for project_index, project in enumerate(profile.projects):
        for index, skill in enumerate(project.skills):
            line, column = document.position(("projects", project_index, "skills", index))
            found.extend(_skill_warnings(document.path, line, column, skill.name, resolver))
    return found


def _posting_warnings(document: Document, posting: Posting, resolver: Resolver) -> list[Problem]:
    found: list[Problem] = []
    for section in ("required", "preferred"):
        for index, item in enumerate(getattr(posting, section)):
            terms: list[tuple[tuple[str | int, ...], str]] = []
            if item.skill is not None:
                terms.append(((section, index), item.skill))
            for number, member in enumerate(item.any_of or ()):
                terms.append(((section, index, "any_of", number), member))
            for path, term in terms:
                resolution = resolver.resolve(term)
                if resolution.typo:
                    line, column = document.position(path)
                    message = f"'{term}' looks like a misspelling of {resolution.skill}"
                    found.append(warning(document.path, line, column, "misspelled-skill", message))
    return found


def _skill_warnings(
    path: str, line: int, column: int, name: str, resolver: Resolver
) -> list[Problem]:
    resolution = resolver.resolve(name)
    if resolution.skill is not None and not resolution.typo:
        return []
    if resolution.typo:
        message = f"'{name}' is not a known skill; did you mean {resolution.skill}?"
        return [warning(path, line, column, "misspelled-skill", message)]
    message = (
        f"'{name}' is not in the skill catalogue; it matches only postings that spell it "
        "the same way (add it with --catalog)"
    )
    return [warning(path, line, column, "unknown-skill", message)]
