"""Which stage the chapters run on: the website's build, the students' notebooks, or a kernel.

A module of its own, with no heavy import, because the glue of every chapter's set-up cell asks.

Examples
--------
>>> import os
>>> from unittest import mock
>>> with mock.patch.dict(os.environ, {BUILD_ENV: "notebook"}):
...     building_static_site(), writing_the_book()
(False, True)
"""

from __future__ import annotations

import os

__all__ = ["BUILD_ENV", "building_static_site", "writing_the_book"]

#: Environment variable set while the chapters run to be written out: ``"html"`` while the
#: website is built (:mod:`booksite`), ``"notebook"`` while ``tools/lab_notebooks.py`` writes
#: the students' notebooks.  Unset in a student's kernel.
BUILD_ENV = "H200_BOOK_BUILD"


def building_static_site() -> bool:
    """True while the chapters execute inside ``jupyter-book build``."""
    return os.environ.get(BUILD_ENV) == "html"


def writing_the_book() -> bool:
    """True while the chapters run to be written out: the website or the students' notebooks.

    Only then is a glued value read (by MyST-NB, or by ``tools/lab_notebooks.py``); in a
    student's kernel the notebook's text already shows every number.
    """
    return bool(os.environ.get(BUILD_ENV))
