# The two commands a newcomer needs: `make demo` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CAMKET := $(BIN)/camket
export CAMKET_DATA_DIR ?= $(CURDIR)/var

.PHONY: install system-deps messages demo test test-sqlite test-postgres lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: system-deps $(VENV)/.installed messages

system-deps:
	bash scripts/system-deps.sh

messages: $(VENV)/.installed
	cd camket && ../$(CAMKET) compilemessages --verbosity 0

demo: install
	$(CAMKET) demo
	@echo "camket is running at http://127.0.0.1:8000 — sign in with a user listed above."
	$(CAMKET) runserver 127.0.0.1:8000

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy camket
	$(CAMKET) makemigrations --check --dry-run

test: install lint test-sqlite test-postgres

# One test process per CPU core (pytest-xdist); each has its own test database.
PYTEST := $(BIN)/python -m pytest -n auto --durations=15

test-sqlite:
	CAMKET_TEST_SQLITE_NAME=$(CAMKET_DATA_DIR)/test-db.sqlite3 $(PYTEST)

test-postgres:
	bash scripts/with-postgres.sh $(PYTEST)

bench: install
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/monitoring.py
	$(BIN)/python benchmarks/classify.py
	$(BIN)/python benchmarks/hostile_files.py
	$(BIN)/python benchmarks/write_lock.py
	$(BIN)/python benchmarks/documents.py
	$(BIN)/python benchmarks/scale.py
	bash scripts/with-postgres.sh $(BIN)/python benchmarks/run.py
	bash scripts/with-postgres.sh $(BIN)/python benchmarks/monitoring.py
	bash scripts/with-postgres.sh $(BIN)/python benchmarks/scale.py

clean:
	rm -rf $(VENV) var test-artifacts
