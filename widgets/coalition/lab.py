"""The live named-holder cascade lab (ipywidgets) and its static stand-in for the website."""

from __future__ import annotations

import html

import ipywidgets
from IPython.display import HTML

from chipcontrols import coalition
from chipcontrols.coalition.named import HOLDER_CHINA_REVENUE, HOLDER_DEFECT_THRESHOLD
from widgets.core.lab import Lab, lab_or_static
from widgets.core.sliders import ipywidgets_slider


def _list(names) -> str:
    names = list(names)
    if not names:
        return "no one"
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def cascade_lab_html(named=None, seed=coalition.H200_SEED, bound=()) -> str:
    """The lab's output as HTML: the holders, the rounds of the cascade, the smallest seed."""
    named = tuple(coalition.holders() if named is None else named)
    run = coalition.named_cascade(named, seed=seed, bound=bound)
    found = coalition.smallest_unravelling_seed(named, bound=bound)
    rows = []
    for h in named:
        status = (
            "first mover"
            if h.name in seed
            else "bound by league rule"
            if h.name in bound
            else "sells"
            if h.name in run.final
            else "holds"
        )
        rows.append(
            f'<tr><td>{html.escape(h.name)}</td><td class="num">{h.china_usd_bn:.1f}</td>'
            f'<td class="num">{h.weight:.1%}</td><td class="num">'
            f"{h.defect_threshold:.2f}</td><td>{status}</td></tr>"
        )
    table = (
        '<table class="table"><thead><tr><th>Holder</th><th>China revenue ($ bn)</th>'
        "<th>Weight</th><th>Sells once this share sells</th><th>At the end</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    steps = "".join(
        f"<li>Round {i}: {_list(who)} sell ({share:.0%} of China revenue).</li>"
        for i, (who, share) in enumerate(zip(run.rounds, run.shares))
    )
    steps = f'<ul class="h200-rounds">{steps}</ul>'
    smallest = (
        "No set of first movers outside the league rule brings all the others along."
        if found is None
        else f"The lightest first movers that bring every other free holder along: "
        f"<strong>{html.escape(_list(found.names))}</strong>, {found.weight:.0%} of "
        "China revenue."
    )
    return (
        f'<div class="h200-lab-output"><div class="h200-table">{table}</div>'
        f"{steps}<p>{smallest}</p></div>"
    )


def cascade_lab():
    """Live lab: each holder's China revenue and threshold as sliders, seed and league boxes.

    Shows the holders' status, the cascade round by round and the lightest seed that unravels
    the rest.  On the static site it returns the default state (the H200 decision as seed).
    """
    return lab_or_static("Named-holder cascade lab", cascade_lab_html, CascadeLab)


class CascadeLab(Lab):
    """Sliders and check boxes for the named holders; recomputes the cascade on every change.

    Attributes
    ----------
    revenue, threshold : dict of str to ipywidgets.FloatSlider
        China revenue at stake (billion USD) and defection threshold, by holder.
    first_mover, bound : dict of str to ipywidgets.Checkbox
        Whether a holder defects first, and whether a league rule binds it.
    html : str
        The output currently shown.
    """

    def __init__(self) -> None:
        self.defaults = coalition.holders()
        self.revenue, self.threshold, self.first_mover, self.bound = {}, {}, {}, {}
        rows = []
        for h in self.defaults:
            revenue = ipywidgets_slider(HOLDER_CHINA_REVENUE)
            revenue.value = round(h.china_usd_bn, 1)
            threshold = ipywidgets_slider(HOLDER_DEFECT_THRESHOLD)
            threshold.value = round(h.defect_threshold, 2)
            first = ipywidgets.Checkbox(
                value=h.name in coalition.H200_SEED, description="first mover", indent=False
            )
            bound = ipywidgets.Checkbox(
                value=False, description="bound by a league rule", indent=False
            )
            self.revenue[h.name], self.threshold[h.name] = revenue, threshold
            self.first_mover[h.name], self.bound[h.name] = first, bound
            rows.append(
                ipywidgets.VBox(
                    [
                        ipywidgets.HTML(f"<strong>{html.escape(h.name)}</strong>"),
                        revenue,
                        threshold,
                        ipywidgets.HBox([first, bound]),
                    ]
                )
            )
        controls = {
            f"{kind}: {name}": control
            for kind, by_holder in (
                ("revenue", self.revenue),
                ("threshold", self.threshold),
                ("first mover", self.first_mover),
                ("bound", self.bound),
            )
            for name, control in by_holder.items()
        }
        super().__init__(controls, arrangement=rows)

    def holders(self):
        """The holders with the sliders' revenue and thresholds."""
        return coalition.with_changes(
            self.defaults,
            weights={n: s.value for n, s in self.revenue.items()},
            defect_thresholds={n: s.value for n, s in self.threshold.items()},
        )

    def values(self) -> dict[str, object]:
        """The keywords of :func:`cascade_lab_html`: holders, first movers and bound holders."""
        seed = tuple(n for n, box in self.first_mover.items() if box.value)
        bound = tuple(n for n, box in self.bound.items() if box.value and n not in seed)
        return {"named": self.holders(), "seed": seed, "bound": bound}

    def render(self, named, seed, bound) -> str:
        """The holders' status, the cascade round by round and the lightest unravelling seed."""
        return cascade_lab_html(named, seed=seed, bound=bound)


def holders_table() -> HTML:
    """The named holders: member companies, China revenue, share, thresholds, and the basis.

    Each company's China revenue is computed from the rows of ``data/allied_china_revenue.csv``
    named in :data:`chipcontrols.coalition.named.STAKE_ROWS`; the basis column says which.
    """
    stakes = coalition.company_stakes()
    rows = []
    for h in coalition.holders():
        members = [s for s in stakes if s.group == h.name]
        companies = "<br>".join(
            f"{html.escape(s.holder)}: ${s.china_usd_bn:.1f} bn "
            f"({s.china_share:.0%}; {html.escape(s.basis)})"
            for s in members
        )
        rows.append(
            f"<tr><td>{html.escape(h.name)}</td><td>{companies}</td>"
            f'<td class="num">{h.china_usd_bn:.1f}</td><td class="num">{h.weight:.0%}</td>'
            f'<td class="num">{h.china_share:.0%}</td><td class="num">{h.join_threshold:.2f}'
            f'</td><td class="num">{h.defect_threshold:.2f}</td></tr>'
        )
    header = (
        "<tr><th>Holder</th><th>Companies: China revenue (share; rows used)</th>"
        "<th>China revenue ($ bn)</th><th>Weight</th><th>r: China share</th>"
        "<th>Joins at q*</th><th>Defects at 1 − q*</th></tr>"
    )
    return HTML(
        f'<div class="h200-table"><table class="table"><thead>{header}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
