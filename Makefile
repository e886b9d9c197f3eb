# termsmith: `make demo` runs the main job, `make test` the whole suite, `make lint` the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench venv clean exports

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the project's dependencies change.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/termsmith build
	$(MAKE) --no-print-directory exports
	$(BIN)/termsmith lookup "procuratorial organs"

# TMX and TBX for people who work in CAT tools rather than with the CLI.
exports: $(STAMP)
	$(BIN)/termsmith export --format tmx -o glossary/exports/glossary.tmx
	$(BIN)/termsmith export --format tbx -o glossary/exports/glossary.tbx
	$(BIN)/termsmith export --format tbx3 -o glossary/exports/glossary-tbx3.tbx
	$(BIN)/termsmith export --format csv -o glossary/exports/glossary.csv

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy

# ACTER (term-extraction gold standard) is not shipped with termsmith: point ACTER at it.
ACTER ?= ../shared/data/acter-en

bench: $(STAMP)
	$(BIN)/python bench/store_scale.py
	$(BIN)/python bench/term_extraction.py $(ACTER)
	$(BIN)/python bench/mt_throughput.py --corpus $(ACTER)
	$(BIN)/python bench/lookup_bench.py
	$(BIN)/python bench/catalogs_bench.py
	$(BIN)/python bench/interchange_bench.py
	$(BIN)/python bench/checks_bench.py
	$(BIN)/python bench/versioning_bench.py

clean:
	rm -rf $(VENV) .termsmith .pytest_cache .mypy_cache .ruff_cache
