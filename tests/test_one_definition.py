"""Parameters, the sympy -> Vega printer, generated sliders and the layering rule."""

import subprocess
import sys

import pytest
import sympy as sp

from chipcontrols.closed_forms import CLOSED_FORMS, ClosedForm
from chipcontrols.eccn3a090 import HYPOTHETICAL_CHIP_PARAMETERS
from chipcontrols.parameters import Parameter
from chipcontrols.vega import to_vega
from widgets.sliders import altair_param, ipywidgets_slider

x, y = sp.symbols("x y", positive=True)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (x / y, "x/y"),
        (x**2, "pow(x, 2)"),
        (1 / (x + y), "(1/(x + y))"),
        (sp.sqrt(x), "sqrt(x)"),
        (sp.exp(x) + sp.log(y), "exp(x) + log(y)"),
        (sp.Max(x, 2 * y), "max(x, 2*y)"),
        (sp.Rational(1, 3) * x, "x/3"),
        (sp.Rational(2, 3) + x, "x + (2/3)"),
        (sp.Piecewise((1, sp.And(x >= 2, y < 3)), (0, True)), "(((x >= 2) && (y < 3)) ? (1) : (0))"),
    ],
)
def test_vega_printer_output(expr, expected):
    assert to_vega(expr) == expected


def test_vega_printer_maps_symbols_to_fields():
    assert to_vega(x * y, {"x": "datum.x"}) == "datum.x*y"


def test_vega_printer_refuses_what_vega_cannot_express():
    with pytest.raises(ValueError, match="no Vega equivalent"):
        to_vega(sp.gamma(x))
    with pytest.raises(ValueError, match="final"):
        to_vega(sp.Piecewise((1, x > 1), (0, x <= 1)).func((1, x > 1), (0, x <= 1), evaluate=False))
    with pytest.raises(ValueError, match="infinity"):
        to_vega(sp.Min(x, sp.oo, evaluate=False))


def test_parameter_declaration_rejects_a_default_outside_its_range():
    with pytest.raises(ValueError, match="default"):
        Parameter("share", "Share", "", 2.0, 0.0, 1.0, 0.05, "test")


def test_parameter_check_rejects_non_numbers_with_the_range():
    share = Parameter("share", "Share", "", 0.25, 0.0, 1.0, 0.05, "test")
    with pytest.raises(ValueError, match=r"share = 'a lot' is not a number; valid range \[0, 1\]"):
        share.check("a lot")


@pytest.mark.parametrize("parameter", HYPOTHETICAL_CHIP_PARAMETERS, ids=lambda p: p.name)
def test_sliders_are_generated_from_the_declaration(parameter):
    vega_param = altair_param(parameter).param.to_dict()
    binding = vega_param["bind"]
    assert vega_param["name"] == parameter.name
    assert vega_param["value"] == parameter.default
    assert (binding["min"], binding["max"], binding["step"]) == (
        parameter.minimum, parameter.maximum, parameter.step)
    assert parameter.unit in binding["name"]
    widget = ipywidgets_slider(parameter)
    assert (widget.value, widget.min, widget.max, widget.step) == (
        parameter.default, parameter.minimum, parameter.maximum, parameter.step)


def test_every_closed_form_declares_a_sampling_range():
    with pytest.raises(ValueError, match="no sampling range"):
        ClosedForm("broken", x * y, {x: (0, 1)})
    assert CLOSED_FORMS


def test_the_model_package_imports_no_view_library():
    code = ("import sys, chipcontrols, chipcontrols.closed_forms; "
            "bad = {'altair', 'ipywidgets', 'IPython'} & set(sys.modules); print(sorted(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
