"""Chapter 2's views: the race, bottleneck, denied-compute and control-event charts, the
lab, the tables and the glued numbers (``glue_numbers``).
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["charts", "formulas", "lab", "numbers", "tables"],
    submod_attrs={
        "charts": [
            "bottleneck_chart",
            "control_events_chart",
            "denied_chart",
            "dispute_strip",
            "growth_strip",
            "race_chart",
        ],
        "lab": [
            "ToolsVsChipsLab",
            "chained",
            "lab_html",
            "results_html",
            "scenario_table",
            "shock_figure",
            "tools_vs_chips_lab",
        ],
        "formulas": ["display_forms", "equations"],
        "numbers": ["glue_numbers"],
        "tables": [
            "elasticity_table",
            "estimates_table",
            "parameter_table",
            "plain_symbol",
            "requirements_table",
            "toolmaker_shares_table",
        ],
    },
)
