"""Book-wide facts: quantities more than one page states, each tied to one key, and how to find them.

A fact the book states on two pages must read the same on both.  Each :class:`BookFact` names
the quantity, the record key (``data/record.csv``) or the single stated value it must equal, and
a regular expression that finds a statement of it in the built pages' prose.  The pattern's
``value`` group is what the page says; :func:`mentions` returns every statement, and
:func:`conflicts` those that disagree with the fact's key or with each other.

``python tools/book_facts.py [_build/html]`` prints every statement found, fact by fact.

>>> fact = BookFact("truce_end", "end of the truce", r"truce runs to (?P<value>\\d+ \\w+ 20\\d\\d)")
>>> found = mentions([fact], {"a.html": ["The truce runs to 10 November 2026."],
...                           "b.html": ["Here the truce runs to 10 January 2027."]})
>>> [(m.page, m.value) for m in found]
[('a.html', '10 november 2026'), ('b.html', '10 january 2027')]
>>> [c.page for c in conflicts([fact], found)]
['b.html']
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Built HTML pages whose prose is scanned (the website's own pages, not Sphinx's indexes).
SKIPPED_PAGES = {"genindex.html", "search.html"}


@dataclass(frozen=True)
class BookFact:
    """One quantity the book states on more than one page.

    Attributes
    ----------
    key : str
        Name of the fact.
    what : str
        What the quantity is, in words.
    pattern : str
        Regular expression (case-insensitive) for one statement of it in a block of prose; its
        named group ``value`` captures what the page says.
    expected : str or None
        The value every statement must have, normalised as :meth:`normalise` does; ``None``
        means the statements must only agree with each other (the most common one wins).
    record_key : str or None
        The ``data/record.csv`` key the value comes from, when it has one (for the message).
    """

    key: str
    what: str
    pattern: str
    expected: str | None = None
    record_key: str | None = None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE)

    @staticmethod
    def normalise(value: str) -> str:
        """A stated value without spaces, thousands separators or a trailing ``.0``.

        >>> BookFact.normalise(" 5.50 ")
        '5.5'
        >>> BookFact.normalise("400,000")
        '400000'
        >>> BookFact.normalise("9 November 2026")
        '9 november 2026'
        """
        text = " ".join(value.split()).lower().replace(",", "")
        if re.fullmatch(r"\d+\.\d+", text):
            text = text.rstrip("0").rstrip(".")
        return text


@dataclass(frozen=True)
class Mention:
    """A statement of a fact on a page: the value it gives and the prose around it."""

    fact: str
    page: str
    value: str
    excerpt: str


def _value(match: re.Match[str]) -> str:
    """The captured ``value`` (or, in a pattern with alternatives, ``value2``, ``value3``...)."""
    groups = match.groupdict()
    return next(text for name, text in sorted(groups.items()) if name.startswith("value") and text)


def mentions(facts: list[BookFact], pages: dict[str, list[str]]) -> list[Mention]:
    """Every statement of every fact in ``pages`` (page name → its blocks of prose)."""
    found = []
    for fact in facts:
        for page, blocks in pages.items():
            for block in blocks:
                for match in fact.regex.finditer(block):
                    start, end = max(match.start() - 60, 0), min(match.end() + 60, len(block))
                    found.append(
                        Mention(
                            fact.key,
                            page,
                            BookFact.normalise(_value(match)),
                            block[start:end],
                        )
                    )
    return found


def conflicts(facts: list[BookFact], found: list[Mention]) -> list[Mention]:
    """The statements that disagree with their fact's expected value, or with the majority."""
    wrong = []
    for fact in facts:
        stated = [m for m in found if m.fact == fact.key]
        if not stated:
            continue
        expected = fact.expected
        if expected is None:
            expected = Counter(m.value for m in stated).most_common(1)[0][0]
        wrong.extend(m for m in stated if m.value != BookFact.normalise(expected))
    return wrong


def prose_blocks(html: str) -> list[str]:
    """The blocks of prose of a built page: paragraphs, list items, table cells, captions.

    Code cells and preformatted text are left out; a cell's output is kept, since readers
    read it.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("article") or soup.body
    if main is None:
        return []
    for tag in main.select("div.cell_input, script, style, pre"):
        tag.decompose()
    blocks = []
    for block in main.find_all(["p", "li", "td", "th", "figcaption", "caption", "dt", "dd"]):
        if block.find(["p", "li"]):
            continue
        text = " ".join(block.get_text(" ", strip=True).split())
        if text:
            blocks.append(text)
    return blocks


def built_pages(html_root: Path) -> dict[str, list[str]]:
    """Every page of the built website, by path under ``html_root``, as blocks of prose."""
    return {
        str(page.relative_to(html_root)): prose_blocks(page.read_text(encoding="utf-8"))
        for page in sorted(html_root.rglob("*.html"))
        if "_static" not in page.parts and page.name not in SKIPPED_PAGES
    }


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE = rf"\d{{1,2}} {_MONTH} 20\d\d"


def _record(key: str, digits: int = 1) -> str:
    """A record figure as the book prints it (``digits`` decimals, then normalised)."""
    from chipcontrols.core import record

    return BookFact.normalise(f"{record.value(key):.{digits}f}")


def _period(name: str) -> str:
    from chipcontrols.core.figures import record_period

    return BookFact.normalise(record_period()[name])


def book_facts() -> list[BookFact]:
    """The registry: every quantity the book states on more than one page, with its one key."""
    return [
        BookFact(
            "h20_charge_flagged",
            "H20 charges Nvidia flagged in April 2025 (USD billion)",
            r"flag\w*[^.]{0,40}?\$\s?(?P<value>\d+(?:\.\d+)?)\s?(?:bn|billion)",
            _record("h20_charges_flagged_usd_billion"),
            "h20_charges_flagged_usd_billion",
        ),
        BookFact(
            "h20_charge_booked",
            "H20 charge Nvidia booked in its quarter to April 2025 (USD billion)",
            r"(?:book\w*[^.]{0,40}?\$\s?(?P<value>\d+(?:\.\d+)?)\s?(?:bn|billion)"
            r"|\$\s?(?P<value2>\d+(?:\.\d+)?)\s?(?:bn|billion) H20 charge)",
            _record("h20_charge_booked_usd_billion"),
            "h20_charge_booked_usd_billion",
        ),
        BookFact(
            "section_232_rate",
            "the Section 232 duty on China-bound chips (percent)",
            r"(?P<value>\d+)\s?%\s+(?:Section 232 )?duty",
            _record("section_232_tariff_rate_percent", 0),
            "section_232_tariff_rate_percent",
        ),
        BookFact(
            "affiliates_rule_suspended_to",
            "the last day of the Affiliates Rule's suspension",
            rf"Affiliates Rule[^.]{{0,160}}?suspen\w*[^.]{{0,80}}?(?:to|until|through|ending)\s+(?P<value>{_DATE})",
            "9 november 2026",
        ),
        BookFact(
            "affiliates_rule_returns_on",
            "the day the Affiliates Rule was due back absent action",
            rf"(?:return\w*|due back|came back)\s+on\s+(?P<value>{_DATE})",
            "10 november 2026",
        ),
        BookFact(
            "reciprocal_tariff_suspension_to",
            "the end of the US suspension of the higher reciprocal tariffs",
            rf"reciprocal[- ]tariff[^.]{{0,60}}?(?:to|until|through)\s+(?P<value>{_DATE})",
        ),
        BookFact(
            "rare_earth_suspension_to",
            "the end of China's suspension of its October 2025 rare-earth controls",
            rf"rare-earth[^.]{{0,80}}?(?:suspen\w+)?[^.]{{0,40}}?(?:to|until)\s+(?P<value>{_DATE})",
        ),
        BookFact(
            "gallium_suspension_to",
            "the end of China's suspension of its gallium, germanium and antimony ban",
            rf"(?:gallium|antimony)[^.]{{0,120}}?(?:to|until)\s+(?P<value>{_DATE})",
        ),
        BookFact(
            "match_act_house_introduction",
            "the day the MATCH Act was introduced in the House",
            r"introduced in the House on (?P<value>\d{1,2} [A-Z][a-z]+)",
        ),
        BookFact(
            "last_tool_tightening",
            "the last US executive tightening on chipmaking tools",
            rf"(?:no new (?:US |executive )*(?:tool )?rule[^.]{{0,40}}?after|last (?:executive )?tool-side[^.]{{0,60}}?)\s*(?P<value>{_DATE})",
        ),
        BookFact(
            "record_end",
            "the date of the record's last event",
            rf"(?:record ends(?: on)?|end of the record \(|record to)\s*(?P<value>{_DATE})",
            _period("end_text"),
        ),
        BookFact(
            "searched_to",
            "the date the searches ran to",
            rf"search(?:es|ed)? (?:ran |run )?(?:through|to|until)\s+(?P<value>(?:\d{{1,2}} )?{_MONTH} 20\d\d)",
            _period("searched_text"),
        ),
        BookFact(
            "asml_china_share_2025",
            "China's share of ASML's 2025 sales (percent)",
            r"(?P<value>\d+)\s?%\s+of\s+(?:ASML[’']s\s+)?(?:2025\s+)?(?:total\s+|net\s+)*sales in 2025"
            r"|(?P<value2>\d+)\s?%\s+of\s+(?:ASML[’']s\s+)?2025\s+(?:total\s+|net\s+)*sales",
        ),
        BookFact(
            "asml_share_basis",
            "the basis of the ASML China shares the book compares across years (its total net sales)",
            r"(?:of|about \d+\s?%\s+of)\s+(?:ASML[’']s\s+)?(?P<value>total net|total|net system|system)"
            r"\s+sales\s+in\s+20(?:25|26)",
            "total net",
        ),
        BookFact(
            "cluster_waste_ascend",
            "the share of a large training job's time the failure-prone chips waste (percent)",
            r"(?P<value>\d+)\s?%\s+(?:of its time\s+)?against\s+10\s?%|Ascend chips (?P<value2>\d+)\s?%",
        ),
        BookFact(
            "grid_plan_first_report",
            "the day the draft national AI data-centre grid plan was first reported",
            r"first report(?:ed)?[^.]{0,30}?(?P<value>\d{1,2} June)",
            "9 june",
        ),
    ]


def _main(argv: list[str]) -> int:
    html_root = Path(argv[0]) if argv else ROOT / "_build" / "html"
    facts = book_facts()
    found = mentions(facts, built_pages(html_root))
    wrong = set(conflicts(facts, found))
    for fact in facts:
        print(f"== {fact.key}: {fact.what} (expected {fact.expected or 'agreement'})")
        for m in (m for m in found if m.fact == fact.key):
            flag = "CONFLICT" if m in wrong else "ok"
            print(f"  {flag:8} {m.page}: {m.value!r}  … {m.excerpt} …")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
