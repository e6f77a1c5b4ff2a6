"""`make bench`: how long the build takes and how every page performs. Prints; asserts nothing.

For every page the build produced (served gzip, as static hosts serve it):

* transfer (gzip bytes) and requests as the page loads, and after reading it to the end (every
  chart drawn, the Vega bundle loaded once), against the page's budget;
* on the phone profile (see ``tools/page_metrics.py``): first contentful paint, largest
  contentful paint and total blocking time, from Chromium's performance timeline;
* on a desktop: time to the first drawn chart and the median slider re-render over 20 moves;
* Lighthouse 13 scores (mobile, default simulated throttling) when Node.js and npm are there to
  install it (``tools/lighthouse``); otherwise a note saying why not.

Before the pages: the clean build's time (make book's steps with an empty cache of derivations)
and, in fresh kernels, the model package's import, each page's first cell and each page
(``tools/kernel_bench.py``).

Usage: ``make bench`` (clean build first), ``python tests/bench.py --no-build`` (the site as
built), or ``python tests/bench.py --site DIR`` (another build, e.g. of an older commit).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import kernel_bench  # noqa: E402
import page_metrics as metrics  # noqa: E402
from static_site import StaticSite  # noqa: E402

SITE = metrics.SITE
LIGHTHOUSE_DIR = ROOT / "tools" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def clean_build() -> float:
    """Seconds of ``make book``'s work from nothing: no site, no kept derivations or tables."""
    for folder in ("html", ".doctrees", "jupyter_execute"):
        shutil.rmtree(ROOT / "_build" / folder, ignore_errors=True)
    os.environ["H200_CACHE_DIR"] = tempfile.mkdtemp(prefix="h200-bench-cache-")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "chipcontrols.core.derivations"], check=True, cwd=ROOT)
    subprocess.run(
        [
            str(Path(sys.executable).parent / "jupyter-book"),
            "build",
            "--warningiserror",
            "--keep-going",
            "--quiet",
            str(ROOT),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def lighthouse_available() -> str:
    """'' if Lighthouse can run, else why not (installs it from npm on first use)."""
    if LIGHTHOUSE.exists():
        return ""
    if not shutil.which("npm"):
        return "npm not found"
    done = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=LIGHTHOUSE_DIR,
        capture_output=True,
        text=True,
    )
    return (
        ""
        if done.returncode == 0 and LIGHTHOUSE.exists()
        else f"npm ci failed: {done.stderr[-300:]}"
    )


def lighthouse(url: str) -> dict:
    """Lighthouse's mobile run of ``url``: category scores (0–100), LCP and TBT (ms)."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "CHROME_PATH": metrics.CHROMIUM},
        )
        result = json.loads(report.read_text())
    audits = result["audits"]
    return {
        **{name: round(100 * result["categories"][name]["score"]) for name in CATEGORIES},
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
    }


def main() -> None:
    site_folder = Path(sys.argv[sys.argv.index("--site") + 1]) if "--site" in sys.argv else SITE
    if "--no-build" not in sys.argv and "--site" not in sys.argv:
        print(f"clean build (make book's steps, empty cache): {clean_build():.1f} s")
    kernel_bench.report()
    bundle = site_folder / "_static" / "h200" / "vega-bundle.js"
    print(f"shared Vega bundle: {bundle.stat().st_size:,} bytes ({_gzip_size(bundle):,} gzip)")
    why_no_lighthouse = lighthouse_available()
    rows = []
    with StaticSite(site_folder) as site, metrics.launched_chromium() as browser:
        for path in metrics.site_pages(site_folder):
            if metrics.is_redirect(path, site_folder):
                transfer = metrics.page_transfer(browser, site, path, read_whole_page=False)
                print(
                    f"{path}: a redirect to the front page ({transfer.total / 1000:,.0f} KB "
                    "with the page it opens); measured as that page",
                    flush=True,
                )
                continue
            at_load = metrics.page_transfer(
                browser, site, path, read_whole_page=False, context_options=metrics.PHONE
            )
            whole = metrics.page_transfer(browser, site, path, read_whole_page=True)
            phone = metrics.phone_load(browser, site, path)
            row = {
                "page": path,
                "load_kb": at_load.total / 1000,
                "requests": at_load.requests,
                "read_kb": whole.total / 1000,
                "budget_kb": metrics.budget_for(path, site_folder) / 1000,
                "fcp": phone.fcp_ms,
                "lcp": phone.lcp_ms,
                "tbt": phone.tbt_ms,
                "first_chart": None,
                "slider": None,
            }
            if metrics.is_chart_page(path, site_folder):
                row["first_chart"] = metrics.first_chart_ms(browser, site, path)
                row["slider"] = metrics.slider_rerender_ms(browser, site, path)
            if not why_no_lighthouse:
                row["lighthouse"] = lighthouse(f"{site.url}/{path}")
            rows.append(row)
            print(_format(row), flush=True)
    if why_no_lighthouse:
        print(f"Lighthouse not run: {why_no_lighthouse}")


def _gzip_size(path: Path) -> int:
    from static_site import transfer_size

    return transfer_size(path)


def _format(row: dict) -> str:
    def ms(value):
        return "—" if value is None else f"{value:,.0f} ms"

    text = (
        f"{row['page']}: load {row['load_kb']:,.0f} KB in {row['requests']} requests; "
        f"read to the end {row['read_kb']:,.0f} KB (budget {row['budget_kb']:,.0f} KB); "
        f"phone FCP {ms(row['fcp'])}, LCP {ms(row['lcp'])}, TBT {ms(row['tbt'])}; "
        f"desktop first chart {ms(row['first_chart'])}, slider re-render (median of 20) "
        f"{ms(row['slider'])}"
    )
    if "lighthouse" in row:
        lh = row["lighthouse"]
        text += (
            f"; Lighthouse performance {lh['performance']}, accessibility "
            f"{lh['accessibility']}, best practices {lh['best-practices']}, SEO {lh['seo']}, "
            f"LCP {lh['lcp'] / 1000:.1f} s, TBT {lh['tbt']:,.0f} ms"
        )
    return text


if __name__ == "__main__":
    main()
