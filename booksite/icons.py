"""Draw the theme's icons as inline SVG at build time, so no page loads icon-font JavaScript.

pydata-sphinx-theme writes icons as ``<i class="fa-solid fa-bars"></i>`` and loads Font
Awesome's 1.5 MB ``fontawesome.js`` (540 KB compressed) on every page to swap each ``<i>`` for an
``<svg>``.  This module does that swap once, while the book builds: it reads each icon's path from
the very ``fontawesome.js`` the theme ships (so the icons are the theme's own) and writes the same
``<svg class="svg-inline--fa ...">`` element Font Awesome would have made.  The script tag is then
removed (:mod:`booksite.pages`).  Font Awesome Free icons are licensed CC BY 4.0.

Examples
--------
>>> icons = {("fas", "bars"): Icon(448, 512, "M0 96h448")}
>>> print(inline_icons('<button><i class="fa-solid fa-bars fa-lg"></i></button>', icons))
<button><svg class="svg-inline--fa fa-solid fa-bars fa-lg" aria-hidden="true" focusable="false" data-prefix="fas" data-icon="bars" role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 448 512"><path fill="currentColor" d="M0 96h448"></path></svg></button>
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pydata_sphinx_theme

#: Font Awesome's JavaScript as the theme ships it.
FONTAWESOME_JS = (
    Path(pydata_sphinx_theme.__file__).parent
    / "theme"
    / "pydata_sphinx_theme"
    / "static"
    / "scripts"
    / "fontawesome.js"
)

#: Class names that choose an icon style, and Font Awesome's prefix for each.
STYLE_PREFIXES = {
    "fa-solid": "fas",
    "fas": "fas",
    "fa-regular": "far",
    "far": "far",
    "fa-brands": "fab",
    "fab": "fab",
}

#: CSS that Font Awesome's script would have injected for inline SVG icons.
ICON_CSS = """
.svg-inline--fa { display: inline-block; height: 1em; overflow: visible; vertical-align: -0.125em; box-sizing: content-box; }
.svg-inline--fa.fa-lg { font-size: 1.25em; line-height: 0.05em; vertical-align: -0.2em; }
"""

# Each icon pack is `var p={name:[w,h,[aliases],"unicode","path"],...}` followed by `d("fas",p)`.
_PACK = re.compile(r'var p=\{(.*?)\(function\(\)\{d\("(fa[bsr])",p\)', re.S)
_ICON = re.compile(
    r'(?:"([\w-]+)"|([\w$]+)):\[(\d+),(\d+),\[[^\]]*\],"([0-9a-f]*)",("[^"]*"|\[[^\]]*\])\]'
)
_ITAG = re.compile(r'<i (?P<before>[^>]*?)class="(?P<classes>[^"]*)"(?P<after>[^>]*)></i>')


@dataclass(frozen=True)
class Icon:
    """One Font Awesome icon: its view box (width × height, icon units), SVG path and code point
    (hex, the character the icon font draws it for)."""

    width: int
    height: int
    path: str
    code: str = ""


@lru_cache(maxsize=1)
def theme_icons(source: Path = FONTAWESOME_JS) -> dict[tuple[str, str], Icon]:
    """Every icon in the theme's ``fontawesome.js``, keyed by (prefix, name), e.g. ("fas", "bars").

    Raises
    ------
    ValueError
        If the file no longer has the layout this parser reads (a theme upgrade changed it).
    """
    text = source.read_text(encoding="utf-8")
    icons: dict[tuple[str, str], Icon] = {}
    for pack in _PACK.finditer(text):
        prefix = pack.group(2)
        for icon in _ICON.finditer(pack.group(1)):
            name = icon.group(1) or icon.group(2)
            path = icon.group(6)
            # duotone pairs: keep the primary path
            path = re.findall(r'"([^"]*)"', path)[-1] if path.startswith("[") else path.strip('"')
            icons[(prefix, name)] = Icon(
                int(icon.group(3)), int(icon.group(4)), path, icon.group(5)
            )
    if not {("fas", "bars"), ("fas", "magnifying-glass")} <= icons.keys():
        raise ValueError(
            f"{source}: found {len(icons)} icons but not fa-solid fa-bars; "
            f"the theme's fontawesome.js has a layout widgets/site_icons.py cannot read"
        )
    return icons


@lru_cache(maxsize=1)
def icons_by_code() -> dict[tuple[str, str], Icon]:
    """The theme's icons keyed by (prefix, code point), e.g. ("fas", "f0f3") for the bell."""
    return {(prefix, icon.code): icon for (prefix, _), icon in theme_icons().items() if icon.code}


def _svg_for(match: re.Match, icons: dict[tuple[str, str], Icon], where: str) -> str:
    classes = match.group("classes").split()
    prefix = next((STYLE_PREFIXES[c] for c in classes if c in STYLE_PREFIXES), None)
    names = [
        c[3:]
        for c in classes
        if c.startswith("fa-") and c not in STYLE_PREFIXES and (prefix, c[3:]) in icons
    ]
    if prefix is None or not names:
        raise ValueError(f'{where}: no Font Awesome icon for <i class="{match.group("classes")}">')
    icon = icons[(prefix, names[0])]
    attributes = (match.group("before") + match.group("after")).strip()
    return (
        f'<svg class="svg-inline--fa {" ".join(classes)}"{" " + attributes if attributes else ""} '
        f'aria-hidden="true" focusable="false" data-prefix="{prefix}" data-icon="{names[0]}" '
        f'role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {icon.width} {icon.height}">'
        f'<path fill="currentColor" d="{html.escape(icon.path)}"></path></svg>'
    )


def inline_icons(
    page_html: str, icons: dict[tuple[str, str], Icon] | None = None, where: str = "page"
) -> str:
    """``page_html`` with every Font Awesome ``<i>`` element replaced by its inline ``<svg>``.

    Raises
    ------
    ValueError
        Naming the page and the element, for an ``<i>`` whose icon the theme does not have.
    """
    icons = theme_icons() if icons is None else icons

    def replace(match: re.Match) -> str:
        if not any(c.startswith("fa") for c in match.group("classes").split()):
            return match.group(0)
        return _svg_for(match, icons, where)

    return _ITAG.sub(replace, page_html)
