"""Chapter 4's views: the cost and clock charts, the learning lab, the tables and the glued
numbers (``glue_numbers``).
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["charts", "clock_charts", "lab", "numbers", "tables"],
    submod_attrs={
        "charts": ["cost_chart", "cost_race_chart"],
        "clock_charts": ["performance_chart", "reliability_chart"],
        "lab": ["LearningLab", "defaults", "lab_html", "learning_lab", "scenario_table"],
        "numbers": ["glue_numbers"],
        "tables": [
            "evidence_table",
            "mandate_table",
            "market_table",
            "parameter_table",
            "roadmap_table",
        ],
    },
)
