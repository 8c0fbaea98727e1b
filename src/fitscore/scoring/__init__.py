"""Scoring: a profile and a posting in, a :class:`~fitscore.reports.ScoreReport` out.

- ``engine``: the :class:`Scorer`, which decides every item of a posting and weighs the parts;
- ``components``: one pure function per component (skills, degree, publications, big data);
- ``weights``: defaults, overrides and apportioning to 100 points;
- ``advice``: every sentence of a report a user reads;
- ``fields`` and ``topics``: degree fields and what papers are about;
- ``memo``: the one memoisation mechanism.

Every number comes from ``data/scoring.yaml``; README "How the score works" states each rule.
"""

from __future__ import annotations

from fitscore.scoring.engine import Scorer, score

__all__ = ["Scorer", "score"]
