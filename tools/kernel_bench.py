"""How long a reader's kernel waits: the model package's import, each page's first cell, each page.

``python tools/kernel_bench.py`` prints, for this machine:

* the wall time of ``python -c "import chipcontrols"`` in a fresh process (median of three);
* for every page of the book that has code (``_toc.yml`` order), executed as JupyterLab would
  (jupytext's contents manager, a fresh ``python3`` kernel in the page's folder): the time its
  first code cell takes and the time all its cells take, from the kernel's own timestamps
  (kernel start-up excluded).

It prints figures and asserts nothing (``make bench`` calls it).  The cache of derivations and
validated tables (:mod:`chipcontrols.core.derivations`) is used as a reader's second kernel would
find it; ``--cold`` gives each page's kernel an empty folder of its own, as a first run would.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import nbclient
import yaml
from notebooks import open_as_jupyterlab

ROOT = Path(__file__).resolve().parents[1]


def page_paths(root: Path = ROOT) -> list[Path]:
    """Every page of ``_toc.yml`` whose source has a code cell, in book order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]
    for part in toc.get("parts", []):
        names += [entry["file"] for entry in part.get("chapters", [])]
    paths = [root / f"{name}.md" for name in names]
    return [path for path in paths if path.exists() and "{code-cell}" in path.read_text("utf-8")]


def import_seconds(module: str = "chipcontrols", repeats: int = 3) -> float:
    """Median wall time of a fresh interpreter importing ``module``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _seconds(cell) -> float:
    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not (start and end):
        return float("nan")
    parse = datetime.fromisoformat
    return (
        parse(end.replace("Z", "+00:00")) - parse(start.replace("Z", "+00:00"))
    ).total_seconds()


def page_seconds(path: Path) -> tuple[float, float, int]:
    """First code cell, all cells (seconds) and the number of code cells of one page."""
    notebook = open_as_jupyterlab(path)
    client = nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=True,
    )
    client.execute()
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    times = [_seconds(cell) for cell in cells]
    return times[0], sum(times), len(cells)


def report(cold: bool = False) -> None:
    """Print the import's time, then each page's first cell and all its cells, one line each."""
    print(f"import chipcontrols (fresh process, median of 3): {import_seconds():.2f} s")
    print(f"{'page':<36} {'cells':>5} {'first cell':>11} {'all cells':>10}")
    for path in page_paths():
        if cold:
            os.environ["H200_CACHE_DIR"] = tempfile.mkdtemp(prefix="h200-cold-")
        first, total, count = page_seconds(path)
        name = path.relative_to(ROOT).as_posix()
        print(f"{name:<36} {count:>5} {first:>9.2f} s {total:>8.2f} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true", help="start from an empty cache")
    report(cold=parser.parse_args(argv).cold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
