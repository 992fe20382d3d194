"""`pif trace` on a real build of the sample extract: the traced records add up to every figure of
pif_return (counts, total-days measures, category-by-age cells) and --excluded gives exactly the
rows of measure_exclusions.

Run by make test after the sample build, on each target (PIF_TEST_TRACE_TARGET=duckdb with
PIF_DUCKDB_PATH, or postgres with PIF_PG_*); skipped in a plain `pytest`.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pif import db
from pif.contract import project_root
from pif.trace import EXCLUSION_COLUMNS, Figure, read_registry, trace

TARGET = os.environ.get("PIF_TEST_TRACE_TARGET", "")
pytestmark = pytest.mark.skipif(
    not TARGET, reason="needs a built sample database (make dbt-duckdb / dbt-postgres)"
)
REGISTRY = read_registry()


@pytest.fixture(scope="module")
def connection() -> Iterator[Any]:
    handle = db.connect(TARGET, read_only=True)
    yield handle
    handle.close()


@pytest.fixture(scope="module")
def schemas() -> dict[str, str]:
    resolved = db.resolve_target(TARGET)
    return {suffix: resolved.model_schema(suffix) for suffix in ("marts", "return")}


@pytest.fixture(scope="module")
def returned(connection: Any, schemas: dict[str, str]) -> pd.DataFrame:
    """pif_return, read directly (nulls as '')."""
    frame = db.query_frame(
        connection,
        f"select collection_year, measure_code, part, breakdown, value from {schemas['return']}.pif_return",
    )
    for column in ("part", "breakdown"):
        frame[column] = frame[column].fillna("").astype(str)
    frame["value"] = pd.to_numeric(frame["value"])
    return frame


def figure_of(returned: pd.DataFrame, year: str, code: str, part: str, breakdown: str = "") -> float:
    row = returned[
        (returned["collection_year"] == year)
        & (returned["measure_code"] == code)
        & (returned["part"] == part)
        & (returned["breakdown"] == breakdown)
    ]
    assert len(row) == 1, (year, code, part, breakdown)
    return float(row["value"].iloc[0])


@pytest.mark.parametrize(
    ("figure", "kind"),
    [
        (Figure("CH/004", "e"), "a part of a count"),
        (Figure("CH/001", ""), "a measure without parts"),
        (Figure("CH/035", ""), "total days on the register (item_value = days)"),
        (Figure("AD/014", "a"), "total days waited (item_value = days)"),
        (Figure("CH/023", "a"), "a category part crossed with age bands"),
        (Figure("AD/022", "c", "age_7"), "one category-by-age cell"),
        (Figure("CH/020b", None), "every part of a measure"),
    ],
)
def test_traced_records_equal_the_figure(
    connection: Any, schemas: dict[str, str], returned: pd.DataFrame, figure: Figure, kind: str
) -> None:
    for year in sorted(set(returned["collection_year"])):
        result = trace(connection, schemas, figure, year, REGISTRY)
        assert result.matches, (kind, year, result.figures)
        if figure.part is not None:
            value = figure_of(returned, year, figure.measure_code, figure.part, figure.breakdown or "")
            assert float(result.items["item_value"].sum()) == value, (kind, year)
        else:
            parts = returned[
                (returned["measure_code"] == figure.measure_code) & (returned["breakdown"] == "")
            ]
            assert len(result.figures) == len(parts[parts["collection_year"] == year])


def test_some_traced_figures_are_not_zero(
    connection: Any, schemas: dict[str, str], returned: pd.DataFrame
) -> None:
    """The sample has records behind these figures in some year, so the comparisons above are not 0 = 0."""
    for figure in (Figure("CH/004", "e"), Figure("CH/035", ""), Figure("AD/014", "a"), Figure("AD/022", "c")):
        rows = returned[(returned["measure_code"] == figure.measure_code) & (returned["part"] == figure.part)]
        year = str(rows.sort_values("value").iloc[-1]["collection_year"])
        result = trace(connection, schemas, figure, year, REGISTRY)
        assert len(result.items) > 0 and result.figures["value"].iloc[0] > 0, figure
    valued = trace(connection, schemas, Figure("AD/014", "a"), "2026-27", REGISTRY)
    assert float(valued.items["item_value"].sum()) > len(valued.items), "days, not a count of records"


def test_every_figure_of_every_measure_traces(
    connection: Any, schemas: dict[str, str], returned: pd.DataFrame
) -> None:
    """Every part (and age-band cell) of every measure in the latest year adds up to its figure."""
    year = max(returned["collection_year"])
    codes = sorted(set(returned["measure_code"]))
    assert len(codes) >= 100
    for code in codes:
        result = trace(connection, schemas, Figure(code, None), year, REGISTRY)
        assert result.matches, (code, result.figures)
        for part in set(
            returned.loc[(returned["measure_code"] == code) & (returned["breakdown"] != ""), "part"]
        ):
            crossed = trace(connection, schemas, Figure(code, part), year, REGISTRY)
            assert crossed.matches and (crossed.figures["breakdown"] != "").any(), (code, part)


@pytest.mark.parametrize("code", ["CH/001", "CH/013", "AD/013", "CH/006"])
def test_excluded_rows_are_measure_exclusions(connection: Any, schemas: dict[str, str], code: str) -> None:
    expected = db.query_frame(
        connection,
        f"select {', '.join(EXCLUSION_COLUMNS)} from {schemas['marts']}.measure_exclusions "
        f"where measure_code = '{code}' and collection_year = '2026-27'",
    )
    assert len(expected) > 0, f"the sample has exclusions for {code}"
    result = trace(connection, schemas, Figure(code, None), "2026-27", REGISTRY, excluded=True)
    assert result.exclusions is not None

    def rows(frame: pd.DataFrame) -> list[tuple[str, ...]]:
        return sorted(
            tuple(str(value) for value in row)
            for row in frame[list(EXCLUSION_COLUMNS)].itertuples(index=False)
        )

    assert rows(result.exclusions) == rows(expected)


def test_cli_writes_counted_and_excluded_records(
    tmp_path: Path, connection: Any, schemas: dict[str, str]
) -> None:
    out = tmp_path / "ch001.csv"
    env = {**os.environ, "COLUMNS": "160"}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "pif"), "trace", "ch/001", "--year", "2026", "--target", TARGET,
         "--excluded", "--csv", str(out)],
        cwd=project_root(), capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Records counted" in done.stdout and "Candidates left out of CH/001" in done.stdout
    with out.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    counted = [row for row in records if row["status"] == "counted"]
    excluded = [row for row in records if row["status"] == "excluded"]
    result = trace(connection, schemas, Figure("CH/001", ""), "2026-27", REGISTRY, excluded=True)
    assert len(counted) == len(result.items) == result.figures["value"].iloc[0]
    assert result.exclusions is not None and len(excluded) == len(result.exclusions) > 0
    assert all(row["exclusion_reason"] for row in excluded)
