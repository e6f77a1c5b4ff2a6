"""The glossary page and each chapter's Key terms box, as MyST generated from the glossary data.

Both are glued as Markdown and shown with ``{glue:md}`` and ``:format: myst``, so Sphinx sees a
real ``glossary`` directive and real ``{term}`` links: a term a chapter lists but the glossary
lacks fails the build.
"""

from __future__ import annotations

from pathlib import Path

from chipcontrols.reference.glossary import terms, terms_of_chapter

__all__ = ["glossary_markdown", "key_terms_markdown"]

CHAPTERS = Path(__file__).resolve().parents[2] / "chapters"


def _chapter_link(number: int) -> str:
    """A ``{doc}`` link to chapter ``number``, valid from any page of the book."""
    matches = sorted(CHAPTERS.glob(f"{number:02d}-*.md"))
    if len(matches) != 1:
        raise ValueError(
            f"chapter = {number} has {len(matches)} files in {CHAPTERS}; expected one"
        )
    return f"{{doc}}`Chapter {number} </chapters/{matches[0].stem}>`"


def glossary_markdown() -> str:
    """A MyST ``glossary`` directive with every term, sorted, each with its chapters.

    Examples
    --------
    >>> text = glossary_markdown()
    >>> text.startswith("```{glossary}") and "**總處理效能（TPP）**" in text
    True
    """
    entries = []
    for term in terms().values():
        chapters = ", ".join(_chapter_link(number) for number in term.chapters)
        entries.append(f"{term.term}\n  **{term.term_zh}** · {term.definition} ({chapters})")
    return "```{glossary}\n:sorted:\n\n" + "\n\n".join(entries) + "\n```\n"


def key_terms_markdown(chapter: int) -> str:
    """A chapter's Key terms: each term linked to the glossary, with its Traditional Chinese.

    Examples
    --------
    >>> key_terms_markdown(1).split(" · ")[0]
    '{term}`ECCN 3A090` (出口管制分類編號 3A090)'
    """
    listed = terms_of_chapter(chapter)
    if not listed:
        raise ValueError(f"chapter = {chapter}: no term of data/glossary.csv lists this chapter")
    return " · ".join(f"{{term}}`{term.term}` ({term.term_zh})" for term in listed)
