"""Chapter 4's views: charts are specs whose sliders come from the declarations; the lab redraws.

The lab's numbers are compared with the model (:mod:`chipcontrols.catchup.learning`); the
charts' Vega expressions are checked to be the registered forms' own.
"""

import json

import pytest

from chipcontrols.catchup import (
    cost,
    learning,
    yields,
)
from widgets.catchup import (
    cost_chart,
    cost_race_chart,
    lab as catchup_lab,
    performance_chart,
    reliability_chart,
)
from widgets.core.display import StaticLabView


@pytest.mark.parametrize(
    "make", [cost_chart, performance_chart, cost_race_chart, reliability_chart]
)
def test_charts_are_small_described_and_use_declared_sliders(make):
    figure = make()
    spec = json.dumps(figure.spec())
    assert len(spec) < 30_000  # inline data: small tables only
    assert len(figure.description.split()) >= 40
    assert '"bind"' in spec and "binding" not in figure.description


def test_cost_chart_evaluates_the_registered_cost_forms():
    spec = json.dumps(cost_chart().spec())
    for model in yields.YIELD_MODEL_NAMES:
        form = yields.FORMS["cost"][model].vega({"defect_density": "datum.defect_density"})
        assert json.dumps(form)[1:-1] in spec


def test_race_chart_evaluates_the_registered_crossover():
    spec = json.dumps(cost_race_chart().spec())
    assert json.dumps(cost.FORMS["crossover"].vega())[1:-1] in spec
    assert json.dumps(cost.FORMS["gamma_min"].vega())[1:-1] in spec


def test_lab_table_agrees_with_the_model():
    table = catchup_lab.scenario_table("Murphy", multiples=(1.0, 3.0))
    curve = learning.fit(model="Murphy")
    assert table["yield"].tolist() == pytest.approx([0.4, curve.yield_at(3.0)])
    assert table["cost_usd"].iloc[0] == pytest.approx(yields.cost_at_yield(0.4))


def test_live_lab_redraws_when_a_slider_or_the_model_changes(live_kernel):
    lab = catchup_lab.learning_lab()
    assert isinstance(lab, catchup_lab.LearningLab)
    before = lab.html
    lab.sliders["yield_later"].value = 0.5
    assert lab.html != before and f"θ = {learning.fit(yield_later=0.5).exponent:.3f}" in lab.html
    lab.model.value = "negative binomial"
    assert "negative binomial" in lab.html


def test_live_lab_reports_bad_combinations_instead_of_raising(live_kernel):
    lab = catchup_lab.learning_lab()
    lab.sliders["yield_later"].value = 0.1  # below the earlier yield
    assert "must be higher" in lab.html


def test_static_lab_is_its_default_state(static_site):
    view = catchup_lab.learning_lab()
    assert isinstance(view, StaticLabView)
    html = view._repr_mimebundle_()["text/html"]
    assert f"θ = {learning.fit().exponent:.3f}" in html and "Binder" in html
