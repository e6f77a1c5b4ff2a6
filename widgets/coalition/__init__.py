"""Chapter 3's views: the stag-hunt and cascade charts, the named-holder lab, the allied record
and the glued numbers (``glue_numbers``).
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["charts", "lab", "numbers", "record"],
    submod_attrs={
        "charts": ["cascade_chart", "staghunt_chart"],
        "lab": ["CascadeLab", "cascade_lab", "cascade_lab_html", "holders_table"],
        "numbers": ["glue_numbers"],
        "record": ["allied_record_chart", "event_table", "record_table"],
    },
)
