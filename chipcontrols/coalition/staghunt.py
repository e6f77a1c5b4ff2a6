"""Layer A of the coalition cascade: a two-holder weakest-link stag hunt (chapter 3).

Two holders of a chokepoint (say the United States and the Netherlands) each choose to
*control* exports to China or to *sell*.  The security benefit ``S`` of denying China arrives
in full only if both control; if only one does, a share ``β`` of it survives (β = 0 is a pure
weakest link: one seller undoes the whole denial).  Control costs a holder ``r``, the China
revenue it forgoes.  With ``q`` the probability a holder puts on its partner controlling,

* ``U_C = q·S + (1 − q)·β·S − r``   (control)
* ``U_X = q·β·S``                   (sell: it keeps what the partner's control preserves)

and restraint pays exactly when ``q ≥ q*``, the *belief threshold*

* ``q* = (r − β·S) / (S·(1 − 2β))``  (→ ``r/S`` for a pure weakest link).

Control is dominant when ``r < β·S`` (it pays even if the partner surely sells), selling is
dominant when ``r > (1 − β)·S``; in between both (control, control) and (sell, sell) are
equilibria and beliefs decide.  Costs and values are in units of the holder's annual revenue.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from chipcontrols.core.closed_forms import register
from chipcontrols.core.derivations import Derivations
from chipcontrols.core.parameters import Parameter, ParameterSet, strict_keywords

#: Sympy's solutions, derived once per environment (see :mod:`chipcontrols.core.derivations`).
derive = Derivations(__name__)


def same_as(written: sp.Expr, derived: sp.Expr) -> sp.Expr:
    """``written`` if it equals ``derived`` (what sympy solved), else ``ValueError``.

    Sympy's own arrangement of a solution can carry signs that read badly, e.g.
    ``−(r − βS)/(S(2β − 1))``; the model writes the form the text shows and proves here that
    it is the same expression.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> same_as(1 / (1 - x), -1 / (x - 1))
    1/(1 - x)
    """
    if sp.simplify(written - derived) != 0:
        raise ValueError(f"{written} is not the derived {derived}")
    return written


#: The largest retained share declared: at β = 1/2 the threshold's denominator vanishes (the
#: game has a dominant strategy and beliefs stop mattering), so the range stops short of it.
RETAINED_SHARE_MAX = 0.45

PARAMETERS = ParameterSet(
    Parameter(
        "restraint_cost",
        "Cost of restraint: China revenue forgone",
        "share of annual revenue",
        0.33,
        0.0,
        1.0,
        0.01,
        "China's share of the holder's sales, the revenue a full stop would forgo; "
        "default ASML's 2025 share (data/allied_china_revenue.csv).",
        latex="r",
    ),
    Parameter(
        "security_value",
        "Security value of a complete denial",
        "share of annual revenue",
        1.0,
        0.2,
        2.0,
        0.05,
        "Judgement: what denying China the capability is worth to the holder, in years "
        "of its revenue (research memo models.md §5 sets r/S = 0.3 for ASML).",
        latex="S",
    ),
    Parameter(
        "retained_share",
        "Share of the benefit kept when the partner sells",
        "",
        0.0,
        0.0,
        RETAINED_SHARE_MAX,
        0.01,
        "Substitutability judgement: 0 for a pure weakest link (one seller undoes the "
        "denial), towards 1/2 when each holder's control denies something the other's "
        "sales cannot replace (Hirshleifer 1983; models.md §5).",
        latex=r"\zeta",
    ),
    Parameter(
        "partner_belief",
        "Belief that the partner restrains",
        "",
        0.5,
        0.0,
        1.0,
        0.01,
        "Unobservable; the H200 decision is read as a fall in it (models.md §5).",
        latex="q",
    ),
)
LATEX_NAMES = PARAMETERS.latex_names
restraint_cost, security_value, retained_share, partner_belief = (
    PARAMETERS.symbol(name) for name in PARAMETERS
)

#: Expected payoff of controlling and of selling, given the belief q.
PAYOFF_CONTROL = (
    partner_belief * security_value
    + (1 - partner_belief) * retained_share * security_value
    - restraint_cost
)
PAYOFF_SELL = partner_belief * retained_share * security_value
#: What restraint gains over selling at belief q.
GAIN_FROM_RESTRAINT = sp.expand(PAYOFF_CONTROL - PAYOFF_SELL)
#: The belief at which the two payoffs are equal: sympy solves U_C = U_X for q, and the
#: form is written with positive factors (:func:`same_as`) so that it reads as in the text.
BELIEF_THRESHOLD = derive(
    "BELIEF_THRESHOLD",
    lambda: same_as(
        (restraint_cost - retained_share * security_value)
        / (security_value * (1 - 2 * retained_share)),
        sp.solve(sp.Eq(PAYOFF_CONTROL, PAYOFF_SELL), partner_belief)[0],
    ),
)
#: The cost of restraint, relative to the security value, at which a holder with belief q is
#: indifferent: below it restraint pays.  At q = 0 it is β (control dominant below), at
#: q = 1 it is 1 − β (selling dominant above).
INDIFFERENT_COST_RATIO = derive(
    "INDIFFERENT_COST_RATIO",
    lambda: sp.expand(
        sp.solve(sp.Eq(PAYOFF_CONTROL, PAYOFF_SELL), restraint_cost)[0] / security_value
    ),
)
#: The cost of restraint relative to the security value, r/S.
COST_RATIO = restraint_cost / security_value

FORMS = {
    "belief_threshold": register(
        "coalition: belief threshold q* for restraint", BELIEF_THRESHOLD, PARAMETERS
    ),
    "gain_from_restraint": register(
        "coalition: gain from restraint over selling at belief q", GAIN_FROM_RESTRAINT, PARAMETERS
    ),
    "indifferent_cost_ratio": register(
        "coalition: cost ratio r/S at which belief q is indifferent",
        INDIFFERENT_COST_RATIO,
        PARAMETERS,
    ),
    "cost_ratio": register(
        "coalition: cost of restraint relative to security value", COST_RATIO, PARAMETERS
    ),
}
_NUMPY = {key: form.numpy() for key, form in FORMS.items()}

#: The three regions of the (β, r/S) plane, as :func:`regime` names them.
CONTROL_DOMINANT = "control dominant"
COORDINATION = "coordination: both equilibria"
SELL_DOMINANT = "sell dominant"
REGIMES = (CONTROL_DOMINANT, COORDINATION, SELL_DOMINANT)


@dataclass(frozen=True)
class StagHunt:
    """One holder's position in the stag hunt.

    Attributes
    ----------
    cost_ratio : float
        r/S, the cost of restraint relative to the security value.
    belief_threshold : float
        q*, the belief above which restraint pays (can lie outside [0, 1]: below 0 control is
        dominant, above 1 selling is).
    regime : str
        One of :data:`REGIMES`.
    restrains : bool
        Whether restraint is the best reply at ``partner_belief`` (ties go to restraint).
    gain_from_restraint : float
        U_C − U_X at ``partner_belief``, in units of annual revenue.
    """

    cost_ratio: float
    belief_threshold: float
    regime: str
    restrains: bool
    gain_from_restraint: float


@strict_keywords
def regime(restraint_cost: float, security_value: float, retained_share: float) -> str:
    """The region of the stag-hunt map a holder is in.

    Examples
    --------
    >>> regime(0.33, 1.0, 0.0), regime(0.2, 1.0, 0.3), regime(0.8, 1.0, 0.3)
    ('coordination: both equilibria', 'control dominant', 'sell dominant')
    """
    values = PARAMETERS.check(
        {
            "restraint_cost": restraint_cost,
            "security_value": security_value,
            "retained_share": retained_share,
        }
    )
    r, s, b = values["restraint_cost"], values["security_value"], values["retained_share"]
    if r < b * s:
        return CONTROL_DOMINANT
    if r > (1 - b) * s:
        return SELL_DOMINANT
    return COORDINATION


def stag_hunt(**values: float) -> StagHunt:
    """Evaluate the stag hunt for one holder; unspecified parameters take their defaults.

    Raises
    ------
    ValueError
        For an unknown parameter or a value outside its declared range.

    Examples
    --------
    >>> game = stag_hunt(restraint_cost=0.33)          # ASML in 2025, pure weakest link
    >>> round(game.belief_threshold, 2), game.regime, game.restrains
    (0.33, 'coordination: both equilibria', True)
    >>> stag_hunt(restraint_cost=0.33, partner_belief=0.3).restrains
    False
    """
    checked = PARAMETERS.check(values)
    threshold = float(_NUMPY["belief_threshold"](**checked))
    gain = float(_NUMPY["gain_from_restraint"](**checked))
    return StagHunt(
        cost_ratio=float(_NUMPY["cost_ratio"](**checked)),
        belief_threshold=threshold,
        regime=regime(
            checked["restraint_cost"], checked["security_value"], checked["retained_share"]
        ),
        restrains=gain >= 0,
        gain_from_restraint=gain,
    )


def belief_threshold(**values: float) -> float:
    """q*, the belief above which restraint pays (see :func:`stag_hunt`).

    Examples
    --------
    >>> [round(belief_threshold(restraint_cost=r), 2) for r in (0.33, 0.20, 0.19)]
    [0.33, 0.2, 0.19]
    >>> round(belief_threshold(restraint_cost=0.33, retained_share=0.2), 3)
    0.217
    """
    return stag_hunt(**values).belief_threshold
