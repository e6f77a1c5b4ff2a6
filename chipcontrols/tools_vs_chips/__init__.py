"""Chapter 2, The strategic shift: tools vs chips (domestic output as the lesser of wafer- and
memory-limited accelerators; chip controls cut a flow, tool controls cut its growth).

:mod:`~chipcontrols.tools_vs_chips.model` (declarations and sympy forms, re-exported here),
:mod:`~chipcontrols.tools_vs_chips.dynamics` (T*, paths, shocks), :mod:`~chipcontrols.tools_vs_chips.evidence`
(estimates, disputed inputs, coded control events), ``prose``, ``checks`` and ``variants``.
"""

import lazy_loader as lazy

__getattr__, __dir__, __all__ = lazy.attach(
    __name__,
    submodules=['checks', 'dynamics', 'evidence', 'model', 'prose', 'variants'],
    submod_attrs={
        'model': ['ACCELERATORS', 'ASCEND_910B', 'ASCEND_910C', 'CAPACITY_PATH', 'CROSSOVER',
            'CROSSOVER_WITH', 'CROSSOVER_WITHOUT', 'CUMULATIVE', 'DENIED_BY_CHIP_BAN',
            'DENIED_BY_TOOL_CONTROLS', 'DOMESTIC_SHARE', 'DYNAMIC', 'EFFECTIVE_WAFERS',
            'ELASTICITIES', 'FORMS', 'GOOD_DIES', 'GROSS_DIES', 'H100',
            'HBM_AT_WHICH_WAFERS_BIND', 'HBM_LIMIT', 'HBM_LIMITED_2026', 'HBM_PATH',
            'HORIZON_EQUATION', 'LATEX_NAMES', 'LEVERS', 'LIMITS', 'MONTHS_PER_YEAR', 'OUTPUT',
            'OUTPUT_PATH', 'PARAMETERS', 'STATIC', 'THOUSANDS_PER_MILLION', 'TWO_INPUT_WITH',
            'TWO_INPUT_WITHOUT', 'WAFER_DIAMETER_MM', 'WAFER_LIMIT', 'WAFER_PATH', 'YEARS_BOUGHT',
            'ai_wafer_share', 'ascend_die_area', 'ascend_yield', 'at_growth', 'chip_imports',
            'dies_per_package', 'domestic_output', 'elasticity', 'evaluate', 'evaluate_along',
            'growth', 'growth_with_controls', 'growth_without_controls', 'h100e_per_accelerator',
            'hbm_growth', 'hbm_per_package', 'hbm_supply', 'horizon_years', 'litho_passes',
            'servicing_ban_year', 'static_table', 'tool_uptime', 'wafer_starts', 'years_ahead'],
    },
)
