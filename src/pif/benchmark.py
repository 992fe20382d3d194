"""`pif benchmark`: time and size every stage of the pipeline on synthetic extracts, beside two floors.

For each preset (`pif generate --preset ...`) the stages generate, validate, load and dbt build run
as subprocesses, on DuckDB and (for --postgres-presets) on a throwaway PostgreSQL server started by
scripts/with_postgres.sh. Per stage it records:

- wall time: time.perf_counter() around the subprocess;
- peak memory, two ways: `peak MB` is the highest sum of resident set sizes (RSS, /proc/<pid>/statm)
  over the stage's whole process tree, sampled every 0.1 s (on PostgreSQL the tree includes the
  server's postmaster and backends); `max RSS MB` is the kernel's exact high-water mark of the
  largest single process of the stage: getrusage(RUSAGE_CHILDREN).ru_maxrss read in a fresh wrapper
  process that runs only that stage (ru_maxrss is a maximum, not a sum, so a delta in one long-lived
  parent would be wrong once any earlier stage was bigger);
- rows in and out: the extract files' rows (DuckDB count(*) of every file), raw rows loaded, rows
  staged and rejected, measure items and pif_return rows.

Two floors are measured in the same run on DuckDB:

- read floor: one DuckDB session reading every extract row once (count(*) over read_csv, all_varchar);
- plain-SQL floor: the project's own compiled SQL (target/manifest.json after the dbt build) run
  without dbt in one fresh DuckDB session over a copy of the raw data, in topological order: the
  on-run-start hooks, every seed (read_csv with the seed's column_types), every model (create table
  or view as its compiled SQL), the snapshot (create table as) and every data test (count(*) of its
  failing rows). Unit tests are not data-dependent and have no plain-SQL equivalent: they are part of
  dbt build's time, and reported separately.

So the ratio dbt build / plain SQL is dbt's own overhead, and dbt build / read floor how far the whole
transformation is from reading the data once. Results per preset are saved as JSON in the work
directory (`--skip-existing` reuses them), and docs/benchmark.md is rendered from them; text between
the `<!-- analysis:start -->` and `<!-- analysis:end -->` markers of an existing file is kept.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MB = 1024 * 1024
SAMPLE_SECONDS = 0.1
ANALYSIS_START = "<!-- analysis:start -->"
ANALYSIS_END = "<!-- analysis:end -->"
EXECUTED_TYPES: tuple[str, ...] = ("seed", "model", "snapshot", "test")
DEFAULT_SEED = 20261122
# The synthetic generator's extract date (pif.generate.model.EXTRACT_DATE), passed to pif run.
EXTRACT_DATE_OF_GENERATOR = "2026-11-20"
# The steps of pif run, in order (run.json step_seconds; the connection check before them is not shown).
RUN_STEPS = ("validate", "load", "build", "export")
PEOPLE_TABLE = "people"

# Runs argv[2:] and writes the wall time and the kernel's rusage of that command's process tree to the
# JSON file argv[1]; used as a fresh parent per stage so RUSAGE_CHILDREN covers exactly one stage.
_RUSAGE_WRAPPER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[2:])
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as handle:
    json.dump({"returncode": code, "wall_s": wall, "max_rss_kb": usage.ru_maxrss,
               "user_s": usage.ru_utime, "system_s": usage.ru_stime}, handle)
sys.exit(code)
"""


# --------------------------------------------------------------------------------------------------
# Results


@dataclass
class StageResult:
    """One stage of one preset on one backend."""

    preset: str
    backend: str
    stage: str
    wall_s: float
    peak_mb: float
    max_rss_mb: float
    cpu_s: float
    rows_in: str = ""
    rows_out: str = ""
    returncode: int = 0
    note: str = ""
    load_avg: float = 0.0


@dataclass(frozen=True)
class NodeTiming:
    """One node of a dbt run (run_results.json), in seconds."""

    unique_id: str
    resource_type: str
    name: str
    status: str
    execution_s: float
    compile_s: float
    execute_s: float
    thread: str
    started_at: datetime | None
    completed_at: datetime | None


@dataclass
class DbtProfile:
    """Where a dbt invocation's time went."""

    backend: str
    process_wall_s: float
    elapsed_s: float
    startup_s: float
    execution_window_s: float
    threads_used: int
    threads_configured: int | None
    nodes_by_type: dict[str, int]
    seconds_by_type: dict[str, float]
    heaviest_models: list[tuple[str, float]]
    heaviest_tests: list[tuple[str, float]]
    heaviest_unit_tests: list[tuple[str, float]]
    parse_s: float | None = None


@dataclass
class Floors:
    """The read floor and the plain-SQL floor of one preset (DuckDB)."""

    read_s: float
    read_rows: int
    read_rows_by_file: dict[str, int]
    plain_s: float
    plain_seconds_by_type: dict[str, float]
    plain_nodes_by_type: dict[str, int]
    plain_node_seconds: dict[str, float]
    plain_failing_tests: list[str]
    read_peak_mb: float = 0.0
    plain_peak_mb: float = 0.0


@dataclass
class PresetResult:
    """Everything measured for one preset."""

    preset: str
    people: int
    extract_rows: int
    stages: list[StageResult]
    floors: Floors | None
    profiles: list[DbtProfile]
    row_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    population: int = 0
    # Seconds per step of `pif run` (validate, load, build, export) by backend (run.json step_seconds).
    steps: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        """The population the extract was generated for (else the rows of people.csv)."""
        return self.population or self.people


# --------------------------------------------------------------------------------------------------
# Pure parts: run_results, manifest ordering, markdown


def _parse_time(text: str | None) -> datetime | None:
    """An ISO timestamp from dbt's artifacts (UTC, trailing Z), as an aware datetime."""
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def parse_run_results(run_results: Mapping[str, Any]) -> list[NodeTiming]:
    """Every node of run_results.json with its compile and execute phases."""
    timings: list[NodeTiming] = []
    for result in run_results.get("results", []):
        phases: dict[str, tuple[datetime | None, datetime | None]] = {
            phase["name"]: (_parse_time(phase.get("started_at")), _parse_time(phase.get("completed_at")))
            for phase in result.get("timing", [])
        }
        starts = [start for start, _ in phases.values() if start is not None]
        ends = [end for _, end in phases.values() if end is not None]

        def length(
            name: str, phases: Mapping[str, tuple[datetime | None, datetime | None]] = phases
        ) -> float:
            start, end = phases.get(name, (None, None))
            return (end - start).total_seconds() if start and end else 0.0

        unique_id = str(result["unique_id"])
        timings.append(
            NodeTiming(
                unique_id=unique_id,
                resource_type=unique_id.split(".", 1)[0],
                name=unique_id.split(".")[-1] if not unique_id.startswith("unit_test.") else unique_id,
                status=str(result.get("status", "")),
                execution_s=float(result.get("execution_time") or 0.0),
                compile_s=length("compile"),
                execute_s=length("execute"),
                thread=str(result.get("thread_id", "")),
                started_at=min(starts) if starts else None,
                completed_at=max(ends) if ends else None,
            )
        )
    return timings


def heaviest(timings: Iterable[NodeTiming], resource_type: str, count: int = 10) -> list[tuple[str, float]]:
    """The `count` slowest nodes of one resource type: (short name, execution seconds), slowest first."""
    chosen = [timing for timing in timings if timing.resource_type == resource_type]
    chosen.sort(key=lambda timing: (-timing.execution_s, timing.unique_id))
    return [(short_name(timing.unique_id), round(timing.execution_s, 3)) for timing in chosen[:count]]


def short_name(unique_id: str) -> str:
    """A readable node name: the model or test name without the resource type and package."""
    parts = unique_id.split(".")
    if parts[0] == "unit_test" and len(parts) >= 4:
        return f"{parts[2]}.{parts[3]}"
    return parts[-1] if parts[0] != "test" else parts[2]


def profile_run(
    run_results: Mapping[str, Any],
    process_wall_s: float,
    backend: str,
    threads_configured: int | None = None,
    top: int = 10,
) -> DbtProfile:
    """Summarise a dbt build: start-up before the first node, execution window, time per node type."""
    timings = parse_run_results(run_results)
    invoked = _parse_time(run_results.get("metadata", {}).get("invocation_started_at"))
    starts = [timing.started_at for timing in timings if timing.started_at]
    ends = [timing.completed_at for timing in timings if timing.completed_at]
    first, last = (min(starts), max(ends)) if starts and ends else (None, None)
    startup = (first - invoked).total_seconds() if first and invoked else 0.0
    window = (last - first).total_seconds() if first and last else 0.0
    nodes: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    for timing in timings:
        nodes[timing.resource_type] += 1
        seconds[timing.resource_type] += timing.execution_s
    workers = {timing.thread for timing in timings if timing.thread and timing.thread != "main"}
    return DbtProfile(
        backend=backend,
        process_wall_s=process_wall_s,
        elapsed_s=float(run_results.get("elapsed_time") or 0.0),
        startup_s=startup,
        execution_window_s=window,
        threads_used=len(workers),
        threads_configured=threads_configured,
        nodes_by_type=dict(sorted(nodes.items())),
        seconds_by_type={key: round(value, 3) for key, value in sorted(seconds.items())},
        heaviest_models=heaviest(timings, "model", top),
        heaviest_tests=heaviest(timings, "test", top),
        heaviest_unit_tests=heaviest(timings, "unit_test", 3),
    )


def topological_order(manifest: Mapping[str, Any], types: Sequence[str] = EXECUTED_TYPES) -> list[str]:
    """The manifest's executable nodes (seeds, models, snapshots, data tests) parents first.

    Kahn's algorithm over depends_on.nodes restricted to the chosen nodes (sources and macros are not
    nodes); ties are broken by resource type (seeds, models, snapshots, tests) then unique_id, so the
    order is deterministic. A cycle raises ValueError.
    """
    nodes = {
        unique_id: node
        for unique_id, node in manifest.get("nodes", {}).items()
        if node.get("resource_type") in types and node.get("config", {}).get("enabled", True)
    }
    rank = {name: index for index, name in enumerate(types)}
    parents = {
        unique_id: {parent for parent in node.get("depends_on", {}).get("nodes", []) if parent in nodes}
        for unique_id, node in nodes.items()
    }
    children: dict[str, list[str]] = defaultdict(list)
    for child, its_parents in parents.items():
        for parent in its_parents:
            children[parent].append(child)
    waiting = {unique_id: len(its_parents) for unique_id, its_parents in parents.items()}

    def key(unique_id: str) -> tuple[int, str]:
        return (rank[nodes[unique_id]["resource_type"]], unique_id)

    import heapq

    ready = [key(unique_id) for unique_id, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, unique_id = heapq.heappop(ready)
        order.append(unique_id)
        for child in children[unique_id]:
            waiting[child] -= 1
            if waiting[child] == 0:
                heapq.heappush(ready, key(child))
    if len(order) != len(nodes):
        stuck = sorted(set(nodes) - set(order))
        raise ValueError(f"the manifest has a dependency cycle among {', '.join(stuck[:5])}")
    return order


def hook_nodes(manifest: Mapping[str, Any]) -> list[str]:
    """The on-run-start hooks (operation nodes), in their index order."""
    hooks = [
        (node.get("index", 0), unique_id)
        for unique_id, node in manifest.get("nodes", {}).items()
        if node.get("resource_type") == "operation" and "on-run-start" in unique_id
    ]
    return [unique_id for _, unique_id in sorted(hooks)]


def plain_statements(manifest: Mapping[str, Any], project_dir: Path) -> list[tuple[str, str, list[str]]]:
    """(unique_id, resource type, SQL statements) for the plain-SQL floor, in execution order."""
    planned: list[tuple[str, str, list[str]]] = []
    for unique_id in hook_nodes(manifest):
        code = _strip_sql(manifest["nodes"][unique_id].get("compiled_code") or "")
        planned.append((unique_id, "operation", [code] if code else []))
    for unique_id in topological_order(manifest):
        node = manifest["nodes"][unique_id]
        planned.append((unique_id, node["resource_type"], node_statements(node, project_dir)))
    return planned


def _strip_sql(code: str) -> str:
    """Compiled SQL without surrounding blanks or a trailing semicolon."""
    code = code.strip()
    while code.endswith(";"):
        code = code[:-1].rstrip()
    return code


def _schema_of(node: Mapping[str, Any]) -> str:
    return f'"{node["database"]}"."{node["schema"]}"'


def node_statements(node: Mapping[str, Any], project_dir: Path) -> list[str]:
    """The DuckDB statements that do what dbt build does for one node, without dbt."""
    kind = node["resource_type"]
    relation = node.get("relation_name")
    code = _strip_sql(node.get("compiled_code") or "")
    if kind == "seed":
        path = (project_dir / node["original_file_path"]).as_posix().replace("'", "''")
        types = node.get("config", {}).get("column_types") or {}
        types_sql = ", ".join(f"'{name}': '{kind_}'" for name, kind_ in types.items())
        options = f", types = {{{types_sql}}}" if types_sql else ""
        return [
            f"create schema if not exists {_schema_of(node)}",
            f"create or replace table {relation} as select * from read_csv('{path}', header = true{options})",
        ]
    if kind == "test":
        return [f"select count(*) from (\n{code}\n) as dbt_internal_test"]
    materialized = node.get("config", {}).get("materialized")
    verb = "view" if materialized == "view" else "table"
    return [
        f"create schema if not exists {_schema_of(node)}",
        f"create or replace {verb} {relation} as\n{code}\n",
    ]


def _fmt_s(value: float | None) -> str:
    return "" if value is None else f"{value:,.1f}"


def _fmt_mb(value: float) -> str:
    return f"{value:,.0f}"


def _ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.1f}x" if denominator > 0 else "n/a"


def render_markdown(
    results: Sequence[PresetResult], machine: Mapping[str, str], analysis: str | None = None
) -> str:
    """docs/benchmark.md: machine, method, a table per preset, floors and ratios, where the time goes."""
    lines: list[str] = [
        "# Benchmark",
        "",
        "Produced by `pif benchmark` (src/pif/benchmark.py) on synthetic extracts from `pif generate`;",
        "re-run it to refresh the tables. The analysis between the markers is written by hand and kept",
        "when the file is regenerated.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
    ]
    lines += [f"| {key} | {value} |" for key, value in machine.items()]
    lines += [
        "",
        "## How it is measured",
        "",
        "- Every stage runs as its own subprocess. **wall s**: perf_counter around it. **peak MB**: the",
        "  highest sum of RSS over the stage's process tree, sampled every 0.1 s from /proc (on PostgreSQL",
        "  including the server's postmaster and backends; shared memory is counted in every process",
        "  that maps it, so this overestimates).",
        "  **max RSS MB**: the kernel's high-water mark of the largest single process of the stage,",
        "  getrusage(RUSAGE_CHILDREN).ru_maxrss read in a fresh wrapper process per stage (on PostgreSQL",
        "  the client only). **CPU s**: user + system time of the stage's processes (not the server's).",
        "  **load avg**: the 1-minute load average when the stage ended: above the core count, other work",
        "  was competing for the CPUs and wall times are inflated.",
        "- **pif run** is the nightly run end to end, as a scheduler starts it: `pif run <extract> --target",
        "  <backend> --extract-date 2026-11-20` into a fresh database (validate, load, `dbt build --selector",
        "  nightly`: seeds, models, snapshot and data tests, no unit tests; then the export of the return,",
        "  workbook, CSVs and HTML report). The night before is simulated by one cold `dbt parse` into the",
        "  same target/run-<backend> folder, so dbt parses partially, as it does every night after the",
        "  first. **steps** are the seconds of each step of that run (run.json step_seconds).",
        "- **read floor**: one DuckDB session counting every extract row once (read_csv, all_varchar).",
        "- **plain-SQL floor**: the compiled SQL of the same build (target/manifest.json), run without dbt",
        "  in a fresh DuckDB session over a copy of the raw data: on-run-start hooks, seeds (read_csv),",
        "  models (create table/view as), the snapshot (create table as) and every data test (count of",
        "  failing rows), in topological order, one statement at a time: the nightly selection (unit",
        "  tests test the logic on fixtures, not the data: `make test` runs them, a nightly run does not).",
        "",
    ]
    for result in results:
        lines += _render_preset(result)
    lines += _render_summary(results)
    lines += ["## Analysis and recommendations", "", ANALYSIS_START]
    lines += [analysis.strip("\n")] if analysis else ["", "(to be written)", ""]
    lines += [ANALYSIS_END, ""]
    return "\n".join(lines)


def _render_preset(result: PresetResult) -> list[str]:
    lines = [
        f"## Preset `{result.preset}`: population {result.size:,} ({result.people:,} in people.csv), "
        f"{result.extract_rows:,} extract rows",
        "",
        "| backend | stage | wall s | peak MB | max RSS MB | CPU s | load avg | rows in | rows out |",
        "|---|---|--:|--:|--:|--:|--:|---|---|",
    ]
    for stage in result.stages:
        status = "" if stage.returncode == 0 else f" (**failed, exit {stage.returncode}**)"
        lines.append(
            f"| {stage.backend} | {stage.stage}{status} | {_fmt_s(stage.wall_s)} | {_fmt_mb(stage.peak_mb)} "
            f"| {_fmt_mb(stage.max_rss_mb)} | {_fmt_s(stage.cpu_s)} | {_fmt_load(stage.load_avg)} "
            f"| {stage.rows_in} | {stage.rows_out} |"
        )
    notes = [f"- {stage.backend} {stage.stage}: {stage.note}" for stage in result.stages if stage.note]
    notes += [
        f"- {backend} pif run steps: "
        + ", ".join(f"{step} {steps[step]:,.1f} s" for step in RUN_STEPS if step in steps)
        for backend, steps in result.steps.items()
    ]
    lines += ["", *notes, ""] if notes else [""]
    build = result.steps.get("duckdb", {}).get("build")
    if result.floors and build:
        floors = result.floors
        lines += [
            "| floor (DuckDB) | s | dbt build (step of pif run) / floor |",
            "|---|--:|--:|",
            f"| read every extract row once ({floors.read_rows:,} rows) | {floors.read_s:,.2f} "
            f"| {_ratio(build, floors.read_s)} |",
            f"| project's compiled SQL without dbt | {floors.plain_s:,.2f} "
            f"| {_ratio(build, floors.plain_s)} |",
            "",
        ]
        if floors.plain_failing_tests:
            lines += [f"Data tests failing in the plain-SQL run: {', '.join(floors.plain_failing_tests)}", ""]
    for profile in result.profiles:
        lines += _render_profile(profile, result.floors if profile.backend == "duckdb" else None)
    return lines


def _render_profile(profile: DbtProfile, floors: Floors | None) -> list[str]:
    configured = profile.threads_configured if profile.threads_configured is not None else "?"
    lines = [
        f"### Where dbt build's time goes ({profile.backend})",
        "",
        f"- process wall {profile.process_wall_s:,.1f} s; dbt's own elapsed {profile.elapsed_s:,.1f} s; "
        f"start-up before the first node {profile.startup_s:,.1f} s"
        + (f" (`dbt parse` alone, cold: {profile.parse_s:,.1f} s)" if profile.parse_s is not None else "")
        + f"; nodes running {profile.execution_window_s:,.1f} s; threads {configured} configured, "
        f"{profile.threads_used} used.",
        "",
        "| node type | nodes | dbt s (sum over threads) | plain SQL s | dbt s per node | plain s per node |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for kind, count in profile.nodes_by_type.items():
        dbt_s = profile.seconds_by_type.get(kind, 0.0)
        plain_s = floors.plain_seconds_by_type.get(kind) if floors else None
        plain_n = floors.plain_nodes_by_type.get(kind) if floors else None
        per_plain = f"{plain_s / plain_n:.3f}" if plain_s is not None and plain_n else ""
        lines.append(
            f"| {kind} | {count} | {dbt_s:,.1f} | {_fmt_s(plain_s)} | {dbt_s / count:.3f} | {per_plain} |"
        )
    lines.append("")
    plain = floors.plain_node_seconds if floors else {}
    for title, rows in (("models", profile.heaviest_models), ("data tests", profile.heaviest_tests)):
        lines += [
            f"Heaviest {title} ({profile.backend}):",
            "",
            "| node | dbt s | plain SQL s |",
            "|---|--:|--:|",
        ]
        lines += [f"| {name} | {seconds:,.2f} | {_fmt_plain(plain.get(name))} |" for name, seconds in rows]
        lines.append("")
    return lines


def _fmt_plain(value: float | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def _stage(result: PresetResult, backend: str, stage: str) -> StageResult | None:
    for item in result.stages:
        if item.backend == backend and item.stage == stage:
            return item
    return None


def _render_summary(results: Sequence[PresetResult]) -> list[str]:
    lines = [
        "## Summary: scaling (DuckDB)",
        "",
        "| preset | population | pif run s | peak MB | validate s | load s | dbt build s | export s "
        "| plain SQL s | build / plain | pif run s per 100k population |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for result in results:
        run = _stage(result, "duckdb", "pif run")
        steps = result.steps.get("duckdb", {})
        if not run:
            continue
        plain = result.floors.plain_s if result.floors else None
        build = steps.get("build")
        per = run.wall_s / result.size * 100_000 if result.size else 0.0
        lines.append(
            f"| {result.preset} | {result.size:,} | {run.wall_s:,.1f} | {_fmt_mb(run.peak_mb)} "
            f"| {_fmt_s(steps.get('validate'))} | {_fmt_s(steps.get('load'))} | {_fmt_s(build)} "
            f"| {_fmt_s(steps.get('export'))} | {_fmt_s(plain)} "
            f"| {_ratio(build, plain) if build and plain else ''} | {per:,.1f} |"
        )
    lines += ["", *_render_targets(results), ""]
    return lines


def _render_targets(results: Sequence[PresetResult]) -> list[str]:
    """Issue 15's targets, each marked met or not from the figures above."""
    by_name = {result.preset: result for result in results}
    rows: list[tuple[str, str, str]] = []
    large = by_name.get("large")
    if large:
        run = _stage(large, "duckdb", "pif run")
        if run:
            rows.append(
                ("`large` end to end (pif run) within 60 s", f"{run.wall_s:,.1f} s", _met(run.wall_s <= 60))
            )
        build = large.steps.get("duckdb", {}).get("build")
        if build and large.floors:
            ratio = build / large.floors.plain_s
            rows.append(
                ("`large` dbt build within 2x the plain-SQL floor", f"{ratio:.2f}x", _met(ratio <= 2))
            )
        pg = large.steps.get("postgres", {}).get("build")
        if build and pg:
            ratio = pg / build
            rows.append(
                ("`large` PostgreSQL dbt build within 3x DuckDB's", f"{ratio:.2f}x", _met(ratio <= 3))
            )
    wales = by_name.get("wales")
    if wales:
        run = _stage(wales, "duckdb", "pif run")
        if run:
            rows.append(
                ("`wales` end to end within 5 minutes", f"{run.wall_s:,.1f} s", _met(run.wall_s <= 300))
            )
            rows.append(
                ("`wales` peak memory within 8 GB", f"{run.peak_mb:,.0f} MB", _met(run.peak_mb <= 8192))
            )
    measured = [
        (result.size, stage.wall_s)
        for result in results
        if (stage := _stage(result, "duckdb", "pif run")) and result.size
    ]
    if len(measured) >= 3:
        measured.sort()
        pairs = list(zip(measured, measured[1:], strict=False))
        growths = [
            (big_s / small_s) / (big_size / small_size) for (small_size, small_s), (big_size, big_s) in pairs
        ]
        rows.append(
            (
                "no worse than linear: (time ratio) / (population ratio) between consecutive sizes",
                ", ".join(f"{growth:.2f}" for growth in growths),
                _met(max(growths) <= 1.0),
            )
        )
    if not rows:
        return []
    return [
        "## Targets (issue 15)",
        "",
        "| target | measured | |",
        "|---|--:|---|",
        *[f"| {target} | {value} | {mark} |" for target, value, mark in rows],
    ]


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def existing_analysis(text: str) -> str | None:
    """The hand-written analysis between the markers of an existing docs/benchmark.md, if any."""
    if ANALYSIS_START not in text or ANALYSIS_END not in text:
        return None
    inner = text.split(ANALYSIS_START, 1)[1].split(ANALYSIS_END, 1)[0]
    return None if inner.strip() in ("", "(to be written)") else inner


# --------------------------------------------------------------------------------------------------
# Measuring subprocesses


def _process_children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        children[int(stat.rsplit(")", 1)[1].split()[1])].append(int(entry.name))
    return children


def _tree(roots: Iterable[int], children: Mapping[int, list[int]]) -> set[int]:
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        stack.extend(children.get(pid, []))
    return seen


def _rss_bytes(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


class TreeSampler:
    """Samples the summed RSS of a process tree (plus extra roots) in a background thread."""

    def __init__(self, root: int, extra_roots: Sequence[int] = (), exclude: Sequence[int] = ()) -> None:
        self.roots = [root, *extra_roots]
        self.exclude = set(exclude)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _tree(self.roots, _process_children()) - self.exclude
            self.peak = max(self.peak, sum(_rss_bytes(pid) for pid in pids))
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Measured:
    """What run_measured saw of one command."""

    returncode: int
    wall_s: float
    peak_mb: float
    max_rss_mb: float
    cpu_s: float
    load_avg: float = 0.0
    timed_out: bool = False


def run_measured(
    command: Sequence[str],
    log: Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    extra_roots: Sequence[int] = (),
    timeout_s: float | None = None,
) -> Measured:
    """Run a command under the rusage wrapper, sampling its tree's memory; output goes to `log`.

    After `timeout_s` the command's whole process group is killed (returncode -9, timed_out).
    """
    import signal

    log.parent.mkdir(parents=True, exist_ok=True)
    usage_file = log.with_suffix(".rusage.json")
    started = time.perf_counter()
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-c", _RUSAGE_WRAPPER, str(usage_file), *command],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=dict(env) if env is not None else None,
            cwd=cwd,
            start_new_session=True,
        )
        timed_out = False
        with TreeSampler(process.pid, extra_roots, exclude=[process.pid]) as sampler:
            try:
                code = process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
                code = process.wait()
    wall = time.perf_counter() - started
    try:
        usage = json.loads(usage_file.read_text())
    except (OSError, ValueError):
        usage = {"max_rss_kb": 0, "user_s": 0.0, "system_s": 0.0}
    return Measured(
        returncode=code,
        wall_s=wall,
        peak_mb=sampler.peak / MB,
        max_rss_mb=float(usage["max_rss_kb"]) / 1024,
        cpu_s=float(usage["user_s"]) + float(usage["system_s"]),
        load_avg=os.getloadavg()[0],
        timed_out=timed_out,
    )


# --------------------------------------------------------------------------------------------------
# Floors (run as subprocesses through `python -c`, so their memory is measured like a stage)


def read_floor(extract_dir: Path, files: Sequence[str]) -> dict[str, Any]:
    """Count every row of every extract file once in one DuckDB session."""
    import duckdb

    connection = duckdb.connect()
    rows: dict[str, int] = {}
    started = time.perf_counter()
    for name in files:
        path = (extract_dir / name).as_posix().replace("'", "''")
        query = f"select count(*) from read_csv('{path}', all_varchar = true, header = true)"
        rows[name] = int(connection.execute(query).fetchone()[0])  # type: ignore[index]
    seconds = time.perf_counter() - started
    connection.close()
    return {"seconds": seconds, "rows": rows}


def plain_sql_floor(manifest_path: Path, database: Path, project_dir: Path) -> dict[str, Any]:
    """Run the build's compiled SQL in order in one fresh DuckDB session; seconds per node."""
    import duckdb

    manifest = json.loads(manifest_path.read_text())
    planned = plain_statements(manifest, project_dir)
    connection = duckdb.connect(str(database))
    seconds: dict[str, float] = {}
    failing: list[str] = []
    started = time.perf_counter()
    for unique_id, kind, statements in planned:
        node_started = time.perf_counter()
        for statement in statements:
            cursor = connection.execute(statement)
            if kind == "test":
                failures = int(cursor.fetchone()[0])  # type: ignore[index]
                if failures:
                    failing.append(f"{short_name(unique_id)} ({failures})")
        seconds[unique_id] = time.perf_counter() - node_started
    total = time.perf_counter() - started
    connection.close()
    return {"seconds": total, "node_seconds": seconds, "failing": failing}


def _floor_main() -> None:
    """Entry point of the floor subprocesses: python -c '...' read|plain args... result.json."""
    kind, *args, out = sys.argv[1:]
    if kind == "read":
        result = read_floor(Path(args[0]), args[1:])
    else:
        result = plain_sql_floor(Path(args[0]), Path(args[1]), Path(args[2]))
    Path(out).write_text(json.dumps(result))


_FLOOR_COMMAND = "from pif.benchmark import _floor_main; _floor_main()"
_LOAD_COMMAND = (
    "import sys; from pathlib import Path; from pif.load import load_extract; "
    "loaded = load_extract(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]) if sys.argv[3] else None); "
    "print(sum(item.rows for item in loaded))"
)


# --------------------------------------------------------------------------------------------------
# Row counts


def warehouse_counts(connection: Any, target: str) -> dict[str, int]:
    """Raw rows, staged and rejected rows, measure items and pif_return rows in a built warehouse."""
    from pif.db import model_schema

    cursor = connection.cursor()

    def scalar(sql: str) -> int:
        cursor.execute(sql)
        row = cursor.fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def tables(schema: str) -> list[str]:
        cursor.execute(
            "select table_name from information_schema.tables where table_schema = %s"
            if target == "postgres"
            else "select table_name from information_schema.tables where table_schema = ?",
            [schema],
        )
        return sorted(str(row[0]) for row in cursor.fetchall())

    def total(schema: str, names: Iterable[str]) -> int:
        return sum(scalar(f'select count(*) from "{schema}"."{name}"') for name in names)

    raw_schema = model_schema(target, "raw")
    staging = model_schema(target, "staging")
    marts = model_schema(target, "marts")
    staged = [name for name in tables(staging) if name.startswith("stg_wccis__")]
    counts = {"raw": total(raw_schema, tables(raw_schema))}
    if staged:
        counts["staged"] = total(
            staging,
            [name for name in staged if not name.endswith(("_rejected", "__rejections", "_checked"))],
        )
        counts["rejected"] = total(staging, [name for name in staged if name.endswith("_rejected")])
    for schema, name in ((marts, "measure_items"), (model_schema(target, "return"), "pif_return")):
        if name in set(tables(schema)):
            counts[name] = scalar(f'select count(*) from "{schema}"."{name}"')
    cursor.close()
    return counts


def _duckdb_counts(database: Path) -> dict[str, int]:
    import duckdb

    connection = duckdb.connect(str(database), read_only=True)
    try:
        return warehouse_counts(connection, "duckdb")
    finally:
        connection.close()


def _postgres_counts() -> dict[str, int]:
    from pif.db import connect

    connection = connect("postgres")
    try:
        return warehouse_counts(connection, "postgres")
    finally:
        connection.close()


def _build_rows_out(counts: Mapping[str, int]) -> str:
    parts = [
        f"{counts[key]:,} {label}"
        for key, label in (
            ("staged", "staged"),
            ("rejected", "rejected"),
            ("measure_items", "measure items"),
            ("pif_return", "pif_return"),
        )
        if key in counts
    ]
    return "; ".join(parts)


# --------------------------------------------------------------------------------------------------
# Running a preset


@dataclass
class Settings:
    """Options of one benchmark run."""

    project_dir: Path
    work_dir: Path
    seed: int = DEFAULT_SEED
    reuse_extracts: bool = True
    dbt_args: tuple[str, ...] = ()
    stage_timeout_s: float | None = None


def _python_bin(name: str) -> str:
    """An executable of the running environment (the venv's dbt), else the one on PATH."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "PYTHONWARNINGS": "ignore", **extra})
    return env


def threads_configured(project_dir: Path, target: str) -> int | None:
    """The thread count profiles.yml gives the target (None when it is templated or absent)."""
    import yaml

    try:
        profiles = yaml.safe_load((project_dir / "profiles.yml").read_text())
        value = profiles["pif"]["outputs"][target]["threads"]
        return int(value)
    except (OSError, KeyError, TypeError, ValueError):
        return None


def _dbt_command(settings: Settings, verb: str, target: str, target_path: Path, *extra: str) -> list[str]:
    return [
        _python_bin("dbt"),
        verb,
        "--project-dir",
        str(settings.project_dir),
        "--profiles-dir",
        str(settings.project_dir),
        "--target",
        target,
        "--target-path",
        str(target_path),
        "--log-path",
        str(target_path / "logs"),
        *extra,
        *(settings.dbt_args if verb == "build" else ()),
    ]


def _stage_result(preset: str, backend: str, stage: str, measured: Measured, **extra: Any) -> StageResult:
    return StageResult(
        preset=preset,
        backend=backend,
        stage=stage,
        wall_s=round(measured.wall_s, 3),
        peak_mb=round(measured.peak_mb, 1),
        max_rss_mb=round(measured.max_rss_mb, 1),
        cpu_s=round(measured.cpu_s, 2),
        returncode=measured.returncode,
        load_avg=round(measured.load_avg, 2),
        **extra,
    )


def pif_run(
    settings: Settings,
    extract: Path,
    output: Path,
    target: str,
    extract_date: str,
    env: Mapping[str, str],
    extra_roots: Sequence[int] = (),
) -> tuple[Measured, dict[str, float]]:
    """`pif run` end to end, measured; with the seconds of each of its steps (run.json)."""
    command = [_python_bin("pif"), "run", str(extract), "--target", target, "--output", str(output)]
    if extract_date:
        command += ["--extract-date", extract_date]
    measured = run_measured(
        command,
        output.parent / "logs" / f"pif-run-{target}.log",
        env,
        cwd=settings.project_dir,
        extra_roots=extra_roots,
        timeout_s=settings.stage_timeout_s,
    )
    records = sorted(output.glob("runs/*/run.json"))
    steps: dict[str, float] = {}
    if records:
        steps = {
            str(k): float(v)
            for k, v in (json.loads(records[-1].read_text()).get("step_seconds") or {}).items()
        }
    return measured, steps


def _say(message: str) -> None:
    print(f"[benchmark {datetime.now():%H:%M:%S}] {message}", flush=True)


def split_preset(spec: str) -> tuple[str, Path | None]:
    """A --presets entry: a generator preset (`large`) or an existing extract (`name=folder`)."""
    name, _, folder = spec.partition("=")
    return name, (Path(folder) if folder else None)


def run_preset(
    spec: str, settings: Settings, postgres: bool, run_pg: Callable[[Path, Path, str], dict[str, Any]]
) -> PresetResult:
    """Generate, validate, load, dbt build (DuckDB; PostgreSQL too when asked), plus the two floors."""
    from pif.contract import load_contract

    preset, existing = split_preset(spec)

    work = settings.work_dir / preset
    extract = settings.work_dir / "extracts" / preset
    logs = work / "logs"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    stages: list[StageResult] = []
    files = [table.file for table in load_contract().tables]

    generated = settings.work_dir / "extracts" / f"{preset}.generate.json"
    if existing is not None:
        extract = existing
        _say(f"{preset}: using the existing extract {extract} (not generated)")
    elif settings.reuse_extracts and generated.exists() and extract.is_dir():
        _say(f"{preset}: reusing the extract in {extract}")
        stages.append(StageResult(**json.loads(generated.read_text())))
        stages[-1].note = "measured when the extract was generated (reused)"
    else:
        if extract.exists():
            shutil.rmtree(extract)
        extract.parent.mkdir(parents=True, exist_ok=True)
        _say(f"{preset}: generating")
        command = [sys.executable, "-m", "pif.cli", "generate", "--preset", preset]
        command += ["--out", str(extract), "--seed", str(settings.seed)]
        measured = run_measured(command, logs / "generate.log", _env())
        stages.append(_stage_result(preset, "-", "generate", measured))
        if measured.returncode:
            raise RuntimeError(f"pif generate failed: see {logs / 'generate.log'}")
        generated.write_text(json.dumps(asdict(stages[-1])))

    _say(f"{preset}: read floor")
    floor_out = work / "read_floor.json"
    measured = run_measured(
        [sys.executable, "-c", _FLOOR_COMMAND, "read", str(extract), *files, str(floor_out)],
        logs / "read_floor.log",
        _env(),
    )
    read = json.loads(floor_out.read_text())
    file_rows = sum(read["rows"].values())
    people = int(read["rows"].get(f"{PEOPLE_TABLE}.csv", 0))
    read_peak = measured.peak_mb
    files_text = f"{file_rows:,} file rows"
    if stages:
        stages[0].rows_out = stages[0].rows_out or files_text

    # The nightly run as a scheduler makes it: `pif run` (validate, load, dbt build --selector nightly,
    # export) into a fresh database, after the night before's parse (target/run-duckdb kept: partial
    # parsing), with the generator's extract date.
    extract_date = "" if existing is not None else EXTRACT_DATE_OF_GENERATOR
    database = work / "duckdb" / "pif.duckdb"
    database.parent.mkdir(parents=True)
    duck_env = _env(PIF_DUCKDB_PATH=str(database), PIF_TARGET="duckdb", PIF_EXTRACT_DATE=extract_date)
    run_target = settings.project_dir / "target" / "run-duckdb"
    profiles: list[DbtProfile] = []
    steps: dict[str, dict[str, float]] = {}
    _say(f"{preset}: dbt parse (DuckDB, cold: the night before)")
    parse = run_measured(
        _dbt_command(settings, "parse", "duckdb", run_target, "--no-partial-parse"),
        logs / "dbt-parse-duckdb.log",
        duck_env,
        cwd=settings.project_dir,
    )
    _say(f"{preset}: pif run (DuckDB, end to end)")
    measured, steps["duckdb"] = pif_run(
        settings, extract, work / "run-duckdb", "duckdb", extract_date, duck_env
    )
    counts_built = _duckdb_counts(database) if measured.returncode == 0 else {}
    stages.append(
        _stage_result(
            preset,
            "duckdb",
            "pif run",
            measured,
            rows_in=files_text,
            rows_out=_build_rows_out(counts_built),
            note=_timeout_note(measured, run_target) if measured.timed_out else "",
        )
    )
    target_path = run_target
    run_results = json.loads((target_path / "run_results.json").read_text())
    profile = profile_run(
        run_results,
        steps["duckdb"].get("build", 0.0),
        "duckdb",
        threads_configured(settings.project_dir, "duckdb"),
    )
    profile.parse_s = round(parse.wall_s, 2)
    profiles.append(profile)
    plain_db = work / "plain" / database.name
    plain_db.parent.mkdir(parents=True)
    shutil.copy2(database, plain_db)

    _say(f"{preset}: plain-SQL floor")
    plain_out = work / "plain_floor.json"
    plain_measured = run_measured(
        [
            sys.executable,
            "-c",
            _FLOOR_COMMAND,
            "plain",
            str(target_path / "manifest.json"),
            str(plain_db),
            str(settings.project_dir),
            str(plain_out),
        ],
        logs / "plain_floor.log",
        _env(),
    )
    floors: Floors | None = None
    if plain_measured.returncode == 0:
        plain = json.loads(plain_out.read_text())
        floors = _floors(read, plain, read_peak, plain_measured.peak_mb)
    else:
        _say(f"{preset}: the plain-SQL floor failed, see {logs / 'plain_floor.log'}")
    plain_db.unlink(missing_ok=True)

    row_counts = {"duckdb": counts_built}
    if postgres:
        _say(f"{preset}: PostgreSQL load + dbt build (scripts/with_postgres.sh)")
        pg = run_pg(extract, work, files_text)
        stages += [StageResult(**item) for item in pg["stages"]]
        if pg.get("profile"):
            profiles.append(DbtProfile(**pg["profile"]))
        row_counts["postgres"] = pg.get("counts", {})
        if pg.get("steps"):
            steps["postgres"] = pg["steps"]
    # The population the extract was generated for: from this run's generator log, else (an extract
    # reused from an earlier run) the preset's.
    population = generated_population(logs / "generate.log") or _preset_population(preset)
    return PresetResult(preset, people, file_rows, stages, floors, profiles, row_counts, population, steps)


def _preset_population(preset: str) -> int:
    from pif.generate.model import PRESETS

    chosen = PRESETS.get(preset)
    return int(chosen.population) if chosen else 0


def generated_population(log: Path) -> int:
    """The population `pif generate` reports ("Generated N rows for P people"), else 0."""
    import re

    try:
        text = log.read_text(errors="replace")
    except OSError:
        return 0
    match = re.search(r"rows for ([\d,]+) people", text)
    return int(match.group(1).replace(",", "")) if match else 0


def _floors(read: Mapping[str, Any], plain: Mapping[str, Any], read_peak: float, plain_peak: float) -> Floors:
    seconds_by_type: dict[str, float] = defaultdict(float)
    nodes_by_type: dict[str, int] = defaultdict(int)
    for unique_id, seconds in plain["node_seconds"].items():
        kind = unique_id.split(".", 1)[0]
        seconds_by_type[kind] += seconds
        nodes_by_type[kind] += 1
    return Floors(
        read_s=round(read["seconds"], 3),
        read_rows=sum(read["rows"].values()),
        read_rows_by_file=dict(read["rows"]),
        plain_s=round(plain["seconds"], 3),
        plain_seconds_by_type={key: round(value, 3) for key, value in seconds_by_type.items()},
        plain_nodes_by_type=dict(nodes_by_type),
        plain_node_seconds={
            short_name(unique_id): round(seconds, 3) for unique_id, seconds in plain["node_seconds"].items()
        },
        plain_failing_tests=list(plain["failing"]),
        read_peak_mb=round(read_peak, 1),
        plain_peak_mb=round(plain_peak, 1),
    )


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for _ in handle)
    except OSError:
        return 0


def _timeout_note(measured: Measured, target_path: Path) -> str:
    """For a dbt build killed at the stage timeout: how far it got (from its log)."""
    if not measured.timed_out:
        return ""
    log = target_path / "logs" / "dbt.log"
    finished = 0
    if log.exists():
        finished = sum(
            1 for line in log.read_text(errors="replace").splitlines() if " of " in line and "[" in line
        )
    return f"killed at the stage timeout ({measured.wall_s:,.0f} s); see the build log ({finished} log lines)"


def _postgres_server_pid() -> int | None:
    """The postmaster of the server in PIF_PG_*: the parent of this connection's backend."""
    from pif.db import connect

    try:
        connection = connect("postgres")
    except Exception:  # noqa: BLE001 - any connection problem means no server to sample
        return None
    try:
        cursor = connection.cursor()
        cursor.execute("select pg_backend_pid()")
        backend = int(cursor.fetchone()[0])
    finally:
        connection.close()
    try:
        stat = Path(f"/proc/{backend}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def postgres_stages(
    extract: Path,
    work: Path,
    settings: Settings,
    preset: str,
    rows_in: str = "",
    preset_generated: bool = True,
) -> dict[str, Any]:
    """Inside scripts/with_postgres.sh: `pif run` on PostgreSQL (after a cold parse, as the night
    before), measured with the server."""
    logs = work / "logs"
    server = _postgres_server_pid()
    roots = [server] if server else []
    extract_date = EXTRACT_DATE_OF_GENERATOR if preset_generated else ""
    env = _env(PIF_TARGET="postgres", PIF_EXTRACT_DATE=extract_date)
    stages: list[StageResult] = []
    run_target = settings.project_dir / "target" / "run-postgres"
    parse = run_measured(
        _dbt_command(settings, "parse", "postgres", run_target, "--no-partial-parse"),
        logs / "dbt-parse-postgres.log",
        env,
        cwd=settings.project_dir,
    )
    measured, steps = pif_run(settings, extract, work / "run-postgres", "postgres", extract_date, env, roots)
    counts = _postgres_counts() if measured.returncode == 0 else {}
    stages.append(
        _stage_result(
            preset,
            "postgres",
            "pif run",
            measured,
            rows_in=rows_in,
            rows_out=_build_rows_out(counts),
        )
    )
    profile: dict[str, Any] | None = None
    results_file = run_target / "run_results.json"
    if results_file.exists():
        run_results = json.loads(results_file.read_text())
        profile = asdict(
            profile_run(
                run_results,
                steps.get("build", 0.0),
                "postgres",
                threads_configured(settings.project_dir, "postgres"),
            )
        )
        profile["parse_s"] = round(parse.wall_s, 2)
    note = "server memory included in peak MB" if server else "server not found: client processes only"
    stages[0].note = note
    return {
        "stages": [asdict(stage) for stage in stages],
        "profile": profile,
        "counts": counts,
        "steps": steps,
    }


def _postgres_main() -> None:
    """Entry point inside scripts/with_postgres.sh: python -c '...' extract work project preset out."""
    extract, work, project, preset, rows_in, timeout, out, *dbt_args = sys.argv[1:]
    settings = Settings(
        project_dir=Path(project),
        work_dir=Path(work).parent,
        dbt_args=tuple(dbt_args),
        stage_timeout_s=float(timeout) if timeout else None,
    )
    result = postgres_stages(Path(extract), Path(work), settings, preset, rows_in)
    Path(out).write_text(json.dumps(result))


def _run_postgres(settings: Settings, preset: str) -> Callable[[Path, Path, str], dict[str, Any]]:
    def run(extract: Path, work: Path, rows_in: str) -> dict[str, Any]:
        out = work / "postgres.json"
        command = [
            str(settings.project_dir / "scripts" / "with_postgres.sh"),
            sys.executable,
            "-c",
            "from pif.benchmark import _postgres_main; _postgres_main()",
            str(extract),
            str(work),
            str(settings.project_dir),
            preset,
            rows_in,
            str(settings.stage_timeout_s or ""),
            str(out),
            *settings.dbt_args,
        ]
        log = work / "logs" / "postgres.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("w") as output:
            code = subprocess.call(command, stdout=output, stderr=subprocess.STDOUT, env=_env())
        if code or not out.exists():
            _say(f"{preset}: PostgreSQL stages failed (exit {code}), see {log}")
            return {"stages": [], "profile": None, "counts": {}}
        return dict(json.loads(out.read_text()))

    return run


# --------------------------------------------------------------------------------------------------
# Machine and the whole run


def machine_info(postgres_version: str | None = None) -> dict[str, str]:
    """CPU, cores, RAM, OS and the versions that matter, for the report."""
    from importlib.metadata import PackageNotFoundError, version

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    system = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                system = f"{line.split('=', 1)[1].strip(chr(34))} ({platform.release()})"
    except OSError:
        pass

    def package(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    info = {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": ram,
        "OS": system,
        "Python": platform.python_version(),
        "dbt-core": package("dbt-core"),
        "dbt-duckdb / DuckDB": f"{package('dbt-duckdb')} / {package('duckdb')}",
        "dbt-postgres": package("dbt-postgres"),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    if postgres_version:
        info["PostgreSQL server"] = postgres_version
    return info


def _postgres_server_version() -> str | None:
    """The version of the PostgreSQL server binaries scripts/with_postgres.sh would start."""
    import re

    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), reverse=True)
    found = shutil.which("postgres")
    for candidate in [*([Path(found)] if found else []), *candidates]:
        try:
            output = subprocess.run(
                [str(candidate), "--version"], capture_output=True, text=True, check=False
            ).stdout
        except OSError:
            continue
        match = re.search(r"\(PostgreSQL\) (\S+)", output)
        if match:
            return match.group(1)
    return None


def result_from_json(data: Mapping[str, Any]) -> PresetResult:
    """A PresetResult saved by save_result."""
    floors = Floors(**data["floors"]) if data.get("floors") else None
    return PresetResult(
        preset=data["preset"],
        people=data["people"],
        extract_rows=data["extract_rows"],
        stages=[StageResult(**item) for item in data["stages"]],
        floors=floors,
        profiles=[
            DbtProfile(
                **{
                    **item,
                    "heaviest_models": [tuple(pair) for pair in item["heaviest_models"]],
                    "heaviest_tests": [tuple(pair) for pair in item["heaviest_tests"]],
                    "heaviest_unit_tests": [tuple(pair) for pair in item["heaviest_unit_tests"]],
                }
            )
            for item in data["profiles"]
        ],
        row_counts=data.get("row_counts", {}),
        population=int(data.get("population", 0)),
        steps=data.get("steps", {}),
    )


def run_benchmark(
    presets: Sequence[str],
    postgres_presets: Sequence[str],
    out: Path,
    settings: Settings,
    skip_existing: bool = False,
) -> list[PresetResult]:
    """Run every preset (or reuse its saved result), then write the markdown report."""
    settings.work_dir.mkdir(parents=True, exist_ok=True)
    results: list[PresetResult] = []
    for spec in presets:
        preset, _ = split_preset(spec)
        saved = settings.work_dir / f"{preset}.result.json"
        if skip_existing and saved.exists():
            _say(f"{preset}: using the saved result {saved}")
            results.append(result_from_json(json.loads(saved.read_text())))
            continue
        result = run_preset(spec, settings, preset in postgres_presets, _run_postgres(settings, preset))
        saved.write_text(json.dumps(asdict(result), default=str, indent=1))
        results.append(result)
    previous = out.read_text() if out.exists() else ""
    machine = machine_info(_postgres_server_version() if postgres_presets else None)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_markdown(results, machine, existing_analysis(previous)))
    _say(f"wrote {out}")
    return results


def _fmt_load(value: float) -> str:
    """A load average, blank when it was not recorded."""
    return f"{value:.1f}" if value else ""
