"""The seed report's passage a chapter tests: the Traditional Chinese beside the English.

A chapter shows the claim it tests with ``seed_quote("<quote_id>")`` in a code cell whose input
is hidden, and follows it with the attribution and the citation in its own prose.  The block is
the same on the website and in a notebook: two columns on a wide screen, the original under the
translation on a phone, the original marked ``lang="zh-Hant"`` so screen readers and fonts treat
it as Traditional Chinese.
"""

from __future__ import annotations

import html

from chipcontrols.reference.seed import SeedPassage, passage

__all__ = ["SeedQuote", "seed_quote"]

#: Columns that sit side by side when there is room and stack when there is not.
_COLUMNS_STYLE = (
    "display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); "
    "gap: 0 1.5rem; margin: 0;"
)


class SeedQuote:
    """A seed passage, rendered as HTML (the website and JupyterLab) or as text."""

    def __init__(self, seed_passage: SeedPassage) -> None:
        self.passage = seed_passage

    def _who(self) -> str:
        quoted = self.passage
        name = f"{quoted.speaker} ({quoted.speaker_zh})"
        if quoted.affiliation:
            name += f", {quoted.affiliation} ({quoted.affiliation_zh})"
        return name

    def caption(self) -> str:
        """Who speaks, and whether the words are theirs or the report's account of them."""
        if self.passage.kind == "quote":
            return f"{self._who()}, quoted in the report."
        if self.passage.affiliation:
            return f"The report's account of the view of {self._who()}."
        return "The report's own account."

    def to_html(self) -> str:
        """The passage as an HTML figure: translation, original, caption, translator's note."""
        quoted = self.passage
        open_en, close_en = ("“", "”") if quoted.kind == "quote" else ("", "")
        open_zh, close_zh = ("「", "」") if quoted.kind == "quote" else ("", "")
        note = (
            f'<p class="h200-seed-note"><strong>Translator\'s note.</strong> '
            f"{html.escape(quoted.translator_note)}</p>"
            if quoted.translator_note
            else ""
        )
        return (
            f'<figure class="h200-seed" id="seed-{html.escape(quoted.quote_id)}">'
            f'<div class="h200-seed-columns" style="{_COLUMNS_STYLE}">'
            f'<blockquote class="h200-seed-en" lang="en"><p><span class="h200-seed-language">'
            f"English (the book's translation)</span><br>{open_en}{html.escape(quoted.english)}"
            f"{close_en}</p></blockquote>"
            f'<blockquote class="h200-seed-zh" lang="zh-Hant"><p><span class="h200-seed-language"'
            f' lang="en">Original (Traditional Chinese)</span><br>{open_zh}'
            f"{html.escape(quoted.original_zh)}{close_zh}</p></blockquote></div>"
            f'<figcaption class="h200-caption">{html.escape(self.caption())}</figcaption>{note}'
            "</figure>"
        )

    def __str__(self) -> str:
        quoted = self.passage
        note = f"\nTranslator's note: {quoted.translator_note}" if quoted.translator_note else ""
        return f"{quoted.english}\n\n{quoted.original_zh}\n\n— {self.caption()}{note}"

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.to_html(), "text/plain": str(self)}


def seed_quote(quote_id: str) -> SeedQuote:
    """The seed passage ``quote_id`` (an id of ``data/seed_quotes.csv``), ready to display.

    Raises
    ------
    ValueError
        For an unknown id (the message lists the valid ones).

    Examples
    --------
    >>> block = seed_quote("yang-strategic-goal").to_html()
    >>> 'lang="zh-Hant"' in block and "美國的最高戰略目標" in block
    True
    """
    return SeedQuote(passage(quote_id))
