"""Registry of every closed form the website evaluates in the browser.

Each entry names a sympy expression and a sampling box for its free symbols.  The browser
parity test prints each expression to Vega, evaluates it in Chromium at random points of the
box and compares with numpy, so a new closed form is covered as soon as it is registered.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from chipcontrols import eccn3a090, ledger
from chipcontrols.parameters import Parameter


@dataclass(frozen=True)
class ClosedForm:
    """A sympy expression with the box its free symbols are sampled from.

    ``log_scale`` lists the symbols sampled uniformly in log space.
    """

    name: str
    expression: sp.Basic
    domain: dict[sp.Symbol, tuple[float, float]]
    log_scale: tuple[sp.Symbol, ...] = ()

    def __post_init__(self) -> None:
        missing = self.expression.free_symbols - set(self.domain)
        if missing:
            raise ValueError(f"closed form {self.name}: no sampling range for {sorted(map(str, missing))}")


def _span(parameter: Parameter) -> tuple[float, float]:
    """The declared range of a parameter, as a sampling box side."""
    return (parameter.minimum, parameter.maximum)


_TPP, _AREA = eccn3a090.HYPOTHETICAL_TPP, eccn3a090.HYPOTHETICAL_DIE_AREA
#: Every declared ledger parameter that appears in a closed form, by symbol.
_LEDGER_SPANS = {symbol: _span({**ledger.PARAMETERS, "target_ratio": ledger.TARGET_RATIO}[name])
                 for name, symbol in ledger.SYMBOL_OF.items()}
_LEDGER_SPANS[ledger.volume] = _span(ledger.EXPORT_VOLUME)


#: Sampling spans of the chip metrics a rule version tests: the hypothetical-chip sliders for
#: TPP and density; for the GB/s metrics, a factor of ten either side of the thresholds.
_METRIC_SPANS = {
    eccn3a090.tpp: _span(_TPP),
    eccn3a090.density: (_TPP.minimum / _AREA.maximum, _TPP.maximum / _AREA.minimum),
    eccn3a090.interconnect: (60.0, 6_000.0),
    eccn3a090.memory_bandwidth: (650.0, 65_000.0),
}


def _ledger_domain(expression: sp.Basic) -> dict[sp.Symbol, tuple[float, float]]:
    return {symbol: _LEDGER_SPANS[symbol] for symbol in expression.free_symbols}


CLOSED_FORMS: tuple[ClosedForm, ...] = (
    ClosedForm(
        "3A090 TPP of a chip",
        eccn3a090.TPP_OF_CHIP,
        # dense throughput up to the largest figure in data/chips.csv and beyond (GB300 FP4 15,000)
        {eccn3a090.fp16_ops: (0.0, 5000.0), eccn3a090.int8_ops: (0.0, 10000.0),
         eccn3a090.fp4_ops: (0.0, 20000.0)},
    ),
    ClosedForm(
        "3A090 performance density",
        eccn3a090.DENSITY_OF_CHIP,
        {eccn3a090.tpp: _span(_TPP), eccn3a090.die_area: _span(_AREA)},
        log_scale=(eccn3a090.tpp, eccn3a090.die_area),
    ),
    *(
        ClosedForm(
            f"3A090 class code, {rule.name} rule",
            rule.class_code,
            {symbol: _METRIC_SPANS[symbol] for symbol in rule.metrics},
            log_scale=tuple(rule.metrics),
        )
        for rule in eccn3a090.RULE_VERSIONS
    ),
    *(
        ClosedForm(f"H200 ledger: {name}", expression, _ledger_domain(expression))
        for name, expression in (
            ("export volume, the tightest limit", ledger.VOLUME),
            ("Treasury revenue", ledger.TREASURY_REVENUE),
            ("Nvidia revenue", ledger.NVIDIA_REVENUE),
            ("US:China compute ratio", ledger.RATIO),
            ("marginal effect of one more chip on the ratio", ledger.MARGINAL_RATIO),
            ("export volume for a target ratio", ledger.VOLUME_FOR_TARGET_RATIO),
        )
    ),
)
