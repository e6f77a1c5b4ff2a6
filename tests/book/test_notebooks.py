"""Every chapter opens as JupyterLab opens it and runs top to bottom in a fresh kernel.

Each chapter is read through jupytext's contents manager (what JupyterLab calls) and executed
with nbclient from the chapter's folder (``tools/notebooks.py``).  Then, per chapter: every
``{code-cell}`` of the source is a code cell of the notebook and ran; starter cells say what
to fill in and reveal no answer; solution cells print checks that all say "Right"; labs come
up as live widgets, not as the static charts of the website.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import notebooks  # noqa: E402

CHAPTERS = notebooks.chapter_paths()
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@cache
def executed(path: Path) -> notebooks.Run:
    return notebooks.execute(path)


def _stream(cell) -> str:
    return "".join(
        output.get("text", "")
        for output in cell.get("outputs", [])
        if output.output_type == "stream"
    )


def _tagged(run: notebooks.Run, tag: str):
    return [
        cell for cell in notebooks.code_cells(run.notebook) if tag in cell.metadata.get("tags", [])
    ]


def test_every_chapter_is_in_the_table_of_contents():
    assert [path.name for path in CHAPTERS] == sorted(
        path.name for path in (ROOT / "chapters").glob("*.md")
    )


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_chapter_opens_as_a_myst_notebook_with_all_its_code_cells(path):
    notebook = notebooks.open_as_jupyterlab(path)
    fences = len(re.findall(r"^`{3,}\{code-cell\}", path.read_text(encoding="utf-8"), re.M))
    assert len(notebooks.code_cells(notebook)) == fences
    assert notebook.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_chapter_runs_top_to_bottom_in_a_fresh_kernel(path):
    run = executed(path)
    assert run.executed == run.code_cells
    errors = [
        output
        for cell in notebooks.code_cells(run.notebook)
        for output in cell.outputs
        if output.output_type == "error"
    ]
    assert not errors


def test_open_refuses_a_file_jupytext_would_not_read_as_myst(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# A page\n\n```python\nx = 1\n```\n", encoding="utf-8")
    with pytest.raises(ValueError, match="MyST"):
        notebooks.open_as_jupyterlab(page, root=tmp_path)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_starter_cells_ask_and_reveal_nothing(path):
    starters = _tagged(executed(path), "starter")
    assert len(starters) >= 5, (
        f"{path.name}: {len(starters)} starter cells; every chapter has >= 5"
    )
    for cell in starters:
        text = _stream(cell)
        assert "Not yet: fill in" in text, cell.source
        assert "Right:" not in text, cell.source


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_solution_code_runs_and_every_check_says_right(path):
    solutions = [
        cell
        for cell in _tagged(executed(path), "solution")
        if "remove-cell" not in cell.metadata.get("tags", [])
    ]
    assert len(solutions) >= 5, f"{path.name}: {len(solutions)} solution cells"
    for cell in solutions:
        text = _stream(cell)
        verdicts = re.findall(r"^(Right|Not yet):", text, re.M)
        assert verdicts and set(verdicts) == {"Right"}, (cell.source, text)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_exercise_code_sits_inside_exercises_and_solutions(path):
    # Every starter cell is inside an exercise region, every solution cell inside a solution.
    notebook = notebooks.open_as_jupyterlab(path)
    region = None
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for match in re.finditer(r"\{(exercise|solution)-(start|end)\}", cell.source):
                region = match.group(1) if match.group(2) == "start" else None
        elif "starter" in cell.metadata.get("tags", []):
            assert region == "exercise", cell.source
        elif "solution" in cell.metadata.get("tags", []) and region is not None:
            assert region == "solution", cell.source


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.stem)
def test_labs_are_live_widgets_in_a_notebook(path):
    run = executed(path)
    views = [
        cell
        for cell in notebooks.code_cells(run.notebook)
        if any(WIDGET_VIEW in output.get("data", {}) for output in cell.outputs)
    ]
    assert len(views) >= 1, f"{path.name}: no lab came up as a live widget"


class _LateReplyChannel:
    """A shell channel whose reply is already there but only a fresh poll sees it (issue 312)."""

    def __init__(self, missed_polls: int) -> None:
        self.timeouts: list[float | None] = []
        self.missed_polls = missed_polls
        self.stopped = False

    async def get_msg(self, timeout=None):
        import queue

        self.timeouts.append(timeout)
        if len(self.timeouts) <= self.missed_polls:
            raise queue.Empty
        return {"parent_header": {"msg_id": "reply"}}

    def stop(self) -> None:
        self.stopped = True


def test_a_reply_a_long_poll_would_miss_is_read_within_a_slice():
    import asyncio

    channel = _LateReplyChannel(missed_polls=2)
    sliced = notebooks.SlicedShellChannel(channel)
    reply = asyncio.run(sliced.get_msg(timeout=600))
    assert reply["parent_header"]["msg_id"] == "reply"
    # Three polls of at most one slice each, not one poll of the whole timeout.
    assert len(channel.timeouts) == 3
    assert max(channel.timeouts) <= notebooks.SHELL_POLL_SLICE_SECONDS
    # Everything else is the wrapped channel's.
    sliced.stop()
    assert channel.stopped


def test_the_overall_deadline_still_holds():
    import asyncio
    import queue

    channel = _LateReplyChannel(missed_polls=10**6)
    sliced = notebooks.SlicedShellChannel(channel)
    with pytest.raises(queue.Empty):
        asyncio.run(sliced.get_msg(timeout=0.05))
    assert max(channel.timeouts) <= 0.05
