"""HTML to blocks: headings, bold-only lines, list items and paragraphs; links keep their text
only, and scripts, styles, navigation and forms are not posting text."""

from __future__ import annotations

from typing import Any

from fitscore.drafting.blocks import Block

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "footer",
        "form",
        "head",
        "title",
        "button",
        "select",
        "option",
        "iframe",
        "object",
        "canvas",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD = frozenset({"strong", "b"})
_ITEMS = frozenset({"li", "dt", "dd"})
_INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
        "label",
        "img",
        "input",
    }
)
_MAX_DEPTH = 200
_BOLD_HEADING_WORDS = 12


def soup_of(html: str) -> Any:
    """A parsed page (lxml when it is installed: it is several times faster)."""
    from bs4 import BeautifulSoup

    try:
        return BeautifulSoup(html, "lxml")
    except Exception:  # bs4.FeatureNotFound: lxml is missing
        return BeautifulSoup(html, "html.parser")


def html_blocks(html: str) -> list[Block]:
    """The visible blocks of an HTML page or fragment."""
    return _Walker().blocks(soup_of(html))


class _Walker:
    def __init__(self) -> None:
        self.out: list[Block] = []
        self.line: list[tuple[str, bool]] = []  # inline text pieces and whether they are bold
        self.kind: str = "text"

    def blocks(self, soup: Any) -> list[Block]:
        self._walk(soup, bold=False, depth=0)
        self._flush()
        return self.out

    def _walk(self, node: Any, *, bold: bool, depth: int) -> None:
        from bs4.element import CData, NavigableString, Tag

        for child in node.children:
            if isinstance(child, Tag):
                self._tag(child, bold=bold, depth=depth)
            elif type(child) is NavigableString or type(child) is CData:
                # Comments, doctypes and processing instructions are strings too: not text.
                self.line.append((str(child), bold))

    def _tag(self, tag: Any, *, bold: bool, depth: int) -> None:
        name = tag.name.lower() if isinstance(tag.name, str) else ""
        if name in _SKIP:
            return
        if name == "br":
            self._flush()
            return
        if depth > _MAX_DEPTH:
            self.line.append((tag.get_text(" "), bold))
            return
        if name in _HEADINGS:
            self._flush()
            text = _squash(tag.get_text(" "))
            if text:
                self.out.append(Block("heading", text, _HEADINGS[name]))
            return
        if name in _INLINE:
            self._walk(tag, bold=bold or name in _BOLD, depth=depth + 1)
            return
        self._flush()
        previous = self.kind
        self.kind = "item" if name in _ITEMS else previous
        self._walk(tag, bold=bold, depth=depth + 1)
        self._flush()
        self.kind = previous

    def _flush(self) -> None:
        pieces, self.line = self.line, []
        text = _squash("".join(piece for piece, _ in pieces))
        if not text:
            return
        bold_text = _squash("".join(piece for piece, is_bold in pieces if is_bold))
        if self.kind == "text" and bold_text == text and len(text.split()) <= _BOLD_HEADING_WORDS:
            self.out.append(Block("heading", text))  # a bold-only line heads what follows
        else:
            self.out.append(Block("item" if self.kind == "item" else "text", text))


def _squash(text: str) -> str:
    return " ".join(text.split())
