# The H200 Decision — build and test.
#   make book   create .venv from requirements.txt if needed, execute every chapter, write _build/html
#   make test   install missing Debian packages (chromium, a CJK font) if allowed, the same set-up
#               and build, then the whole test suite (model, data, views, browser)
#   make lab    open the chapters in JupyterLab (live widgets)
#   make student       the student edition in _build/student/: site and notebooks, no solutions
#   make assignments   otter-grader assignments: student notebooks and autograder zips
#   make binder-check  a fresh venv from binder/requirements.txt alone runs every chapter
#   make bench  per page: bytes, requests, paint and blocking times, charts, Lighthouse (printed, never asserted)

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements-installed

.PHONY: book test lab bench clean system-deps student assignments binder-check

$(STAMP): requirements.txt binder/requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

book: $(STAMP)
	rm -rf _build/html _build/.doctrees _build/jupyter_execute
	$(BIN)/jupyter-book build --warningiserror --keep-going .

system-deps:
	bash tools/system-deps.sh

student: $(STAMP)
	$(BIN)/python tools/student_edition.py

assignments: $(STAMP)
	rm -rf _build/assignments
	$(BIN)/python tools/assignments.py

test: system-deps book student assignments
	$(BIN)/python -m pytest

BINDER_VENV := _build/binder-venv
binder-check:
	rm -rf $(BINDER_VENV)
	@start=$$(date +%s); \
	$(PYTHON) -m venv $(BINDER_VENV) && \
	$(BINDER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r binder/requirements.txt && \
	echo "Binder environment: $$(du -sh $(BINDER_VENV) | cut -f1) installed in $$(( $$(date +%s) - start )) s"
	$(BINDER_VENV)/bin/python tools/notebooks.py

lab: $(STAMP)
	$(BIN)/jupyter lab chapters/

bench: $(STAMP)
	$(BIN)/python tests/bench.py

clean:
	rm -rf _build
