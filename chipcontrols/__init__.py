"""Models behind *The H200 Decision*: pure functions, sympy closed forms, numpy numbers.

This package never imports a plotting or widget library; the views live in ``widgets``.  One
subpackage per model, named as the chapter's model is named everywhere (views, tests, glue
keys): ``ledger`` with the rule engine ``eccn3a090`` (chapter 1), ``tools_vs_chips`` (2),
``coalition`` (3), ``catchup`` (4) and ``hedging`` (5); ``core`` holds the machinery every
model uses and ``reference`` the book-wide content.  Subpackages load on first use, so
``import chipcontrols`` computes nothing.
"""

import lazy_loader as lazy

#: The model of each chapter, in book order: chapter N's model is ``CHAPTER_MODELS[N - 1]``.
CHAPTER_MODELS = ("ledger", "tools_vs_chips", "coalition", "catchup", "hedging")

__getattr__, __dir__, _lazy_names = lazy.attach(
    __name__,
    submodules=[
        "catchup",
        "coalition",
        "core",
        "eccn3a090",
        "hedging",
        "ledger",
        "reference",
        "tools_vs_chips",
    ],
)
__all__ = [*_lazy_names, "CHAPTER_MODELS"]
