"""The `pif` command: validate and load an extract, export the return (workbook and CSVs, `--publish`
with disclosure control), write the HTML report, check any return's relations, show staging
rejections, and build the reference seeds (working-day calendar, measure registry).

Connections come from the dbt profile `pif` (profiles.yml in DBT_PROFILES_DIR, else the project,
else ~/.dbt): the target from --target (else the profile's, PIF_TARGET in the project's
profiles.yml), the DuckDB file from PIF_DUCKDB_PATH, PostgreSQL from the PIF_PG_* variables
(PIF_PG_SSLMODE included). Files are created readable by their owner only (umask 077): the
database, logs and reports can hold personal data.

Exit codes (pif.nightly): 0 ok, 1 validation errors (or a load refused), 2 usage or profile errors,
3 build or data test failed, 4 lock held by another run, 5 cannot connect, 6 export refused,
130 interrupted. `pif check`: 0 no must-hold relation fails, 1 one does, 2 file unreadable.
`pif trace`: 0 traced, 1 nothing to trace (not implemented, not built, year absent) or the records
do not add up to the figure, 2 unknown measure, part, year or target, 5 cannot connect.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table as RichTable

from pif import db
from pif.cells import safe_frame
from pif.nightly import (
    EXIT_CONNECTION,
    EXIT_EXPORT_REFUSED,
    EXIT_LOCKED,
    EXIT_USAGE,
    EXIT_VALIDATION,
    LockHeld,
    implausible_dates_query,
)
from pif.returnbook import RunInfo

app = typer.Typer(
    help="Welsh PIF social-services measures: extract validation, loading and exports.",
    no_args_is_help=True,
    add_completion=False,
    # A traceback must never print local variables: they include connection parameters.
    pretty_exceptions_show_locals=False,
)
runs_app = typer.Typer(
    help="Runs recorded by `pif run`: list them, compare two, show which run changed which figure.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.add_typer(runs_app, name="runs")
console = Console()


@app.callback()
def _everything() -> None:
    """Files pif creates (database, logs, reports, exports) are readable by their owner only."""
    os.umask(0o077)


def _fail(message: str, code: int) -> typer.Exit:
    """Print one line and return the Exit to raise."""
    console.print(f"[red]{message}[/red]", highlight=False, soft_wrap=True)
    return typer.Exit(code=code)


def _connect(target: str, duckdb_path: Path | None = None, read_only: bool = False):  # noqa: ANN202
    """A connection, or one line naming where it failed (never the password) and exit 5."""
    try:
        return db.connect(target, duckdb_path, read_only=read_only)
    except db.WarehouseConnectionError as error:
        raise _fail(str(error), EXIT_CONNECTION) from None


ExtractDir = Annotated[
    Path,
    typer.Argument(exists=True, file_okay=False, dir_okay=True, help="Folder holding the extract CSV files."),
]
Target = Annotated[
    str | None,
    typer.Option("--target", "-t", help="duckdb or postgres (default: env PIF_TARGET, else duckdb)."),
]
DuckdbPath = Annotated[
    Path | None,
    typer.Option(
        "--duckdb-path", help="DuckDB file (default: env PIF_DUCKDB_PATH, else pif.duckdb in the project)."
    ),
]
OutputDir = Annotated[
    Path | None, typer.Option("--output", "-o", help="Output folder (default: output/ in the project).")
]


def _target(target: str | None) -> str:
    """The chosen target: an output of the pif profile (duckdb or postgres)."""
    chosen = target or db.default_target()
    try:
        db.resolve_target(chosen)
    except db.ProfileError as error:
        raise _fail(str(error), EXIT_USAGE) from None
    return chosen


def _output_dir(output: Path | None) -> Path:
    """The output folder: the option, else output/ in the project root."""
    from pif.contract import project_root

    return output or project_root() / "output"


def _validate(extract_dir: Path, output: Path | None, keep: Path | None = None) -> bool:
    """Validate, write the report, print the summary; True when the extract has no errors. With
    `keep`, the files as read are kept in a scratch database there (load_extract(validated=...))."""
    from pif.validate import has_errors, print_summary, remove_report, validate_extract, write_report

    started = time.perf_counter()
    report_path = _output_dir(output) / "validation_report.csv"
    remove_report(report_path)
    with console.status("Validating the extract against the source contract..."):
        findings = validate_extract(extract_dir, keep=keep)
    report = write_report(findings, report_path)
    print_summary(findings, console)
    console.print(f"Report: {report} ({time.perf_counter() - started:.1f} s)")
    return not has_errors(findings)


@app.command()
def validate(extract_dir: ExtractDir, output: OutputDir = None) -> None:
    """Check an extract folder against the source contract; write output/validation_report.csv."""
    if not _validate(extract_dir, output):
        raise typer.Exit(code=1)


@app.command()
def load(
    extract_dir: ExtractDir,
    target: Target = None,
    duckdb_path: DuckdbPath = None,
    output: OutputDir = None,
) -> None:
    """Connect, validate, then (when there are no errors) load the extract into the raw schema."""
    from pif.load import LoadError, load_extract
    from pif.nightly import deployment_lock

    chosen = _target(target)
    _connect(chosen, duckdb_path).close()
    resolved = db.resolve_target(chosen)
    if duckdb_path is not None:
        resolved = db.ResolvedTarget(resolved.name, resolved.type, resolved.schema, duckdb_path=duckdb_path)
    try:
        with deployment_lock(resolved), tempfile.TemporaryDirectory(prefix="pif-load-") as folder:
            # The files are read once: the load copies the validator's scratch database.
            validated = Path(folder) / "validated.duckdb"
            if not _validate(extract_dir, output, keep=validated):
                raise _fail("Not loaded: fix the errors above first.", EXIT_VALIDATION)
            started = time.perf_counter()
            try:
                loaded = load_extract(extract_dir, chosen, duckdb_path, validated=validated)
            except LoadError as error:
                raise _fail(str(error), EXIT_VALIDATION) from None
    except LockHeld as error:
        raise _fail(str(error), EXIT_LOCKED) from None
    except db.WarehouseConnectionError as error:
        raise _fail(str(error), EXIT_CONNECTION) from None
    rows = sum(table.rows for table in loaded)
    console.print(
        f"Loaded {rows:,} rows from {len(loaded)} files into {chosen} "
        f"in {time.perf_counter() - started:.1f} s (warnings are rows staging will reject: see the report)."
    )


def _tested_return(
    target: str | None, duckdb_path: Path | None, run_id: str | None, untested: bool
) -> tuple[pd.DataFrame, RunInfo, str]:
    """The return to write (a passed run's stored copy, or the live tables with --untested), the
    RunInfo that made it and a sentence naming its source. Exit 6 when no passed run vouches for it."""
    from pif import runs
    from pif.export import read_return
    from pif.publication import load_settings

    settings = load_settings()
    chosen = _target(target)
    resolved = db.resolve_target(chosen)
    return_schema = resolved.model_schema("return")
    connection = _connect(chosen, duckdb_path, read_only=True)
    try:
        if untested:
            long = read_return(connection, return_schema, resolved.model_schema("reference"))
            console.print(
                "[bold red]UNTESTED: exporting the return tables as they are now. No passed `pif run` "
                "vouches for them: they may come from a failed, interrupted or partial build.[/bold red]"
            )
            source = f"the live tables of {resolved.where} (UNTESTED)"
            info = RunInfo(
                run_id="untested",
                target=chosen,
                authority_code=settings.authority_code,
                authority_name=settings.authority_name,
            )
        else:
            try:
                run = runs.run_to_export(runs.read_runs(connection, return_schema), run_id)
            except runs.ExportRefused as error:
                raise _fail(f"Export refused: {error}", EXIT_EXPORT_REFUSED) from None
            long = runs.stored_return(connection, return_schema, str(run["run_id"]))
            source = (
                f"run {run['run_id']} (passed; extract {run['extract_dir']}, "
                f"commit {run['git_commit']}, ended {run['ended_at']})"
            )
            console.print(f"Exporting the tested return of {source}", highlight=False)
            info = RunInfo.from_record(run.to_dict(), settings.authority_code, settings.authority_name)
    finally:
        connection.close()
    return long, info, source


@app.command()
def export(
    target: Target = None,
    duckdb_path: DuckdbPath = None,
    years: Annotated[int, typer.Option("--years", "-y", min=1, help="Collection years side by side.")] = 2,
    run_id: Annotated[
        str | None, typer.Option("--run", help="Export this passed run's return (default: the latest run).")
    ] = None,
    untested: Annotated[
        bool,
        typer.Option(
            "--untested",
            help="Export the tables as they are now, even though no passed run vouches for them (loud).",
        ),
    ] = False,
    publish: Annotated[
        bool,
        typer.Option(
            "--publish",
            help="Write the files for publication (pif_return_published.*): disclosure control on "
            "(publication.yml: round to the nearest 5, suppress small counts).",
        ),
    ] = False,
    output: OutputDir = None,
) -> None:
    """Write the return of the latest passed run (pif_return.csv/.xlsx, pif_return_long.csv).

    Refused (exit 6) when the latest `pif run` did not pass: the tables may hold a half-built or
    untested return. --run ID exports an earlier passed run; --untested the live tables. --publish
    writes pif_return_published.* with disclosure control instead of the internal, exact files.
    """
    from pif.export import print_return_summary, write_export
    from pif.publication import load_settings

    long, info, source = _tested_return(target, duckdb_path, run_id, untested)
    rule = load_settings().disclosure if publish else None
    files = write_export(long, _output_dir(output), years, info, rule)
    if rule is None:
        print_return_summary(long, years, console)
    else:
        console.print(f"Disclosure control on: {rule.describe()}.")
    console.print(f"Wrote {files.wide_csv}, {files.wide_xlsx} and {files.long_csv} from {source}")


@app.command()
def report(
    target: Target = None,
    duckdb_path: DuckdbPath = None,
    run_id: Annotated[
        str | None, typer.Option("--run", help="Report on this passed run (default: the latest run).")
    ] = None,
    untested: Annotated[
        bool, typer.Option("--untested", help="Report on the live tables, untested (loud).")
    ] = False,
    output: OutputDir = None,
) -> None:
    """Write pif_report.html: the return by section with trends and changes, the relation check,
    data quality, coverage and the interpretation vars in force, in one self-contained HTML file.

    Data quality comes from the run's folder (rejections.csv, validation_report.csv) when it exists.
    """
    from pif.report import write_report

    long, info, source = _tested_return(target, duckdb_path, run_id, untested)
    run_dir = None
    if not untested:
        folder = _run_output_dir(target, duckdb_path, info.run_id)
        run_dir = Path(folder) if folder and Path(folder).is_dir() else None
    path = write_report(long, _output_dir(output) / "pif_report.html", info, run_dir)
    console.print(f"Wrote {path} from {source}", highlight=False)


def _run_output_dir(target: str | None, duckdb_path: Path | None, run_id: str) -> str:
    """The folder a run wrote its files into (pif_runs.output_dir), or ''."""
    from pif import runs

    chosen = _target(target)
    connection = _connect(chosen, duckdb_path, read_only=True)
    try:
        frame = runs.read_runs(connection, db.resolve_target(chosen).model_schema("return"))
    finally:
        connection.close()
    match = frame[frame["run_id"] == run_id]
    return "" if match.empty or not match.iloc[0]["output_dir"] else str(match.iloc[0]["output_dir"])


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="A return as CSV: long, wide, hand-built or published.")],
    year: Annotated[str | None, typer.Option("--year", help="Check this collection year only.")] = None,
    csv_out: Annotated[
        Path | None, typer.Option("--csv", help="Write every relation's result (pass, fail, not checked).")
    ] = None,
) -> None:
    """Check the relations between a return's figures (src/pif/measure_relations.csv, docs/relations.md).

    Prints each failing relation with both sides, the year and the catalogue sentence, then a summary.
    Exit 0 when no must-hold relation fails, 1 when one does, 2 when the file cannot be read.
    """
    from pif.check import (
        EXIT_UNREADABLE,
        LayoutError,
        conflicting_figures,
        failure_lines,
        load_relations,
        read_figures,
        summarise,
        unreadable_values,
        write_results,
    )
    from pif.check import check as check_relations

    if not file.is_file():
        raise _fail(f"No such file: {file}", EXIT_UNREADABLE)
    try:
        figures, layout = read_figures(file)
    except LayoutError as error:
        raise _fail(f"{file}: {error}", EXIT_UNREADABLE) from None
    results = check_relations(figures, load_relations(), year)
    unreadable = unreadable_values(figures)
    if len(unreadable):
        first = unreadable.iloc[0]
        typer.echo(
            f"warning: {len(unreadable)} values are not numbers and are read as not available "
            f"(e.g. '{first['text']}' for {first['measure_code']} part '{first['part']}' "
            f"{first['collection_year']})"
        )
    conflicts = conflicting_figures(figures)
    if len(conflicts):
        first = conflicts.iloc[0]
        typer.echo(
            f"warning: {len(conflicts)} figures are given twice with different values, the first is used "
            f"(e.g. {first['measure_code']} part '{first['part']}' {first['collection_year']})"
        )
    years = sorted({result.collection_year for result in results}, reverse=True)
    typer.echo(f"{file}: {layout} layout, {len(figures)} figures, collection years {', '.join(years)}")
    for line in failure_lines(results):
        typer.echo(line)
    summary = summarise(results)
    if csv_out:
        write_results(results, csv_out)
        typer.echo(f"Wrote {csv_out}")
    typer.echo(summary.line())
    raise typer.Exit(code=summary.exit_code)


@app.command("trace")
def trace_figure(
    figure: Annotated[
        list[str],
        typer.Argument(
            help="A figure: CH/004e, 'CH/004 e', CH/023a age_ii, or a measure (CH/004: every part)."
        ),
    ],
    year: Annotated[
        str | None, typer.Option("--year", "-y", help="Collection year, 2026-27 or 2026 (default: latest).")
    ] = None,
    target: Target = None,
    duckdb_path: DuckdbPath = None,
    excluded: Annotated[
        bool, typer.Option("--excluded", help="Also the candidates left out, with their reasons.")
    ] = False,
    csv_out: Annotated[
        Path | None,
        typer.Option("--csv", help="CSV of every record (default: output/trace/<figure>-<year>.csv)."),
    ] = None,
    rows: Annotated[int, typer.Option(min=0, help="How many records to print (the CSV has them all).")] = 20,
) -> None:
    """The records behind a figure of the return (measure_items) and, with --excluded, the candidates
    left out with their reasons (measure_exclusions), as a table and as CSV. Person ids only.

    Exit 0 traced; 1 nothing to trace (measure not implemented, database not built, year not in the
    return) or the records do not add up to the figure; 2 unknown measure, part, year or target;
    5 cannot connect.
    """
    from pif.trace import TraceError, parse_figure, parse_year, read_registry, write_csv
    from pif.trace import trace as read_trace

    registry = read_registry()
    try:
        wanted = parse_figure(figure, registry)
        chosen_year = parse_year(year) if year else None
    except TraceError as error:
        raise _fail(str(error), error.exit_code) from None
    chosen = _target(target)
    resolved = db.resolve_target(chosen)
    schemas = {suffix: resolved.model_schema(suffix) for suffix in ("marts", "return")}
    connection = _connect(chosen, duckdb_path, read_only=True)
    try:
        result = read_trace(connection, schemas, wanted, chosen_year, registry, excluded)
    except TraceError as error:
        raise _fail(str(error), error.exit_code) from None
    finally:
        connection.close()
    _print_trace(result, registry, rows)
    path = write_csv(result, csv_out or _output_dir(None) / "trace" / f"{wanted.slug}-{result.year}.csv")
    console.print(f"Every record, counted{' and excluded' if excluded else ''}: {path}", highlight=False)
    if not result.matches:
        raise _fail(
            "The records do not add up to the figure in pif_return (see the table above): rebuild, "
            "and report it if it stays.",
            1,
        )


def _print_trace(result: object, registry: pd.DataFrame, rows: int) -> None:
    """The figures traced (each beside its records), the first records, and the exclusions."""
    from pif.trace import Trace

    assert isinstance(result, Trace)
    code = result.figure.measure_code
    name = registry.loc[registry["measure_code"] == code, "measure_name"]
    console.print(
        f"[bold]{result.figure.label}, {result.year}[/bold]: {name.iloc[0] if len(name) else ''}",
        highlight=False,
    )
    figures = RichTable(title="Figure in pif_return and the records behind it")
    for heading, justify in (
        ("Part", "left"),
        ("Label", "left"),
        ("Breakdown", "left"),
        ("Figure", "right"),
        ("Records", "right"),
        ("Sum of records", "right"),
        ("Adds up", "left"),
    ):
        figures.add_column(heading, justify=justify)  # type: ignore[arg-type]
    parts = registry[registry["measure_code"] == code]
    band_labels = dict(zip(parts["part"], parts["part_label"], strict=True))
    for row in result.figures.itertuples(index=False):
        same = row.value == row.traced
        figures.add_row(
            row.part or "-",
            str(row.label),
            f"{row.breakdown} {band_labels.get(row.breakdown, '')}".strip(),
            f"{row.value:,.0f}",
            f"{row.records:,}",
            f"{row.traced:,.0f}",
            "[green]yes[/green]" if same else "[red]NO[/red]",
        )
    console.print(figures)
    items = result.items
    if items.empty:
        console.print(f"No records counted in {result.figure.label}, {result.year}.", highlight=False)
    else:
        _print_items(items, rows)
    if result.exclusions is not None:
        _print_exclusions(result, registry, rows)


def _print_items(items: pd.DataFrame, rows: int) -> None:
    """The first counted records (age band and value columns only when they say something)."""
    valued = bool(len(items)) and bool((items["item_value"] != 1).any())
    crossed = bool((items["breakdown"] != "").any())
    table = RichTable(
        title=f"Records counted: {len(items):,}" + (f" (first {rows})" if len(items) > rows else "")
    )
    columns = ["part", *(["breakdown"] if crossed else []), "item_type", "item_id", "person_id", "event_date"]
    columns += [*(["item_value"] if valued else []), "source_reference"]
    for column in columns:
        table.add_column(column, overflow="fold")
    for record in items.head(rows)[columns].itertuples(index=False):
        table.add_row(*("" if pd.isna(value) else str(value) for value in record))
    console.print(table)


def _print_exclusions(result: object, registry: pd.DataFrame, rows: int) -> None:
    """The measure's candidates left out: the count per reason, then the first records."""
    from pif.trace import Trace

    assert isinstance(result, Trace) and result.exclusions is not None
    code = result.figure.measure_code
    exclusions = result.exclusions
    note = " (kept per measure, not per part)" if result.figure.part else ""
    if exclusions.empty:
        base = registry.loc[registry["measure_code"] == code, "base_measure_code"]
        base_code = str(base.iloc[0]) if len(base) and str(base.iloc[0]) else ""
        hint = (
            f" Its candidates are the records of {base_code} (its base): `pif trace {base_code} --excluded`."
            if base_code
            else ""
        )
        console.print(f"No candidates left out of {code} in {result.year}{note}.{hint}", highlight=False)
        return
    reasons = RichTable(title=f"Candidates left out of {code}{note}: {len(exclusions):,}")
    reasons.add_column("Reason", overflow="fold")
    reasons.add_column("Records", justify="right")
    for reason, count in exclusions["exclusion_reason"].value_counts().items():
        reasons.add_row(str(reason), f"{count:,}")
    console.print(reasons)
    listed = RichTable(title=f"First {min(rows, len(exclusions))} left out")
    columns = ["item_type", "item_id", "person_id", "event_date", "exclusion_reason", "source_reference"]
    for column in columns:
        listed.add_column(column, overflow="fold")
    for record in exclusions.head(rows)[columns].itertuples(index=False):
        listed.add_row(*("" if pd.isna(value) else str(value) for value in record))
    console.print(listed)


@app.command()
def run(
    extract_dir: ExtractDir,
    target: Target = None,
    extract_date: Annotated[
        str | None, typer.Option(help="Date the extract was taken (YYYY-MM-DD), for in-year runs.")
    ] = None,
    dbt_vars: Annotated[
        str | None, typer.Option("--vars", help="Other dbt vars, as YAML: '{adult_review_cycle_months: 12}'.")
    ] = None,
    output: OutputDir = None,
    years: Annotated[int, typer.Option("--years", "-y", min=1, help="Collection years side by side.")] = 2,
) -> None:
    """The scheduled run: connect, lock, validate, load, dbt build (selector nightly), export.

    Outputs in output/runs/<run_id>/; output/latest moves to it only when every step and data test
    passed. Exit codes: 0 ok, 1 validation, 2 usage, 3 build/test failed, 4 locked, 5 connection,
    130 interrupted.
    """
    import yaml

    from pif.nightly import RunSettings, run_nightly

    chosen = _target(target)
    overrides = yaml.safe_load(dbt_vars) if dbt_vars else {}
    if not isinstance(overrides, dict):
        raise _fail("--vars must be a YAML mapping", EXIT_USAGE)
    settings = RunSettings(
        extract_dir=extract_dir.resolve(),
        target=chosen,
        extract_date=extract_date,
        dbt_vars=overrides,
        output_root=output.resolve() if output else None,
        years=years,
    )
    raise typer.Exit(code=run_nightly(settings))


@runs_app.command("list")
def runs_list(target: Target = None, limit: Annotated[int, typer.Option(help="How many runs.")] = 20) -> None:
    """The latest runs: status, step reached, extract, commit, times."""
    from pif import runs

    chosen = _target(target)
    connection = _connect(chosen, read_only=True)
    try:
        frame = runs.read_runs(connection, db.resolve_target(chosen).model_schema("return"))
    finally:
        connection.close()
    columns = ["run_id", "status", "step", "started_at", "ended_at", "extract_dir", "git_commit"]
    console.print(frame.head(limit)[columns].to_string(index=False) if not frame.empty else "No runs.")


@runs_app.command("compare")
def runs_compare(run_a: str, run_b: str, target: Target = None) -> None:
    """Do two runs have the same inputs, and the same figures? Exit 0 when every figure is equal."""
    from pif import runs

    chosen = _target(target)
    schema = db.resolve_target(chosen).model_schema("return")
    connection = _connect(chosen, read_only=True)
    try:
        frame = runs.read_runs(connection, schema)
        figures = {run: runs.read_history(connection, schema, run) for run in (run_a, run_b)}
    finally:
        connection.close()
    records = {run: frame[frame["run_id"] == run] for run in (run_a, run_b)}
    for run, record in records.items():
        if record.empty or figures[run].empty:
            raise _fail(f"run {run} has no stored return (not a passed run: `pif runs list`)", 1)
    for field in ("extract_checksums", "dbt_vars", "git_commit", "catalogue_version", "dbt_version"):
        left, right = (str(records[run].iloc[0][field]) for run in (run_a, run_b))
        console.print(f"{field}: {'same' if left == right else 'DIFFERENT'}", highlight=False)
    diff = runs.compare_figures(figures[run_a], figures[run_b])
    if diff.empty:
        console.print(f"Figures: all {len(figures[run_a]):,} identical in {run_a} and {run_b}.")
        return
    console.print(f"Figures: {len(diff):,} differ (value_a = {run_a}, value_b = {run_b}):")
    console.print(diff.head(50).to_string(index=False))
    raise typer.Exit(code=1)


@runs_app.command("history")
def runs_history(
    target: Target = None,
    measure: Annotated[str | None, typer.Option(help="Only this measure code, e.g. CH/001.")] = None,
) -> None:
    """Which passed run changed which figure (its first value, then every change)."""
    from pif import runs

    chosen = _target(target)
    schema = db.resolve_target(chosen).model_schema("return")
    connection = _connect(chosen, read_only=True)
    try:
        history = runs.read_history(connection, schema)
        changes = runs.figure_changes(history, runs.read_runs(connection, schema))
    finally:
        connection.close()
    if measure:
        changes = changes[changes["measure_code"] == measure]
    console.print(changes.to_string(index=False) if not changes.empty else "No figures recorded.")


@app.command()
def rejections(
    target: Target = None,
    duckdb_path: DuckdbPath = None,
    rows: Annotated[int, typer.Option(help="How many rejected rows (and implausible dates) to list.")] = 10,
    staging_schema: Annotated[str | None, typer.Option(help="Default <target>_staging.")] = None,
) -> None:
    """Show the staging rejection report (stg_wccis__rejections) and write it to output/rejections.csv."""
    chosen = _target(target)
    schema = db.quote_identifier(staging_schema or db.model_schema(chosen, "staging"))
    connection = _connect(chosen, duckdb_path, read_only=True)
    try:
        frame = db.query_frame(
            connection,
            "select entity, source_file, source_row, record_id, rejection_reason "
            f"from {schema}.stg_wccis__rejections order by entity, source_row",
        )
        field_issues = db.query_frame(
            connection,
            "select entity, source_file, source_row, record_id, field_name, field_issue "
            f"from {schema}.stg_wccis__field_issues order by entity, source_row, field_name",
        )
        implausible = db.query_frame(connection, implausible_dates_query(schema))
    finally:
        connection.close()
    _print_field_issues(field_issues)
    _print_implausible_dates(implausible, rows)
    if frame.empty:
        console.print("[green]No rejected rows.[/green]")
        return
    _print_rejection_counts(frame)
    _print_rejected_rows(frame, rows)
    report = _output_dir(None) / "rejections.csv"
    report.parent.mkdir(parents=True, exist_ok=True)
    safe_frame(frame).to_csv(report, index=False)
    console.print(f"Every rejected row, with its reason: {report}")


def _print_field_issues(frame: pd.DataFrame) -> None:
    """Fields of accepted rows read as unknown (the row still counts), written to output/field_issues.csv."""
    if frame.empty:
        console.print("[green]No fields read as unknown.[/green]")
        return
    console.print(
        f"Fields read as unknown in accepted rows (the rows still count; the measures that need the "
        f"field list them in their exclusions): {len(frame):,}"
    )
    for entity_file, group in frame.groupby("source_file", sort=True):
        counts = group["field_name"].value_counts()
        listed = ", ".join(f"{name} ({count:,})" for name, count in counts.items())
        console.print(f"  {entity_file}: {listed}")
    report = _output_dir(None) / "field_issues.csv"
    report.parent.mkdir(parents=True, exist_ok=True)
    safe_frame(frame).to_csv(report, index=False)
    console.print(f"Every field read as unknown, with its reason: {report}")


def _print_implausible_dates(frame: pd.DataFrame, rows: int) -> None:
    """Kept records dated after the person's death and deaths before birth (warnings: the records
    still count), each with its reason, written to output/implausible_dates.csv."""
    if frame.empty:
        console.print("[green]No records dated after the person's death, no death before birth.[/green]")
        return
    console.print(
        f"Implausible dates across files (the records are kept and counted; check which date is wrong): "
        f"{len(frame):,}"
    )
    for row in frame.head(rows).itertuples(index=False):
        console.print(f"  {row.source_file} line {row.source_row} ({row.record_id}): {row.implausibility}")
    if len(frame) > rows:
        console.print(f"  ... and {len(frame) - rows:,} more")
    report = _output_dir(None) / "implausible_dates.csv"
    report.parent.mkdir(parents=True, exist_ok=True)
    safe_frame(frame).to_csv(report, index=False)
    console.print(f"Every implausible date, with its reason: {report}")


def reason_kind(reason: str) -> str:
    """A rejection reason with its quoted values blanked, so reasons of one kind group together."""
    return re.sub(r"'[^']*'|\([^)]*\)", "…", reason)


def _print_rejection_counts(frame: pd.DataFrame) -> None:
    """Rejected rows per file, with the commonest kind of reason (the full list is in the CSV)."""
    kinds = frame.assign(reason=frame["rejection_reason"].map(reason_kind))
    table = RichTable(title=f"Rejected rows: {len(frame):,}")
    longest_file = max(len(str(name)) for name in kinds["source_file"])
    table.add_column("File", no_wrap=True, min_width=longest_file)
    table.add_column("Rows", justify="right", no_wrap=True, min_width=len(f"{len(frame):,}"))
    reason_width = max(20, console.width - longest_file - 16)
    table.add_column("Commonest reason", no_wrap=True, overflow="ellipsis", max_width=reason_width)
    for entity, group in kinds.groupby("source_file", sort=True):
        commonest = group["reason"].value_counts()
        table.add_row(str(entity), f"{len(group):,}", f"{commonest.index[0]} ({commonest.iloc[0]:,})")
    console.print(table)


def _print_rejected_rows(frame: pd.DataFrame, rows: int) -> None:
    """The first rejected rows, as a data officer would look them up in the file."""
    table = RichTable(title=f"First {min(rows, len(frame))} rejected rows")
    for heading in ("File", "Row", "Record", "Reason"):
        table.add_column(heading)
    for row in frame.head(rows).itertuples(index=False):
        table.add_row(
            str(row.source_file), str(row.source_row), str(row.record_id), str(row.rejection_reason)
        )
    console.print(table)


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True}, add_help_option=False
)
def calendar(context: typer.Context) -> None:
    """Build the Welsh working-day calendar seed (pif.working_days; `pif calendar --help` for options)."""
    from pif import working_days

    result = working_days.main(list(context.args))
    raise typer.Exit(code=int(result or 0))


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True}, add_help_option=False
)
def registry(context: typer.Context) -> None:
    """Build the measure registry seed (pif.registry; `pif registry --help` for options)."""
    from pif import registry as measure_registry

    measure_registry.main(list(context.args))


@app.command("contract-docs")
def contract_docs() -> None:
    """Regenerate docs/source-contract.md and the staging model docs from the source contract."""
    from pif.contract_docs import write

    for path in write():
        console.print(f"wrote {path}")


@app.command()
def benchmark(
    presets: Annotated[
        str, typer.Option(help="Comma-separated generator presets, or name=folder for an existing extract.")
    ] = "small,large,wales",
    postgres_presets: Annotated[
        str, typer.Option(help="Presets also run on a throwaway PostgreSQL server (comma-separated).")
    ] = "large",
    out: Annotated[Path | None, typer.Option(help="Markdown report (default docs/benchmark.md).")] = None,
    work_dir: Annotated[Path, typer.Option(help="Extracts, databases and logs.")] = Path(
        "/tmp/pif-benchmark"
    ),
    seed: Annotated[int, typer.Option(help="Generator seed (the generator's default).")] = 20261122,
    regenerate: Annotated[
        bool, typer.Option(help="Regenerate extracts even when the work directory has them.")
    ] = False,
    skip_existing: Annotated[
        bool, typer.Option(help="Reuse a preset's saved result (work dir) instead of running it again.")
    ] = False,
    stage_timeout: Annotated[
        float, typer.Option(help="Kill a pif run after this many seconds (reported as failed).")
    ] = 1800.0,
) -> None:
    """Time the nightly run end to end (pif run: validate, load, dbt build, export) per preset, beside
    the read and plain-SQL floors; write docs/benchmark.md with issue 15's targets marked."""
    from pif.benchmark import Settings, run_benchmark
    from pif.contract import project_root

    root = project_root()
    chosen = [item.strip() for item in presets.split(",") if item.strip()]
    on_postgres = [item.strip() for item in postgres_presets.split(",") if item.strip()]
    settings = Settings(
        project_dir=root,
        work_dir=work_dir.resolve(),
        seed=seed,
        reuse_extracts=not regenerate,
        stage_timeout_s=stage_timeout,
    )
    run_benchmark(chosen, on_postgres, out or root / "docs" / "benchmark.md", settings, skip_existing)


@app.command()
def generate(
    preset: Annotated[str, typer.Option(help="Size: tiny, small, mid, large or wales.")] = "mid",
    population: Annotated[
        int | None, typer.Option(min=100, help="People of all ages (overrides the preset's population).")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives identical files.")] = 20261122,
    out: Annotated[Path, typer.Option(help="Folder for the generated extract.")] = Path("extracts/generated"),
    defects: Annotated[bool, typer.Option("--defects/--no-defects", help="Inject realistic defects.")] = True,
) -> None:
    """Generate a synthetic local authority's extract (docs/synthetic-data.md); no real records."""
    from pif.generate import generate as run_generator
    from pif.generate.model import PRESETS

    if preset not in PRESETS:
        raise typer.BadParameter(f"--preset must be one of {', '.join(PRESETS)}")
    result = run_generator(preset=preset, population=population, seed=seed, out_dir=out, defects=defects)
    for area, reason in result.skipped_areas.items():
        console.print(f"[yellow]Area {area} skipped: {reason}[/yellow]")
    console.print(
        f"Generated {sum(result.rows.values()):,} rows for {result.population:,} people "
        f"({', '.join(result.areas)}; {result.chunks} chunks) into {result.out_dir} "
        f"in {result.seconds:.1f} s; defects manifest: {result.out_dir / 'defects.json'}"
    )


if __name__ == "__main__":
    app()
