"""Which sources the reader should be warned about: low confidence, or read only second-hand.

A claim that rests on one weak source must say so where it is made.  The book's sources carry
their confidence in ``references.bib`` (each entry's note ends "Confidence: high|medium|low")
and, in ``data/*.csv``, the secondary site a row was read through (``read_via``).  This module
turns both into one caveat per citation key; the website (``booksite.caveats``) and the
students' notebooks (``tools/lab_markdown.py``) print it after a citation whose every source
carries one, so a claim with at least one solid source is not marked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from chipcontrols.core.data import DATA_DIR, load_table, table_names

#: The bibliography, next to ``data/``.
BIB_PATH = DATA_DIR.parent / "references.bib"
LOW_CONFIDENCE = "low confidence"
SECONDARY = "read second-hand"

_ENTRY = re.compile(r"^@\w+\{([^,\s]+),(.*?)^\}", re.MULTILINE | re.DOTALL)
_CONFIDENCE = re.compile(r"Confidence:\s*(high|medium|low)\b", re.IGNORECASE)


def bib_confidence(text: str) -> dict[str, str]:
    """The confidence each entry of a bibliography gives in its note (the first one stated).

    >>> bib_confidence('''@misc{a2025,
    ...   note = {One aggregator copy. Confidence: low}
    ... }
    ... @misc{b2025,
    ...   note = {Confidence: high for the date, medium for the count}
    ... }
    ... ''')
    {'a2025': 'low', 'b2025': 'high'}
    """
    found = {}
    for key, body in _ENTRY.findall(text):
        match = _CONFIDENCE.search(body)
        if match:
            found[key] = match.group(1).lower()
    return found


def secondary_citations(data_dir: Path | str | None = None) -> set[str]:
    """Citation keys whose every data row was read through a secondary site (``read_via``)."""
    read_via: dict[str, list[bool]] = {}
    for name in table_names(data_dir):
        table = load_table(name, data_dir)
        if not {"citation", "read_via"} <= set(table.columns):
            continue
        for citation, via in zip(table["citation"], table["read_via"], strict=True):
            if isinstance(citation, str) and citation:
                read_via.setdefault(citation, []).append(isinstance(via, str) and bool(via))
    return {key for key, flags in read_via.items() if all(flags)}


@lru_cache(maxsize=1)
def source_caveats() -> dict[str, str]:
    """Citation key → the caveat a reader should see ("low confidence", "read second-hand", both).

    Keys with no caveat are absent.
    """
    confidence = bib_confidence(BIB_PATH.read_text(encoding="utf-8"))
    secondary = secondary_citations()
    caveats = {}
    for key in set(confidence) | secondary:
        words = [LOW_CONFIDENCE] if confidence.get(key) == "low" else []
        if key in secondary:
            words.append(SECONDARY)
        if words:
            caveats[key] = ", ".join(words)
    return caveats


#: Words by which a sentence already warns of a weak source (then no note is added).
_SAID = re.compile(
    r"low[- ]confidence|second-?hand|secondary|republished|relayed|read (?:through|in) a"
    r"|not (?:been )?(?:confirmed|corroborated)|unverified|unconfirmed"
    r"|could not (?:be )?(?:confirm|verif|corroborat)",
    re.IGNORECASE,
)


def already_said(before: str, after: str) -> bool:
    """Whether the sentence around a citation already says its source is weak.

    ``before`` is the text before the citation, ``after`` the text after it; only the
    citation's own sentence counts.

    >>> already_said("Nvidia halted production (one low-confidence report) ", ".")
    True
    >>> already_said("It was unconfirmed. Nvidia halted production ", " (one report, secondary).")
    True
    >>> already_said("It was low confidence. Nvidia halted production ", ".")
    False
    """
    sentence_start = re.split(r"[.!?]\s", before)[-1]
    sentence_end = re.split(r"[.!?](?:\s|$)", after)[0]
    return bool(_SAID.search(sentence_start) or _SAID.search(sentence_end))


def citation_caveat(keys: list[str], caveats: dict[str, str] | None = None) -> str:
    """The caveat for a citation of ``keys``: empty unless every key carries one.

    >>> known = {"weak": "low confidence", "copy": "read second-hand"}
    >>> citation_caveat(["weak"], known)
    'low confidence'
    >>> citation_caveat(["weak", "copy"], known)
    'low confidence, read second-hand'
    >>> citation_caveat(["weak", "solid"], known)
    ''
    """
    caveats = source_caveats() if caveats is None else caveats
    if not keys or any(key not in caveats for key in keys):
        return ""
    words = (word for key in keys for word in caveats[key].split(", "))
    return ", ".join(sorted(set(words), key=[LOW_CONFIDENCE, SECONDARY].index))
