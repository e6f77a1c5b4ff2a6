"""Tables of chapter 2, rendered from the declarations, the model and the data.

The published estimates side by side (never averaged), the model's parameters with their
sources, each lever's elasticity in both regimes, and what each Ascend estimate requires of
the wafers and the HBM.  Figures missing from the data are shown as "n/a", never filled in.
"""

from __future__ import annotations

import html
import math

import sympy as sp
from IPython.display import HTML

from chipcontrols import tools_vs_chips
from chipcontrols.tools_vs_chips.evidence import (
    capacity_estimates,
    quantity_labels,
    toolmaker_shares,
)

__all__ = [
    "elasticity_table",
    "estimates_table",
    "parameter_table",
    "requirements_table",
    "toolmaker_shares_table",
]

#: The quantities the estimates table shows, in order.
ESTIMATE_QUANTITIES = (
    "smic_advanced_wafers_per_month",
    "hbm_stacks_stockpiled",
    "hbm_wafers_per_month",
    "ascend_dies_stockpiled",
    "ascend_dies",
    "ascend_output",
    "ascend_910c_output",
)


def _table(
    header: list[str], rows: list[list[str]], numeric: set[int] = frozenset(), label: str = "Table"
) -> HTML:
    """An HTML table in a container that scrolls sideways on a narrow screen.

    The container is focusable and labelled, so a keyboard user can scroll it too.
    """
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return HTML(
        f'<div class="h200-table" tabindex="0" role="region" '
        f'aria-label="{html.escape(label)}"><table class="table"><thead><tr>{head}</tr>'
        f"</thead><tbody>{body}</tbody></table></div>"
    )


_GREEK = {r"\gamma": "γ", r"\psi": "ψ", r"\mathrm": ""}


def plain_symbol(latex: str) -> str:
    r"""HTML for a declaration's LaTeX name: Greek letters as characters, subscripts as <sub>.

    Examples
    --------
    >>> plain_symbol(r"\gamma_c"), plain_symbol(r"D_{\mathrm{now}}"), plain_symbol("W")
    ('γ<sub>c</sub>', 'D<sub>now</sub>', 'W')
    """
    text = latex
    for command, letter in _GREEK.items():
        text = text.replace(command, letter)
    base, _, subscript = text.partition("_")
    subscript = subscript.replace("{", "").replace("}", "")
    return html.escape(base) + (f"<sub>{html.escape(subscript)}</sub>" if subscript else "")


def _source(url: str, title: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(title)}</a>'


def estimates_table(quantities=ESTIMATE_QUANTITIES) -> HTML:
    """The published capacity and output estimates, one row each, with their sources."""
    labels = quantity_labels()
    table = capacity_estimates().reset_index()
    rows = []
    for quantity in quantities:
        for item in (
            table[table["quantity"] == quantity].sort_values(["year", "estimator"]).itertuples()
        ):
            figure = (
                f"{item.qualifier + ' ' if item.qualifier else ''}{item.value:,.0f} {item.unit}"
            )
            rows.append(
                [
                    html.escape(labels[quantity]),
                    str(item.year),
                    html.escape(figure),
                    html.escape(item.estimator),
                    html.escape(item.description),
                    item.confidence,
                    _source(item.source_url, item.source_title),
                ]
            )
    return _table(
        ["Quantity", "Year", "Figure", "Estimator", "What it counts", "Confidence", "Source"],
        rows,
        numeric={1},
        label="Published capacity and output estimates, with their sources",
    )


def parameter_table(names=None) -> HTML:
    """The model's declared parameters: label with name and symbol, unit, default, range, source."""
    rows = []
    for name in names or tools_vs_chips.PARAMETERS:
        p = tools_vs_chips.PARAMETERS[name]
        rows.append(
            [
                f"{html.escape(p.label)}<br><code>{html.escape(name)}</code>, "
                f"{plain_symbol(p.latex_name)}",
                html.escape(p.unit or "—"),
                f"{p.default:,.4g}"
                + (
                    f" (×{math.exp(p.default):.2f} a year)"
                    if p.unit.startswith("log rate")
                    else ""
                ),
                f"{p.minimum:,.4g} – {p.maximum:,.4g}",
                html.escape(p.source),
            ]
        )
    return _table(
        ["Parameter (name, symbol)", "Unit", "Default", "Range", "Source"],
        rows,
        numeric={2, 3},
        label="The model's parameters, with their sources",
    )


def elasticity_table() -> HTML:
    """Each lever's elasticity of output, when the wafers bind and when HBM binds.

    Elasticities are the sympy derivatives of :data:`chipcontrols.tools_vs_chips.model.ELASTICITIES`,
    evaluated at the defaults where they depend on the parameters (the die area).
    """
    defaults = {p.symbol: p.default for p in tools_vs_chips.PARAMETERS.values()}
    rows = []
    for name in tools_vs_chips.LEVERS:
        cells = []
        for regime in ("wafers", "HBM"):
            value = float(sp.sympify(tools_vs_chips.ELASTICITIES[regime][name]).subs(defaults))
            cells.append(f"{value:+.2f}" if value else "0")
        rows.append(
            [
                html.escape(tools_vs_chips.PARAMETERS[name].label),
                plain_symbol(tools_vs_chips.PARAMETERS[name].latex_name),
                *cells,
            ]
        )
    return _table(
        ["Lever", "Symbol", "When the wafers bind", "When HBM binds"],
        rows,
        numeric={2, 3},
        label="Elasticity of output to each lever",
    )


def requirements_table() -> HTML:
    """What each Ascend output estimate requires: HBM stacks and a share of SMIC's wafers."""
    figures = tools_vs_chips.prose.validation_figures()
    table = capacity_estimates()
    rows = []
    for estimate_id in tools_vs_chips.prose.OUTPUT_ESTIMATES:
        item = table.loc[estimate_id]
        key = estimate_id.replace("-", "_")
        what = "910C only" if item.quantity == "ascend_910c_output" else "all Ascend models"
        rows.append(
            [
                html.escape(f"{item.estimator}, {item.year}"),
                html.escape(
                    f"{item.qualifier + ' ' if item.qualifier else ''}{item.value:,.0f} ({what})"
                ),
                f"{figures[key + '_hbm']:.1f}",
                f"{figures[key + '_wafer_share_percent']:.1f}%",
            ]
        )
    return _table(
        [
            "Estimate",
            "Accelerators",
            "HBM needed (million stacks)",
            "Share of SMIC's advanced wafers",
        ],
        rows,
        numeric={2, 3},
        label="What each Ascend estimate requires",
    )


def toolmaker_shares_table(quarters: int = 2) -> HTML:
    """Each toolmaker's China share in its latest quarters, with the basis and the source.

    Read from chapter 3's table (:func:`chipcontrols.tools_vs_chips.evidence.toolmaker_shares`):
    the bases differ between firms, so the shares are shown side by side, never averaged.
    """
    rows = [
        [
            html.escape(item.holder),
            f"{item.period_end:%B %Y}",
            f"{item.china_share_percent:.1f}%",
            html.escape(item.basis),
            item.confidence,
            _source(item.source_url, item.source_title),
        ]
        for item in toolmaker_shares(quarters=quarters).itertuples()
    ]
    return _table(
        ["Toolmaker", "Quarter ending", "China share", "Of what", "Confidence", "Source"],
        rows,
        numeric={2},
        label="Toolmakers' China share of revenue in their latest reported quarters",
    )
