"""Glue the model's numbers into a chapter, so its prose cites them instead of typing them."""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp
from IPython.display import Markdown, Math


def glue_all(prefix: str, values: Mapping[str, object]) -> None:
    """Glue each value as ``<prefix>_<key>``: numbers as numbers, text as Markdown, sympy as math.

    The chapter cites them with ``{glue:text}`prefix_key:.2f``` (numbers),
    ``{glue:md}`prefix_key``` (text) or the ``glue:math`` directive (formulas).
    """
    from myst_nb import glue

    for key, value in values.items():
        if isinstance(value, str):
            value = Markdown(value)
        elif isinstance(value, Math):
            pass
        elif isinstance(value, sp.Basic):
            raise ValueError(
                f"{prefix}_{key}: glue a typeset equation (widgets.equation), "
                "not a bare sympy object"
            )
        glue(f"{prefix}_{key}", value, display=False)
