# The H200 Decision — build and test.
#   make book   create .venv from requirements.txt if needed, execute every chapter, write _build/html
#   make test   install missing Debian packages (chromium, a CJK font) if allowed, the same set-up
#               and build, then the whole test suite (model, data, views, browser)
#   make lab    open the chapters in JupyterLab (live widgets)
#   make bench  timings and sizes (never asserted in tests)

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements-installed

.PHONY: book test lab bench clean system-deps

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

book: $(STAMP)
	rm -rf _build/html _build/.doctrees _build/jupyter_execute
	$(BIN)/jupyter-book build --warningiserror --keep-going .

system-deps:
	bash tools/system-deps.sh

test: system-deps book
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab chapters/

bench: $(STAMP)
	$(BIN)/python tests/bench.py

clean:
	rm -rf _build
