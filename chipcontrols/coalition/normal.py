"""The standard normal distribution function Φ as a sympy function (chapter 3's cascade).

One definition on three stages: ``\\Phi`` in LaTeX, Vega's ``cumulativeNormal`` on the website,
and in numpy (through sympy's ``_imp_`` hook, which ``lambdify`` uses whatever modules it is
given) the same algorithm Vega runs, so page and Python agree to rounding.  Writing Φ as
``(1 + erf(z/√2))/2`` instead would lose the lower tail to cancellation on both stages.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

#: Hart's rational approximation (as in West 2005 and Vega's ``cumulativeNormal``) for
#: |z| below 5·√2: numerator and denominator coefficients, highest power first.
_NUMERATOR = (
    3.52624965998911e-02,
    0.700383064443688,
    6.37396220353165,
    33.912866078383,
    112.079291497871,
    221.213596169931,
    220.206867912376,
)
_DENOMINATOR = (
    8.83883476483184e-02,
    1.75566716318264,
    16.064177579207,
    86.7807322029461,
    296.564248779674,
    637.333633378831,
    793.826512519948,
    440.413735824752,
)
_CENTRAL_LIMIT = 7.07106781186547
_TAIL_LIMIT = 37.0
_SQRT_TWO_PI = 2.506628274631


def _normal_cdf(z):
    """Φ(z) for a number or an array, by the algorithm Vega's ``cumulativeNormal`` uses.

    Hart's rational approximation below |z| = 5√2 (about 1e-9 relative or better), a
    five-term continued fraction for the Mills ratio beyond it (about 1e-8 relative, for tails
    under 1e-12), zero past |z| = 37.  Written step for step as Vega writes it, so the website and Python agree to
    rounding.

    Examples
    --------
    >>> round(_normal_cdf(-1.25), 12), round(_normal_cdf(0.0), 12)
    (0.105649773667, 0.5)
    """
    values = np.asarray(z, dtype=float)
    magnitude = np.abs(values)
    exponential = np.exp(-magnitude * magnitude / 2)
    numerator = np.full_like(magnitude, _NUMERATOR[0])
    for coefficient in _NUMERATOR[1:]:
        numerator = numerator * magnitude + coefficient
    denominator = np.full_like(magnitude, _DENOMINATOR[0])
    for coefficient in _DENOMINATOR[1:]:
        denominator = denominator * magnitude + coefficient
    central = exponential * numerator / denominator
    fraction = magnitude + 0.65
    for k in (4, 3, 2, 1):
        fraction = magnitude + k / fraction
    tail = exponential / fraction / _SQRT_TWO_PI
    lower = np.where(
        magnitude > _TAIL_LIMIT, 0.0, np.where(magnitude < _CENTRAL_LIMIT, central, tail)
    )
    result = np.where(values > 0, 1 - lower, lower)
    return float(result) if result.ndim == 0 else result


class Phi(sp.Function):
    """The standard normal distribution function Φ as a sympy function.

    It is written ``\\Phi`` in LaTeX, ``cumulativeNormal`` in Vega and evaluated in numpy by
    :func:`_normal_cdf`, Vega's own algorithm.  Its derivative is the normal density.

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
        return sp.exp(-(z**2) / 2) / sp.sqrt(2 * sp.pi)

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
