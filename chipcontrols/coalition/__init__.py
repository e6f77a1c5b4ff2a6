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

from __future__ import annotations

from chipcontrols.coalition import cascade
from chipcontrols.coalition import named
from chipcontrols.coalition import spread
from chipcontrols.coalition import staghunt
from chipcontrols.coalition.cascade import (BROWSER_STEPS, HOLDS, PARTIAL, UNRAVELS, CascadeOutcome,
                                            cascade_outcome, cascade_path, linear_fixed_point,
                                            response, tipping_seed, uniform_tipping_point)
from chipcontrols.coalition.named import (H200_SEED, HOLDER_GROUPS, MATCH_ACT_BOUND,
                                            TOOL_COALITION, TOOL_COALITION_SEED, Holder,
                                            NamedCascade, UnravellingSeed, company_stakes,
                                            holders, named_cascade, smallest_unravelling_seed,
                                            with_changes)
from chipcontrols.coalition.spread import critical_spread, critical_spread_table, tangency_share
from chipcontrols.coalition.staghunt import (CONTROL_DOMINANT, COORDINATION, REGIMES,
                                             SELL_DOMINANT, StagHunt, belief_threshold, regime,
                                             stag_hunt)

__all__ = [
    "BROWSER_STEPS", "CONTROL_DOMINANT", "COORDINATION", "CascadeOutcome", "H200_SEED", "HOLDS",
    "HOLDER_GROUPS", "Holder", "MATCH_ACT_BOUND", "NamedCascade", "PARTIAL", "REGIMES",
    "SELL_DOMINANT", "StagHunt", "TOOL_COALITION", "TOOL_COALITION_SEED", "UNRAVELS",
    "UnravellingSeed", "belief_threshold", "cascade", "cascade_outcome", "cascade_path",
    "company_stakes", "critical_spread", "critical_spread_table", "holders",
    "linear_fixed_point", "named", "named_cascade", "regime", "response",
    "smallest_unravelling_seed", "spread", "stag_hunt", "staghunt", "tangency_share",
    "tipping_seed", "uniform_tipping_point", "with_changes",
]
