"""Checks for the chapter-2 exercises: the bottleneck, the race, the estimates, the record.

The expected answers come from the tools-vs-chips model (:mod:`chipcontrols.tools_vs_chips.model`,
:mod:`chipcontrols.tools_vs_chips.dynamics`) and the data (``data/capacity.csv``,
``data/control_events.csv``); none is stored here.  A "Not yet" gives a hint and the student's
own number, never the expected one.

One module per exercise, re-exported here so chapters and assignments keep reading
``from chipcontrols.tools_vs_chips.checks import check_horizon``:

* :mod:`~chipcontrols.tools_vs_chips.checks.bottleneck` — gross dies and the HBM threshold
  (``ex-ch2-bottleneck``; assignment question 1).
* :mod:`~chipcontrols.tools_vs_chips.checks.race` — crossover years and T*, as a number and as a
  function (``ex-ch2-race``; assignment questions 2 to 4).
* :mod:`~chipcontrols.tools_vs_chips.checks.estimates` — what each Ascend estimate requires
  (``ex-ch2-estimates``).
* :mod:`~chipcontrols.tools_vs_chips.checks.coding` — coding the record of control events
  (``ex-ch2-shift``).
* :mod:`~chipcontrols.tools_vs_chips.checks.common` — the tolerances and the helper they share.
"""

# Names not in __all__ (imported "as" themselves) stay importable from here, as before the split.
from chipcontrols.tools_vs_chips.checks.bottleneck import (
    _ratio_hint as _ratio_hint,
    check_gross_dies,
    check_hbm_threshold,
)
from chipcontrols.tools_vs_chips.checks.coding import (
    CODING_AGREEMENT,
    _as_coding as _as_coding,
    check_event_coding,
    check_shift_table,
    valid_labels as valid_labels,
)
from chipcontrols.tools_vs_chips.checks.common import (
    ANSWER_RELATIVE_TOLERANCE,
    YEARS_TOLERANCE as YEARS_TOLERANCE,
    _near as _near,
)
from chipcontrols.tools_vs_chips.checks.estimates import (
    OUTPUT_QUANTITIES as OUTPUT_QUANTITIES,
    check_estimate_requirements,
)
from chipcontrols.tools_vs_chips.checks.race import (
    _HORIZON_ARGUMENTS as _HORIZON_ARGUMENTS,
    HORIZON_FUNCTION_SAMPLES,
    _horizon_points as _horizon_points,
    check_crossover,
    check_horizon,
    check_horizon_function,
)

__all__ = [
    "ANSWER_RELATIVE_TOLERANCE",
    "CODING_AGREEMENT",
    "HORIZON_FUNCTION_SAMPLES",
    "check_crossover",
    "check_estimate_requirements",
    "check_event_coding",
    "check_gross_dies",
    "check_hbm_threshold",
    "check_horizon",
    "check_horizon_function",
    "check_shift_table",
]
