"""Sympy derivations computed once per environment, not at every import.

A model derives some closed forms with sympy at import (``solve``, ``simplify``): the results are
exact, but solving takes seconds, and every kernel that imports the model would pay them again.
A module declares its derivations through one :class:`Derivations` object; each result is
computed on first use and kept in a pickle under :func:`cache_folder`, keyed by the module's
name and a hash of every source file of the package, the data and the sympy version, so editing
any model (a derivation may use another module's expressions), the data or upgrading sympy
derives everything again.  Nothing is cached where the folder cannot be written; the result is
then simply computed.

Set ``H200_CACHE_DIR`` to choose the folder (``make`` and the tests use the default,
``~/.cache/h200-decision``); ``H200_CACHE_DIR=off`` turns caching off.

Examples
--------
>>> import sympy as sp
>>> x = sp.Symbol("x", positive=True)
>>> derive = Derivations("doctest.example", source="x**2 = 4")
>>> derive("root", lambda: sp.solve(sp.Eq(x**2, 4), x)[0])
2
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import sympy as sp

__all__ = ["Derivations", "cache_folder", "keep", "kept"]

#: Environment variable naming the cache folder (``off`` disables the cache).
CACHE_ENV = "H200_CACHE_DIR"


def cache_folder() -> Path | None:
    """Where derivations are kept, or ``None`` when caching is off."""
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() == "off":
        return None
    return Path(setting) if setting else Path.home() / ".cache" / "h200-decision"


def kept(path: Path | None) -> object | None:
    """What :func:`keep` put at ``path``, or None if nothing readable is there.

    A damaged or foreign file is ignored (what it held is computed again), never trusted.
    """
    if path is None or not path.exists():
        return None
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return None


def keep(path: Path, value: object) -> bool:
    """Write ``value`` to ``path`` atomically; False where the folder cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> where = Path(tempfile.mkdtemp()) / "sub" / "x.pickle"
    >>> keep(where, {"a": 1}), kept(where)
    (True, {'a': 1})
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(value, handle)
        os.replace(handle.name, path)
    except OSError:
        return False
    return True


@lru_cache(maxsize=1)
def package_sources() -> str:
    """Every Python file of the model package and every data file, concatenated in name order."""
    package = Path(__file__).resolve().parents[1]
    files = sorted(package.rglob("*.py")) + sorted((package.parent / "data").glob("*"))
    return "\n".join(
        f"{path.name}\n{path.read_text(encoding='utf-8')}" for path in files if path.is_file()
    )


class Derivations:
    """The cached sympy derivations of one module.

    Parameters
    ----------
    module : str
        The module's name (``__name__``), which names its cache file.
    source : str, optional
        Text whose hash keys the cache; by default :func:`package_sources`.
    """

    def __init__(self, module: str, source: str | None = None) -> None:
        if source is None:
            source = package_sources()
        self.module = module
        fingerprint = hashlib.sha256(f"{source}\n{sp.__version__}".encode()).hexdigest()[:16]
        folder = cache_folder()
        self.path = None if folder is None else folder / f"{module}-{fingerprint}.pickle"
        self.results: dict[str, object] = kept(self.path) or {}

    def __call__(self, key: str, derive: Callable[[], object]) -> object:
        """The result of ``derive()``, computed once and kept under ``key``.

        Raises
        ------
        ValueError
            If the result holds a ``sympy.Dummy``: a dummy made in one process is not the
            dummy of the next, so a kept result could not be substituted into.  Substitute it
            inside ``derive``.
        """
        if key not in self.results:
            result = derive()
            dummies = _dummies(result)
            if dummies:
                raise ValueError(
                    f"derivation {key!r} of {self.module} keeps the dummy symbol(s) "
                    f"{sorted(map(str, dummies))}; substitute them inside the derivation"
                )
            self.results[key] = result
            if self.path is not None and not keep(self.path, self.results):
                self.path = None  # read-only environment: compute every time
        return self.results[key]


def _dummies(result: object) -> set[sp.Dummy]:
    """The dummy symbols anywhere in a derivation's result (expressions, dicts, sequences)."""
    if isinstance(result, sp.Basic):
        return set(result.atoms(sp.Dummy))
    if isinstance(result, dict):
        return set().union(*(_dummies(value) for value in result.values()))
    if isinstance(result, (list, tuple)):
        return set().union(*(_dummies(value) for value in result))
    return set()


def warm() -> int:
    """Derive every registered form and validate every table now; the number of forms.

    Binder's ``postBuild`` runs ``python -m chipcontrols.core.derivations`` so that a student's
    first cell finds them ready.
    """
    from chipcontrols.core import closed_forms, data

    forms = closed_forms.registered()
    for name in data.table_names():
        data.load_table(name)
    return len(forms)


if __name__ == "__main__":
    print(f"{warm()} closed forms derived and every table validated, kept in {cache_folder()}")
