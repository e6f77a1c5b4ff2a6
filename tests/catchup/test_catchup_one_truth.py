"""Issue 21 for chapter 4: one computation, one date and one stated basis for each fact.

Each test recomputes or re-reads the fact from its inputs (the record, the data tables, the
chapter's source), so it fails if the chapter, a chart or a table drifts from the others.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from chipcontrols import catchup
from chipcontrols.catchup import prose
from chipcontrols.core import figures, record
from chipcontrols.core.data import load_table

CHAPTER = Path(__file__).resolve().parents[2] / "chapters" / "04-domestic-chips.md"
SOURCE = CHAPTER.read_text(encoding="utf-8")
LINES = SOURCE.splitlines()


def _exact_waste(chips: float, multiple: float, save_minutes: float = 1.0) -> float:
    """Expected share of time lost at Young's interval with Poisson failures, from Meta's run."""
    per_gpu_hour = record.value("llama3_unexpected_interruptions") / (
        record.value("llama3_snapshot_days") * 24 * record.value("llama3_cluster_gpus")
    )
    # The model declares the rate per million GPU-hours rounded to two decimals (its source says so).
    per_gpu_hour = round(per_gpu_hour * 1e6, 2) / 1e6
    mtbf = 1 / (chips * multiple * per_gpu_hour)
    save = save_minutes / 60
    interval = math.sqrt(2 * save * mtbf)
    return 1 - interval / (mtbf * math.expm1((interval + save) / mtbf))


def test_the_text_and_the_chart_quote_the_same_exact_waste():
    chips = record.value("llama3_cluster_gpus")
    k = catchup.reliability.PARAMETERS["ascend_failure_multiple"].default
    h100, ascend = 100 * _exact_waste(chips, 1.0), 100 * _exact_waste(chips, k)
    figures = prose.prose_figures()
    assert figures["exact_waste_h100_percent"] == pytest.approx(h100, rel=1e-9)
    assert figures["exact_waste_ascend_percent"] == pytest.approx(ascend, rel=1e-9)
    from widgets.catchup.clock_charts import reliability_chart

    caption = reliability_chart().description
    assert f"H100s waste {h100:.0f}%" in caption
    assert f"Ascend chips {ascend:.0f}%" in caption
    # The first-order figure is larger: quoting it as "the" waste would disagree with the chart.
    assert figures["waste_ascend_percent"] > figures["exact_waste_ascend_percent"] + 0.5


def test_the_first_order_waste_appears_only_where_the_text_says_first_order():
    first_order = re.compile(
        r"`catchup_(prose|sol_rel|sol_memo)_waste_(h100|ascend)_percent"
        r"|`catchup_sol_rel_waste_superpod_percent"
    )
    for line in LINES:
        if first_order.search(line):
            assert "first-order" in line or "first order" in line, line[:120]
    # The headline comparison (claims table, memo) uses the exact figures.
    assert "catchup_prose_exact_waste_ascend_percent" in SOURCE
    assert "catchup_sol_memo_exact_waste_ascend_percent" in SOURCE


def test_idcs_server_share_is_for_the_first_half_of_2025_in_text_and_table():
    market = load_table("domestic_market").set_index("figure_id")
    row = market.loc["idc-h1-2025-domestic-server-share"]
    assert "first half of 2025" in row["note"].lower()
    label = catchup.market.period_label("idc-h1-2025-domestic-server-share", int(row["period"]))
    assert label == "first half of 2025"
    from widgets.catchup.tables import market_table

    assert "first half of 2025" in market_table().data
    sentences = [s for s in LINES if "catchup_market_idc_h1_2025_domestic_server_share" in s]
    assert sentences and all("first half of 2025" in s for s in sentences)


def test_the_grid_plan_is_dated_by_its_first_report_everywhere():
    mandate = (
        load_table("domestic_mandates").set_index("mandate_id").loc["national-2026-06-draft-grid"]
    )
    event = (
        load_table("timeline")
        .set_index("event_id")
        .loc["2026-06-10-china-drafts-national-ai-grid"]
    )
    step = load_table("dependence").set_index("step_id").loc["grid-80-percent-domestic"]
    dates = {str(x)[:10] for x in (mandate["date"], event["date"], step["date"])}
    assert dates == {"2026-06-09"}
    assert {mandate["citation"], event["citation"], step["citation"]} == {"bloomberg2026grid"}
    assert "first reported by Bloomberg on 9 June" in SOURCE


def test_the_state_funded_rule_is_not_called_national_without_qualification():
    row = (
        load_table("domestic_mandates")
        .set_index("mandate_id")
        .loc["national-2025-11-state-funded"]
    )
    assert "unclear" in row["issuer"] and "provinces" in row["scope"]
    for line in LINES:
        if "November 2025" in line and "state fund" in line:
            assert "national" not in line or "unclear" in line or "could not say" in line, line


def test_both_dates_for_alibabas_v900_are_in_the_roadmap_and_marked_disputed():
    table = catchup.roadmap().set_index("entry_id")
    may, september = (
        table.loc["alibaba-zhenwu-v900-2026-05"],
        table.loc["alibaba-zhenwu-v900-2026"],
    )
    assert (may["planned_year"], may["planned_quarter"]) == (2027, 3)
    assert (september["planned_year"], september["planned_quarter"]) == (2027, 1)
    assert "Disputed" in may["note"] and "Disputed" in september["note"]
    assert table.loc["alibaba-zhenwu-m890-2026", "status_2026_11"] == "launched"
    assert any("V900" in line and "disputed" in line for line in LINES)


def test_deepseek_v4_enters_the_evidence_at_the_confidence_each_claim_supports():
    table = catchup.evidence().set_index("evidence_id")
    assert table.loc["deepseek-2026-v4-release", "confidence"] == "high"
    assert "unverified" in table.loc["deepseek-2026-v4-release", "note"]
    post = table.loc["huawei-2026-v4-pro-post-training"]
    assert post["confidence"] == "low" and int(post["accelerators"]) >= 1000
    line = next(s for s in LINES if "catchup_prose_v4_post_training_chips" in s)
    assert "low-confidence" in line


def test_chapter_four_states_its_output_growth_beside_chapter_twos():
    capacity = load_table("capacity").set_index("estimate_id")["value"]
    path = (
        math.log(
            capacity["smic-advanced-capacity-2027-semianalysis"]
            / capacity["smic-advanced-capacity-2025-semianalysis"]
        )
        / 2
    )
    figures = prose.prose_figures()
    assert figures["growth_semianalysis_path"] == pytest.approx(path, abs=5e-5)
    assert (
        figures["growth_semianalysis_path"]
        < catchup.cost.PARAMETERS["huawei_output_growth"].default
    )
    assert figures["semianalysis_output_2026"] < figures["semianalysis_output_2025"]
    assert "Chapter 2" in next(s for s in LINES if "catchup_prose_growth_semianalysis_path" in s)


def test_the_cost_arithmetic_says_it_covers_smic_made_dies():
    line = next(s for s in LINES if "catchup_prose_cost_at_target" in s and "costs about" in s)
    after = LINES[LINES.index(line) + 1]
    assert "SMIC" in after and "TSMC" in after


def test_every_not_found_in_the_text_carries_the_date_of_the_search():
    searched = figures.record_period()["searched_text"]
    assert searched == "8 December 2026"  # the record's latest access date, as the brief states
    for line in LINES:
        low = line.lower()
        if (
            "not found" in low or "was found" in low or "we found no" in low
        ) and not line.startswith(("```", "print", "#")):
            at = LINES.index(line)
            block = " ".join(LINES[max(0, at - 1) : at + 2])
            assert "`period_searched_text`" in block, line[:120]
