"""No password in any output: every command that talks to PostgreSQL, on each kind of connection
failure (bad port, bad password, bad host), prints one line naming host, port, database and user,
exits 5, and neither its output nor any log (pif's run log, dbt's log) holds the password.

Bad password needs a server that checks passwords: make test's throwaway server
(scripts/with_postgres.sh, PIF_PG_* set); without it that case is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pif import db
from pif.contract import project_root
from pif.nightly import EXIT_CONNECTION

CANARY = "Canary-Pw-7f3e"
ROOT = project_root()
PIF = str(Path(sys.executable).parent / "pif")
DBT = str(Path(sys.executable).parent / "dbt")
SERVER = os.environ.get("PIF_PG_HOST") and os.environ.get("PIF_PG_PASSWORD")

FAILURES = {
    "bad_port": {"PIF_PG_HOST": "127.0.0.1", "PIF_PG_PORT": "1"},
    "bad_host": {"PIF_PG_HOST": "pif-no-such-host.invalid", "PIF_PG_PORT": "5432"},
    "bad_password": {},
}
COMMANDS = {
    "load": ["load", str(ROOT / "extracts" / "sample"), "--target", "postgres"],
    "export": ["export", "--target", "postgres"],
    "rejections": ["rejections", "--target", "postgres"],
    "run": ["run", str(ROOT / "extracts" / "sample"), "--target", "postgres"],
}


def failing_env(kind: str) -> dict[str, str]:
    env = {**os.environ, "DBT_PROFILES_DIR": str(ROOT), "PIF_PG_CONNECT_TIMEOUT": "5"}
    env.update(
        {"PIF_PG_DATABASE": env.get("PIF_PG_DATABASE", "pif"), "PIF_PG_USER": env.get("PIF_PG_USER", "pif")}
    )
    env.update(FAILURES[kind])
    env["PIF_PG_PASSWORD"] = CANARY
    return env


def files_text(folder: Path) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in folder.rglob("*") if path.is_file()
    )


def test_password_is_masked_in_every_repr() -> None:
    params = db.PostgresParams(password=CANARY)
    target = db.ResolvedTarget("postgres", "postgres", "pif", postgres=params)
    for text in (repr(params), str(params), repr(target), str(target), params.where, target.where):
        assert CANARY not in text
    assert "***" in repr(params)


@pytest.mark.parametrize("kind", list(FAILURES))
def test_no_command_prints_the_password(kind: str, tmp_path: Path) -> None:
    if kind == "bad_password" and not SERVER:
        pytest.skip("needs the throwaway PostgreSQL server (make test)")
    env = failing_env(kind)
    for name, arguments in COMMANDS.items():
        output = tmp_path / name
        extra = ["--output", str(output)] if name in {"load", "export", "run"} else []
        result = subprocess.run(
            [PIF, *arguments, *extra], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
        text = result.stdout + result.stderr
        assert result.returncode == EXIT_CONNECTION, f"pif {name} ({kind}): {text}"
        assert CANARY not in text, f"pif {name} ({kind}) printed the password"
        assert "Traceback" not in text and "locals" not in text
        line = next(line for line in text.splitlines() if "cannot connect to PostgreSQL" in line)
        for part in (env["PIF_PG_HOST"], env["PIF_PG_PORT"], env["PIF_PG_DATABASE"], env["PIF_PG_USER"]):
            assert part in text, f"pif {name} ({kind}): '{part}' not named in: {line}"
        if output.exists():
            assert CANARY not in files_text(output), f"pif {name} ({kind}) wrote the password to a log"


@pytest.mark.skipif(not SERVER, reason="needs the throwaway PostgreSQL server (make test)")
def test_dbt_does_not_print_the_password(tmp_path: Path) -> None:
    """dbt with a wrong password (the same profile): neither its output nor its log has it."""
    env = failing_env("bad_password")
    logs = tmp_path / "logs"
    result = subprocess.run(
        [DBT, "debug", "--target", "postgres", "--log-path", str(logs)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert CANARY not in result.stdout + result.stderr
    assert CANARY not in files_text(logs)
