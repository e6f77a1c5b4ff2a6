"""Views over the models: Altair charts for the static site and ipywidgets labs for a kernel."""

from widgets.catchup_charts import cost_chart, race_chart
from widgets.catchup_clock_charts import performance_chart, reliability_chart
from widgets.catchup_lab import learning_lab
from widgets.catchup_tables import (evidence_table, mandate_table, market_table,
                                    parameter_table, roadmap_table)
from widgets.classifier import classifier_chart, classifier_lab
from widgets.display import Figure, building_static_site
from widgets.glossary import glossary_markdown, key_terms_markdown
from widgets.glue import glue_all
from widgets.history import rule_versions_chart, timeline_chart
from widgets.ledger_charts import ledger_chart, ratio_chart
from widgets.ledger_lab import ledger_lab
from widgets.seed import seed_quote
from widgets.text import chip_table, equation, rule_conditions

__all__ = ["Figure", "building_static_site", "chip_table", "classifier_chart", "classifier_lab",
           "equation", "glossary_markdown", "glue_all", "key_terms_markdown", "ledger_chart",
           "ledger_lab", "ratio_chart", "rule_conditions", "rule_versions_chart", "seed_quote",
           "timeline_chart",
           # chapter 4: the catch-up clock
           "cost_chart", "evidence_table", "learning_lab", "mandate_table", "market_table",
           "parameter_table", "performance_chart", "race_chart", "reliability_chart",
           "roadmap_table"]
