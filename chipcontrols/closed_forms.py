"""Registry of every closed form the website evaluates in the browser.

Each entry names a sympy expression and a sampling box for its free symbols.  The browser
parity test prints each expression to Vega, evaluates it in Chromium at random points of the
box and compares with numpy, so a new closed form is covered as soon as it is registered.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from chipcontrols import eccn3a090, ledger


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


CLOSED_FORMS: tuple[ClosedForm, ...] = (
    ClosedForm(
        "3A090 TPP of a chip",
        eccn3a090.TPP_OF_CHIP,
        {eccn3a090.fp16_ops: (0.0, 5000.0), eccn3a090.int8_ops: (0.0, 10000.0),
         eccn3a090.fp4_ops: (0.0, 20000.0)},
    ),
    ClosedForm(
        "3A090 performance density",
        eccn3a090.DENSITY_OF_CHIP,
        {eccn3a090.tpp: (eccn3a090.HYPOTHETICAL_TPP.minimum, eccn3a090.HYPOTHETICAL_TPP.maximum),
         eccn3a090.die_area: (eccn3a090.HYPOTHETICAL_DIE_AREA.minimum,
                              eccn3a090.HYPOTHETICAL_DIE_AREA.maximum)},
        log_scale=(eccn3a090.tpp, eccn3a090.die_area),
    ),
    ClosedForm(
        "3A090 class code, October 2023 rule",
        eccn3a090.OCTOBER_2023.class_code,
        {eccn3a090.tpp: (500.0, 100_000.0), eccn3a090.density: (0.5, 100.0)},
        log_scale=(eccn3a090.tpp, eccn3a090.density),
    ),
    ClosedForm(
        "H200 ledger: US:China compute ratio",
        ledger.RATIO,
        {ledger.volume: (0.0, 2.5), ledger.us_compute: (8.0, 25.0),
         ledger.china_compute: (0.2, 1.5), ledger.h100e_per_chip: (1.0, 1.8),
         ledger.displacement: (0.0, 1.0)},
    ),
    ClosedForm(
        "H200 ledger: export volume for a target ratio",
        ledger.VOLUME_FOR_TARGET_RATIO,
        {ledger.us_compute: (8.0, 25.0), ledger.china_compute: (0.2, 1.5),
         ledger.h100e_per_chip: (1.0, 1.8), ledger.displacement: (0.0, 1.0),
         ledger.target_ratio: (1.0, 50.0)},
    ),
)
