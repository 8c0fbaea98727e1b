"""Raw postings and résumés in the encodings people save them in; binary files refused."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from fitscore.errors import InputError
from fitscore.textcodec import decode
from tests.conftest import run

POSTING = (
    "Data Engineer\nAcme Corp\n\nRequirements\n- Python and Spark\n- café culture: naïve résumé\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_unicode_with_or_without_a_byte_order_mark_is_read_as_is(encoding: str) -> None:
    decoded = decode(POSTING.encode(encoding), "job.txt")
    assert (decoded.text.lstrip("\ufeff"), decoded.note) == (POSTING, None)


def test_a_legacy_encoding_is_read_with_a_note_naming_it() -> None:
    text = "Ingénieur données\n\nExigences\n- Python, Spark, SQL\n- Très bonne maîtrise\n" * 20
    decoded = decode(text.encode("cp1252"), "job.txt")
    assert decoded.text == text
    assert decoded.note is not None and "not UTF-8" in decoded.note


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (gzip.compress(POSTING.encode()), "gzip"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x00\x01\x02\x03\xff\xfe\xfd" * 100, "binary"),
    ],
)
def test_binary_and_compressed_files_are_refused_with_their_type(raw: bytes, kind: str) -> None:
    with pytest.raises(InputError) as raised:
        decode(raw, "job.txt")
    assert kind in raised.value.problems[0].message


def test_parse_refuses_a_pdf_saved_as_txt_with_exit_2(tmp_path: Path) -> None:
    page = tmp_path / "job.txt"
    page.write_bytes(b"%PDF-1.7\n...")
    result = run("parse", str(page))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"{page}: error: this is a PDF document, not text: save it as text or HTML\n"
    )


def test_parse_reads_windows_1252_and_says_so(tmp_path: Path) -> None:
    page = tmp_path / "job.txt"
    page.write_bytes(POSTING.replace("Python", "Python (naïve)").encode("cp1252") * 3)
    result = run("parse", str(page))
    assert "it was read as" in result.stderr
    assert "Python" in result.stdout and "\ufffd" not in result.stdout
