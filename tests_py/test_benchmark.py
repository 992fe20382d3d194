"""The pure parts of `pif benchmark`: run_results parsing, manifest ordering, plain SQL, markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pif.benchmark import (
    ANALYSIS_END,
    ANALYSIS_START,
    DbtProfile,
    Floors,
    PresetResult,
    StageResult,
    existing_analysis,
    generated_population,
    heaviest,
    node_statements,
    parse_run_results,
    plain_statements,
    profile_run,
    render_markdown,
    short_name,
    split_preset,
    topological_order,
)


def result(unique_id: str, start: str, end: str, execution: float, thread: str = "Thread-1 (worker)") -> dict:
    """A run_results.json result with a compile phase of 0.1 s then an execute phase."""
    return {
        "unique_id": unique_id,
        "status": "success",
        "thread_id": thread,
        "execution_time": execution,
        "timing": [
            {"name": "compile", "started_at": f"2026-01-01T10:00:{start}Z", "completed_at": None},
            {
                "name": "execute",
                "started_at": f"2026-01-01T10:00:{start}Z",
                "completed_at": f"2026-01-01T10:00:{end}Z",
            },
        ],
    }


RUN_RESULTS: dict[str, Any] = {
    "metadata": {"invocation_started_at": "2026-01-01T09:59:52.000000Z"},
    "elapsed_time": 12.5,
    "results": [
        result("operation.pif.pif-on-run-start-0", "00.000000", "00.100000", 0.1, thread="main"),
        result("model.pif.person", "01.000000", "04.000000", 3.0),
        result("model.pif.contact", "01.000000", "02.000000", 1.0, thread="Thread-2 (worker)"),
        result("test.pif.unique_person_person_id.abc123", "04.000000", "04.500000", 0.5),
        result("test.pif.not_null_person_person_id.def456", "04.000000", "06.000000", 2.0),
        result("unit_test.pif.person.age_on_birthday", "02.000000", "02.250000", 0.25),
    ],
}


def test_parse_run_results_reads_phases_and_types() -> None:
    timings = {timing.unique_id: timing for timing in parse_run_results(RUN_RESULTS)}
    person = timings["model.pif.person"]
    assert person.resource_type == "model"
    assert person.execution_s == 3.0
    assert person.execute_s == pytest.approx(3.0)
    assert person.compile_s == 0.0  # a phase without its end counts as zero
    assert timings["unit_test.pif.person.age_on_birthday"].resource_type == "unit_test"


def test_heaviest_nodes_are_sorted_slowest_first_per_type() -> None:
    timings = parse_run_results(RUN_RESULTS)
    assert heaviest(timings, "model") == [("person", 3.0), ("contact", 1.0)]
    assert heaviest(timings, "test", count=1) == [("not_null_person_person_id", 2.0)]
    assert heaviest(timings, "seed") == []


def test_short_names() -> None:
    assert short_name("model.pif.ch_001") == "ch_001"
    assert short_name("test.pif.unique_person_person_id.abc123") == "unique_person_person_id"
    assert short_name("unit_test.pif.person.age_on_birthday") == "person.age_on_birthday"


def test_profile_run_finds_startup_window_and_threads() -> None:
    profile = profile_run(RUN_RESULTS, process_wall_s=20.0, backend="duckdb", threads_configured=4)
    assert profile.startup_s == pytest.approx(8.0)  # 09:59:52 -> first node at 10:00:00
    assert profile.execution_window_s == pytest.approx(6.0)
    assert profile.threads_used == 2  # the hook's main thread is not a worker
    assert profile.nodes_by_type == {"model": 2, "operation": 1, "test": 2, "unit_test": 1}
    assert profile.seconds_by_type["test"] == pytest.approx(2.5)
    assert profile.heaviest_models[0] == ("person", 3.0)


def node(resource_type: str, name: str, parents: list[str], **extra: Any) -> tuple[str, dict[str, Any]]:
    unique_id = f"{resource_type}.pif.{name}"
    return unique_id, {
        "unique_id": unique_id,
        "resource_type": resource_type,
        "depends_on": {"nodes": parents, "macros": []},
        "config": {"enabled": True, "materialized": extra.pop("materialized", "table")},
        "database": "pif",
        "schema": "main_marts",
        "relation_name": f'"pif"."main_marts"."{name}"',
        "compiled_code": extra.pop("code", f"select 1 as {name}"),
        **extra,
    }


MANIFEST: dict[str, Any] = {
    "nodes": dict(
        [
            node("test", "not_null_ch_001_item_id", ["model.pif.ch_001"]),
            node("model", "ch_001", ["model.pif.person", "seed.pif.working_days", "source.pif.wccis.people"]),
            node("model", "person", ["model.pif.stg_people"]),
            node("model", "stg_people", ["source.pif.wccis.people"], materialized="view"),
            node("seed", "working_days", [], original_file_path="seeds/working_days.csv"),
            node("test", "relation_check", ["model.pif.person", "model.pif.ch_001"]),
            node("analysis", "records_behind_a_figure", ["model.pif.ch_001"]),
            node("operation", "pif-on-run-start-0", [], code="select 1;", index=0),
        ]
    )
}


def test_topological_order_puts_parents_first_and_skips_other_types() -> None:
    order = topological_order(MANIFEST)
    assert order == [
        "seed.pif.working_days",
        "model.pif.stg_people",
        "model.pif.person",
        "model.pif.ch_001",
        "test.pif.not_null_ch_001_item_id",
        "test.pif.relation_check",
    ]
    for position, unique_id in enumerate(order):
        parents = MANIFEST["nodes"][unique_id]["depends_on"]["nodes"]
        assert all(order.index(parent) < position for parent in parents if parent in order)


def test_topological_order_refuses_a_cycle() -> None:
    cyclic = {"nodes": dict([node("model", "a", ["model.pif.b"]), node("model", "b", ["model.pif.a"])])}
    with pytest.raises(ValueError, match="cycle"):
        topological_order(cyclic)


def test_plain_statements_follow_materializations(tmp_path: Path) -> None:
    planned = plain_statements(MANIFEST, tmp_path)
    assert planned[0] == ("operation.pif.pif-on-run-start-0", "operation", ["select 1"])
    statements = {unique_id: sql for unique_id, _, sql in planned}
    assert (
        'create or replace view "pif"."main_marts"."stg_people" as' in statements["model.pif.stg_people"][1]
    )
    assert 'create or replace table "pif"."main_marts"."person" as' in statements["model.pif.person"][1]
    test_sql = statements["test.pif.not_null_ch_001_item_id"]
    assert test_sql == ["select count(*) from (\nselect 1 as not_null_ch_001_item_id\n) as dbt_internal_test"]
    seed = statements["seed.pif.working_days"][1]
    assert f"read_csv('{(tmp_path / 'seeds/working_days.csv').as_posix()}'" in seed


def test_seed_statement_uses_column_types(tmp_path: Path) -> None:
    _, seed = node("seed", "code_map", [], original_file_path="seeds/code_map.csv")
    seed["config"]["column_types"] = {"code_list": "text", "is_active": "boolean"}
    sql = node_statements(seed, tmp_path)[1]
    assert "types = {'code_list': 'text', 'is_active': 'boolean'}" in sql


def test_plain_statements_run_on_duckdb(tmp_path: Path) -> None:
    """The generated statements are valid DuckDB: build the toy project and run its tests."""
    import duckdb

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "working_days.csv").write_text("calendar_date\n2026-04-01\n")
    connection = duckdb.connect(str(tmp_path / "pif.duckdb"))
    for _, kind, statements in plain_statements(MANIFEST, tmp_path):
        for statement in statements:
            cursor = connection.execute(statement)
            if kind == "test":
                assert cursor.fetchone() == (1,)  # each toy test query returns one row
    assert connection.execute('select count(*) from "pif"."main_marts"."working_days"').fetchone() == (1,)
    connection.close()


def sample_result() -> PresetResult:
    stages = [
        StageResult("large", "-", "generate", 30.0, 900.0, 850.0, 29.0, "", "2,000 file rows"),
        StageResult("large", "duckdb", "pif run", 50.0, 3000.0, 2900.0, 120.0, "2,000 file rows", "5 staged"),
        StageResult("large", "postgres", "pif run", 200.0, 1500.0, 400.0, 90.0, returncode=1),
    ]
    floors = Floors(
        read_s=2.0,
        read_rows=2000,
        read_rows_by_file={"people.csv": 500},
        plain_s=20.0,
        plain_seconds_by_type={"model": 15.0, "test": 5.0},
        plain_nodes_by_type={"model": 2, "test": 2},
        plain_node_seconds={"person": 9.0},
        plain_failing_tests=[],
    )
    profile = DbtProfile(
        backend="duckdb",
        process_wall_s=80.0,
        elapsed_s=70.0,
        startup_s=8.0,
        execution_window_s=70.0,
        threads_used=4,
        threads_configured=4,
        nodes_by_type={"model": 2, "test": 2},
        seconds_by_type={"model": 50.0, "test": 30.0},
        heaviest_models=[("person", 30.0)],
        heaviest_tests=[("unique_person_person_id", 10.0)],
        heaviest_unit_tests=[],
        parse_s=9.5,
    )
    steps = {
        "duckdb": {"validate": 10.0, "load": 2.0, "build": 36.0, "export": 2.0},
        "postgres": {"validate": 10.0, "load": 5.0, "build": 120.0},
    }
    return PresetResult("large", 500, 2000, stages, floors, [profile], population=1000, steps=steps)


def test_render_markdown_has_tables_floors_and_ratios() -> None:
    text = render_markdown([sample_result()], {"CPU": "Test CPU", "cores": "2"})
    assert "| CPU | Test CPU |" in text
    assert "## Preset `large`: population 1,000 (500 in people.csv), 2,000 extract rows" in text
    assert "| duckdb | pif run | 50.0 | 3,000 | 2,900 | 120.0 |  | 2,000 file rows | 5 staged |" in text
    assert "| postgres | pif run (**failed, exit 1**) |" in text
    assert "- duckdb pif run steps: validate 10.0 s, load 2.0 s, build 36.0 s, export 2.0 s" in text
    assert "| project's compiled SQL without dbt | 20.00 | 1.8x |" in text
    assert "| read every extract row once (2,000 rows) | 2.00 | 18.0x |" in text
    assert "| person | 30.00 | 9.00 |" in text
    assert "`dbt parse` alone, cold: 9.5 s" in text
    assert "| large | 1,000 | 50.0 | 3,000 | 10.0 | 2.0 | 36.0 | 2.0 | 20.0 | 1.8x | 5,000.0 |" in text
    # the targets, each marked from the figures
    assert "| `large` end to end (pif run) within 60 s | 50.0 s | met |" in text
    assert "| `large` dbt build within 2x the plain-SQL floor | 1.80x | met |" in text
    assert "| `large` PostgreSQL dbt build within 3x DuckDB's | 3.33x | **not met** |" in text
    assert text.count(ANALYSIS_START) == 1 and text.count(ANALYSIS_END) == 1


def test_hand_written_analysis_survives_regeneration() -> None:
    first = render_markdown([sample_result()], {"CPU": "x"})
    assert existing_analysis(first) is None  # the placeholder is not kept as analysis
    edited = first.replace("(to be written)", "Use views for the intermediate layer.")
    again = render_markdown([sample_result()], {"CPU": "y"}, existing_analysis(edited))
    assert "Use views for the intermediate layer." in again
    assert "(to be written)" not in again


def test_split_preset() -> None:
    assert split_preset("large") == ("large", None)
    assert split_preset("sample=extracts/sample") == ("sample", Path("extracts/sample"))


def test_generated_population_is_read_from_the_generator_log(tmp_path: Path) -> None:
    log = tmp_path / "generate.log"
    log.write_text("Generated 1,854,536 rows for 370,000 people (children, adults; 2 chunks) into\n")
    assert generated_population(log) == 370_000
    assert generated_population(tmp_path / "missing.log") == 0
