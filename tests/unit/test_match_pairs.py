"""The labelled pair set: the matcher against near-miss traps, compared with plain WRatio."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rapidfuzz import fuzz

from fitscore.models import Profile
from fitscore.skills.matcher import Matcher
from fitscore.vocabulary import Status

PAIRS_FILE = Path(__file__).resolve().parent.parent / "data" / "match_pairs.yaml"
PAIRS: list[dict[str, Any]] = yaml.safe_load(PAIRS_FILE.read_text(encoding="utf-8"))["pairs"]
MATCHER = Matcher()


def decide(posting: str, profile: str) -> Status:
    evidence = MATCHER.evidence(Profile.model_validate({"name": "t", "skills": [profile]}))
    return evidence.match(posting).status


def test_the_set_is_large_and_half_traps() -> None:
    assert len(PAIRS) >= 600
    assert sum(1 for pair in PAIRS if pair.get("trap")) >= len(PAIRS) // 2 - 30


@pytest.mark.parametrize(
    "pair", [p for p in PAIRS if p.get("trap")], ids=lambda p: f"{p['posting']}|{p['profile']}"
)
def test_every_trap_gets_its_label(pair: dict[str, Any]) -> None:
    # Every case asserts its own label: met, partial and missing alike.
    assert decide(pair["posting"], pair["profile"]).value == pair["expect"]


def test_precision_and_recall_beat_plain_wratio(capsys: pytest.CaptureFixture[str]) -> None:
    ours = {"tp": 0, "fp": 0, "fn": 0}
    naive = {"tp": 0, "fp": 0, "fn": 0}
    exact = 0
    wrong: list[str] = []
    for pair in PAIRS:
        truth = pair["expect"] == "met"
        status = decide(pair["posting"], pair["profile"])
        exact += status.value == pair["expect"]
        if status.value != pair["expect"]:
            wrong.append(
                f"{pair['posting']} | {pair['profile']}: {status.value} != {pair['expect']}"
            )
        said = status is Status.MET
        plain = fuzz.WRatio(pair["posting"].lower(), pair["profile"].lower()) >= 85
        for tally, guess in ((ours, said), (naive, plain)):
            if guess and truth:
                tally["tp"] += 1
            elif guess:
                tally["fp"] += 1
            elif truth:
                tally["fn"] += 1

    def figures(tally: dict[str, int]) -> tuple[float, float]:
        precision = tally["tp"] / max(1, tally["tp"] + tally["fp"])
        recall = tally["tp"] / max(1, tally["tp"] + tally["fn"])
        return precision, recall

    precision, recall = figures(ours)
    naive_precision, naive_recall = figures(naive)
    with capsys.disabled():
        print(
            f"\nmatch pairs: {len(PAIRS)}; fitscore precision {precision:.3f} recall {recall:.3f}"
            f" (3-way agreement {exact / len(PAIRS):.3f}); WRatio>=85 precision "
            f"{naive_precision:.3f} recall {naive_recall:.3f}"
        )
        for line in wrong:
            print("  disagree:", line)
    assert ours["fp"] == 0
    assert precision > naive_precision
    assert (precision, recall) == (1.0, 1.0), wrong
