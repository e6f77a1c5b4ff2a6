"""Chapter 3's glued numbers: every figure its text cites and every formula it typesets.

The chapter's setup cell is ``glue_numbers()``.  Its own figures are named by the model: the
prose's as ``coalition_`` and their part (``coalition_data_`` from the holders' filings,
``coalition_hunt_`` from the stag hunt, ``coalition_casc_`` from the cascade,
``coalition_hold_`` from the named holders), ``coalition_param_`` (the declared parameters of
both layers), ``coalition_ex_`` (what the exercises give) and ``coalition_eq_`` (formulas);
besides those, the book-wide ``record_``, ``period_`` and ``book_``.  The worked solutions'
``coalition_sol_`` are glued apart (:func:`widgets.core.teaching.glue_solutions`).
"""

from __future__ import annotations

import sympy as sp

from chipcontrols import CHAPTER_MODELS, coalition
from chipcontrols.coalition import prose
from chipcontrols.core import figures
from widgets.core.glossary import key_terms_markdown
from widgets.core.glue import glue_groups
from widgets.core.notation import notation_markdown
from widgets.core.text import textbook

__all__ = ["CHAPTER", "GROUPS", "equations", "glue_numbers"]

#: The chapter this module glues for.
CHAPTER = CHAPTER_MODELS.index("coalition") + 1


#: The response F(x_t) as one symbol, so the cascade's step reads as a textbook writes it.
RESPONSE = sp.Symbol("F_x_t")


def equations() -> dict[str, object]:
    """The formulas the chapter's text shows with ``glue:math``, each in textbook form.

    Each right-hand side is written by hand and proved equal to the model's sympy expression
    by ``tests/book/test_textbook_forms.py``; the derivations of q* and of the tipping point are
    three lines each (``payoff_*`` → ``gain`` → ``q_star``; ``uniform_middle`` → ``tip``).
    """
    staghunt, cascade = coalition.staghunt, coalition.cascade
    hunt = staghunt.LATEX_NAMES
    casc = {**cascade.LATEX_NAMES, RESPONSE: "F(x_{t})"}
    no_league = {cascade.league_coverage: 0}
    return {
        "payoff_control": textbook(
            r"U_{\mathrm{control}}", r"q S + (1 - q) \zeta S - r", staghunt.PAYOFF_CONTROL, hunt
        ),
        "payoff_sell": textbook(r"U_{\mathrm{sell}}", r"q \zeta S", staghunt.PAYOFF_SELL, hunt),
        "gain": textbook(
            r"U_{\mathrm{control}} - U_{\mathrm{sell}}",
            r"q S(1 - 2\zeta) + \zeta S - r",
            staghunt.GAIN_FROM_RESTRAINT,
            hunt,
        ),
        "q_star": textbook(
            r"U_{\mathrm{control}} \ge U_{\mathrm{sell}} \iff q \ge q^{*}",
            r"\frac{r - \zeta S}{S(1 - 2\zeta)}",
            staghunt.BELIEF_THRESHOLD,
            hunt,
        ),
        "q_star_weakest": textbook(
            r"q^{*}\big|_{\zeta = 0}",
            r"\frac{r}{S}",
            staghunt.BELIEF_THRESHOLD.subs(staghunt.retained_share, 0),
            hunt,
        ),
        "step": textbook(
            r"x_{t+1} \text{ (never below the seed } x_{0}\text{)}",
            r"(1 - \ell) F(x_{t})",
            cascade.NORMAL_RESPONSE.subs(cascade.NORMAL_THRESHOLDS, RESPONSE),
            casc,
        ),
        "uniform_middle": textbook(
            r"F(x) \text{ for } \mu - w \le x \le \mu + w",
            r"\frac{x - \mu + w}{2w}",
            cascade._UNIFORM_MIDDLE.subs(no_league),
            casc,
        ),
        "tip": textbook(
            r"F(x) = x \iff x = x_{\mathrm{tip}}",
            r"\frac{\mu - w}{1 - 2w}",
            cascade.UNIFORM_TIPPING_POINT.subs(no_league),
            casc,
        ),
        "linear": textbook(r"x^{*}", r"\frac{c_{0}}{1 - c_{1}}", cascade.LINEAR_FIXED_POINT, casc),
    }


def _parameter_figures() -> dict[str, float]:
    """The declared parameters of the stag hunt and of the cascade, which share no name."""
    staghunt = figures.parameter_figures(coalition.staghunt.PARAMETERS)
    cascade = figures.parameter_figures(coalition.cascade.PARAMETERS)
    shared = sorted(set(staghunt) & set(cascade))
    if shared:
        raise ValueError(f"the stag hunt and the cascade both declare {shared}")
    return {**staghunt, **cascade}


#: Every group of figures the chapter glues: glue prefix → the function that computes them.
GROUPS = {
    "record": figures.record_figures,
    "period": figures.record_period,
    "book": lambda: {
        "key_terms": key_terms_markdown(CHAPTER),
        "notation": notation_markdown(CHAPTER),
    },
    "coalition": prose.prose_figures,
    "coalition_param": _parameter_figures,
    "coalition_ex": prose.exercise_figures,
    "coalition_eq": equations,
}


def glue_numbers(*prefixes: str) -> None:
    """Glue the chapter's figures: every group of :data:`GROUPS`, or only those named."""
    glue_groups(GROUPS, *prefixes)
