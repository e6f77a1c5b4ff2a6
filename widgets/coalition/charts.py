"""Charts of chapter 3's coalition cascade for the static site: the stag-hunt map, the cascade.

Every number the browser computes comes from a closed form registered in
:mod:`chipcontrols.coalition.staghunt` or :mod:`chipcontrols.coalition.cascade`; every slider
comes from a parameter declaration.  The cascade's path is the registered one-round map
chained :data:`~chipcontrols.coalition.cascade.BROWSER_STEPS` times, the same iteration
:func:`chipcontrols.coalition.cascade_path` runs in Python.
"""

from __future__ import annotations

import altair as alt

from chipcontrols import coalition
from chipcontrols.coalition import cascade, staghunt
from widgets.core import palette
from widgets.core.display import Figure
from widgets.core.sliders import altair_param

#: The belief levels whose indifference lines the stag-hunt map draws as contours, and the ζ at
#: which their labels sit (where the contours are still well apart).
CONTOUR_BELIEFS = (0.25, 0.5, 0.75)
CONTOUR_LABEL_BETA = 0.22
STAGHUNT_SLIDERS = ("partner_belief", "retained_share", "security_value")
CASCADE_SLIDERS = ("threshold_mean", "threshold_spread", "seed_share", "league_coverage")
#: The cascade chart's ticks on both axes: shares in tenths with one decimal, so the labels
#: never run together at the corners ("0.000.05"); where the plot is too narrow for all of
#: them, Vega drops labels that would overlap (``labelOverlap``) and keeps the end labels inside
#: the plot (``labelFlush``).
SHARE_TICKS = tuple(round(i / 10, 1) for i in range(11))
SHARE_AXIS = alt.Axis(
    values=list(SHARE_TICKS), format=".1f", labelOverlap="greedy", labelFlush=True
)


def _holder_rows() -> list[dict]:
    return [
        {
            "holder": h.name,
            "share": round(h.china_share, 4),
            "china_usd_bn": round(h.china_usd_bn, 2),
        }
        for h in coalition.holders()
    ]


def staghunt_chart() -> Figure:
    """Chart 1: the stag-hunt map, r/S against ζ, with the regions, contours and the holders.

    The regions (control dominant below r/S = ζ, selling dominant above r/S = 1 − ζ) and the
    indifference line of the chosen belief q are computed in the browser from the registered
    ``indifferent_cost_ratio``; each holder sits at the chosen ζ and at its China share of
    revenue divided by S, filled when restraint is its best reply at belief q.
    """
    line = staghunt.FORMS["indifferent_cost_ratio"]
    beta = staghunt.PARAMETERS["retained_share"]
    x = alt.X(
        "beta:Q",
        title="ζ: share of the benefit kept when the partner sells",
        scale=alt.Scale(domain=[beta.minimum - 0.015, beta.maximum], nice=False),
    )
    y_scale = alt.Scale(domain=[0, 1], nice=False, clamp=True)
    grid = alt.Chart(
        alt.Data(
            sequence={
                "start": beta.minimum,
                "stop": beta.maximum + 1e-9,
                "step": 0.005,
                "as": "beta",
            }
        )
    )
    regions = grid.transform_calculate(
        lower=line.vega({"retained_share": "datum.beta", "partner_belief": "0"}),
        upper=line.vega({"retained_share": "datum.beta", "partner_belief": "1"}),
        top="1",
        bottom="0",
    )
    control_area = regions.mark_area(
        color=palette.STAGHUNT_REGION_COLOURS[coalition.CONTROL_DOMINANT]
    ).encode(
        x=x,
        y=alt.Y("bottom:Q", scale=y_scale, title="r/S: China revenue forgone ÷ security value"),
        y2="lower:Q",
    )
    coordination_area = regions.mark_area(
        color=palette.STAGHUNT_REGION_COLOURS[coalition.COORDINATION]
    ).encode(x=x, y=alt.Y("lower:Q", scale=y_scale), y2="upper:Q")
    sell_area = regions.mark_area(
        color=palette.STAGHUNT_REGION_COLOURS[coalition.SELL_DOMINANT]
    ).encode(x=x, y=alt.Y("upper:Q", scale=y_scale), y2="top:Q")
    contours = grid.transform_calculate(
        **{
            f"q{i}": line.vega({"retained_share": "datum.beta", "partner_belief": repr(q)})
            for i, q in enumerate(CONTOUR_BELIEFS)
        }
    ).transform_fold([f"q{i}" for i in range(len(CONTOUR_BELIEFS))], as_=["contour", "ratio"])
    contour_lines = contours.mark_line(
        color=palette.GUIDE, strokeDash=[3, 3], strokeWidth=1
    ).encode(x=x, y=alt.Y("ratio:Q", scale=y_scale), detail="contour:N")
    contour_labels = (
        alt.Chart(alt.Data(values=[{"q": q, "label": f"q* = {q:g}"} for q in CONTOUR_BELIEFS]))
        .transform_calculate(
            beta=repr(CONTOUR_LABEL_BETA),
            ratio=line.vega({"retained_share": "datum.beta", "partner_belief": "datum.q"}),
        )
        .mark_text(align="left", dx=2, dy=-7, fontSize=10, color=palette.ANNOTATION_INK)
        .encode(x=x, y=alt.Y("ratio:Q", scale=y_scale), text="label:N")
    )
    belief_line = (
        grid.transform_calculate(
            ratio=line.vega({"retained_share": "datum.beta"}),
        )
        .mark_line(color=palette.INK, strokeWidth=2.5)
        .encode(x=x, y=alt.Y("ratio:Q", scale=y_scale))
    )
    holders = (
        alt.Chart(alt.Data(values=_holder_rows()))
        .transform_calculate(
            beta=beta.name,
            ratio=staghunt.FORMS["cost_ratio"].vega({"restraint_cost": "datum.share"}),
            cut=line.vega(),
        )
        .transform_calculate(
            reply="datum.ratio <= datum.cut ? 'restrains' : 'sells'",
        )
    )
    colour = alt.Color(
        "holder:N",
        title="Holder",
        sort=list(palette.HOLDER_COLOURS),
        scale=alt.Scale(
            domain=list(palette.HOLDER_COLOURS), range=list(palette.HOLDER_COLOURS.values())
        ),
    )
    fill = alt.Fill(
        "holder:N",
        sort=list(palette.HOLDER_COLOURS),
        title="Holder",
        scale=alt.Scale(
            domain=list(palette.HOLDER_COLOURS), range=list(palette.HOLDER_COLOURS.values())
        ),
    )
    markers = holders.mark_point(size=150, strokeWidth=2.5, filled=True).encode(
        x=x,
        y=alt.Y("ratio:Q", scale=y_scale),
        color=colour,
        fill=alt.condition("datum.reply === 'restrains'", fill, alt.value(palette.BACKGROUND)),
        tooltip=[
            alt.Tooltip("holder:N", title="Holder"),
            alt.Tooltip("share:Q", title="China share of revenue", format=".1%"),
            alt.Tooltip("china_usd_bn:Q", title="China revenue ($ bn)", format=".1f"),
            alt.Tooltip("ratio:Q", title="r/S", format=".2f"),
            alt.Tooltip("reply:N", title="Best reply at this belief"),
        ],
    )
    readout = (
        holders.transform_calculate(
            restrains="datum.reply === 'restrains' ? 1 : 0",
        )
        .transform_aggregate(
            restraining="sum(restrains)",
            count="count()",
        )
        .transform_calculate(
            text=f"'At belief q = ' + format({staghunt.PARAMETERS['partner_belief'].name}, '.2f') + "
            "': ' + datum.restraining + ' of ' + datum.count + ' holders restrain'",
        )
        .mark_text(align="left", baseline="top", fontSize=13, fontWeight="bold")
        .encode(x=alt.value(4), y=alt.value(4), text="text:N")
    )
    region_labels = (
        alt.Chart(
            alt.Data(
                values=[
                    {"beta": 0.44, "ratio": 0.9, "label": "selling dominant"},
                    {"beta": 0.44, "ratio": 0.08, "label": "control dominant"},
                    {"beta": 0.3, "ratio": 0.45, "label": "both equilibria"},
                ]
            )
        )
        .mark_text(align="right", fontSize=11, fontStyle="italic", color=palette.ANNOTATION_INK)
        .encode(x=x, y=alt.Y("ratio:Q", scale=y_scale), text="label:N")
    )
    chart = (
        alt.layer(
            control_area,
            coordination_area,
            sell_area,
            contour_lines,
            contour_labels,
            belief_line,
            region_labels,
            markers,
            readout,
        )
        .add_params(*(altair_param(staghunt.PARAMETERS[name]) for name in STAGHUNT_SLIDERS))
        .properties(width=palette.CHART_WIDTH, height=340)
        .configure_legend(orient="bottom", columns=3)
    )
    default = {h.name: h for h in coalition.holders()}
    q0 = staghunt.PARAMETERS["partner_belief"].default
    restraining = [name for name, h in default.items() if h.join_threshold <= q0]
    description = (
        "Stag-hunt map: the cost of restraint relative to the security value, r/S (y), against "
        "ζ, the share of the benefit a holder keeps when its partner sells (x). Green below "
        "r/S = ζ: control is dominant; red above r/S = 1 − ζ: selling is dominant; between, "
        "both equilibria exist and beliefs decide. Dashed contours mark belief thresholds q* of "
        f"{', '.join(f'{q:g}' for q in CONTOUR_BELIEFS)}; the bold line is the chosen belief q. "
        f"Each holder sits at its China share of revenue ÷ S, filled when it restrains: at the "
        f"defaults (q = {q0:g}, ζ = 0, S = 1) {len(restraining)} of {len(default)} restrain. "
        "Sliders move the belief, ζ and S."
    )
    return Figure(chart, description)


def _critical_spread_lookup() -> str:
    """A Vega expression: σ_c at the current mean (from the model's table), or -1 if none."""
    table = coalition.critical_spread_table(step=0.01)
    first = table[0]["threshold_mean"]
    values = "[" + ", ".join(f"{row['critical_spread']:.4f}" for row in table) + "]"
    mean = cascade.PARAMETERS["threshold_mean"].name
    index = f"round(({mean} - {first}) / 0.01)"
    return f"({index} < {len(table)} ? {values}[{index}] : -1)"


def cascade_chart() -> Figure:
    """Chart 2: the cascade's response F(x) with the 45° line and the cobweb path from the seed.

    F and the path are computed in the browser: F from the registered response, the path by
    chaining the registered one-round map; the readout states the outcome after
    :data:`~chipcontrols.coalition.cascade.BROWSER_STEPS` rounds, as Python does.
    """
    steps = cascade.BROWSER_STEPS
    step = cascade.FORMS["normal_step"]
    share = cascade.PARAMETERS["seller_share"]
    x = alt.X(
        "x:Q",
        title="x: weighted share of holders selling",
        scale=alt.Scale(domain=[0, 1], nice=False),
        axis=SHARE_AXIS,
    )
    y = alt.Y(
        "y:Q",
        title="Share who would sell, F(x)",
        scale=alt.Scale(domain=[0, 1], nice=False),
        axis=SHARE_AXIS,
    )
    curve = alt.Chart(
        alt.Data(
            sequence={
                "start": share.minimum,
                "stop": share.maximum + 1e-9,
                "step": 0.005,
                "as": "x",
            }
        )
    ).transform_calculate(y=cascade.FORMS["normal_response"].vega({"seller_share": "datum.x"}))
    response = curve.mark_line(color=palette.BINDING, strokeWidth=2.5).encode(
        x=x,
        y=y,
        tooltip=[
            alt.Tooltip("x:Q", format=".2f", title="Share selling"),
            alt.Tooltip("y:Q", format=".3f", title="Would sell"),
        ],
    )
    diagonal = (
        alt.Chart(alt.Data(values=[{"x": 0, "y": 0}, {"x": 1, "y": 1}]))
        .mark_line(color=palette.GUIDE, strokeDash=[4, 4])
        .encode(x=x, y=y)
    )
    chain = {f"x{k}": step.vega({"seller_share": f"datum.x{k - 1}"}) for k in range(1, steps + 1)}
    path_array = "[" + ", ".join(f"datum.x{k}" for k in range(steps + 1)) + "]"
    rounds = (
        alt.Chart(alt.Data(sequence={"start": 0, "stop": steps, "as": "t"}))
        .transform_calculate(
            x0=cascade.PARAMETERS["seed_share"].name,
            **chain,
        )
        .transform_calculate(
            now=f"{path_array}[datum.t]",
            next=f"{path_array}[datum.t + 1]",
        )
    )
    path_x = alt.X("now:Q", scale=alt.Scale(domain=[0, 1], nice=False), axis=SHARE_AXIS)
    vertical = rounds.mark_rule(color=palette.INK, strokeWidth=1.5).encode(
        x=path_x,
        x2="now:Q",
        y=alt.Y("now:Q", scale=alt.Scale(domain=[0, 1], nice=False), axis=SHARE_AXIS),
        y2="next:Q",
    )
    horizontal = rounds.mark_rule(color=palette.INK, strokeWidth=1.5).encode(
        x=path_x,
        x2="next:Q",
        y=alt.Y("next:Q", scale=alt.Scale(domain=[0, 1], nice=False), axis=SHARE_AXIS),
        y2="next:Q",
    )
    seed = cascade.PARAMETERS["seed_share"].name
    league = cascade.PARAMETERS["league_coverage"].name
    final = f"datum.x{steps}"
    unravelled = (
        f"{final} >= {cascade.UNRAVELLED_FRACTION!r} * (1 - {league}) && (1 - {league}) > {seed}"
    )
    outcome = (
        f"({unravelled}) ? 'unravels: ' + format({final}, '.0%') + ' selling' : "
        f"({final} - {seed} < 1e-9) ? 'holds: only the seed sells (' + format({seed}, '.0%') + ')' : "
        f"'partial cascade: ' + format({final}, '.0%') + ' selling'"
    )
    critical = _critical_spread_lookup()
    readout = (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(
            x0=seed,
            **chain,
        )
        .transform_calculate(
            sigma_c=critical,
        )
        .transform_calculate(
            text=f"'After {steps} rounds: ' + ({outcome})",
            note="datum.sigma_c < 0 ? 'No critical spread at this mean' : "
            "'Critical spread at this mean: σc = ' + format(datum.sigma_c, '.3f')",
        )
    )
    readout_text = readout.mark_text(
        align="left", baseline="top", fontSize=13, fontWeight="bold"
    ).encode(x=alt.value(4), y=alt.value(4), text="text:N")
    readout_note = readout.mark_text(align="left", baseline="top", fontSize=12).encode(
        x=alt.value(4), y=alt.value(22), text="note:N"
    )
    seed_point = (
        alt.Chart(alt.Data(values=[{}]))
        .transform_calculate(x=seed, y="0")
        .mark_point(shape="triangle-up", size=140, filled=True, color=palette.INK)
        .encode(x=x, y=y)
    )
    chart = (
        alt.layer(diagonal, response, vertical, horizontal, seed_point, readout_text, readout_note)
        .add_params(*(altair_param(cascade.PARAMETERS[name]) for name in CASCADE_SLIDERS))
        .properties(width=palette.CHART_WIDTH, height=360)
    )
    defaults = {name: cascade.PARAMETERS[name].default for name in CASCADE_SLIDERS}
    result = coalition.cascade_outcome(**defaults)
    description = (
        "Threshold cascade: the share of holders who would sell, F(x) (red curve, normal "
        "thresholds), against the share already selling, x, with the 45° line dashed. The "
        "black staircase is the cobweb path from the seed (triangle): each round the share "
        "selling becomes the larger of the seed and F. Where the curve lies above the line the "
        f"cascade climbs; where below, it stops. At the defaults (mean "
        f"{defaults['threshold_mean']:g}, spread {defaults['threshold_spread']:g}, seed "
        f"{defaults['seed_share']:g}) it {result.outcome}. Sliders move the mean, spread, seed "
        "and the share bound by a league rule; the text states the outcome after "
        f"{steps} rounds and the critical spread."
    )
    return Figure(chart, description)
