"""Washington's side of the hedged-dependence model: leverage, the levy's Laffer curve, the exit clock.

* **Leverage** is what China would lose if cut off, ``L·s²`` at China's choice.  At the
  interior best reply it is ``(V(a − 1) − β)²/(4Lp²)``, and the expected loss China bears,
  ``p·L·s²``, is ``(V(a − 1) − β)²/(4Lp)``: both fall as the cut-off becomes more credible
  (the **leverage paradox**).
* **The levy** ``τ`` lowers the advantage by ``χτ`` when it is passed on (``a = a0 − χτ``);
  revenue ``τ·R·s*(τ)`` peaks at ``τ* = (V(a0 − 1) − β)/(2Vχ)``, half the prohibitive levy and
  independent of ``p`` and ``L``.  While a cap binds, a higher levy costs no volume, so the
  peak moves to where the cap stops binding: ``max(τ*, τ_c)``.
* **The exit clock**: Huawei closes the gap before the levy, ``a0(t) = 1 + (a0 − 1)e^{−λt}``,
  and the levy still bites, so Beijing faces ``a(t) = a0(t) − χτ``.  Imports stop being worth
  buying when ``V(a(t) − 1) = β``: ``t_exit = ln(V(a0 − 1)/(β + Vχτ))/λ``.  The erosion rate
  ``λ`` is chapter 4's question.

One convention throughout (see :mod:`chipcontrols.hedging.parameters`): ``a0`` is the advantage
before the levy, and every result uses ``a = a0 − χτ``.

Money is in billions of US dollars; leverage and harm in units of ``V``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import sympy as sp

from chipcontrols.core.closed_forms import register
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import strict_keywords
from chipcontrols.hedging.china import (
    BEIJING_SHARE,
    BEST_REPLY,
    CHINA_INPUTS,
    IMPORT_SHARE,
    PAIRING_BOUND,
    BestReply,
    L,
    V,
    a,
    beta,
    p,
    reply_at,
)
from chipcontrols.hedging.parameters import (
    PARAMETERS,
    advantage_erosion_rate,
    base_advantage,
    china_ai_budget,
    harm_weight,
    leverage_weight,
    levy,
    nvidia_weight,
    pass_through,
    us_share_cap,
    years_after_january_2026,
)

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)

tau, kappa, R, lam = levy, pass_through, china_ai_budget, advantage_erosion_rate
t = years_after_january_2026

# --- Leverage --------------------------------------------------------------------------------
#: US leverage and China's expected loss at the interior best reply (the paradox in one line).
LEVERAGE_INTERIOR = derive(
    "LEVERAGE_INTERIOR",
    lambda: sp.simplify(L * BEST_REPLY**2),
)
EXPECTED_LOSS_INTERIOR = derive(
    "EXPECTED_LOSS_INTERIOR",
    lambda: sp.simplify(p * L * BEST_REPLY**2),
)
D_LEVERAGE_D_P = derive(
    "D_LEVERAGE_D_P",
    lambda: sp.simplify(sp.diff(LEVERAGE_INTERIOR, p)),
)
D_EXPECTED_LOSS_D_P = derive(
    "D_EXPECTED_LOSS_D_P",
    lambda: sp.simplify(sp.diff(EXPECTED_LOSS_INTERIOR, p)),
)
#: The same at Beijing's own choice and at the share bought under Washington's cap.
LEVERAGE_BEIJING, LEVERAGE = L * BEIJING_SHARE**2, L * IMPORT_SHARE**2
EXPECTED_LOSS_BEIJING, EXPECTED_LOSS = p * L * BEIJING_SHARE**2, p * L * IMPORT_SHARE**2
#: China's capability gain over buying all-domestic (units of V).
HARM = V * (a - 1) * IMPORT_SHARE

# --- The levy --------------------------------------------------------------------------------
#: The advantage after a levy τ, of which χ per unit is passed on.
ADVANTAGE_AFTER_LEVY = base_advantage - kappa * tau
_s_of_levy = BEST_REPLY.subs(a, ADVANTAGE_AFTER_LEVY)
#: Treasury revenue at the interior reply, and the levy that maximises it.
REVENUE_INTERIOR = tau * R * _s_of_levy
REVENUE_MAXIMISING_LEVY = derive(
    "REVENUE_MAXIMISING_LEVY",
    lambda: sp.solve(sp.diff(REVENUE_INTERIOR, tau), tau)[0],
)
PROHIBITIVE_LEVY = derive(
    "PROHIBITIVE_LEVY",
    lambda: sp.solve(sp.Eq(_s_of_levy, 0), tau)[0],
)


def _levies_at_which_bounds_stop_binding() -> tuple[sp.Basic, sp.Basic]:
    cap = sp.Dummy("cap", positive=True)
    at_cap = sp.solve(sp.Eq(_s_of_levy, cap), tau)[0]
    return at_cap.subs(cap, PAIRING_BOUND), at_cap.subs(cap, sp.Min(PAIRING_BOUND, us_share_cap))


#: The levy at which China's desired share falls to Beijing's own bound, and to the outcome's.
LEVY_BEIJING_BOUND_STOPS_BINDING, LEVY_CAPS_STOP_BINDING = derive(
    "levies at which the bounds stop binding", _levies_at_which_bounds_stop_binding
)
#: Revenue-maximising levy once bounds can bind: a binding bound makes the levy free of volume.
PEAK_LEVY_BEIJING = sp.Max(REVENUE_MAXIMISING_LEVY, LEVY_BEIJING_BOUND_STOPS_BINDING)
PEAK_LEVY = sp.Max(REVENUE_MAXIMISING_LEVY, LEVY_CAPS_STOP_BINDING)
_at_levy = {a: ADVANTAGE_AFTER_LEVY}
SHARE_AT_LEVY_BEIJING = BEIJING_SHARE.subs(_at_levy)
SHARE_AT_LEVY = IMPORT_SHARE.subs(_at_levy)
HARM_AT_LEVY = V * (ADVANTAGE_AFTER_LEVY - 1) * SHARE_AT_LEVY
REVENUE_BEIJING = tau * R * SHARE_AT_LEVY_BEIJING
TREASURY_REVENUE = tau * R * SHARE_AT_LEVY
NVIDIA_REVENUE = (1 - tau) * R * SHARE_AT_LEVY
#: The US payoff at the levy: money (Treasury plus a weight on Nvidia's share), leverage, harm.
US_PAYOFF = (
    (tau + nvidia_weight * (1 - tau)) * R * SHARE_AT_LEVY
    + leverage_weight * L * SHARE_AT_LEVY**2
    - harm_weight * HARM_AT_LEVY
)

# --- The exit clock --------------------------------------------------------------------------
#: The advantage Beijing faces over time: the pre-levy gap erodes at λ, the levy's bite χτ stays.
ADVANTAGE_PATH = 1 + (base_advantage - 1) * sp.exp(-lam * t) - kappa * tau
EXIT_TIME = derive(
    "EXIT_TIME",
    lambda: sp.simplify(sp.solve(sp.Eq(V * (ADVANTAGE_PATH - 1), beta), t)[0]),
)
#: The advantage at which imports stop being worth buying: V(a − 1) = β.
EXIT_ADVANTAGE = derive(
    "EXIT_ADVANTAGE",
    lambda: sp.solve(sp.Eq(V * (a - 1), beta), a)[0],
)
SHARE_OVER_TIME = BEIJING_SHARE.subs(a, ADVANTAGE_PATH)

FORMS = {
    name: register(f"hedging: {label}", form, PARAMETERS)
    for name, (label, form) in {
        "leverage_interior": ("US leverage at the interior reply", LEVERAGE_INTERIOR),
        "expected_loss_interior": (
            "China's expected loss at the interior reply",
            EXPECTED_LOSS_INTERIOR,
        ),
        "d_leverage_d_p": ("d leverage / d p", D_LEVERAGE_D_P),
        "d_expected_loss_d_p": ("d expected loss / d p", D_EXPECTED_LOSS_D_P),
        "leverage_beijing": ("US leverage at Beijing's choice", LEVERAGE_BEIJING),
        "leverage": ("US leverage at the import share", LEVERAGE),
        "expected_loss_beijing": (
            "China's expected loss at Beijing's choice",
            EXPECTED_LOSS_BEIJING,
        ),
        "expected_loss": ("China's expected loss at the import share", EXPECTED_LOSS),
        "harm": ("China's capability gain from imports", HARM),
        "harm_at_levy": ("China's capability gain at the levy", HARM_AT_LEVY),
        "advantage_after_levy": ("advantage after the levy", ADVANTAGE_AFTER_LEVY),
        "revenue_maximising_levy": ("revenue-maximising levy", REVENUE_MAXIMISING_LEVY),
        "prohibitive_levy": ("prohibitive levy", PROHIBITIVE_LEVY),
        "levy_beijing_bound_stops_binding": (
            "levy at which Beijing's bound stops binding",
            LEVY_BEIJING_BOUND_STOPS_BINDING,
        ),
        "levy_caps_stop_binding": ("levy at which the caps stop binding", LEVY_CAPS_STOP_BINDING),
        "peak_levy_beijing": ("revenue-maximising levy, Beijing's bound", PEAK_LEVY_BEIJING),
        "peak_levy": ("revenue-maximising levy, with the caps", PEAK_LEVY),
        "share_at_levy": ("import share at the levy", SHARE_AT_LEVY),
        "revenue_beijing": ("Treasury revenue without Washington's cap", REVENUE_BEIJING),
        "treasury": ("Treasury revenue at the levy", TREASURY_REVENUE),
        "nvidia": ("Nvidia revenue at the levy", NVIDIA_REVENUE),
        "us_payoff": ("US payoff at the levy", US_PAYOFF),
        "advantage_path": ("advantage over time", ADVANTAGE_PATH),
        "exit_time": ("exit date", EXIT_TIME),
        "exit_advantage": ("advantage at which imports stop", EXIT_ADVANTAGE),
        "share_over_time": ("Beijing's choice over time", SHARE_OVER_TIME),
    }.items()
}
_NUMPY = {key: form.numpy() for key, form in FORMS.items()}

#: The inputs of the US side: the levy's world uses a0, τ and χ in place of a.
US_INPUTS = PARAMETERS.subset(
    *(name for name in CHINA_INPUTS if name != "us_advantage"),
    "base_advantage",
    "levy",
    "pass_through",
    "china_ai_budget",
    "nvidia_weight",
    "leverage_weight",
    "harm_weight",
    "advantage_erosion_rate",
)


@dataclass(frozen=True)
class Leverage:
    """Leverage (L·s²) and China's expected loss (p·L·s²) at Beijing's choice and after the cap."""

    leverage_beijing: float
    expected_loss_beijing: float
    leverage: float
    expected_loss: float


def leverage(**values: float) -> Leverage:
    """US leverage and China's expected loss at China's best reply (units of V).

    Examples
    --------
    >>> r = leverage(us_share_cap=1.0)
    >>> round(r.leverage, 4), round(r.expected_loss, 4)
    (0.25, 0.1)
    """
    checked = CHINA_INPUTS.check(values)
    return Leverage(
        *(
            float(_NUMPY[key](**checked))
            for key in ("leverage_beijing", "expected_loss_beijing", "leverage", "expected_loss")
        )
    )


@strict_keywords
def leverage_curve(probabilities, **values: float) -> pd.DataFrame:
    """Leverage and expected loss against the perceived cut-off probability (one row each)."""
    declared = PARAMETERS["cutoff_probability"]
    rows = [
        {"cutoff_probability": q, **leverage(**{**values, declared.name: q}).__dict__}
        for q in np.atleast_1d(declared.check_array(probabilities)).ravel()
    ]
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class LevyResult:
    """China's reply, revenue and the US payoff at one levy (money in billion USD)."""

    levy: float
    advantage: float
    reply: BestReply
    treasury_revenue: float
    nvidia_revenue: float
    harm: float
    us_payoff: float
    revenue_maximising_levy: float
    prohibitive_levy: float
    peak_levy: float
    peak_levy_beijing: float

    @property
    def levy_verdict(self) -> str:
        """Whether the levy is "below", "at" or "above" the revenue-maximising τ*."""
        best = self.revenue_maximising_levy
        if abs(self.levy - best) <= 1e-9:
            return "at"
        return "below" if self.levy < best else "above"


def levy_outcome(**values: float) -> LevyResult:
    """China's reply and the money at a levy; parameters from :data:`US_INPUTS`.

    The advantage is a = a0 − χτ (it may fall below the slider range of ``us_advantage``; the
    reply is then computed all the same, usually "no imports").

    Examples
    --------
    >>> r = levy_outcome()
    >>> round(r.revenue_maximising_levy, 3), round(r.peak_levy, 3), r.levy_verdict
    (0.375, 0.5, 'below')
    >>> round(r.treasury_revenue, 3), r.reply.binding_text
    (3.375, "Washington's cap")
    """
    checked = US_INPUTS.check(values)
    china = {name: checked[name] for name in CHINA_INPUTS if name != "us_advantage"}
    advantage = float(_NUMPY["advantage_after_levy"](**checked))
    return LevyResult(
        levy=checked["levy"],
        advantage=advantage,
        reply=reply_at({**china, "us_advantage": advantage}),
        **{
            key: float(_NUMPY[form](**checked))
            for key, form in (
                ("treasury_revenue", "treasury"),
                ("nvidia_revenue", "nvidia"),
                ("harm", "harm_at_levy"),
                ("us_payoff", "us_payoff"),
                ("revenue_maximising_levy", "revenue_maximising_levy"),
                ("prohibitive_levy", "prohibitive_levy"),
                ("peak_levy", "peak_levy"),
                ("peak_levy_beijing", "peak_levy_beijing"),
            )
        },
    )


@strict_keywords
def revenue_curve(levies, **values: float) -> pd.DataFrame:
    """Treasury revenue against the levy, with and without Washington's cap (billion USD)."""
    declared = PARAMETERS["levy"]
    checked = US_INPUTS.check({name: v for name, v in values.items() if name != declared.name})
    grid = np.atleast_1d(declared.check_array(levies)).ravel()
    at = {**checked, declared.name: grid}
    return pd.DataFrame(
        {
            "levy": grid,
            "revenue_beijing": np.broadcast_to(_NUMPY["revenue_beijing"](**at), grid.shape),
            "treasury": np.broadcast_to(_NUMPY["treasury"](**at), grid.shape),
        }
    )


#: The inputs of the exit clock: the advantage before the levy, the levy's bite, β and λ.
EXIT_INPUTS = PARAMETERS.subset(
    "base_advantage",
    "value_scale",
    "domestic_value",
    "advantage_erosion_rate",
    "levy",
    "pass_through",
)


@dataclass(frozen=True)
class ExitClock:
    """When imports stop being worth buying as Huawei erodes the advantage (years after 2026)."""

    exit_time: float
    exit_advantage: float


def exit_clock(**values: float) -> ExitClock:
    """The exit date t_exit and the advantage after the levy at which imports stop (a = 1 + β/V).

    The advantage before the levy erodes; the levy's bite χτ stays (a = a0(t) − χτ).  A negative
    ``exit_time`` means the advantage is already below the exit point.

    Examples
    --------
    >>> c = exit_clock()
    >>> round(c.exit_time, 2), round(c.exit_advantage, 2)
    (1.39, 1.2)
    >>> round(exit_clock(levy=0.0).exit_time, 2)  # no levy passed on
    2.77
    """
    checked = EXIT_INPUTS.check(values)
    return ExitClock(
        float(_NUMPY["exit_time"](**checked)), float(_NUMPY["exit_advantage"](**checked))
    )


@strict_keywords
def advantage_at(years, **values: float):
    """The advantage after the levy, a(t) = a0(t) − χτ, after ``years`` (float or array)."""
    checked = {
        **PARAMETERS.subset(
            "base_advantage", "advantage_erosion_rate", "levy", "pass_through"
        ).check(values),
        "years_after_january_2026": PARAMETERS["years_after_january_2026"].check_array(years),
    }
    result = np.broadcast_to(
        np.asarray(_NUMPY["advantage_path"](**checked), dtype=float),
        checked["years_after_january_2026"].shape,
    )
    return float(result) if result.ndim == 0 else result.copy()
