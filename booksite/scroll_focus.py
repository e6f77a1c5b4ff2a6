"""Replace the theme's load-time pass over every scrollable block with one that waits for each.

pydata-sphinx-theme's script, once a page has loaded, measures every code block, cell output and
table to give those that scroll a tab stop.  Measuring lays a block out, so on a long chapter the
pass lays out every section the browser would otherwise skip until the reader nears it: a task of
0.8 s on Lighthouse's throttled phone, run again 0.3 s after each change to the page (each chart
drawn).  :func:`lazy_scroll_focus` rewrites the theme's script while the book builds: the pass is
replaced by ``h200FocusScrollables`` (``static/scroll-focus.js``), called with the theme's own
selectors, which measures a block only while the browser renders it.

Examples
--------
>>> theme = ('(()=>{function I(){const e=()=>{document.querySelectorAll(["pre",".out"].join(", "))'
...          '.forEach(e=>{e.tabIndex=0})};e()}"complete"===document.readyState?I():'
...          'window.addEventListener("load",I)})();')
>>> lazy = lazy_scroll_focus(theme, "function h200FocusScrollables(s) {}")
>>> print(lazy[lazy.index('"complete"'):lazy.index("})();")])
"complete"===document.readyState?h200FocusScrollables(["pre",".out"]):window.addEventListener("load",()=>h200FocusScrollables(["pre",".out"]))
>>> lazy_scroll_focus("(()=>{})();", "")
Traceback (most recent call last):
...
ValueError: pydata-sphinx-theme.js: no load-time pass over scrollable blocks found; the theme's script has a layout widgets/site_scroll_focus.py cannot read
"""

from __future__ import annotations

import re
from pathlib import Path

#: The helper that replaces the theme's pass.
HELPER = Path(__file__).parent / "static" / "scroll-focus.js"
#: The theme's script, relative to the site's ``_static`` folder.
THEME_SCRIPT = Path("scripts") / "pydata-sphinx-theme.js"

_CALL = re.compile(
    r'"complete"===document\.readyState\?(?P<name>[\w$]+)\(\):'
    r'window\.addEventListener\("load",(?P=name)\)'
)


def lazy_scroll_focus(theme_js: str, helper_js: str) -> str:
    """``theme_js`` with its pass over scrollable blocks replaced by the helper ``helper_js``.

    Raises
    ------
    ValueError
        If the script no longer has the pass in the form this reads (a theme upgrade changed it).
    """
    problem = ValueError(
        f"{THEME_SCRIPT.name}: no load-time pass over scrollable blocks found; "
        "the theme's script has a layout widgets/site_scroll_focus.py cannot read"
    )
    call = _CALL.search(theme_js)
    if call is None:
        raise problem
    name = re.escape(call.group("name"))
    selectors = re.search(
        rf"function {name}\(\)\{{const \w+=\(\)=>\{{document\.querySelectorAll\("
        r"(?P<list>\[[^\]]*\])\.join\(\", \"\)\)",
        theme_js,
    )
    if selectors is None:
        raise problem
    chosen = selectors.group("list")
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
