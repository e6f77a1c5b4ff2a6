"""Give every block that scrolls a tab stop, from the first paint, without measuring the page at load.

Keyboard readers scroll a wide code block, output or table only if it can take the focus (axe-core's
``scrollable-region-focusable``).  pydata-sphinx-theme's script, once a page has loaded, measured
every such block to give those that scroll a tab stop.  Measuring lays a block out, so on a long
chapter the pass laid out every section the browser would otherwise skip until the reader nears it:
a task of 0.8 s on Lighthouse's throttled phone, run again 0.3 s after each change to the page
(each chart drawn).  Two changes replace it:

* :func:`tab_stops_in_html` writes ``tabindex="0"`` into the HTML of every block that may scroll
  (the theme's selectors and the site's own, :data:`SITE_SELECTORS`), so each can take the focus
  from the first paint, in sections not yet laid out too;
* :func:`lazy_scroll_focus` rewrites the theme's script while the book builds: its pass is replaced
  by ``h200FocusScrollables`` (``static/scroll-focus.js``), which measures a block only while the
  browser renders it and takes the tab stop away from a block that does not scroll there.

Examples
--------
>>> theme = ('(()=>{function I(){const e=()=>{document.querySelectorAll(["pre",".out"].join(", "))'
...          '.forEach(e=>{e.tabIndex=0})};e()}"complete"===document.readyState?I():'
...          'window.addEventListener("load",I)})();')
>>> lazy = lazy_scroll_focus(theme, "function h200FocusScrollables(s) {}")
>>> print(lazy[lazy.index('"complete"'):lazy.index("})();")])
"complete"===document.readyState?h200FocusScrollables(["pre",".out",".h200-table","div.math"]):window.addEventListener("load",()=>h200FocusScrollables(["pre",".out",".h200-table","div.math"]))
>>> theme_selectors(lazy) == theme_selectors(theme) + list(SITE_SELECTORS)
True
>>> lazy_scroll_focus("(()=>{})();", "")
Traceback (most recent call last):
...
ValueError: pydata-sphinx-theme.js: no load-time pass over scrollable blocks found; the theme's script has a layout booksite/scroll_focus.py cannot read
>>> print(tab_stops_in_html('<div class="cell_output"><div class="output"><pre>x</pre></div></div>'
...                         '<div class="output"><pre tabindex="-1">y</pre></div>',
...                         ["pre", ".cell_output > .output"]))
<div class="cell_output"><div tabindex="0" class="output"><pre tabindex="0">x</pre></div></div><div class="output"><pre tabindex="-1">y</pre></div>
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

#: The helper that replaces the theme's pass.
HELPER = Path(__file__).parent / "static" / "scroll-focus.js"
#: The theme's script, relative to the site's ``_static`` folder.
THEME_SCRIPT = Path("scripts") / "pydata-sphinx-theme.js"
#: The site's own blocks that scroll sideways on a narrow screen (``overflow-x: auto`` in
#: ``static/h200.css``): its tables and displayed formulas.
SITE_SELECTORS = (".h200-table", "div.math")

_CALL = re.compile(
    r'"complete"===document\.readyState\?(?P<name>[\w$]+)\(\):'
    r'window\.addEventListener\("load",(?P=name)\)'
)
_HELPER_CALL = re.compile(r"h200FocusScrollables\((?P<list>\[[^\]]*\])\)")


def _problem() -> ValueError:
    return ValueError(
        f"{THEME_SCRIPT.name}: no load-time pass over scrollable blocks found; "
        "the theme's script has a layout booksite/scroll_focus.py cannot read"
    )


def _theme_pass(theme_js: str) -> tuple[re.Match, str]:
    """The theme's call of its pass and the JavaScript list of the selectors it measures."""
    call = _CALL.search(theme_js)
    if call is None:
        raise _problem()
    name = re.escape(call.group("name"))
    selectors = re.search(
        rf"function {name}\(\)\{{const \w+=\(\)=>\{{document\.querySelectorAll\("
        r"(?P<list>\[[^\]]*\])\.join\(\", \"\)\)",
        theme_js,
    )
    if selectors is None:
        raise _problem()
    return call, selectors.group("list")


def theme_selectors(theme_js: str) -> list[str]:
    """The selectors of the blocks that may scroll, read from the theme's script as shipped
    (its own) or as rewritten by :func:`lazy_scroll_focus` (its own and the site's)."""
    rewritten = _HELPER_CALL.search(theme_js)
    if rewritten is not None:
        return json.loads(rewritten.group("list"))
    return json.loads(_theme_pass(theme_js)[1])


def lazy_scroll_focus(theme_js: str, helper_js: str) -> str:
    """``theme_js`` with its pass over scrollable blocks replaced by the helper ``helper_js``,
    called with the theme's selectors and :data:`SITE_SELECTORS`.

    Raises
    ------
    ValueError
        If the script no longer has the pass in the form this reads (a theme upgrade changed it).
    """
    call, theme_list = _theme_pass(theme_js)
    chosen = json.dumps(json.loads(theme_list) + list(SITE_SELECTORS), separators=(",", ":"))
    lazy = (
        f'"complete"===document.readyState?h200FocusScrollables({chosen}):'
        f'window.addEventListener("load",()=>h200FocusScrollables({chosen}))'
    )
    return theme_js[: call.start()] + lazy + theme_js[call.end() :] + "\n" + helper_js


def rewrite_theme_script(static: Path) -> None:
    """Rewrite the theme's script in the site's ``_static`` folder ``static``, once."""
    script = static / THEME_SCRIPT
    text = script.read_text(encoding="utf-8")
    if "h200FocusScrollables" not in text:
        script.write_text(
            lazy_scroll_focus(text, HELPER.read_text(encoding="utf-8")), encoding="utf-8"
        )


def selectors_for_site(static: Path) -> list[str]:
    """The selectors of the blocks that may scroll on the site whose ``_static`` is ``static``:
    the theme's and :data:`SITE_SELECTORS`, whether or not its script was rewritten yet."""
    selectors = theme_selectors((static / THEME_SCRIPT).read_text(encoding="utf-8"))
    return selectors + [s for s in SITE_SELECTORS if s not in selectors]


_COMPOUND = re.compile(r"(?P<tag>[a-z][a-z0-9]*)?(?P<classes>(?:\.[\w-]+)*)")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def _compound(text: str) -> tuple[str | None, frozenset[str]]:
    match = _COMPOUND.fullmatch(text.strip())
    if match is None or not text.strip():
        raise ValueError(f"scroll_focus: cannot read the selector part {text!r}")
    return match.group("tag"), frozenset(match.group("classes").split(".")[1:])


def _parsed(selector: str) -> list[tuple[str | None, frozenset[str]]]:
    """``tag.class > .class`` as its compounds, innermost last (only the child combinator)."""
    return [_compound(part) for part in selector.split(">")]


class _Blocks(HTMLParser):
    """Where to write a tab stop: the offset after the tag name of each element that matches."""

    def __init__(self, selectors: list[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.selectors = [_parsed(s) for s in selectors]
        self.stack: list[tuple[str, frozenset[str]]] = []
        self.positions: list[tuple[int, int]] = []

    def _matches(self, element, compounds) -> bool:
        chain = self.stack[len(self.stack) - len(compounds) + 1 :] + [element]
        if len(chain) < len(compounds):
            return False
        return all(
            (tag is None or tag == name) and classes <= present
            for (tag, classes), (name, present) in zip(compounds, chain)
        )

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        element = (tag, frozenset((attributes.get("class") or "").split()))
        if "tabindex" not in attributes and any(
            self._matches(element, compounds) for compounds in self.selectors
        ):
            self.positions.append(self.getpos())
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        if tag in _VOID:
            self.handle_starttag(tag, attrs)
        # a self-closed foreign element (<path/>, <mspace/>) is never a block here

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return


def tab_stops_in_html(page_html: str, selectors: list[str]) -> str:
    """``page_html`` with ``tabindex="0"`` on each element ``selectors`` match that has no tab index.

    The selectors are those the page's script measures: a tag, class names, or both, joined by
    ``>``.  Once a block is rendered, ``scroll-focus.js`` keeps its tab stop only if it scrolls.
    """
    parser = _Blocks(selectors)
    parser.feed(page_html)
    parser.close()
    line_starts = [0] + [m.end() for m in re.finditer("\n", page_html)]
    offsets = []
    for line, column in parser.positions:
        start = line_starts[line - 1] + column
        name = re.match(r"<[A-Za-z][\w-]*", page_html[start:])
        offsets.append(start + name.end())
    for offset in reversed(offsets):
        page_html = page_html[:offset] + ' tabindex="0"' + page_html[offset:]
    return page_html
