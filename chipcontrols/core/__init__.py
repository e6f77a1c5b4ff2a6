"""Machinery every model uses: parameters, closed forms, the Vega printer, the data loader,
the record, the figures the text cites, answer checking and per-student variants.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=[
        "checking",
        "closed_forms",
        "data",
        "derivations",
        "figures",
        "limits",
        "parameters",
        "record",
        "variants",
        "vega",
    ],
)
