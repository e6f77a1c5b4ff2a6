"""Views over the models: Altair charts for the static site and ipywidgets labs for a kernel."""

from widgets.catchup_charts import cost_chart, cost_race_chart
from widgets.catchup_clock_charts import performance_chart, reliability_chart
from widgets.catchup_lab import learning_lab
from widgets.catchup_tables import (evidence_table, mandate_table, market_table,
                                    parameter_table, roadmap_table)
from widgets.classifier import classifier_chart, classifier_lab
from widgets.coalition_charts import cascade_chart, staghunt_chart
from widgets.coalition_lab import cascade_lab, holders_table
from widgets.coalition_record import allied_record_chart
from widgets.display import Figure, building_static_site
from widgets.glossary import glossary_markdown, key_terms_markdown
from widgets.glue import glue_all
from widgets.hedging_charts import exit_chart, laffer_chart, leverage_chart, payoff_chart
from widgets.hedging_lab import calibration_lab
from widgets.hedging_record import calibration_view, dependence_table, side_by_side_view
from widgets.history import rule_versions_chart, timeline_chart
from widgets.ledger_charts import ledger_chart, ratio_chart
from widgets.ledger_lab import ledger_lab
from widgets.seed import seed_quote
from widgets.text import chip_table, equation, rule_conditions
from widgets.tools_vs_chips_charts import (bottleneck_chart, control_events_chart, denied_chart,
                                           race_chart)
from widgets.tools_vs_chips_lab import tools_vs_chips_lab

__all__ = ["allied_record_chart", "bottleneck_chart", "building_static_site", "calibration_lab",
           "calibration_view", "cascade_chart", "cascade_lab", "chip_table", "classifier_chart",
           "classifier_lab", "control_events_chart", "cost_chart", "cost_race_chart",
           "denied_chart", "dependence_table", "equation", "evidence_table", "exit_chart",
           "Figure", "glossary_markdown", "glue_all", "holders_table", "key_terms_markdown",
           "laffer_chart", "learning_lab", "ledger_chart", "ledger_lab", "leverage_chart",
           "mandate_table", "market_table", "parameter_table", "payoff_chart",
           "performance_chart", "race_chart", "ratio_chart", "reliability_chart", "roadmap_table",
           "rule_conditions", "rule_versions_chart", "seed_quote", "side_by_side_view",
           "staghunt_chart", "timeline_chart", "tools_vs_chips_lab"]
