#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server: started in a temporary folder on 127.0.0.1 and a
# free port, exported to the command as PIF_PG_HOST/PIF_PG_PORT/PIF_PG_USER/PIF_PG_PASSWORD/
# PIF_PG_DATABASE, and stopped (and deleted) when the command ends, whatever happens. TCP logins need
# the password (scram-sha-256, a random one per server), as on a real warehouse; the local socket
# (the server's own folder) is trusted. The reporting and analyst roles (scripts/postgres_roles.sql)
# are created, as an administrator does once on a real warehouse.
#   scripts/with_postgres.sh <command> [args...]
# Needs the PostgreSQL server binaries (initdb, pg_ctl): on Debian/Ubuntu `apt-get install postgresql`.
set -euo pipefail

find_bin() {
  local name=$1 candidate
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  for candidate in /usr/lib/postgresql/*/bin/"$name"; do
    [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

INITDB=$(find_bin initdb) || { echo "PostgreSQL server binaries not found: apt-get install postgresql" >&2; exit 2; }
PG_CTL=$(find_bin pg_ctl)
CREATEDB=$(find_bin createdb) || CREATEDB=""

as_server_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
DATA_DIR=$(mktemp -d /tmp/pif-postgres.XXXXXX)
SERVER_USER=$(id -un)
if [ "$(id -u)" = "0" ]; then chown postgres "$DATA_DIR"; SERVER_USER=postgres; fi

stop_server() {
  as_server_user "$PG_CTL" -D "$DATA_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA_DIR"
}
trap stop_server EXIT

PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
printf '%s\n' "$PASSWORD" >"$DATA_DIR/pwfile"
if [ "$(id -u)" = "0" ]; then chown postgres "$DATA_DIR/pwfile"; fi
as_server_user "$INITDB" -D "$DATA_DIR/data" -U "$SERVER_USER" --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$DATA_DIR/pwfile" >"$DATA_DIR/initdb.log" 2>&1 \
  || { cat "$DATA_DIR/initdb.log" >&2; exit 2; }
as_server_user "$PG_CTL" -D "$DATA_DIR/data" -l "$DATA_DIR/server.log" -w \
  -o "-p $PORT -k $DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
  || { cat "$DATA_DIR/server.log" >&2; exit 2; }

rm -f "$DATA_DIR/pwfile"
export PIF_PG_HOST=127.0.0.1 PIF_PG_PORT=$PORT PIF_PG_USER=$SERVER_USER PIF_PG_PASSWORD="$PASSWORD" PIF_PG_DATABASE=pif
export PGPASSWORD="$PASSWORD"
python3 - <<PY
import subprocess, sys
subprocess.run(["$CREATEDB", "-h", "127.0.0.1", "-p", "$PORT", "-U", "$SERVER_USER", "pif"], check=True) if "$CREATEDB" else sys.exit(0)
PY
# The roles an administrator creates once (scripts/postgres_roles.sql): dbt grants to them.
ROLES_SQL="$(cd "$(dirname "$0")" && pwd)/postgres_roles.sql"
if PSQL=$(find_bin psql); then
  "$PSQL" -q -h 127.0.0.1 -p "$PORT" -U "$SERVER_USER" -d pif -v ON_ERROR_STOP=1 -f "$ROLES_SQL" >/dev/null
else
  "$(dirname "$0")/../.venv/bin/python" "$(dirname "$0")/run_sql.py" "$ROLES_SQL" >/dev/null
fi
echo "PostgreSQL $("$PG_CTL" --version | awk '{print $3}') running on 127.0.0.1:$PORT (temporary)"
"$@"
