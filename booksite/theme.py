"""Adjustments to the Jupyter Book theme: no Thebe and a valid colour mode.

The launch buttons are :mod:`booksite.launch`'s."""

from __future__ import annotations


def remove_thebe_scripts(app, pagename, templatename, context, doctree) -> None:
    """Drop sphinx-thebe's scripts: the book does not use Thebe.

    Jupyter Book 1 always loads sphinx-thebe.  Its inline configuration names a CDN
    (``THEBE_JS_URL = "https://unpkg.com/..."``) that a click could fetch, and with Sphinx 7.4
    it is registered twice, so every page logged "Identifier 'THEBE_JS_URL' has already been
    declared".  Students run chapters live in Binder or with ``make lab`` instead.
    """
    context["script_files"] = [
        script
        for script in context.get("script_files", [])
        if "sphinx-thebe" not in str(getattr(script, "filename", "") or "")
        and "THEBE_JS_URL" not in getattr(script, "attributes", {}).get("body", "")
    ]


def set_default_colour_mode(app, pagename, templatename, context, doctree) -> None:
    """Give the theme's colour-mode switch a valid start value.

    Without it the page's head script stores an empty mode, and pydata-sphinx-theme logs
    "Got invalid theme mode" as a console error on every first visit.
    """
    context["default_mode"] = "auto"
