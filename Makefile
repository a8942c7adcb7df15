# runjournal — `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# `make test` runs the suite on every core (pytest-xdist); PYTEST_WORKERS=0 runs it in one process.
PYTEST_ARGS ?=
PYTEST_WORKERS ?= auto
# `make mutate MUTATE='runjournal.domain.*'` scopes a run to one package (or module);
# MUTATE_CHILDREN is how many mutants are tested at once (the machine is shared).
MUTATE ?= runjournal.domain.* runjournal.formats.* runjournal.store.*
MUTATE_CHILDREN ?= 2

.DEFAULT_GOAL := help
.PHONY: help run demo test lint screenshots bench mutate clean

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  \033[1m%-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# The venv is rebuilt when pyproject.toml changes; each stamp records one install flavour.
$(VENV)/.python-ok:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "runjournal needs Python 3.11 or newer (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	@touch $@

$(VENV)/.run-installed: pyproject.toml $(VENV)/.python-ok
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.python-ok
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,dev]'
	@touch $@ $(VENV)/.run-installed

run: $(VENV)/.run-installed ## Open the app on your journal
	$(BIN)/runjournal

demo: $(VENV)/.run-installed ## Open the app on a throw-away demo journal
	$(BIN)/runjournal demo

test: $(VENV)/.test-installed ## Run the whole test suite
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.test-installed ## ruff, mypy and the import contracts
	$(BIN)/ruff check runjournal tests bench
	$(BIN)/ruff format --check runjournal tests bench
	$(BIN)/mypy runjournal
	$(BIN)/lint-imports

screenshots: $(VENV)/.test-installed ## Regenerate screenshots/*.svg from the demo data
	$(BIN)/python -m runjournal.tui.screenshots screenshots

bench: $(VENV)/.test-installed ## Run the benchmarks and write BENCHMARKS.md
	$(BIN)/python -m bench

mutate: $(VENV)/.test-installed ## Mutation testing of domain/, formats/, store/ (slow; see TESTING.md)
	$(BIN)/mutmut run --max-children $(MUTATE_CHILDREN) $(MUTATE)
	@$(BIN)/mutmut results --all true | awk -F': ' \
		'{ split($$1, name, "."); n[name[2] " " $$2]++ } END { for (k in n) print k ": " n[k] }' | sort

clean: ## Remove the venv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache mutants
