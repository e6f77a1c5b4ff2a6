"""`make bench`: how long a clean build takes and how heavy the pages are. Prints; asserts nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"


def main() -> None:
    for folder in ("html", ".doctrees", "jupyter_execute"):
        shutil.rmtree(ROOT / "_build" / folder, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "jupyter-book"), "build", "--warningiserror",
                    "--keep-going", "--quiet", str(ROOT)], check=True, cwd=ROOT)
    print(f"clean jupyter-book build: {time.perf_counter() - start:.1f} s")
    bundle = SITE / "_static" / "h200" / "vega-bundle.js"
    print(f"shared Vega bundle: {bundle.stat().st_size:,} bytes")
    for page in sorted(SITE.glob("chapters/*.html")) + [SITE / "intro.html"]:
        print(f"{page.relative_to(SITE)}: {page.stat().st_size:,} bytes of HTML")


if __name__ == "__main__":
    main()
