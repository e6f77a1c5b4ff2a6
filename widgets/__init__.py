"""Views over the models: Altair charts for the static site and ipywidgets labs for a kernel."""

from widgets.classifier import classifier_chart, classifier_lab
from widgets.display import Figure, building_static_site
from widgets.glossary import glossary_markdown, key_terms_markdown
from widgets.glue import glue_all
from widgets.history import rule_versions_chart, timeline_chart
from widgets.ledger_charts import ledger_chart, ratio_chart
from widgets.ledger_lab import ledger_lab
from widgets.seed import seed_quote
from widgets.text import chip_table, equation, rule_conditions
from widgets.tools_vs_chips_charts import (bottleneck_chart, control_events_chart, denied_chart,
                                           race_chart)
from widgets.tools_vs_chips_lab import tools_vs_chips_lab

__all__ = ["Figure", "bottleneck_chart", "building_static_site", "chip_table", "classifier_chart",
           "classifier_lab", "control_events_chart", "denied_chart", "equation",
           "glossary_markdown", "glue_all", "key_terms_markdown", "ledger_chart", "ledger_lab",
           "race_chart", "ratio_chart", "rule_conditions", "rule_versions_chart", "seed_quote",
           "timeline_chart", "tools_vs_chips_lab"]
