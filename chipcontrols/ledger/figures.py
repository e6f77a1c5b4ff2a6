"""Numbers the chapter-1 text cites from the ledger: H100-equivalence and the key figures.

Every figure is computed from the ledger's closed forms and the data; the chapter glues them
into its prose (``ledger_model_<key>``), so no number of the ledger is typed in the text.  A
scenario the text describes as "X binds" is checked to have X as its only binding limit.
"""

from __future__ import annotations

import math

from chipcontrols import ledger
from chipcontrols.core.data import load_chips
from chipcontrols.core.parameters import strict_keywords
from chipcontrols.eccn3a090 import chip_metric, classify_chips

#: The two ways of counting an H200 in H100-equivalents, and the chip metric each compares.
EQUIVALENCE_BASES = {
    "arithmetic": "tpp",
    "memory bandwidth": "memory_bandwidth_gbs",
}
H200, H100 = "nvidia-h200-sxm", "nvidia-h100-sxm5"
#: The slice of exports (million chips) whose effect on the ratio the text compares: the
#: first and the last this many chips.
FIRST_TENTH = 0.1


@strict_keywords
def h100_equivalence(chips=None) -> dict[str, float]:
    """H100-equivalents per H200 on each basis of :data:`EQUIVALENCE_BASES`, from the data.

    Parameters
    ----------
    chips : pandas.DataFrame, optional
        The chips table (:func:`chipcontrols.core.data.load_chips`); loaded when not given.

    Returns
    -------
    dict
        Basis → H200 metric ÷ H100 metric (dimensionless), each checked against the declared
        range of ``h100e_per_chip``.

    Raises
    ------
    ValueError
        If the table is not a chips table, lacks the H200 or H100, or a ratio falls outside
        the declared range of ``h100e_per_chip``.

    Examples
    --------
    >>> {k: round(v, 2) for k, v in h100_equivalence().items()}
    {'arithmetic': 1.0, 'memory bandwidth': 1.43}
    """
    classified = classify_chips(load_chips() if chips is None else chips)
    declared = ledger.PARAMETERS["h100e_per_chip"]
    bases = {}
    for basis, column in EQUIVALENCE_BASES.items():
        try:
            bases[basis] = declared.check(
                chip_metric(classified, H200, column) / chip_metric(classified, H100, column)
            )
        except ValueError as error:
            raise ValueError(f"{basis} basis ({column} of {H200} / {H100}): {error}") from None
    return bases


def only_binding(result: ledger.LedgerResult) -> str:
    """The single binding limit of a scenario; ``ValueError`` if limits tie."""
    if len(result.binding) != 1:
        raise ValueError(
            f"the scenario is a tie ({result.binding_text}); choose parameters "
            "under which one limit binds alone"
        )
    return result.binding[0]


def key_figures() -> dict[str, float | str]:
    """The ledger's headline figures, for the chapter's text.

    Keys name what each value is; money in billion USD, volumes in million chips.
    """
    bases = h100_equivalence()
    h_bandwidth = bases["memory bandwidth"]
    declared = ledger.PARAMETERS
    most_approvals = declared["approvals"].maximum
    most_us_volume = declared["us_volume"].maximum
    result = ledger.ledger()
    cap_only = ledger.ledger(approvals=most_approvals)
    supply_binds = ledger.ledger(approvals=most_approvals, us_volume=most_us_volume)
    no_approvals = ledger.ledger(approvals=declared["approvals"].minimum)
    low_corner = {"us_compute": declared["us_compute"].minimum, "h100e_per_chip": h_bandwidth}
    largest = ledger.EXPORT_VOLUME.maximum
    demand = declared["demand"].default
    tenth = FIRST_TENTH
    return {
        "h_arithmetic": bases["arithmetic"],
        "h_bandwidth": h_bandwidth,
        "binding": only_binding(result),
        "volume": result.volume,
        "treasury": result.treasury_revenue,
        "nvidia": result.nvidia_revenue,
        "ratio_none": result.ratio_without_exports,
        "ratio_default": result.ratio_with_exports,
        "ratio_default_bandwidth": ledger.ledger(h100e_per_chip=h_bandwidth).ratio_with_exports,
        "approvals_max": most_approvals,
        "us_volume_max": most_us_volume,
        "cap_binding": only_binding(cap_only),
        "cap_volume": cap_only.volume,
        "supply_binding": only_binding(supply_binds),
        "supply_volume": supply_binds.volume,
        "demand": demand,
        "ratio_demand": ledger.ratio_at(demand),
        "ratio_demand_bandwidth": ledger.ratio_at(demand, h100e_per_chip=h_bandwidth),
        "treasury_demand": float(ledger.scenarios(demand)["treasury_revenue"].iloc[0]),
        "q_star": ledger.closed_form_results().volume_for_target,
        "q_star_full_displacement": ledger.closed_form_results(displacement=1.0).volume_for_target,
        "target": ledger.TARGET_RATIO.default,
        "sigma_star_supply": ledger.closed_form_results(
            approvals=most_approvals, us_volume=most_us_volume
        ).break_even_valuation,
        "sigma_star_supply_per_doubling": math.log(2)
        * ledger.closed_form_results(
            approvals=most_approvals, us_volume=most_us_volume
        ).break_even_valuation,
        "marginal_first_cost": -ledger.closed_form_results(
            approvals=no_approvals.volume
        ).marginal_ratio,
        "first_tenth": tenth,
        "ratio_first_tenth": ledger.ratio_at(tenth),
        "ratio_drop_last_tenth_of_demand": ledger.ratio_at(demand - tenth)
        - ledger.ratio_at(demand),
        "largest_volume": largest,
        "us_compute_min": declared["us_compute"].minimum,
        # the lowest ratio the declared ranges allow at the largest volume, with full and with
        # no displacement (the validation box's "what it takes to reach IFP's low end")
        "ratio_low_corner": ledger.ratio_at(largest, displacement=1.0, **low_corner),
        "ratio_low_no_displacement": ledger.ratio_at(largest, **low_corner),
    }
