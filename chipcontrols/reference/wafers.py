"""How many dies fit on a wafer: the one formula chapters 2 and 4 both use.

Gross dies per wafer is the wafer's area over the die's, less the partial dies lost at the round
edge: ``g(A) = π(d/2)²/A − π·d/√(2A)`` for die area ``A`` (mm²) and wafer diameter ``d`` (mm).
It is written once here; each chapter's model builds it from its own declared symbols (chapter
2 for Ascend dies on SMIC's 300 mm wafers, chapter 4 for any die and wafer), so the two cannot
drift apart.
"""

from __future__ import annotations

import sympy as sp

__all__ = ["gross_dies_per_wafer"]


def gross_dies_per_wafer(die_area: sp.Expr, wafer_diameter: sp.Expr) -> sp.Expr:
    """Gross dies per wafer as a sympy expression of die area (mm²) and wafer diameter (mm).

    Examples
    --------
    >>> area, diameter = sp.symbols("A d", positive=True)
    >>> gross_dies_per_wafer(area, diameter)
    pi*d**2/(4*A) - sqrt(2)*pi*d/(2*sqrt(A))
    >>> round(float(gross_dies_per_wafer(sp.Integer(100), sp.Integer(300))), 1)   # 1 cm² dies
    640.2
    """
    return sp.pi * (wafer_diameter / 2) ** 2 / die_area - sp.pi * wafer_diameter / sp.sqrt(
        2 * die_area
    )
