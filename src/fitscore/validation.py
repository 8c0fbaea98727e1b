"""``fitscore validate``: check profile and posting files, every file, every problem."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fitscore.diagnostics import Problem, error, warning
from fitscore.loading import kind_by_keys, model_of, to_model
from fitscore.models import Posting, Profile
from fitscore.reports import FileResult, ValidationReport
from fitscore.skills.catalog import Catalog, builtin_catalog
from fitscore.skills.matcher import Resolver
from fitscore.skills.normalize import key
from fitscore.sources import DEFAULT_LIMITS, Limits, discover
from fitscore.vocabulary import FileKind
from fitscore.yamlsource import Document, read_document

_FOLDER_KINDS = {"profiles": FileKind.PROFILE, "postings": FileKind.POSTING}
UNKNOWN_KIND = "unknown-kind"
UNKNOWN_SKILL = "unknown-skill"


def detect_kind(path: str, data: object) -> FileKind | None:
    """The kind a file holds: by its nearest ``profiles``/``postings`` folder, else its keys."""
    for parent in Path(path).parents:
        kind = _FOLDER_KINDS.get(parent.name)
        if kind is not None:
            return kind
    return kind_by_keys(data)


def check_document(
    document: Document, kind: FileKind | None, catalog: Catalog, resolver: Resolver
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
            UNKNOWN_KIND,
            "cannot tell whether this is a profile or a posting",
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


def validate(
    paths: Sequence[str],
    catalog: Catalog | None = None,
    *,
    kind: FileKind | None = None,
    limits: Limits = DEFAULT_LIMITS,
    strict: bool = False,
) -> ValidationReport:
    """Check every file under ``paths``; one broken file never hides the others."""
    catalog = catalog if catalog is not None else builtin_catalog()
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
        "the same way"
    )
    return [warning(path, line, column, UNKNOWN_SKILL, message)]
