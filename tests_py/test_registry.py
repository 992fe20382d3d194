"""Tests of the measure registry (``pif.registry``) and its seed ``seeds/measure_registry.csv``."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import pytest

from pif.registry import COLUMNS, RegistryRow, build_registry, render_registry_csv

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CATALOGUE_PATH = PROJECT_ROOT / ".." / "shared" / "catalogue" / "definitions-catalogue-2026-27.txt"
SEED_PATH = PROJECT_ROOT / "seeds" / "measure_registry.csv"

CODE = r"(?:AD|AS|CH|CA)/\d{3}[a-z]?"


@pytest.fixture(scope="module")
def catalogue() -> str:
    if not CATALOGUE_PATH.exists():
        pytest.skip(f"catalogue text not found at {CATALOGUE_PATH.resolve()}")
    return CATALOGUE_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def registry(catalogue: str) -> list[RegistryRow]:
    return build_registry(catalogue)


@pytest.fixture(scope="module")
def codes(registry: list[RegistryRow]) -> set[str]:
    return {row["measure_code"] for row in registry}


def test_seed_on_disk_equals_generated(registry: list[RegistryRow]) -> None:
    assert SEED_PATH.read_text(encoding="utf-8") == render_registry_csv(
        registry
    ), "seeds/measure_registry.csv is stale: regenerate with `python -m pif.registry`"


def test_seed_columns() -> None:
    with SEED_PATH.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == COLUMNS


def test_every_measure_reference_is_registered(catalogue: str, codes: set[str]) -> None:
    references = re.findall(rf"^Measure Reference:\s*({CODE})(.*)$", catalogue, re.MULTILINE)
    current = {code for code, rest in references if "discontinued" not in rest}
    discontinued = {code for code, rest in references if "discontinued" in rest}
    assert len(current) > 100
    assert current - codes == set()
    assert discontinued == {"CH/037c"}
    assert discontinued & codes == set()


def test_every_indexed_measure_is_registered(catalogue: str, codes: set[str]) -> None:
    index = catalogue[catalogue.rindex("\nIndex of Measures\n") :]
    indexed = set(re.findall(rf"^({CODE})\b", index, re.MULTILINE))
    assert "CA/008" in indexed  # its header is missing from the body
    assert indexed - codes == set()


def test_no_duplicate_measure_parts(registry: list[RegistryRow]) -> None:
    counts = Counter((row["measure_code"], row["part"]) for row in registry)
    assert [key for key, n in counts.items() if n > 1] == []


def test_base_measures_are_registered(registry: list[RegistryRow], codes: set[str]) -> None:
    bases = {row["base_measure_code"] for row in registry} - {""}
    assert bases - codes == set()


def test_children_contacts_and_assessments_parts(registry: list[RegistryRow]) -> None:
    expected = (
        [("CH/001", ""), ("CH/002", ""), ("CH/003", "")]
        + [("CH/004", part) for part in "abcdefghijklmnopqr"]
        + [("CH/005", "a"), ("CH/005", "b"), ("CH/006", "")]
        + [("CH/007", part) for part in "abc"]
        + [("CH/008", "a"), ("CH/008", "b")]
        + [("CH/009", part) for part in "abc"]
        + [
            ("CH/010", ""),
            ("CH/011", "a"),
            ("CH/011", "b"),
            ("CH/012", ""),
            ("CH/013", ""),
        ]
        + [("CH/014", part) for part in "abc"]
    )
    first_fourteen = {f"CH/{n:03d}" for n in range(1, 15)}
    actual = [(row["measure_code"], row["part"]) for row in registry if row["measure_code"] in first_fourteen]
    assert actual == expected


def test_welsh_government_fills_only_post_populated_cla_measures(
    registry: list[RegistryRow],
) -> None:
    flagged = {row["measure_code"] for row in registry if row["filled_by_welsh_government"] == "true"}
    assert flagged == {
        "CH/037a", "CH/037b", "CH/039", "CH/040", "CH/043",
        "CH/045", "CH/046", "CH/047", "CH/048",
    }  # fmt: skip
    assert {row["filled_by_welsh_government"] for row in registry} == {"true", "false"}


def test_age_band_scheme(registry: list[RegistryRow]) -> None:
    parts: dict[str, list[str]] = {}
    for row in registry:
        parts.setdefault(row["measure_code"], []).append(row["part"])
    assert parts["CH/023"] == [
        *"abcdefghi",
        "age_i",
        "age_ii",
        "age_iii",
        "age_iv",
        "age_v",
        "j",
        "k",
    ]
    assert parts["AD/022"] == [*"abcde", *(f"age_{n}" for n in range(1, 9))]
    assert parts["AD/023"] == [f"age_{n}" for n in range(1, 9)]
    assert parts["AD/030"] == [*"abcdefgh", *(f"age_{x}" for x in "abcdefgh")]


def test_days_measures_are_totals(registry: list[RegistryRow]) -> None:
    units = {row["measure_code"]: row["unit"] for row in registry}
    assert {code for code, unit in units.items() if unit != "count"} == {
        "AD/014",
        "CH/035",
    }
    assert units["AD/014"] == "total_days"


def test_seed_is_valid_csv_with_quoted_commas() -> None:
    text = SEED_PATH.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert all(len(row) == len(COLUMNS) and None not in row for row in rows)
    assert 350 <= len(rows) <= 450
