"""Open the book's chapters as JupyterLab does and run them top to bottom in a fresh kernel.

JupyterLab with jupytext opens ``chapters/01-decision.md`` through jupytext's contents manager,
which reads the MyST header and turns the text into a notebook.  :func:`open_as_jupyterlab`
calls that same contents manager; :func:`execute` runs the notebook with nbclient in a new
``python3`` kernel whose working directory is the chapter's own folder, as a student's would be.

``python tools/notebooks.py`` opens and runs every chapter and prints one line per chapter:
code cells, cells executed, seconds.  It exits non-zero if any chapter fails.  It needs only
jupytext, nbclient and the chapters' own libraries, so ``make binder-check`` runs it in a
venv built from the Binder environment alone.
"""

from __future__ import annotations

import argparse
import queue
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbclient
import nbformat
import yaml
from jupytext import TextFileContentsManager

ROOT = Path(__file__).resolve().parents[1]
#: Seconds a single cell may run before the chapter counts as failed.
CELL_TIMEOUT_SECONDS = 600


def chapter_paths(root: Path = ROOT) -> list[Path]:
    """The chapters listed in ``_toc.yml`` under the caption "Chapters", in book order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [
        entry["file"]
        for part in toc["parts"]
        if part.get("caption") == "Chapters"
        for entry in part["chapters"]
    ]
    return [root / f"{name}.md" for name in files]


def open_as_jupyterlab(path: Path, root: Path = ROOT) -> nbformat.NotebookNode:
    """The notebook JupyterLab shows for ``path``: jupytext's contents manager, type notebook.

    Raises
    ------
    ValueError
        If jupytext does not read the file as a MyST notebook (a missing or incomplete
        jupytext header makes it fall back to another format).
    """
    manager = TextFileContentsManager(root_dir=str(root))
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    model = manager.get(relative, content=True, type="notebook")
    notebook = nbformat.from_dict(model["content"])
    representation = notebook.metadata.get("jupytext", {}).get("text_representation", {})
    if representation.get("format_name") != "myst":
        raise ValueError(
            f"{relative}: jupytext read it as {representation or 'no format'}, "
            "not as a MyST notebook; give the file the full jupytext header "
            "(extension, format_name: myst, format_version)"
        )
    return notebook


def code_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """The notebook's code cells, in order."""
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


@dataclass
class Run:
    """One chapter opened and executed."""

    path: Path
    code_cells: int
    executed: int
    seconds: float
    notebook: nbformat.NotebookNode


def execute(path: Path, root: Path = ROOT) -> Run:
    """Open ``path`` as JupyterLab does and run every cell in a fresh kernel from its folder.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        If any cell raises; the message names the cell and the error.
    """
    notebook = open_as_jupyterlab(path, root)
    start = time.perf_counter()
    run_in_folder(notebook, path.parent)
    cells = code_cells(notebook)
    executed = sum(cell.get("execution_count") is not None for cell in cells)
    return Run(path, len(cells), executed, time.perf_counter() - start, notebook)


def run_in_folder(notebook: nbformat.NotebookNode, folder: Path) -> None:
    """Run every cell of ``notebook`` in place, in a fresh ``python3`` kernel started in ``folder``.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        If any cell raises.
    """
    PromptClient(
        notebook,
        timeout=CELL_TIMEOUT_SECONDS,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
    ).execute()


#: Seconds of one wait for a reply on the kernel's shell channel (see :class:`SlicedShellChannel`).
SHELL_POLL_SLICE_SECONDS = 1.0


class SlicedShellChannel:
    """A kernel client's shell channel whose waits for a reply poll in short slices.

    nbclient waits for a cell's ``execute_reply`` with one ``poll`` of up to the cell timeout.
    After a cell that draws ipywidgets (the chapters' labs), that poll sometimes misses the
    reply's wake-up: the kernel has answered and gone idle, yet the wait lasts the whole
    timeout (ten minutes here) before it returns the reply, and the run succeeds late.  This is
    nbclient's open issue 312 (https://github.com/jupyter/nbclient/issues/312).  Polling in
    slices of :data:`SHELL_POLL_SLICE_SECONDS` looks at the socket afresh each second, so a
    reply that has arrived is read within a second; the overall deadline is unchanged.
    """

    def __init__(self, channel) -> None:
        self._channel = channel

    def __getattr__(self, name: str):
        return getattr(self._channel, name)

    async def get_msg(self, timeout: float | None = None) -> dict:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = None if deadline is None else max(deadline - time.monotonic(), 0.0)
            step = (
                SHELL_POLL_SLICE_SECONDS if left is None else min(SHELL_POLL_SLICE_SECONDS, left)
            )
            try:
                return await self._channel.get_msg(timeout=step)
            except queue.Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise


class PromptClient(nbclient.NotebookClient):
    """nbclient's client, with the shell channel of :class:`SlicedShellChannel`."""

    async def async_start_new_kernel_client(self):
        client = await super().async_start_new_kernel_client()
        client._shell_channel = SlicedShellChannel(client.shell_channel)
        return client


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="*", type=Path, help="chapters to run (default: every chapter in _toc.yml)"
    )
    arguments = parser.parse_args(argv)
    paths = arguments.paths or chapter_paths()
    failed = 0
    print(f"{'chapter':<34} {'code cells':>10} {'executed':>9} {'seconds':>8}")
    for path in paths:
        try:
            run = execute(path.resolve())
        except Exception as error:  # report every chapter, then fail
            failed += 1
            print(f"{path.name:<34} FAILED: {str(error).strip().splitlines()[-1][:200]}")
            continue
        print(f"{path.name:<34} {run.code_cells:>10} {run.executed:>9} {run.seconds:>8.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
