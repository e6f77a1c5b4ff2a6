"""Chapter 4, China's domestic chips: the catch-up clock.

One module per clock: :mod:`~chipcontrols.catchup.yields` (dies, yield, cost per good die),
:mod:`~chipcontrols.catchup.learning`, :mod:`~chipcontrols.catchup.cost` (Wright's-law race),
:mod:`~chipcontrols.catchup.performance`, :mod:`~chipcontrols.catchup.reliability` and
:mod:`~chipcontrols.catchup.market`; the chapter's tables (:mod:`~chipcontrols.catchup.tables`,
re-exported here, and their rows as figures in :mod:`~chipcontrols.catchup.table_figures`),
``prose``, ``exercises``, ``checks`` and ``variants``.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=[
        "checks",
        "cost",
        "exercises",
        "learning",
        "market",
        "performance",
        "prose",
        "reliability",
        "table_figures",
        "tables",
        "variants",
        "yields",
    ],
    submod_attrs={
        "tables": [
            "CHEN_CLAIMS",
            "MODULES",
            "PARTS",
            "chip_growth",
            "evidence",
            "mandate_record_for",
            "mandates",
            "planned_date",
            "roadmap",
            "roadmap_growth",
        ],
    },
)
