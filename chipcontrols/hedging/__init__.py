"""Hedged dependence (chapter 5): Beijing's import share under cut-off risk, and Washington's leverage.

The model in three parts, each its own module, re-exported here so chapters read
``from chipcontrols import hedging``:

* :mod:`chipcontrols.hedging.parameters` — every input declared once (:data:`PARAMETERS`).
* :mod:`chipcontrols.hedging.china` — Beijing's payoff ``U_C(s) = V[a·s + (1 − s)] + β(1 − s)
  − p·L·s²``, its best reply ``s* = (V(a − 1) − β)/(2pL)`` clipped by the pairing rule
  ``s ≤ 1/(1 + k)`` and Washington's cap ``s̄`` (the bound that binds is always named), the
  comparative statics, the all-in threshold ``p̄``, calibration to an observed share and the
  link to chapter 1's ledger (``s`` times China's orders as Beijing's approvals).
* :mod:`chipcontrols.hedging.us` — leverage ``L·s²`` and the leverage paradox, the levy's
  Laffer curve and ``τ* = (V(a0 − 1) − β)/(2Vχ)``, and the exit date
  ``t_exit = ln(V(a0 − 1)/(β + Vχτ))/λ``.

One convention: the research memo's advantage, 1.8, is ``a0``, the advantage *before* the levy;
Beijing's side always uses the advantage *after* it, ``a = a0 − χτ`` (1.6 at the record's levy
and the memo's pass-through), unless a function is asked to vary ``τ`` or ``χ``.

Examples
--------
>>> round(best_reply(us_share_cap=1.0).interior, 3), round(exit_clock().exit_time, 2)
(0.5, 1.39)
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["checks", "china", "forms", "parameters", "prose", "scenarios", "us", "variants"],
    submod_attrs={
        "china": [
            "ALL_IN",
            "ALL_IN_THRESHOLD",
            "BEIJING_SHARE",
            "BEST_REPLY",
            "BestReply",
            "CALIBRATABLE",
            "CALIBRATED",
            "CHINA_INPUTS",
            "COMPUTE_SHARE",
            "CURVATURE",
            "Calibration",
            "IMPORT_SHARE",
            "INTERIOR",
            "LedgerLink",
            "MARGINAL_PAYOFF",
            "NO_IMPORTS",
            "PAIRING",
            "PAIRING_BOUND",
            "PAYOFF",
            "STATICS",
            "US_CAP",
            "best_reply",
            "calibrate",
            "comparative_statics",
            "compute_share",
            "ledger_link",
            "payoff",
        ],
        "parameters": [
            "BUDGET_USD_BILLION",
            "JANUARY_2026_APPROVED_SHARE",
            "LATEX_NAMES",
            "PARAMETERS",
            "US_CAP_AS_SHARE",
        ],
        "scenarios": [
            "CHANGES",
            "calibration_table",
            "ledger_side_by_side",
            "outcome",
            "what_changes",
        ],
        "us": [
            "ADVANTAGE_AFTER_LEVY",
            "ADVANTAGE_PATH",
            "D_EXPECTED_LOSS_D_P",
            "D_LEVERAGE_D_P",
            "EXIT_ADVANTAGE",
            "EXIT_TIME",
            "EXPECTED_LOSS_INTERIOR",
            "ExitClock",
            "LEVERAGE_INTERIOR",
            "Leverage",
            "LevyResult",
            "PEAK_LEVY",
            "PROHIBITIVE_LEVY",
            "REVENUE_INTERIOR",
            "REVENUE_MAXIMISING_LEVY",
            "US_INPUTS",
            "US_PAYOFF",
            "advantage_at",
            "exit_clock",
            "leverage",
            "leverage_curve",
            "levy_outcome",
            "revenue_curve",
        ],
        "forms": ["FORMS"],
    },
)
