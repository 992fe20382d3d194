"""`pif check`: the relation reference data, the layouts it reads, and its verdicts and exit codes."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from pif.check import (
    EXIT_MUST_FAILED,
    EXIT_OK,
    EXIT_UNREADABLE,
    REGISTRY_FILE,
    LayoutError,
    Relation,
    check,
    detect_layout,
    load_relations,
    parse_value,
    read_figures,
    split_code,
    summarise,
)
from pif.cli import app

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = ROOT.parent / "shared" / "reference" / "la-published-children-metrics-2022-23.csv"
RETURN_MODELS = ROOT / "models" / "marts" / "return" / "_return__models.yml"
REGISTRY = pd.read_csv(REGISTRY_FILE, dtype=str, keep_default_na=False)
YEARS = ("2026-27", "2025-26")


def registry_parts(measure_code: str) -> list[str]:
    parts = REGISTRY.loc[REGISTRY["measure_code"] == measure_code, "part"]
    return [part for part in parts if part and not part.startswith("age_")]


def find(relations: list[Relation], kind: str, measure_code: str, other: str, parts: str = "") -> str:
    """The id of the relation with these sides (so tests do not depend on row numbers)."""
    matches = [
        r.relation_id
        for r in relations
        if r.kind == kind
        and r.measure_code == measure_code
        and r.other_measure_code == other
        and (not parts or " ".join(r.parts) == parts)
    ]
    assert len(matches) == 1, (kind, measure_code, other, matches)
    return matches[0]


# --- the reference data ------------------------------------------------------------------------


def test_every_relation_row_is_complete() -> None:
    relations = load_relations()
    assert len({r.relation_id for r in relations}) == len(relations)
    known = set(REGISTRY["measure_code"] + "|" + REGISTRY["part"])
    for relation in relations:
        assert relation.catalogue_quote and relation.catalogue_measure, relation.relation_id
        if relation.strength == "expected":
            assert relation.reason, relation.relation_id
        for code, parts in (
            (relation.measure_code, relation.parts),
            (relation.other_measure_code, relation.other_parts),
        ):
            for part in parts:
                if part != "total":
                    assert f"{code}|{part}" in known, (relation.relation_id, code, part)


def _dbt_relations() -> set[tuple[str, str, tuple[str, ...], str, tuple[str, ...], str]]:
    spec = yaml.safe_load(RETURN_MODELS.read_text(encoding="utf-8"))
    model = next(m for m in spec["models"] if m["name"] == "pif_return")
    found = set()
    relations = []
    for test in model["data_tests"]:
        ((kind, body),) = test.items()
        if kind != "figure_relations":
            # every figure-level relation is an item of a figure_relations test (one dbt node)
            assert kind not in ("not_greater_than", "parts_sum_to_total", "part_groups_sum_equal"), kind
            continue
        strength = "expected" if (body.get("config") or {}).get("severity") == "warn" else "must"
        for relation in body["arguments"]["relations"]:
            ((relation_kind, arguments),) = relation.items()
            relations.append((relation_kind, arguments, strength))
    assert relations, "no figure_relations test on pif_return"
    for kind, arguments, strength in relations:
        if kind == "not_greater_than":
            key = (
                arguments["measure_code"],
                (arguments["part"] or "",),
                arguments["than_measure_code"],
                (arguments["than_part"] or "",),
            )
        elif kind == "parts_sum_to_total":
            parts = arguments.get("parts") or registry_parts(arguments["measure_code"])
            key = (
                arguments["measure_code"],
                tuple(parts),
                arguments["total_measure_code"],
                (arguments.get("total_part") or "",),
            )
        else:
            key = (
                arguments["measure_code"],
                tuple(arguments["parts"]),
                arguments["measure_code"],
                tuple(arguments["other_parts"]),
            )
        found.add((kind, key[0], key[1], key[2], key[3], strength))
    return found


def test_reference_rows_and_pif_return_tests_agree() -> None:
    """Every figure-level test on pif_return is a reference row marked dbt_test=pif_return, and back."""
    rows = {
        (r.kind, r.measure_code, r.parts, r.other_measure_code, r.other_parts, r.strength)
        for r in load_relations()
        if r.dbt_test == "pif_return"
    }
    dbt = _dbt_relations()
    assert dbt - rows == set(), "tests on pif_return without a reference row"
    assert rows - dbt == set(), "reference rows marked dbt_test=pif_return without a test"


# --- a hand-built return with planted failures ---------------------------------------------------


def clean_rows() -> list[dict[str, object]]:
    figures: dict[tuple[str, str], float] = {("CH/001", ""): 100, ("CH/002", ""): 40, ("CH/003", ""): 90}
    for part in registry_parts("CH/004"):
        figures[("CH/004", part)] = {"a": 10, "b": 90}.get(part, 0)
    figures[("CH/004", "total")] = 100
    figures.update({("CH/006", ""): 50, ("CH/007", "a"): 20, ("CH/007", "b"): 20, ("CH/007", "c"): 10})
    for part in "abcdefgh":
        figures[("AD/030", part)] = 5 if part == "a" else 0
        figures[("AD/030", f"age_{part}")] = 5 if part == "a" else 0
    figures.update({("CH/026", "a"): 10, ("CH/026", "b"): 20, ("CH/036", ""): 5})
    return [
        {"collection_year": year, "measure_code": code, "part": part, "value": value}
        for year in YEARS
        for (code, part), value in figures.items()
    ]


def write_long(path: Path, rows: list[dict[str, object]]) -> Path:
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def plant(rows: list[dict[str, object]], changes: dict[tuple[str, str], float]) -> list[dict[str, object]]:
    planted = []
    for row in rows:
        key = (row["measure_code"], row["part"])
        if row["collection_year"] == "2026-27" and key in changes:
            row = {**row, "value": changes[key]}
        planted.append(row)
    return planted


def test_clean_return_passes(tmp_path: Path) -> None:
    figures, layout = read_figures(write_long(tmp_path / "clean.csv", clean_rows()))
    assert layout == "long"
    results = check(figures, load_relations())
    summary = summarise(results)
    assert summary.failed_must == summary.failed_expected == 0
    assert summary.exit_code == EXIT_OK
    # each kind was really checked, not skipped
    checked = {r.relation.kind for r in results if r.status == "pass"}
    assert checked == {"not_greater_than", "parts_sum_to_total", "part_groups_sum_equal"}
    assert summary.not_checked > 0


def test_planted_failures_of_each_kind_are_exactly_reported(tmp_path: Path) -> None:
    relations = load_relations()
    path = write_long(
        tmp_path / "planted.csv",
        plant(
            clean_rows(),
            {("CH/002", ""): 150, ("CH/007", "c"): 15, ("AD/030", "age_a"): 6, ("CH/036", ""): 25},
        ),
    )
    results = check(read_figures(path)[0], relations)
    failed = {(r.relation.relation_id, r.collection_year) for r in results if r.status == "fail"}
    assert failed == {
        (find(relations, "not_greater_than", "CH/002", "CH/001"), "2026-27"),
        (find(relations, "parts_sum_to_total", "CH/007", "CH/006"), "2026-27"),
        (find(relations, "part_groups_sum_equal", "AD/030", "AD/030"), "2026-27"),
        (find(relations, "not_greater_than", "CH/036", "CH/026"), "2026-27"),
    }
    summary = summarise(results)
    assert (summary.failed_must, summary.failed_expected) == (3, 1)

    runner = CliRunner()
    outcome = runner.invoke(app, ["check", str(path), "--csv", str(tmp_path / "results.csv")])
    assert outcome.exit_code == EXIT_MUST_FAILED, outcome.output
    assert "CH/002 = 150 should be <= CH/001 = 100" in outcome.output
    assert "sum of CH/007 a-c = 55 should be = CH/006 = 50" in outcome.output
    assert "3 failed must-hold, 1 failed expected" in outcome.output
    written = pd.read_csv(tmp_path / "results.csv", dtype=str, keep_default_na=False)
    assert (written["status"] == "fail").sum() == 4
    assert set(written["status"]) == {"pass", "fail", "not checked"}
    # the other year is clean
    assert runner.invoke(app, ["check", str(path), "--year", "2025-26"]).exit_code == EXIT_OK


def test_an_expected_failure_alone_exits_zero(tmp_path: Path) -> None:
    path = write_long(tmp_path / "expected.csv", plant(clean_rows(), {("CH/036", ""): 25}))
    outcome = CliRunner().invoke(app, ["check", str(path)])
    assert outcome.exit_code == EXIT_OK, outcome.output
    assert "expected R" in outcome.output and "0 failed must-hold, 1 failed expected" in outcome.output


def test_a_missing_figure_is_not_checked_never_passed(tmp_path: Path) -> None:
    rows = [r for r in clean_rows() if not (r["measure_code"] == "CH/007" and r["part"] == "c")]
    relations = load_relations()
    results = check(read_figures(write_long(tmp_path / "gap.csv", rows))[0], relations, "2026-27")
    wanted = find(relations, "parts_sum_to_total", "CH/007", "CH/006")
    (result,) = [r for r in results if r.relation.relation_id == wanted]
    assert result.status == "not checked" and result.missing == "CH/007c"


def test_project_long_export_layout(tmp_path: Path) -> None:
    """output/pif_return_long.csv: breakdown rows (matrix cells) are not part figures."""
    rows = [{**row, "breakdown": "", "label": "x", "unit": "count"} for row in clean_rows()] + [
        {
            "collection_year": "2026-27",
            "measure_code": "CH/002",
            "part": "",
            "breakdown": "age_ii",
            "label": "x",
            "unit": "count",
            "value": 999,
        }
    ]
    figures, layout = read_figures(write_long(tmp_path / "pif_return_long.csv", rows))
    assert layout == "long"
    assert summarise(check(figures, load_relations())).failed_must == 0


# --- the published layout -----------------------------------------------------------------------


def test_published_reference_file_is_read_unchanged_and_its_breaks_reported() -> None:
    relations = load_relations()
    figures, layout = read_figures(PUBLISHED)
    assert layout == "published"
    assert set(figures["collection_year"]) == {"2022-23", "2021-22"}
    lookup = figures.set_index(["collection_year", "measure_code", "part"])["value"]
    assert lookup[("2022-23", "CH/004", "total")] == 14374
    assert lookup[("2022-23", "CH/023", "a")] == 38  # the category's "all ages" row, not a cell
    assert lookup[("2022-23", "CH/023", "age_iv")] == 20
    assert lookup[("2021-22", "CH/023", "total")] == 84
    assert pd.isna(lookup[("2021-22", "CH/015", "b")])  # blank: not available, not zero

    results = check(figures, relations)
    failed = {
        (r.relation.relation_id, r.collection_year, r.value, r.other_value)
        for r in results
        if r.status == "fail"
    }
    assert failed == {
        # the nine categories of CH/023 add up to 84 registrations in 2021-22, CH/027 says 83
        (
            find(relations, "parts_sum_to_total", "CH/023", "CH/027", "a b c d e f g h i"),
            "2021-22",
            84.0,
            83.0,
        ),
        # 104 children de-registered during 2022-23, only 75 on the register during the year
        (find(relations, "not_greater_than", "CH/036", "CH/026"), "2022-23", 104.0, 75.0),
    }
    outcome = CliRunner().invoke(app, ["check", str(PUBLISHED)])
    assert outcome.exit_code == EXIT_MUST_FAILED, outcome.output
    assert "1 failed must-hold, 1 failed expected" in outcome.output
    # CH/004's parts add up to its printed Total in both years
    wanted = find(relations, "parts_sum_to_total", "CH/004", "CH/004")
    assert {r.status for r in results if r.relation.relation_id == wanted} == {"pass"}


def test_published_values_with_separators_and_suppression(tmp_path: Path) -> None:
    path = tmp_path / "published.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["measure_code", "part_label", "value_2022_23", "value_2021_22"])
        writer.writerow(["CH/001", "Contacts", "14,374", "1,000"])
        writer.writerow(["CH/002", "Advice", "-", "1,200"])
        writer.writerow(["CH/003", "Decided", "..", "900"])
        writer.writerow(["CH/005a", "Several factors", "", "10"])
    relations = load_relations()
    figures, layout = read_figures(path)
    assert layout == "published"
    results = {(r.relation.relation_id, r.collection_year): r for r in check(figures, relations)}
    ch002 = find(relations, "not_greater_than", "CH/002", "CH/001")
    ch003 = find(relations, "not_greater_than", "CH/003", "CH/001")
    assert results[(ch002, "2022-23")].status == "not checked"
    assert results[(ch003, "2022-23")].status == "not checked"
    assert results[(ch002, "2021-22")].status == "fail"  # 1,200 > 1,000: separators read as thousands
    assert results[(ch003, "2021-22")].status == "pass"
    assert results[(ch002, "2021-22")].value == 1200


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,442", 1442.0), (" 7 ", 7.0), ("", None), ("-", None), ("..", None), ("x", None), ("0", 0.0)],
)
def test_parse_value(text: str, value: float | None) -> None:
    assert parse_value(text) == value


def test_split_code() -> None:
    assert split_code("CH/004a", "Self", REGISTRY) == ("CH/004", "a")
    assert split_code("CH/004", "Total", REGISTRY) == ("CH/004", "total")
    assert split_code("CH/001", "Contacts", REGISTRY) == ("CH/001", "")
    assert split_code("CH/020a", "Initial strategy meetings", REGISTRY) == ("CH/020a", "")
    assert split_code("AS/004a", "Total", REGISTRY) == ("AS/004a", "total")
    assert split_code("CH/037b", "New episodes", REGISTRY) == ("CH/037b", "")
    assert split_code("CH/023a", "category Neglect; age 1 - 4", REGISTRY) is None
    assert split_code("CH/023", "all categories (Total); age 16 - 18", REGISTRY) == ("CH/023", "age_v")
    assert split_code("CH/023", "all categories (Total); age Under 1", REGISTRY) == ("CH/023", "age_i")


# --- layouts ------------------------------------------------------------------------------------


def test_layout_detection() -> None:
    assert detect_layout(["collection_year", "measure_code", "part", "value"]) == "long"
    assert (
        detect_layout(["collection_year", "measure_code", "part", "breakdown", "label", "unit", "value"])
        == "long"
    )
    assert detect_layout(["measure_code", "part", "label", "unit", "2026-27", "2025-26"]) == "wide"
    assert detect_layout(["measure_code", "part_label", "value_2022_23", "value_2021_22"]) == "published"
    with pytest.raises(LayoutError, match="collection_year, measure_code, part, value"):
        detect_layout(["year", "code", "figure"])


def test_wide_export_layout(tmp_path: Path) -> None:
    path = tmp_path / "pif_return.csv"
    path.write_text(
        "measure_code,part,label,unit,2026-27,2025-26\nCH/001,,Contacts,count,100,90\n"
        "CH/002,,Advice,count,120,80\n",
        encoding="utf-8",
    )
    figures, layout = read_figures(path)
    assert layout == "wide"
    relations = load_relations()
    ch002 = find(relations, "not_greater_than", "CH/002", "CH/001")
    verdicts = {
        r.collection_year: r.status for r in check(figures, relations) if r.relation.relation_id == ch002
    }
    assert verdicts == {"2026-27": "fail", "2025-26": "pass"}


def test_unknown_layout_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("year,code,figure\n2026-27,CH/001,5\n", encoding="utf-8")
    outcome = CliRunner().invoke(app, ["check", str(path)])
    assert outcome.exit_code == EXIT_UNREADABLE
    assert (
        "unknown layout" in outcome.output and "collection_year, measure_code, part, value" in outcome.output
    )
    assert CliRunner().invoke(app, ["check", str(tmp_path / "absent.csv")]).exit_code == EXIT_UNREADABLE


def test_a_file_that_is_not_a_csv_return_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("Notes, draft\nfirst, line\nsome text, with, more, commas, here\n", encoding="utf-8")
    outcome = CliRunner().invoke(app, ["check", str(path)])
    assert outcome.exit_code == EXIT_UNREADABLE
    assert "is not a comma-separated return" in outcome.output
    assert "Traceback" not in outcome.output


def test_a_figure_given_twice_with_different_values_is_warned(tmp_path: Path) -> None:
    rows = [*clean_rows(), {"collection_year": "2026-27", "measure_code": "CH/001", "part": "", "value": 7}]
    outcome = CliRunner().invoke(app, ["check", str(write_long(tmp_path / "twice.csv", rows))])
    assert "1 figures are given twice with different values" in outcome.output
    assert outcome.exit_code == EXIT_OK


def test_wide_export_matrix_cells_are_not_part_figures(tmp_path: Path) -> None:
    path = tmp_path / "pif_return.csv"
    path.write_text(
        "measure_code,part,breakdown,label,unit,2026-27\nCH/001,,,Contacts,count,100\n"
        "CH/002,,,Advice,count,40\nCH/002,,age_ii,cell,count,999\n",
        encoding="utf-8",
    )
    figures, layout = read_figures(path)
    assert layout == "wide" and list(figures["value"]) == [100, 40]


def test_hand_built_years_and_unreadable_values(tmp_path: Path) -> None:
    path = tmp_path / "hand.csv"
    path.write_text(
        "collection_year,measure_code,part,value\n2026/27,CH/001,,100\n2026/27,CH/002,,about 40\n",
        encoding="utf-8",
    )
    figures, _ = read_figures(path)
    assert set(figures["collection_year"]) == {"2026-27"}
    outcome = CliRunner().invoke(app, ["check", str(path)])
    assert "1 values are not numbers and are read as not available (e.g. 'about 40'" in outcome.output
    assert outcome.exit_code == EXIT_OK
