# Korea Watch: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
KW := $(VENV)/bin/koreawatch
STAMP := $(VENV)/.installed-stamp
DATA_HOME := $(or $(XDG_DATA_HOME),$(HOME)/.local/share)
DEMO_DB ?= $(DATA_HOME)/koreawatch/demo.db

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Ingest the bundled illustrative demo corpus into a fresh SQLite file and show it.
demo: $(STAMP)
	mkdir -p "$(dir $(DEMO_DB))"
	rm -f "$(DEMO_DB)" "$(DEMO_DB)-wal" "$(DEMO_DB)-shm"
	$(KW) --db "sqlite:///$(DEMO_DB)" ingest demo --offline
	$(KW) --db "sqlite:///$(DEMO_DB)" articles list
	$(KW) --db "sqlite:///$(DEMO_DB)" timeline
	$(KW) --db "sqlite:///$(DEMO_DB)" incidents
	$(KW) --db "sqlite:///$(DEMO_DB)" db stats
	@echo
	@echo "Demo store: $(DEMO_DB)"
	@echo "Explore it: $(KW) --db sqlite:///$(DEMO_DB) events --place Ryanggang --json"

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts

test: $(STAMP) lint
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) bench/ingest.py
	$(PY) bench/extract.py
	$(PY) bench/tempeval3.py --split all

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache src/*.egg-info
