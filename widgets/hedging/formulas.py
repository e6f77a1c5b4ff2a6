"""Chapter 5's formulas in textbook form: written by hand, each proved equal to the model's.

:func:`display_forms` are the display formulas the chapter glues as ``hedging_eq_<key>``;
:func:`inline_texts` the short formulas its sentences glue as ``hedging_formula_<key>``
(``$...$`` for MyST), so no formula with a digit is typed into the prose.  Every right-hand
side is LaTeX a textbook would print (named symbols, ``\\ln``, natural term order); the book's
test parses it and proves it equal to the sympy expression the code evaluates, and
``tests/book/test_hedging_formulas.py`` does the same for the inline ones.
"""

from __future__ import annotations

import sympy as sp

from chipcontrols import hedging
from widgets.core.text import TextbookMath, textbook

__all__ = ["display_forms", "inline_forms", "inline_texts"]

#: The net gain from buying US: the numerator of the best reply, in textbook order.
GAIN = r"V(a - 1) - \beta"
#: The same with the advantage before the levy.
GAIN_0 = r"V(a_0 - 1) - \beta"


def _s(name: str) -> sp.Symbol:
    return hedging.PARAMETERS.symbol(name)


def _form(left: str, latex: str, expression: sp.Basic) -> TextbookMath:
    names = {s: hedging.LATEX_NAMES[s] for s in expression.free_symbols}
    return textbook(left, latex, expression, names)


def display_forms() -> dict[str, TextbookMath]:
    """The display formulas, ``hedging_eq_<key>``, in the order the chapter shows them."""
    h = hedging
    statics = h.STATICS
    return {
        "payoff": _form("U_C(s)", r"V(a s + 1 - s) + \beta(1 - s) - p_c L s^{2}", h.PAYOFF),
        "marginal": _form(
            r"\frac{\partial U_C}{\partial s}", rf"{GAIN} - 2 p_c L s", h.MARGINAL_PAYOFF
        ),
        "best_reply": _form("s^{*}", rf"\frac{{{GAIN}}}{{2 p_c L}}", h.BEST_REPLY),
        "all_in": _form(r"\bar{p}_c", rf"\frac{{{GAIN}}}{{2 L}}", h.ALL_IN_THRESHOLD),
        "ds_dp": _form(
            r"\frac{\partial s^{*}}{\partial p_c}",
            rf"-\frac{{{GAIN}}}{{2 p_c^{{2}} L}}",
            statics["cutoff_probability"],
        ),
        "ds_da": _form(
            r"\frac{\partial s^{*}}{\partial a}", r"\frac{V}{2 p_c L}", statics["us_advantage"]
        ),
        "ds_dbeta": _form(
            r"\frac{\partial s^{*}}{\partial \beta}",
            r"-\frac{1}{2 p_c L}",
            statics["domestic_value"],
        ),
        "ds_dl": _form(
            r"\frac{\partial s^{*}}{\partial L}",
            rf"-\frac{{{GAIN}}}{{2 p_c L^{{2}}}}",
            statics["cutoff_loss"],
        ),
        "leverage": _form(
            r"L\,s^{*2}", rf"\frac{{({GAIN})^{{2}}}}{{4 p_c^{{2}} L}}", h.LEVERAGE_INTERIOR
        ),
        "d_leverage": _form(
            r"\frac{\partial (L\,s^{*2})}{\partial p_c}",
            rf"-\frac{{({GAIN})^{{2}}}}{{2 p_c^{{3}} L}}",
            h.D_LEVERAGE_D_P,
        ),
        "advantage_after_levy": _form(r"a(\tau)", r"a_0 - \chi \tau", h.ADVANTAGE_AFTER_LEVY),
        "revenue": _form(
            r"R_{\mathrm{T}}(\tau)",
            r"\tau R \cdot \frac{V(a_0 - \chi \tau - 1) - \beta}{2 p_c L}",
            h.REVENUE_INTERIOR,
        ),
        "levy_star": _form(
            r"\tau^{*}", rf"\frac{{{GAIN_0}}}{{2 V \chi}}", h.REVENUE_MAXIMISING_LEVY
        ),
        "prohibitive": _form(r"\tau_{\max}", rf"\frac{{{GAIN_0}}}{{V \chi}}", h.PROHIBITIVE_LEVY),
        "advantage_path": _form(
            "a(t)", r"1 + (a_0 - 1) e^{-\lambda t} - \chi \tau", h.ADVANTAGE_PATH
        ),
        "exit": _form(
            r"t_{\mathrm{exit}}",
            r"\frac{1}{\lambda} \ln \frac{V(a_0 - 1)}{\beta + V \chi \tau}",
            h.EXIT_TIME,
        ),
    }


def inline_forms() -> dict[str, TextbookMath]:
    """Short formulas the sentences cite, ``hedging_formula_<key>`` (left side may be empty)."""
    h = hedging
    s, L, p = _s("import_share"), _s("cutoff_loss"), _s("cutoff_probability")
    V, a, beta = _s("value_scale"), _s("us_advantage"), _s("domestic_value")
    gain = V * (a - 1) - beta
    return {
        "leverage": _form("", r"L s^{2}", L * s**2),
        "expected_loss": _form("", r"p_c L s^{2}", p * L * s**2),
        "pairing_bound": _form("", r"\frac{1}{1 + k}", h.PAIRING_BOUND),
        "net_gain": _form("", GAIN, gain),
        "exit_advantage": _form("", r"1 + \frac{\beta}{V}", h.EXIT_ADVANTAGE),
        "compute_share": _form("", r"\frac{a s}{a s + 1 - s}", h.COMPUTE_SHARE),
        "cal_beta": _form(
            r"\beta", r"V(a - 1) - 2 p_c L s_{\mathrm{obs}}", h.CALIBRATED["domestic_value"]
        ),
        "cal_p": _form(
            "p_c",
            rf"\frac{{{GAIN}}}{{2 L s_{{\mathrm{{obs}}}}}}",
            h.CALIBRATED["cutoff_probability"],
        ),
        "cal_l": _form(
            "L", rf"\frac{{{GAIN}}}{{2 p_c s_{{\mathrm{{obs}}}}}}", h.CALIBRATED["cutoff_loss"]
        ),
        "cal_k": _form("k", r"\frac{1}{s_{\mathrm{obs}}} - 1", h.CALIBRATED["pairing_ratio"]),
        "tau_star": _form(
            r"\tau^{*}", rf"\frac{{{GAIN_0}}}{{2 V \chi}}", h.REVENUE_MAXIMISING_LEVY
        ),
        "exit_time": _form(
            r"t_{\mathrm{exit}}",
            r"\frac{1}{\lambda} \ln \frac{V(a_0 - 1)}{\beta + V \chi \tau}",
            h.EXIT_TIME,
        ),
        "advantage_after_levy": _form("a", r"a_0 - \chi \tau", h.ADVANTAGE_AFTER_LEVY),
        "base_advantage": _form("", "a_0", _s("base_advantage")),
        "curvature": _form("", r"-2 p_c L", h.CURVATURE),
        "halving_time": _form(
            "", r"\frac{\ln 2}{\lambda}", sp.log(2) / _s("advantage_erosion_rate")
        ),
        "gap_path": _form(
            "",
            r"(a_0 - 1) e^{-\lambda t}",
            (_s("base_advantage") - 1)
            * sp.exp(-_s("advantage_erosion_rate") * _s("years_after_january_2026")),
        ),
        "beta_plus_bite": _form(
            "", r"\frac{\beta}{V} + \chi \tau", beta / V + _s("pass_through") * _s("levy")
        ),
    }


def inline_texts() -> dict[str, str]:
    """The inline formulas as MyST text, ``$left = right$`` (or ``$right$``)."""
    return {
        key: f"${form.left} = {form.textbook}$" if form.left else f"${form.textbook}$"
        for key, form in inline_forms().items()
    }
