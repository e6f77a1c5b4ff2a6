"""Parameters, the sympy -> Vega printer, generated sliders and the layering rule."""

import subprocess
import sys

import pytest
import sympy as sp

from chipcontrols import eccn3a090
from chipcontrols.core.closed_forms import ClosedForm, registered
from chipcontrols.core.parameters import Parameter, ParameterSet
from chipcontrols.core.vega import to_vega
from chipcontrols.eccn3a090 import HYPOTHETICAL_CHIP_PARAMETERS
from widgets.core.sliders import altair_param, ipywidgets_slider

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
        (
            sp.Piecewise((1, sp.And(x >= 2, y < 3)), (0, True)),
            "(((x >= 2) && (y < 3)) ? (1) : (0))",
        ),
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
        to_vega(
            sp.Piecewise((1, x > 1), (0, x <= 1)).func((1, x > 1), (0, x <= 1), evaluate=False)
        )
    with pytest.raises(ValueError, match="infinity"):
        to_vega(sp.Min(x, sp.oo, evaluate=False))


def test_parameter_declaration_rejects_a_default_outside_its_range():
    with pytest.raises(ValueError, match="default"):
        Parameter("share", "Share", "", 2.0, 0.0, 1.0, 0.05, "test")


def test_parameter_check_rejects_non_numbers_with_the_range():
    share = Parameter("od_share", "Share", "", 0.25, 0.0, 1.0, 0.05, "test")
    with pytest.raises(
        ValueError,
        match=r"od_share = 'a lot' is not a number \(it is a str\); "
        r"valid range \[0, 1\]",
    ):
        share.check("a lot")


@pytest.mark.parametrize("parameter", HYPOTHETICAL_CHIP_PARAMETERS, ids=lambda p: p.name)
def test_sliders_are_generated_from_the_declaration(parameter):
    vega_param = altair_param(parameter).param.to_dict()
    binding = vega_param["bind"]
    assert vega_param["name"] == parameter.name
    assert vega_param["value"] == parameter.default
    assert (binding["min"], binding["max"], binding["step"]) == (
        parameter.minimum,
        parameter.maximum,
        parameter.step,
    )
    assert parameter.unit in binding["name"]
    widget = ipywidgets_slider(parameter)
    assert (widget.value, widget.min, widget.max, widget.step) == (
        parameter.default,
        parameter.minimum,
        parameter.maximum,
        parameter.step,
    )


def test_a_closed_form_with_an_undeclared_symbol_is_refused():
    declared = ParameterSet(Parameter("od_test_x", "x", "", 0.5, 0, 1, 0.1, "test"))
    with pytest.raises(ValueError, match="not declared"):
        ClosedForm("broken", declared.symbol("od_test_x") * y, declared)


def test_a_name_declared_twice_with_different_definitions_is_refused():
    Parameter("od_test_twice", "Twice", "", 0.5, 0, 1, 0.1, "test")
    Parameter("od_test_twice", "Twice", "", 0.5, 0, 1, 0.1, "test")  # the same: fine
    with pytest.raises(ValueError, match="declared twice"):
        Parameter("od_test_twice", "Twice, again", "", 0.5, 0, 1, 0.1, "test")


def _model_modules():
    import importlib

    from chipcontrols.core.closed_forms import MODEL_MODULES

    return {name: importlib.import_module(name) for name in MODEL_MODULES}


@pytest.mark.parametrize("module_name", sorted(_model_modules()))
def test_declarations_symbols_and_latex_names_cover_the_same_set(module_name):
    """For every model module the registry knows: its forms use exactly its declared symbols."""
    parameters = _model_modules()[module_name].PARAMETERS
    forms = [form for form in registered() if form.parameters is parameters]
    assert forms, f"{module_name} registers no closed form"
    used = set().union(*(form.expression.free_symbols for form in forms))
    declared = set(parameters.symbols.values())
    assert used <= declared, f"undeclared symbols {used - declared}"
    assert declared <= used, f"declared but never used {declared - used}"
    assert set(parameters.latex_names) == declared
    for name, parameter in parameters.items():
        assert parameter.symbol.name == name  # one name: keyword, symbol, Vega signal
        assert parameter.latex, f"{name} has no LaTeX name"


def test_every_registered_form_belongs_to_a_model_module():
    sets = [module.PARAMETERS for module in _model_modules().values()]
    assert all(any(form.parameters is s for s in sets) for form in registered())


def test_every_registered_form_samples_inside_its_declared_ranges():
    for form in registered():
        for symbol, (low, high) in form.domain.items():
            declared = form.parameters.of_symbol(symbol)
            assert (low, high) == (declared.minimum, declared.maximum), form.name


def test_views_never_print_sympy_themselves():
    """Only the registry prints Vega, so the parity test covers everything the site computes."""
    from pathlib import Path

    views = Path(__file__).resolve().parents[2] / "widgets"
    offenders = [
        path.name
        for path in views.glob("*.py")
        if "to_vega" in path.read_text(encoding="utf-8")
        or "VegaPrinter" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_chip_data_lies_inside_the_declared_metric_ranges(chips):
    columns = {
        "dense_fp16_tflops": eccn3a090.PARAMETERS["fp16_ops"],
        "dense_8bit_tops": eccn3a090.PARAMETERS["int8_ops"],
        "dense_fp4_tflops": eccn3a090.PARAMETERS["fp4_ops"],
        "interconnect_gbs": eccn3a090.PARAMETERS["interconnect"],
        "memory_bandwidth_gbs": eccn3a090.PARAMETERS["memory_bandwidth"],
    }
    for column, declared in columns.items():
        for value in chips[column].dropna():
            declared.check(value)
    classified = eccn3a090.classify_chips(chips)
    for value in classified["tpp"].dropna():
        eccn3a090.TPP.check(value)


def test_the_model_package_imports_no_view_library():
    code = (
        "import sys, chipcontrols, chipcontrols.core.closed_forms; chipcontrols.core.closed_forms.registered(); "
        "bad = {'altair', 'ipywidgets', 'IPython'} & set(sys.modules); print(sorted(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_chapters_import_only_public_names_of_the_package():
    import re
    from pathlib import Path

    import chipcontrols

    chapters = Path(__file__).resolve().parents[2] / "chapters"
    for path in chapters.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        for module, names in re.findall(
            r"^\s*from (chipcontrols[\w.]*) import \(?([^)\n]+)", text, flags=re.M
        ):
            imported = [n.strip().split(" as ")[0] for n in names.split(",") if n.strip()]
            assert not any(n.startswith("_") for n in imported), (path.name, module, imported)
            assert not any(part.startswith("_") for part in module.split(".")), (path.name, module)
        for module in re.findall(r"^\s*import (chipcontrols[\w.]*)", text, flags=re.M):
            assert not any(part.startswith("_") for part in module.split("."))
    assert "ledger" in chipcontrols.__all__ and "eccn3a090" in chipcontrols.__all__


def test_the_registry_imports_every_module_that_registers_a_form():
    """``registered()`` (what the parity test and the site use) misses no model module.

    Run in a fresh interpreter, where no other test has imported a model first.
    """
    import subprocess
    import sys

    script = (
        "import importlib, pkgutil, chipcontrols\n"
        "from chipcontrols.core import closed_forms\n"
        "listed = {form.name for form in closed_forms.registered()}\n"
        "for module in pkgutil.walk_packages(chipcontrols.__path__, 'chipcontrols.'):\n"
        "    importlib.import_module(module.name)\n"
        "everything = {form.name for form in closed_forms.registered()}\n"
        "print(len(listed), sorted(everything - listed))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    count, missing = result.stdout.split(" ", 1)
    assert missing.strip() == "[]", f"forms no MODEL_MODULES entry registers: {missing}"
    assert int(count) > 100
