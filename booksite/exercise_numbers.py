"""Number each chapter's exercises within the chapter: "Exercise 3.2", not the book's 14th.

sphinx-exercise numbers exercises as Sphinx numbers figures; the book's table of contents is
not numbered, so Sphinx counts them across the whole book (7 to 33).  A student and an
instructor refer to "Exercise 3.2", as the notebooks do (:attr:`widgets.core.teaching.Exercise.number`).
After Sphinx has assigned its numbers, :func:`number_exercises_per_chapter` replaces each
chapter page's exercise numbers by (chapter, position in the chapter); the exercise titles and
every ``{ref}`` and ``{numref}`` to an exercise then show that number.
"""

from __future__ import annotations

import re

__all__ = ["number_exercises_per_chapter"]

#: A chapter's document name, with its number: ``chapters/03-allied-risk``.
_CHAPTER = re.compile(r"^chapters/(\d+)-")


def number_exercises_per_chapter(app, env) -> list[str]:
    """Renumber the exercises of every chapter page (an ``env-get-updated`` handler).

    Runs after Sphinx's own handler has filled ``env.toc_fignumbers`` (the handler is connected
    with a later priority); keeps Sphinx's order within each page.

    Returns
    -------
    list of str
        No further documents to re-read.
    """
    for docname, numbers in env.toc_fignumbers.items():
        chapter = _CHAPTER.match(docname)
        exercises = numbers.get("exercise")
        if not chapter or not exercises:
            continue
        in_order = sorted(exercises, key=exercises.get)
        numbers["exercise"] = {
            node_id: (int(chapter.group(1)), position)
            for position, node_id in enumerate(in_order, 1)
        }
    return []
