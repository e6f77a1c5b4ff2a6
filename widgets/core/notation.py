"""Each chapter's notation table and the book-wide one, as Markdown from ``data/notation.csv``.

A chapter glues :func:`notation_markdown` of its own number as ``book_notation`` and shows it
with ``{glue:md}`` in a folded "Notation" box; the appendix shows :func:`notation_markdown` of
every chapter.  The table is written from the data, so a symbol's meaning is stated once.
"""

from __future__ import annotations

from chipcontrols.reference.notation import symbols, symbols_of_chapter

__all__ = ["notation_markdown"]


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def notation_markdown(chapter: int | None = None) -> str:
    """A Markdown table of the symbols of chapter ``chapter``, or of the whole book if None.

    Raises
    ------
    ValueError
        If the chapter lists no symbol (a chapter with formulas must declare their symbols).
    """
    if chapter is None:
        listed = tuple(symbols().values())
        header = ["| Symbol | Meaning | Unit | Chapters |", "|---|---|---|---|"]
        rows = [
            f"| ${entry.symbol}$ | {_cell(entry.meaning)} | {_cell(entry.unit)} | "
            f"{', '.join(map(str, entry.chapters))} |"
            for entry in listed
        ]
    else:
        listed = symbols_of_chapter(chapter)
        header = ["| Symbol | Meaning | Unit |", "|---|---|---|"]
        rows = [
            f"| ${entry.symbol}$ | {_cell(entry.meaning)} | {_cell(entry.unit)} |"
            for entry in listed
        ]
    if not listed:
        raise ValueError(f"chapter = {chapter}: no symbol of data/notation.csv lists this chapter")
    return "\n".join(header + rows) + "\n"
