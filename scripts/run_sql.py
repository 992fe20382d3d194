"""Run a SQL file on the pif profile's postgres target (make test: scripts/postgres_roles.sql on the
throwaway server; an administrator would use psql)."""

import sys
from pathlib import Path

from pif import db

connection = db.connect("postgres")
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute(Path(sys.argv[1]).read_text(encoding="utf-8"))
connection.close()
print(f"applied {sys.argv[1]}")
