"""Checks for the chapter-4 exercises: dies, yields, learning, the clocks, units and compute.

Every expected answer comes from the catch-up clock's modules and the data: gross dies from
:func:`chipcontrols.catchup.yields.gross_dies` on ``data/chips.csv``, defect densities and the
learning curve from :mod:`chipcontrols.catchup.yields` and :mod:`chipcontrols.catchup.learning`,
the race from :mod:`chipcontrols.catchup.cost`, the performance clock from
:mod:`chipcontrols.catchup.performance`, the waste from :mod:`chipcontrols.catchup.reliability`
and the shares from :mod:`chipcontrols.catchup.market`.  Nothing expected is stored here.

One module per group of exercises: :mod:`~chipcontrols.catchup.checks.dies` (dies per wafer,
defect densities, the learning curve), :mod:`~chipcontrols.catchup.checks.performance` (the performance clock),
:mod:`~chipcontrols.catchup.checks.clocks` (the cost race, the memo's time saved) and
:mod:`~chipcontrols.catchup.checks.compute` (failures at cluster scale, units and market shares);
the tolerance and helpers are in :mod:`~chipcontrols.catchup.checks.common`.  Every check is
re-exported here, so ``from chipcontrols.catchup.checks import check_gross_dies`` works.
"""

from chipcontrols.catchup.checks.clocks import (
    check_crossover_function,
    check_gamma_min,
    check_growth_for_crossover,
    check_time_saved,
)
from chipcontrols.catchup.checks.common import (
    FUNCTION_SAMPLES as FUNCTION_SAMPLES,
    RELATIVE_TOLERANCE,
)
from chipcontrols.catchup.checks.compute import (
    check_chips_to_match,
    check_compute_share,
    check_market_denominators,
    check_waste,
)
from chipcontrols.catchup.checks.dies import (
    check_defect_density,
    check_gross_dies,
    check_gross_dies_area,
    check_learning_exponent,
    check_projected_cost,
)
from chipcontrols.catchup.checks.performance import (
    check_chip_growth,
    check_required_advantage,
    check_roadmap_growth,
)

__all__ = [
    "RELATIVE_TOLERANCE",
    "check_chip_growth",
    "check_chips_to_match",
    "check_compute_share",
    "check_crossover_function",
    "check_defect_density",
    "check_gamma_min",
    "check_growth_for_crossover",
    "check_gross_dies",
    "check_gross_dies_area",
    "check_learning_exponent",
    "check_market_denominators",
    "check_projected_cost",
    "check_required_advantage",
    "check_roadmap_growth",
    "check_time_saved",
    "check_waste",
]
