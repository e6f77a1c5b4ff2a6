"""ECCN 3A090: chip metrics, the rule engine, the dated versions and the chip-table functions.

* :mod:`~chipcontrols.eccn3a090.metrics`: TPP and performance density (declared parameters,
  sympy forms, checked functions);
* :mod:`~chipcontrols.eccn3a090.rules`: boxes, classes, treatments and :class:`RuleVersion`;
* :mod:`~chipcontrols.eccn3a090.versions`: October 2022, October 2023, January 2026;
* :mod:`~chipcontrols.eccn3a090.chips`: the rule applied to a hypothetical chip and the table.
"""

from chipcontrols.eccn3a090.chips import (
    chip_metric,
    classify_chips,
    classify_hypothetical_chip,
    classify_under_every_version,
)
from chipcontrols.eccn3a090.metrics import (
    DENSITY_FORM,
    DENSITY_OF_CHIP,
    DIE_AREA,
    HYPOTHETICAL_CHIP_PARAMETERS,
    PARAMETERS,
    TPP,
    TPP_AT_ONE_PRECISION,
    TPP_FORM,
    TPP_OF_CHIP,
    density,
    die_area,
    interconnect,
    memory_bandwidth,
    performance_density,
    total_processing_performance,
    tpp,
)
from chipcontrols.eccn3a090.rules import (
    METRICS,
    Box,
    ControlClass,
    RuleVersion,
    Treatment,
    undetermined_label,
)
from chipcontrols.eccn3a090.versions import (
    CASE_BY_CASE_BANDWIDTH_LIMIT,
    CASE_BY_CASE_TPP_LIMIT,
    CLASS_CODE_FORMS,
    JANUARY_2026,
    OCTOBER_2022,
    OCTOBER_2023,
    RULE_VERSIONS,
)

#: How each symbol is typeset in the book's equations (derived from the declarations).
LATEX_NAMES = PARAMETERS.latex_names

__all__ = [
    "Box",
    "CASE_BY_CASE_BANDWIDTH_LIMIT",
    "CASE_BY_CASE_TPP_LIMIT",
    "CLASS_CODE_FORMS",
    "ControlClass",
    "DENSITY_FORM",
    "DENSITY_OF_CHIP",
    "DIE_AREA",
    "HYPOTHETICAL_CHIP_PARAMETERS",
    "JANUARY_2026",
    "LATEX_NAMES",
    "METRICS",
    "OCTOBER_2022",
    "OCTOBER_2023",
    "PARAMETERS",
    "RULE_VERSIONS",
    "RuleVersion",
    "TPP",
    "TPP_AT_ONE_PRECISION",
    "TPP_FORM",
    "TPP_OF_CHIP",
    "Treatment",
    "chip_metric",
    "classify_chips",
    "classify_hypothetical_chip",
    "classify_under_every_version",
    "density",
    "die_area",
    "interconnect",
    "memory_bandwidth",
    "performance_density",
    "total_processing_performance",
    "tpp",
    "undetermined_label",
]
