# The H200 Decision — build and test.
#   make book   create .venv from requirements.txt if needed, execute every chapter, write _build/html
#   make test   install missing Debian packages (chromium, a CJK font) if allowed, the same set-up
#               and build, then ruff and the whole test suite on both cores (tests/README.md)
#   make test-models   the model tier alone: no build, no browser (seconds)
#   make lab    open the chapters in JupyterLab (live widgets)
#   make student       the student edition in _build/student/: site and notebooks, no solutions
#   make assignments   otter-grader assignments: student notebooks and autograder zips
#   make binder-check  a fresh venv from binder/requirements.txt alone runs every chapter
#   make bench  per page: bytes, requests, paint and blocking times, charts, Lighthouse (printed, never asserted)

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements-installed

.PHONY: book test test-models lint lab bench clean system-deps student assignments binder-check

$(STAMP): requirements.txt binder/requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

book: $(STAMP)
	rm -rf _build/html _build/.doctrees _build/jupyter_execute
	@# Derive the closed forms and validate the data once, before the pages' kernels start.
	$(BIN)/python -m chipcontrols.core.derivations
	$(BIN)/jupyter-book build --warningiserror --keep-going .

system-deps:
	bash tools/system-deps.sh

student: $(STAMP)
	$(BIN)/python tools/student_edition.py

assignments: $(STAMP)
	rm -rf _build/assignments
	$(BIN)/python tools/assignments.py

# The model tier: core/, eccn3a090/ and one folder per model, the packages' doctests.
MODEL_TIER := tests/core tests/eccn3a090 tests/ledger tests/tools_vs_chips tests/coalition \
	tests/catchup tests/hedging chipcontrols widgets solutions

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-models: $(STAMP)
	$(BIN)/python -m pytest -n 2 $(MODEL_TIER) tests/sources

test: system-deps lint book student assignments
	$(BIN)/python -m pytest -n 2

BINDER_VENV := _build/binder-venv
binder-check:
	rm -rf $(BINDER_VENV)
	@start=$$(date +%s); \
	$(PYTHON) -m venv $(BINDER_VENV) && \
	$(BINDER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r binder/requirements.txt && \
	echo "Binder environment: $$(du -sh $(BINDER_VENV) | cut -f1) installed in $$(( $$(date +%s) - start )) s"
	$(BINDER_VENV)/bin/python tools/notebooks.py
	@# A chapter's kernel in the students' environment cannot import the worked solutions.
	cd chapters && ! ../$(BINDER_VENV)/bin/python -c "import solutions" 2>/dev/null
	@echo "Binder environment: the solutions package cannot be imported"
	@# The model tier runs in the students' environment too (plus the test runner alone),
	@# without the solutions' tests: the solutions are not in that environment.
	$(BINDER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
		$$(grep -E '^(pytest|hypothesis|iniconfig|pluggy|sortedcontainers)==' requirements.txt)
	$(BINDER_VENV)/bin/python -m pytest -p no:cacheprovider -q $(filter-out solutions,$(MODEL_TIER)) \
		--ignore-glob='*_solutions.py'

lab: $(STAMP)
	$(BIN)/jupyter lab chapters/

bench: $(STAMP)
	$(BIN)/python tests/bench.py

clean:
	rm -rf _build
