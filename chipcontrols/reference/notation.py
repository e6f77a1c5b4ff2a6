"""The book's notation: every symbol of its display formulas, with one meaning, declared once.

``data/notation.csv`` holds one row per symbol, and the symbol is the table's key: a symbol two
chapters use therefore means the same thing in both, and a chapter that needs another meaning
must use another symbol.  Each chapter's notation table and the appendix's book-wide table are
generated from it (``widgets.core.notation``); ``tests/core/test_textbook_forms.py`` checks that
every symbol a chapter's formulas typeset is listed for that chapter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chipcontrols.core.data import load_table
from chipcontrols.core.parameters import strict_keywords

__all__ = ["NotationSymbol", "symbols", "symbols_of_chapter"]


@dataclass(frozen=True)
class NotationSymbol:
    """One symbol of the book's formulas.

    Attributes
    ----------
    symbol : str
        The symbol in LaTeX, as the formulas typeset it (``q^{*}``, ``\\beta``).
    meaning : str
        What it stands for, in words.
    unit : str
        Its unit (``share (0-1)``, ``years``, ``none`` ...).
    chapters : tuple of int
        The chapters whose formulas use it.
    code_name : str
        The model's name for it, or ``""`` where there is none.
    """

    symbol: str
    meaning: str
    unit: str
    chapters: tuple[int, ...]
    code_name: str


@lru_cache(maxsize=1)
def symbols() -> dict[str, NotationSymbol]:
    """Every symbol of ``data/notation.csv``, validated, by its LaTeX."""
    return {
        row.symbol: NotationSymbol(
            row.symbol,
            row.meaning,
            row.unit,
            tuple(int(chapter) for chapter in row.chapters.split(";")),
            "" if not isinstance(row.code_name, str) else row.code_name,
        )
        for row in load_table("notation").itertuples()
    }


@strict_keywords
def symbols_of_chapter(chapter: int) -> tuple[NotationSymbol, ...]:
    """The symbols chapter ``chapter``'s formulas use, in the order of the file.

    Raises
    ------
    ValueError
        If ``chapter`` is not a whole number from 1 to 9.
    """
    if isinstance(chapter, bool) or not isinstance(chapter, int) or not 1 <= chapter <= 9:
        raise ValueError(f"chapter = {chapter!r} is not a chapter number; valid range [1, 9]")
    return tuple(entry for entry in symbols().values() if chapter in entry.chapters)
