"""Models behind *The H200 Decision*: pure functions, sympy closed forms, numpy numbers.

This package never imports a plotting or widget library; the views live in ``widgets``.
Chapters import the public names below (``from chipcontrols import ledger``) and never reach
into private helpers.
"""

from chipcontrols import (closed_forms, coalition, eccn3a090, exercises, figures, glossary,
                          ledger, ledger_figures, record, seed, tools_vs_chips, tools_vs_chips_data,
                          tools_vs_chips_dynamics)
from chipcontrols import chapter5, hedging
from chipcontrols import catchup
from chipcontrols.data import DataValidationError, load_chips, load_table
from chipcontrols.eccn3a090 import (
    JANUARY_2026,
    OCTOBER_2022,
    OCTOBER_2023,
    RULE_VERSIONS,
    RuleVersion,
    Treatment,
    classify_chips,
    classify_hypothetical_chip,
    classify_under_every_version,
    performance_density,
    total_processing_performance,
)
from chipcontrols.parameters import Parameter, ParameterSet
from chipcontrols.vega import to_vega

__all__ = [
    "DataValidationError",
    "JANUARY_2026",
    "OCTOBER_2022",
    "OCTOBER_2023",
    "Parameter",
    "ParameterSet",
    "RULE_VERSIONS",
    "RuleVersion",
    "Treatment",
    "catchup",
    "classify_chips",
    "classify_hypothetical_chip",
    "chapter5",
    "classify_under_every_version",
    "closed_forms",
    "coalition",
    "eccn3a090",
    "exercises",
    "figures",
    "glossary",
    "hedging",
    "ledger",
    "ledger_figures",
    "load_chips",
    "load_table",
    "performance_density",
    "record",
    "seed",
    "to_vega",
    "tools_vs_chips",
    "tools_vs_chips_data",
    "tools_vs_chips_dynamics",
    "total_processing_performance",
]
