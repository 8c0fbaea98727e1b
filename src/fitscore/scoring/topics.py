"""What a paper is about: skills named in its title and the areas of its venue."""

from __future__ import annotations

from collections.abc import Sequence

from fitscore.memo import Memo
from fitscore.rules import VenueRules, venue_rules
from fitscore.skills.matcher import Resolver, spot
from fitscore.skills.normalize import words
from fitscore.skills.venues import VenueFinder


class Topics:
    """Decides whether a paper is on a posting's themes; remembers each paper it has seen."""

    def __init__(self, resolver: Resolver, venues: VenueRules | None = None) -> None:
        self.resolver = resolver
        self.catalog = resolver.catalog
        rules = venues if venues is not None else venue_rules()
        self._venues = VenueFinder(rules.venues)
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
        # A sibling of a theme in the catalogue's families is on it too.
        theme_families = {self.catalog.family_of(theme) for theme in themes} - {None}
        if any(self.catalog.family_of(skill) in theme_families for skill in shown):
            return True
        return any(set(words(phrase)) <= title_words for phrase in phrases if words(phrase))

    def _paper(self, title: str, venue: str | None) -> tuple[frozenset[str], frozenset[str]]:
        shown = {skill for _, skill in spot(self.catalog, title)}
        if venue:
            # The venue's areas, and skills its name says ("Clinical NLP Workshop").
            areas = self._venues.areas(venue)
            shown |= {s for s in (self.resolver.resolve(area).skill for area in areas) if s}
            shown |= {skill for _, skill in spot(self.catalog, venue)}
        for skill in list(shown):
            shown |= self.catalog.closure.get(skill, frozenset())
        return frozenset(shown), frozenset(words(title))
