"""Markdown to blocks: rendered by markdown-it-py (CommonMark) and then read like HTML."""

from __future__ import annotations

import re

from fitscore.drafting.blocks import Block
from fitscore.drafting.html import html_blocks

_MARKDOWN_SIGNS = re.compile(
    r"^(?:#{1,6}[ \t]+\S|[ \t]*\*\*[^*\n]+\*\*:?[ \t]*$|[ \t]*[*+-][ \t]+\S.*\*\*|.*\]\(https?://)",
    re.MULTILINE,
)


# A list item marked with a glyph Markdown does not know ("• Terraform", pasted from a chat or a
# word processor): read as the "- " item it stands for, so that it ends the paragraph above it.
_GLYPH_BULLET = re.compile(r"^([ \t]*)[•●▪◦‣■►➤][ \t]+", re.MULTILINE)


def looks_like_markdown(text: str, name: str) -> bool:
    """A .md file, or text with Markdown headings, bold-only lines or links."""
    if name.lower().endswith((".md", ".markdown", ".mdown", ".mkd")):
        return True
    return _MARKDOWN_SIGNS.search(text[:200_000]) is not None


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of a Markdown document."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    return html_blocks(renderer.render(_GLYPH_BULLET.sub(r"\1- ", text)))
