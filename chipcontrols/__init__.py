"""Models behind *The H200 Decision*: pure functions, sympy closed forms, numpy numbers.

This package never imports a plotting or widget library; the views live in ``widgets``.  One
subpackage per model, named as the chapter's model is named everywhere (views, tests, glue
keys): ``ledger`` with the rule engine ``eccn3a090`` (chapter 1), ``tools_vs_chips`` (2),
``coalition`` (3), ``catchup`` (4) and ``hedging`` (5); ``core`` holds the machinery every
model uses and ``reference`` the book-wide content.  Subpackages load on first use, so
``import chipcontrols`` computes nothing.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=['catchup', 'coalition', 'core', 'eccn3a090', 'hedging', 'ledger', 'reference', 'tools_vs_chips'],
)
