# The two commands a newcomer needs:
#   make demo   the main job on the embedded DuckDB default: a synthetic mid-sized authority
#               generated (unless extracts/generated already holds one), validated, loaded,
#               dbt build (models + tests), the return out in output/
#   make test   every test: ruff, pytest, sqlfluff, dbt build on DuckDB and on a throwaway
#               PostgreSQL server (started and stopped by scripts/with_postgres.sh)
# Everything runs from the project's own virtual environment (.venv), created on first use.
# The demo, like a nightly run, skips dbt unit tests: they test the logic on fixtures, not the
# data, and make test runs them.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXTRACT ?= extracts/generated
PRESET ?= mid
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

.PHONY: demo test setup lint pytest dbt-duckdb dbt-postgres test-inner docs clean

demo: setup
	test -f $(EXTRACT)/people.csv || $(BIN)/pif generate --preset $(PRESET) --out $(EXTRACT)
	$(BIN)/pif load $(EXTRACT)
	$(BIN)/dbt build --quiet --exclude-resource-type unit_test \
		$(if $(DEMO_EXTRACT_DATE),--vars '{extract_date: $(DEMO_EXTRACT_DATE)}') || { $(BIN)/pif rejections; exit 1; }
	$(BIN)/pif rejections
	$(BIN)/pif export

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

# dbt on DuckDB: the sample extract into a throwaway database file, then every model and test.
dbt-duckdb:
	rm -rf .tmp/test.duckdb && mkdir -p .tmp
	PIF_DUCKDB_PATH=.tmp/test.duckdb $(BIN)/pif load $(SAMPLE) --target duckdb
	PIF_DUCKDB_PATH=.tmp/test.duckdb $(BIN)/dbt build --target duckdb --target-path .tmp/target-duckdb
	PIF_DUCKDB_PATH=.tmp/test.duckdb $(BIN)/dbt docs generate --quiet --target duckdb --target-path .tmp/target-duckdb
	$(BIN)/python -m pif.docs_check .tmp/target-duckdb

# dbt on PostgreSQL: needs PIF_PG_* from scripts/with_postgres.sh (make test sets them); then the
# items, figures and exclusions must be identical to DuckDB's (dbt-duckdb runs first).
dbt-postgres:
	$(BIN)/pif load $(SAMPLE) --target postgres
	$(BIN)/dbt build --target postgres --target-path .tmp/target-postgres
	$(BIN)/python -m pif.crosscheck --duckdb-path .tmp/test.duckdb

docs: setup
	$(BIN)/dbt docs generate

clean:
	rm -rf .tmp target logs output pif.duckdb
