"""Chapter 3's views without a browser: specs built from declarations and the model's tables."""

from __future__ import annotations

import json

import pytest

from chipcontrols import coalition
from chipcontrols.coalition import cascade, staghunt
from chipcontrols.core.data import load_table
from widgets.coalition import allied_record_chart, cascade_chart, holders_table, staghunt_chart
from widgets.coalition.charts import CASCADE_SLIDERS, STAGHUNT_SLIDERS, _critical_spread_lookup
from widgets.coalition.lab import CascadeLab, cascade_lab_html
from widgets.coalition.record import EVENTS, event_table, record_table


def _params(spec: dict) -> dict[str, dict]:
    found = {}
    for param in spec.get("params", []):
        found[param["name"]] = param
    for layer in spec.get("layer", []):
        for param in layer.get("params", []):
            found[param["name"]] = param
    return found


@pytest.mark.parametrize(
    ("figure", "names", "parameters"),
    [
        (staghunt_chart, STAGHUNT_SLIDERS, staghunt.PARAMETERS),
        (cascade_chart, CASCADE_SLIDERS, cascade.PARAMETERS),
    ],
)
def test_sliders_come_from_the_declarations(figure, names, parameters):
    params = _params(figure().spec())
    for name in names:
        bind, declared = params[name]["bind"], parameters[name]
        assert params[name]["value"] == declared.default
        assert (bind["min"], bind["max"], bind["step"]) == (
            declared.minimum,
            declared.maximum,
            declared.step,
        )


def test_cascade_chart_chains_the_registered_step_and_stays_small():
    spec = json.dumps(cascade_chart().spec())
    step = cascade.FORMS["normal_step"].vega({"seller_share": "datum.x59"})
    assert step in spec and f"datum.x{cascade.BROWSER_STEPS}" in spec
    assert len(spec) < 80_000


def test_the_critical_spread_lookup_is_the_models_table():
    lookup = _critical_spread_lookup()
    table = coalition.critical_spread_table(step=0.01)
    values = json.loads(lookup[lookup.index("[") : lookup.index("]") + 1])
    assert values == pytest.approx([row["critical_spread"] for row in table], abs=5e-5)
    assert values[20] == pytest.approx(
        coalition.critical_spread(0.3), abs=5e-5
    )  # mean 0.1 + 20 steps


def test_record_chart_plots_every_published_share_and_marks_every_event():
    table = load_table("allied_china_revenue")
    expected = table[
        table.holder.isin(["ASML", "Tokyo Electron", "Applied Materials", "Lam Research", "KLA"])
        & table.china_share_percent.notna()
    ]
    assert len(record_table()) == len(expected)
    assert len(event_table()) == len(EVENTS)
    assert "Toolmaker" in json.dumps(allied_record_chart().spec())


def test_descriptions_say_what_to_look_for():
    for figure in (staghunt_chart(), cascade_chart(), allied_record_chart()):
        assert len(figure.description.split()) >= 40


def test_lab_default_state_is_the_h200_seed():
    text = cascade_lab_html()
    assert "first mover" in text and text.count(">holds<") == 4
    assert "US toolmakers and US chipmakers" in text
    bound = cascade_lab_html(
        seed=("US toolmakers", "US chipmakers"), bound=coalition.MATCH_ACT_BOUND
    )
    assert "bound by league rule" in bound and "No set of first movers" in bound


def test_live_lab_recomputes_when_a_box_or_slider_changes():
    lab = CascadeLab()
    assert lab.html.count(">sells<") == 0
    lab.first_mover["US toolmakers"].value = True
    assert lab.html.count(">sells<") == 3  # Japan, the Netherlands, Korea follow
    lab.bound["Japan"].value = True
    assert lab.html.count(">sells<") == 0
    lab.bound["Japan"].value = False
    lab.threshold["Korean memory makers"].value = 1.0
    assert lab.html.count(">sells<") == 2


def test_holders_table_names_every_company():
    html = holders_table().data
    for stake in coalition.company_stakes():
        assert stake.holder in html


def test_cascade_chart_axes_label_shares_in_tenths_without_crowding():
    # the labels once ran together at the corners ("0.000.05"): both axes now carry the eleven
    # tenths from 0 to 1 with one decimal, drop labels that would overlap, keep end labels inside
    spec = cascade_chart().spec()
    axes = [
        layer["encoding"][channel]["axis"]
        for layer in spec["layer"]
        for channel in ("x", "y")
        if "axis" in layer.get("encoding", {}).get(channel, {})
    ]
    assert axes
    for axis in axes:
        assert axis["values"] == pytest.approx([i / 10 for i in range(11)])
        assert axis["format"] == ".1f"
        assert axis["labelOverlap"] and axis["labelFlush"]
        assert "tickCount" not in axis  # a tick count thins explicit values in Vega
