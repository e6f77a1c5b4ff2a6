"""Make each page's CSS small and one request: prune the theme's rules, bundle the stylesheets.

pydata-sphinx-theme ships one 397 KB stylesheet (66 KB compressed): all of Bootstrap 5 and a
``::before`` rule for each of Font Awesome's 1,900 icons.  Every page must download and parse it
before its first paint.  After the build, :func:`prune_stylesheet` keeps only the rules (of it and
of every other stylesheet a page links) with a
selector whose class names all occur somewhere on the site: in a page, or in a script (scripts add
classes such as ``show`` or ``active`` as readers click).  Rules without class names (elements,
attributes, ``:root`` variables), at-rules such as ``@font-face`` and ``@keyframes``, and every
declaration are kept as they are, so nothing that can apply is lost.

Then :func:`bundle_page_stylesheets` replaces each page's run of stylesheet links (ten on a
chapter: Sphinx's, the theme's, each extension's, the book's) by one file holding them in the
same order, so a phone waits for one request, not ten, before its first paint, and whose icon
glyphs are drawn as SVG masks instead of from the icon font (:mod:`booksite.glyphs`).  Pages that use
the same stylesheets share the same bundle, which browsers then cache.

Examples
--------
>>> css = ".used{color:red}.unused{color:blue}.a .unused,.used:hover{x:1}@media (min-width:1px){.unused{y:2}}p{z:3}"
>>> prune_stylesheet(css, {"used"})
'.used{color:red}.used:hover{x:1}p{z:3}'
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import tinycss2

from booksite.glyphs import glyphs_as_masks

_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_TOKEN = re.compile(r"[A-Za-z_][\w-]*")


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:is(...)``)."""
    parts, depth, current = [], 0, ""
    for char in prelude:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return parts + [current]


def _can_match(selector: str, used: set[str]) -> bool:
    # Classes inside :not(), :is(), :where() or :has() need not all be present for the selector
    # to match: ignore them (keeping a rule is always safe).
    positive = re.sub(r":(?:not|is|where|has)\([^()]*\)", "", selector)
    return all(name in used for name in _CLASS.findall(positive))


def _prune(rules, used: set[str]) -> str:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in _split_selectors(tinycss2.serialize(rule.prelude))]
            matching = [s for s in selectors if _can_match(s, used)]
            if matching:
                kept.append(",".join(matching) + "{" + tinycss2.serialize(rule.content) + "}")
        elif (
            rule.type == "at-rule"
            and rule.lower_at_keyword in ("media", "supports", "layer", "container")
            and rule.content
        ):
            inner = _prune(tinycss2.parse_rule_list(rule.content), used)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type in ("at-rule",):
            kept.append(tinycss2.serialize([rule]))
    return "".join(kept)


def prune_stylesheet(css: str, used: set[str]) -> str:
    """``css`` without the rules none of whose selectors can match, given the class names used."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return _prune(rules, used)


def names_used(site: Path) -> set[str]:
    """Every word that could be a class name on the site: in its pages and its scripts."""
    used: set[str] = set()
    for path in list(site.rglob("*.html")) + list((site / "_static").rglob("*.js")):
        used.update(_TOKEN.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return used


def prune_site_stylesheets(app, exception) -> None:
    """``build-finished`` hook: bundle each page's stylesheets, pruned to the names the site uses."""
    if exception is not None or app.builder.format != "html":
        return
    site = Path(app.outdir)
    bundle_page_stylesheets(site, names_used(site))


#: Where bundles go, relative to the site's ``_static`` folder.
BUNDLE_FOLDER = "h200/css"

_STYLESHEET_LINK = re.compile(
    r'[ \t]*<link (?=[^>]*rel="stylesheet")[^>]*href="(?P<href>[^"]+)"[^>]*/?>\n?'
)
_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<url>[^'")]+)(?P=quote)\s*\)""")
_CHARSET = re.compile(r'@charset\s+"[^"]*";\s*')


def rebase_urls(css: str, source: Path, target: Path) -> str:
    """``css`` read from folder ``source`` with its relative ``url()``s pointing from ``target``.

    >>> rebase_urls("a{background:url(file.png)}", Path("/s/_static"), Path("/s/_static/h200/css"))
    'a{background:url("../../file.png")}'
    """

    def rebase(match: re.Match) -> str:
        url = match.group("url")
        if re.match(r"^(?:[a-z]+:|/|#)", url):
            return match.group(0)
        path, _, rest = url.partition("?")
        moved = os.path.relpath(os.path.normpath(source / path), target).replace(os.sep, "/")
        return f'url("{moved}{"?" + rest if rest else ""}")'

    return _URL.sub(rebase, css)


def bundle_page_stylesheets(site: Path, used: set[str]) -> int:
    """Give every page of ``site`` one stylesheet bundle, pruned to ``used``; the bundles written.

    A page keeps its links if one of them is not a file of the site or uses ``@import`` (which is
    valid only at the top of a stylesheet).
    """
    static = (site / "_static").resolve()
    folder = static / BUNDLE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    bundles: dict[tuple[Path, ...], Path] = {}
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0].startswith("_"):
            continue
        text = page.read_text(encoding="utf-8")
        head_end = text.find("</head>")
        links = [m for m in _STYLESHEET_LINK.finditer(text) if m.start() < head_end]
        files = [(page.parent / m.group("href").split("?")[0]).resolve() for m in links]
        if len(files) < 2 or not all(f.is_file() and static in f.parents for f in files):
            continue
        sources = [f.read_text(encoding="utf-8") for f in files]
        if any("@import" in css for css in sources):
            continue
        key = tuple(files)
        if key not in bundles:
            css = glyphs_as_masks(
                "\n".join(
                    _CHARSET.sub("", rebase_urls(prune_stylesheet(c, used), f.parent, folder))
                    for f, c in zip(files, sources)
                ),
                where=" + ".join(str(f.relative_to(static)) for f in files),
            )
            bundle = folder / f"{hashlib.sha256(css.encode()).hexdigest()[:16]}.css"
            bundle.write_text('@charset "UTF-8";\n' + css, encoding="utf-8")
            bundles[key] = bundle
        href = os.path.relpath(bundles[key], page.parent).replace(os.sep, "/")
        link = f'<link rel="stylesheet" type="text/css" href="{href}" />\n'
        text = (
            text[: links[0].start()]
            + link
            + "".join(text[a.end() : b.start()] for a, b in zip(links, links[1:]))
            + text[links[-1].end() :]
        )
        page.write_text(text, encoding="utf-8")
    return len(bundles)
