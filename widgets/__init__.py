"""Views over the models: Altair charts for the static site and ipywidgets labs for a kernel."""

from widgets.classifier import classifier_chart, classifier_lab
from widgets.display import Figure, building_static_site
from widgets.text import chip_table, equation, rule_conditions

__all__ = ["Figure", "building_static_site", "chip_table", "classifier_chart", "classifier_lab",
           "equation", "rule_conditions"]
