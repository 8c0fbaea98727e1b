"""`fitscore parse` over raw postings of many styles, against hand-written expected postings.

Prints skill precision and recall over the whole corpus (skills of required and preferred
items, any-of members and category examples, compared as catalogue skills).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from fitscore.skills.catalog import builtin_catalog
from fitscore.skills.matcher import Resolver
from tests.conftest import ROOT, run

CORPUS = ROOT / "tests" / "examples" / "parse"
CASES = sorted(
    path
    for path in CORPUS.iterdir()
    if path.suffix in (".txt", ".html", ".md")
    and path.with_name(f"{path.stem}.expected.yaml").exists()
)
RESOLVER = Resolver(builtin_catalog())


def skills_of(posting: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for item in [*(posting.get("required") or []), *(posting.get("preferred") or [])]:
        if isinstance(item, str):
            terms = [item]
        elif "any_of" in item:
            terms = item["any_of"]
        else:
            terms = item.get("examples", [])
        for term in terms:
            found.add(RESOLVER.resolve(term).skill or term.casefold())
    return found


def parsed(case: Path) -> dict[str, Any]:
    result = run("parse", str(case))
    assert result.exit_code in (0, 1), result.stderr
    data: dict[str, Any] = yaml.safe_load(result.stdout)
    return data


def expected(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        case.with_name(f"{case.stem}.expected.yaml").read_text(encoding="utf-8")
    )
    return data


def test_the_corpus_has_at_least_ten_styles() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_each_draft_validates_and_keeps_title_degree_and_flags(case: Path, tmp_path: Path) -> None:
    want = expected(case)
    draft = tmp_path / "postings" / f"{case.stem}.yaml"
    draft.parent.mkdir()
    has_requirements = bool(want.get("required") or want.get("preferred") or want.get("degree"))
    assert run("parse", str(case), "-o", str(draft)).exit_code == (0 if has_requirements else 1)
    assert run("validate", str(draft)).exit_code == 0
    got = parsed(case)
    if not case.name.startswith("rw-"):  # real-world titles and companies: printed, not pinned
        assert got["title"] == want["title"]
        assert got.get("company") == want.get("company")
    assert (got.get("degree") or {}).get("level") == (want.get("degree") or {}).get("level")
    assert bool(got.get("publications", "none") != "none") == bool(
        want.get("publications", "none") != "none"
    )


def test_skill_precision_and_recall_over_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    true_positive = false_positive = false_negative = 0
    lines = []
    for case in CASES:
        got, want = skills_of(parsed(case)), skills_of(expected(case))
        true_positive += len(got & want)
        false_positive += len(got - want)
        false_negative += len(want - got)
        lines.append(f"  {case.stem}: extra {sorted(got - want)} missed {sorted(want - got)}")
    precision = true_positive / max(1, true_positive + false_positive)
    recall = true_positive / max(1, true_positive + false_negative)
    with capsys.disabled():
        print(
            f"\nparse corpus: {len(CASES)} postings, skill precision {precision:.3f}, "
            f"recall {recall:.3f}"
        )
        print("\n".join(lines))
    assert precision >= 0.85
    assert recall >= 0.85


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_every_item_of_every_draft_has_its_source_comment(case: Path) -> None:
    lines = run("parse", str(case)).stdout.splitlines()
    section = None
    items = 0
    for index, line in enumerate(lines):
        if not line.startswith((" ", "#")):
            section = line.split(":", 1)[0]
        if section in ("required", "preferred") and line.startswith("  - "):
            items += 1
            assert lines[index - 1].startswith('  # "'), f"{case.name}: {line!r} has no source"
    want = expected(case)
    assert items >= len(want.get("required") or []) // 2
