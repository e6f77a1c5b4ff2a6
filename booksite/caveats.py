"""Mark a citation whose every source is weak: "(low confidence)", "(read second-hand)".

On ``doctree-read`` each ``{cite:p}``/``{cite:t}`` reference is looked up in
:func:`chipcontrols.core.caveats.source_caveats`; when every key it cites carries a caveat, a
small visible note follows the citation, so a reader sees where a claim rests on one weak
source, unless the sentence already says so in words.  The students' notebooks print the same note (``tools/lab_markdown.py``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from chipcontrols.core.caveats import already_said, citation_caveat

#: CSS class of the note (styled in the site's stylesheet).
CAVEAT_CLASS = "source-caveat"


def cited_keys(node: addnodes.pending_xref) -> list[str]:
    """The citation keys of a ``cite`` reference (``"a, b"`` → ``["a", "b"]``)."""
    return [key.strip() for key in node.get("reftarget", "").split(",") if key.strip()]


def mark_weak_citations(app, doctree: nodes.document) -> None:
    """Insert the caveat after every citation whose sources all carry one."""
    for node in list(doctree.findall(addnodes.pending_xref)):
        if node.get("refdomain") != "cite":
            continue
        caveat = citation_caveat(cited_keys(node))
        siblings = node.parent.children
        at = siblings.index(node)
        before = "".join(child.astext() for child in siblings[:at])
        after = "".join(child.astext() for child in siblings[at + 1 :])
        if caveat and not already_said(before, after):
            note = nodes.inline("", f" ({caveat})", classes=[CAVEAT_CLASS])
            node.parent.insert(node.parent.index(node) + 1, note)
