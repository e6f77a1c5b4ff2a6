"""Draw the theme's CSS icon glyphs as SVG masks, so that no page downloads an icon font.

Some of the theme's icons are drawn by CSS, not by ``<i>`` elements (those
:mod:`booksite.icons` inlines): an admonition's title gets a bell, a light bulb or a pencil
from a ``::after`` rule whose ``content`` is a Font Awesome code point set in the icon font, and
so do external links in the navigation and download links.  Every page with an admonition then
downloads ``fa-solid-900.woff2`` (156 KB, which gzip cannot shrink), and when the font arrives
the browser lays the whole page out again: on chapter 5, a 0.97 s task on a throttled phone.

:func:`glyphs_as_masks` rewrites each such rule while the book builds.  Its ``content`` becomes
empty and the icon, whose path is read from the theme's own ``fontawesome.js``, becomes a CSS
mask filled with the text colour, so the icon keeps the colour the theme gives it (light or dark
mode).  No rule names the icon font any more.  A glyph rule that named it, or that draws one
icon class (``.fa-bars:before``, for ``<span class="fa-solid fa-bars">``), gets the glyph's box:
as wide as the icon's shape and 1 em high, unless the rule sets a width or height, with the icon
centred in it (a glyph positioned on its own is centred on its line: 1 lh high).

Examples
--------
>>> icons = {("fas", "f0f3"): Icon(448, 512, "M0 0h448v512H0z", "f0f3")}
>>> css = ':root{--bell:"\\\\f0f3"}.note:after{content:var(--bell);font:var(--fa-font-solid)}'
>>> glyphs_as_masks(css, icons).split("}")[1]  # doctest: +ELLIPSIS
'.note:after{content:"";-webkit-mask:url("data:image/svg+xml,%3Csvg...") center/auto 1em no-repeat;mask:url("data:...") center/auto 1em no-repeat;background-color:currentColor;display:inline-block;width:0.875em;height:1em;vertical-align:-.125em'
>>> glyphs_as_masks(".fas{font-family:Font Awesome\\\\ 6 Free;font-weight:900}", icons)
'.fas{font-weight:900}'
>>> glyphs_as_masks('.x:after{content:"\\\\f0f4"}', icons)
Traceback (most recent call last):
...
ValueError: CSS rule .x:after draws Font Awesome glyph f0f4, which the theme's fontawesome.js does not have
"""

from __future__ import annotations

import re
import urllib.parse

import tinycss2

from booksite.icons import Icon, icons_by_code

#: Unicode's private use area, where Font Awesome puts its glyphs.
_PRIVATE_USE = range(0xE000, 0xF900)
#: At-rules whose blocks hold ordinary rules.
_GROUPING = {"media", "supports", "layer", "container"}
#: Declarations that may choose the icon font.  Those that do are dropped from every rule: even
#: an empty box needs its font's metrics, and the browser would download the font to get them.
_FONT = {"font", "font-family"}
#: A rule of one icon class (``.fa-bars:before``), which the element's style class gives a font.
_CLASS_ICON = re.compile(r"^\.fa-[\w-]+::?before$")
#: The box a glyph occupied (its width is the icon's), for rules that set the icon font.
_GLYPH_BOX = {
    "display": "inline-block",
    "width": None,
    "height": "1em",
    "vertical-align": "-.125em",
}


def _declarations(rule) -> list:
    return [
        d
        for d in tinycss2.parse_declaration_list(
            rule.content, skip_comments=True, skip_whitespace=True
        )
        if d.type == "declaration"
    ]


def _value(declaration) -> str:
    return tinycss2.serialize(declaration.value).strip()


def _custom_properties(rules, found: dict[str, list]) -> dict[str, list]:
    for rule in rules:
        if rule.type == "qualified-rule":
            for declaration in _declarations(rule):
                if declaration.name.startswith("--"):
                    found[declaration.name] = declaration.value
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content:
            _custom_properties(tinycss2.parse_rule_list(rule.content), found)
    return found


def _code_point(tokens, variables: dict[str, list], depth: int = 0) -> str | None:
    """The Font Awesome code point (hex) a ``content`` value draws, or None for any other value."""
    significant = [t for t in tokens if t.type not in ("whitespace", "comment")]
    if len(significant) != 1 or depth > 10:
        return None
    token = significant[0]
    if token.type == "string" and len(token.value) == 1 and ord(token.value) in _PRIVATE_USE:
        return f"{ord(token.value):x}"
    if token.type == "function" and token.lower_name == "var":
        names = [t.value for t in token.arguments if t.type == "ident"]
        if names and names[0] in variables:
            return _code_point(variables[names[0]], variables, depth + 1)
    return None


def _style(declarations) -> str:
    """Font Awesome's prefix for the style a rule's font declarations choose (solid by default)."""
    fonts = " ".join(_value(d) for d in declarations if d.lower_name.startswith("font"))
    if "Brands" in fonts or "fa-font-brands" in fonts:
        return "fab"
    if "fa-font-regular" in fonts or "font-weight:400" in fonts.replace(" ", ""):
        return "far"
    return "fas"


def mask_url(icon: Icon) -> str:
    """``icon`` as a CSS ``url()`` of an SVG data URI.

    >>> mask_url(Icon(10, 20, "M0 0h10"))
    'url("data:image/svg+xml,%3Csvg%20xmlns%3D%27http://www.w3.org/2000/svg%27%20viewBox%3D%270%200%2010%2020%27%3E%3Cpath%20d%3D%27M0%200h10%27/%3E%3C/svg%3E")'
    """
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {icon.width} {icon.height}'>"
        f"<path d='{icon.path}'/></svg>"
    )
    return f'url("data:image/svg+xml,{urllib.parse.quote(svg, safe="/:.,-")}")'


def _names_icon_font(declaration) -> bool:
    value = _value(declaration)
    return declaration.lower_name in _FONT and ("Font Awesome" in value or "--fa-font" in value)


def _serialized(declaration, value: str | None = None) -> str:
    important = " !important" if declaration.important else ""
    return f"{declaration.name}:{_value(declaration) if value is None else value}{important}"


def _rewritten(rule, variables, icons, where: str) -> str:
    declarations = _declarations(rule)
    selector = tinycss2.serialize(rule.prelude).strip()
    contents = [d for d in declarations if d.lower_name == "content"]
    code = _code_point(contents[-1].value, variables) if contents else None
    if code is None:
        if not any(_names_icon_font(d) for d in declarations):
            return tinycss2.serialize([rule])
        kept = [_serialized(d) for d in declarations if not _names_icon_font(d)]
        return f"{selector}{{{';'.join(kept)}}}" if kept else ""
    style = _style(declarations)
    icon = icons.get((style, code)) or next(
        (icons[(prefix, code)] for prefix in ("fas", "far", "fab") if (prefix, code) in icons),
        None,
    )
    if icon is None:
        raise ValueError(
            f"CSS rule {selector}{where} draws Font Awesome glyph {code}, which the "
            "theme's fontawesome.js does not have"
        )
    mask = f"{mask_url(icon)} center/auto 1em no-repeat"
    parts = [
        _serialized(d, '""' if d is contents[-1] else None)
        for d in declarations
        if not _names_icon_font(d)
    ]
    parts += [f"-webkit-mask:{mask}", f"mask:{mask}", "background-color:currentColor"]
    declared = {d.lower_name for d in declarations}
    if any(_names_icon_font(d) for d in declarations) or _CLASS_ICON.match(selector):
        box = {**_GLYPH_BOX, "width": f"{icon.width / icon.height:.4g}em"}
        for name in ("width", "height"):
            if name in declared:
                del box[name]
        if "position" in declared:
            # A glyph placed on its own was drawn in a line box: centre the icon on that line.
            box = {
                **{name: value for name, value in box.items() if name != "vertical-align"},
                "height": "1lh",
            }
        parts += [f"{name}:{value}" for name, value in box.items()]
    return f"{selector}{{{';'.join(parts)}}}"


def _rewrite(rules, variables, icons, where: str) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            out.append(_rewritten(rule, variables, icons, where))
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content:
            inner = _rewrite(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                variables,
                icons,
                where,
            )
            out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{inner}}}")
        elif rule.type != "error":
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def glyphs_as_masks(
    css: str, icons: dict[tuple[str, str], Icon] | None = None, where: str = ""
) -> str:
    """``css`` with every rule that draws a Font Awesome glyph drawing it as an SVG mask.

    Parameters
    ----------
    css : str
        A stylesheet; custom properties (``--pst-icon-bell``) are resolved within it.
    icons : dict, optional
        Icons by (prefix, code point), default the theme's (:func:`site_icons.icons_by_code`).
    where : str
        Named in errors (e.g. the bundle's file name).

    Raises
    ------
    ValueError
        For a glyph the theme's icons do not have, naming the rule and the code point.
    """
    icons = icons_by_code() if icons is None else icons
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    variables = _custom_properties(rules, {})
    return _rewrite(rules, variables, icons, f" in {where}" if where else "")
