"""The seed report's passages: the Traditional Chinese original and the book's translation.

The book grows from one news report in Traditional Chinese (10 December 2025).  Each chapter
tests some of its claims and shows the passage it tests in the original beside the English.
The passages are data (``data/seed_quotes.csv``): the report's text verbatim, the book's own
translation, and a translator's note where the wording matters.  Chapters render them with
``widgets.seed_quote`` and never retype them, so the quotation a reader sees is the one the
file holds, and the numbers inside a quotation are the speaker's, not the book's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chipcontrols.core.data import load_table
from chipcontrols.core.parameters import strict_keywords

__all__ = ["SeedPassage", "passage", "passages"]


@dataclass(frozen=True)
class SeedPassage:
    """One passage of the seed report.

    Attributes
    ----------
    quote_id : str
        Identifier the chapters use, e.g. ``"yang-strategic-goal"``.
    chapters : tuple of int
        The chapters that quote it.
    kind : str
        ``"quote"`` (the speaker's words) or ``"paraphrase"`` (the report's account of them).
    speaker, speaker_zh : str
        Who it is by or about, in English and as the report writes the name.
    affiliation, affiliation_zh : str
        The speaker's position, in English and in the report's words (empty for the report).
    original_zh : str
        The report's text, verbatim.
    english : str
        The book's translation.
    translator_note : str
        The Chinese terms whose sense matters, and how the book reads them (may be empty).
    citation : str
        Bibliography key of the report.
    """

    quote_id: str
    chapters: tuple[int, ...]
    kind: str
    speaker: str
    speaker_zh: str
    affiliation: str
    affiliation_zh: str
    original_zh: str
    english: str
    translator_note: str
    citation: str


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


@lru_cache(maxsize=1)
def passages() -> dict[str, SeedPassage]:
    """Every passage of ``data/seed_quotes.csv``, validated, by id."""
    table = load_table("seed_quotes")
    return {
        row.quote_id: SeedPassage(
            row.quote_id,
            tuple(int(chapter) for chapter in row.chapters.split(";")),
            row.kind,
            row.speaker,
            row.speaker_zh,
            _text(row.affiliation),
            _text(row.affiliation_zh),
            row.original_zh,
            row.english,
            _text(row.translator_note),
            row.citation,
        )
        for row in table.itertuples()
    }


@strict_keywords
def passage(quote_id: str) -> SeedPassage:
    """The passage named ``quote_id``.

    Raises
    ------
    ValueError
        For an id the file does not have (the message lists the valid ids).

    Examples
    --------
    >>> quote = passage("yang-if-nvidia-can")
    >>> quote.speaker, quote.kind, quote.chapters
    ('Yang Yi-kui', 'quote', (3,))
    >>> quote.original_zh.startswith("簡單的來說")
    True
    >>> passage("yang")
    Traceback (most recent call last):
    ...
    ValueError: quote_id = 'yang' is not a passage of data/seed_quotes.csv; valid ids: ['blackwell-still-banned', 'chen-ascend-problems', 'chen-huang-dependence', 'chen-limited-purchases', 'chen-mandates', 'chen-overtaken', 'decision-announced', 'yang-allied-friction', 'yang-cut-off', 'yang-dilemma', 'yang-if-nvidia-can', 'yang-motives', 'yang-strategic-goal']
    """
    known = passages()
    if not isinstance(quote_id, str) or quote_id not in known:
        raise ValueError(
            f"quote_id = {quote_id!r} is not a passage of data/seed_quotes.csv; "
            f"valid ids: {sorted(known)}"
        )
    return known[quote_id]
