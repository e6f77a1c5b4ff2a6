"""Charts and labs on both stages: static HTML for the website, live objects in a kernel."""

import json
import re

import ipywidgets
import pytest

from chipcontrols.eccn3a090 import HYPOTHETICAL_DIE_AREA, HYPOTHETICAL_TPP
from widgets import classifier_chart, classifier_lab
from widgets.display import BUILD_ENV, StaticLabView


@pytest.fixture
def static_site(monkeypatch):
    monkeypatch.setenv(BUILD_ENV, "html")


@pytest.fixture
def live_kernel(monkeypatch):
    monkeypatch.delenv(BUILD_ENV, raising=False)


def _embedded_spec(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="[^"]+-spec">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_static_chart_is_html_that_loads_nothing_from_elsewhere(static_site, chips):
    bundle = classifier_chart(chips)._repr_mimebundle_()
    html = bundle["text/html"]
    assert 'class="h200-chart"' in html and "vegaEmbed(" in html
    assert not re.search(r"<script[^>]+src=", html)
    assert not any(key.startswith("application/vnd.vegalite") for key in bundle)
    spec = _embedded_spec(html)
    assert spec["description"].startswith("Scatter plot of")


def test_static_chart_sliders_and_browser_expressions_come_from_the_model(static_site, chips):
    spec = _embedded_spec(classifier_chart(chips)._repr_mimebundle_()["text/html"])
    params = {p["name"]: p for p in spec["params"]}
    for declared in (HYPOTHETICAL_TPP, HYPOTHETICAL_DIE_AREA):
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
