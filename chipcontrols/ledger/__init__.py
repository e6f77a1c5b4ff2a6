"""Chapter 1, The decision: the H200 ledger (exports are the least of four limits), its
figures, the numbers the prose cites, the exercise checks and per-student variants.

The model's names are re-exported here lazily, so ``from chipcontrols import ledger`` then
``ledger.ledger()`` works; the rule engine is :mod:`chipcontrols.eccn3a090`.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["checks", "figures", "model", "prose", "variants"],
    submod_attrs={
        "model": [
            "BREAK_EVEN_VALUATION",
            "CHINA_COMPUTE_ADDED",
            "ClosedFormResults",
            "EXPORT_VOLUME",
            "FORMS",
            "INPUTS",
            "LATEX_NAMES",
            "LIMITS",
            "LedgerResult",
            "MARGINAL_RATIO",
            "NVIDIA_REVENUE",
            "PARAMETERS",
            "RATIO",
            "TARGET_RATIO",
            "TIE_TOLERANCE",
            "TREASURY_REVENUE",
            "US_GAIN_PER_CHIP",
            "VOLUME",
            "VOLUME_FOR_TARGET_RATIO",
            "WELFARE",
            "approvals",
            "binding_limits",
            "break_even_at",
            "cap_share",
            "china_compute",
            "closed_form_results",
            "demand",
            "displacement",
            "h100e_per_chip",
            "ledger",
            "nvidia_weight",
            "price",
            "ratio_at",
            "scenario_volumes",
            "scenarios",
            "supply",
            "target_ratio",
            "tariff_share",
            "us_compute",
            "us_volume",
            "valuation",
            "volume",
        ],
    },
)
