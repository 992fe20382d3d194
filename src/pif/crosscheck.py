"""Check that DuckDB and PostgreSQL give the same return from the same extract.

Both databases build every model with the same SQL, but date arithmetic, string comparison and
rounding can differ between them. After `dbt build` on both (as `make test` does on the sample),
this compares, row for row, the items behind every figure (measure_items), the figures
(pif_return) and the exclusions (measure_exclusions) and fails on any difference:

    python -m pif.crosscheck --duckdb-path .tmp/test.duckdb     # PostgreSQL from PIF_PG_*
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from pif import db

# Relation -> the columns compared (every column that identifies or values a row).
RELATIONS: dict[str, list[str]] = {
    "measure_items": [
        "collection_year",
        "measure_code",
        "part",
        "item_type",
        "item_id",
        "person_id",
        "event_date",
        "item_value",
        "source_reference",
    ],
    "pif_return": ["collection_year", "measure_code", "part", "breakdown", "value"],
    "measure_exclusions": [
        "collection_year",
        "measure_code",
        "item_type",
        "item_id",
        "event_date",
        "exclusion_reason",
        "source_reference",
    ],
}

# Relations in the aggregate return's own schema (<schema>_return); the others are item-level marts.
RETURN_SCHEMA_RELATIONS: dict[str, str] = {"pif_return": "return"}


def read_relation(connection: Any, schema: str, relation: str, columns: list[str]) -> pd.DataFrame:
    """The relation's columns as text (so dates and numbers compare alike), sorted, nulls as ''."""
    quoted = [db.quote_identifier(column) for column in columns]
    select = ", ".join(f"cast({column} as varchar) as {column}" for column in quoted)
    frame = db.query_frame(
        connection, f"select {select} from {db.quote_identifier(schema)}.{db.quote_identifier(relation)}"
    )
    return frame.fillna("").sort_values(columns, kind="stable").reset_index(drop=True)


def differences(left: pd.DataFrame, right: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Rows in one frame and not the other (duplicates counted), with a `side` column."""
    left = left.assign(_n=left.groupby(columns).cumcount())
    right = right.assign(_n=right.groupby(columns).cumcount())
    merged = left.merge(right, on=[*columns, "_n"], how="outer", indicator=True)
    only = merged[merged["_merge"] != "both"].copy()
    only["side"] = only["_merge"].map({"left_only": "duckdb only", "right_only": "postgres only"})
    return only[["side", *columns]].reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--duckdb-path", type=Path, default=None, help="DuckDB file (default PIF_DUCKDB_PATH)."
    )
    parser.add_argument("--show", type=int, default=10, help="Differing rows shown per relation.")
    args = parser.parse_args(argv)

    duck = db.connect("duckdb", args.duckdb_path, read_only=True)
    postgres = db.connect("postgres")
    failed = False
    try:
        for relation, columns in RELATIONS.items():
            suffix = RETURN_SCHEMA_RELATIONS.get(relation, "marts")
            left = read_relation(duck, db.model_schema("duckdb", suffix), relation, columns)
            right = read_relation(postgres, db.model_schema("postgres", suffix), relation, columns)
            diff = differences(left, right, columns)
            if diff.empty:
                print(f"{relation}: {len(left):,} rows, identical on DuckDB and PostgreSQL")
                continue
            failed = True
            print(f"{relation}: {len(diff):,} rows differ (DuckDB {len(left):,}, PostgreSQL {len(right):,})")
            print(diff.head(args.show).to_string(index=False))
    finally:
        duck.close()
        postgres.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
