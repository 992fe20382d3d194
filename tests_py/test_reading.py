"""Issue 13: bad files read the same way by the validator and the loader (pif.reading), on both databases.

Each test copies the shipped sample, breaks one file as an export would go wrong, and asserts the exact
outcome: the file refused in one line naming file, line, column and value, or the row rejected with a
reason and every record loaded or listed (rows conserved). Row numbers are the lines a person counts
(header = line 1). The staging outcome (reasons in stg_wccis__rejections, whitespace, keys ignoring case)
is built with dbt on DuckDB, and on PostgreSQL as well when PIF_PG_PORT is set (scripts/with_postgres.sh).
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import duckdb
import pytest
from conftest import set_cell, sub_contract
from typer.testing import CliRunner

from pif.cli import app
from pif.contract import Contract, project_root
from pif.db import PostgresParams
from pif.load import LoadError, load_duckdb, load_postgres
from pif.reading import WHITESPACE_CODE_POINTS
from pif.validate import ERROR, WARNING, Finding, validate_extract

ROOT = project_root()
BIN = Path(sys.executable).parent
NEEDS_POSTGRES = pytest.mark.skipif("PIF_PG_PORT" not in os.environ, reason="PIF_PG_PORT not set")


@pytest.fixture(scope="module")
def people_contacts(contract: Contract) -> Contract:
    """contacts.csv and people.csv (which it references): quick to validate."""
    return sub_contract(contract, ["contacts"])


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    """A copy of the shipped sample extract."""
    return Path(shutil.copytree(ROOT / "extracts" / "sample", tmp_path / "extract"))


def lines_of(path: Path) -> list[str]:
    """The file's lines without their line ends."""
    return path.read_text(encoding="utf-8").splitlines()


def write_lines(path: Path, lines: list[str], end: str = "\n") -> None:
    """Write lines, each followed by `end`."""
    path.write_bytes("".join(line + end for line in lines).encode("utf-8"))


def fields_of(line: str) -> list[str]:
    """The fields of one CSV line."""
    return next(csv.reader([line]))


def line_of(fields: list[str]) -> str:
    """One CSV line from fields (quoted where needed)."""
    return ",".join(f'"{value}"' if ("," in value or '"' in value) else value for value in fields)


def in_file(findings: list[Finding], file: str) -> list[Finding]:
    return [finding for finding in findings if finding.file == file]


def raw_rows(database: Path, table: str, columns: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(f"select {columns} from main_raw.{table} order by _source_row").fetchall()


def data_lines(path: Path) -> int:
    """Records a file holds when no value spans lines: its lines after the header, blank ones left out."""
    return sum(1 for line in lines_of(path)[1:] if line.strip())


# --------------------------------------------------------------------------------------------------
# 1. A column twice in the header


@pytest.mark.parametrize("second_name", ["received_date", " Received_Date"])
def test_duplicate_column_refuses_the_file(
    people_contacts: Contract, sample: Path, tmp_path: Path, second_name: str
) -> None:
    path = sample / "contacts.csv"
    rows = [fields_of(line) for line in lines_of(path)]
    at = rows[0].index("received_date")
    rows = [
        [*row[:at], second_name if number == 0 else "01/01/2000", *row[at:]]
        for number, row in enumerate(rows)
    ]
    write_lines(path, [line_of(row) for row in rows])
    message = (
        f"contacts.csv line 1: column 'received_date' is in the header twice (field {at + 1} '{second_name}' "
        f"and field {at + 2} 'received_date'); remove one, the file cannot be loaded"
    )
    assert in_file(validate_extract(sample, people_contacts), "contacts.csv") == [
        Finding(ERROR, "contacts.csv", 1, "received_date", "duplicate_column", "received_date", message)
    ]
    with pytest.raises(LoadError) as refused:
        load_duckdb(sample, tmp_path / "raw.duckdb", people_contacts)
    assert str(refused.value) == f"the extract cannot be loaded: {message}"


# --------------------------------------------------------------------------------------------------
# 2. Short and long rows, a truncated last line


def short_and_long_rows(path: Path) -> tuple[list[str], list[str]]:
    """Line 5 loses its last two fields, line 6 gains two, the last line loses its last field and its
    line end (a truncated file). Returns the header and the three issue texts."""
    lines = lines_of(path)
    header = fields_of(lines[0])
    width = len(header)
    short = fields_of(lines[4])[:-2]
    long = [*fields_of(lines[5]), "extra 1", "extra 2"]
    last = fields_of(lines[-1])[:-1]
    lines[4], lines[5], lines[-1] = line_of(short), line_of(long), line_of(last)
    path.write_bytes(("\n".join(lines)).encode("utf-8"))
    count = len(lines)
    texts = [
        f"line 5 has {width - 2} fields, the header has {width}: the last is {header[width - 3]} "
        f"'{short[-1]}'",
        f"line 6 has {width + 2} fields, the header has {width}: the first extra value is 'extra 1'",
        f"line {count} has {width - 1} fields, the header has {width}: the last is {header[width - 2]} "
        f"'{last[-1]}'",
    ]
    return header, texts


def test_short_and_long_rows_are_rejected_with_their_line(
    people_contacts: Contract, sample: Path, tmp_path: Path
) -> None:
    path = sample / "contacts.csv"
    records = data_lines(path)
    header, texts = short_and_long_rows(path)
    found = [
        f
        for f in in_file(validate_extract(sample, people_contacts), "contacts.csv")
        if f.check == "field_count"
    ]
    count = len(lines_of(path))
    assert [(f.severity, f.row, f.column) for f in found] == [
        (WARNING, 5, header[-3]),
        (WARNING, 6, None),
        (WARNING, count, header[-2]),
    ]
    assert [f.message for f in found] == [
        f"contacts.csv row 5, {header[-3]}: {texts[0]}",
        f"contacts.csv row 6: {texts[1]}",
        f"contacts.csv row {count}, {header[-2]}: {texts[2]}",
    ]
    database = tmp_path / "raw.duckdb"
    load_duckdb(sample, database, people_contacts)
    loaded = raw_rows(database, "contacts", "_source_row, _source_issue, recorded_in_error")
    assert len(loaded) == records  # every record loaded, none lost or invented
    issues = {row: (issue, flag) for row, issue, flag in loaded if issue}
    assert issues == {5: (texts[0], None), 6: (texts[1], "N"), count: (texts[2], None)}


# --------------------------------------------------------------------------------------------------
# 3. US-format dates


def test_month_first_dates_refuse_the_file(people_contacts: Contract, sample: Path) -> None:
    path = sample / "contacts.csv"
    lines = lines_of(path)
    header = fields_of(lines[0])
    dates = [i for i, name in enumerate(header) if name in ("received_date", "decision_date")]
    swapped = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
    rows = [fields_of(line) for line in lines[1:]]
    for row in rows:
        for i in dates:
            row[i] = swapped.sub(r"\2/\1/\3", row[i].strip())
    write_lines(path, [lines[0], *(line_of(row) for row in rows)])
    month_first = [
        (number, i, row[i])
        for number, row in enumerate(rows, start=2)
        for i in dates
        if swapped.match(row[i]) and int(row[i][3:5]) > 12
    ]
    day_first = sum(1 for row in rows for i in dates if swapped.match(row[i]) and int(row[i][:2]) > 12)
    line, index, value = month_first[0]
    assert in_file(validate_extract(sample, people_contacts), "contacts.csv") == [
        Finding(
            ERROR,
            "contacts.csv",
            line,
            header[index],
            "month_first_dates",
            value,
            f"contacts.csv row {line}, {header[index]}: '{value}' is a month-first date (MM/DD/YYYY): "
            f"{len(month_first):,} of the file's dates read only month first and {day_first:,} only day "
            "first, so its dates are US format and would be read with day and month swapped; export dates "
            "as DD/MM/YYYY or YYYY-MM-DD, the file cannot be loaded",
        )
    ]


def test_a_few_month_first_dates_are_row_warnings(people_contacts: Contract, sample: Path) -> None:
    """One month-first date in a day-first file is not a US-format file: its row is warned as before."""
    set_cell(sample / "contacts.csv", 2, "received_date", "10/25/2025")
    found = [f for f in in_file(validate_extract(sample, people_contacts), "contacts.csv") if f.row == 2]
    assert [(f.severity, f.check, f.column, f.value) for f in found] == [
        (WARNING, "date", "received_date", "10/25/2025")
    ]


# --------------------------------------------------------------------------------------------------
# 4. Mixed line endings, a quoted line break, a bare line break


def mixed_file(path: Path) -> tuple[list[str], str, int]:
    """contacts.csv with CRLF and LF mixed, a quoted line break in line 3's caller_name (the record
    spans lines 3-4), a bare line break splitting line 8's caller_name into lines 8 and 9, and an
    unknown contact_type_code on the record at line 12. Returns the header, the split record's last
    value and the number of records."""
    lines = lines_of(path)
    header = fields_of(lines[0])
    name, kind = header.index("caller_name"), header.index("contact_type_code")
    rows = [fields_of(line) for line in lines]
    rows[2][name] = "Aled\nWilliams"
    rows[6][name] = "Rhys\nGriffiths"  # written unquoted below: a bare line break
    rows[9][kind] = "ZZZ"
    text = []
    for number, row in enumerate(rows):
        quoted = [v if number == 6 or not ("\n" in v or "," in v) else f'"{v}"' for v in row]
        text.append(",".join(quoted) + ("\r\n" if number % 2 else "\n"))
    path.write_bytes("".join(text).encode("utf-8"))
    return header, rows[6][-1], len(rows)


def test_mixed_line_endings_and_line_breaks(people_contacts: Contract, sample: Path, tmp_path: Path) -> None:
    path = sample / "contacts.csv"
    header, last_value, records = mixed_file(path)
    width, name = len(header), header.index("caller_name")
    found = in_file(validate_extract(sample, people_contacts), "contacts.csv")
    assert [(f.row, f.check, f.message) for f in found if f.check == "field_count" or f.value == "ZZZ"] == [
        (
            8,
            "field_count",
            f"contacts.csv row 8, caller_name: line 8 has {name + 1} fields, the header has {width}: "
            "the last is caller_name 'Rhys'",
        ),
        (
            9,
            "field_count",
            f"contacts.csv row 9, {header[width - name - 1]}: line 9 has {width - name} fields, the header "
            f"has {width}: the last is {header[width - name - 1]} '{last_value}'",
        ),
        (
            12,
            "code",
            "contacts.csv row 12, contact_type_code: 'ZZZ' is not in code list contact_type "
            "(seeds/code_map.csv)",
        ),
    ]
    database = tmp_path / "raw.duckdb"
    load_duckdb(sample, database, people_contacts)  # no DuckDB CSV error: read by pif.reading
    loaded = raw_rows(database, "contacts", "_source_row, contact_type_code, _source_issue")
    assert len(loaded) == records  # the split record is two rejected rows: every line accounted for
    assert [row for row, code, _ in loaded if code == "ZZZ"] == [12]
    assert [row for row, _, issue in loaded if issue] == [8, 9]
    assert 3 in {row for row, _, _ in loaded} and 4 not in {row for row, _, _ in loaded}


# --------------------------------------------------------------------------------------------------
# 5. A zero-byte file


def test_zero_byte_file(people_contacts: Contract, sample: Path, tmp_path: Path) -> None:
    (sample / "people.csv").write_bytes(b"")
    message = (
        "people.csv is empty: no header (line 1 must name the contract's columns); the file cannot be loaded"
    )
    assert in_file(validate_extract(sample, people_contacts), "people.csv") == [
        Finding(ERROR, "people.csv", 1, None, "empty_file", None, message)
    ]
    with pytest.raises(LoadError, match=re.escape(message)):
        load_duckdb(sample, tmp_path / "raw.duckdb", people_contacts)


def test_a_failed_validation_never_leaves_an_earlier_report(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    report = out / "validation_report.csv"
    report.write_text("severity,file,row,column,check,value,message\nwarning,stale,,,,,an earlier run\n")
    (sample / "people.csv").write_bytes(b"")
    result = CliRunner().invoke(app, ["validate", str(sample), "--output", str(out)])
    assert result.exit_code == 1, result.output
    with report.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert not any(row["file"] == "stale" for row in rows)
    assert [row["check"] for row in rows if row["file"] == "people.csv"] == ["empty_file"]
    assert [path.name for path in out.iterdir()] == ["validation_report.csv"]  # no partial file left


# --------------------------------------------------------------------------------------------------
# 6. A value longer than the contract allows


def long_value(path: Path) -> str:
    """Line 3's contact_source_code becomes 200,000 characters; returns the row issue text."""
    lines = lines_of(path)
    header = fields_of(lines[0])
    row = fields_of(lines[2])
    row[header.index("contact_source_code")] = "A" * 200_000
    lines[2] = line_of(row)
    write_lines(path, lines)
    return (
        "contact_source_code is 200,000 characters long, more than the 2,000 the source contract allows "
        f"(max_field_length): '{'A' * 200}... (200,000 characters)'"
    )


def test_field_longer_than_the_contract_allows(
    people_contacts: Contract, sample: Path, tmp_path: Path
) -> None:
    text = long_value(sample / "contacts.csv")
    found = [f for f in in_file(validate_extract(sample, people_contacts), "contacts.csv") if f.row == 3]
    assert [(f.severity, f.check, f.column, f.message) for f in found if f.check == "field_length"] == [
        (WARNING, "field_length", "contact_source_code", f"contacts.csv row 3, contact_source_code: {text}")
    ]
    database = tmp_path / "raw.duckdb"
    load_duckdb(sample, database, people_contacts)
    got = raw_rows(database, "contacts", "_source_row, length(contact_source_code), _source_issue")
    assert [row for row in got if row[2]] == [(3, 2000, text)]


@NEEDS_POSTGRES
@pytest.mark.parametrize("mixed", [False, True])
def test_bad_files_load_identically_on_postgres(
    people_contacts: Contract, sample: Path, tmp_path: Path, mixed: bool
) -> None:
    """Long field, NUL, text after a quote, short/long rows; or mixed line endings and line breaks:
    the same raw rows on PostgreSQL as on DuckDB."""
    import psycopg2

    if mixed:
        mixed_file(sample / "contacts.csv")
    else:
        stray_quote_and_nul(sample / "contacts.csv")
        long_value(sample / "contacts.csv")
    short_and_long_rows(sample / "people.csv")
    schema = f"raw_test_{uuid.uuid4().hex[:8]}"
    database = tmp_path / "raw.duckdb"
    load_duckdb(sample, database, people_contacts, raw_schema=schema)
    params = PostgresParams.from_env()
    load_postgres(sample, params, people_contacts, raw_schema=schema)
    connection = psycopg2.connect(
        host=params.host, port=params.port, user=params.user, password=params.password, dbname=params.database
    )
    try:
        with connection.cursor() as cursor, duckdb.connect(str(database), read_only=True) as local:
            for table in ("people", "contacts"):
                query = f'select * exclude (_loaded_at) from "{schema}"."{table}" order by _source_row'
                expected = local.execute(query).fetchall()
                cursor.execute(query.replace("* exclude (_loaded_at)", _columns(local, schema, table)))
                assert cursor.fetchall() == expected, table
            cursor.execute(f'drop schema "{schema}" cascade')
        connection.commit()
    finally:
        connection.close()


def _columns(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> str:
    names = [row[0] for row in connection.execute(f'describe "{schema}"."{table}"').fetchall()]
    return ", ".join(f'"{name}"' for name in names if name != "_loaded_at")


# --------------------------------------------------------------------------------------------------
# 7. Row numbers: encoding errors, an unclosed quote, a line of spaces


def test_bytes_that_are_not_utf8_name_line_and_column(people_contacts: Contract, sample: Path) -> None:
    path = sample / "people.csv"
    data = path.read_bytes().split(b"\n")
    header = fields_of(data[0].decode())
    row = data[399].split(b",")
    row[header.index("surname")] = b"Caf\xe9"
    data[399] = b",".join(row)
    path.write_bytes(b"\n".join(data))
    message = (
        "people.csv line 400, surname: 'Caf\\xe9' has bytes that are not UTF-8; save the file as UTF-8, "
        "the file cannot be loaded"
    )
    assert in_file(validate_extract(sample, people_contacts), "people.csv") == [
        Finding(ERROR, "people.csv", 400, "surname", "encoding", "Caf\\xe9", message)
    ]


def test_unclosed_quote_names_its_own_line(people_contacts: Contract, sample: Path, tmp_path: Path) -> None:
    path = sample / "contacts.csv"
    lines = lines_of(path)
    header = fields_of(lines[0])
    row = fields_of(lines[6])
    at = header.index("caller_name")
    lines[6] = ",".join([*row[:at], '"' + row[at], *row[at + 1 :]])
    write_lines(path, lines)
    (finding,) = in_file(validate_extract(sample, people_contacts), "contacts.csv")
    assert (finding.severity, finding.row, finding.column, finding.check) == (
        ERROR, 7, "caller_name", "unclosed_quote"
    )  # fmt: skip
    assert finding.message.startswith(f"contacts.csv line 7, caller_name: the quoted value '{row[at]},")
    assert finding.message.endswith(
        "is never closed (no closing quote before the end of the file); the file cannot be loaded"
    )
    assert "\n" not in finding.message
    with pytest.raises(LoadError, match="contacts.csv line 7, caller_name: the quoted value"):
        load_duckdb(sample, tmp_path / "raw.duckdb", people_contacts)


def test_a_line_of_spaces_shifts_no_row_number(
    people_contacts: Contract, sample: Path, tmp_path: Path
) -> None:
    path = sample / "contacts.csv"
    set_cell(path, 9, "contact_type_code", "ZZZ")
    lines = lines_of(path)
    lines.insert(3, "   \t ")
    write_lines(path, lines)
    found = [
        f for f in in_file(validate_extract(sample, people_contacts), "contacts.csv") if f.check == "code"
    ]
    assert [(f.row, f.value) for f in found if f.value == "ZZZ"] == [(10, "ZZZ")]
    database = tmp_path / "raw.duckdb"
    load_duckdb(sample, database, people_contacts)
    loaded = raw_rows(database, "contacts", "_source_row, contact_type_code")
    assert [number for number, code in loaded if code == "ZZZ"] == [10]
    assert 4 not in {number for number, _ in loaded} and len(loaded) == len(lines) - 2


# --------------------------------------------------------------------------------------------------
# 8. Whitespace, defined once


def test_whitespace_is_the_same_in_python_and_sql() -> None:
    macro = (ROOT / "macros" / "support" / "whitespace.sql").read_text(encoding="utf-8")
    listed = re.search(r"return\(\[([0-9,\s]+)\]\)", macro)
    assert listed is not None
    assert tuple(int(code) for code in listed.group(1).split(",")) == WHITESPACE_CODE_POINTS


def test_values_wrapped_in_whitespace_validate_clean(people_contacts: Contract, sample: Path) -> None:
    before = {(f.row, f.check) for f in in_file(validate_extract(sample, people_contacts), "contacts.csv")}
    wrap_in_whitespace(sample / "contacts.csv")
    after = {(f.row, f.check) for f in in_file(validate_extract(sample, people_contacts), "contacts.csv")}
    assert after == before


def wrap_in_whitespace(path: Path) -> None:
    """Lines 2-4: a tab, a no-break space and an ideographic space around codes and the person."""
    lines = lines_of(path)
    header = fields_of(lines[0])
    for number, (left, right) in zip((1, 2, 3), (("\t", ""), ("", "\u00a0"), ("\u3000", " \t")), strict=True):
        row = fields_of(lines[number])
        for name in ("contact_type_code", "person_id", "received_date"):
            row[header.index(name)] = left + row[header.index(name)].strip() + right
        lines[number] = line_of(row)
    write_lines(path, lines)


# --------------------------------------------------------------------------------------------------
# 9. A key repeated in another case


def lower_case_repeat(path: Path, line: int) -> str:
    """The record at `line` takes line 2's contact_id in lower case; returns line 2's contact_id."""
    lines = lines_of(path)
    first = fields_of(lines[1])[0]
    row = fields_of(lines[line - 1])
    row[0] = first.lower()
    lines[line - 1] = line_of(row)
    write_lines(path, lines)
    return first


def test_duplicate_key_ignoring_case(people_contacts: Contract, sample: Path) -> None:
    first = lower_case_repeat(sample / "contacts.csv", 4)
    found = [f for f in in_file(validate_extract(sample, people_contacts), "contacts.csv") if f.row == 4]
    assert found == [
        Finding(
            WARNING,
            "contacts.csv",
            4,
            "contact_id",
            "duplicate_key",
            first.lower(),
            f"contacts.csv row 4, contact_id: '{first.lower()}' repeats row 2 '{first}' (keys are compared "
            "ignoring case) (duplicate primary key)",
        )
    ]


# --------------------------------------------------------------------------------------------------
# Staging: the same reasons and figures on DuckDB and PostgreSQL


def staging_extract(folder: Path) -> dict[str, object]:
    """A sample copy with short/long rows in people.csv, a 200,000-character value, whitespace around
    values, a key repeated in lower case and a code holding a line break in contacts.csv."""
    extract = Path(shutil.copytree(ROOT / "extracts" / "sample", folder))
    _, row_texts = short_and_long_rows(extract / "people.csv")
    long_text = long_value(extract / "contacts.csv")
    wrap_in_whitespace(extract / "contacts.csv")
    first = lower_case_repeat(extract / "contacts.csv", 6)
    set_cell(extract / "contacts.csv", 7, "contact_type_code", "RE\nF")  # a quoted line break
    return {"extract": extract, "row_texts": row_texts, "long_text": long_text, "first": first}


def dbt_staging(target: str, env: dict[str, str], tmp_path: Path) -> None:
    built = subprocess.run(
        [
            str(BIN / "dbt"), "build", "--select", "+staging", "--exclude-resource-type", "unit_test",
            "--exclude-resource-type", "test", "--target", target, "--threads", "2",
            "--target-path", str(tmp_path / f"target-{target}"),
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
        env={**os.environ, "DBT_PROFILES_DIR": str(ROOT), **env},
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-3000:]


REJECTIONS = (
    "select entity, source_row, record_id, rejection_reason from {schema}.stg_wccis__rejections "
    "order by entity, source_row"
)
TRIMMED = (
    "select source_row, contact_type_code, person_id, cast(received_date as varchar) "
    "from {schema}.stg_wccis__contacts where source_row in (2, 3, 4) order by source_row"
)
CONSERVED = (
    "select (select count(*) from {raw}.contacts) + (select count(*) from {raw}.people), "
    "(select count(*) from {schema}.stg_wccis__contacts) + (select count(*) from {schema}.stg_wccis__people) "
    "+ (select count(*) from {schema}.stg_wccis__rejections where entity in ('contacts', 'people'))"
)


def test_staging_rejects_bad_records_and_trims_whitespace(contract: Contract, tmp_path: Path) -> None:
    built = staging_extract(tmp_path / "extract")
    extract = built["extract"]
    assert isinstance(extract, Path)
    database = tmp_path / "staging.duckdb"
    load_duckdb(extract, database, contract)
    dbt_staging("duckdb", {"PIF_DUCKDB_PATH": str(database)}, tmp_path)
    with duckdb.connect(str(database), read_only=True) as connection:
        rejections = connection.execute(REJECTIONS.format(schema="main_staging")).fetchall()
        trimmed = connection.execute(TRIMMED.format(schema="main_staging")).fetchall()
        raw, kept = connection.execute(CONSERVED.format(raw="main_raw", schema="main_staging")).fetchone()
    assert raw == kept
    by_row = {(entity, row): reason for entity, row, _, reason in rejections}
    row_texts = built["row_texts"]
    assert isinstance(row_texts, list)
    people = len(lines_of(extract / "people.csv"))
    assert by_row[("people", 5)].startswith(row_texts[0])
    assert by_row[("people", 6)].startswith(row_texts[1])
    assert by_row[("people", people)].startswith(row_texts[2])
    assert by_row[("contacts", 3)].startswith(str(built["long_text"]))
    first = str(built["first"])
    assert by_row[("contacts", 6)].startswith(
        f"duplicate contact_id '{first.lower()}' (first seen at row 2 as '{first}', "
        "keys compared ignoring case)"
    )
    assert by_row[("contacts", 7)].endswith(
        "; contact_type_code 'RE\\nF' is not in code list contact_type (seeds/code_map.csv)"
    )  # one line
    assert [row[0] for row in trimmed] == [2, 4]  # line 3 holds the 200,000-character value
    for _, code, person, _ in trimmed:
        assert code == code.strip() and person == person.strip() and "\u00a0" not in person
    if "PIF_PG_PORT" in os.environ:
        assert postgres_staging(contract, extract, tmp_path) == (rejections, trimmed)


def postgres_staging(
    contract: Contract, extract: Path, tmp_path: Path
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    import psycopg2

    schema = f"t13_{uuid.uuid4().hex[:8]}"
    params = PostgresParams.from_env()
    load_postgres(extract, params, contract, raw_schema=f"{schema}_raw")
    dbt_staging("postgres", {"PIF_PG_SCHEMA": schema}, tmp_path)
    connection = psycopg2.connect(
        host=params.host, port=params.port, user=params.user, password=params.password, dbname=params.database
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(REJECTIONS.format(schema=f"{schema}_staging"))
            rejections = cursor.fetchall()
            cursor.execute(TRIMMED.format(schema=f"{schema}_staging"))
            trimmed = cursor.fetchall()
            cursor.execute(CONSERVED.format(raw=f"{schema}_raw", schema=f"{schema}_staging"))
            raw, kept = cursor.fetchone()
            assert raw == kept
    finally:
        connection.close()
    return rejections, trimmed


# --------------------------------------------------------------------------------------------------
# Other records that cannot be rows as they stand


def stray_quote_and_nul(path: Path) -> tuple[list[str], str]:
    """Line 4's caller_name gets text after its closing quote, line 5's contact_source_code a NUL
    character. Returns the lines and that code without the NUL."""
    lines = lines_of(path)
    header = fields_of(lines[0])
    at = header.index("caller_name")
    row = fields_of(lines[3])
    lines[3] = ",".join([*row[:at], '"Aled" Williams', *row[at + 1 :]])
    row = fields_of(lines[4])
    source = header.index("contact_source_code")
    row[source] = row[source].strip() + "\x00"
    lines[4] = line_of(row)
    write_lines(path, lines)
    return lines, row[source].strip("\x00")


def test_text_after_a_closing_quote_and_a_nul_character(
    people_contacts: Contract, sample: Path, tmp_path: Path
) -> None:
    """'"Aled" Williams' cannot be read reliably and PostgreSQL cannot store NUL: both rows rejected."""
    path = sample / "contacts.csv"
    lines, code = stray_quote_and_nul(path)
    found = in_file(validate_extract(sample, people_contacts), "contacts.csv")
    assert [(f.row, f.check) for f in found if f.check in ("malformed_line", "nul_character")] == [
        (4, "malformed_line"),
        (5, "nul_character"),
    ]
    database = tmp_path / "raw.duckdb"
    load_duckdb(sample, database, people_contacts)
    loaded = raw_rows(database, "contacts", "_source_row, contact_source_code, _source_issue")
    issues = {number: (code, issue) for number, code, issue in loaded if issue}
    assert issues[4][1].startswith("line 4 has text after the closing quote of a quoted value")
    assert issues[5] == (
        code,
        f"contact_source_code '{code}' contains a NUL character (byte 0), which is removed",
    )
    assert len(loaded) == len(lines) - 1


def test_pif_load_reads_mixed_line_endings(sample: Path, tmp_path: Path) -> None:
    """The command that crashed with DuckDB's 2,800-line CSV traceback now loads the file."""
    mixed_file(sample / "contacts.csv")
    database = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(
        app,
        [
            "load",
            str(sample),
            "--target",
            "duckdb",
            "--duckdb-path",
            str(database),
            "--output",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert [
        row for row, code in raw_rows(database, "contacts", "_source_row, contact_type_code") if code == "ZZZ"
    ] == [12]


def test_a_database_error_is_one_line(
    people_contacts: Contract, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the database's CSV reader says, the load fails in one line naming the file."""
    monkeypatch.setattr(
        "pif.load.write_csv",
        lambda handle, rows: handle.write(
            "".join('"unclosed,' + ",".join("" for _ in row) + "\n" for row in rows)
        ),
    )
    with pytest.raises(LoadError) as failed:
        load_duckdb(sample, tmp_path / "raw.duckdb", people_contacts)
    assert str(failed.value).startswith("people.csv: DuckDB could not load the file: ")
    assert "\n" not in str(failed.value)
    if "PIF_PG_PORT" in os.environ:
        schema = f"raw_test_{uuid.uuid4().hex[:8]}"
        with pytest.raises(LoadError) as failed:
            load_postgres(sample, PostgresParams.from_env(), people_contacts, raw_schema=schema)
        assert str(failed.value).startswith("people.csv: PostgreSQL could not load the file: ")
        assert "\n" not in str(failed.value)
