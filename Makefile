# The two commands a newcomer needs:
#   make demo   the main job on the embedded DuckDB default: a synthetic mid-sized authority
#               generated (unless extracts/generated already holds one), validated, loaded,
#               dbt build (models + tests), the return out in output/
#   make test   every test: ruff, pytest, sqlfluff, dbt build on DuckDB and on a throwaway
#               PostgreSQL server (started and stopped by scripts/with_postgres.sh)
# Everything runs from the project's own virtual environment (.venv), created on first use.
#   make nightly EXTRACT=extracts/<folder> TARGET=postgres [EXTRACT_DATE=YYYY-MM-DD]
#               the scheduled run (pif run): validate, load, dbt build --selector nightly, export
#               into output/runs/<run_id>/, output/latest moved only when every step passed
# The demo, like a nightly run, skips dbt unit tests: they test the logic on fixtures, not the
# data, and make test runs them.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
GENERATED := extracts/generated
EXTRACT ?= $(GENERATED)
PRESET ?= mid
TARGET ?= duckdb
EXTRACT_DATE ?=
# The tests run on the small shipped sample: deterministic, with known bad rows, fast.
SAMPLE := extracts/sample
# dbt var extract_date for the demo: the synthetic generator's extract date (EXTRACT_DATE in
# src/pif/generate/model.py, 20/11/2026) when EXTRACT is the generated folder, so the year in
# progress counts nothing as due after it; empty (whole collection years) for any other extract.
# Override: make demo EXTRACT=path/to/folder DEMO_EXTRACT_DATE=2026-11-20
DEMO_EXTRACT_DATE ?= $(if $(filter extracts/generated,$(EXTRACT)),$(shell $(BIN)/python -c 'from pif.generate.model import EXTRACT_DATE; print(EXTRACT_DATE)'))
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DBT_PROFILES_DIR := $(CURDIR)
export PYTHONWARNINGS := ignore

.PHONY: demo nightly test setup lint pytest dbt-duckdb dbt-postgres test-inner docs clean

# The generator runs only for the demo's own folder (extracts/generated); any other EXTRACT must exist.
demo: setup
	@if [ "$(EXTRACT)" = "$(GENERATED)" ]; then \
		test -f $(EXTRACT)/people.csv || $(BIN)/pif generate --preset $(PRESET) --out $(EXTRACT); \
	elif [ ! -d "$(EXTRACT)" ]; then \
		echo "make demo: extract folder '$(EXTRACT)' does not exist (only $(GENERATED) is generated)" >&2; exit 2; \
	fi
	$(BIN)/pif run $(EXTRACT) --target duckdb $(if $(DEMO_EXTRACT_DATE),--extract-date $(DEMO_EXTRACT_DATE))

nightly: setup
	$(BIN)/pif run $(EXTRACT) --target $(TARGET) $(if $(EXTRACT_DATE),--extract-date $(EXTRACT_DATE))

test: setup
	scripts/with_postgres.sh $(MAKE) --no-print-directory test-inner

test-inner: lint pytest dbt-duckdb dbt-postgres
	@echo "All tests passed."

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

lint:
	$(BIN)/ruff check src tests_py extracts
	$(BIN)/ruff format --check src tests_py extracts
	mkdir -p .tmp && PIF_DUCKDB_PATH=.tmp/lint.duckdb $(BIN)/sqlfluff lint models --processes 2

pytest:
	$(BIN)/pytest -q

# dbt on DuckDB: the sample extract through `pif run` (validate, load, every model and data test,
# export) into a throwaway database file, then the unit tests, the docs check, and the nightly-run
# tests on that database (a run killed part way, the refused export, a second run compared); the
# exported return's relations (pif check: exit 1 when a must-hold relation fails).
dbt-duckdb:
	rm -rf .tmp/test.duckdb .tmp/test.duckdb.lock .tmp/test-output && mkdir -p .tmp
	PIF_DUCKDB_PATH=.tmp/test.duckdb $(BIN)/pif run $(SAMPLE) --target duckdb --output .tmp/test-output
	PIF_DUCKDB_PATH=.tmp/test.duckdb $(BIN)/dbt test --select test_type:unit --target duckdb --target-path .tmp/target-duckdb
	PIF_DUCKDB_PATH=.tmp/test.duckdb $(BIN)/dbt docs generate --quiet --target duckdb --target-path .tmp/target-duckdb
	$(BIN)/python -m pif.docs_check .tmp/target-duckdb
	PIF_DUCKDB_PATH=.tmp/test.duckdb PIF_TEST_TRACE_TARGET=duckdb $(BIN)/pytest -q tests_py/test_trace_built.py
	$(BIN)/pif check .tmp/test-output/latest/pif_return_long.csv --csv .tmp/test-output/relation-check.csv
	PIF_DUCKDB_PATH=.tmp/test.duckdb PIF_TEST_RUN_OUTPUT=.tmp/test-output $(BIN)/pytest -q tests_py/test_nightly_run.py

# dbt on PostgreSQL: needs PIF_PG_* from scripts/with_postgres.sh (make test sets them; it also
# creates the roles an administrator creates once): `pif run` (every model and data test), the unit
# tests; the items, figures and exclusions must be identical to DuckDB's (dbt-duckdb runs first);
# then the reporting and analyst roles' reads.
dbt-postgres:
	rm -rf .tmp/test-output-postgres
	$(BIN)/pif run $(SAMPLE) --target postgres --output .tmp/test-output-postgres
	$(BIN)/pif check .tmp/test-output-postgres/latest/pif_return_long.csv
	$(BIN)/dbt test --select test_type:unit --target postgres --target-path .tmp/target-postgres
	$(BIN)/python -m pif.crosscheck --duckdb-path .tmp/test.duckdb
	PIF_TEST_TRACE_TARGET=postgres $(BIN)/pytest -q tests_py/test_trace_built.py
	PIF_TEST_GRANTS=1 $(BIN)/pytest -q tests_py/test_postgres_grants.py

docs: setup
	$(BIN)/dbt docs generate

clean:
	rm -rf .tmp target logs output pif.duckdb pif.duckdb.lock
