"""Least privilege on PostgreSQL, on make test's throwaway server after the dbt build (make
dbt-postgres sets PIF_TEST_GRANTS): a reporting login reads the return and nothing else, an analyst
login also the item-level marts, neither reads raw or staging; the grants survive a rebuild; a run
is refused while another holds the deployment's lock; each deployment has its own raw schema.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from pif import db
from pif.contract import project_root
from pif.nightly import EXIT_LOCKED, _lock_key

ROOT = project_root()
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.skipif(
    not os.environ.get("PIF_TEST_GRANTS"), reason="needs make test's PostgreSQL build (make dbt-postgres)"
)
PASSWORD = "reader-test-pw"


def login(user: str):  # noqa: ANN201
    params = db.resolve_target("postgres").postgres
    assert params is not None
    return psycopg2.connect(
        host=params.host, port=params.port, user=user, password=PASSWORD, dbname=params.database
    )


def readable(connection, relation: str) -> bool:  # noqa: ANN001
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"select count(*) from {relation}")
            return cursor.fetchone()[0] >= 0
    except psycopg2.errors.InsufficientPrivilege:
        connection.rollback()
        return False


@pytest.fixture(scope="module")
def users() -> dict[str, str]:
    admin = db.connect("postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        for user, group in (("report_user", "pif_reporting"), ("analyst_user", "pif_analyst")):
            cursor.execute(f"drop role if exists {user}")
            cursor.execute(f"create role {user} login password '{PASSWORD}' in role {group}")
    admin.close()
    return {"reporting": "report_user", "analyst": "analyst_user"}


def check_reads(users: dict[str, str]) -> None:
    schema = db.target_schema("postgres")
    relations = {
        "return": f"{schema}_return.pif_return",
        "coverage": f"{schema}_return.measure_coverage",
        "runs": f"{schema}_return.pif_runs",
        "history": f"{schema}_return.pif_return_history",
        "items": f"{schema}_marts.measure_items",
        "exclusions": f"{schema}_marts.measure_exclusions",
        "measure": f"{schema}_marts.ch_001",
        "staging": f"{schema}_staging.stg_wccis__people",
        "raw": f"{schema}_raw.people",
        "canonical": f"{schema}_canonical.person",
    }
    expected = {
        "reporting": {"return", "coverage", "runs", "history"},
        "analyst": {"return", "coverage", "runs", "history", "items", "exclusions", "measure"},
    }
    for role, user in users.items():
        connection = login(user)
        try:
            got = {name for name, relation in relations.items() if readable(connection, relation)}
        finally:
            connection.close()
        assert got == expected[role], role


def test_roles_read_only_what_they_need_and_grants_survive_a_rebuild(users: dict[str, str]) -> None:
    check_reads(users)
    rebuilt = subprocess.run(
        [
            str(BIN / "dbt"),
            "run",
            "--select",
            "pif_return",
            "measure_items",
            "ch_001",
            "--target",
            "postgres",
            "--target-path",
            str(ROOT / ".tmp" / "target-grants"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rebuilt.returncode == 0, rebuilt.stdout[-3000:]
    check_reads(users)


def test_a_second_run_is_refused_while_the_lock_is_held() -> None:
    target = db.resolve_target("postgres")
    assert target.postgres is not None
    holder = db.connect("postgres")
    holder.autocommit = True
    try:
        with holder.cursor() as cursor:
            cursor.execute("select pg_advisory_lock(%s)", [_lock_key(target.postgres)])
        result = subprocess.run(
            [
                str(BIN / "pif"),
                "run",
                str(ROOT / "extracts" / "sample"),
                "--target",
                "postgres",
                "--output",
                str(ROOT / ".tmp" / "lock-test-output"),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.close()
    assert result.returncode == EXIT_LOCKED, result.stdout + result.stderr
    assert "advisory lock held" in result.stdout


def test_each_deployment_has_its_own_raw_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    assert db.raw_schema("postgres") == f"{db.target_schema('postgres')}_raw"
    monkeypatch.setenv("PIF_PG_SCHEMA", "second_deployment")
    assert db.raw_schema("postgres") == "second_deployment_raw"
