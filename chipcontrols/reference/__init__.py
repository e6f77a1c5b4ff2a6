"""Book-wide content: the seed report's passages, the glossary, and the facts and formulas
more than one chapter uses (gross dies per wafer, the allied holders' China revenue).
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=["allied_revenue", "glossary", "seed", "wafers"],
)
