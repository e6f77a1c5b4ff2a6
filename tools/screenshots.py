"""Screenshots of built pages at a phone's width (390 px) and a desktop's (1280 px), to look at.

For each page and width this writes, under ``_build/screenshots/<page>/``:

- ``<width>-top.png``: the first screen, as a reader opening the page sees it;
- ``<width>-chart-<n>.png``: each chart with its sliders and caption, drawn (charts draw as
  they near the viewport, so the page is scrolled to each one first);
- ``<width>-block-<n>.png``: each lab's static view and seed passage (with ``--boxes``, every
  admonition and table too);
- with ``--full``, ``<width>-full-<n>.png``: the whole page in tiles of one screen height each.

It also prints, per width, whether anything is wider than the screen (the page must not scroll
sideways) and which elements reach past its edge outside any box that scrolls or clips.  ``python tools/screenshots.py chapters/02-strategic-shift.html``
(the default is every chapter page).  It serves ``_build/html`` itself on a free local port.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_metrics import SITE, draw_every_chart, launched_chromium  # noqa: E402

OUTPUT = SITE.parent / "screenshots"
WIDTHS = {390: 844, 1280: 900}
#: Blocks worth looking at one by one, besides the charts: labs and seed passages, and with
#: ``--boxes`` every admonition and table too.
BLOCKS = ".h200-lab-static, figure.h200-seed"
BOXES = ", div.admonition, div.pst-scrollable-table-container, table.table"

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => { for (let up = el.parentElement; up; up = up.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return true; }
      return false; };
  const wide = [...document.querySelectorAll('article *')].filter(el => !el.closest('svg') || el.tagName === 'svg').filter(el => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1 && !scrolls(el);
  }).slice(0, 8).map(el => el.tagName.toLowerCase() + (el.getAttribute('class') ? '.' + el.getAttribute('class').split(' ')[0] : ''));
  return {scrollWidth: document.documentElement.scrollWidth, width, wide};
}"""


def _capture(page, element, path: Path) -> None:
    """Screenshot one element as the reader sees it.

    An element screenshot makes Chromium capture beyond the viewport, which resizes the page for
    a moment; charts that follow their container then redraw at the wrong width.  So an element
    that fits the screen is scrolled to the top and cut from an ordinary viewport screenshot.
    """
    element.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(400)  # a chart redraws at its final width
    box = element.bounding_box()
    viewport = page.viewport_size
    if box["height"] <= viewport["height"]:
        page.screenshot(
            path=path,
            clip={
                "x": max(0, box["x"]),
                "y": max(0, box["y"]),
                "width": min(box["width"], viewport["width"]),
                "height": box["height"],
            },
        )
    else:
        element.screenshot(path=path)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def shoot(page_path: str, full: bool = False, boxes: bool = False) -> list[Path]:
    """Screenshot one page at every width; returns the files written."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(SITE))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    folder = OUTPUT / page_path.removesuffix(".html")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with launched_chromium() as browser:
            for width, height in WIDTHS.items():
                page = browser.new_page(
                    viewport={"width": width, "height": height},
                    is_mobile=width < 600,
                    has_touch=width < 600,
                )
                page.goto(f"http://127.0.0.1:{server.server_port}/{page_path}")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=folder / f"{width}-top.png")
                written.append(folder / f"{width}-top.png")
                count = draw_every_chart(page)
                # The sticky header (and the skip link, which appears when the page scrolls to an
                # element) would be stitched into screenshots of blocks taller than the screen.
                page.add_style_tag(
                    content="header.bd-header, .bd-header-article, .skip-link, #pst-back-to-top { display: none !important; } "
                    # sections laid out only near the screen would shoot blank
                    "section { content-visibility: visible !important; }"
                )
                page.wait_for_timeout(300)
                for index in range(count):
                    figure = page.locator("figure.h200-figure").nth(index)
                    path = folder / f"{width}-chart-{index + 1}.png"
                    _capture(page, figure, path)
                    written.append(path)
                items = page.locator(BLOCKS + (BOXES if boxes else ""))
                for index in range(items.count()):
                    item = items.nth(index)
                    if item.locator(".h200-chart").count() or not item.is_visible():
                        continue
                    path = folder / f"{width}-block-{index + 1}.png"
                    _capture(page, item, path)
                    written.append(path)
                if full:
                    total = page.evaluate("document.documentElement.scrollHeight")
                    for number, top in enumerate(range(0, total, height), start=1):
                        page.evaluate(f"window.scrollTo(0, {top})")
                        page.wait_for_timeout(150)
                        path = folder / f"{width}-full-{number}.png"
                        page.screenshot(path=path)
                        written.append(path)
                overflow = page.evaluate(OVERFLOW)
                verdict = (
                    "fits"
                    if overflow["scrollWidth"] <= overflow["width"]
                    else f"SCROLLS SIDEWAYS ({overflow['scrollWidth']} > {overflow['width']} px)"
                )
                print(
                    f"{page_path} at {width} px: {count} charts drawn; page {verdict}"
                    + (f"; wider than the screen: {overflow['wide']}" if overflow["wide"] else "")
                )
                page.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "pages", nargs="*", help="pages relative to _build/html, e.g. chapters/01-decision.html"
    )
    parser.add_argument("--full", action="store_true", help="also tile the whole page")
    parser.add_argument("--boxes", action="store_true", help="also every admonition and table")
    options = parser.parse_args(argv)
    pages = options.pages or sorted(
        str(p.relative_to(SITE)) for p in (SITE / "chapters").glob("*.html")
    )
    for page_path in pages:
        files = shoot(page_path, full=options.full, boxes=options.boxes)
        print(f"  {len(files)} screenshots in {OUTPUT / page_path.removesuffix('.html')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
