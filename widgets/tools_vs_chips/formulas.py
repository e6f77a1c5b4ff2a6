r"""Chapter 2's display formulas in textbook form, each carrying the model expression it states.

Every formula the chapter glues as ``tools_vs_chips_eq_<key>`` is written here by hand (named
symbols, ``\ln``, natural term order) with :func:`widgets.core.text.textbook`;
``tests/book/test_textbook_forms.py`` proves each equal to its expression.  Where a formula
names a part of the model (the gross dies :math:`g`, the wafer limit :math:`N_w`,
the wafer diameter :math:`d`), :func:`display_forms` builds the expression from those parts
and ``tests/tools_vs_chips/test_tools_vs_chips_views.py`` substitutes them back to the model's
own expression.  The left side of a formula may carry the derivation's first steps.
"""

from __future__ import annotations

import sympy as sp

from chipcontrols import tools_vs_chips as model
from chipcontrols.reference.wafers import gross_dies_per_wafer

__all__ = ["PARTS", "display_forms", "equations"]

#: The named parts the display forms are written in (substituted back by the tests).
PARTS = {
    "diameter": sp.Symbol("wafer_diameter", positive=True),
    "gross": sp.Symbol("g", positive=True),
    "effective": sp.Symbol("W_eff", positive=True),
    "wafer": sp.Symbol("N_w", positive=True),
    "star": sp.Symbol("T_star", positive=True),
}


def display_forms() -> dict[str, sp.Basic]:
    r"""The expressions the textbook forms state, in the model's symbols and :data:`PARTS`.

    Each substitutes back to the model's expression: ``diameter`` → 300 mm, ``gross`` →
    :data:`~chipcontrols.tools_vs_chips.model.GROSS_DIES`, ``effective`` →
    :data:`~chipcontrols.tools_vs_chips.model.EFFECTIVE_WAFERS`, ``wafer`` →
    the wafer limit.  The two ``min`` forms (output, and the two-input path) are typed in the
    chapter as plain math: the LaTeX parser of the textbook test has no ``\min``.
    """
    d, g = PARTS["diameter"], PARTS["gross"]
    wafer = PARTS["wafer"]
    gross = gross_dies_per_wafer(model.ascend_die_area, d)
    gap_nonzero = {
        sp.Ne(model.growth_with_controls, 0): True,
        sp.Ne(model.growth_without_controls, 0): True,
    }
    return {
        "gross_dies": gross,
        "effective_wafers": model.EFFECTIVE_WAFERS,
        "wafer_limit": model.ai_wafer_share
        * PARTS["effective"]
        * g
        * model.ascend_yield
        / model.dies_per_package,
        "hbm_limit": model.HBM_LIMIT,
        "threshold": sp.solve(sp.Eq(wafer, model.HBM_LIMIT), model.hbm_supply)[0],
        "die_area_elasticity": sp.simplify(
            model.ascend_die_area * sp.diff(sp.log(gross), model.ascend_die_area)
        ),
        "path": model.at_growth(model.OUTPUT_PATH, model.growth_with_controls),
        "crossover": model.CROSSOVER_WITH,
        "years_bought": model.YEARS_BOUGHT,
        "denied_chip": model.DENIED_BY_CHIP_BAN,
        "denied_tool": model.DENIED_BY_TOOL_CONTROLS.subs(gap_nonzero),
        "horizon_equation": model.DENIED_BY_CHIP_BAN.subs(model.horizon_years, PARTS["star"]),
        "share": model.DOMESTIC_SHARE,
    }


def equations() -> dict[str, object]:
    """Every formula chapter 2 typesets, in textbook form (glued as ``tools_vs_chips_eq_``)."""
    from widgets.core.text import textbook

    forms = display_forms()
    names = {
        **model.LATEX_NAMES,
        PARTS["diameter"]: "d",
        PARTS["gross"]: "g",
        PARTS["effective"]: r"W_{\mathrm{eff}}",
        PARTS["wafer"]: "N_w",
        PARTS["star"]: "T^{*}",
    }
    D, M = r"D_{\mathrm{now}}", "M"
    gf, gc = r"\gamma_f", r"\gamma_c"

    def form(key: str, left: str, latex: str):
        expression = forms[key]
        used = {s: names[s] for s in expression.free_symbols}
        return textbook(left, latex, expression, used)

    tool_gap = rf"\frac{{{D}(e^{{{gf} T}} - 1)}}{{{gf}}} - \frac{{{D}(e^{{{gc} T}} - 1)}}{{{gc}}}"
    return {
        "gross_dies": form(
            "gross_dies",
            r"g(A) = \underbrace{\frac{\pi (d/2)^2}{A}}_{\text{wafer area over die area}}"
            r" - \underbrace{\frac{\pi d}{\sqrt{2A}}}_{\text{edge: circumference over die diagonal}}",
            r"\frac{\pi}{A}\left(\frac{d}{2}\right)^2 - \frac{\pi d}{\sqrt{2A}}",
        ),
        "effective_wafers": form(
            "effective_wafers", r"W_{\mathrm{eff}}", r"\frac{12 W u}{1000 n_l}"
        ),
        "wafer_limit": form(
            "wafer_limit", "N_w", r"\frac{f_{\mathrm{AI}} W_{\mathrm{eff}} g y}{n_d}"
        ),
        "hbm_limit": form("hbm_limit", "N_h", r"\frac{H}{s_h}"),
        "threshold": form(
            "threshold", r"N_w = \frac{H^{*}}{s_h} \;\Rightarrow\; H^{*}", r"s_h N_w"
        ),
        "die_area_elasticity": form(
            "die_area_elasticity",
            r"\varepsilon_A = \frac{A}{g}\frac{dg}{dA}",
            r"-\frac{d - \sqrt{2A}}{d - 2\sqrt{2A}}",
        ),
        "path": form("path", r"D_c(t)", rf"{D} e^{{{gc} t}}"),
        "crossover": form(
            "crossover",
            rf"{D} e^{{{gc} t_x}} = M \;\Rightarrow\; {gc} t_x = \ln\frac{{M}}{{{D}}}"
            r" \;\Rightarrow\; t_x",
            rf"\frac{{\ln(M/{D})}}{{{gc}}}",
        ),
        "years_bought": form(
            "years_bought",
            r"\Delta t = t_x\big|_{\gamma_c} - t_x\big|_{\gamma_f}",
            rf"\frac{{\ln(M/{D})}}{{{gc}}} - \frac{{\ln(M/{D})}}{{{gf}}}",
        ),
        "denied_chip": form("denied_chip", r"\Delta_{\mathrm{chip}}(T) = \int_0^T M\,dt", "M T"),
        "denied_tool": form(
            "denied_tool",
            rf"\Delta_{{\mathrm{{tool}}}}(T) = \int_0^T {D} e^{{{gf} t}}\,dt"
            rf" - \int_0^T {D} e^{{{gc} t}}\,dt",
            tool_gap,
        ),
        "horizon_equation": form(
            "horizon_equation",
            tool_gap.replace(" T}", " T^{*}}"),
            r"M T^{*}",
        ),
        "share": form("share", r"\psi", rf"\frac{{{D}}}{{{D} + {M}}}"),
    }
