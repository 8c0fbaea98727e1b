"""YAML loading that never betrays the user: positions, duplicates, tags, encodings, limits."""

from __future__ import annotations

from fitscore.sources import Limits
from fitscore.yamlsource import parse_bytes, parse_text


def codes(raw: bytes, limits: Limits | None = None) -> list[tuple[int, int, str]]:
    document = parse_bytes(raw, "f.yaml", limits or Limits())
    return [(p.line, p.column, p.code) for p in document.problems]


def test_positions_are_one_based_for_keys_and_values() -> None:
    document = parse_text("name: Ada\nskills:\n  - Python\n  - Go\n", "f.yaml")
    assert document.value_positions[("name",)] == (1, 7)
    assert document.key_positions[("skills",)] == (2, 1)
    assert document.value_positions[("skills", 1)] == (4, 5)


def test_duplicate_key_is_an_error_at_the_second_occurrence() -> None:
    document = parse_text("name: A\nskills: [x]\nskills: [y]\n", "f.yaml")
    [problem] = document.problems
    assert (problem.line, problem.column, problem.code) == (3, 1, "duplicate-key")
    assert "first defined on line 2" in problem.message


def test_python_tags_are_refused_not_executed() -> None:
    raw = b"name: !!python/object/apply:os.system ['echo pwned']\n"
    assert codes(raw) == [(1, 7, "unsafe-tag")]


def test_custom_tags_are_refused() -> None:
    assert codes(b"skills: !include other.yaml\n") == [(1, 9, "unsupported-tag")]


def test_bom_and_crlf_are_accepted() -> None:
    document = parse_bytes("\ufeffname: Zoë\r\nskills:\r\n  - C#\r\n".encode(), "f.yaml")
    assert document.ok
    assert document.data == {"name": "Zoë", "skills": ["C#"]}


def test_invalid_utf8_names_the_line_and_column_of_the_first_bad_byte() -> None:
    assert codes(b"name: A\nskills:\n  - Caf\xe9\n") == [(3, 8, "encoding")]


def test_binary_content_is_one_clear_problem() -> None:
    assert codes(b"\x89PNG\r\n\x1a\n\x00\x00\x00") == [(1, 1, "binary")]


def test_empty_file_is_one_clear_problem() -> None:
    assert codes(b"") == [(1, 1, "empty")]
    assert codes(b"# only a comment\n") == [(1, 1, "empty")]


def test_tab_indentation_gets_a_plain_message() -> None:
    document = parse_text("name: A\nskills:\n\t- Python\n", "f.yaml")
    [problem] = document.problems
    assert problem.code == "tab"
    assert problem.line == 3


def test_size_limit_refuses_big_input() -> None:
    raw = b"name: x\n" * 700_000
    assert codes(raw) == [(1, 1, "too-large")]


def test_alias_bomb_is_refused() -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 9):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    document = parse_text("\n".join(lines) + "\n", "bomb.yaml")
    assert [p.code for p in document.problems] == ["alias-limit"]
    assert document.data is None


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    depth = 5000
    document = parse_text("skills: " + "[" * depth + "]" * depth + "\n", "deep.yaml")
    assert [p.code for p in document.problems] == ["too-deep"]


def test_moderate_nesting_beyond_the_limit_is_refused() -> None:
    document = parse_text("x: " + "[" * 80 + "]" * 80 + "\n", "deep.yaml", Limits(max_depth=64))
    assert [p.code for p in document.problems] == ["too-deep"]


def test_multiple_documents_are_refused() -> None:
    document = parse_text("name: a\n---\nname: b\n", "two.yaml")
    assert [p.code for p in document.problems] == ["multiple-documents"]


def test_a_huge_string_is_refused_naming_its_line() -> None:
    document = parse_text("name: A\nskills:\n  - " + "x" * 100_000 + "\n", "long.yaml")
    assert [(p.line, p.code) for p in document.problems] == [(3, "too-long")]
