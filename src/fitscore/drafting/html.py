"""HTML to blocks: headings, bold-only lines, list items and paragraphs; links keep their text
only, and scripts, styles, navigation and forms are not posting text. Parsed with lxml (fast
on megabyte pages)."""

from __future__ import annotations

from typing import Any

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
_MAX_DEPTH = 150
_BOLD_HEADING_WORDS = 12


def parse_html(html: str) -> Any:
    """The page as an lxml element tree (None when there is nothing to parse)."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def html_blocks(html: str) -> list[Block]:
    """The visible blocks of an HTML page or fragment."""
    root = parse_html(html)
    return tree_blocks(root) if root is not None else []


def tree_blocks(root: Any) -> list[Block]:
    """The visible blocks of a parsed page."""
    walker = _Walker()
    walker.walk(root, bold=False, depth=0)
    walker.flush()
    return walker.out


def site_name(root: Any) -> str | None:
    """The page's og:site_name, which is the company on most careers sites."""
    if root is None:
        return None
    for content in root.xpath("//meta[@property='og:site_name']/@content")[:1]:
        name = " ".join(str(content).split())[:200]
        return name or None
    return None


class _Walker:
    def __init__(self) -> None:
        self.out: list[Block] = []
        self.line: list[tuple[str, bool]] = []  # inline text pieces and whether they are bold
        self.role = "text"

    def walk(self, element: Any, *, bold: bool, depth: int) -> None:
        if element.text:
            self.line.append((element.text, bold))
        for child in element:
            self.tag(child, bold=bold, depth=depth + 1)
            if child.tail:
                self.line.append((child.tail, bold))

    def tag(self, element: Any, *, bold: bool, depth: int) -> None:
        name = element.tag.lower() if isinstance(element.tag, str) else ""
        if not name or name in _SKIP:
            return
        if name == "br":
            self.flush()
            return
        if depth > _MAX_DEPTH:
            self.line.append((" ".join(element.itertext()), bold))
            return
        if name in _HEADINGS:
            self.flush()
            text = _squash(element.text_content())
            if text:
                self.out.append(Block("heading", text, _HEADINGS[name]))
            return
        if name in _INLINE:
            self.walk(element, bold=bold or name in _BOLD, depth=depth)
            return
        self.flush()
        previous = self.role
        self.role = "item" if name in _ITEMS else previous
        self.walk(element, bold=bold, depth=depth)
        self.flush()
        self.role = previous

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
