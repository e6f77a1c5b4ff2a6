"""Every chapter opens, runs and reads in JupyterLab as a student gets it from the launch button.

JupyterLab runs from the Binder environment (``conftest.py``); Chromium opens each chapter at
the path the website's Binder button opens (``lab/tree/chapters/<name>.ipynb``), runs every
cell from the Run menu, scrolls through the notebook so that every cell is drawn, and reads
what a student sees.  Each test asks one thing of each chapter; the chapter runs once per
session.  Screenshots (the top after running, and a lab after its slider moved) are written to
``_build/lab-screenshots/`` to be looked at.
"""

from __future__ import annotations

import json
import re
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest
from notebooks import ROOT, chapter_paths
from pybtex.database import parse_file

from booksite.launch import notebook_url
from chipcontrols import CHAPTER_MODELS
from widgets.core.glue import BOOK_WIDE_PREFIXES

pytestmark = pytest.mark.browser

CHAPTERS = [path.stem for path in chapter_paths()]
SCREENSHOTS = ROOT / "_build" / "lab-screenshots"
IDLE = "Python 3 (ipykernel) | Idle"
#: Seconds a whole chapter may take to run from the Run menu.
RUN_SECONDS = 600
#: A glue key as the chapters write them (``coalition_ex_mean``, ``period_end_text`` ...).
_PREFIXES = "|".join((*CHAPTER_MODELS, "eccn3a090", *BOOK_WIDE_PREFIXES))
GLUE_KEY = re.compile(rf"\b(?:{_PREFIXES})_[a-z0-9_]+\b")
#: A MyST role or directive the website resolves and JupyterLab would show as written.
ROLE = re.compile(r"\{(?:glue|cite|ref|doc|term|numref|eq|exercise|solution)[:\w-]*\}")
BIB_KEYS = sorted(parse_file(str(ROOT / "references.bib")).entries)
#: What JupyterLab writes where it could not show something.
NOT_SHOWN = ("Unknown Directive", "Unknown Role", "No renderer could be found", "Error displaying")

#: What the page reports once the chapter ran: about the notebook as a whole.
_READ_NOTEBOOK = """() => {
  const cells = [...document.querySelectorAll('.jp-NotebookPanel .jp-Notebook .jp-Cell')];
  const firstCode = document.querySelector('.jp-NotebookPanel .jp-CodeCell');
  return {
    cells: cells.length,
    notebook: !!document.querySelector('.jp-NotebookPanel'),
    editor: !!document.querySelector('.jp-FileEditor'),
    firstCell: cells.length ? [cells[0].classList.contains('jp-MarkdownCell'),
                               !!cells[0].querySelector('h1')] : [false, false],
    setupCollapsed: !!firstCode?.querySelector('.jp-InputPlaceholder'),
    setupOutputs: firstCode ? firstCode.querySelectorAll('.jp-OutputArea-output').length : -1,
  };
}"""
#: What one cell shows, read once it has been scrolled into view (the notebook draws only the
#: cells near the view).
_READ_CELL = """index => {
  const cell = document.querySelectorAll('.jp-NotebookPanel .jp-Notebook .jp-Cell')[index];
  cell.scrollIntoView();
  const size = e => { const r = e.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
  const prompt = cell.querySelector('.jp-InputArea-prompt');
  return {
    prompt: cell.classList.contains('jp-CodeCell') && prompt?.offsetParent ? prompt.textContent.trim() : null,
    errors: [...cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
               .map(e => e.textContent.slice(0, 300)),
    charts: [...cell.querySelectorAll('.jp-RenderedVega5')].map(e => {
               const drawn = e.querySelector('svg.marks, canvas.marks');
               return [e.querySelector('[aria-label]')?.getAttribute('aria-label')?.slice(0, 60) ?? '',
                       drawn ? size(drawn) : [0, 0]]; }),
    widgets: [...cell.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets')]
               .map(e => [e.textContent.slice(0, 60), size(e)]),
    markdown: [...cell.querySelectorAll('.jp-MarkdownCell .myst, .jp-MarkdownCell .jp-RenderedMarkdown')]
               .map(e => e.textContent).join('\\n'),
    // Prose without inline code: a function's argument (`chip_imports`) is not a glue key.
    prose: [...cell.querySelectorAll('.jp-MarkdownCell .myst, .jp-MarkdownCell .jp-RenderedMarkdown')]
               .map(e => { const c = e.cloneNode(true); c.querySelectorAll('code').forEach(x => x.remove());
                           return c.textContent; }).join('\\n'),
    text: cell.querySelector('.jp-Cell-outputWrapper')?.textContent ?? '',
  };
}"""


@dataclass
class LabRun:
    """What a student sees in one chapter after Run All."""

    chapter: str
    seen: dict
    console: list[str] = field(default_factory=list)


_RUNS: dict[str, LabRun] = {}


def _wait_until_idle(page, seconds: float) -> None:
    """Wait until the kernel has been idle for two seconds on end, and no cell is queued."""
    page.get_by_text(IDLE).wait_for(timeout=seconds * 1000)
    page.wait_for_function(
        """() => ![...document.querySelectorAll('.jp-InputArea-prompt')]
                  .some(p => p.textContent.includes('*'))""",
        timeout=seconds * 1000,
    )
    page.wait_for_timeout(2000)
    if not page.get_by_text(IDLE).is_visible():
        _wait_until_idle(page, seconds)


def launch_path(chapter: str) -> str:
    """The path the website's Binder button opens for ``chapter`` (``lab/tree/...``).

    The theme's link to the page's source, as :func:`booksite.launch.notebook_url` rewrites it.
    """
    theme_link = f"https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/chapters/{chapter}.md"
    link = notebook_url(theme_link, f"chapters/{chapter}")
    return parse_qs(urlsplit(link).query)["urlpath"][0]


def open_chapter(browser, jupyterlab, chapter: str, width: int = 1280):
    base, token = jupyterlab
    page = browser.new_page(viewport={"width": width, "height": 900})
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text[:300]}"))
    # ``reset``: a fresh workspace, so that the chapters opened before are not reopened with it.
    page.goto(f"{base}/{launch_path(chapter)}?reset&token={token}")
    page.locator(".jp-NotebookPanel .jp-Cell, .jp-FileEditor").first.wait_for(timeout=120_000)
    return page, console


def run_all(page) -> None:
    """Run every cell from the Run menu, as a student does, and wait until the last is done."""
    page.get_by_text(IDLE).wait_for(timeout=120_000)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(  # the first cell has started, or finished
        r"""() => [...document.querySelectorAll('.jp-InputArea-prompt')]
                  .some(p => /\[(\d+|\*)\]/.test(p.textContent))""",
        timeout=60_000,
    )
    _wait_until_idle(page, RUN_SECONDS)


def shut_down_kernels(jupyterlab) -> None:
    """Shut down every kernel the server runs: a chapter read is not left running beside the next."""
    base, token = jupyterlab
    with urllib.request.urlopen(f"{base}/api/kernels?token={token}") as answer:
        kernels = json.load(answer)
    for kernel in kernels:
        request = urllib.request.Request(
            f"{base}/api/kernels/{kernel['id']}?token={token}", method="DELETE"
        )
        urllib.request.urlopen(request).close()


def read(page) -> dict:
    """What the notebook shows: :data:`_READ_NOTEBOOK`, and each cell's :data:`_READ_CELL`."""
    seen = page.evaluate(_READ_NOTEBOOK)
    cells = []
    for index in range(seen["cells"]):
        page.evaluate(
            "index => document.querySelectorAll("
            "'.jp-NotebookPanel .jp-Notebook .jp-Cell')[index].scrollIntoView()",
            index,
        )
        page.wait_for_timeout(150)  # let the cell's outputs draw (Vega, widgets)
        cells.append(page.evaluate(_READ_CELL, index))
    seen["prompts"] = [cell["prompt"] for cell in cells if cell["prompt"] is not None]
    for part in ("errors", "charts", "widgets"):
        seen[part] = [item for cell in cells for item in cell[part]]
    seen["markdown"] = "\n".join(cell["markdown"] for cell in cells)
    seen["prose"] = "\n".join(cell["prose"] for cell in cells)
    seen["text"] = "\n".join(cell["text"] for cell in cells)
    return seen


def ran(browser, jupyterlab, chapter: str) -> LabRun:
    """The chapter opened from its launch path and run from the Run menu (once per session)."""
    if chapter not in _RUNS:
        page, console = open_chapter(browser, jupyterlab, chapter)
        seen = {"notebook": False, "editor": True}
        if page.locator(".jp-NotebookPanel").count():
            run_all(page)
            seen = read(page)
            page.evaluate("document.querySelector('.jp-NotebookPanel .jp-Cell').scrollIntoView()")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{chapter}-top.png"))
        _RUNS[chapter] = LabRun(chapter, seen, console)
        page.close()
        shut_down_kernels(jupyterlab)
    return _RUNS[chapter]


@pytest.fixture(params=CHAPTERS)
def lab_run(request, browser, jupyterlab) -> LabRun:
    return ran(browser, jupyterlab, request.param)


def test_opens_as_a_notebook(lab_run):
    assert (lab_run.seen["notebook"], lab_run.seen["editor"]) == (True, False)


def test_every_cell_ran_without_error_output(lab_run):
    seen = lab_run.seen
    assert [p for p in seen["prompts"] if not re.fullmatch(r"\[\d+\]:", p)] == []
    assert seen["errors"] == []
    assert [phrase for phrase in NOT_SHOWN if phrase in seen["text"] + seen["markdown"]] == []


def test_every_chart_is_drawn(lab_run):
    charts = lab_run.seen["charts"]
    assert charts, "no chart in the chapter: JupyterLab drew none"
    assert [label for label, (width, height) in charts if width < 100 or height < 50] == []
    assert [line for line in lab_run.console if "vega" in line.lower() and "error" in line] == []


def test_every_widget_is_drawn(lab_run):
    widgets = lab_run.seen["widgets"]
    assert widgets, "no live lab in the chapter: no widget was drawn"
    assert [text for text, (width, height) in widgets if width == 0 or height == 0] == []
    assert "Loading widget" not in lab_run.seen["text"]


def test_no_glue_key_role_or_bib_key_is_visible(lab_run):
    markdown = lab_run.seen["markdown"]
    assert re.search(r"Exercise \d+\.1:", markdown) and "References" in markdown, (
        "the Markdown was not read, or its exercises are not numbered within the chapter"
    )
    assert sorted(set(GLUE_KEY.findall(lab_run.seen["prose"]))) == []
    assert sorted(set(ROLE.findall(markdown))) == []
    assert [key for key in BIB_KEYS if re.search(rf"\b{re.escape(key)}\b", markdown)] == []


def test_the_title_comes_first_and_the_setup_cell_is_collapsed(lab_run):
    seen = lab_run.seen
    assert seen["firstCell"] == [True, True], "the first cell is not the chapter's title"
    assert (seen["setupCollapsed"], seen["setupOutputs"]) == (True, 0)


def test_no_jupyterlab_extension_fails_to_load(lab_run):
    failed = [line for line in lab_run.console if "Failed to create module" in line]
    assert failed == []
    assert [line for line in lab_run.console if "default viewer" in line] == []


def _drawn(page, lab) -> str:
    return lab.evaluate(
        """lab => [...lab.querySelectorAll('canvas.marks, svg.marks, .widget-html, .widget-readout')]
                   .map(e => e.tagName === 'CANVAS' ? e.toDataURL() : e.outerHTML).join('|')"""
    )


def test_a_lab_redraws_when_its_slider_moves(browser, jupyterlab):
    """Chapter 3's named-holder lab: a slider moved with the keyboard redraws its chart."""
    page, _ = open_chapter(browser, jupyterlab, "03-allied-risk")
    run_all(page)
    slider = page.locator(".jp-OutputArea-output .widget-slider").first
    lab = slider.locator("xpath=ancestor::div[contains(@class, 'jp-OutputArea-output')][last()]")
    lab.scroll_into_view_if_needed()
    before = _drawn(page, lab)
    handle = slider.locator(".noUi-handle, [role=slider]").first
    handle.focus()
    for _ in range(5):
        handle.press("ArrowRight")
    page.wait_for_timeout(2000)
    lab.screenshot(path=str(SCREENSHOTS / "03-allied-risk-lab-moved.png"))
    page.set_viewport_size({"width": 1280, "height": 1000})
    # The page as the README shows it: the prose just above the lab, then the lab, moved.
    lab.evaluate("lab => lab.closest('.jp-Cell').previousElementSibling?.scrollIntoView()")
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "03-allied-risk-lab-page.png"))
    after = _drawn(page, lab)
    page.close()
    shut_down_kernels(jupyterlab)
    assert before and after != before
