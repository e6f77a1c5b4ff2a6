"""Give each control an accessible name that contains the label the reader sees (WCAG 2.5.3).

A reader who drives the page by voice says what a control shows ("click Show code cell source");
that works only if the control's accessible name contains its visible label (axe-core's
``label-content-name-mismatch``).  Two controls of the theme name themselves otherwise with an
``aria-label``, which replaces the text they show:

* myst-nb's folded code cells: ``<summary aria-label="Toggle hidden content">`` around the visible
  "Show code cell source" (or "Hide code cell source" once open, the other line being hidden);
* pydata-sphinx-theme's search field button, ``aria-label="Search"`` over "Search Ctrl+K".

Without the ``aria-label`` each control is named by its text, as the reader sees it: the folded
cell's name follows its state, and the search button's name is its label and shortcut ("Search
Ctrl+K", "Search ⌘+K" on a Mac).  The theme's icon-only search button, which shows no text,
keeps its ``aria-label``.

Examples
--------
>>> names_as_shown('<summary aria-label="Toggle hidden content">\\n<p class="collapsed">Show</p>')
'<summary>\\n<p class="collapsed">Show</p>'
>>> names_as_shown('<button class="btn search-button-field search-button__button" title="Search" '
...                'aria-label="Search" data-bs-toggle="tooltip">')
'<button class="btn search-button-field search-button__button" title="Search" data-bs-toggle="tooltip">'
>>> icon = '<button class="btn search-button search-button__button" aria-label="Search">'
>>> names_as_shown(icon) == icon
True
"""

from __future__ import annotations

import re

_FOLDED_CELL = re.compile(r'<summary aria-label="Toggle hidden content">')
_SEARCH_FIELD = re.compile(
    r'(?P<before><button (?=[^>]*class="[^"]*\bsearch-button-field\b)[^>]*?) aria-label="Search"'
)


def names_as_shown(page_html: str) -> str:
    """``page_html`` without the ``aria-label`` that hid a folded cell's or the search field's
    visible label from its accessible name."""
    page_html = _FOLDED_CELL.sub("<summary>", page_html)
    return _SEARCH_FIELD.sub(r"\g<before>", page_html)
