"""What the browser cannot compute for the tools-vs-chips model: T*, paths, shocks, scenarios.

* :func:`horizon_numerical` solves the model's horizon equation (tool controls deny as much
  cumulative compute as a chip ban) with ``sympy.nsolve`` on a bracket; :func:`horizon_lambert`
  gives the same root in closed form with the Lambert W function when ``γ_c = 0``
  (:data:`HORIZON_LAMBERT`, derived by sympy).  The root exists exactly when ``γ_f > γ_c``:
  the gap between the two output paths is convex and starts below the chip ban's straight
  line, so it crosses it once.
* :func:`two_input_path` follows wafers and HBM separately (HBM grows at its own rate, a
  servicing ban lowers uptime from a given year) and :func:`servicing_ban_shock` compares the
  paths with and without the ban.
* :func:`scenarios` tabulates the model's headline numbers for named scenarios.

Units as in :mod:`chipcontrols.tools_vs_chips.model`: million H100e a year, years.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import sympy as sp

from chipcontrols import ledger
from chipcontrols.core import record
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.tools_vs_chips import model

__all__ = [
    "HORIZON_LAMBERT",
    "Horizon",
    "horizon",
    "horizon_lambert",
    "horizon_numerical",
    "scenarios",
    "servicing_ban_shock",
    "two_input_path",
]

#: The uptime of installed tools once a servicing ban bites, in the shock the text and the
#: lab show (illustrative: no published estimate of a ban's effect was found).
SHOCK_UPTIME = 0.7
#: Search no further than this many years for T* (the declared horizon reaches 20).
HORIZON_SEARCH_LIMIT = 1_000.0

_T, _M, _D0 = model.horizon_years, model.chip_imports, model.domestic_output
_GC, _GF = model.growth_with_controls, model.growth_without_controls
#: The horizon equation as f(T) = 0: tool controls' denial minus the chip ban's.
HORIZON_GAP = model.DENIED_BY_TOOL_CONTROLS - model.DENIED_BY_CHIP_BAN


def _lambert_form() -> sp.Basic:
    """T* for γ_c = 0, from sympy: the root of e^{γ_f T} − 1 = k·T other than T = 0."""
    gap = sp.simplify(HORIZON_GAP.subs(_GC, 0).subs(sp.Ne(_GF, 0), True))
    roots = sp.solve(sp.Eq(gap, 0), _T)
    if len(roots) != 1 or not roots[0].has(sp.LambertW):
        raise AssertionError(f"unexpected solutions of the γ_c = 0 horizon equation: {roots}")
    # sympy returns the principal branch, whose root is T = 0; the positive root is on W₋₁.
    return roots[0].replace(sp.LambertW, lambda argument: sp.LambertW(argument, -1))


#: T* when capacity does not grow under tool controls (γ_c = 0), as sympy solves it (Lambert
#: W's −1 branch).
HORIZON_LAMBERT = model.derive("horizon, Lambert form", _lambert_form)
#: The same root written with the domestic share a = D0/(D0 + M): T* = −(a + W₋₁(−a·e^{−a}))/γ_f.
#: (The tests check that the two agree and that both solve the horizon equation.)
_a = model.DOMESTIC_SHARE
HORIZON_LAMBERT_SHARE = -(_a + sp.LambertW(-_a * sp.exp(-_a), -1)) / _GF
_GAP_NUMPY = sp.lambdify((_T, _M, _D0, _GC, _GF), HORIZON_GAP, modules="numpy")
_LAMBERT_MPMATH = sp.lambdify((_M, _D0, _GF), HORIZON_LAMBERT_SHARE, modules="mpmath")


def _dynamic(values: dict[str, float]) -> dict[str, float]:
    return model.PARAMETERS.check(values)


def _gap(horizon_value: float, p: dict[str, float]) -> float:
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(
            _GAP_NUMPY(
                *(
                    np.float64(v)
                    for v in (
                        horizon_value,
                        p["chip_imports"],
                        p["domestic_output"],
                        p["growth_with_controls"],
                        p["growth_without_controls"],
                    )
                )
            )
        )


def horizon_numerical(**values: float) -> float:
    """T*, the horizon after which tool controls have denied more than a chip ban (years).

    Solves the horizon equation with ``sympy.nsolve`` (bisection) on a bracket found by
    doubling.  Parameters are those of :data:`chipcontrols.tools_vs_chips.model.PARAMETERS`.

    Returns
    -------
    float
        T* in years, or ``inf`` when tool controls never deny more (``γ_f ≤ γ_c``) or only
        after :data:`HORIZON_SEARCH_LIMIT` years.

    Examples
    --------
    >>> round(horizon_numerical(domestic_output=0.25, growth_with_controls=0.29), 1)
    4.3
    >>> horizon_numerical(growth_without_controls=0.2)      # slower than with controls
    inf
    """
    p = _dynamic(values)
    if p["growth_without_controls"] <= p["growth_with_controls"]:
        return math.inf
    low, high = 0.0, 1.0
    while _gap(high, p) <= 0:
        low, high = high, 2 * high
        if high > HORIZON_SEARCH_LIMIT:
            return math.inf
    low = max(low, 1e-9)
    fixed = {
        _M: p["chip_imports"],
        _D0: p["domestic_output"],
        _GC: p["growth_with_controls"],
        _GF: p["growth_without_controls"],
    }
    gap = HORIZON_GAP.subs(fixed)
    return float(sp.nsolve(gap, _T, (low, high), solver="bisect", tol=1e-12))


def horizon_lambert(**values: float) -> float:
    """T* from the Lambert W closed form; defined only for ``growth_with_controls = 0``.

    Raises
    ------
    ValueError
        If ``growth_with_controls`` is not 0 (use :func:`horizon_numerical`), or for a bad
        parameter value.

    Examples
    --------
    >>> t = horizon_lambert(growth_with_controls=0.0)
    >>> abs(t - horizon_numerical(growth_with_controls=0.0)) < 1e-9
    True
    """
    p = _dynamic(values)
    if p["growth_with_controls"] != 0:
        raise ValueError(
            f"growth_with_controls = {p['growth_with_controls']:g}: the Lambert W "
            "form holds only for growth_with_controls = 0; use horizon_numerical"
        )
    if p["growth_without_controls"] <= 0:
        return math.inf
    return float(
        _LAMBERT_MPMATH(p["chip_imports"], p["domestic_output"], p["growth_without_controls"]).real
    )


@dataclass(frozen=True)
class Horizon:
    """The race between the two controls for one set of parameters (years, million H100e)."""

    crossover_with: float
    crossover_without: float
    years_bought: float
    horizon: float
    lambert: float | None
    denied_by_chip_ban: float
    denied_by_tool_controls: float


def horizon(**values: float) -> Horizon:
    """Crossover years, years bought, T* (and its Lambert W check when γ_c = 0), and the
    compute each control denies over the declared horizon.

    Examples
    --------
    >>> h = horizon(domestic_output=0.25, growth_with_controls=0.29)
    >>> round(h.crossover_with, 1), round(h.crossover_without, 1), round(h.years_bought, 1)
    (3.6, 1.7, 1.8)
    """
    p = _dynamic(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        numbers = {
            key: model.evaluate(key, **p)
            for key in (
                "crossover_with",
                "crossover_without",
                "years_bought",
                "denied_by_chip_ban",
                "denied_by_tool_controls",
            )
        }
    lambert = horizon_lambert(**p) if p["growth_with_controls"] == 0 else None
    return Horizon(horizon=horizon_numerical(**p), lambert=lambert, **numbers)


@strict_keywords
def two_input_path(years=None, controls: bool = True, **values: float) -> pd.DataFrame:
    """Domestic output year by year with wafers and HBM followed separately.

    With tool controls (``controls=True``) wafer-limited output grows at γ_c and HBM-limited
    output at ``hbm_growth``; without them both grow at γ_f.  From the servicing-ban year on,
    installed tools run at ``tool_uptime``.  Output is the smaller of the two (the registered
    forms ``wafer_path_*``, ``hbm_path_*`` and ``two_input_*``).

    Parameters
    ----------
    years : array-like, optional
        Years from now, each in the range of ``years_ahead``; default 0 to 20 in half years.
    controls : bool
        Whether tool controls are in place.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``wafer_limited``, ``hbm_limited``, ``output`` (million H100e a
        year) and ``binding`` (``"wafers"`` or ``"HBM"``).

    Examples
    --------
    >>> path = two_input_path([0, 10], hbm_growth=0.0)
    >>> path["binding"].tolist()
    ['HBM', 'HBM']
    """
    declared = model.PARAMETERS["years_ahead"]
    grid = (
        np.arange(declared.minimum, declared.maximum + 1e-9, declared.step)
        if years is None
        else declared.check_array(years).ravel()
    )
    case = "with" if controls else "without"
    wafer = model.evaluate_along(f"wafer_path_{case}", grid, **values)
    hbm = model.evaluate_along(f"hbm_path_{case}", grid, **values)
    output = model.evaluate_along(f"two_input_{case}", grid, **values)
    return pd.DataFrame(
        {
            "year": grid,
            "wafer_limited": wafer,
            "hbm_limited": hbm,
            "output": output,
            "binding": np.where(wafer <= hbm, "wafers", "HBM"),
        }
    )


def cumulative(path: pd.DataFrame, column: str = "output") -> float:
    """Compute summed along a path (trapezoid rule over its years), million H100e."""
    return float(np.trapezoid(path[column].to_numpy(), path["year"].to_numpy()))


@dataclass(frozen=True)
class Shock:
    """A servicing ban against no ban, both under tool controls."""

    ban_year: float
    uptime: float
    output_lost_after_ban: float
    cumulative_lost: float
    binding_after_ban: str
    paths: pd.DataFrame


def servicing_ban_shock(
    uptime: float = SHOCK_UPTIME, ban_year: float | None = None, **values: float
) -> Shock:
    """What a ban on servicing installed tools costs China's domestic output.

    Parameters
    ----------
    uptime : float
        Uptime of installed tools once the ban bites (``tool_uptime``'s range).
    ban_year : float, optional
        Years from now the ban takes effect; default the declared ``servicing_ban_year``.
    **values : float
        Other parameters; the horizon sets the years summed.

    Returns
    -------
    Shock
        The output lost in the first year of the ban and cumulatively over the horizon
        (million H100e), which limit binds after the ban, and both paths.
    """
    p = _dynamic(values)
    banned = model.PARAMETERS["tool_uptime"].check(uptime)
    year = (
        p["servicing_ban_year"]
        if ban_year is None
        else model.PARAMETERS["servicing_ban_year"].check(ban_year)
    )
    horizon_value = p["horizon_years"]
    step = model.PARAMETERS["years_ahead"].step / 5
    years = np.round(np.arange(0.0, horizon_value + 1e-9, step), 10)
    base = two_input_path(years, controls=True, **{**p, "tool_uptime": 1.0})
    shocked = two_input_path(
        years, controls=True, **{**p, "tool_uptime": banned, "servicing_ban_year": year}
    )
    after = shocked["year"] >= year
    first = int(np.argmax(after.to_numpy())) if after.any() else len(years) - 1
    paths = base[["year", "output"]].rename(columns={"output": "no_ban"})
    paths["ban"] = shocked["output"]
    return Shock(
        ban_year=year,
        uptime=banned,
        output_lost_after_ban=float(base["output"].iloc[first] - shocked["output"].iloc[first]),
        cumulative_lost=cumulative(base) - cumulative(shocked),
        binding_after_ban=str(shocked["binding"].iloc[first]),
        paths=paths,
    )


def scenarios(cases: dict[str, dict[str, float]] | None = None, **values: float) -> pd.DataFrame:
    """Headline numbers for named scenarios (each a dict of parameter values over ``values``).

    Domestic output today is computed from the static model for each scenario, so the
    dynamic numbers follow from the wafers and HBM.

    Returns
    -------
    pandas.DataFrame
        One row per scenario: accelerators (million), binding limit, output and imports
        (million H100e a year), domestic share, crossover years with and without tool
        controls, years bought and T* (years).
    """
    rows = []
    for name, changes in (cases or default_scenarios()).items():
        p = _dynamic({**values, **changes})
        limits = {key: model.evaluate(f"{key}_limit", **p) for key in ("wafer", "hbm")}
        output = model.evaluate("output", **p)
        chained = {
            **p,
            "domestic_output": require_number(
                "domestic_output",
                round(output, 6),
                minimum=model.PARAMETERS["domestic_output"].minimum,
                maximum=model.PARAMETERS["domestic_output"].maximum,
                unit="million H100e/year",
                label="the static model's output for scenario " + repr(name),
            ),
        }
        race = horizon(**chained)
        rows.append(
            {
                "scenario": name,
                "accelerators": min(limits.values()),
                "binding": "wafers" if limits["wafer"] <= limits["hbm"] else "HBM",
                "output": output,
                "imports": p["chip_imports"],
                "domestic_share": model.evaluate("domestic_share", **chained),
                "crossover_with": race.crossover_with,
                "crossover_without": race.crossover_without,
                "years_bought": race.years_bought,
                "horizon": race.horizon,
            }
        )
    return pd.DataFrame(rows)


def delivered_by_august_2026() -> float:
    """H200s reported delivered to ByteDance and Tencent by August 2026 (FT), in million H100e
    at one H100e each by arithmetic (``data/record.csv``)."""
    received = record.value("ft_h200_received_bytedance") + record.value(
        "ft_h200_received_tencent"
    )
    return received / 1e6 * ledger.PARAMETERS["h100e_per_chip"].default


def default_scenarios() -> dict[str, dict[str, float]]:
    """The scenarios the lab tabulates: the defaults and one change at a time."""
    P = model.PARAMETERS
    return {
        "Defaults": {},
        "HBM supply doubled": {"hbm_supply": 2 * P["hbm_supply"].default},
        "HBM supply at its maximum": {"hbm_supply": P["hbm_supply"].maximum},
        "One die per package": {"dies_per_package": 1.0},
        "Yield 60%": {"ascend_yield": 0.6},
        "Servicing ban (uptime 70%)": {"tool_uptime": 0.7},
        "Imports as delivered by August 2026": {"chip_imports": delivered_by_august_2026()},
        "Uncontrolled growth as world chip production (0.5 a year)": {
            "growth_without_controls": 0.5
        },
    }
