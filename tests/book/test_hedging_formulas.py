"""Chapter 5's inline formulas are in textbook form and equal the model's expressions.

The display formulas (``hedging_eq_``) are proved by ``tests/book/test_textbook_forms.py``; the
short formulas the sentences glue (``hedging_formula_``) are proved here the same way, with
that test's parser, and every symbol they typeset must be in chapter 5's notation table.
The parser's ANTLR runtime is a test dependency of the book environment, so this test is in the
book tier, beside the display formulas' test.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from chipcontrols.reference.notation import symbols_of_chapter
from widgets.hedging.formulas import display_forms, inline_forms, inline_texts

_PATH = Path(__file__).resolve().parent / "test_textbook_forms.py"
_SPEC = importlib.util.spec_from_file_location("_textbook_forms", _PATH)
forms = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(forms)

INLINE = inline_forms()


@pytest.mark.parametrize("key", sorted(INLINE))
def test_inline_formula_equals_the_model(key):
    formula = INLINE[key]
    parsed = forms.parse_textbook(formula.textbook, formula.names)
    assert forms.equal(parsed, formula.expression, forms._declared_ranges()), (
        key,
        formula.textbook,
        parsed,
    )


def test_every_symbol_typeset_is_in_chapter_5s_notation():
    listed = {entry.symbol for entry in symbols_of_chapter(5)}
    used = {
        name
        for formula in [*INLINE.values(), *display_forms().values()]
        for name in formula.names.values()
    }
    assert not used - listed, sorted(used - listed)


def test_no_formula_uses_log_or_sympys_term_order():
    for text in [*inline_texts().values(), *(f.textbook for f in display_forms().values())]:
        assert not re.search(r"\\log\b", text), text
        assert not re.match(r"\$?-\\beta", text), text  # the net gain starts with V(a - 1)


def test_a_wrong_inline_form_is_caught():
    formula = INLINE["pairing_bound"]
    wrong = forms.parse_textbook(r"\frac{1}{k}", formula.names)
    assert not forms.equal(wrong, formula.expression, {})
