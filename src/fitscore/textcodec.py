"""Bytes of a raw posting or résumé to text: what a person saved, whatever its encoding.

UTF-8 (with or without a byte-order mark) and UTF-16/32 with a byte-order mark are decoded as
such; a binary or compressed file is refused with its type named (``data/file-signatures.yaml``);
any other bytes are decoded in the encoding charset-normalizer finds, with a note naming it, so
that nothing turns into mojibake silently.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from fitscore.diagnostics import error
from fitscore.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY = "binary"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None


@cache
def _signatures() -> tuple[tuple[bytes, str], ...]:
    path = Path(__file__).parent / "data" / "file-signatures.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple((bytes.fromhex(entry["signature"]), str(entry["name"])) for entry in entries)


def decode(raw: bytes, name: str) -> Decoded:
    """The text of ``raw``; raises :class:`InputError` for a binary or compressed file."""
    for mark, encoding in _BOMS:
        if raw.startswith(mark):
            try:
                return Decoded(raw.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise _refused(name, f"not valid {encoding} after its byte-order mark") from exc
    for signature, kind in _signatures():
        if raw.startswith(signature):
            raise _refused(name, f"this is {kind}, not text: save it as text or HTML")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw[:4096]:
        raise _refused(name, "binary data, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    if best is None or best.encoding is None:
        raise _refused(name, "not text in any encoding fitscore can recognise")
    encoding = best.encoding
    text = raw.decode(encoding, errors="replace")
    return Decoded(text, encoding, f"the file is not UTF-8; it was read as {encoding}")


def _refused(name: str, reason: str) -> InputError:
    return InputError([error(name, 0, 0, BINARY, reason)])
