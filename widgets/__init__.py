"""Views over the models: Altair charts for the static site and ipywidgets labs for a kernel.

``core`` holds what every view uses; each model's views sit in a subpackage of the model's
name (``widgets.coalition`` for :mod:`chipcontrols.coalition`).  Nothing here imports the
site's Sphinx extension (:mod:`booksite`), which depends on the views, never the reverse.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=[
        "catchup",
        "coalition",
        "core",
        "eccn3a090",
        "hedging",
        "ledger",
        "tools_vs_chips",
    ],
)
