"""Models behind *The H200 Decision*: pure functions, sympy closed forms, numpy numbers.

This package never imports a plotting or widget library; the views live in ``widgets``.
"""

from chipcontrols.data import DataValidationError, load_chips, load_table
from chipcontrols.eccn3a090 import (
    OCTOBER_2023,
    RuleVersion,
    classify_chips,
    classify_hypothetical_chip,
    performance_density,
    total_processing_performance,
)
from chipcontrols.parameters import Parameter
from chipcontrols.vega import to_vega

__all__ = [
    "DataValidationError",
    "OCTOBER_2023",
    "Parameter",
    "RuleVersion",
    "classify_chips",
    "classify_hypothetical_chip",
    "load_chips",
    "load_table",
    "performance_density",
    "to_vega",
    "total_processing_performance",
]
