"""Component weights: defaults, overrides, and apportioning them to exactly 100 points."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from fitscore.diagnostics import Problem, error
from fitscore.models import Weights
from fitscore.vocabulary import Component


def effective_weights(
    defaults: Weights,
    posting: Weights,
    user: Weights | None,
    applies: Iterable[Component],
) -> dict[Component, float]:
    """The weights of the components a posting asks for, summing to 100.

    Later overrides win: the defaults, then the posting's ``weights``, then the user's file.
    Components the posting does not ask for give their weight to the others in proportion.
    """
    merged = defaults.given()
    merged.update(posting.given())
    if user is not None:
        merged.update(user.given())
    return apportion({name: float(merged.get(name.value, 0.0)) for name in applies})


WEIGHTLESS = "weightless"


def weightless_problem(defaults: Weights, user: Weights, path: str) -> Problem | None:
    """The problem of a weights file that, over the defaults, gives every component 0.

    Such a file is a mistake, not a preference: every posting would score 0.0 whatever the
    profile, and a report could only say that nothing was scored. It is refused, naming the
    file (the caller raises it), rather than explained once per posting.
    """
    merged = defaults.given()
    merged.update(user.given())
    if sum(merged.get(name.value, 0.0) for name in Component) > 0:
        return None
    message = (
        "every component weighs 0 here, so no posting could earn a single point; "
        "give at least one component a weight above 0"
    )
    return error(path, 1, 1, WEIGHTLESS, message)


def apportion(weights: Mapping[Component, float]) -> dict[Component, float]:
    """Scale weights to sum to exactly 100.0 in tenths (largest remainder), keeping order.

    All weights zero gives no weights at all: nothing can be scored.
    """
    total = sum(weights.values())
    if total <= 0:
        return {}
    exact = {name: value * 1000 / total for name, value in weights.items()}
    tenths = {name: math.floor(value) for name, value in exact.items()}
    remainder = 1000 - sum(tenths.values())
    for name in sorted(exact, key=lambda n: (-(exact[n] - tenths[n]), n.value))[:remainder]:
        tenths[name] += 1
    return {name: tenths[name] / 10 for name in weights}
