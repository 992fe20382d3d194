"""`pif trace`: reading what an officer types, and the command on a tiny DuckDB mart (the same
relations and columns dbt builds). The traced records against a real build of the sample:
tests_py/test_trace_built.py."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pif.cli import app
from pif.trace import Figure, TraceError, parse_figure, parse_year, read_registry

REGISTRY = read_registry()

ITEMS = [
    # collection_year, measure_code, part, item_type, item_id, person_id, event_date, item_value, source
    ("2026-27", "CH/004", "e", "contact", "C1", "P1", "2026-05-01", 1, "contacts.csv:2"),
    ("2026-27", "CH/004", "e", "contact", "C2", "P2", "2026-06-01", 1, '=HYPERLINK("x")'),
    ("2026-27", "CH/004", "a", "contact", "C3", "P3", "2026-06-02", 1, "contacts.csv:4"),
    ("2025-26", "CH/004", "e", "contact", "C9", "P9", "2025-06-01", 1, "contacts.csv:9"),
    ("2026-27", "CH/035", "", "registration", "R1", "P4", "2026-07-01", 40, "cp.csv:2"),
    ("2026-27", "CH/035", "", "registration", "R2", "P5", "2026-08-01", 2, "cp.csv:3"),
    ("2026-27", "CH/023", "a", "conference", "K1", "P6", "2026-09-01", 1, "conf.csv:2"),
    ("2026-27", "CH/023", "a", "conference", "K2", "P7", "2026-09-02", 1, "conf.csv:3"),
    ("2026-27", "CH/023", "age_ii", "conference", "K1", "P6", "2026-09-01", 1, "conf.csv:2"),
    ("2026-27", "CH/023", "age_iii", "conference", "K2", "P7", "2026-09-02", 1, "conf.csv:3"),
]
RETURN = [
    ("2026-27", "CH/004", "e", "", 2),
    ("2026-27", "CH/004", "a", "", 1),
    ("2025-26", "CH/004", "e", "", 1),
    ("2026-27", "CH/035", "", "", 42),
    ("2026-27", "CH/023", "a", "", 2),
    ("2026-27", "CH/023", "a", "age_ii", 1),
    ("2026-27", "CH/023", "a", "age_iii", 1),
    ("2026-27", "CH/023", "age_ii", "", 1),
    ("2026-27", "CH/023", "age_iii", "", 1),
]
EXCLUSIONS = [
    ("2026-27", "CH/004", "contact", "C7", "P8", "2026-05-03", "recorded in error", "contacts.csv:8"),
    (
        "2026-27",
        "CH/001",
        "contact",
        "C8",
        "P8",
        "2026-05-04",
        "receiving care and support",
        "contacts.csv:9",
    ),
]


def build_mart(path: Path, implemented: tuple[str, ...] = ("CH/004", "CH/035", "CH/023")) -> Path:
    """A DuckDB file with the four relations trace reads, in dbt's schemas (main_marts, main_return)."""
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema main_marts")
        connection.execute("create schema main_return")
        connection.execute(
            "create table main_marts.measure_items (collection_year varchar, measure_code varchar, "
            "part varchar, item_type varchar, item_id varchar, person_id varchar, event_date date, "
            "item_value bigint, source_reference varchar)"
        )
        connection.executemany(
            "insert into main_marts.measure_items values (?, ?, ?, ?, ?, ?, ?, ?, ?)", ITEMS
        )
        connection.execute(
            "create table main_marts.measure_exclusions (collection_year varchar, measure_code varchar, "
            "item_type varchar, item_id varchar, person_id varchar, event_date date, "
            "exclusion_reason varchar, source_reference varchar)"
        )
        connection.executemany(
            "insert into main_marts.measure_exclusions values (?, ?, ?, ?, ?, ?, ?, ?)", EXCLUSIONS
        )
        connection.execute(
            "create table main_return.pif_return (collection_year varchar, measure_code varchar, "
            "part varchar, breakdown varchar, value bigint)"
        )
        connection.executemany("insert into main_return.pif_return values (?, ?, ?, ?, ?)", RETURN)
        connection.execute(
            "create table main_return.measure_coverage as select measure_code, part, "
            "measure_code in (select unnest(?)) as is_implemented from "
            "(select distinct measure_code, '' as part from main_return.pif_return "
            "union select 'CH/001', '')",
            [list(implemented)],
        )
    return path


@pytest.fixture()
def mart(tmp_path: Path) -> Path:
    return build_mart(tmp_path / "pif.duckdb")


def invoke(mart: Path, *arguments: str, csv_path: Path | None = None) -> tuple[int, str]:
    """Exit code and output with the table rules blanked and white space squeezed."""
    options = ["--target", "duckdb", "--duckdb-path", str(mart)]
    options += ["--csv", str(csv_path or mart.parent / "trace-out.csv")]
    result = CliRunner().invoke(app, ["trace", *arguments, *options], env={"COLUMNS": "200"})
    return result.exit_code, " ".join(re.sub(r"[\u2500-\u257f]", " ", result.output).split())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["CH/004e"], Figure("CH/004", "e")),
        (["CH/004", "e"], Figure("CH/004", "e")),
        (["CH/004 e"], Figure("CH/004", "e")),
        (["ch/004e"], Figure("CH/004", "e")),
        (["CH/004E"], Figure("CH/004", "e")),
        (["ch4e"], Figure("CH/004", "e")),
        (["CH/004"], Figure("CH/004", None)),
        (["CH/001"], Figure("CH/001", "")),
        (["CH/020a"], Figure("CH/020a", "")),
        (["CH/020b"], Figure("CH/020b", None)),
        (["CH/020b", "a"], Figure("CH/020b", "a")),
        (["CH/020b.a"], Figure("CH/020b", "a")),
        (["as/004b", "d"], Figure("AS/004b", "d")),
        (["CH/023", "a", "age_ii"], Figure("CH/023", "a", "age_ii")),
        (["CH/023a", "age_ii"], Figure("CH/023", "a", "age_ii")),
        (["CH/023", "age_ii"], Figure("CH/023", "age_ii")),
    ],
)
def test_figures_are_read_as_officers_write_them(typed: list[str], expected: Figure) -> None:
    assert parse_figure(typed, REGISTRY) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        (["CH/099"], "CH/099 is not a measure of the 2026-27 catalogue. Did you mean"),
        (["CH/020"], "Its measures are CH/020a, CH/020b, CH/020c"),
        (["CH/004", "z"], "CH/004 has no part 'z': its parts are a Self, b Relative"),
        (["CH/001", "a"], "CH/001 has no parts: trace it as CH/001"),
        (["CH/023", "a", "age_x"], "CH/023 has no age band 'age_x' (its age bands: age_i"),
        (["contacts"], "'contacts' is not a measure code"),
        (["CH/023", "a", "age_ii", "b"], "at most one age band"),
    ],
)
def test_unknown_measures_and_parts_are_one_clear_line(typed: list[str], says: str) -> None:
    with pytest.raises(TraceError, match=None) as raised:
        parse_figure(typed, REGISTRY)
    assert says in str(raised.value) and "\n" not in str(raised.value)
    assert raised.value.exit_code == 2


def test_years() -> None:
    assert parse_year("2026-27") == parse_year("2026") == parse_year("2026/2027") == "2026-27"
    assert parse_year("1999-00") == "1999-00"
    for wrong in ("2026-28", "26-27", "last year"):
        with pytest.raises(TraceError):
            parse_year(wrong)


def test_trace_a_part_prints_and_writes_the_records(mart: Path, tmp_path: Path) -> None:
    out = tmp_path / "trace.csv"
    code, output = invoke(mart, "CH/004e", "--year", "2026", csv_path=out)
    assert code == 0, output
    assert "CH/004 part e, 2026-27" in output and "Health" in output
    assert "Records counted: 2" in output and "C1" in output and "P2" in output and "C9" not in output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark, for Excel"
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["item_id"] for row in rows] == ["C1", "C2"]
    assert {row["status"] for row in rows} == {"counted"}
    assert rows[1]["source_reference"] == '\'=HYPERLINK("x")', "a formula is written as text"
    assert rows[0]["person_id"] == "P1" and rows[0]["item_value"] == "1"


def test_excluded_lists_the_measures_candidates_left_out(mart: Path, tmp_path: Path) -> None:
    out = tmp_path / "trace.csv"
    code, output = invoke(mart, "CH/004", "e", "--year", "2026-27", "--excluded", csv_path=out)
    assert code == 0, output
    assert "recorded in error" in output and "kept per measure, not per part" in output
    assert "receiving care and support" not in output, "CH/001's exclusions are not CH/004's"
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    excluded = [row for row in rows if row["status"] == "excluded"]
    assert [(row["item_id"], row["exclusion_reason"]) for row in excluded] == [("C7", "recorded in error")]


def test_a_total_days_measure_and_a_breakdown_add_up(mart: Path) -> None:
    code, output = invoke(mart, "CH/035", "--year", "2026-27")
    assert code == 0, output
    assert "42 2 42 yes" in output, output  # figure, records, sum of their values
    code, output = invoke(mart, "CH/023", "a", "age_ii", "--year", "2026-27")
    assert code == 0, output
    assert "Records counted: 1" in output and "K1" in output and "K2" not in output
    code, output = invoke(mart, "CH/023a", "--year", "2026-27")
    assert code == 0 and "age_ii" in output and "age_iii" in output and "Records counted: 2" in output


def test_the_year_defaults_to_the_latest(mart: Path) -> None:
    code, output = invoke(mart, "CH/004e")
    assert code == 0 and "CH/004 part e, 2026-27" in output and "Records counted: 2" in output


def test_every_part_of_a_measure(mart: Path) -> None:
    code, output = invoke(mart, "ch/004", "--year", "2026-27")
    assert code == 0, output
    assert "CH/004 (every part), 2026-27" in output and "Records counted: 3" in output


def test_records_not_adding_up_fail(mart: Path) -> None:
    with duckdb.connect(str(mart)) as connection:
        connection.execute(
            "update main_return.pif_return set value = 5 where measure_code = 'CH/004' and part = 'e'"
        )
    code, output = invoke(mart, "CH/004e", "--year", "2026-27")
    assert code == 1 and "do not add up" in output and "NO" in output


def test_nothing_to_trace(tmp_path: Path) -> None:
    mart = build_mart(tmp_path / "built.duckdb", implemented=("CH/004",))
    code, output = invoke(mart, "CH/001", "--year", "2026-27")
    assert code == 1 and "CH/001 is not implemented" in output
    code, output = invoke(mart, "CH/004e", "--year", "2019")
    assert (
        code == 1 and "2019-20 is not a collection year of this return (it has 2025-26 to 2026-27" in output
    )

    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    code, output = invoke(empty, "CH/004e", "--year", "2026-27")
    assert code == 1 and "no built return" in output and "run `pif run" in output
    code, output = invoke(empty, "CH/004e")  # no year: the latest, and still the same message
    assert code == 1 and "no built return" in output

    code, output = invoke(tmp_path / "missing.duckdb", "CH/004e")
    assert code == 5 and "no DuckDB database" in output


def test_usage_errors_exit_2(mart: Path) -> None:
    code, output = invoke(mart, "CH/004z")
    assert code == 2 and "CH/004 has no part 'z'" in output
    result = CliRunner().invoke(app, ["trace", "CH/004e", "--target", "oracle"])
    assert result.exit_code == 2 and "no target 'oracle'" in " ".join(result.output.split())
