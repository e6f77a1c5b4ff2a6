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
from axe_playwright_python.sync_playwright import Axe

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


@pytest.mark.parametrize("path", READER_PAGES)
def test_axe_finds_no_serious_or_critical_violation(browser, gzip_site, path):
    context, page = _opened(browser, gzip_site, path)
    metrics.read_to_the_end(page)
    page.evaluate("window.scrollTo(0, 0)")
    violations = Axe().run(page).response["violations"]
    context.close()
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


#: The blocks the theme gives a tab stop when they scroll (pydata-sphinx-theme's own list).
SCROLLABLE_BLOCKS = (
    "pre, .nboutput > .output_area, .cell_output > .output, "
    ".jp-RenderedHTMLCommon, .pst-scrollable-table-container"
)
#: Each rendered block's tab index (None if unset), whether it scrolls and whether the browser
#: skipped its section (content-visibility) when asked, before anything here laid it out.
#: Blocks not rendered at all (in a closed solution or folded code) are measured when they open.
_TAB_STOPS = """selector => {
  const blocks = [...document.querySelectorAll(selector)];
  const skipped = blocks.map(b => !b.checkVisibility({contentVisibilityAuto: true})
                                  && b.checkVisibility());
  const tabs = blocks.map(b => b.hasAttribute('tabindex') ? b.tabIndex : null);
  return blocks.map((b, i) => [tabs[i], b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight,
                               skipped[i], b.getClientRects().length > 0
                               && !b.closest('details:not([open])')]).filter(row => row[3]);
}"""


@pytest.mark.parametrize("path", [p for p in READER_PAGES if p.startswith("chapters/")])
def test_blocks_that_scroll_get_a_tab_stop_as_the_reader_nears_them(browser, gzip_site, path):
    """Blocks in sections the browser skips are not measured at load (measuring them laid out
    the whole page); read to the end, every block that scrolls can take the keyboard's focus
    and every other block cannot."""
    context, page = _opened(
        browser,
        gzip_site,
        path,
        is_mobile=True,
        has_touch=True,
        viewport={"width": PHONE_WIDTH, "height": 844},
    )
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    at_load = page.evaluate(_TAB_STOPS, SCROLLABLE_BLOCKS)
    metrics.read_to_the_end(page)
    page.wait_for_timeout(300)
    read = page.evaluate(_TAB_STOPS, SCROLLABLE_BLOCKS)
    context.close()
    skipped = [tab for tab, _, was_skipped, _ in at_load if was_skipped]
    assert skipped, f"{path}: the browser skipped no section with a block; the test needs one"
    assert all(tab is None for tab in skipped), f"{path}: skipped blocks measured at load"
    wrong = [
        (index, tab, scrolls)
        for index, (tab, scrolls, _, _) in enumerate(read)
        if tab != (0 if scrolls else -1)
    ]
    assert any(row[1] for row in read), f"{path}: no block scrolls; the test needs one"
    assert wrong == []


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
    assert stops and all(tab == (0 if scrolls else -1) for tab, scrolls, _, _ in stops)
