"""The scheduled run on a real build: make test's dbt-duckdb step runs `pif run` on the sample
(run A) into PIF_DUCKDB_PATH with outputs in PIF_TEST_RUN_OUTPUT, then these tests:

- a second run killed part way through its dbt build: the last good return (A) is intact and still
  published (output/latest, output/LATEST), the killed run is recorded as not passed, and
  `pif export` refuses to export (the tables may be half built) but exports A on request;
- a concurrent run is refused by the lock (exit 4);
- a third run on the same inputs passes, moves latest, and `pif runs compare` shows the same
  inputs give the same figures; `pif runs history` says which run set each figure;
- every file of a run is readable by its owner only.

Skipped in a plain `pytest` (no built database): about 2 minutes.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pif import db, runs
from pif.contract import project_root
from pif.nightly import EXIT_EXPORT_REFUSED, EXIT_LOCKED, EXIT_OK

ROOT = project_root()
OUTPUT = os.environ.get("PIF_TEST_RUN_OUTPUT")
PIF = str(Path(sys.executable).parent / "pif")
SAMPLE = str(ROOT / "extracts" / "sample")

pytestmark = pytest.mark.skipif(not OUTPUT, reason="needs make test's built run database (make dbt-duckdb)")


def output_root() -> Path:
    path = Path(str(OUTPUT))
    return path if path.is_absolute() else ROOT / path


def pif(*arguments: str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PIF, *arguments], cwd=ROOT, capture_output=True, text=True, timeout=600, **options)  # type: ignore[call-overload]


def published() -> str:
    return (output_root() / "latest").resolve().name


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_records() -> dict[str, str]:
    # A killed build's dbt process may hold the database file for a moment after pif died.
    deadline = time.monotonic() + 60
    while True:
        try:
            connection = db.connect("duckdb", read_only=True)
            break
        except db.WarehouseConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    try:
        frame = runs.read_runs(connection, db.model_schema("duckdb", "return"))
    finally:
        connection.close()
    return dict(zip(frame["run_id"], frame["status"], strict=True))


def test_killed_run_keeps_the_last_good_return_then_a_rerun_gives_the_same_figures() -> None:
    root = output_root()
    good = published()
    good_return = root / "runs" / good / "pif_return.csv"
    good_digest = digest(good_return)
    assert run_records()[good] == runs.PASSED

    # A run killed (SIGKILL, the whole process group: a power cut) part way through its dbt build.
    before = set((root / "runs").iterdir())
    process = subprocess.Popen(
        [PIF, "run", SAMPLE, "--target", "duckdb", "--output", str(root)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    killed_dir = None
    while time.monotonic() < deadline and process.poll() is None:
        new = set((root / "runs").iterdir()) - before
        if new:
            killed_dir = next(iter(new))
            log = (killed_dir / "run.log").read_text() if (killed_dir / "run.log").exists() else ""
            if log.count(" OK created ") >= 40:
                break
        time.sleep(0.2)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert killed_dir is not None
    killed = killed_dir.name

    assert published() == good
    assert (root / "LATEST").read_text().strip() == f"runs/{good}"
    assert digest(good_return) == good_digest
    assert not (killed_dir / "pif_return.csv").exists()
    assert run_records()[killed] == "running"  # never marked passed

    refused = pif("export", "--target", "duckdb", "--output", str(root / "export-refused"))
    assert refused.returncode == EXIT_EXPORT_REFUSED, refused.stdout + refused.stderr
    assert killed in refused.stdout and good in refused.stdout
    assert not (root / "export-refused" / "pif_return.csv").exists()
    chosen = pif("export", "--target", "duckdb", "--run", good, "--output", str(root / "export-good"))
    assert chosen.returncode == EXIT_OK, chosen.stdout + chosen.stderr
    assert (root / "export-good" / "pif_return.csv").read_bytes() == good_return.read_bytes()

    # The same inputs again: the run passes, latest moves, and the figures are the same.
    rerun = pif("run", SAMPLE, "--target", "duckdb", "--output", str(root))
    assert rerun.returncode == EXIT_OK, rerun.stdout[-3000:]
    assert "Rejected rows:" in rerun.stdout and "Published:" in rerun.stdout
    latest = published()
    assert latest not in {good, killed}
    assert run_records()[latest] == runs.PASSED
    compared = pif("runs", "compare", good, latest, "--target", "duckdb")
    assert compared.returncode == 0, compared.stdout
    assert "extract_checksums: same" in compared.stdout and "identical" in compared.stdout
    first, second = (json.loads((root / "runs" / run / "run.json").read_text()) for run in (good, latest))
    assert first["extract_checksums"] == second["extract_checksums"] and first["extract_checksums"]
    for key in (
        "git_commit",
        "catalogue_version",
        "dbt_version",
        "adapter_version",
        "dbt_vars",
        "started_at",
    ):
        assert second[key], key
    history = pif("runs", "history", "--target", "duckdb", "--measure", "CH/001")
    assert history.returncode == 0 and good in history.stdout and latest not in history.stdout

    # Owner-only files: the run folder, its files, the database.
    folder = root / "runs" / latest
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(db.default_duckdb_path().stat().st_mode) == 0o600


def test_concurrent_run_is_refused_by_the_lock() -> None:
    import fcntl

    lock = Path(f"{db.default_duckdb_path()}.lock")
    with lock.open("a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        started = time.monotonic()
        result = pif("run", SAMPLE, "--target", "duckdb", "--output", str(output_root()))
    assert result.returncode == EXIT_LOCKED, result.stdout + result.stderr
    assert "another pif run or load is using" in result.stdout
    assert time.monotonic() - started < 60


def test_the_run_writes_the_workbook_report_and_csvs_people_read() -> None:
    """The published run's workbook and report on real figures: every registry measure, sections in
    catalogue order, labels whole, Notes filled from the run, matrices adding up; CSVs identified."""
    from test_outputs import check_report, check_workbook

    folder = output_root() / "latest"
    record = json.loads((folder / "run.json").read_text())
    check_workbook(folder / "pif_return.xlsx", expect_year_to_date=bool(record.get("extract_date")))
    check_report((folder / "pif_report.html").read_text(encoding="utf-8"))
    head = (folder / "pif_return.csv").read_bytes().splitlines()[:2]
    assert head[0].startswith(b"\xef\xbb\xbfauthority_code,extract_date,run_id,")
    assert record["run_id"].encode() in head[1]
