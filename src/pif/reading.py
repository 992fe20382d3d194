"""Reading an extract CSV file: the one parser the validator and the loader share (issue 13).

`pif validate` and `pif load` (DuckDB and PostgreSQL alike) read every file through this module, so
they see exactly the same records, values and line numbers:

- a record's number is the line it starts on, as a person counts lines in the file (header = line 1,
  a blank line or a line of whitespace still counts but is no record); a quoted value may hold line
  breaks (legal CSV), and CRLF, LF and CR line endings may be mixed;
- the file is refused as a whole, in one line naming file, line, column and value, when it cannot be
  read as records: empty (no header), a contract column twice in the header (names compared trimmed
  and case-insensitively), bytes that are not UTF-8, a quoted value never closed before the end of
  the file;
- a record that cannot be a row is kept with a row issue, which the loader writes to
  `_source_issue` and staging turns into the row's rejection reason (so rows are conserved): more
  or fewer fields than the header, a quote in the middle of a value, a value longer than the
  contract's `max_field_length` (loaded cut to that length), a NUL character (removed);
- `WHITESPACE` is the whitespace trimmed from every value, the same characters as the staging macro
  `pif_trim` (macros/support/whitespace.sql) trims on both databases.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pif.cells import short_value
from pif.contract import Table, duplicate_columns, match_header, read_header

# Space, tab, LF, VT, FF, CR, NEL, no-break space, ogham space, the en/em/thin/hair spaces
# U+2000-U+200A, zero-width space, line and paragraph separators, narrow no-break space, medium
# mathematical space, ideographic space and the zero-width no-break space (a stray byte-order mark).
WHITESPACE_CODE_POINTS: tuple[int, ...] = (
    9, 10, 11, 12, 13, 32, 133, 160, 5760, *range(8192, 8204), 8232, 8233, 8239, 8287, 12288, 65279,
)  # fmt: skip
WHITESPACE = "".join(chr(code) for code in WHITESPACE_CODE_POINTS)
_NOT_UTF8 = re.compile("[\udc80-\udcff]")
# Python's csv module refuses fields over 131,072 characters by default; the contract's
# max_field_length is checked (and reported) instead.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def trim(value: str) -> str:
    """`value` without leading or trailing WHITESPACE (the staging macro pif_trim does the same)."""
    return value.strip(WHITESPACE)


def one_line(value: str) -> str:
    """A value quoted in a message: cut to a readable length, line breaks shown as \\n (one line)."""
    return short_value(value).replace("\r", "\\r").replace("\n", "\\n")


class FileRefused(Exception):
    """The file cannot be read as records: one line naming file, line, column and value."""

    def __init__(
        self, file: str, check: str, message: str, line: int | None = None, column: str | None = None,
        value: str | None = None,
    ) -> None:  # fmt: skip
        super().__init__(message)
        self.file, self.check, self.message = file, check, message
        self.line, self.column, self.value = line, column, value


@dataclass(frozen=True)
class RowIssue:
    """Why a record cannot be a row; `text` is the rejection reason staging gives it."""

    check: str
    column: str | None
    value: str | None
    text: str


class Record(NamedTuple):
    """One record: the line it starts on, its fields as loaded, and any row issues (a tuple: millions
    are made per file)."""

    line: int
    fields: list[str]
    issues: tuple[RowIssue, ...] = ()

    @property
    def issue_text(self) -> str | None:
        """The row issues as one reason (None when the record is a good row)."""
        return "; ".join(issue.text for issue in self.issues) or None


@dataclass(frozen=True)
class Layout:
    """A file's header matched to the contract."""

    header: list[str]
    positions: dict[str, int]
    missing: list[str]
    extras: list[str]


def read_layout(path: Path, table: Table) -> Layout:
    """The header matched to the contract; FileRefused when empty, not UTF-8 or with a column twice."""
    header = read_header(path)
    if not header or (len(header) == 1 and not trim(header[0])):
        raise FileRefused(
            table.file,
            "empty_file",
            f"{table.file} is empty: no header (line 1 must name the contract's columns); "
            "the file cannot be loaded",
            line=1,
        )
    for index, name in enumerate(header):
        if _NOT_UTF8.search(name):
            raise _not_utf8(table, 1, f"header field {index + 1}", name)
    for name, first, second in duplicate_columns(header, table):
        raise FileRefused(
            table.file,
            "duplicate_column",
            f"{table.file} line 1: column '{name}' is in the header twice (field {first + 1} "
            f"'{one_line(header[first])}' and field {second + 1} '{one_line(header[second])}'); "
            "remove one, the file cannot be loaded",
            line=1,
            column=name,
            value=header[second],
        )
    positions, missing, extras = match_header(header, table)
    return Layout(header, positions, missing, extras)


def read_records(path: Path, table: Table, layout: Layout, max_field_length: int) -> Iterator[Record]:
    """Every record of the file after the header, numbered by the line it starts on.

    Blank lines (and lines of whitespace only) are skipped. Raises FileRefused (see module doc).
    """
    utf8, has_nul = _scan(path)
    if not utf8:
        _refuse_not_utf8(path, table, layout)
    loaded = set(layout.positions.values())
    width = len(layout.header)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle, strict=True)
        next(reader, None)
        end = reader.line_num
        while True:
            start = end + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                end = reader.line_num
                fields = _fields_of_lines(path, start, end)
                if "unexpected end of data" in str(error):
                    raise _unclosed_quote(table, layout, start, fields) from None
                yield Record(start, fields, (_stray_quote(start, fields),))
                continue
            end = reader.line_num
            issues: list[RowIssue] = []
            if len(fields) != width:
                if not fields or (len(fields) == 1 and not trim(fields[0])):
                    continue
                issues.append(_field_count(start, fields, layout.header))
            if has_nul or max(map(len, fields)) > max_field_length:
                fields = [
                    _checked_value(layout.header[index], value, max_field_length, issues)
                    if index in loaded
                    else value
                    for index, value in enumerate(fields)
                ]
            yield Record(start, fields, tuple(issues)) if issues else Record(start, fields)


def _scan(path: Path) -> tuple[bool, bool]:
    """(the file is valid UTF-8, it holds a NUL byte), read in binary at C speed."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    has_nul = False
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(1 << 22):
                decoder.decode(chunk)
                has_nul = has_nul or b"\x00" in chunk
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False, has_nul
    return True, has_nul


def _refuse_not_utf8(path: Path, table: Table, layout: Layout) -> None:
    """FileRefused naming the line and column of the first value with bytes that are not UTF-8."""
    with path.open(newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
        reader = csv.reader(handle)
        end = 0
        for fields in reader:
            start, end = end + 1, reader.line_num
            for index, value in enumerate(fields):
                if _NOT_UTF8.search(value):
                    column = layout.header[index] if index < len(layout.header) else f"field {index + 1}"
                    raise _not_utf8(table, start, column, value)
    raise _not_utf8(table, 1, "the file", "")  # pragma: no cover - the scan found a bad byte


def _fields_of_lines(path: Path, start: int, end: int) -> list[str]:
    """The fields of lines start..end, read leniently (for a record csv.reader refused)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        text = "".join(itertools.islice(handle, start - 1, end))
    try:
        return next(csv.reader(io.StringIO(text, newline="")), [""])
    except csv.Error:
        return [text]


def _unclosed_quote(table: Table, layout: Layout, start: int, fields: list[str]) -> FileRefused:
    """Refusal for a quoted value never closed: it would swallow the rest of the file."""
    index = len(fields) - 1
    column = layout.header[index] if index < len(layout.header) else f"field {index + 1}"
    return FileRefused(
        table.file,
        "unclosed_quote",
        f"{table.file} line {start}, {column}: the quoted value '{one_line(fields[index])}' is never "
        "closed (no closing quote before the end of the file); the file cannot be loaded",
        line=start,
        column=column,
        value=fields[index],
    )


def _stray_quote(line: int, fields: list[str]) -> RowIssue:
    """Row issue for text after a closing quote ('"Smith" Jr'): the value cannot be read reliably."""
    text = f"line {line} has text after the closing quote of a quoted value (a value with quotes must be "
    text += "quoted whole, its quotes doubled)"
    return RowIssue("malformed_line", None, None, f"{text}: '{one_line(','.join(fields))}'")


def _field_count(line: int, fields: list[str], header: list[str]) -> RowIssue:
    """Row issue for a record with more or fewer fields than the header."""
    count, width = len(fields), len(header)
    text = f"line {line} has {count} fields, the header has {width}"
    if count < width:
        column = header[count - 1]
        text += f": the last is {column} '{one_line(fields[-1])}'"
        return RowIssue("field_count", column, fields[-1], text)
    text += f": the first extra value is '{one_line(fields[width])}'"
    return RowIssue("field_count", None, fields[width], text)


def _checked_value(column: str, value: str, max_field_length: int, issues: list[RowIssue]) -> str:
    """A loaded value without NUL characters and cut to max_field_length, with its row issues."""
    if "\x00" in value:
        value = value.replace("\x00", "")
        text = f"{column} '{one_line(value)}' contains a NUL character (byte 0), which is removed"
        issues.append(RowIssue("nul_character", column, value, text))
    if len(value) > max_field_length:
        text = (
            f"{column} is {len(value):,} characters long, more than the {max_field_length:,} the "
            f"source contract allows (max_field_length): '{one_line(value)}'"
        )
        issues.append(RowIssue("field_length", column, value[:200], text))
        value = value[:max_field_length]
    return value


def _not_utf8(table: Table, line: int, column: str, value: str) -> FileRefused:
    """Refusal for bytes that are not UTF-8, showing them as \\xNN in the value."""
    shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return FileRefused(
        table.file,
        "encoding",
        f"{table.file} line {line}, {column}: '{one_line(shown)}' has bytes that are not UTF-8; "
        "save the file as UTF-8, the file cannot be loaded",
        line=line,
        column=column,
        value=shown,
    )
