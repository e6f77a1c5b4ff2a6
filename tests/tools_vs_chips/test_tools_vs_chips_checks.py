"""Chapter 2's answer checks: right answers pass, wrong ones get a hint and never the answer.

Right answers are worked here by hand (plain math, a bisection written in the test), not by
calling the model, so a check that drifted from the chapter's formulas would fail.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from chipcontrols import tools_vs_chips
from chipcontrols.tools_vs_chips.evidence import control_events
from chipcontrols.tools_vs_chips.variants import chapter2_variant

D0, M, GC, GF = 0.243, 0.7, 0.2877, 0.6


def gross(area, diameter=300.0):
    return math.pi * (diameter / 2) ** 2 / area - math.pi * diameter / math.sqrt(2 * area)


def wafer_limit(area=665.61, dies=2.0, yield_=0.4, share=0.10, starts=45.0):
    return share * 12 * starts / 1000 * gross(area) * yield_ / dies


def bisect_horizon(m, d0, gc, gf):
    if gf <= gc:
        return math.inf

    def cumulative(rate, t):
        return d0 * t if rate == 0 else d0 * math.expm1(rate * t) / rate

    gap = lambda t: cumulative(gf, t) - cumulative(gc, t) - m * t  # noqa: E731
    low, high = 1e-9, 1.0
    while gap(high) <= 0:
        low, high = high, 2 * high
    for _ in range(200):
        mid = (low + high) / 2
        low, high = (mid, high) if gap(mid) <= 0 else (low, mid)
    return (low + high) / 2


# --- placeholders ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "check",
    [
        lambda: tools_vs_chips.checks.check_gross_dies(..., ascend_die_area=600),
        lambda: tools_vs_chips.checks.check_hbm_threshold(...),
        lambda: tools_vs_chips.checks.check_crossover(...),
        lambda: tools_vs_chips.checks.check_horizon(...),
        lambda: tools_vs_chips.checks.check_horizon_function(...),
        lambda: tools_vs_chips.checks.check_estimate_requirements(
            "ascend-output-2025-bis", hbm_stacks=..., ai_wafer_share=...
        ),
        lambda: tools_vs_chips.checks.check_shift_table(..., {}),
    ],
)
def test_a_starter_cell_as_it_stands_says_what_to_fill_in(check):
    result = check()
    assert not result and str(result).startswith("Not yet: fill in")


def test_a_function_that_still_returns_the_placeholder_is_not_an_error():
    result = tools_vs_chips.checks.check_horizon_function(
        lambda chip_imports, domestic_output, growth_with_controls, growth_without_controls: ...
    )
    assert str(result).startswith("Not yet: fill in")


def test_an_uncoded_event_is_reported_not_raised():
    coding = {event_id: (..., ...) for event_id in control_events()["event_id"]}
    assert str(tools_vs_chips.checks.check_event_coding(coding)).startswith("Not yet: fill in")


# --- gross dies and the threshold -----------------------------------------------------------


def test_gross_dies_right_and_the_no_edge_mistake_gets_its_hint():
    assert tools_vs_chips.checks.check_gross_dies(gross(600), ascend_die_area=600)
    wrong = tools_vs_chips.checks.check_gross_dies(math.pi * 150**2 / 600, ascend_die_area=600)
    assert not wrong and "edge" in wrong.message and f"{gross(600):.1f}" not in wrong.message


def test_hbm_threshold_right_at_the_defaults_and_in_a_scenario():
    assert tools_vs_chips.checks.check_hbm_threshold(8 * wafer_limit())
    assert tools_vs_chips.checks.check_hbm_threshold(
        6 * wafer_limit(area=600, dies=1, yield_=0.5),
        ascend_die_area=600,
        dies_per_package=1,
        ascend_yield=0.5,
        hbm_per_package=6,
    )


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (wafer_limit(), "counted in HBM stacks"),  # forgot s_h
        (8 * wafer_limit() / 12, "per month"),  # forgot twelve months
        (8 * wafer_limit() * 2, "n_d dies"),  # forgot dies per package
        (8 * wafer_limit() / 0.4, "good dies"),  # forgot the yield
        (1.0, "allow the same number of accelerators"),
    ],
)
def test_hbm_threshold_mistakes_get_a_hint_and_not_the_answer(answer, hint):
    result = tools_vs_chips.checks.check_hbm_threshold(answer)
    assert not result and hint in result.message
    assert f"{8 * wafer_limit():.2f}" not in result.message


def test_hbm_threshold_refuses_a_scenario_outside_the_declared_ranges_with_a_hint():
    outside = tools_vs_chips.checks.check_hbm_threshold(1.0, dies_per_package=7)
    assert not outside and "dies_per_package = 7 is outside the valid range [1, 4]" in str(outside)
    unknown = tools_vs_chips.checks.check_hbm_threshold(1.0, chip_imports=0.5)
    assert not unknown and "unknown parameter" in str(unknown)


# --- the race --------------------------------------------------------------------------------


def test_crossover_right_with_and_without_controls():
    assert tools_vs_chips.checks.check_crossover(math.log(M / D0) / GC, controls=True)
    assert tools_vs_chips.checks.check_crossover(math.log(M / D0) / GF, controls=False)
    wrong = tools_vs_chips.checks.check_crossover(math.log10(M / D0) / GC)
    assert not wrong and "natural logarithm" in wrong.message


@pytest.mark.parametrize("growth", [0.4, 0.75, 0.9])
def test_horizon_right_for_the_exercise_growth_rates(growth):
    assert tools_vs_chips.checks.check_horizon(
        bisect_horizon(M, D0, GC, growth), growth_without_controls=growth
    )


def test_horizon_confused_with_the_crossover_year_gets_that_hint():
    result = tools_vs_chips.checks.check_horizon(math.log(M / D0) / GC)
    assert not result and "crossover year" in result.message


def test_horizon_infinity_is_right_only_when_no_root_exists():
    assert tools_vs_chips.checks.check_horizon(math.inf, growth_without_controls=0.2)
    assert not tools_vs_chips.checks.check_horizon(math.inf)
    assert not tools_vs_chips.checks.check_horizon(3.0, growth_without_controls=0.2)


def test_a_correct_horizon_function_passes_and_a_wrong_one_fails():
    assert tools_vs_chips.checks.check_horizon_function(bisect_horizon_keywords)
    assert tools_vs_chips.checks.check_horizon_function(bisect_horizon_keywords, seed=1)
    wrong = tools_vs_chips.checks.check_horizon_function(
        lambda chip_imports, domestic_output, growth_with_controls, growth_without_controls: (
            math.log(chip_imports / domestic_output) / max(growth_with_controls, 0.01)
        )
    )
    assert not wrong and "your function gives" in wrong.message


def test_a_function_that_never_returns_infinity_fails_the_no_root_case():
    def never_infinite(
        chip_imports, domestic_output, growth_with_controls, growth_without_controls
    ):
        result = bisect_horizon(
            chip_imports, domestic_output, growth_with_controls, growth_without_controls
        )
        return 99.0 if math.isinf(result) else result

    assert not tools_vs_chips.checks.check_horizon_function(never_infinite)


def bisect_horizon_keywords(
    chip_imports, domestic_output, growth_with_controls, growth_without_controls
):
    return bisect_horizon(
        chip_imports, domestic_output, growth_with_controls, growth_without_controls
    )


def test_a_horizon_function_must_be_callable():
    result = tools_vs_chips.checks.check_horizon_function(4.2)
    assert not result and "is not a function" in result.message


# --- the estimates ---------------------------------------------------------------------------


def test_estimate_requirements_right_at_the_defaults_and_a_percentage_gets_its_hint():
    per_share = wafer_limit() / 0.10
    assert tools_vs_chips.checks.check_estimate_requirements(
        "ascend-shipments-2025-idc", hbm_stacks=0.812 * 8, ai_wafer_share=0.812 / per_share
    )
    wrong = tools_vs_chips.checks.check_estimate_requirements(
        "ascend-shipments-2025-idc", hbm_stacks=0.812 * 8, ai_wafer_share=100 * 0.812 / per_share
    )
    assert not wrong and "fraction" in wrong.message


def test_estimate_requirements_refuse_a_capacity_estimate_and_an_unknown_id():
    capacity = tools_vs_chips.checks.check_estimate_requirements(
        "smic-advanced-capacity-2025-semianalysis", 1.0, 0.1
    )
    assert not capacity and "not Ascend accelerators" in capacity.message
    unknown = tools_vs_chips.checks.check_estimate_requirements(
        "ascend-output-2027-nobody", 1.0, 0.1
    )
    assert not unknown and "not an estimate of data/capacity.csv" in unknown.message


# --- the data task ---------------------------------------------------------------------------


def book_coding() -> dict:
    return {row.event_id: (row.instrument, row.direction) for row in control_events().itertuples()}


def test_the_books_coding_passes_and_a_coding_with_many_flips_fails():
    assert tools_vs_chips.checks.check_event_coding(book_coding())
    flipped = {
        event_id: (instrument, "loosening" if direction == "tightening" else "tightening")
        for event_id, (instrument, direction) in book_coding().items()
    }
    result = tools_vs_chips.checks.check_event_coding(flipped)
    assert not result and "agrees with the book's on 0 of" in result.message


def test_one_judgement_call_of_difference_still_passes_and_is_named():
    coding = book_coding()
    coding["2024-12-02-bis-hbm-and-tool-controls"] = ("chips_and_tools", "tightening")
    result = tools_vs_chips.checks.check_event_coding(coding)
    assert result and "2024-12-02-bis-hbm-and-tool-controls" in result.message


def test_a_coding_that_misses_events_or_uses_unknown_labels_is_refused():
    partial = dict(list(book_coding().items())[:3])
    assert "missing" in tools_vs_chips.checks.check_event_coding(partial).message
    bad = {
        **book_coding(),
        "2022-10-07-bis-advanced-computing-rules": ("semiconductors", "tightening"),
    }
    result = tools_vs_chips.checks.check_event_coding(bad)
    assert not result and "instrument ['semiconductors']" in result.message


def test_a_tally_of_the_students_own_coding_passes_and_an_off_by_one_fails():
    coding = book_coding()
    events = control_events().set_index("event_id")
    rows = []
    for event_id, (instrument, direction) in coding.items():
        for side, kinds in {
            "chips": ("chips", "chips_and_tools"),
            "tools": ("tools", "chips_and_tools"),
        }.items():
            if instrument in kinds:
                rows.append(
                    {
                        "year": events.loc[event_id, "date"].year,
                        "branch": events.loc[event_id, "branch"],
                        "side": side,
                        "direction": direction,
                    }
                )
    table = pd.DataFrame(rows).value_counts().rename("events").reset_index()
    assert tools_vs_chips.checks.check_shift_table(table, coding)
    table.loc[0, "events"] += 1
    result = tools_vs_chips.checks.check_shift_table(table, coding)
    assert not result and "do not match your coding" in result.message


def test_a_tally_without_its_columns_is_refused():
    result = tools_vs_chips.checks.check_shift_table(pd.DataFrame({"year": [2025]}), book_coding())
    assert not result and "missing column" in result.message


# --- per-student variants ----------------------------------------------------------------------


def test_variants_are_per_student_reproducible_and_have_a_horizon():
    ids = [f"s{number:07d}" for number in range(150)]
    variants = [chapter2_variant(student) for student in ids]
    assert len({(tuple(v.fab.items()), tuple(v.race.items())) for v in variants}) == len(ids)
    assert chapter2_variant(" s0000001 ") == variants[1]
    for variant in variants:
        race = variant.race
        assert race["growth_without_controls"] > race["growth_with_controls"] > 0
        assert math.isfinite(
            bisect_horizon(
                **dict(
                    zip(
                        ("m", "d0", "gc", "gf"),
                        (
                            race["chip_imports"],
                            race["domestic_output"],
                            race["growth_with_controls"],
                            race["growth_without_controls"],
                        ),
                    )
                )
            )
        )
    with pytest.raises(ValueError, match="student_id"):
        chapter2_variant(...)
