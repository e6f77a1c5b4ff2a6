"""Chapter 5's views: the payoff, leverage, levy and exit charts, the calibration lab and the record."""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["charts", "lab", "record"],
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
        "record": ["calibration_view", "dependence_table", "side_by_side_view"],
    },
)
