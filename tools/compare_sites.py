"""Compare two builds of the site: every page's text and every chart's spec, asset hashes aside.

A refactoring that should not change what readers see is checked by building the site before
and after and running::

    python tools/compare_sites.py BEFORE/_build/html AFTER/_build/html

Each page's visible text (the article, whitespace collapsed) is compared, and each chart's
Vega-Lite spec (``_static/h200/specs/*.json``, read as JSON).  The script prints the counts
compared and every difference, and exits 1 if there is one.  It asserts nothing about timing.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

#: What a page shows that is not the book's content: code cell sources (the code may move while
#: what it computes stays), scripts and styles.
SKIPPED = "div.cell_input, script, style, noscript, template"


def page_text(path: Path) -> str:
    """The visible article text of one built page, whitespace collapsed, code sources left out.

    Examples
    --------
    >>> import tempfile
    >>> page = Path(tempfile.mkdtemp()) / "p.html"
    >>> html = '<main><p>One\\n two</p><div class="cell_input">x = 1</div><script>x()</script></main>'
    >>> _ = page.write_text(html + "<p>out</p>")
    >>> page_text(page)
    'One two'
    """
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("main") or soup
    for element in main.select(SKIPPED):
        element.decompose()
    return re.sub(r"\s+", " ", main.get_text(" ")).strip()


def chart_specs(site: Path) -> dict[str, dict]:
    """Every chart spec of a build, by file name (a hash of the spec)."""
    folder = site / "_static" / "h200" / "specs"
    return {
        path.name: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.json"))
    }


def differences(old: object, new: object, path: str = "$") -> list[str]:
    """Where two JSON values differ, as ``path: old → new`` lines.

    Examples
    --------
    >>> differences({"a": [1, 2]}, {"a": [1, 3]})
    ['$.a[1]: 2 → 3']
    """
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key in sorted(set(old) | set(new)):
            found += differences(old.get(key), new.get(key), f"{path}.{key}")
        return found
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        found = []
        for index, (a, b) in enumerate(zip(old, new)):
            found += differences(a, b, f"{path}[{index}]")
        return found
    return [] if old == new else [f"{path}: {old!r:.300} → {new!r:.300}"]


def pages(site: Path) -> list[str]:
    """The HTML pages of a build, relative to it, without Sphinx's generated index pages."""
    return sorted(
        str(path.relative_to(site))
        for path in site.rglob("*.html")
        if "_static" not in path.parts and path.name not in ("genindex.html",)
    )


def compare(before: Path, after: Path) -> list[str]:
    """Every difference between two builds, as readable lines (empty if none)."""
    problems: list[str] = []
    before_pages, after_pages = pages(before), pages(after)
    if before_pages != after_pages:
        problems.append(
            f"pages differ: only before {sorted(set(before_pages) - set(after_pages))}, "
            f"only after {sorted(set(after_pages) - set(before_pages))}"
        )
    for name in sorted(set(before_pages) & set(after_pages)):
        old, new = page_text(before / name), page_text(after / name)
        if old != new:
            diff = difflib.unified_diff(old.split(". "), new.split(". "), lineterm="", n=0)
            problems.append(f"{name}: text differs\n  " + "\n  ".join(list(diff)[2:12]))
    old_specs, new_specs = chart_specs(before), chart_specs(after)
    only_before = [old_specs[name] for name in sorted(set(old_specs) - set(new_specs))]
    only_after = {
        spec.get("description"): spec for name, spec in new_specs.items() if name not in old_specs
    }
    for spec in only_before:
        other = only_after.get(spec.get("description"))
        where = "; ".join(differences(spec, other)[:5]) if other else "no chart with its caption"
        problems.append(f"chart {spec.get('description', '?')[:60]!r}: {where}")
    print(
        f"compared {len(set(before_pages) & set(after_pages))} pages' text and "
        f"{len(old_specs)} / {len(new_specs)} chart specs: {len(problems)} difference(s)"
    )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    problems = compare(args.before, args.after)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
