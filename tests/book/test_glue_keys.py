"""Every glue key is named by the model it belongs to, and every key a page cites is glued.

A chapter's own figures start with its model's name (``coalition_ex_seed_share``; chapter 1's
rule-engine thresholds with ``eccn3a090_``), and the figures any page may cite with a book-wide
prefix (``record_``, ``period_``, ``chip_``, ``book_``, ``guide_``).  Each chapter's setup cell
is its model's ``glue_numbers()`` and its solutions cell ``glue_solutions("<model>")``; the
glue groups are in ``widgets/<model>/numbers.py``.  The checks read the MyST sources and the
groups, so they run without building the book.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from pathlib import Path

import pytest

from chipcontrols import CHAPTER_MODELS
from widgets.core.glue import BOOK_WIDE_PREFIXES, glue_groups, glued_keys

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
RUBRICS = sorted((ROOT / "appendix" / "rubrics").glob("ch*.md"))
#: The models whose figures a chapter may cite besides its own name: chapter 1's rule engine.
ALSO_OWNED = {"ledger": ("eccn3a090",)}
#: The most lines a chapter's setup cell and its solutions cell may have (tags and comment in).
SHORT_CELL = 5

#: A glue role: ``{glue:text}`key:fmt```, ``{glue:md}`key```, ``{glue}`key```.
_ROLE = re.compile(r"\{glue(?::\w+)?\}`([A-Za-z0-9_]+)")
#: A glue directive: ```` ```{glue:math} key ```` or ``:::{glue:figure} key``.
_DIRECTIVE = re.compile(r"^\s*(?:`{3,}|:{3,})\{glue(?::\w+)?\}[ \t]+([A-Za-z0-9_]+)", re.M)
_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```$", re.S | re.M)


def cited_keys(text: str) -> set[str]:
    """Every glue key a MyST text cites, in roles and in directives.

    Examples
    --------
    >>> page = "{glue:text}`coalition_ex_a:.2f` and\\n```{glue:math} hedging_eq_b\\n```"
    >>> sorted(cited_keys(page))
    ['coalition_ex_a', 'hedging_eq_b']
    """
    return set(_ROLE.findall(text)) | set(_DIRECTIVE.findall(text))


def foreign_keys(keys: set[str], model: str) -> list[str]:
    """The keys not named by ``model`` (or a model it owns) or a book-wide prefix.

    Examples
    --------
    >>> foreign_keys({"coalition_data_x", "record_y", "c3_data_x", "sol3_z"}, "coalition")
    ['c3_data_x', 'sol3_z']
    """
    owners = (model, *ALSO_OWNED.get(model, ()), *BOOK_WIDE_PREFIXES)
    return sorted(key for key in keys if not key.startswith(tuple(f"{o}_" for o in owners)))


def _model(path: Path) -> str:
    return CHAPTER_MODELS[int(path.name.split("-", 1)[0]) - 1]


@cache
def _numbers(model: str):
    return importlib.import_module(f"widgets.{model}.numbers")


@cache
def _glued(model: str) -> frozenset[str]:
    """Every key the chapter of ``model`` glues: its groups and its solutions."""
    solutions = importlib.import_module(f"solutions.{model}").solution_figures()
    return frozenset(glued_keys(_numbers(model).GROUPS)) | {
        f"{model}_sol_{key}" for key in solutions
    }


def _cells(text: str) -> list[str]:
    return _CELL.findall(text)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_every_key_a_chapter_cites_is_named_by_its_model_or_the_book(path):
    keys = cited_keys(path.read_text(encoding="utf-8"))
    assert keys, f"{path.name} cites no glued number"
    assert foreign_keys(keys, _model(path)) == []


@pytest.mark.parametrize("path", RUBRICS, ids=lambda path: path.stem)
def test_every_key_a_rubric_cites_is_its_chapters_solution(path):
    model = CHAPTER_MODELS[int(path.stem.removeprefix("ch")) - 1]
    keys = cited_keys(path.read_text(encoding="utf-8"))
    assert keys and all(key.startswith(f"{model}_sol_") for key in keys), sorted(keys)
    assert keys <= _glued(model)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_every_key_a_chapter_cites_is_glued_by_its_numbers_or_its_solutions(path):
    missing = cited_keys(path.read_text(encoding="utf-8")) - _glued(_model(path))
    assert not missing, f"{path.name} cites keys nothing glues: {sorted(missing)}"


@pytest.mark.parametrize("model", CHAPTER_MODELS)
def test_every_group_a_model_glues_is_named_by_it_or_the_book(model):
    prefixes = list(_numbers(model).GROUPS)
    assert foreign_keys({f"{prefix}_x" for prefix in prefixes}, model) == [], prefixes


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_the_setup_and_solutions_cells_are_a_call_each(path):
    model = _model(path)
    cells = _cells(path.read_text(encoding="utf-8"))
    setup, solutions = cells[0], cells[1]
    assert f"from widgets.{model} import glue_numbers\n\nglue_numbers()\n" in setup, setup
    assert ":tags: [remove-cell, solution]" in solutions
    assert f'glue_solutions("{model}")' in solutions, solutions
    assert all(len(cell.splitlines()) <= SHORT_CELL for cell in (setup, solutions))
    assert sum("glue_numbers(" in cell or "glue_all(" in cell for cell in cells) == 1


def test_the_preface_guide_and_glossary_cite_only_model_and_book_wide_keys():
    for page in (
        "intro.md",
        "appendix/instructor-guide.md",
        "appendix/glossary.md",
        "appendix/notation.md",
    ):
        keys = cited_keys((ROOT / page).read_text(encoding="utf-8"))
        strays = [key for key in keys if all(foreign_keys({key}, m) for m in CHAPTER_MODELS)]
        assert keys and strays == [], (page, strays)


def test_the_check_fails_on_an_old_prefix():
    old = "{glue:text}`c3_data_asml_2025_percent:.0f` and {glue:text}`sol3_memo_rubric_total:.0f`"
    assert foreign_keys(cited_keys(old), "coalition") == [
        "c3_data_asml_2025_percent",
        "sol3_memo_rubric_total",
    ]
    assert foreign_keys({"ledger_model_volume", "eccn3a090_tpp_line"}, "ledger") == []
    assert foreign_keys({"eccn3a090_tpp_line"}, "hedging") == ["eccn3a090_tpp_line"]


def test_two_groups_that_would_glue_the_same_key_are_refused():
    groups = {"coalition": lambda: {"ex_seed": 0.2}, "coalition_ex": lambda: {"seed": 0.3}}
    with pytest.raises(ValueError, match="coalition_ex_seed is glued twice"):
        glued_keys(groups)
    with pytest.raises(ValueError, match="glued twice"):
        glue_groups(groups)
    with pytest.raises(ValueError, match="no group"):
        glued_keys(groups, "coalition_eq")


@pytest.mark.parametrize("model", CHAPTER_MODELS)
def test_no_key_is_glued_twice_in_a_chapter(model):
    solutions = importlib.import_module(f"solutions.{model}")
    groups = {**_numbers(model).GROUPS, f"{model}_sol": solutions.solution_figures}
    assert glued_keys(groups)
