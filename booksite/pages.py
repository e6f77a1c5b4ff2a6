"""Make every built page light: a meta description, and no script the page does not need.

Two hooks, both registered by :mod:`booksite`:

* ``html-page-context`` adds ``<meta name="description">`` to every page, from the page's
  question (the admonition titled "The question" that opens each chapter), else from its first
  paragraph, else from its title and the book's front page.
* ``build-finished`` rewrites the written pages: Font Awesome icons become inline SVG
  (:mod:`booksite.icons`) and the icon-font script goes; Sphinx's search index and tools,
  which the theme loads on every page for a search-as-you-type the book has switched off, stay
  only on the search page; sphinx-thebe's stylesheet goes (the book does not use Thebe); the
  stylesheets and scripts that extensions add to every page stay only where the article uses
  them; the head's scripts are deferred, so nothing but stylesheets delays the first paint;
  chart specs move to files of their own, fetched when a chart is drawn; reference-list
  entries get a role screen readers understand; controls are named by the label they show
  (:mod:`booksite.labels`); and every block that may scroll gets a tab stop
  (:mod:`booksite.scroll_focus`).

Examples
--------
>>> page = ('<link href="../_static/sphinx-thebe.css?v=1" rel="stylesheet" />\\n'
...         '<script defer src="../_static/scripts/fontawesome.js?digest=abc"></script>\\n'
...         '<script src="../searchindex.js"></script><p>text</p>')
>>> slim_page(page, "chapters/01-decision")
'<p>text</p>'
>>> print(_defer_scripts('<script>mode()</script><script src="a.js"></script><script>var x = 1;</script>'
...                     '<script>A.x = 1;</script>'))
<script>mode()</script><script defer src="a.js"></script><script>var x = 1;</script><script defer src="data:text/javascript;base64,QS54ID0gMTs="></script>
>>> "searchindex.js" in slim_page(page, "search")
True
"""

from __future__ import annotations

import base64
import html
import os
import re
from pathlib import Path

from docutils import nodes

from booksite.icons import inline_icons
from booksite.labels import names_as_shown
from booksite.scroll_focus import selectors_for_site, tab_stops_in_html

#: Longest description written (characters); search engines show about 160.
DESCRIPTION_LIMIT = 300

#: Title of the admonition whose text is a page's question.
QUESTION_TITLE = "The question"

_DROPPED_EVERYWHERE = [
    re.compile(
        r'[ \t]*<script[^>]*src="[^"]*_static/scripts/fontawesome\.js[^"]*"[^>]*></script>\n?'
    ),
    re.compile(r'[ \t]*<link[^>]*href="[^"]*_static/sphinx-thebe\.css[^"]*"[^>]*/?>\n?'),
]
_SEARCH_ONLY = [
    re.compile(
        r'[ \t]*<script[^>]*src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|'
        r'searchindex\.js)"[^>]*></script>\n?'
    ),
]

#: Assets a page loads only if its article uses them: (file name, what in the article needs it).
#: Sphinx and its extensions add each of these to every page.
CONDITIONAL_ASSETS = [
    ("sphinx-design.min.css", r'class="[^"]*\bsd-'),
    ("design-tabs.js", r'class="[^"]*\bsd-tab'),
    ("pygments.css", r'class="[^"]*\bhighlight'),
    ("copybutton.css", r'class="[^"]*\bhighlight'),
    ("copybutton.js", r'class="[^"]*\bhighlight'),
    ("clipboard.min.js", r'class="[^"]*\bhighlight'),
    ("exercise.css", r'class="[^"]*\b(?:exercise|solution)\b'),
    ("togglebutton.css", r'class="[^"]*\b(?:toggle|dropdown)\b'),
    ("togglebutton.js", r'class="[^"]*\b(?:toggle|dropdown)\b'),
]
_ARTICLE = re.compile(r'<article class="bd-article".*?</article>', re.S)
_HEAD = re.compile(r"<head>.*?</head>", re.S)
_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
# theme.css holds only `@import "../basic.css"`: link basic.css at once, not one request later.
_DECLARATION = re.compile(
    r"(?:(?:let|var|const)\s+[A-Za-z_$][\w$]*\s*=\s*(?:'[^']*'|\"[^\"]*\"|[\w.]+)\s*;\s*)+"
)
_THEME_CSS = re.compile(
    r'<link href="(?P<prefix>[^"]*)_static/styles/theme\.css\?[^"]*" rel="stylesheet" />'
)


def _plain(text: str) -> str:
    return " ".join(text.split())


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """``text`` cut to at most ``limit`` characters at a sentence end, else a word end.

    >>> shorten("One sentence here. Two three four.", 24)
    'One sentence here.'
    >>> shorten("One two three four", 12)
    'One two…'
    """
    text = _plain(text)
    if len(text) <= limit:
        return text
    head = text[:limit]
    sentence_end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if sentence_end > limit // 3:
        return head[: sentence_end + 1]
    return head[: head[: limit - 1].rfind(" ")].rstrip(",;:") + "…"


def page_description(doctree: nodes.document) -> str:
    """A page's description: its question, else its first paragraph ('' if it has neither)."""
    for admonition in doctree.findall(nodes.admonition):
        titles = list(admonition.findall(nodes.title))
        if titles and _plain(titles[0].astext()) == QUESTION_TITLE:
            return shorten(" ".join(p.astext() for p in admonition.findall(nodes.paragraph)))
    for paragraph in doctree.findall(nodes.paragraph):
        if (
            isinstance(paragraph.parent, (nodes.section, nodes.document))
            and paragraph.astext().strip()
        ):
            return shorten(paragraph.astext())
    return ""


def add_meta_description(app, pagename, templatename, context, doctree) -> None:
    """``html-page-context`` hook: a ``<meta name="description">`` for every page."""
    description = page_description(doctree) if doctree is not None else ""
    if not description:  # the index, search and reference list: say what the page is in the book
        title = _plain(re.sub(r"<[^>]+>", "", html.unescape(context.get("title", ""))))
        front_page = page_description(app.env.get_doctree(app.config.root_doc))
        description = shorten(f"{title}, {app.config.project}. {front_page}")
    context["metatags"] = (
        context.get("metatags", "")
        + f'\n<meta name="description" content="{html.escape(description)}" />'
    )


def _asset_tag(file_name: str) -> re.Pattern:
    escaped = re.escape(file_name)
    return re.compile(
        rf'[ \t]*(?:<script[^>]*src="[^"]*_static/{escaped}[^"]*"[^>]*></script>'
        rf'|<link[^>]*href="[^"]*_static/{escaped}[^"]*"[^>]*/?>)\n?'
    )


def _defer_scripts(head: str) -> str:
    """Every script of ``head`` after the first external one runs deferred, in the same order.

    External classic scripts get ``defer``.  An inline script after the first of them that uses
    what an external script defines (``DOCUMENTATION_OPTIONS.pagename = ...``) becomes a deferred
    ``data:`` script, because an inline script cannot be deferred and would otherwise run before
    the script it uses.  Inline scripts that only declare a setting (``var togglebuttonSelector =
    ...``) stay inline, so they are defined before any deferred script reads them; so do inline
    scripts before any external one (the theme's colour-mode switch, which must run before the
    first paint).
    """
    seen_external = False

    def defer(match: re.Match) -> str:
        nonlocal seen_external
        attributes, body = match.group("attributes"), match.group("body")
        if re.search(r"\b(?:defer|async)\b|type=\"(?!text/javascript)", attributes):
            seen_external = seen_external or "src=" in attributes
            return match.group(0)
        if "src=" in attributes:
            seen_external = True
            return f"<script defer{attributes}>{body}</script>"
        if not seen_external or not body.strip() or _DECLARATION.fullmatch(body.strip()):
            return match.group(0)
        encoded = base64.b64encode(body.strip().encode("utf-8")).decode("ascii")
        return f'<script defer{attributes} src="data:text/javascript;base64,{encoded}"></script>'

    return _SCRIPT.sub(defer, head)


def slim_page(page_html: str, pagename: str) -> str:
    """``page_html`` with only the assets its article uses, and no script blocking the first paint.

    Removes the icon-font script and Thebe's CSS everywhere, the search index and tools except on
    the search page, and each asset of :data:`CONDITIONAL_ASSETS` that the article does not use;
    links ``basic.css`` directly instead of through ``theme.css``; defers the head's scripts.
    """
    article_match = _ARTICLE.search(page_html)
    article = article_match.group(0) if article_match else page_html
    patterns = _DROPPED_EVERYWHERE + ([] if pagename == "search" else _SEARCH_ONLY)
    patterns += [
        _asset_tag(name)
        for name, needed_by in CONDITIONAL_ASSETS
        if not re.search(needed_by, article)
    ]
    for pattern in patterns:
        page_html = pattern.sub("", page_html)
    page_html = _THEME_CSS.sub(
        lambda m: (
            f'<link rel="stylesheet" type="text/css" href="{m.group("prefix")}_static/basic.css" />'
        ),
        page_html,
    )
    return _HEAD.sub(lambda m: _defer_scripts(m.group(0)), page_html, count=1)


def fix_citation_roles(page_html: str) -> str:
    """Reference-list entries as ``listitem``s of their ``role="list"``.

    Docutils marks each entry ``role="doc-biblioentry"``, a role ARIA has deprecated, inside a
    ``role="list"`` container; screen readers (and axe-core) then find a list with no items.

    >>> fix_citation_roles('<div class="citation" id="id1" role="doc-biblioentry">')
    '<div class="citation" id="id1" role="listitem">'
    """
    return page_html.replace('role="doc-biblioentry"', 'role="listitem"')


#: Where chart specs go, relative to the site's ``_static`` folder.
SPEC_FOLDER = "h200/specs"

_SPEC_SCRIPT = re.compile(
    r'\n?<script type="application/json" id="(?P<id>h200-chart-[0-9a-f]+-spec)">'
    r"(?P<json>.*?)</script>",
    re.S,
)


def move_chart_specs(page_html: str, page: Path, static: Path) -> str:
    """Each chart's spec moved out of the page into ``_static/h200/specs/<id>.json``.

    The chart's container then names the file (``data-spec-url``) and ``charts.js`` fetches it
    when the chart nears the viewport: the page's HTML, which must arrive before anything is
    painted, no longer carries every chart's data.
    """
    folder = static / SPEC_FOLDER
    for match in list(_SPEC_SCRIPT.finditer(page_html)):
        spec_id = match.group("id")
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{spec_id}.json"
        target.write_text(match.group("json").replace("<\\/", "</"), encoding="utf-8")
        url = os.path.relpath(target, page.parent).replace(os.sep, "/")
        page_html = page_html.replace(match.group(0), "", 1).replace(
            f'data-spec="{spec_id}"', f'data-spec-url="{url}"', 1
        )
    return page_html


def rewrite_written_pages(app, exception) -> None:
    """``build-finished`` hook: inline the icons and slim every HTML page the build wrote; name
    controls by their visible labels and give blocks that may scroll a tab stop."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    scrollables = selectors_for_site(outdir / "_static")
    for page in outdir.rglob("*.html"):
        relative = page.relative_to(outdir)
        if relative.parts[0].startswith("_"):
            continue
        pagename = relative.with_suffix("").as_posix()
        text = page.read_text(encoding="utf-8")
        text = fix_citation_roles(slim_page(text, pagename))
        text = move_chart_specs(text, page, outdir / "_static")
        text = tab_stops_in_html(names_as_shown(text), scrollables)
        page.write_text(inline_icons(text, where=str(relative)), encoding="utf-8")
