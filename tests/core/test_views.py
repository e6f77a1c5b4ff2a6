"""Charts and labs on both stages: static HTML for the website, live objects in a kernel."""

import json
import re

import ipywidgets
import pytest

from chipcontrols.eccn3a090 import DIE_AREA, TPP
from widgets.core.display import StaticLabView
from widgets.eccn3a090 import classifier_chart, classifier_lab


def _embedded_spec(html: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="[^"]+-spec">(.*?)</script>', html, re.S
    )
    return json.loads(match.group(1))


def test_static_chart_is_html_that_loads_nothing_from_elsewhere(static_site, chips):
    bundle = classifier_chart(chips)._repr_mimebundle_()
    html = bundle["text/html"]
    assert 'class="h200-chart"' in html and 'data-spec="' in html
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<script(?![^>]*application/json)", html), "no script runs per chart"
    assert not any(key.startswith("application/vnd.vegalite") for key in bundle)
    spec = _embedded_spec(html)
    assert spec["description"].startswith("Scatter plot of")


def test_static_chart_sliders_and_browser_expressions_come_from_the_model(static_site, chips):
    spec = _embedded_spec(classifier_chart(chips)._repr_mimebundle_()["text/html"])
    params = {p["name"]: p for p in spec["params"]}
    for declared in (TPP, DIE_AREA):
        assert params[declared.name]["bind"]["max"] == declared.maximum
    expressions = json.dumps(spec)
    assert "tpp/die_area" in expressions and "4800" in expressions and "5.92" in expressions


def test_chart_lists_chips_it_cannot_place(static_site, chips):
    figure = classifier_chart(chips)
    assert "Instinct MI308X (throughput not published)" in figure.footnote


def test_live_chart_uses_altairs_own_renderer(live_kernel, chips):
    bundle = classifier_chart(chips)._repr_mimebundle_()
    bundle = bundle[0] if isinstance(bundle, tuple) else bundle
    shown = json.dumps(bundle)
    assert "h200-chart" not in shown  # Altair's renderer, not the website's embedding
    assert "3A090" in shown


def test_lab_is_a_static_view_on_the_website(static_site, chips):
    lab = classifier_lab(chips)
    assert isinstance(lab, StaticLabView)
    html = lab._repr_mimebundle_()["text/html"]
    assert "default state" in html and "make lab" in html and 'class="h200-chart"' in html


def test_live_lab_redraws_when_a_slider_moves(live_kernel, chips):
    lab = classifier_lab(chips)
    assert isinstance(lab, ipywidgets.VBox)
    assert lab.children[:2] == (lab.tpp_slider, lab.area_slider)
    lab.area_slider.value = 4000
    lab.tpp_slider.value = 4700
    assert "classed not controlled" in lab.figure.description
    lab.tpp_slider.value = 4800
    assert "classed 3A090.a" in lab.figure.description


# -- chapter 1: the ledger views ----------------------------------------------------------


def _bound_params(spec: dict) -> dict[str, dict]:
    return {p["name"]: p for p in spec.get("params", []) if "bind" in p}


def test_ledger_chart_sliders_are_generated_from_the_declarations(static_site):
    from chipcontrols import ledger as model
    from widgets.ledger.charts import LEDGER_SLIDERS, ledger_chart

    spec = _embedded_spec(ledger_chart()._repr_mimebundle_()["text/html"])
    params = _bound_params(spec)
    for name in LEDGER_SLIDERS:
        declared = model.PARAMETERS[name]
        bind = params[name]["bind"]
        assert (params[name]["value"], bind["min"], bind["max"], bind["step"]) == (
            declared.default,
            declared.minimum,
            declared.maximum,
            declared.step,
        )
    switch = params["h100e_per_chip"]["bind"]
    assert switch["input"] == "radio"
    assert switch["options"] == pytest.approx([1.0, 4800 / 3350])


def test_ledger_lab_redraws_from_the_model_when_a_slider_moves(live_kernel):
    from chipcontrols import ledger as model
    from widgets.ledger.lab import LedgerLab, ledger_lab

    lab = ledger_lab()
    assert isinstance(lab, LedgerLab)
    assert model.ledger().binding_text.replace("'", "&#x27;") in lab.html
    lab.sliders["approvals"].value = 2.5
    assert "US cap" in lab.html and "0.50 million chips" in lab.html
    lab.sliders["target_ratio"].value = 5.0
    q_star = model.closed_form_results(target_ratio=5.0, approvals=2.5).volume_for_target
    assert f"{q_star:.2f} million chips" in lab.html
    lab.basis.value = lab.basis.options[1][1]
    ratio = model.scenarios([2.0], approvals=2.5, h100e_per_chip=lab.basis.value)["ratio"].iloc[0]
    assert f"{ratio:,.2f}" in lab.html


def test_ledger_lab_on_the_static_site_shows_its_default_state(static_site):
    from chipcontrols import ledger as model
    from widgets.ledger.lab import ledger_lab

    html = ledger_lab()._repr_mimebundle_()["text/html"]
    assert "live lab, shown here in its default state" in html
    assert f"Q* for a target of {model.TARGET_RATIO.default:g}×" in html
    assert html.count("<tr") == 1 + len(model.scenario_volumes())  # header, one row per volume


def test_timeline_rejects_an_unknown_actor_group(chips):
    from chipcontrols.core.data import load_table
    from widgets.eccn3a090.history import timeline_chart

    events = load_table("timeline")
    events.loc[0, "actor_group"] = "Martians"
    with pytest.raises(ValueError, match="Martians"):
        timeline_chart(events)


def test_a_rate_per_year_slides_as_its_multiple_and_the_formulas_read_its_log_rate():
    from chipcontrols import tools_vs_chips
    from widgets.core.sliders import altair_param, altair_params, ipywidgets_slider

    growth = tools_vs_chips.PARAMETERS["growth_without_controls"]
    slider, derived = (p.param.to_dict() for p in altair_params([growth]))
    assert slider["name"] == "growth_without_controls_per_year"
    assert slider["bind"]["name"] == "Growth of capacity without tool controls (× a year) "
    assert slider["value"] == 1.822  # e^0.6 on the slider's grid
    assert derived["name"] == "growth_without_controls"
    assert "log(growth_without_controls_per_year)" in derived["expr"]
    with pytest.raises(ValueError, match="use altair_params"):
        altair_param(growth)
    kernel = ipywidgets_slider(growth)
    assert kernel.value == 0.6 and "×1.82 a year" in kernel.description
    kernel.value = 0.0
    assert "×1.00 a year" in kernel.description
