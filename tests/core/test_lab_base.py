"""The scaffolding of the views exists once: one lab base, one palette of colours and sizes.

Every live lab is a :class:`widgets.core.lab.Lab`, which shows a model's refusal of the inputs as
a message (never a traceback); no view module outside the palette spells a colour or a chart
size constant, and none outside the lab base builds its own redraw loop or stage switch.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import re
from pathlib import Path

import ipywidgets
import pytest

from chipcontrols.core.parameters import Parameter, UnknownKeywordError
from widgets.core.display import BUILD_ENV, StaticLabView
from widgets.core.lab import ERROR_CLASS, Lab, lab_or_static, sliders_for

WIDGETS = Path(__file__).resolve().parents[2] / "widgets"

#: Each live lab: its module, the function a chapter calls, and the class it returns live.
LABS = {
    "eccn3a090": ("widgets.eccn3a090.classifier", "classifier_lab", "ClassifierLab"),
    "ledger": ("widgets.ledger.lab", "ledger_lab", "LedgerLab"),
    "tools_vs_chips": ("widgets.tools_vs_chips.lab", "tools_vs_chips_lab", "ToolsVsChipsLab"),
    "coalition": ("widgets.coalition.lab", "cascade_lab", "CascadeLab"),
    "catchup": ("widgets.catchup.lab", "learning_lab", "LearningLab"),
    "hedging": ("widgets.hedging.lab", "calibration_lab", "CalibrationLab"),
}

SHARE = Parameter(
    "lab_test_share", "Share", "", 0.5, 0.0, 1.0, 0.25, "tests/core/test_lab_base.py"
)


class ShareLab(Lab):
    """A lab whose model refuses a share of zero, and (as a bug would) a share of one."""

    def __init__(self) -> None:
        self.sliders = sliders_for([SHARE])
        self.renders = 0
        super().__init__(self.sliders)

    def render(self, lab_test_share: float) -> str:
        self.renders += 1
        if lab_test_share == 0:
            raise ValueError("lab_test_share = 0 leaves nothing to split")
        if lab_test_share == 1:
            raise TypeError("a bug in the lab, not a bad input")
        return f"<p>half of it: {lab_test_share / 2:g}</p>"


def _quietly(action):
    """Run ``action``: outside a kernel the output area prints what the lab displays."""
    with contextlib.redirect_stdout(io.StringIO()):
        return action()


# --- the base -----------------------------------------------------------------------------


def test_the_base_draws_once_and_redraws_when_a_control_moves():
    lab = _quietly(ShareLab)
    assert lab.renders == 1 and lab.html == "<p>half of it: 0.25</p>" and lab.error is None
    assert lab.children == (lab.sliders["lab_test_share"], lab.output)
    _quietly(lambda: setattr(lab.sliders["lab_test_share"], "value", 0.5 + SHARE.step))
    assert lab.renders == 2 and lab.html == "<p>half of it: 0.375</p>"


def test_a_model_value_error_replaces_the_output_with_a_message_not_a_traceback():
    lab = _quietly(ShareLab)
    _quietly(lambda: setattr(lab.sliders["lab_test_share"], "value", 0.0))
    assert lab.error == "lab_test_share = 0 leaves nothing to split"
    assert lab.shown == (lab.html,), "the last good output is replaced, not kept beside it"
    assert f'class="{ERROR_CLASS}"' in lab.html and "lab_test_share = 0" in lab.html
    assert "half of it" not in lab.html
    assert "Traceback" not in lab.html and "ValueError" not in lab.html
    _quietly(lambda: setattr(lab.sliders["lab_test_share"], "value", 0.25))
    assert lab.error is None and lab.html == "<p>half of it: 0.125</p>"


def test_a_bug_is_not_dressed_up_as_a_message():
    lab = _quietly(ShareLab)
    with pytest.raises(TypeError, match="a bug"):
        _quietly(lambda: setattr(lab.sliders["lab_test_share"], "value", 1.0))


def test_an_unknown_keyword_is_a_bug_in_the_lab_and_is_raised():
    class WrongKeyword(ShareLab):
        def render(self, lab_test_share: float) -> str:
            raise UnknownKeywordError("lab_test_shares is not a parameter")

    with pytest.raises(UnknownKeywordError):
        _quietly(WrongKeyword)


def test_the_error_message_is_escaped():
    class Angry(ShareLab):
        def render(self, lab_test_share: float) -> str:
            raise ValueError("<script>alert(1)</script> is not a share")

    lab = _quietly(Angry)
    assert "<script>" not in lab.html and "&lt;script&gt;" in lab.html


def test_lab_or_static_calls_only_the_stage_it_needs(static_site):
    def live():
        raise AssertionError("the live lab must not be built on the static site")

    view = lab_or_static("Test lab", lambda: ("<p>a</p>", "<p>b</p>"), live)
    assert isinstance(view, StaticLabView)
    html = view._repr_mimebundle_()["text/html"]
    assert "<strong>Test lab</strong>" in html and "<p>a</p><p>b</p>" in html


def test_lab_or_static_builds_the_live_lab_in_a_kernel(live_kernel):
    def default_state():
        raise AssertionError("the default state must not be computed in a kernel")

    assert lab_or_static("Test lab", default_state, lambda: "live") == "live"


# --- the six labs ---------------------------------------------------------------------------


@pytest.mark.parametrize("chapter", LABS)
def test_every_lab_is_the_base(chapter):
    module, _, class_name = LABS[chapter]
    assert issubclass(getattr(importlib.import_module(module), class_name), Lab)


@pytest.mark.parametrize("chapter", LABS)
def test_every_lab_is_live_in_a_kernel_and_static_on_the_site(chapter, live_kernel, monkeypatch):
    module_name, function, class_name = LABS[chapter]
    module = importlib.import_module(module_name)
    live = _quietly(getattr(module, function))
    assert isinstance(live, getattr(module, class_name)) and isinstance(live, ipywidgets.VBox)
    assert live.children[-1] is live.output and live.error is None and live.shown
    monkeypatch.setenv(BUILD_ENV, "html")
    static = getattr(module, function)()
    assert isinstance(static, StaticLabView)
    assert "default state" in static._repr_mimebundle_()["text/html"]


def test_a_real_lab_reports_a_bad_combination_as_a_message(live_kernel):
    from widgets.catchup.lab import learning_lab

    lab = _quietly(learning_lab)
    _quietly(lambda: setattr(lab.sliders["yield_later"], "value", 0.1))  # below the earlier
    assert lab.error and "must be higher" in lab.error
    assert lab.html.startswith(f'<p class="{ERROR_CLASS}">') and "<table" not in lab.html


# --- scaffolding once -----------------------------------------------------------------------

#: A colour literal, "#rrggbb" or "#rgb", in quotes.
HEX_COLOUR = re.compile(r"""["']#(?:[0-9a-fA-F]{3}){1,2}["']""")
#: A module-level chart size constant: ``WIDTH = 460``, ``WIDTH, HEIGHT = 520, 380``.
SIZE_CONSTANT = re.compile(r"^[A-Z_, ]*\b(?:WIDTH|HEIGHT)\b[A-Z_, ]*=(?!=)", re.M)
#: Files owned by another change that still spell their colours and sizes; remove each entry
#: once its hex colours and WIDTH/HEIGHT constants have moved to widgets/core/palette.py.
NOT_YET_ON_THE_PALETTE: set[str] = set()


def scaffolding_offences(root: Path, excluded=frozenset()) -> dict[str, list[str]]:
    """Colour literals and size constants in the view modules under ``root``, by file."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if relative == "core/palette.py" or relative in excluded:
            continue
        text = path.read_text(encoding="utf-8")
        hits = HEX_COLOUR.findall(text) + [m.group(0) for m in SIZE_CONSTANT.finditer(text)]
        if hits:
            found[relative] = hits
    return found


def test_the_scan_finds_a_colour_and_a_size_constant(tmp_path):
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "palette.py").write_text('INK = "#333333"\n')
    (tmp_path / "charts.py").write_text('WIDTH = 460\nchart(color="#c0392b", fill="#333")\n')
    (tmp_path / "map.py").write_text("WIDTH, HEIGHT = 520, 380\nif WIDTH == 1: pass\n")
    assert scaffolding_offences(tmp_path) == {
        "charts.py": ['"#c0392b"', '"#333"', "WIDTH ="],
        "map.py": ["WIDTH, HEIGHT ="],
    }


def test_colours_and_chart_sizes_live_only_in_the_palette():
    assert scaffolding_offences(WIDGETS, NOT_YET_ON_THE_PALETTE) == {}


def test_the_exclusions_are_still_needed():
    """An excluded file that is clean must leave the list (so the list cannot go stale)."""
    for relative in NOT_YET_ON_THE_PALETTE:
        assert scaffolding_offences(WIDGETS).get(relative), f"{relative} is clean: drop it"


def test_no_view_module_rebuilds_the_redraw_loop_or_the_stage_switch():
    allowed = {"core/lab.py", "core/display.py", "core/stage.py"}
    patterns = ("ipywidgets.Output(", "clear_output(", "StaticLabView(", "building_static_site()")
    offenders = {
        path.relative_to(WIDGETS).as_posix(): [p for p in patterns if p in path.read_text()]
        for path in WIDGETS.rglob("*.py")
        if path.relative_to(WIDGETS).as_posix() not in allowed
    }
    assert {name: hits for name, hits in offenders.items() if hits} == {}
