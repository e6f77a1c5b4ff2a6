"""Which limit binds: the Python rule and the Vega expression printed from it agree on ties.

The Vega side is evaluated by Vega itself (vl-convert's embedded Vega, the same library the site
serves), so the text under a chart and the text the model reports are compared as computed.
"""

from __future__ import annotations

import itertools
import json

import pytest

from chipcontrols import hedging, ledger
from chipcontrols.core import limits
from chipcontrols.core.limits import TIE_TOLERANCE, binding, binding_text, binding_text_vega

vl_convert = pytest.importorskip("vl_convert")

#: Names with the characters a Vega string literal must escape or keep (an apostrophe).
NAMES = ("Chinese demand", "Nvidia supply", "US cap", "Beijing's approvals")
FLOOR = "no imports (s = 0)"
#: Offsets from the chosen value: exact, within the tolerance, just outside it, far.
OFFSETS = (0.0, TIE_TOLERANCE / 2, -TIE_TOLERANCE / 2, TIE_TOLERANCE, 2 * TIE_TOLERANCE, 0.3)


def evaluate_in_vega(rows: list[dict], expression: str, signals: dict | None = None) -> list:
    """``expression`` evaluated by Vega for each row (``datum`` is the row)."""
    spec = {
        "$schema": "https://vega.github.io/schema/vega/v6.json",
        "width": 1,
        "height": 1,
        "signals": [{"name": name, "value": value} for name, value in (signals or {}).items()],
        "data": [
            {
                "name": "rows",
                "values": [{**row, "_row": i} for i, row in enumerate(rows)],
                "transform": [{"type": "formula", "as": "out", "expr": expression}],
            }
        ],
        "marks": [
            {
                "type": "text",
                "from": {"data": "rows"},
                "encode": {"enter": {"text": {"signal": "datum._row + '|' + datum.out"}}},
            }
        ],
    }
    scene = vl_convert.vega_to_scenegraph(spec)["scenegraph"]
    texts = [item["text"] for item in scene["items"][0]["items"][0]["items"]]
    by_row = dict(text.split("|", 1) for text in texts)
    return [by_row[str(i)] for i in range(len(rows))]


def _tie_cases() -> list[dict]:
    """Every combination of offsets for three limits above a chosen value, and zero."""
    cases = []
    for chosen in (0.5, 0.0, TIE_TOLERANCE / 2, 2 * TIE_TOLERANCE):
        for offsets in itertools.product(OFFSETS, repeat=3):
            cases.append({"chosen": chosen, "values": [chosen + o for o in (0.0, *offsets)]})
    return cases


@pytest.mark.parametrize("floor", [None, FLOOR])
def test_python_and_vega_name_the_same_limits_on_ties(floor):
    cases = _tie_cases()
    expression = binding_text_vega(
        "datum.chosen",
        [(json.dumps(name), f"datum.values[{i}]") for i, name in enumerate(NAMES)],
        floor=None if floor is None else json.dumps(floor),
    )
    python = [
        binding_text(binding(case["chosen"], dict(zip(NAMES, case["values"])), floor=floor))
        for case in cases
    ]
    assert evaluate_in_vega(cases, expression) == python
    # The cases cover one, several and all four limits binding, and the floor.
    counts = {text.count(" and ") + 1 for text in python if "(tied)" in text}
    assert counts == {2, 3, 4}
    assert (FLOOR in python) == (floor is not None)


def test_the_rule_on_named_cases():
    chosen = 0.5
    values = {
        "exact": 0.5,
        "within": 0.5 + TIE_TOLERANCE / 2,
        "outside": 0.5 + 2 * TIE_TOLERANCE,
        "also exact": 0.5,
    }
    assert binding(chosen, values) == ("exact", "within", "also exact")
    assert binding_text(binding(chosen, values)) == "exact and within and also exact (tied)"
    assert binding(chosen, {"outside": 0.5 + 2 * TIE_TOLERANCE}) == ()
    assert binding(0.0, {"a": 0.0, "b": 0.0}, floor="none") == ("none",)
    assert binding(2 * TIE_TOLERANCE, {"a": 2 * TIE_TOLERANCE}, floor="none") == ("a",)
    assert limits.within_tolerance(1.0, 1.0 + TIE_TOLERANCE / 2)


def _ledger_scenarios() -> list[dict]:
    """Ledger scenarios on slider steps, where limits tie exactly or within rounding."""
    scenarios = [{"approvals": 2.5, "us_volume": 1.4}]  # supply 0.7 = cap 0.5 x 1.4
    for demand, supply, cap_share, us_volume, approvals in itertools.product(
        (0.3, 0.6, 2.0), (0.3, 0.6, 0.7), (0.1, 0.3, 0.5), (1.4, 2.0, 3.0), (0.3, 0.6, 2.5)
    ):
        scenarios.append(
            {
                "demand": demand,
                "supply": supply,
                "cap_share": cap_share,
                "us_volume": us_volume,
                "approvals": approvals,
            }
        )
    return scenarios


def test_the_ledger_chart_names_what_the_ledger_names():
    from widgets.ledger.charts import binding_names_vega

    results = [ledger.ledger(**scenario) for scenario in _ledger_scenarios()]
    rows = [{"limits": list(r.limits.values()), "volume": r.volume} for r in results]
    texts = [r.binding_text for r in results]
    assert evaluate_in_vega(rows, binding_names_vega("datum.limits", "datum.volume")) == texts
    assert any("(tied)" in text for text in texts)
    assert any(text.count(" and ") >= 2 for text in texts)  # three limits tie


def _reply_rows(pairing_ratio: float) -> tuple[list[dict], list[str]]:
    rows, texts = [], []
    for cap, probability, domestic in itertools.product(
        (0.05, 0.25, 0.5, 0.75, 1.0), (0.05, 0.2, 0.4, 0.6, 0.9), (0.01, 0.2, 0.3, 0.8)
    ):
        reply = hedging.best_reply(
            pairing_ratio=pairing_ratio,
            us_share_cap=cap,
            cutoff_probability=probability,
            domestic_value=domestic,
        )
        rows.append(
            {
                "chosen": reply.import_share,
                "interior": reply.interior,
                "pairing": next(iter(reply.bounds.values())),
                "cap": cap,
            }
        )
        texts.append(reply.binding_text)
    return rows, texts


@pytest.mark.parametrize("pairing_ratio", [0, 1, 3])
def test_the_payoff_chart_names_what_the_best_reply_names(pairing_ratio):
    from widgets.hedging.charts import binding_names_vega

    rows, texts = _reply_rows(pairing_ratio)
    expression = binding_names_vega("datum.chosen", "datum.interior", "datum.pairing", "datum.cap")
    signals = {hedging.PARAMETERS["pairing_ratio"].name: pairing_ratio}
    assert evaluate_in_vega(rows, expression, signals) == texts
    assert any("(tied)" in text for text in texts)
    assert hedging.NO_IMPORTS in texts
