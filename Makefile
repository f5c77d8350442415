# Two commands for a fresh machine with Python >= 3.11, make and a compiler:
#   make run   — install, migrate, seed and serve the site on SQLite at http://127.0.0.1:8000
#   make test  — run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000
# The starter pack `make run` builds the site from (starter/<name>/): the first site's content.
STARTER ?= coeur-de-lorraine

.PHONY: run test lint bench install setup clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependencies change; the test tools only for `make test`.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

setup: install
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_site --starter $(STARTER)
	$(MANAGE) ensure_dev_admin --url http://$(HOST)/admin/

run: setup
	$(MANAGE) runserver $(HOST)

# axe-core for the accessibility tests and the CSS/JS linters, from the npm registry when npm
# is there.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --silent && touch $@ \
	  || echo "npm ci a échoué : les tests axe-core seront ignorés."; \
	else echo "npm absent : les tests d'accessibilité axe-core seront ignorés."; fi

# Both cores (pytest-xdist, default scheduling: each worker runs its database tests before the
# live-server ones, which empty the database; « worksteal » broke that order), coverage printed
# and held at 80 % per module, slowest tests listed (pyproject.toml); the time taken is printed
# against the 3-minute budget.
test: $(VENV)/.installed-test node_modules/.installed
	@start=$$(date +%s); \
	$(BIN)/pytest -n auto --cov --cov-report=term:skip-covered --cov-report=json:var/coverage.json \
	  && $(BIN)/python .ci/coverage_floor.py var/coverage.json 80; status=$$?; \
	echo "make test : $$(( $$(date +%s) - start )) s (budget : 180 s)"; exit $$status

lint: $(VENV)/.installed-test node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	npx --no-install eslint petr/static/js
	npx --no-install stylelint "petr/static/css/**/*.css"

# The production configuration measured with wrk next to nginx serving a static copy, on SQLite
# then on PostgreSQL (bench/bench.py: needs nginx, wrk, Redis and PostgreSQL; prints the tables
# of the README).
bench: install
	STARTER_PACK=$(STARTER) $(BIN)/python bench/bench.py
	psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS petr_bench" -c "CREATE DATABASE petr_bench"
	STARTER_PACK=$(STARTER) BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/petr_bench \
	  $(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) var node_modules
