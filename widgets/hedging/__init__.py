"""Chapter 5's views: the payoff, leverage, levy and exit charts, the calibration lab, the record
and the glued numbers (``glue_numbers``).
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["charts", "lab", "numbers", "record"],
    submod_attrs={
        "charts": [
            "binding_names_vega",
            "exit_chart",
            "laffer_chart",
            "leverage_chart",
            "payoff_chart",
        ],
        "lab": [
            "CalibrationLab",
            "calibration_html",
            "calibration_lab",
            "changes_html",
            "lab_html",
        ],
        "numbers": ["glue_numbers"],
        "record": ["calibration_view", "dependence_table", "side_by_side_view"],
    },
)
