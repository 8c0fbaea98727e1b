"""HTML to blocks: headings, bold-only lines, list items and paragraphs; links keep their text
only, and scripts, styles, navigation and forms are not posting text. Read from lxml's parser
events (fast on megabyte pages, linear in the page whatever its nesting)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fitscore.drafting.blocks import Block

_SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "nav", "footer", "form", "head",
        "title", "button", "select", "option", "iframe", "object", "canvas", "math", "aside",
    }
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD = frozenset({"strong", "b"})
_ITEMS = frozenset({"li", "dt", "dd"})
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
        "wbr", "label", "img", "input",
    }
)  # fmt: skip
_BOLD_HEADING_WORDS = 12
_SITE_NAME = "og:site_name"


@dataclass(frozen=True, slots=True)
class Page:
    """What a page shows: its blocks, and the site's name from its ``og:site_name``."""

    blocks: list[Block]
    site_name: str | None = None


def read_page(html: str) -> Page:
    """The visible blocks of an HTML page or fragment, read in one pass over the parser's
    events: no tree is built and nothing recurses, so neither deep nesting (libxml2 stops
    building a tree at 256 levels) nor a quarter of a million unclosed tags slows it down."""
    import lxml.etree

    reader = _Reader()
    parser = lxml.etree.HTMLParser(
        target=reader, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    try:
        parser.feed(html.encode("utf-8", "replace"))
        parser.close()
    except (lxml.etree.LxmlError, ValueError):
        pass  # what was read so far stands; the parser recovers from anything else
    reader.flush()
    return Page(reader.out, reader.site_name)


def html_blocks(html: str) -> list[Block]:
    """The visible blocks of an HTML page or fragment."""
    return read_page(html).blocks


@dataclass(slots=True)
class _Element:
    """An open element: how it ends (what to restore, whether it ends a block)."""

    kind: str  # "skip", "heading", "inline", "block" or "void"
    bold: bool = False
    role: str = "text"  # the role of the text around the element, restored when it ends
    level: int = 0  # a heading's level


class _Reader:
    """An lxml parser target: blocks from start, end and data events, one stack of open
    elements, no recursion."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.line: list[tuple[str, bool]] = []  # inline text pieces and whether they are bold
        self.role = "text"
        self.open: list[_Element] = []
        self.skipping = 0  # open elements inside a skipped one (script, nav, ...)
        self.bold = 0  # open bold elements
        self.heading: list[str] | None = None  # the text of the heading being read
        self.heading_depth = 0  # open elements inside it
        self.site_name: str | None = None

    def start(self, tag: object, attributes: Mapping[str, str]) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        if name == "meta" and self.site_name is None:
            self._meta(attributes)  # in the head, which is skipped
        if self.skipping:
            self.skipping += 1
            return
        if self.heading is not None:
            self.heading_depth += 1  # a heading's text is all the visible text inside it
            self.skipping = 1 if name in _SKIP else 0
            return
        if not name or name in _SKIP:
            self.skipping = 1
        elif name == "br":
            self.flush()
            self.open.append(_Element("void"))
        elif name in _HEADINGS:
            self.flush()
            self.heading, self.heading_depth = [], 0
            self.open.append(_Element("heading", level=_HEADINGS[name]))
        elif name in _INLINE:
            self.open.append(_Element("inline", bold=name in _BOLD))
            self.bold += name in _BOLD
        else:
            self.flush()
            self.open.append(_Element("block", role=self.role))
            if name in _ITEMS:
                self.role = "item"

    def end(self, tag: object) -> None:
        if self.skipping:
            self.skipping -= 1
            if not self.skipping and self.heading is not None:
                self.heading_depth -= 1  # the skipped element inside a heading has ended
            return
        if self.heading is not None and self.heading_depth:
            self.heading_depth -= 1
            return
        if not self.open:
            return
        element = self.open.pop()
        if element.kind == "heading":
            text = _squash("".join(self.heading or ()))
            self.heading = None
            if text:
                self.out.append(Block("heading", text, element.level))
        elif element.kind == "inline":
            self.bold -= element.bold
        elif element.kind == "block":
            self.flush()
            self.role = element.role

    def data(self, text: str) -> None:
        if self.skipping:
            return
        if self.heading is not None:
            self.heading.append(text)
        else:
            self.line.append((text, self.bold > 0))

    def close(self) -> None:
        return None

    def _meta(self, attributes: Mapping[str, str]) -> None:
        if attributes.get("property") == _SITE_NAME:
            self.site_name = " ".join(str(attributes.get("content", "")).split())[:200] or None

    def flush(self) -> None:
        pieces, self.line = self.line, []
        text = _squash("".join(piece for piece, _ in pieces))
        if not text:
            return
        bold_text = _squash("".join(piece for piece, is_bold in pieces if is_bold))
        if self.role == "text" and bold_text == text and len(text.split()) <= _BOLD_HEADING_WORDS:
            self.out.append(Block("heading", text))  # a bold-only line heads what follows
        else:
            self.out.append(Block("item" if self.role == "item" else "text", text))


def _squash(text: str) -> str:
    return " ".join(text.split())
