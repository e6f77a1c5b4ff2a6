"""Typeset the book's formulas at build time as MathML: no math runtime on any page.

Sphinx normally leaves ``\\(...\\)`` in the page for MathJax to typeset in the reader's browser,
which on a long chapter costs seconds of phone CPU and re-lays out the page.  This module
registers a Sphinx math renderer, ``mathml``, that converts every formula (inline, display, and
the ``text/latex`` outputs of code cells) to MathML with ``latex2mathml`` while the book builds.
Current browsers render MathML natively; the text stays selectable, and each ``<math>`` element
carries its LaTeX source as ``alttext`` for assistive technology and copying.

A formula ``latex2mathml`` cannot translate fails the build with the formula and the command,
rather than printing a backslash command on the page.

Examples
--------
>>> print(latex_to_mathml(r"\\rho", display=False))
<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline" alttext="\\rho"><mrow><mi>&#x003C1;</mi></mrow></math>
>>> latex_to_mathml(r"\\frobnicate{x}", display=False)
Traceback (most recent call last):
...
ValueError: formula $\\frobnicate{x}$ uses \\frobnicate, which latex2mathml cannot typeset as MathML
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.locale import _
from sphinx.util.math import get_node_equation_number

#: Name under which the renderer is registered (``html_math_renderer``).
RENDERER = "mathml"

_UNTRANSLATED = re.compile(r">(\\[A-Za-z]+|&amp;|&)<")


def latex_to_mathml(latex: str, display: bool) -> str:
    """A ``<math>`` element for ``latex``, with the source as its ``alttext``.

    Parameters
    ----------
    latex : str
        The formula, without ``$`` or ``\\(`` delimiters.
    display : bool
        True for a display (block) formula, False for one inside a sentence.

    Raises
    ------
    ValueError
        If the formula uses a command or construct that latex2mathml leaves untranslated.
    """
    source = latex.strip()
    markup = convert(source, display="block" if display else "inline")
    untranslated = _UNTRANSLATED.search(markup)
    if untranslated:
        command = html.unescape(untranslated.group(1))
        raise ValueError(
            f"formula ${source}$ uses {command}, which latex2mathml cannot typeset as MathML"
        )
    alt = html.escape(" ".join(source.split()), quote=True)
    start_tag_end = markup.index(">")
    return f'{markup[:start_tag_end]} alttext="{alt}"{markup[start_tag_end:]}'


def _display_source(node: nodes.math_block) -> str:
    r"""The display formula's LaTeX; several equations (blank-line separated) become one ``align*``."""
    parts = [part.strip() for part in node.astext().split("\n\n") if part.strip()]
    if len(parts) == 1:
        return parts[0]
    return r"\begin{align*}" + r" \\ ".join(parts) + r"\end{align*}"


def _fail(self, node, error: ValueError):
    source = self.builder.env.doc2path(self.builder.current_docname)
    raise ValueError(f"{source}, line {node.line}: {error}") from None


def visit_inline(self, node: nodes.math) -> None:
    """Sphinx HTML visitor for a formula inside a sentence."""
    try:
        markup = latex_to_mathml(node.astext(), display=False)
    except ValueError as error:
        _fail(self, node, error)
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(markup + "</span>")
    raise nodes.SkipNode


def visit_display(self, node: nodes.math_block) -> None:
    """Sphinx HTML visitor for a display formula (numbered ones keep their number and link)."""
    try:
        markup = latex_to_mathml(_display_source(node), display=True)
    except ValueError as error:
        _fail(self, node, error)
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node.get("number"):
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append(markup + "</div>\n")
    raise nodes.SkipNode


def use_mathml(app, config) -> None:
    """``config-inited`` hook: make MathML the HTML math renderer."""
    config.html_math_renderer = RENDERER


def register_renderer(app) -> None:
    """Register the MathML renderer with Sphinx (called from :func:`booksite.setup`)."""
    app.add_html_math_renderer(RENDERER, (visit_inline, None), (visit_display, None))
