"""The dated versions of the 3A090 test, as data.

* October 2022: TPP of 4,800 or more *and* a chip-to-chip ('bidirectional transfer') rate of
  600 GB/s or more (87 FR 62186);
* October 2023: TPP and performance density alone (3A090.a and the 3A090.b 'grey zone');
* January 2026: the 2023 classes, with license applications for China reviewed case by case
  below TPP 21,000 and total DRAM bandwidth 6,500 GB/s, and under a presumption of denial
  above (91 FR 1684).

Every threshold is a record figure of ``data/record.csv`` (value, citation, confidence), read
here by key: the boxes below are the only place the thresholds enter the code.
"""

from __future__ import annotations

from chipcontrols.core import record
from chipcontrols.core.closed_forms import register
from chipcontrols.eccn3a090.metrics import PARAMETERS
from chipcontrols.eccn3a090.rules import Box, ControlClass, RuleVersion, Treatment

_value = record.value
#: October 2022: TPP and interconnect.
TPP_LINE_2022 = _value("oct_2022_3a090_tpp_threshold")
INTERCONNECT_LINE_2022 = _value("oct_2022_3a090_interconnect_threshold_gbs")
#: October 2023: 3A090.a (TPP alone, or a lower TPP with a high density) and the 3A090.b boxes.
TPP_LINE = _value("oct_2023_3a090a_tpp_threshold")
TPP_DENSE_LINE = _value("oct_2023_3a090a_tpp_with_density_threshold")
DENSITY_LINE = _value("oct_2023_3a090a_density_threshold")
GREY_TPP_LOW = _value("oct_2023_3a090b_tpp_low")
GREY_DENSITY_LOW = _value("oct_2023_3a090b_density_low")
GREY_SECOND_DENSITY_LOW = _value("oct_2023_3a090b_second_box_density_low")

OCTOBER_2022 = RuleVersion(
    name="October 2022",
    effective="2022-10-21",
    classes=(
        ControlClass(
            label="3A090",
            boxes=(Box(tpp=(TPP_LINE_2022, None), interconnect=(INTERCONNECT_LINE_2022, None)),),
            meaning=f"license required for China: TPP of {TPP_LINE_2022:,g} or more and a "
            f"bidirectional chip-to-chip transfer rate of {INTERCONNECT_LINE_2022:,g} GB/s or more",
            treatment=Treatment.LICENSE,
        ),
    ),
    uncontrolled_label="not controlled",
    citation="bis2022rule",
)

_LICENSE_BOXES = (
    Box(tpp=(TPP_LINE, None)),
    Box(tpp=(TPP_DENSE_LINE, None), density=(DENSITY_LINE, None)),
)

OCTOBER_2023 = RuleVersion(
    name="October 2023",
    effective="2023-11-17",
    classes=(
        ControlClass(
            label="3A090.a",
            boxes=_LICENSE_BOXES,
            meaning="license required for China, Macau and arms-embargoed destinations",
            treatment=Treatment.LICENSE,
        ),
        ControlClass(
            label="3A090.b",
            boxes=(
                Box(tpp=(GREY_TPP_LOW, TPP_LINE), density=(GREY_DENSITY_LOW, DENSITY_LINE)),
                Box(tpp=(TPP_DENSE_LINE, None), density=(GREY_SECOND_DENSITY_LOW, DENSITY_LINE)),
            ),
            meaning="'grey zone': data-centre parts need a license or a notification (NAC)",
            treatment=Treatment.GREY_ZONE,
        ),
    ),
    uncontrolled_label="not controlled",
    citation="fr2023advcomputing",
)

#: The January 2026 ceiling of case-by-case review: TPP and DRAM bandwidth (GB/s).
CASE_BY_CASE_TPP_LIMIT = record.value("jan_2026_rule_tpp_ceiling")
CASE_BY_CASE_BANDWIDTH_LIMIT = record.value("jan_2026_rule_dram_bandwidth_ceiling_gbs")

JANUARY_2026 = RuleVersion(
    name="January 2026",
    effective="2026-01-15",
    classes=(
        ControlClass(
            label="3A090.a, presumption of denial",
            boxes=(
                Box(tpp=(CASE_BY_CASE_TPP_LIMIT, None)),
                *(
                    Box(
                        tpp=box.tpp,
                        density=box.density,
                        memory_bandwidth=(CASE_BY_CASE_BANDWIDTH_LIMIT, None),
                    )
                    for box in _LICENSE_BOXES
                ),
            ),
            meaning=f"license applications for China and Macau still reviewed under a "
            f"presumption of denial (TPP of {CASE_BY_CASE_TPP_LIMIT:,.0f} or more, or DRAM "
            f"bandwidth of {CASE_BY_CASE_BANDWIDTH_LIMIT:,.0f} GB/s or more)",
            treatment=Treatment.DENIAL,
        ),
        ControlClass(
            label="3A090.a, case-by-case",
            boxes=_LICENSE_BOXES,
            meaning="license applications for China and Macau reviewed case by case, on the "
            "rule's supply, security, testing and volume conditions",
            treatment=Treatment.CASE_BY_CASE,
        ),
        *OCTOBER_2023.classes[1:],
    ),
    uncontrolled_label="not controlled",
    citation="bis2026h200rule",
)

#: Every rule version, oldest first.
RULE_VERSIONS = (OCTOBER_2022, OCTOBER_2023, JANUARY_2026)

#: The class code of each version, registered for the website (the chip map and the grid).
CLASS_CODE_FORMS = {
    rule.name: register(
        f"3A090: class code, {rule.name} rule",
        rule.class_code,
        PARAMETERS,
        log_scale=tuple(symbol.name for symbol in rule.metrics),
    )
    for rule in RULE_VERSIONS
}
