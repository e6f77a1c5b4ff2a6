"""The one base of the book's live labs, and the switch between the two stages.

A lab is a column of controls over an output area.  :class:`Lab` builds nothing a subclass
must repeat: it wires every control to :meth:`Lab.redraw`, which calls the subclass's
:meth:`Lab.render` with the controls' values and shows what it returns.  When the model
refuses the inputs with a :class:`ValueError` (a combination that does not go together), the
output shows the model's message instead of the last good output, never a traceback.

:func:`lab_or_static` is the two-stage switch: the live lab in a kernel, its default state
(:class:`~widgets.core.display.StaticLabView`) while the static site is built.

Examples
--------
A lab that halves its one slider, and refuses zero (outside a kernel the output area does
not capture what the lab displays, so the example silences it):

>>> import contextlib, io
>>> from chipcontrols.core.parameters import Parameter
>>> x = Parameter("lab_doc_x", "x", "", 2.0, 0.0, 4.0, 1.0, "doctest of widgets.core.lab")
>>> class Half(Lab):
...     def __init__(self):
...         self.sliders = sliders_for([x])
...         super().__init__(self.sliders)
...
...     def render(self, lab_doc_x):
...         if lab_doc_x == 0:
...             raise ValueError("lab_doc_x = 0: nothing to halve")
...         return f"<p>{lab_doc_x / 2:g}</p>"
>>> with contextlib.redirect_stdout(io.StringIO()):
...     lab = Half()
...     first = lab.html
...     lab.sliders["lab_doc_x"].value = 0.0
>>> first, lab.error, ERROR_CLASS in lab.html
('<p>1</p>', 'lab_doc_x = 0: nothing to halve', True)
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence

import ipywidgets
from IPython.display import HTML, display

from chipcontrols.core.parameters import Parameter, UnknownKeywordError
from widgets.core.display import RUN_LIVE_NOTE, HtmlBlock, StaticLabView, building_static_site
from widgets.core.sliders import ipywidgets_slider

#: Class of the paragraph that replaces a lab's output when the model refuses its inputs.
ERROR_CLASS = "h200-lab-error"


def sliders_for(parameters: Iterable[Parameter]) -> dict[str, ipywidgets.FloatSlider]:
    """One slider per declared parameter (:func:`~widgets.core.sliders.ipywidgets_slider`), by name."""
    return {parameter.name: ipywidgets_slider(parameter) for parameter in parameters}


def error_html(error: ValueError) -> str:
    """The message that replaces a lab's output when the model refuses its inputs.

    >>> error_html(ValueError("yield_later = 0.1 must be higher than yield_earlier = 0.2"))
    '<p class="h200-lab-error">These inputs do not go together: yield_later = 0.1 must be higher than yield_earlier = 0.2</p>'
    """
    return (
        f'<p class="{ERROR_CLASS}">These inputs do not go together: {html.escape(str(error))}</p>'
    )


class Lab(ipywidgets.VBox):
    """Controls over an output that is recomputed from the model whenever a control changes.

    A subclass builds its controls, passes them to ``Lab.__init__`` and implements
    :meth:`render`; it may override :meth:`values` when the model's keywords are not the
    controls' names.

    Parameters
    ----------
    controls : mapping of str to ipywidgets.ValueWidget
        Every control the output depends on, by name; a change of any of them redraws.
    arrangement : sequence of ipywidgets.Widget, optional
        What to show above the output, in order (headings, rows of controls); by default the
        controls themselves.

    Attributes
    ----------
    controls : dict of str to ipywidgets.ValueWidget
        The controls, by name.
    output : ipywidgets.Output
        The area the lab draws into.
    shown : tuple
        What the output shows: the parts :meth:`render` returned, or the error message.
    html : str
        The HTML parts of :attr:`shown`, joined.
    error : str or None
        The model's message when it refused the inputs, else None.
    """

    def __init__(
        self,
        controls: Mapping[str, ipywidgets.ValueWidget],
        arrangement: Sequence[ipywidgets.Widget] | None = None,
    ) -> None:
        self.controls = dict(controls)
        self.output = ipywidgets.Output()
        self.shown: tuple = ()
        self.html, self.error = "", None
        above = self.controls.values() if arrangement is None else arrangement
        super().__init__([*above, self.output])
        for control in self.controls.values():
            control.observe(self.redraw, names="value")
        self.redraw()

    def values(self) -> dict[str, object]:
        """The keyword arguments of :meth:`render`: each control's value, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def render(self, **values) -> object:
        """The output for ``values``: an HTML string, a displayable (a chart), or a tuple of them.

        Raises
        ------
        ValueError
            When the model refuses the combination of inputs; :meth:`redraw` shows the message.
        """
        raise NotImplementedError(f"{type(self).__name__} must define render()")

    def redraw(self, _change=None) -> None:
        """Recompute from the model and show the result, or what is wrong with the inputs."""
        try:
            rendered = self.render(**self.values())
            self.error = None
        except UnknownKeywordError:  # the lab passed a keyword the model lacks: a bug, not input
            raise
        except ValueError as error:
            self.error = str(error)
            rendered = error_html(error)
        self.shown = rendered if isinstance(rendered, tuple) else (rendered,)
        self.html = "".join(part for part in self.shown if isinstance(part, str))
        with self.output:
            self.output.clear_output(wait=True)
            for part in self.shown:
                display(HTML(part) if isinstance(part, str) else part)


def static_state(*parts) -> HtmlBlock:
    """A lab's default state for :class:`StaticLabView`: HTML strings and figures, in order.

    >>> static_state("<p>a</p>", HtmlBlock("<p>b</p>")).to_static_html()
    '<p>a</p><p>b</p>'
    """
    return HtmlBlock(
        "".join(part if isinstance(part, str) else part.to_static_html() for part in parts)
    )


def lab_or_static(title: str, default_state: Callable[[], object], live: Callable[[], Lab]):
    """The live lab in a kernel; on the static site, its default state and how to run it.

    Parameters
    ----------
    title : str
        The lab's name, shown above its default state on the static site.
    default_state : callable
        Returns the default state: an HTML string, a figure, or a tuple of them (see
        :func:`static_state`).  Called only on the static site.
    live : callable
        Returns the live lab.  Called only in a kernel.

    Returns
    -------
    StaticLabView or Lab

    Examples
    --------
    >>> import os
    >>> from unittest import mock
    >>> from widgets.core.display import BUILD_ENV
    >>> with mock.patch.dict(os.environ, {BUILD_ENV: "html"}):
    ...     view = lab_or_static("Doc lab", lambda: "<p>default</p>", lambda: None)
    >>> "<p>default</p>" in view._repr_mimebundle_()["text/html"]
    True
    """
    if building_static_site():
        state = default_state()
        parts = state if isinstance(state, tuple) else (state,)
        return StaticLabView(title, static_state(*parts), RUN_LIVE_NOTE)
    return live()
