"""Records as Apache Parquet, through pyarrow: the optional extra ``fitscore[parquet]``.

pyarrow is imported only here and only when Parquet is written. Column types are data (the
``(name, type)`` pairs of a report's schema: ``int``, ``float``, ``string``); every column is
nullable, so an error row leaves its score columns empty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fitscore.errors import UsageError

PARQUET_MISSING = "parquet-missing"
INSTALL_HINT = "writing Parquet needs pyarrow: pip install 'fitscore[parquet]'"


def require_pyarrow() -> Any:
    """The pyarrow module, or a usage error saying how to install it (exit 2)."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401 (the writer lives in this submodule)
    except ImportError as exc:
        raise UsageError(INSTALL_HINT, code=PARQUET_MISSING) from exc
    return pyarrow


def parquet_bytes(
    records: Sequence[Mapping[str, object]], columns: Sequence[tuple[str, str]]
) -> bytes:
    """``records`` as one Parquet file (zstd-compressed), with the typed ``columns``."""
    names = [name for name, _ in columns]
    return parquet_from_rows([tuple(r.get(name) for name in names) for r in records], columns)


def parquet_from_rows(
    rows: Sequence[Sequence[object]], columns: Sequence[tuple[str, str]]
) -> bytes:
    """Rows of values (one per column, in order) as one Parquet file, zstd-compressed."""
    pyarrow = require_pyarrow()
    types = {"int": pyarrow.int64(), "float": pyarrow.float64(), "string": pyarrow.string()}
    values = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    arrays = [
        pyarrow.array(column, type=types[kind])
        for column, (_, kind) in zip(values, columns, strict=True)
    ]
    schema = pyarrow.schema([(name, types[kind]) for name, kind in columns])
    table = pyarrow.Table.from_arrays(arrays, schema=schema)
    sink = pyarrow.BufferOutputStream()
    pyarrow.parquet.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())
