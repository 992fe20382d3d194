"""Cells safe to open in a spreadsheet: no formula injection, no unreadably long values.

Any CSV or workbook the project writes may hold values copied from the extract (a rejected id, a bad
code). A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula,
so `=HYPERLINK(...)` in an id would run on the officer's machine. `safe_text` prefixes such text with
an apostrophe (shown as text, per OWASP's CSV injection advice); numbers are never changed, so a
negative figure stays a number. `short_value` cuts a value quoted in a message to a readable length.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_VALUE_CHARS = 200


def safe_text(value: Any) -> Any:
    """`value` with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells (and column names) cannot run as formulas."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(safe_text)
    safe.columns = [safe_text(str(column)) for column in safe.columns]
    return safe


def short_value(value: str, limit: int = MAX_VALUE_CHARS) -> str:
    """`value` cut to `limit` characters, saying how long it was, so a reason stays readable."""
    if len(value) <= limit:
        return value
    return f"{value[:limit]}... ({len(value):,} characters)"
