"""Resolve what the website's build resolves in a chapter's Markdown, for JupyterLab.

On the website MyST-NB pastes each glued number, sphinxcontrib-bibtex writes each citation and
sphinx-exercise numbers each exercise.  JupyterLab (with jupyterlab-myst) knows none of these:
it would show ``{glue:text}`coalition_ex_mean:.1f``` as its key.  :func:`resolve` rewrites a
Markdown cell so that it reads as the web page does:

- ``{glue:text}`key:fmt``` becomes the number, formatted as MyST-NB formats it (its own
  ``format_plain_text``), ``{glue:md}`key``` (role or directive) the glued Markdown and the
  ``glue:math`` directive a ``$$`` block with the glued formula;
- ``{cite:p}`a,b``` becomes "(Author, year; Author, year)" and ``{cite:t}`a``` "Author (year)",
  as on the website, and :func:`reference_list` writes the entries cited;
- ``{term}``, ``{ref}`` and ``{doc}`` become their text (a link for ``{doc}``);
- a gated exercise (``exercise-start`` ... ``exercise-end``, which spans cells) becomes a
  heading, "Exercise 3.2: <title>", numbered within the chapter as on the website.

Everything else (admonitions, tables, ``$`` math, colon fences) jupyterlab-myst renders itself.
A key, citation or label that cannot be resolved is an error naming the page and the key:
nothing is left as a key for a student to read.

Examples
--------
>>> glued = {"ex_share": {"text/plain": "0.2345"}, "ex_end": {"text/markdown": "*June 2026*"}}
>>> resolve("A {glue:text}`ex_share:.1%` share by {glue:md}`ex_end`.", glued, {}, {}, "ch")
'A 23.4% share by *June 2026*.'
>>> resolve("{glue:text}`ex_missing:.1f`", glued, {}, {}, "ch")
Traceback (most recent call last):
...
KeyError: 'ch: {glue} key ex_missing was never glued (a cell that glues it did not run?)'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from myst_nb.core.render import strip_latex_delimiters
from myst_nb.core.variables import format_plain_text

from chipcontrols.core.caveats import already_said, citation_caveat

#: A glued value: its MIME bundle, as the glue cell displayed it (``text/plain`` etc.).
Bundle = Mapping[str, str]

_GLUE_ROLE = re.compile(r"\{glue(?::(text|md))?\}`([^`]+)`")
_GLUE_DIRECTIVE = re.compile(
    r"^(`{3,}|:{3,})\{glue:(math|md)\}\s+(\S+)\s*\n(?::\w+:.*\n)*\1[ \t]*$", re.M
)
_CITE = re.compile(r"\{cite:(p|t)\}`([^`]+)`")
_TEXT_AND_TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)
_TERM_REF_DOC = re.compile(r"\{(term|ref|doc)\}`([^`]+)`")
_EXERCISE_START = re.compile(
    r"^(:{3,})\{exercise-start\}[ \t]*(.*)\n(?::\w+:.*\n)*\1[ \t]*$", re.M
)
_EXERCISE_END = re.compile(r"^(:{3,})\{exercise-end\}[ \t]*\n(?::\w+:.*\n)*\1[ \t]*$", re.M)
#: What must not be left after resolving: any glue, citation, cross-reference or exercise.
_UNRESOLVED = re.compile(r"\{(?:glue|cite|ref|doc|term|numref|eq|exercise|solution)[:\w-]*\}")
_CHAPTER_NAME = re.compile(r"^\d\d-")
_LABELLED_HEADING = re.compile(r"^\(([\w-]+)\)=\s*\n+#+\s+(.+)$", re.M)


@dataclass(frozen=True)
class Entry:
    """One bibliography entry, as the notebook cites and lists it."""

    label: str
    year: str
    text: str


def _glued(glued: Mapping[str, Bundle], key: str, mime: str, page: str) -> str:
    if key not in glued:
        raise KeyError(
            f"{page}: {{glue}} key {key} was never glued (a cell that glues it did not run?)"
        )
    if mime not in glued[key]:
        raise KeyError(f"{page}: {{glue}} key {key} has no {mime} (it holds {sorted(glued[key])})")
    return str(glued[key][mime])


def _paste(match: re.Match, glued: Mapping[str, Bundle], page: str) -> str:
    kind, content = match.group(1) or "text", match.group(2)
    key, colon, spec = content.rpartition(":")  # as MyST-NB splits it: the last colon
    if not colon:
        key, spec = content, ""
    if kind == "md":
        return _glued(glued, key, "text/markdown", page)
    return format_plain_text(_glued(glued, key, "text/plain", page), spec or "s")


def _block(match: re.Match, glued: Mapping[str, Bundle], page: str) -> str:
    kind, key = match.group(2), match.group(3)
    if kind == "md":
        return _glued(glued, key, "text/markdown", page)
    latex = strip_latex_delimiters(_glued(glued, key, "text/latex", page))
    return f"$$\n{latex.strip()}\n$$"


def _citation(match: re.Match, bibliography: Mapping[str, Entry], page: str) -> str:
    keys = [key.strip() for key in match.group(2).split(",")]
    missing = [key for key in keys if key not in bibliography]
    if missing:
        raise KeyError(f"{page}: {{cite}} key(s) {missing} not in references.bib")
    entries = [bibliography[key] for key in keys]
    # As on the website (booksite.caveats): a citation whose every source is weak says so.
    caveat = citation_caveat(keys)
    text = match.string
    said = already_said(text[: match.start()], text[match.end() :])
    note = f" ({caveat})" if caveat and not said else ""
    if match.group(1) == "t":
        return "; ".join(f"{entry.label} ({entry.year})" for entry in entries) + note
    return "(" + "; ".join(f"{entry.label}, {entry.year}" for entry in entries) + ")" + note


def _cross_reference(match: re.Match, labels: Mapping[str, str], page: str) -> str:
    role, content = match.groups()
    written = _TEXT_AND_TARGET.match(content)
    text, target = written.groups() if written else ("", content)
    if role == "term":
        return text or target
    if role == "doc":
        # A chapter opens as its generated notebook; any other page as its Markdown source.
        suffix = ".ipynb" if _CHAPTER_NAME.match(Path(target).name) else ".md"
        return f"[{text or Path(target).name}]({target}{suffix})"
    if text:
        return text
    if target not in labels:
        raise KeyError(f"{page}: {{ref}} label {target} names no exercise or section")
    return labels[target]


def resolve(
    text: str,
    glued: Mapping[str, Bundle],
    bibliography: Mapping[str, Entry],
    labels: Mapping[str, str],
    page: str,
    exercise_numbers: Mapping[str, str] | None = None,
) -> str:
    """The Markdown cell ``text`` with every glue, citation, cross-reference and exercise resolved.

    Parameters
    ----------
    text : str
        One Markdown cell of a chapter.
    glued : mapping of str to Bundle
        The glued values, by key, as the chapter's cells displayed them.
    bibliography : mapping of str to Entry
        ``references.bib``, by key (:func:`bibliography`).
    labels : mapping of str to str
        What a ``{ref}`` without text shows, by label (:func:`labels_in`, :func:`exercise_label`).
    page : str
        The chapter, for error messages.
    exercise_numbers : mapping of str to str, optional
        Each exercise's number in the chapter ("3.2"), by title
        (:attr:`widgets.core.teaching.Exercise.number`); an exercise missing from it is an error.

    Raises
    ------
    KeyError
        If a glue key, citation key or label cannot be resolved.
    """
    text = _GLUE_DIRECTIVE.sub(lambda match: _block(match, glued, page), text)
    text = _GLUE_ROLE.sub(lambda match: _paste(match, glued, page), text)
    text = _CITE.sub(lambda match: _citation(match, bibliography, page), text)
    text = _TERM_REF_DOC.sub(lambda match: _cross_reference(match, labels, page), text)
    text = _EXERCISE_START.sub(
        lambda match: _exercise_heading(match.group(2).strip(), exercise_numbers, page), text
    )
    text = _EXERCISE_END.sub("", text).strip()
    left = _UNRESOLVED.search(text)
    if left:
        line = text[left.start() :].splitlines()[0][:80]
        raise KeyError(
            f"{page}: {left.group(0)} is written in a form this module does not resolve: {line}"
        )
    return text


def _exercise_heading(title: str, numbers: Mapping[str, str] | None, page: str) -> str:
    """The heading an exercise gets in the notebook: "Exercise 3.2: <title>", as on the website."""
    if numbers is None:
        return f"### Exercise: {title}"
    if title not in numbers:
        raise KeyError(f"{page}: exercise {title!r} has no number; numbered: {sorted(numbers)}")
    return f"### Exercise {numbers[title]}: {title}"


def labels_in(text: str) -> dict[str, str]:
    """What a bare ``{ref}`label``` shows, for each labelled heading in ``text``.

    >>> labels_in("(sec-model)=\\n## The model\\n")
    {'sec-model': 'The model'}
    """
    return {label: title.strip() for label, title in _LABELLED_HEADING.findall(text)}


def exercise_label(number: str) -> str:
    """What a bare ``{ref}`` to an exercise shows: its number in its chapter, as on the website.

    >>> exercise_label("3.2")
    'Exercise 3.2'
    """
    return f"Exercise {number}"


def _plain(latex: str) -> str:
    """BibTeX field text without braces or TeX escapes (the bibliography is plain Unicode)."""
    return re.sub(r"\\([&%$#_])", r"\1", latex.replace("{", "").replace("}", "")).strip()


def _author_label(entry) -> str:
    people = entry.persons.get("author", [])
    if not people:
        return _plain(entry.fields.get("organization", entry.fields.get("publisher", "Anonymous")))
    names = [_plain(" ".join(person.prelast_names + person.last_names)) for person in people]
    if len(names) > 2:
        return f"{names[0]} et al."
    return " and ".join(names)


def bibliography(path: Path) -> dict[str, Entry]:
    """``references.bib`` as the notebooks cite it: "Author, year" and one line per entry."""
    from pybtex.database import parse_file

    entries = {}
    for key, entry in parse_file(str(path)).entries.items():
        fields = entry.fields
        label, year = _author_label(entry), fields.get("year", "n.d.")
        where = fields.get("howpublished") or fields.get("journal") or fields.get("publisher", "")
        parts = [f"{label} ({year}).", _plain(fields.get("title", "")) + ".", _plain(where)]
        if fields.get("url"):
            visited = f" (visited {fields['urldate']})" if fields.get("urldate") else ""
            parts.append(f"<{fields['url']}>{visited}")
        entries[key] = Entry(label, year, " ".join(part for part in parts if part))
    return entries


def cited_in(texts: list[str]) -> list[str]:
    """The citation keys used in ``texts``, each once, in order of first use."""
    keys: dict[str, None] = {}
    for text in texts:
        for match in _CITE.finditer(text):
            keys.update((key.strip(), None) for key in match.group(2).split(","))
    return list(keys)


def reference_list(keys: list[str], bibliography: Mapping[str, Entry]) -> str:
    """A "References" cell: the entries ``keys`` name, sorted by author and year."""
    entries = sorted((bibliography[key] for key in keys), key=lambda e: (e.label, e.year, e.text))
    lines = [f"- {entry.text}" for entry in entries]
    return "## References\n\nThe sources cited in this chapter.\n\n" + "\n".join(lines)
