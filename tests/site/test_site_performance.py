"""Every built page is light, fits a phone and passes axe-core (DESIGN.md, "Performance budget").

Every test runs on every page the build wrote, so a chapter added later is checked without
editing this file.  Only deterministic quantities are asserted: bytes sent (gzip, through a
static-host-like server), what the page loads, and layout widths.  Timings are `make bench`'s.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from site_helpers import axe_violations, describe_violations

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import page_metrics as metrics  # noqa: E402
from static_site import StaticSite  # noqa: E402

pytestmark = pytest.mark.browser

PAGES = metrics.site_pages() if (metrics.SITE / "index.html").exists() else ["index.html"]
#: Pages a reader sees: not index.html, which only redirects to the front page.
READER_PAGES = [
    path for path in PAGES if (metrics.SITE / path).exists() and not metrics.is_redirect(path)
]
CHART_PAGES = [
    path for path in PAGES if (metrics.SITE / path).exists() and metrics.is_chart_page(path)
]
PHONE_WIDTH = 390
#: A 390 px phone, as the browser context's options.
PHONE_CONTEXT = {
    "is_mobile": True,
    "has_touch": True,
    "viewport": {"width": PHONE_WIDTH, "height": 844},
}


@pytest.fixture(scope="module")
def gzip_site():
    with StaticSite(metrics.SITE) as site:
        yield site


def _opened(browser, site, path: str, **context_options):
    """A fresh context (empty cache) with ``path`` loaded; close the context when done."""
    context = browser.new_context(**(context_options or metrics.DESKTOP))
    page = context.new_page()
    page.goto(f"{site.url}/{path}")
    return context, page


def _html(path: str) -> str:
    return (metrics.SITE / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PAGES)
def test_page_stays_within_its_transfer_budget(browser, gzip_site, path):
    """Read to the end (every chart drawn), a text page sends ≤ 500 KB, a chart page ≤ 1.2 MB,
    and no font: the theme's icons are SVG, drawn inline or as CSS masks."""
    transfer = metrics.page_transfer(browser, gzip_site, path, read_whole_page=True)
    bundle_loads = [p for p in transfer.bytes_by_path if p.endswith("/vega-bundle.js")]
    fonts = [p for p in transfer.bytes_by_path if re.search(r"\.(?:woff2?|ttf|otf|eot)$", p)]
    assert fonts == [], f"{path} downloads fonts: {fonts}"
    assert transfer.total <= metrics.budget_for(path), (
        f"{path}: {transfer.total:,} bytes; largest: "
        f"{sorted(transfer.bytes_by_path.items(), key=lambda kv: -kv[1])[:5]}"
    )
    assert len(bundle_loads) == (1 if metrics.is_chart_page(path) else 0)


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_no_math_runtime_icon_script_or_render_blocking_script(path):
    page = _html(path)
    assert not re.search(r"<script[^>]*(?:mathjax|tex-(?:chtml|svg|mml))", page, re.I)
    assert "fontawesome.js" not in page
    assert not re.search(r'<i class="[^"]*\bfa-', page), "an icon left for Font Awesome's script"
    head_match = re.search(r"<head>.*?</head>", page, re.S)
    head = head_match.group(0) if head_match else page
    blocking = [
        tag
        for tag in re.findall(r"<script[^>]*\bsrc=[^>]*>", head)
        if not re.search(r"\b(?:defer|async)\b|type=\"module\"", tag)
    ]
    assert blocking == []


@pytest.mark.parametrize("path", READER_PAGES)
def test_page_has_a_meta_description(path):
    match = re.search(r'<meta name="description" content="([^"]+)"', _html(path))
    assert match and len(match.group(1).split()) >= 8, path


def test_formulas_are_mathml_with_their_latex_as_alternative_text():
    page = _html("chapters/01-decision.html")
    formulas = re.findall(r'<math [^>]*alttext="([^"]+)"', page)
    assert len(formulas) >= 20
    assert any(r"\frac" in f for f in formulas) and not re.search(r"\\\(|\\\[", page)


@pytest.mark.parametrize("path", CHART_PAGES)
def test_charts_far_below_the_first_screen_wait_until_the_reader_nears_them(
    browser, gzip_site, path
):
    context, page = _opened(browser, gzip_site, path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    far = page.evaluate("""() => [...document.querySelectorAll('.h200-chart')]
        .filter(c => c.getBoundingClientRect().top > window.innerHeight + 1200).map(c => c.id)""")
    drawn = page.evaluate("() => Object.keys(window.h200Views || {})")
    context.close()
    assert far, f"{path}: every chart is near the top; this test needs one further down"
    assert not set(far) & set(drawn)


@pytest.mark.parametrize("path", READER_PAGES)
def test_page_and_every_chart_fit_a_390_px_phone(browser, gzip_site, path):
    context, page = _opened(
        browser,
        gzip_site,
        path,
        is_mobile=True,
        has_touch=True,
        viewport={"width": PHONE_WIDTH, "height": 844},
    )
    metrics.read_to_the_end(page)
    page_width = page.evaluate("document.documentElement.scrollWidth")
    overflowing = page.evaluate("""() => [...document.querySelectorAll('.h200-chart')].flatMap(chart => {
        const box = chart.getBoundingClientRect();
        const parts = [...chart.querySelectorAll('svg.marks, .vega-bindings input, .vega-bindings select')];
        return parts.filter(p => { const r = p.getBoundingClientRect();
                                   return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1); })
                    .map(p => `${chart.id} ${p.tagName}`); })""")
    small_targets = page.evaluate("""() => [...document.querySelectorAll('.h200-chart input[type=range]')]
        .filter(i => i.getBoundingClientRect().height < 24).length""")
    context.close()
    assert page_width <= PHONE_WIDTH, f"{path} scrolls sideways: {page_width} px wide"
    assert overflowing == []
    assert small_targets == 0, "sliders too small to use by touch"


@pytest.mark.parametrize("path", CHART_PAGES)
def test_charts_use_the_text_column_width_on_a_desktop(browser, gzip_site, path):
    context, page = _opened(browser, gzip_site, path)
    metrics.draw_every_chart(page)
    widths = page.evaluate("""() => [...document.querySelectorAll('.h200-chart')].map(chart => {
        const room = chart.clientWidth - parseFloat(getComputedStyle(chart).paddingRight);
        return [chart.id, room, chart.querySelector('svg.marks').getBoundingClientRect().width]; })""")
    context.close()
    narrow = [
        (chart, round(room), round(drawn))
        for chart, room, drawn in widths
        if drawn < 0.95 * room or drawn > room + 1
    ]
    assert narrow == []


@pytest.mark.parametrize("state", ["at-load", "read-to-the-end"])
@pytest.mark.parametrize(
    "width", [metrics.DESKTOP["viewport"]["width"], PHONE_WIDTH], ids="{}px".format
)
@pytest.mark.parametrize("path", READER_PAGES)
def test_axe_finds_no_serious_or_critical_violation(browser, gzip_site, path, width, state):
    """axe-core (package.json's pin, its default rules) finds no serious or critical violation
    on a 1280 px desktop and a 390 px phone: as the page loads (its load event fired and its
    scripts run, nothing scrolled) and once read to the end (every section laid out, every chart
    drawn)."""
    context_options = metrics.DESKTOP if width != PHONE_WIDTH else PHONE_CONTEXT
    context, page = _opened(browser, gzip_site, path, **context_options)
    page.wait_for_load_state("networkidle")
    if state == "read-to-the-end":
        metrics.read_to_the_end(page)
        page.evaluate("window.scrollTo(0, 0)")
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )
    violations = axe_violations(page)
    context.close()
    assert not violations, f"{path}, {width} px, {state}:\n" + "\n".join(
        describe_violations(violations)
    )


#: The blocks that get a tab stop when they scroll: pydata-sphinx-theme's own list, and the site's
#: tables and displayed formulas (booksite/scroll_focus.py).
SCROLLABLE_BLOCKS = (
    "pre, .nboutput > .output_area, .cell_output > .output, "
    ".jp-RenderedHTMLCommon, .pst-scrollable-table-container, .h200-table, div.math"
)
#: Each rendered block's index among the blocks, its tab index (None if unset), whether it
#: scrolls (overflows along an axis whose overflow is auto or scroll) and whether the browser
#: skipped its section (content-visibility) when asked, before anything here laid it out.
#: Blocks not rendered at all (in a closed solution or folded code) are measured when they open.
_TAB_STOPS = """selector => {
  const blocks = [...document.querySelectorAll(selector)];
  const skipped = blocks.map(b => !b.checkVisibility({contentVisibilityAuto: true})
                                  && b.checkVisibility());
  const tabs = blocks.map(b => b.hasAttribute('tabindex') ? b.tabIndex : null);
  const scrollable = overflow => overflow === 'auto' || overflow === 'scroll';
  const scrolls = b => { const style = getComputedStyle(b);
    return (b.scrollWidth > b.clientWidth && scrollable(style.overflowX))
        || (b.scrollHeight > b.clientHeight && scrollable(style.overflowY)); };
  return blocks.map((b, i) => [i, tabs[i], scrolls(b), skipped[i], b.getClientRects().length > 0
                               && !b.closest('details:not([open])')])
               .filter(row => row[4]).map(row => row.slice(0, 4));
}"""


def _wrong_tab_stops(rows) -> list[tuple[int, int | None, bool]]:
    """The blocks whose tab stop does not match whether they scroll: (index, tab index, scrolls)."""
    return [
        (index, tab, scrolls) for index, tab, scrolls, _ in rows if tab != (0 if scrolls else -1)
    ]


@pytest.mark.parametrize("path", [p for p in READER_PAGES if p.startswith("chapters/")])
def test_blocks_that_scroll_get_a_tab_stop_as_the_reader_nears_them(browser, gzip_site, path):
    """Every block has a tab stop in the HTML, so it can take the keyboard's focus from the first
    paint.  Blocks the browser renders at load are measured then; blocks in sections it skips keep
    the HTML's tab stop, not measured (measuring them laid out the whole page); read to the end,
    every block that scrolls can take the keyboard's focus and every other block cannot."""
    context, page = _opened(browser, gzip_site, path, **PHONE_CONTEXT)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    at_load = page.evaluate(_TAB_STOPS, SCROLLABLE_BLOCKS)
    metrics.read_to_the_end(page)
    page.wait_for_timeout(300)
    read = page.evaluate(_TAB_STOPS, SCROLLABLE_BLOCKS)
    context.close()
    skipped = {index for index, _, _, was_skipped in at_load if was_skipped}
    assert skipped, f"{path}: the browser skipped no section with a block; the test needs one"
    assert [tab for index, tab, _, _ in at_load if index in skipped] == [0] * len(skipped), (
        f"{path}: a skipped block lost the tab stop the HTML gives it: measured at load"
    )
    assert any(index in skipped and not scrolls for index, _, scrolls, _ in read), (
        f"{path}: every skipped block scrolls; the test needs one that does not, to tell a "
        "block measured at load (tab index -1) from one not measured (0)"
    )
    assert _wrong_tab_stops(row for row in at_load if row[0] not in skipped) == []
    assert any(row[2] for row in read), f"{path}: no block scrolls; the test needs one"
    assert _wrong_tab_stops(read) == []


def test_pressing_tab_gives_every_scrolling_block_its_tab_stop(browser, gzip_site):
    context, page = _opened(
        browser,
        gzip_site,
        "chapters/02-strategic-shift.html",
        viewport={"width": PHONE_WIDTH, "height": 844},
    )
    page.wait_for_load_state("load")
    page.keyboard.press("Tab")
    page.wait_for_timeout(200)
    stops = page.evaluate(_TAB_STOPS, SCROLLABLE_BLOCKS)
    context.close()
    assert stops and _wrong_tab_stops(stops) == []
