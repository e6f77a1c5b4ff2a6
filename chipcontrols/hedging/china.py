"""Beijing's side of the hedged-dependence model: how much to buy from a supplier who can cut you off.

Beijing chooses the share ``s`` of its new AI compute bought from the United States:

    U_C(s) = V·[a·s + (1 − s)] + β·(1 − s) − p·L·s²

US chips give ``a`` times the compute per yuan, after the US levy is passed on (``a = a0 − χτ``,
the one convention of :mod:`chipcontrols.hedging.parameters`); buying domestic is worth ``β`` on its own
(learning, mandates); a cut-off, perceived with probability ``p``, costs ``L·s²`` (stranded
clusters and re-tooling grow faster than the dependence).  The payoff is concave
(``∂²U/∂s² = −2pL``), so the best reply is the interior ``s* = (V(a − 1) − β)/(2pL)``, clipped
by Beijing's own bounds (``0 ≤ s ≤ 1/(1 + k)``, a pairing rule of ``k`` domestic chips per
import; ``k = 0`` is the bound ``s ≤ 1``) and by Washington's cap ``s̄``.  Clipping is never
silent: :func:`best_reply` names the bound that binds.

Every closed form is one sympy expression, registered for the text, numpy and the website.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from chipcontrols import ledger
from chipcontrols.core import limits as _limits
from chipcontrols.core.closed_forms import register
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import require_number, strict_keywords
from chipcontrols.hedging.parameters import (
    PARAMETERS,
    cutoff_loss,
    cutoff_probability,
    domestic_value,
    import_share,
    observed_share,
    pairing_ratio,
    us_advantage,
    us_share_cap,
    value_scale,
)

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)

V, a, beta, p, L, k = (
    value_scale,
    us_advantage,
    domestic_value,
    cutoff_probability,
    cutoff_loss,
    pairing_ratio,
)

#: Beijing's payoff from buying the share s from the US (units of V).
PAYOFF = (
    V * (a * import_share + (1 - import_share))
    + beta * (1 - import_share)
    - p * L * import_share**2
)
#: ∂U/∂s and ∂²U/∂s²: the first-order condition and the (negative) curvature.
MARGINAL_PAYOFF = sp.diff(PAYOFF, import_share)
CURVATURE = sp.diff(PAYOFF, import_share, 2)


def _tidy(expression: sp.Expr) -> sp.Expr:
    """The same expression with its numerator collected in V, e.g. (V(a − 1) − β)/(2Lp)."""
    numerator, denominator = sp.fraction(sp.together(expression))
    return sp.collect(sp.expand(numerator), V) / denominator


#: The interior best reply, solving ∂U/∂s = 0 (before any bound).
BEST_REPLY = derive(
    "BEST_REPLY",
    lambda: _tidy(sp.solve(sp.Eq(MARGINAL_PAYOFF, 0), import_share)[0]),
)
#: Beijing's pairing rule: k domestic chips per import caps the share at 1/(1 + k).
PAIRING_BOUND = 1 / (1 + k)
#: Beijing's own choice: the best reply clipped to [0, 1/(1 + k)] (1/(1 + k) ≤ 1 since k ≥ 0).
BEIJING_SHARE = sp.Max(0, sp.Min(BEST_REPLY, PAIRING_BOUND))
#: What is bought: Beijing's choice, clipped again by Washington's cap.
IMPORT_SHARE = sp.Max(0, sp.Min(BEST_REPLY, PAIRING_BOUND, us_share_cap))
#: Comparative statics of the interior best reply.
STATICS = derive(
    "STATICS",
    lambda: {
        name: _tidy(sp.diff(BEST_REPLY, symbol))
        for name, symbol in (
            ("cutoff_probability", p),
            ("us_advantage", a),
            ("domestic_value", beta),
            ("cutoff_loss", L),
        )
    },
)
#: The all-in threshold: China buys everything (s* ≥ 1) only if p is below p̄.
ALL_IN_THRESHOLD = derive(
    "ALL_IN_THRESHOLD",
    lambda: _tidy(sp.solve(sp.Eq(BEST_REPLY, 1), p)[0]),
)
#: The value of one parameter at which the interior best reply equals an observed share.
CALIBRATED = derive(
    "CALIBRATED",
    lambda: {
        name: _tidy(sp.solve(sp.Eq(BEST_REPLY, observed_share), symbol)[0])
        for name, symbol in (
            ("cutoff_probability", p),
            ("domestic_value", beta),
            ("us_advantage", a),
            ("cutoff_loss", L),
        )
    },
)
#: The pairing rule that caps the share at an observed value: 1/(1 + k) = s_obs.
CALIBRATED["pairing_ratio"] = derive(
    'CALIBRATED["pairing_ratio"]',
    lambda: sp.solve(sp.Eq(PAIRING_BOUND, observed_share), k)[0],
)
#: Share of China's new compute (not spending) that comes from US chips: a·s/(a·s + 1 − s).
COMPUTE_SHARE = a * import_share / (a * import_share + 1 - import_share)

FORMS = {
    "payoff": register("hedging: Beijing's payoff", PAYOFF, PARAMETERS),
    "best_reply": register("hedging: interior best reply", BEST_REPLY, PARAMETERS),
    "pairing_bound": register("hedging: pairing-rule bound", PAIRING_BOUND, PARAMETERS),
    "beijing_share": register("hedging: Beijing's choice", BEIJING_SHARE, PARAMETERS),
    "import_share": register(
        "hedging: import share after Washington's cap", IMPORT_SHARE, PARAMETERS
    ),
    "payoff_at_choice": register(
        "hedging: Beijing's payoff at the import share",
        PAYOFF.subs(import_share, IMPORT_SHARE),
        PARAMETERS,
    ),
    "all_in_threshold": register("hedging: all-in threshold", ALL_IN_THRESHOLD, PARAMETERS),
    "compute_share": register(
        "hedging: US share of China's new compute", COMPUTE_SHARE, PARAMETERS
    ),
    **{
        f"d_best_reply_d_{name}": register(f"hedging: d s*/d {name}", form, PARAMETERS)
        for name, form in STATICS.items()
    },
    **{
        f"calibrated_{name}": register(
            f"hedging: {name} reproducing an observed share", form, PARAMETERS
        )
        for name, form in CALIBRATED.items()
    },
}
_NUMPY = {key: form.numpy() for key, form in FORMS.items()}

#: The inputs of Beijing's choice.
CHINA_INPUTS = PARAMETERS.subset(
    "value_scale",
    "us_advantage",
    "domestic_value",
    "cutoff_probability",
    "cutoff_loss",
    "pairing_ratio",
    "us_share_cap",
)
#: Names of what can bind, as :func:`best_reply` reports them.
INTERIOR, NO_IMPORTS, ALL_IN = (
    "Beijing's own choice (interior)",
    "no imports (s = 0)",
    "all in (s = 1)",
)
PAIRING, US_CAP = "Beijing's pairing rule", "Washington's cap"
#: Bounds within this distance of the chosen share all bind (a tie): the tolerance of the one
#: binding rule, :mod:`chipcontrols.core.limits`.
TIE_TOLERANCE = _limits.TIE_TOLERANCE


@dataclass(frozen=True)
class BestReply:
    """Beijing's choice under one set of parameters (shares are fractions of spending).

    ``interior`` is the unclipped s* (it may exceed 1 or fall below 0); ``beijing_share`` is
    Beijing's own choice (clipped by its pairing rule); ``import_share`` is what is bought once
    Washington's cap applies.  ``binding`` and ``beijing_binding`` name what sets each.
    """

    interior: float
    beijing_share: float
    beijing_binding: tuple[str, ...]
    import_share: float
    binding: tuple[str, ...]
    bounds: dict[str, float]
    payoff: float
    all_in_threshold: float

    @property
    def binding_text(self) -> str:
        """What sets the import share, e.g. ``"Washington's cap"``."""
        return _limits.binding_text(self.binding)

    @property
    def beijing_binding_text(self) -> str:
        """What sets Beijing's own choice, before Washington's cap."""
        return _limits.binding_text(self.beijing_binding)


def _binding(interior: float, chosen: float, bounds: dict[str, float]) -> tuple[str, ...]:
    """What sets ``chosen``: the interior best reply first, then ``bounds`` in order; nothing
    bought is set by :data:`NO_IMPORTS` alone (:func:`chipcontrols.core.limits.binding`)."""
    return _limits.binding(chosen, {INTERIOR: interior, **bounds}, floor=NO_IMPORTS)


def reply_at(values: dict[str, float]) -> BestReply:
    """:func:`best_reply` for values already checked (the US side passes a = a0 − χτ here)."""
    interior = float(_NUMPY["best_reply"](**values))
    pairing = float(_NUMPY["pairing_bound"](**values))
    own = {(ALL_IN if values["pairing_ratio"] == 0 else PAIRING): pairing}
    bounds = {**own, US_CAP: values["us_share_cap"]}
    beijing = float(_NUMPY["beijing_share"](**values))
    chosen = float(_NUMPY["import_share"](**values))
    return BestReply(
        interior=interior,
        beijing_share=beijing,
        beijing_binding=_binding(interior, beijing, own),
        import_share=chosen,
        binding=_binding(interior, chosen, bounds),
        bounds=bounds,
        payoff=float(_NUMPY["payoff_at_choice"](**values)),
        all_in_threshold=float(_NUMPY["all_in_threshold"](**values)),
    )


def best_reply(**values: float) -> BestReply:
    """Beijing's best import share, the bound that sets it, and its payoff.

    Unspecified parameters take their declared defaults.

    Raises
    ------
    ValueError
        For an unknown parameter, or a value outside its declared range.

    Examples
    --------
    >>> r = best_reply(us_share_cap=1.0)
    >>> round(r.interior, 3), r.binding_text
    (0.5, "Beijing's own choice (interior)")
    >>> best_reply().binding_text, round(best_reply().import_share, 2)
    ("Washington's cap", 0.25)
    >>> best_reply(pairing_ratio=4, us_share_cap=1.0).binding_text
    "Beijing's pairing rule"
    """
    return reply_at(CHINA_INPUTS.check(values))


@strict_keywords
def payoff(shares, **values: float):
    """Beijing's payoff U_C at given import shares (a float for one share, else an array).

    Examples
    --------
    >>> [round(float(u), 3) for u in payoff([0.0, 0.5, 1.0])]
    [1.2, 1.3, 1.2]
    """
    checked = {
        **CHINA_INPUTS.check(values),
        "import_share": PARAMETERS["import_share"].check_array(shares),
    }
    result = np.broadcast_to(
        np.asarray(_NUMPY["payoff"](**checked), dtype=float), checked["import_share"].shape
    )
    return float(result) if result.ndim == 0 else result.copy()


def comparative_statics(**values: float) -> dict[str, float]:
    """∂s*/∂p, ∂s*/∂a, ∂s*/∂β and ∂s*/∂L of the interior best reply, at the given values.

    Examples
    --------
    >>> {k: round(v, 3) for k, v in comparative_statics().items()}
    {'cutoff_probability': -1.25, 'us_advantage': 1.25, 'domestic_value': -1.25, 'cutoff_loss': -0.5}
    """
    checked = CHINA_INPUTS.check(values)
    return {name: float(_NUMPY[f"d_best_reply_d_{name}"](**checked)) for name in STATICS}


@dataclass(frozen=True)
class Calibration:
    """The value of one parameter that reproduces an observed share, and whether it is plausible.

    ``inside_range`` says whether ``value`` lies in the parameter's declared range; a value
    outside it (a probability above 1, say) is reported, never clamped.  For the pairing rule,
    ``binds`` says whether Beijing's interior choice is above the share, so that the rule, not
    the preference, sets it.
    """

    parameter: str
    value: float
    observed_share: float
    inside_range: bool
    valid_range: str
    binds: bool = True


#: The parameters :func:`calibrate` can solve for.
CALIBRATABLE = tuple(CALIBRATED)


def calibrate(parameter: str, observed_share: float | None = None, **values: float) -> Calibration:
    """Solve for the one parameter that makes Beijing's choice equal an observed share.

    Parameters
    ----------
    parameter : str
        One of :data:`CALIBRATABLE`: ``cutoff_probability``, ``domestic_value``,
        ``us_advantage``, ``cutoff_loss`` (the interior best reply equals the share) or
        ``pairing_ratio`` (the rule's bound equals it).
    observed_share : float, optional
        The share to reproduce; defaults to January 2026's approvals ÷ orders.
    **values : float
        The other parameters (the calibrated one may not be given).

    Examples
    --------
    >>> c = calibrate("cutoff_probability")
    >>> round(c.value, 2), c.inside_range
    (1.0, False)
    >>> round(calibrate("domestic_value").value, 2), round(calibrate("pairing_ratio").value, 2)
    (0.44, 4.0)
    """
    if parameter not in CALIBRATABLE:
        raise ValueError(
            f"parameter = {parameter!r} cannot be calibrated; valid: {list(CALIBRATABLE)}"
        )
    if parameter in values:
        raise ValueError(
            f"{parameter} is the unknown being solved for; leave it out of the values"
        )
    declared = PARAMETERS["observed_share"]
    share = declared.check(declared.default if observed_share is None else observed_share)
    checked = {**CHINA_INPUTS.check(values), "observed_share": share}
    value = float(_NUMPY[f"calibrated_{parameter}"](**checked))
    target = PARAMETERS[parameter]
    binds = True
    if parameter == "pairing_ratio":
        binds = float(_NUMPY["best_reply"](**checked)) >= share - TIE_TOLERANCE
    return Calibration(
        parameter,
        value,
        share,
        target.minimum <= value <= target.maximum,
        target.describe_range(),
        binds,
    )


@strict_keywords
def compute_share(import_share: float, us_advantage: float) -> float:
    """Share of China's new compute that comes from US chips when it spends ``import_share`` on them.

    Examples
    --------
    >>> round(compute_share(0.2, 1.6), 3)
    0.286
    """
    return float(
        _NUMPY["compute_share"](
            import_share=PARAMETERS["import_share"].check(import_share),
            us_advantage=PARAMETERS["us_advantage"].check(us_advantage),
        )
    )


@dataclass(frozen=True)
class LedgerLink:
    """Beijing's choice turned into chapter 1's approvals, and what the ledger makes of them.

    ``approvals`` (million chips) is Beijing's own share times chapter 1's Chinese demand;
    ``ledger_result`` is :func:`chipcontrols.ledger.model.ledger` with those approvals, so the ledger
    applies Washington's cap, Nvidia's supply and demand itself.
    """

    reply: BestReply
    demand: float
    approvals: float
    ledger_result: ledger.LedgerResult


def ledger_link(**values: float) -> LedgerLink:
    """Chapter 1's ledger with Beijing's best reply as its approvals (million chips).

    Examples
    --------
    >>> link = ledger_link(domestic_value=0.44)
    >>> round(link.approvals, 2), link.ledger_result.binding_text
    (0.4, "Beijing's approvals")
    """
    reply = best_reply(**values)
    demand = ledger.PARAMETERS["demand"].default
    approvals = require_number(
        "approvals",
        reply.beijing_share * demand,
        minimum=0,
        maximum=ledger.PARAMETERS["approvals"].maximum,
        unit="million chips",
    )
    return LedgerLink(reply, demand, approvals, ledger.ledger(approvals=approvals))
