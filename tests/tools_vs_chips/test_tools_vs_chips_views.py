"""Chapter 2's data, charts, tables and lab, without a browser.

The data: every row sourced and cited, the disputed values consistent with the estimates they
are derived from, bad rows reported with file, row and column.  The views: sliders generated
from the declarations, browser expressions from the registry, the typeset forms equal to the
model's, and the lab on both stages.
"""

from __future__ import annotations

import csv
import importlib
import json
import math
import re
import shutil
from pathlib import Path

import ipywidgets
import pytest
import sympy as sp

from chipcontrols import tools_vs_chips
from chipcontrols.core.data import DATA_DIR, DataValidationError, load_table
from chipcontrols.tools_vs_chips.evidence import (
    capacity_estimates,
    control_events,
    disputed_inputs,
    estimate_value,
    estimates_of,
    last_event,
    toolmaker_shares,
)
from widgets.core.display import StaticLabView
from widgets.core.sliders import MULTIPLE_SUFFIX
from widgets.tools_vs_chips import bottleneck_chart, control_events_chart, denied_chart, race_chart
from widgets.tools_vs_chips.formulas import PARTS, display_forms, equations
from widgets.tools_vs_chips.tables import (
    elasticity_table,
    estimates_table,
    parameter_table,
    requirements_table,
    toolmaker_shares_table,
)

lab_module = importlib.import_module("widgets.tools_vs_chips.lab")
TABLES = ("capacity", "disputed_inputs", "control_events")


# --- data ------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_a_source_a_confidence_and_a_citation_the_bibliography_holds(
    table, bib_keys
):
    rows = load_table(table)
    for column in ("source_url", "source_title", "accessed", "confidence", "citation"):
        assert rows[column].notna().all(), column
    assert sorted(set(rows["citation"]) - bib_keys) == []


def test_the_estimates_the_issue_names_are_there_as_published():
    assert estimate_value("ascend-output-2025-bis") == 200_000
    assert estimates_of("ascend_output")[0].qualifier in ("at most", "about")
    assert estimate_value("ascend-output-2025-semianalysis") == 805_000
    assert estimate_value("ascend-output-2026-semianalysis") == 300_000
    assert estimate_value("ascend-shipments-2025-idc") == 812_000
    assert estimate_value("ascend-910c-output-2026-bloomberg") == 600_000
    assert estimate_value("ascend-dies-2026-bloomberg") == 1_600_000
    years = [
        e.year
        for e in estimates_of("smic_advanced_wafers_per_month")
        if e.estimator == "SemiAnalysis"
    ]
    assert years == [2025, 2026, 2027]


def test_derived_disputed_values_follow_from_the_estimates_they_cite():
    growth = disputed_inputs().set_index("dispute_id")["value"]
    semi = [estimate_value(f"smic-advanced-capacity-{y}-semianalysis") for y in (2025, 2027)]
    assert growth["growth-semianalysis-path"] == pytest.approx(
        math.log(semi[1] / semi[0]) / 2, abs=1e-4
    )
    dies = [estimate_value(f"ascend-dies-{y}-bloomberg") for y in (2025, 2026)]
    assert growth["growth-bloomberg-dies"] == pytest.approx(math.log(dies[1] / dies[0]), abs=0.005)
    assert growth["growth-smic-doubling"] == pytest.approx(math.log(2), abs=0.005)
    assert growth["hbm-eight-semianalysis"] == pytest.approx(13 / 1.6, abs=0.2)
    assert (
        growth["area-910b-die-shot"]
        == load_table("chips").set_index("chip_id").loc["huawei-ascend-910b", "die_area_mm2"]
    )


def test_disputed_values_lie_inside_the_declared_ranges():
    for row in disputed_inputs().itertuples():
        tools_vs_chips.PARAMETERS[row.parameter].check(row.value)


def _corrupt(tmp_path, name, row_index, column, value) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / f"{name}.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[row_index][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


@pytest.mark.parametrize(
    ("name", "column", "value"),
    [
        ("capacity", "unit", "wafers a fortnight"),
        ("capacity", "value", "lots"),
        ("disputed_inputs", "parameter", "die_yield"),
        ("control_events", "direction", "sideways"),
    ],
)
def test_a_bad_cell_is_reported_with_file_row_and_column(tmp_path, name, column, value):
    folder = _corrupt(tmp_path, name, 2, column, value)
    with pytest.raises(DataValidationError) as caught:
        load_table(name, folder)
    message = str(caught.value)
    assert f"{name}.csv" in message and "row 4" in message and column in message


def test_a_coded_event_missing_from_the_timeline_is_refused(tmp_path):
    folder = _corrupt(tmp_path, "control_events", 0, "event_id", "2031-01-01-no-such-event")
    with pytest.raises(DataValidationError, match="control_events.csv"):
        load_table("control_events", folder)


def test_every_us_control_event_of_the_timeline_with_a_direction_is_coded_once():
    coded = control_events()
    assert coded["event_id"].is_unique
    assert set(coded["event_id"]) <= set(load_table("timeline")["event_id"])


def test_no_coding_note_calls_an_event_the_last():
    # "The last tool-side tightening" is computed (last_event), never written into a row.
    for note in control_events()["note"]:
        assert not re.search(r"\blast\b", note, re.IGNORECASE), note


def test_the_last_event_is_the_latest_matching_date_of_the_coding_given():
    book = control_events()
    coding = book[["event_id", "instrument", "direction"]]
    last = last_event(coding, branch="executive", side="tools", direction="tightening")
    assert f"{last:%Y-%m-%d}" == "2025-08-29"  # the VEU revocation, read from the BIS release
    # Recode that event as a loosening: the last tightening falls back to 2 December 2024.
    recoded = coding.copy()
    recoded.loc[recoded["event_id"] == "2025-08-29-bis-revokes-veu-china-fabs", "direction"] = (
        "loosening"
    )
    last = last_event(recoded, branch="executive", side="tools", direction="tightening")
    assert f"{last:%Y-%m-%d}" == "2024-12-02"
    # A list of firms (entities) never counts on the tools side.
    entities_only = coding.assign(instrument="entities")
    with pytest.raises(ValueError, match="no coded event"):
        last_event(entities_only, branch="executive", side="tools", direction="tightening")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"branch": "senate", "side": "tools", "direction": "tightening"}, "branch = 'senate'"),
        ({"branch": "executive", "side": "hbm", "direction": "tightening"}, "side = 'hbm'"),
        ({"branch": "executive", "side": "tools", "direction": "up"}, "direction = 'up'"),
    ],
)
def test_last_event_names_a_bad_label(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        last_event(control_events(), **kwargs)


def test_toolmaker_shares_are_the_newest_quarters_of_chapter_3s_table():
    table = load_table("allied_china_revenue")
    shares = toolmaker_shares(quarters=2)
    for holder, rows in shares.groupby("holder"):
        assert len(rows) <= 2
        assert rows["period_end"].is_monotonic_decreasing
        published = table[
            (table["holder"] == holder)
            & (table["period_type"] == "quarter")
            & table["china_share_percent"].notna()
        ]
        newest = max(str(d)[:10] for d in published["period_end"])
        assert f"{rows['period_end'].iloc[0]:%Y-%m-%d}" == newest
    html = toolmaker_shares_table().data
    assert html.count("<tr>") == len(shares) + 1


@pytest.mark.parametrize("quarters", [0, 9, 1.5, True, "2"])
def test_toolmaker_shares_refuse_a_bad_number_of_quarters(quarters):
    with pytest.raises(ValueError, match="quarters = "):
        toolmaker_shares(quarters=quarters)


# --- charts -----------------------------------------------------------------------------------

CHARTS = {"bottleneck": bottleneck_chart, "race": race_chart, "denied": denied_chart}


@pytest.mark.parametrize("name", CHARTS)
def test_chart_sliders_are_generated_from_the_declarations(name):
    spec = CHARTS[name]().spec()
    params = {p["name"]: p for p in spec["params"] if "bind" in p}
    derived = {p["name"]: p["expr"] for p in spec["params"] if "expr" in p}
    assert params, name
    for param_name, param in params.items():
        if param_name.endswith(MULTIPLE_SUFFIX):
            # A growth rate: the slider moves the multiple a year, e^rate, from e^default
            # (to the slider's step), and the log rate the formulas read is derived from it.
            declared = tools_vs_chips.PARAMETERS[param_name.removesuffix(MULTIPLE_SUFFIX)]
            assert param["value"] == pytest.approx(math.exp(declared.default), abs=5e-4)
            assert param["bind"]["min"] == pytest.approx(math.exp(declared.minimum), abs=1e-3)
            assert param["bind"]["max"] == pytest.approx(math.exp(declared.maximum), abs=1e-3)
            assert f"log({param_name})" in derived[declared.name]
            assert param["bind"]["name"] == f"{declared.label} (× a year) "
            continue
        declared = tools_vs_chips.PARAMETERS[param_name]
        assert param["value"] == declared.default
        assert (param["bind"]["min"], param["bind"]["max"], param["bind"]["step"]) == (
            declared.minimum,
            declared.maximum,
            declared.step,
        )
        assert param["bind"]["name"].startswith(declared.label)


def test_browser_expressions_come_from_the_registry():
    forms = tools_vs_chips.FORMS
    bottleneck = json.dumps(bottleneck_chart().spec())
    assert forms["hbm_at_which_wafers_bind"].vega() in bottleneck
    assert forms["wafer_limit"].vega() in bottleneck and forms["hbm_limit"].vega() in bottleneck
    race = json.dumps(race_chart().spec())
    assert forms["crossover_with"].vega() in race and forms["years_bought"].vega() in race
    denied = json.dumps(denied_chart().spec())
    assert forms["denied_by_tool_controls"].vega({"horizon_years": "datum.horizon"}) in denied


def test_descriptions_state_the_defaults_computed_by_the_model():
    wafer = (
        0.10
        * 12
        * 45_000
        / 1e6
        * (math.pi * 150**2 / 665.61 - math.pi * 300 / math.sqrt(2 * 665.61))
        * 0.4
        / 2
    )
    assert f"wafers allow {wafer:.2f} million" in bottleneck_chart().description
    crossover = math.log(0.7 / 0.243) / 0.2877
    assert f"after {crossover:.1f} years with tool controls" in race_chart().description
    assert "T*" in denied_chart().description


def test_the_control_events_chart_has_one_point_per_coded_event():
    spec = control_events_chart().spec()
    rows = spec["datasets"][next(iter(spec["datasets"]))]
    assert len(rows) == len(control_events())
    description = control_events_chart().description
    assert "Executive tool-side tightenings: 4, the last in August 2025" in description


# --- typeset forms and tables ---------------------------------------------------------------------


def test_the_typeset_forms_substitute_back_to_the_models_expressions():
    forms = display_forms()
    at_300 = {PARTS["diameter"]: 300}
    assert sp.simplify(forms["gross_dies"].subs(at_300) - tools_vs_chips.GROSS_DIES) == 0
    back = forms["wafer_limit"].subs(
        {
            PARTS["gross"]: tools_vs_chips.GROSS_DIES,
            PARTS["effective"]: tools_vs_chips.EFFECTIVE_WAFERS,
        }
    )
    assert sp.simplify(back - tools_vs_chips.WAFER_LIMIT) == 0
    threshold = forms["threshold"].subs(PARTS["wafer"], tools_vs_chips.WAFER_LIMIT)
    assert sp.simplify(threshold - tools_vs_chips.HBM_AT_WHICH_WAFERS_BIND) == 0
    elasticity = forms["die_area_elasticity"].subs(at_300)
    model = tools_vs_chips.ELASTICITIES["wafers"]["ascend_die_area"]
    for area in (300.0, 456.25, 665.61, 858.0):
        point = {tools_vs_chips.ascend_die_area: area}
        assert math.isclose(float(elasticity.subs(point)), float(model.subs(point)), rel_tol=1e-12)


def test_the_formulas_are_written_by_hand_with_ln_and_named_symbols():
    shown = {key: formula.textbook for key, formula in equations().items()}
    assert r"\frac{\pi d}{\sqrt{2A}}" in shown["gross_dies"]
    assert r"\ln(M/D_{\mathrm{now}})" in shown["crossover"]
    assert not any(r"\log" in text or "22500" in text or "150" in text for text in shown.values())


def test_tables_list_every_declaration_and_every_estimate_with_its_source():
    params = parameter_table().data
    assert params.count("<tr>") == len(tools_vs_chips.PARAMETERS) + 1
    estimates = estimates_table().data
    shown = capacity_estimates()
    shown = shown[shown["quantity"].str.startswith(("smic", "hbm", "ascend"))]
    for row in shown.itertuples():
        assert row.source_url.replace("&", "&amp;") in estimates
    assert elasticity_table().data.count("<tr>") == len(tools_vs_chips.LEVERS) + 1
    assert requirements_table().data.count("<tr>") == 7


# --- the lab ----------------------------------------------------------------------------------


def test_the_lab_is_a_static_view_with_a_chart_on_the_website(static_site):
    lab = lab_module.tools_vs_chips_lab()
    assert isinstance(lab, StaticLabView)
    html = lab._repr_mimebundle_()["text/html"]
    assert "default state" in html and "make lab" in html and 'class="h200-chart"' in html
    assert "numerical root" in html and "Servicing-ban shock" in html


def test_the_live_lab_recomputes_from_the_model_when_a_slider_moves(live_kernel):
    lab = lab_module.tools_vs_chips_lab()
    assert isinstance(lab, ipywidgets.VBox)
    assert "HBM binds" in lab.html and "the wafers bind" not in lab.html.split("</li>")[0]
    lab.sliders["hbm_supply"].value = 15.0
    first = lab.html.split("</li>")[0]
    assert "the wafers bind" in first
    lab.sliders["growth_with_controls"].value = 0.0
    assert "Lambert W form gives" in lab.html
    assert {slider.min for slider in lab.sliders.values()} <= {
        p.minimum for p in tools_vs_chips.PARAMETERS.values()
    }
