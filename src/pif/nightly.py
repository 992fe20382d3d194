"""`pif run`: one command a scheduler calls - connect, lock, validate, load, build, export.

Each run gets an id (UTC start time) and a folder output/runs/<run_id>/ holding its plain-text log
(run.log, every line of every step, dbt's output included), dbt's own log (dbt.log), the validation
report, the rejected rows, the return files and run.json (what made the return). `output/latest`
(a symlink, and the pointer file output/LATEST for systems without symlinks) is swapped atomically
to the new folder only when every step and every data test passed: a failed or interrupted night
never replaces the last good return, and the return is copied into pif_return_history only after
its build passed, so `pif export` never publishes a half-built one.

Exit codes (also in the README):
  0 every step passed          1 the extract failed validation (or could not be loaded)
  2 usage or profile error     3 dbt build: a model or data test failed
  4 another run holds the lock 5 cannot connect to the warehouse
  6 export refused (no tested return)   7 unexpected error (traceback in run.log)
  130 interrupted (SIGINT/SIGTERM)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from pif import db, runs
from pif.cells import safe_frame
from pif.contract import project_root

EXIT_OK = 0
EXIT_VALIDATION = 1
EXIT_USAGE = 2
EXIT_BUILD = 3
EXIT_LOCKED = 4
EXIT_CONNECTION = 5
EXIT_EXPORT_REFUSED = 6
EXIT_UNEXPECTED = 7
EXIT_INTERRUPTED = 130
SELECTOR = "nightly"


def implausible_dates_query(schema: str) -> str:
    """The cross-file date warnings of stg_wccis__implausible_dates (kept records), in file order."""
    return (
        "select entity, source_file, source_row, record_id, person_id, date_field, date_value, "
        "person_date_field, person_date_value, person_source_row, implausibility "
        f"from {schema}.stg_wccis__implausible_dates order by entity, source_row, person_id"
    )


class LockHeld(RuntimeError):
    """Another run (or load) holds the deployment's lock."""


class Interrupted(BaseException):
    """SIGTERM or SIGINT during a run."""


class StepFailed(RuntimeError):
    """A step failed; carries the exit code and the status recorded."""

    def __init__(self, message: str, code: int, status: str) -> None:
        super().__init__(message)
        self.code = code
        self.status = status


# --------------------------------------------------------------------------------------------------
# Files readable by their owner only


def private_dir(path: Path) -> Path:
    """Create a folder (and parents) readable by its owner only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        path.chmod(0o700)
    return path


# --------------------------------------------------------------------------------------------------
# The lock: one build per deployment at a time


def _lock_key(params: db.PostgresParams) -> int:
    digest = hashlib.sha256(f"pif:{params.database}:{params.schema}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextlib.contextmanager
def deployment_lock(target: db.ResolvedTarget) -> Iterator[None]:
    """PostgreSQL: a session advisory lock on the deployment's schema; DuckDB: an exclusive lock
    on <database>.lock. LockHeld at once (never waits) when another run holds it."""
    if target.type == "postgres":
        assert target.postgres is not None
        connection = db.connect_postgres(target.postgres)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute("select pg_try_advisory_lock(%s)", [_lock_key(target.postgres)])
                if not cursor.fetchone()[0]:
                    raise LockHeld(
                        f"another pif run or load is using schema {target.schema} on "
                        f"{target.postgres.where} (PostgreSQL advisory lock held): not started"
                    )
            yield
        finally:
            connection.close()
        return
    assert target.duckdb_path is not None
    lock_path = Path(f"{target.duckdb_path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")  # noqa: SIM115 - held for the whole run
    try:
        try:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # Windows
            import msvcrt

            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError as error:
                raise LockHeld(_duckdb_lock_message(lock_path)) from error
        except OSError as error:
            raise LockHeld(_duckdb_lock_message(lock_path)) from error
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {datetime.now(UTC).isoformat(timespec='seconds')}\n")
        handle.flush()
        yield
    finally:
        handle.close()


def _duckdb_lock_message(lock_path: Path) -> str:
    holder = ""
    with contextlib.suppress(OSError):
        holder = f" ({lock_path.read_text().strip()})"
    return f"another pif run or load is using {lock_path.with_suffix('')}{holder}: not started"


# --------------------------------------------------------------------------------------------------
# Provenance


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def extract_checksums(extract_dir: Path) -> dict[str, str]:
    """sha256 of every CSV file of the extract, by file name."""
    return {path.name: sha256_file(path) for path in sorted(extract_dir.glob("*.csv"))}


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def git_commit(root: Path) -> str:
    """HEAD's commit, with +modified when tracked files differ from it; 'unknown' outside git."""
    try:
        head = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+modified" if changed else "")


def project_vars(root: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    """Every dbt var in force: dbt_project.yml's vars with the run's --vars on top."""
    project = yaml.safe_load((root / "dbt_project.yml").read_text(encoding="utf-8")) or {}
    return {**(project.get("vars") or {}), **overrides}


def catalogue_version(root: Path) -> str:
    registry = root / "seeds" / "measure_registry.csv"
    digest = sha256_file(registry)[:12] if registry.is_file() else "missing"
    return f"Definitions Catalogue 2026-27 (seeds/measure_registry.csv sha256 {digest})"


def provenance(root: Path, target: db.ResolvedTarget, extract_dir: Path, dbt_vars: dict[str, Any]) -> dict:
    project = yaml.safe_load((root / "dbt_project.yml").read_text(encoding="utf-8")) or {}
    return {
        "target": target.name,
        "extract_dir": str(extract_dir),
        "extract_checksums": extract_checksums(extract_dir),
        "project_version": str(project.get("version", _version("pif"))),
        "git_commit": git_commit(root),
        "catalogue_version": catalogue_version(root),
        "dbt_version": _version("dbt-core"),
        "adapter_version": f"dbt-{target.type} {_version('dbt-' + target.type)}",
        "dbt_vars": project_vars(root, dbt_vars),
    }


# --------------------------------------------------------------------------------------------------
# The run


@dataclass
class RunLog:
    """Plain-text log of a run, echoed to the console."""

    path: Path
    echo: bool = True
    lines: list[str] = field(default_factory=list)

    def __call__(self, message: str) -> None:
        stamp = datetime.now(UTC).strftime("%H:%M:%S")
        for line in message.splitlines() or [""]:
            text = f"{stamp} {line}"
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(text + "\n")
            if self.echo:
                print(line, flush=True)


@dataclass
class RunSettings:
    extract_dir: Path
    target: str
    extract_date: str | None = None
    dbt_vars: dict[str, Any] = field(default_factory=dict)
    output_root: Path | None = None
    years: int = 2


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + f"{datetime.now(UTC).microsecond // 1000:03d}Z"


def _dbt_executable() -> str:
    beside = Path(sys.executable).parent / ("dbt.exe" if os.name == "nt" else "dbt")
    return str(beside) if beside.exists() else "dbt"


def _connection_check(target: db.ResolvedTarget) -> None:
    """Connect (and disconnect) before anything else, so a bad login fails in a second."""
    connection = db.connect(target.name)
    try:
        db.query_frame(connection, "select 1 as ok")
    finally:
        connection.close()


class _Runner:
    def __init__(self, settings: RunSettings) -> None:
        self.settings = settings
        self.root = project_root()
        self.output_root = settings.output_root or self.root / "output"
        self.run_id = new_run_id()
        self.run_dir = private_dir(self.output_root / "runs" / self.run_id)
        self.log = RunLog(self.run_dir / "run.log")
        self.record: dict[str, Any] = {"run_id": self.run_id, "status": "running", "step": "connect"}
        self.target: db.ResolvedTarget | None = None
        self.child: subprocess.Popen[str] | None = None
        self.validation_warnings = 0
        self.dbt_warnings = 0
        self.rejected_rows: int | None = None
        self.implausible_dates: int | None = None
        # Seconds each step took (validate, load, build, export), kept in run.json.
        self.step_seconds: dict[str, float] = {}
        self._step_started = time.perf_counter()

    # -- the database record --------------------------------------------------------------------

    @property
    def return_schema(self) -> str:
        assert self.target is not None
        return self.target.model_schema("return")

    def _time_step(self) -> None:
        """Close the current step's time (into step_seconds) and start the next one's."""
        now = time.perf_counter()
        step = str(self.record.get("step"))
        self.step_seconds[step] = round(self.step_seconds.get(step, 0.0) + now - self._step_started, 2)
        self._step_started = now
        self.record["step_seconds"] = dict(self.step_seconds)

    def save(self, **changes: Any) -> None:
        if "step" in changes and changes["step"] != self.record.get("step"):
            self._time_step()
        self.record.update(changes)
        assert self.target is not None
        connection = db.connect(self.target.name)
        try:
            runs.write_run(connection, self.return_schema, self.record)
        finally:
            connection.close()

    def write_json(self) -> None:
        path = self.run_dir / "run.json"
        temporary = path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(self.record, indent=2, sort_keys=True, default=str) + "\n")
        os.replace(temporary, path)

    # -- steps --------------------------------------------------------------------------------------

    def run(self) -> int:
        settings = self.settings
        self.log(f"pif run {self.run_id}: extract {settings.extract_dir}, target {settings.target}")
        self.log(f"Run folder: {self.run_dir}")
        started = datetime.now(UTC)
        self.record["started_at"] = started.isoformat(timespec="seconds")
        self.target = db.resolve_target(settings.target)
        self.log(f"Connecting to {self.target.where} ...")
        _connection_check(self.target)
        with deployment_lock(self.target):
            dbt_vars = dict(settings.dbt_vars)
            if settings.extract_date:
                dbt_vars["extract_date"] = settings.extract_date
            self.record.update(provenance(self.root, self.target, settings.extract_dir, dbt_vars))
            self.record["extract_date"] = settings.extract_date
            self.record["output_dir"] = str(self.run_dir)
            self.save(step="validate")
            self.write_json()
            try:
                self._validate_and_load()
                self._build(dbt_vars)
                self._export()
            except StepFailed as failure:
                self.log(f"FAILED: {failure}")
                self._finish(failure.status, str(failure))
                return failure.code
            except Exception as error:  # noqa: BLE001 - recorded, logged, a distinct exit code
                self.log(f"FAILED at step {self.record.get('step')}: {type(error).__name__}: {error}")
                self.log(traceback.format_exc())
                self._stop_child()
                with contextlib.suppress(Exception):
                    self._finish(f"failed_{self.record.get('step')}", f"{type(error).__name__}: {error}")
                return EXIT_UNEXPECTED
            except Interrupted:
                self.log("INTERRUPTED: the run was stopped; the last good return is unchanged")
                self._stop_child()
                with contextlib.suppress(Exception):
                    self._finish("interrupted", "stopped by a signal")
                return EXIT_INTERRUPTED
            self._finish(runs.PASSED, "every step and test passed")
            self._publish()
            self._summary()
            return EXIT_OK

    def _validate_and_load(self) -> None:
        from pif.load import LoadError, load_extract
        from pif.validate import ERROR, WARNING, validate_extract, write_report

        self.log("Step 1/4: validating the extract against the source contract ...")
        # The files are read once: validation keeps its scratch database, the load copies from it.
        validated = self.run_dir / ".validated.duckdb"
        findings = validate_extract(self.settings.extract_dir, keep=validated)
        write_report(findings, self.run_dir / "validation_report.csv")
        errors = [finding for finding in findings if finding.severity == ERROR]
        self.validation_warnings = sum(1 for finding in findings if finding.severity == WARNING)
        self.log(f"  {len(errors)} errors, {self.validation_warnings} warnings (validation_report.csv)")
        for finding in errors[:20]:
            self.log(f"  error: {finding.message}")
        if errors:
            validated.unlink(missing_ok=True)
            raise StepFailed(
                f"the extract has {len(errors)} errors: see {self.run_dir / 'validation_report.csv'}",
                EXIT_VALIDATION,
                "failed_validation",
            )
        self.save(step="load")
        self.log("Step 2/4: loading the extract into the raw schema ...")
        assert self.target is not None
        try:
            loaded = load_extract(self.settings.extract_dir, self.target.name, validated=validated)
        except LoadError as error:
            raise StepFailed(str(error), EXIT_VALIDATION, "failed_load") from None
        finally:
            validated.unlink(missing_ok=True)
        self.log(f"  {sum(table.rows for table in loaded):,} rows from {len(loaded)} files")

    def _build(self, dbt_vars: dict[str, Any]) -> None:
        assert self.target is not None
        self.save(step="build")
        command = [
            _dbt_executable(),
            "build",
            "--selector",
            SELECTOR,
            "--target",
            self.target.name,
            "--log-path",
            str(self.run_dir),
            "--target-path",
            str(self.root / "target" / f"run-{self.target.name}"),
        ]
        # The extract date changes every night: passed as a dbt var it would make dbt parse the
        # whole project again (a changed var discards target/run-<target>/partial_parse.msgpack),
        # so it goes to the macro extract_date() through PIF_EXTRACT_DATE instead ('' = none).
        dbt_vars = dict(dbt_vars)
        extract_date = dbt_vars.pop("extract_date", None)
        if dbt_vars:
            command += ["--vars", json.dumps(dbt_vars)]
        self.log(f"Step 3/4: dbt build --selector {SELECTOR} (models and data tests) ...")
        self.child = subprocess.Popen(
            command,
            cwd=self.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={
                **os.environ,
                "DBT_USE_COLORS": "false",
                "DBT_PRINTER_WIDTH": "100",
                "PIF_EXTRACT_DATE": "" if extract_date is None else str(extract_date),
            },
        )
        assert self.child.stdout is not None
        summary = ""
        for line in self.child.stdout:
            line = line.rstrip("\n")
            self.log(f"  {line}")
            if "Done. PASS=" in line:
                summary = line
        code = self.child.wait()
        self.child = None
        match = re.search(r"WARN=(\d+)", summary)
        self.dbt_warnings = int(match.group(1)) if match else 0
        if code != 0:
            raise StepFailed(
                f"dbt build failed (exit {code}): {summary.strip() or 'see run.log'}; "
                "the return was not published",
                EXIT_BUILD,
                "failed_build",
            )

    def _export(self) -> None:
        from pif.export import read_return, write_export
        from pif.publication import load_settings
        from pif.report import write_report
        from pif.returnbook import RunInfo

        assert self.target is not None
        self.save(step="export")
        self.log("Step 4/4: storing the tested return and writing the exports ...")
        connection = db.connect(self.target.name)
        try:
            live = read_return(connection, self.return_schema, self.target.model_schema("reference"))
            runs.write_history(connection, self.return_schema, self.run_id, live)
            # The files are written from the stored copy: `pif export --run` gives the same bytes.
            long = runs.stored_return(connection, self.return_schema, self.run_id)
            rejections = db.query_frame(
                connection,
                "select entity, source_file, source_row, record_id, rejection_reason from "
                f"{db.quote_identifier(self.target.model_schema('staging'))}.stg_wccis__rejections "
                "order by entity, source_row",
            )
            implausible = db.query_frame(
                connection, implausible_dates_query(db.quote_identifier(self.target.model_schema("staging")))
            )
        finally:
            connection.close()
        settings = load_settings()
        info = RunInfo.from_record(self.record, settings.authority_code, settings.authority_name)
        files = write_export(long, self.run_dir, self.settings.years, info)
        safe_frame(rejections).to_csv(self.run_dir / "rejections.csv", index=False)
        self.rejected_rows = len(rejections)
        safe_frame(implausible).to_csv(self.run_dir / "implausible_dates.csv", index=False)
        self.implausible_dates = len(implausible)
        report = write_report(long, self.run_dir / "pif_report.html", info, self.run_dir)
        self.log(
            f"  {len(long):,} figures: {files.wide_csv.name}, {files.wide_xlsx.name}, {files.long_csv.name}, "
            f"{report.name}"
        )

    def _finish(self, status: str, message: str) -> None:
        self._time_step()
        self.record.update(
            status=status,
            ended_at=datetime.now(UTC).isoformat(timespec="seconds"),
            message=message,
            warnings=self.validation_warnings + self.dbt_warnings,
            rejected_rows=self.rejected_rows,
        )
        self.write_json()
        self.save()

    def _publish(self) -> None:
        """Point output/latest (symlink) and output/LATEST (pointer file) at this run, atomically."""
        relative = Path("runs") / self.run_id
        pointer = self.output_root / "LATEST"
        temporary = self.output_root / f".LATEST.{os.getpid()}"
        temporary.write_text(f"{relative}\n")
        os.replace(temporary, pointer)
        link = self.output_root / "latest"
        temporary_link = self.output_root / f".latest.{os.getpid()}"
        with contextlib.suppress(OSError):
            if temporary_link.is_symlink():
                temporary_link.unlink()
            temporary_link.symlink_to(relative, target_is_directory=True)
            os.replace(temporary_link, link)

    def _summary(self) -> None:
        self.log("")
        self.log(f"Run {self.run_id} passed: every step and data test.")
        self.log(
            f"  Warnings: {self.validation_warnings} from validation (validation_report.csv), "
            f"{self.dbt_warnings} from dbt (run.log)"
        )
        self.log(f"  Rejected rows: {self.rejected_rows:,} (rejections.csv: file, row and reason)")
        self.log(
            f"  Implausible dates: {self.implausible_dates or 0:,} kept and counted (implausible_dates.csv: "
            "records after the person's death, deaths before birth; check which date is wrong)"
        )
        self.log(
            f"  Return: {self.run_dir} (pif_return.csv, pif_return.xlsx, pif_return_long.csv, "
            "pif_report.html, run.json)"
        )
        self.log(f"  Published: {self.output_root / 'latest'} -> runs/{self.run_id}")

    def _stop_child(self) -> None:
        if self.child is not None and self.child.poll() is None:
            self.child.terminate()
            try:
                self.child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.child.kill()


def _raise_interrupted(signum: int, frame: Any) -> None:
    raise Interrupted()


def run_nightly(settings: RunSettings) -> int:
    """Run every step; return the exit code (the summary and errors are in the run log)."""
    previous = {sig: signal.signal(sig, _raise_interrupted) for sig in (signal.SIGTERM, signal.SIGINT)}
    started = time.perf_counter()
    runner = _Runner(settings)
    try:
        code = runner.run()
    except db.WarehouseConnectionError as error:
        runner.log(f"FAILED: {error}")
        code = EXIT_CONNECTION
    except LockHeld as error:
        runner.log(f"REFUSED: {error}")
        code = EXIT_LOCKED
    except db.ProfileError as error:
        runner.log(f"FAILED: {error}")
        code = EXIT_USAGE
    except Interrupted:
        runner.log("INTERRUPTED before the build started; nothing was published")
        code = EXIT_INTERRUPTED
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if code != EXIT_OK:
        latest = runner.output_root / "LATEST"
        previous_run = latest.read_text().strip() if latest.is_file() else "none yet"
        runner.log(f"Nothing published: {runner.output_root / 'latest'} is unchanged ({previous_run}).")
    runner.log(f"Exit code {code} after {time.perf_counter() - started:.0f} s; log: {runner.log.path}")
    return code
