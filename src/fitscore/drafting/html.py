"""HTML to blocks: headings, bold-only lines, list items and paragraphs; links keep their text
only, and scripts, styles, navigation and forms are not posting text. Read from lxml's parser
events (fast on megabyte pages, linear in the page whatever its nesting)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fitscore.drafting.blocks import Block
from fitscore.drafting.grids import Layout, grid_layout, row_clause
from fitscore.drafting.rules import heading_kind
from fitscore.drafting.sections import heading_section
from fitscore.drafting.text import is_heading_line

_SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "nav", "footer", "form", "head",
        "title", "button", "select", "option", "iframe", "object", "canvas", "math", "aside",
    }
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD = frozenset({"strong", "b"})
_ITEMS = frozenset({"li", "dd"})
_LISTS = frozenset({"ul", "ol", "dl"})
_GRID = frozenset({"table", "tr", "td", "th"})
_TERM = "dt"
_TERM_HEADING_WORDS = 6  # a definition list's term: the label of the items under it
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
        "wbr", "label", "img", "input",
    }
)  # fmt: skip
_BOLD_HEADING_WORDS = 12
_SITE_NAME = "og:site_name"
_TITLE_PARTS = 50  # pieces of a <title> kept: a page that never closes it is not read whole


@dataclass(frozen=True, slots=True)
class Page:
    """What a page shows: its blocks, the site's name from its ``og:site_name``, its title."""

    blocks: list[Block]
    site_name: str | None = None
    title: str | None = None  # the page's <title>


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
    return Page(reader.out, reader.site_name, reader.page_title)


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
    name: str = ""  # a block element's tag


@dataclass(slots=True)
class _Table:
    """A table being read: its header's requirement column (``grids``), and the row being read
    (the first index in ``out`` of its blocks, its cells so far, and whether it is a grid row:
    one line per cell)."""

    layout: Layout | None = None
    headed: bool = False  # its first row has been read
    start: int = 0
    cell_start: int = 0
    cells: list[str] | None = None
    header_cells: bool = True  # every cell of the row so far is a <th>
    plain: bool = True


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
        self.page_title: str | None = None
        self.title_parts: list[str] | None = None  # the <title> being read
        self.tables: list[_Table] = []

    def start(self, tag: object, attributes: Mapping[str, str]) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        if name == "meta" and self.site_name is None:
            self._meta(attributes)  # in the head, which is skipped
        if name == "title" and self.page_title is None and self.title_parts is None:
            self.title_parts = []
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
            self.flush(heads_a_list=name in _LISTS)
            self.open.append(_Element("block", role=self.role, name=name))
            if name in _GRID:
                self._grid_start(name)
            if name in _ITEMS:
                self.role = "item"
            elif name == _TERM:
                self.role = "term"

    def end(self, tag: object) -> None:
        if self.title_parts is not None and isinstance(tag, str) and tag.lower() == "title":
            self.page_title = _squash("".join(self.title_parts))[:300] or None
            self.title_parts = None
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
            if element.name in _GRID:
                self._grid_end(element.name)

    def _grid_start(self, name: str) -> None:
        if name == "table":
            self.tables.append(_Table())
            return
        table = self.tables[-1] if self.tables else None
        if table is None:
            return
        if name == "tr":
            table.start, table.cells = len(self.out), []
            table.header_cells = table.plain = True
        elif table.cells is not None:  # a cell
            table.cell_start = len(self.out)
            table.header_cells = table.header_cells and name == "th"

    def _grid_end(self, name: str) -> None:
        """A table with a requirement column (``grids``) gives one clause a row, in place of
        its cells' lines; any other table, or a row with more than a line in a cell (a table
        used for layout), stays as its lines were."""
        table = self.tables[-1] if self.tables else None
        if table is None:
            return
        if name == "table":
            self.tables.pop()
        elif name == "tr" and table.cells is not None:
            cells, table.cells = table.cells, None
            first, table.headed = not table.headed, True
            if not table.plain or not any(cells):
                return
            if first and table.header_cells:
                table.layout = grid_layout(cells)
                if table.layout is not None:
                    del self.out[table.start :]  # the header: labels, not requirements
            elif table.layout is not None:
                del self.out[table.start :]
                self.out.append(Block("item", row_clause(cells, table.layout)))
        elif table.cells is not None:  # a cell
            lines = self.out[table.cell_start :]
            table.plain = table.plain and len(lines) <= 1
            table.cells.append(lines[0].text if lines else "")

    def data(self, text: str) -> None:
        if self.title_parts is not None and len(self.title_parts) < _TITLE_PARTS:
            self.title_parts.append(text)
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

    def flush(self, heads_a_list: bool = False) -> None:
        pieces, self.line = self.line, []
        text = _squash("".join(piece for piece, _ in pieces))
        if not text:
            return
        bold_text = _squash("".join(piece for piece, is_bold in pieces if is_bold))
        if self.role == "text" and bold_text == text and len(text.split()) <= _BOLD_HEADING_WORDS:
            self.out.append(Block("heading", text))  # a bold-only line heads what follows
        elif self.role == "term" or heads_a_list and self.role == "item" and heading_kind(text):
            # "<dt>Requirements</dt>", "<li>Nice to have<ul>...": a term, or an item over a
            # list of its own that names a section, heads what follows; any other is an item.
            heads = is_heading_line(text) or self.role == "term" and _term_heads(text)
            self.out.append(Block("heading" if heads else "item", text))
        else:
            self.out.append(Block("item" if self.role == "item" else "text", text))


def _term_heads(term: str) -> bool:
    """ "<dt>You must know</dt>", "<dt>It helps if you know</dt>": a short term whose cue words
    name a section heads the definitions under it."""
    return len(term.split()) <= _TERM_HEADING_WORDS and heading_section(term) is not None


def _squash(text: str) -> str:
    return " ".join(text.split())
