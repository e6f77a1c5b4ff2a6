"""The standard normal distribution function Φ as a sympy function (chapter 3's cascade).

One definition on three stages: ``\\Phi`` in LaTeX, Vega's ``cumulativeNormal`` on the website
and ``erfc`` in numpy (through sympy's ``_imp_`` hook, which ``lambdify`` uses whatever modules
it is given), so the lower tail keeps its relative precision everywhere; writing Φ as
``(1 + erf(z/√2))/2`` would lose it to cancellation.
"""

from __future__ import annotations

import math

import numpy as np
import sympy as sp


def _normal_cdf(z):
    """Φ(z) for a number or an array, from ``erfc`` (accurate in the lower tail)."""
    values = np.asarray(z, dtype=float)
    result = 0.5 * np.vectorize(math.erfc, otypes=[float])(-values / math.sqrt(2.0))
    return float(result) if result.ndim == 0 else result


class Phi(sp.Function):
    """The standard normal distribution function Φ as a sympy function.

    It is written ``\\Phi`` in LaTeX, ``cumulativeNormal`` in Vega and evaluated with ``erfc``
    in numpy, so the lower tail keeps its relative precision on every stage; ``(1 + erf)/2``
    would lose it to cancellation.  Its derivative is the normal density.

    Examples
    --------
    >>> z = sp.Symbol("z", real=True)
    >>> sp.diff(Phi(z), z)
    sqrt(2)*exp(-z**2/2)/(2*sqrt(pi))
    >>> float(Phi(sp.Float(0)).rewrite(sp.erf))
    0.5
    """

    _imp_ = staticmethod(_normal_cdf)

    def fdiff(self, argindex=1):
        z = self.args[0]
        return sp.exp(-z**2 / 2) / sp.sqrt(2 * sp.pi)

    def _eval_rewrite_as_erf(self, z, **kwargs):
        return (1 + sp.erf(z / sp.sqrt(2))) / 2

    def _eval_evalf(self, prec):
        return self.rewrite(sp.erf)._eval_evalf(prec)

    def _latex(self, printer, exp=None):
        inner = printer._print(self.args[0])
        text = rf"\Phi\left({inner}\right)"
        return rf"{text}^{{{exp}}}" if exp else text

    def _vega(self, printer):
        return f"cumulativeNormal({printer._print(self.args[0])})"
