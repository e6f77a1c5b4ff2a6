"""Derivations and validated tables are kept between processes, and never trusted blindly."""

from __future__ import annotations

import pickle
import subprocess
import sys

import sympy as sp

from chipcontrols.core import data
from chipcontrols.core.derivations import Derivations, cache_folder

x = sp.Symbol("x", positive=True)


def test_a_derivation_runs_once_then_comes_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("H200_CACHE_DIR", str(tmp_path))
    calls = []

    def solve():
        calls.append(1)
        return sp.solve(sp.Eq(x**2, 9), x)[0]

    assert Derivations("example", source="v1")("root", solve) == 3
    assert Derivations("example", source="v1")("root", solve) == 3
    assert len(calls) == 1


def test_a_changed_source_derives_again(tmp_path, monkeypatch):
    monkeypatch.setenv("H200_CACHE_DIR", str(tmp_path))
    Derivations("example", source="v1")("root", lambda: sp.Integer(1))
    assert Derivations("example", source="v2")("root", lambda: sp.Integer(2)) == 2


def test_a_damaged_cache_file_is_derived_again(tmp_path, monkeypatch):
    monkeypatch.setenv("H200_CACHE_DIR", str(tmp_path))
    first = Derivations("example", source="v1")
    first("root", lambda: sp.Integer(1))
    first.path.write_bytes(b"not a pickle")
    assert Derivations("example", source="v1")("root", lambda: sp.Integer(5)) == 5


def test_caching_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("H200_CACHE_DIR", "off")
    assert cache_folder() is None
    assert Derivations("example", source="v1")("root", lambda: sp.Integer(7)) == 7


def test_the_models_give_the_same_forms_from_a_cold_and_a_warm_cache(tmp_path):
    """Two fresh processes, the first deriving and the second reading: the same expressions."""
    script = (
        "import pickle, sys\n"
        "from chipcontrols.core import closed_forms\n"
        "forms = {f.name: f.expression for f in closed_forms.registered()}\n"
        "sys.stdout.buffer.write(pickle.dumps(forms))\n"
    )
    environment = {"H200_CACHE_DIR": str(tmp_path), "PATH": ""}
    cold, warm = (
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, check=True, env=environment
        ).stdout
        for _ in range(2)
    )
    assert any(tmp_path.glob("*.pickle")), "the first process kept nothing"
    assert pickle.loads(cold) == pickle.loads(warm)


def test_a_validated_table_is_kept_and_a_changed_file_is_validated_again(tmp_path, monkeypatch):
    monkeypatch.setenv("H200_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("datapackage.json", "glossary.csv"):
        (folder / name).write_bytes((data.DATA_DIR / name).read_bytes())
    first = data.load_table("glossary", folder)
    assert list((tmp_path / "cache" / "tables").glob("glossary-*.pickle"))
    csv = folder / "glossary.csv"
    header, *rows = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("\n".join([header, *rows[:-1]]) + "\n", encoding="utf-8")
    assert len(data.load_table("glossary", folder)) == len(first) - 1


def test_a_derivation_that_keeps_a_dummy_is_refused(tmp_path, monkeypatch):
    """A dummy does not survive the trip to the next process: it must be substituted inside."""
    import pytest

    monkeypatch.setenv("H200_CACHE_DIR", str(tmp_path))
    cap = sp.Dummy("cap")
    with pytest.raises(ValueError, match="dummy symbol"):
        Derivations("example", source="v1")("with a dummy", lambda: {"at": cap + 1})
