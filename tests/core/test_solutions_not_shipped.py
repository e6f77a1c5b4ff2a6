"""The worked solutions live outside the package students install.

``solutions/`` is a distribution of its own: the root ``requirements.txt`` installs it for the
reader edition and the tests, ``binder/requirements.txt`` (the students' environment) does not,
and the model package's own configuration never picks it up.  ``make binder-check`` also tries
``import solutions`` in a chapter's folder with the Binder environment and expects it to fail.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[2]


def installed_packages() -> list[str]:
    """The packages ``pip install .`` puts in an environment, by setuptools' own reading."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    find = config["tool"]["setuptools"]["packages"]["find"]
    return find_packages(where=ROOT, include=find["include"])


def requirement_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_the_model_package_ships_no_solutions():
    packages = installed_packages()
    assert {"chipcontrols", "widgets", "booksite"} <= set(packages)
    assert not [name for name in packages if name.split(".")[0] == "solutions"]


def test_the_students_environment_does_not_install_the_solutions():
    binder = requirement_lines(ROOT / "binder" / "requirements.txt")
    assert "-e ." in binder
    assert not [line for line in binder if re.search(r"solutions", line)]


def test_the_readers_environment_installs_them():
    assert "-e ./solutions" in requirement_lines(ROOT / "requirements.txt")


def test_a_chapter_without_the_solutions_says_so(monkeypatch, capsys):
    """In the students' environment the solutions cell prints a note instead of failing."""
    import importlib

    from widgets.core.teaching import glue_solutions

    real_import = importlib.import_module

    def no_solutions(name, *args, **kwargs):
        if name == "solutions" or name.startswith("solutions."):
            raise ModuleNotFoundError(f"No module named {name!r}", name="solutions")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(importlib, "import_module", no_solutions)
    glue_solutions("coalition")
    assert "not installed" in capsys.readouterr().out
