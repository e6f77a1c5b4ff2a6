"""Tables over the hedged-dependence model: calibrations, what a calibration changes, the ledger link.

The chapter, its lab and its exercises show the model as small tables.  They are computed here,
in the model package, so they are tested like the model; the views only lay them out.
"""

from __future__ import annotations

import pandas as pd

from chipcontrols import ledger
from chipcontrols.core.parameters import strict_keywords
from chipcontrols.hedging.china import (
    CALIBRATABLE,
    CHINA_INPUTS,
    best_reply,
    calibrate,
    compute_share,
    ledger_link,
)
from chipcontrols.hedging.parameters import PARAMETERS
from chipcontrols.hedging.us import leverage


@strict_keywords
def calibration_table(observed_share: float | None = None, **values: float) -> pd.DataFrame:
    """For each parameter of :data:`CALIBRATABLE`: the value that reproduces the observed share.

    The other parameters take ``values`` (defaults where not given; a value given for the
    parameter being solved for is ignored in its own row).

    Returns
    -------
    pandas.DataFrame
        Indexed by parameter name: ``label``, ``default``, ``value`` (the calibrated value),
        ``inside_range`` (bool), ``valid_range`` (text) and ``binds`` (for the pairing rule:
        whether Beijing would otherwise buy more, so the rule is what sets the share).

    Examples
    --------
    >>> table = calibration_table()
    >>> table.loc["domestic_value", "value"].round(2), bool(table.loc["cutoff_probability", "inside_range"])
    (np.float64(0.44), False)
    """
    rows = []
    for name in CALIBRATABLE:
        others = {n: v for n, v in values.items() if n != name}
        result = calibrate(name, observed_share, **others)
        rows.append(
            {
                "parameter": name,
                "label": PARAMETERS[name].label,
                "default": PARAMETERS[name].default,
                "value": result.value,
                "inside_range": result.inside_range,
                "valid_range": result.valid_range,
                "binds": result.binds,
            }
        )
    return pd.DataFrame(rows).set_index("parameter")


#: What :func:`what_changes` reports, by row, with its unit.
CHANGES = {
    "import_share": "Share bought from the US (of spending)",
    "binding": "Set by",
    "beijing_share": "Beijing's own choice, before Washington's cap",
    "compute_share": "US chips' share of China's new compute",
    "leverage": "US leverage L·s² (units of V)",
    "expected_loss": "China's expected loss p·L·s² (units of V)",
    "all_in_threshold": "All-in threshold p̄_c",
    "approvals": "Beijing's approvals in chapter 1's ledger (million chips)",
    "ledger_binding": "Limit that binds in the ledger",
    "exports": "H200s exported in the ledger (million chips)",
    "treasury": "Treasury revenue in the ledger (billion USD)",
    "ratio": "US:China ratio of compute added in the ledger (×)",
}


def outcome(**values: float) -> dict[str, float | str]:
    """Every row of :data:`CHANGES` for one set of Beijing's parameters."""
    reply = best_reply(**values)
    link = ledger_link(**values)
    held = leverage(**values)
    advantage = CHINA_INPUTS.check(values)["us_advantage"]
    return {
        "import_share": reply.import_share,
        "binding": reply.binding_text,
        "beijing_share": reply.beijing_share,
        "compute_share": compute_share(reply.import_share, advantage),
        "leverage": held.leverage,
        "expected_loss": held.expected_loss,
        "all_in_threshold": reply.all_in_threshold,
        "approvals": link.approvals,
        "ledger_binding": link.ledger_result.binding_text,
        "exports": link.ledger_result.volume,
        "treasury": link.ledger_result.treasury_revenue,
        "ratio": link.ledger_result.ratio_with_exports,
    }


@strict_keywords
def what_changes(
    parameter: str, observed_share: float | None = None, **values: float
) -> pd.DataFrame:
    """The model before and after calibrating ``parameter`` to an observed share.

    Returns
    -------
    pandas.DataFrame
        Indexed by :data:`CHANGES` keys, columns ``what``, ``before`` (at ``values``) and
        ``calibrated`` (with the calibrated value; ``None`` throughout when that value lies
        outside the parameter's declared range, which the model does not evaluate).

    Examples
    --------
    >>> table = what_changes("domestic_value")
    >>> round(table.loc["approvals", "calibrated"], 2), table.loc["ledger_binding", "calibrated"]
    (0.4, "Beijing's approvals")
    """
    result = calibrate(parameter, observed_share, **values)
    before = outcome(**values)
    after = (
        outcome(**{**values, parameter: result.value})
        if result.inside_range
        else dict.fromkeys(CHANGES)
    )
    return pd.DataFrame(
        {
            "what": list(CHANGES.values()),
            "before": list(before.values()),
            "calibrated": list(after.values()),
        },
        index=list(CHANGES),
    )


@strict_keywords
def ledger_side_by_side(scenarios: dict[str, dict[str, float]]) -> pd.DataFrame:
    """Beijing's choice and chapter 1's ledger for several named scenarios, one row each.

    Parameters
    ----------
    scenarios : dict
        Scenario name → Beijing's parameters (as :func:`best_reply` takes them).

    Returns
    -------
    pandas.DataFrame
        Columns ``beijing_share``, ``set_by`` (what sets Beijing's own choice), ``approvals``
        (million chips), ``ledger_binding``, ``exports`` (million chips), ``treasury``
        (billion USD) and ``ratio`` (US:China), indexed by scenario.

    Examples
    --------
    >>> ledger_side_by_side({"k = 4": {"pairing_ratio": 4}})["approvals"].round(2).tolist()
    [0.4]
    """
    rows = {}
    for name, values in scenarios.items():
        link = ledger_link(**values)
        rows[name] = {
            "beijing_share": link.reply.beijing_share,
            "set_by": link.reply.beijing_binding_text,
            "approvals": link.approvals,
            "ledger_binding": link.ledger_result.binding_text,
            "exports": link.ledger_result.volume,
            "treasury": link.ledger_result.treasury_revenue,
            "ratio": link.ledger_result.ratio_with_exports,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


#: Chapter 1's ledger at its own defaults, for comparison (its approvals are January's record).
def ledger_default() -> ledger.LedgerResult:
    """Chapter 1's ledger at its defaults (Beijing's approvals: January 2026's record)."""
    return ledger.ledger()
