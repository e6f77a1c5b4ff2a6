"""The coalition cascade of chapter 3: will allied export controls hold?

Three layers, one module each, gathered here so a chapter reads ``from chipcontrols import
coalition``:

* :mod:`chipcontrols.coalition.staghunt` — Layer A, a two-holder weakest-link stag hunt: the
  belief threshold ``q*`` above which restraint pays, and the regions where control or
  selling is dominant;
* :mod:`chipcontrols.coalition.cascade` (with :mod:`chipcontrols.coalition.normal` and
  :mod:`chipcontrols.coalition.spread`) — Layer B, a Granovetter threshold cascade with a
  league rule: tipping points, the critical spread, the round-by-round path;
* :mod:`chipcontrols.coalition.named` — the named holders (US toolmakers, US chipmakers, the
  Netherlands, Japan, Korea's memory makers), weighted by China revenue from the data, with
  thresholds from Layer A.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=[
        "cascade",
        "checks",
        "checks_data",
        "exercises",
        "named",
        "normal",
        "prose",
        "spread",
        "staghunt",
        "variants",
    ],
    submod_attrs={
        "cascade": [
            "BROWSER_STEPS",
            "CascadeOutcome",
            "HOLDS",
            "PARTIAL",
            "UNRAVELS",
            "cascade_outcome",
            "cascade_path",
            "discrete_cascade",
            "linear_fixed_point",
            "response",
            "tipping_seed",
            "uniform_tipping_point",
        ],
        "named": [
            "H200_SEED",
            "HOLDER_GROUPS",
            "Holder",
            "MATCH_ACT_BOUND",
            "NamedCascade",
            "TOOL_COALITION",
            "TOOL_COALITION_SEED",
            "UnravellingSeed",
            "company_stakes",
            "holders",
            "named_cascade",
            "smallest_unravelling_seed",
            "with_changes",
        ],
        "spread": ["critical_spread", "critical_spread_table", "tangency_share"],
        "staghunt": [
            "CONTROL_DOMINANT",
            "COORDINATION",
            "REGIMES",
            "SELL_DOMINANT",
            "StagHunt",
            "belief_threshold",
            "regime",
            "stag_hunt",
        ],
    },
)
