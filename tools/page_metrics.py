"""Measure built pages in headless Chromium: bytes, requests, paint and blocking times, charts.

Used by ``make bench`` (which prints every figure) and by the browser tests (which assert only
the deterministic ones: bytes and layout).  Pages are loaded through :class:`static_site.StaticSite`,
so byte counts are what a reader downloads from a static host that gzips text.

The phone profile follows Lighthouse's mobile defaults: a 412 × 823 screen at 1.75 device pixels
per CSS pixel, the CPU slowed 4×, and a "slow 4G" network applied the way Chrome DevTools
throttles (562.5 ms request latency, 1,474.56 kbit/s down, 675 kbit/s up).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

#: Where the built site lives.
SITE = Path(__file__).resolve().parent.parent / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def launched_chromium() -> Iterator:
    """Debian's Chromium (:data:`CHROMIUM`), launched by Playwright with :data:`CHROMIUM_ARGS`.

    The one launcher of the browser tests, the JupyterLab tests, ``make bench`` and the
    screenshots; the browser is closed on exit.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


#: Budgets from DESIGN.md's performance budget (bytes sent, gzip; 1 KB = 1,000 bytes).
TEXT_PAGE_BUDGET = 500_000
CHART_PAGE_BUDGET = 1_200_000

PHONE = {
    "viewport": {"width": 412, "height": 823},
    "device_scale_factor": 1.75,
    "is_mobile": True,
    "has_touch": True,
}
PHONE_CPU_SLOWDOWN = 4
PHONE_NETWORK = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1474.56 * 1024 / 8,
    "uploadThroughput": 675 * 1024 / 8,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

# Runs before any script of the page: records paints and long tasks as they happen.
OBSERVE_PAINTS_AND_LONG_TASKS = """
window.__h200 = {lcp: 0, longTasks: []};
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__h200.lcp = e.startTime; })
  .observe({type: "largest-contentful-paint", buffered: true});
new PerformanceObserver(list => { for (const e of list.getEntries())
    window.__h200.longTasks.push([e.startTime, e.duration]); })
  .observe({type: "longtask", buffered: true});
"""


def site_pages(site: Path = SITE) -> list[str]:
    """Every HTML page the build wrote (paths relative to the site), whatever the chapters are."""
    if not (site / "index.html").exists():
        raise FileNotFoundError(f"{site} has no built site: run `make book` first")
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if not p.relative_to(site).parts[0].startswith("_")
    )


def is_redirect(path: str, site: Path = SITE) -> bool:
    """True for a page that only sends the reader elsewhere (``index.html`` → the front page)."""
    return 'http-equiv="Refresh"' in (site / path).read_text(encoding="utf-8")


def is_chart_page(path: str, site: Path = SITE) -> bool:
    """True if the page has at least one chart."""
    return 'class="h200-chart"' in (site / path).read_text(encoding="utf-8")


def budget_for(path: str, site: Path = SITE) -> int:
    """The page's transfer budget in bytes: a chart page may also load the Vega bundle."""
    return CHART_PAGE_BUDGET if is_chart_page(path, site) else TEXT_PAGE_BUDGET


def draw_every_chart(page, timeout_ms: int = 20_000) -> int:
    """Scroll each chart into view, as a reader would, and wait until all are drawn; the count."""
    charts = page.locator(".h200-chart")
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        page.wait_for_function(
            "id => window.h200Views && window.h200Views[id]",
            arg=chart.get_attribute("id"),
            timeout=timeout_ms,
        )
    return charts.count()


def read_to_the_end(page) -> None:
    """Scroll from top to bottom a screen at a time, so everything lazy on the page loads.

    The page grows as it is read (sections the browser skipped take their real height when they
    near the screen), so its height is read again at every step.
    """
    step = page.viewport_size["height"]
    top = 0
    while top <= page.evaluate("document.documentElement.scrollHeight"):
        page.evaluate("y => window.scrollTo(0, y)", top)
        page.wait_for_timeout(30)
        top += step
    draw_every_chart(page)
    page.wait_for_load_state("networkidle")


@dataclass
class Transfer:
    """What a page downloaded: bytes (gzip, bodies) and requests, by URL path."""

    bytes_by_path: dict[str, int] = field(default_factory=dict)
    requests: int = 0

    @property
    def total(self) -> int:
        return sum(self.bytes_by_path.values())


def page_transfer(
    browser, site, path: str, read_whole_page: bool, context_options=None
) -> Transfer:
    """Load ``path`` in a fresh browser context (empty cache) and count what it downloads.

    Parameters
    ----------
    browser : playwright.sync_api.Browser
    site : static_site.StaticSite
        The running server (its byte counter is reset here).
    path : str
        Page path relative to the site.
    read_whole_page : bool
        False: the page as loaded (what Lighthouse weighs).  True: also scroll to the end, so
        every chart is drawn and the Vega bundle is loaded (the budget's worst case).
    """
    context = browser.new_context(**(context_options or DESKTOP))
    try:
        page = context.new_page()
        site.reset()
        page.goto(f"{site.url}/{path}")
        page.wait_for_load_state("networkidle")
        if read_whole_page:
            read_to_the_end(page)
        return Transfer(dict(site.bytes_sent), len(site.requests))
    finally:
        context.close()


@dataclass
class PhoneLoad:
    """A cold load on the throttled phone profile (milliseconds from navigation start)."""

    lcp_ms: float
    tbt_ms: float
    fcp_ms: float


def phone_load(browser, site, path: str, settle_ms: int = 3_000) -> PhoneLoad:
    """LCP, TBT and FCP of one cold load under the phone profile.

    TBT is Lighthouse's definition, the sum over long tasks after the first contentful paint
    of each task's time beyond 50 ms, counted until the page has been quiet for ``settle_ms``
    after the load event (Lighthouse stops at time-to-interactive instead).
    """
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.add_init_script(OBSERVE_PAINTS_AND_LONG_TASKS)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
        page.goto(f"{site.url}/{path}", wait_until="load", timeout=120_000)
        page.wait_for_timeout(settle_ms)
        fcp = page.evaluate(
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
        )
        observed = page.evaluate("window.__h200")
        tbt = sum(
            max(0.0, duration - 50) for start, duration in observed["longTasks"] if start >= fcp
        )
        return PhoneLoad(lcp_ms=observed["lcp"], tbt_ms=tbt, fcp_ms=fcp)
    finally:
        context.close()


def first_chart_ms(browser, site, path: str) -> float:
    """Desktop: ms from navigation start until the first chart is drawn, the reader having
    scrolled to it as soon as the page's HTML was parsed."""
    context = browser.new_context(**DESKTOP)
    try:
        page = context.new_page()
        page.goto(f"{site.url}/{path}", wait_until="domcontentloaded")
        first = page.locator(".h200-chart").first
        first.scroll_into_view_if_needed()
        drawn_at = page.wait_for_function(
            "id => window.h200Views && window.h200Views[id] && performance.now()",
            arg=first.get_attribute("id"),
            timeout=20_000,
            polling="raf",
        )
        return drawn_at.json_value()
    finally:
        context.close()


def slider_rerender_ms(browser, site, path: str, moves: int = 20) -> float | None:
    """Desktop: median ms from moving a slider to its chart re-rendered, over ``moves`` moves
    taken in turn from every slider on the page (None if the page has none).

    Each move sets a new value, fires the ``input`` event Vega listens to, waits for the view's
    run (data flow, then the SVG renderer) to finish and forces style and layout.
    """
    context = browser.new_context(**DESKTOP)
    try:
        page = context.new_page()
        page.goto(f"{site.url}/{path}")
        draw_every_chart(page)
        if page.locator(".h200-chart .vega-bindings input[type=range]").count() == 0:
            return None
        times = page.evaluate(
            """async (moves) => {
                const sliders = [...document.querySelectorAll('.h200-chart .vega-bindings input[type=range]')];
                const times = [];
                for (let i = 0; i < moves; i += 1) {
                    const input = sliders[i % sliders.length];
                    const chart = input.closest('.h200-chart');
                    const view = window.h200Views[chart.id];
                    const low = Number(input.min), high = Number(input.max);
                    const start = performance.now();
                    input.value = String(low + (high - low) * (0.2 + 0.6 * ((i * 7) % moves) / moves));
                    input.dispatchEvent(new Event('input', {bubbles: true}));
                    await view.runAsync();
                    void chart.getBoundingClientRect().height;
                    times.push(performance.now() - start);
                }
                return times;
            }""",
            moves,
        )
        return statistics.median(times)
    finally:
        context.close()
