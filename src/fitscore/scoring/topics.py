"""What a paper is about: skills named in its title and the areas of its venue."""

from __future__ import annotations

from collections.abc import Sequence

from fitscore.rules import VenueRules, venue_rules
from fitscore.scoring.memo import Memo
from fitscore.skills.matcher import Resolver, spot
from fitscore.skills.normalize import key, words


class Topics:
    """Decides whether a paper is on a posting's themes; remembers each paper it has seen."""

    def __init__(self, resolver: Resolver, venues: VenueRules | None = None) -> None:
        self.resolver = resolver
        self.catalog = resolver.catalog
        rules = venues if venues is not None else venue_rules()
        self._venue_areas = {key(name): areas for name, areas in rules.venues.items()}
        self._papers: Memo[tuple[str, str | None], tuple[frozenset[str], frozenset[str]]] = Memo()

    def theme_skills(self, themes: Sequence[str]) -> frozenset[str]:
        """The catalogue skills a posting's themes name."""
        resolved = {self.resolver.resolve(theme).skill for theme in themes}
        return frozenset(skill for skill in resolved if skill)

    def on_theme(
        self, title: str, venue: str | None, themes: frozenset[str], phrases: Sequence[str]
    ) -> bool:
        """A paper is on theme when it is about a theme's skill, or its title has every word
        of a theme phrase."""
        shown, title_words = self._papers((title, venue), lambda: self._paper(title, venue))
        if shown & themes:
            return True
        return any(set(words(phrase)) <= title_words for phrase in phrases if words(phrase))

    def _paper(self, title: str, venue: str | None) -> tuple[frozenset[str], frozenset[str]]:
        shown = {skill for _, skill in spot(self.catalog, title)}
        if venue:
            areas = self._venue_areas.get(key(venue), ())
            shown |= {s for s in (self.resolver.resolve(area).skill for area in areas) if s}
        for skill in list(shown):
            shown |= self.catalog.closure.get(skill, frozenset())
        return frozenset(shown), frozenset(words(title))
