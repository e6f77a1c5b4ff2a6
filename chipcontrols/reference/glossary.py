"""The book's key terms: English, Traditional Chinese and a definition, declared once.

``data/glossary.csv`` holds one row per term.  The glossary page and every chapter's Key terms
box are generated from it (``widgets.core.glossary``), so a term's Chinese rendering and definition
are written in one place only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chipcontrols.core.data import load_table
from chipcontrols.core.parameters import strict_keywords

__all__ = ["GlossaryTerm", "terms", "terms_of_chapter"]


@dataclass(frozen=True)
class GlossaryTerm:
    """One key term.

    Attributes
    ----------
    term : str
        The term in English, as the chapters link it.
    term_zh : str
        The term in Traditional Chinese.
    definition : str
        One or two sentences in the book's words.
    chapters : tuple of int
        The chapters whose Key terms box lists it; the first introduces it.
    """

    term: str
    term_zh: str
    definition: str
    chapters: tuple[int, ...]


@lru_cache(maxsize=1)
def terms() -> dict[str, GlossaryTerm]:
    """Every term of ``data/glossary.csv``, validated, by term."""
    return {
        row.term: GlossaryTerm(
            row.term,
            row.term_zh,
            row.definition,
            tuple(int(chapter) for chapter in row.chapters.split(";")),
        )
        for row in load_table("glossary").itertuples()
    }


@strict_keywords
def terms_of_chapter(chapter: int) -> tuple[GlossaryTerm, ...]:
    """The terms a chapter lists, in the order of the file.

    Raises
    ------
    ValueError
        If ``chapter`` is not a whole number from 1 to 9.

    Examples
    --------
    >>> [t.term for t in terms_of_chapter(1)][:2]
    ['ECCN 3A090', 'total processing performance']
    """
    if isinstance(chapter, bool) or not isinstance(chapter, int) or not 1 <= chapter <= 9:
        raise ValueError(f"chapter = {chapter!r} is not a chapter number; valid range [1, 9]")
    return tuple(term for term in terms().values() if chapter in term.chapters)
