# The H200 Decision — build and test.
#   make book   create .venv from requirements.txt if needed, execute every chapter, write _build/html
#   make test   install missing Debian packages (chromium, a CJK font, node and npm) if allowed,
#               axe-core from npm (package-lock.json), the same set-up
#               and build, then ruff and the whole test suite on both cores (tests/README.md)
#   make test-models   the model tier alone: no build, no browser (seconds)
#   make lab    write the chapters' notebooks (tools/lab_notebooks.py), open them in JupyterLab
#   make student       the student edition in _build/student/: site and notebooks, no solutions
#   make assignments   otter-grader assignments: student notebooks and autograder zips
#   make binder-check  a fresh venv from binder/requirements.txt and binder/postBuild, as Binder
#               builds it: every chapter runs, and opens, runs and reads in JupyterLab (tests/lab)
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

# axe-core for the browser tests, at package-lock.json's pin (npm ci), into node_modules/.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(AXE)

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
	$(BIN)/actionlint .github/workflows/*.yml

test-models: $(STAMP)
	$(BIN)/python -m pytest -n 2 $(MODEL_TIER) tests/sources

test: system-deps $(AXE) lint book student assignments
	@# tests/lab drives JupyterLab from the Binder environment: make binder-check runs it.
	$(BIN)/python -m pytest -n 2 --ignore=tests/lab

BINDER_VENV := _build/binder-venv
# Binder's image keeps what postBuild derived; here a cache of the check's own stands for it.
BINDER_CACHE := $(abspath _build/binder-cache)
binder-check: $(STAMP) system-deps
	rm -rf $(BINDER_VENV) $(BINDER_CACHE)
	@start=$$(date +%s); \
	$(PYTHON) -m venv $(BINDER_VENV) && \
	$(BINDER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r binder/requirements.txt && \
	echo "Binder environment: $$(du -sh $(BINDER_VENV) | cut -f1) installed in $$(( $$(date +%s) - start )) s"
	@# Then binder/postBuild, as repo2docker runs it: in the repository, the environment on PATH.
	PATH="$(abspath $(BINDER_VENV))/bin:$$PATH" H200_CACHE_DIR=$(BINDER_CACHE) bash binder/postBuild
	$(BINDER_VENV)/bin/python tools/notebooks.py
	@# A chapter's kernel in the students' environment cannot import the worked solutions.
	cd chapters && ! ../$(BINDER_VENV)/bin/python -c "import solutions" 2>/dev/null
	@echo "Binder environment: the solutions package cannot be imported"
	@# JupyterLab from that environment, driven in Chromium: every chapter from its launch link.
	BINDER_VENV=$(abspath $(BINDER_VENV)) H200_CACHE_DIR=$(BINDER_CACHE) \
		$(BIN)/python -m pytest -q tests/lab
	@# The model tier runs in the students' environment too (plus the test runner alone),
	@# without the solutions' tests: the solutions are not in that environment.
	$(BINDER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check \
		$$(grep -E '^(pytest|hypothesis|iniconfig|pluggy|sortedcontainers)==' requirements.txt)
	$(BINDER_VENV)/bin/python -m pytest -p no:cacheprovider -q $(filter-out solutions,$(MODEL_TIER)) \
		--ignore-glob='*_solutions.py'

lab: $(STAMP)
	@# The notebooks Binder's launch button opens: chapters/<name>.ipynb, every number resolved.
	$(BIN)/python tools/lab_notebooks.py
	$(BIN)/jupyter lab chapters/

bench: $(STAMP)
	$(BIN)/python tests/bench.py

clean:
	rm -rf _build
