"""Chapter 1's ledger views: the ledger and ratio charts, the ledger lab and the chapter's glued
numbers (``glue_numbers``).
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["charts", "lab", "numbers"],
    submod_attrs={
        "charts": ["basis_switch", "binding_names_vega", "ledger_chart", "ratio_chart"],
        "lab": ["LedgerLab", "ledger_lab", "ledger_lab_html", "scenario_table"],
        "numbers": ["glue_numbers"],
    },
)
