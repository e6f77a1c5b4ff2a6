"""The named holders of chapter 3's cascade: their China revenue, weights and thresholds.

Five holders of chokepoints (US toolmakers, US chipmakers, the Netherlands, Japan and Korea's
memory makers) are weighted by the China revenue they have at stake, computed from
``data/allied_china_revenue.csv`` (latest full year each company reports; the rows used are
listed in :data:`STAKE_ROWS`) and converted to US dollars at the Federal Reserve's 2023
average rates (record figures, :data:`RATE_YEAR`).  The Fed's annual tables for 2024 and 2025
(G.5A; the 2025 one was issued on 5 January 2026) exist, but neither could be read from the
stored sources when the book was checked on 8 December 2026, so one year's rates serve every
holder whatever the year of its revenue; the weights are approximate for that reason too.
Each holder's cost of restraint is its China share of
revenue; its thresholds come from the stag hunt (:mod:`chipcontrols.coalition.staghunt`):

* it *joins* a control regime once the weighted share controlling reaches its belief
  threshold q* (reading that share as the chance its partners hold), and
* it *defects* once the weighted share selling reaches 1 − q*.

A cascade over named holders is then a step function: ``S_{t+1} = K ∪ {i ∉ B : θ_i ≤ x_t}``
with seed set ``K`` (first movers) and league-bound set ``B``.  All revenue in billion USD.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from chipcontrols.coalition import staghunt
from chipcontrols.core import record
from chipcontrols.core.data import load_table
from chipcontrols.core.parameters import Parameter, strict_keywords

#: The holders, in the order the book lists them.
HOLDER_GROUPS = ("US toolmakers", "US chipmakers", "Netherlands", "Japan", "Korean memory makers")
#: The first mover of the H200 story: the US chip decision of 8 December 2025.
H200_SEED = ("US chipmakers",)
#: The holders the MATCH Act would bind through its foreign direct product rules.
MATCH_ACT_BOUND = ("Netherlands", "Japan")
#: The holders of the 2022–23 tool coalition and the one that moved first.
TOOL_COALITION = ("US toolmakers", "Netherlands", "Japan")
TOOL_COALITION_SEED = ("US toolmakers",)

#: A holder's China revenue at stake and its defection threshold, as the lab's sliders set them
#: (one declaration each, shared by the five holders' sliders).
HOLDER_CHINA_REVENUE = Parameter(
    "holder_china_revenue",
    "China revenue at stake",
    "billion USD",
    10.0,
    0.0,
    60.0,
    0.5,
    "Defaults per holder from data/allied_china_revenue.csv (company_stakes).",
)
HOLDER_DEFECT_THRESHOLD = Parameter(
    "holder_defect_threshold",
    "Sells once this share sells",
    "",
    0.7,
    0.0,
    1.0,
    0.01,
    "Defaults per holder: 1 − q* from the stag hunt (chipcontrols.coalition.staghunt).",
)

#: Which rows of the data give each company's China revenue: ``share`` (or ``shares``,
#: averaged) and ``total`` name (period, period_type, citation) of a row; ``china`` names a
#: row whose China amount and share are both given.
STAKE_ROWS = {
    "ASML": {
        "group": "Netherlands",
        "share": ("2025", "calendar_year", "scmp2026asml"),
        "total": ("2025", "calendar_year", "alphasense2026asml"),
    },
    "Tokyo Electron": {
        "group": "Japan",
        "shares": [(f"FY2025Q{q}", "quarter", None) for q in (1, 2, 3, 4)],
        "total": ("FY2025", "fiscal_year", "dempa2025telfy"),
    },
    "Applied Materials": {
        "group": "US toolmakers",
        "china": ("FY2025", "fiscal_year", "secfilingsai2025amat"),
    },
    "Lam Research": {
        "group": "US toolmakers",
        "share": ("FY2025", "fiscal_year", "zacks2026lam"),
        "total": ("FY2025", "fiscal_year", "dcfmodeling2025lam"),
    },
    "KLA": {
        "group": "US toolmakers",
        "share": ("2024", "calendar_year", None),
        "total": ("FY2025", "fiscal_year", "kla2025fy25results"),
    },
    "Nvidia": {
        "group": "US chipmakers",
        "share": ("FY2025", "fiscal_year", "reportify2025nvidia"),
        "total": ("FY2025", "fiscal_year", "nvidia2025fy25results"),
    },
    "AMD": {"group": "US chipmakers", "china": ("2024", "fiscal_year", None)},
    "SK hynix": {"group": "Korean memory makers", "china": ("2024", "calendar_year", None)},
}


#: The year of the Federal Reserve's annual average rates used for every holder (see above).
RATE_YEAR = 2023


def usd_billion(amount: float, unit: str) -> float:
    """An amount in the data's unit, in billion USD at the 2023 average rates (record).

    Examples
    --------
    >>> round(usd_billion(1000, "EUR million"), 4)
    1.0817
    """
    if unit == "USD million":
        return amount / 1e3
    if unit == "EUR million":
        return amount / 1e3 * record.value(f"usd_per_eur_{RATE_YEAR}")
    if unit == "JPY billion":
        return amount / record.value(f"jpy_per_usd_{RATE_YEAR}")
    if unit == "KRW trillion":
        return amount * 1e3 / record.value(f"krw_per_usd_{RATE_YEAR}")
    raise ValueError(f"unit = {unit!r} is not a currency unit of the holders' data")


def _row(table: pd.DataFrame, holder: str, key: tuple) -> pd.Series:
    period, period_type, citation = key
    rows = table[
        (table.holder == holder) & (table.period == period) & (table.period_type == period_type)
    ]
    if citation is not None:
        rows = rows[rows.citation == citation]
    if len(rows) != 1:
        raise ValueError(
            f"data/allied_china_revenue.csv: expected one row for {holder} "
            f"{key}, found {len(rows)}"
        )
    return rows.iloc[0]


@dataclass(frozen=True)
class CompanyStake:
    """One company's China revenue at stake, in billion USD, and where it comes from."""

    holder: str
    group: str
    china_usd_bn: float
    total_usd_bn: float
    basis: str

    @property
    def china_share(self) -> float:
        """China revenue ÷ total revenue."""
        return self.china_usd_bn / self.total_usd_bn


@lru_cache(maxsize=1)
def company_stakes() -> tuple[CompanyStake, ...]:
    """Every company of :data:`STAKE_ROWS`, its China and total revenue in billion USD."""
    table = load_table("allied_china_revenue")
    stakes = []
    for holder, spec in STAKE_ROWS.items():
        if "china" in spec:
            row = _row(table, holder, spec["china"])
            china = usd_billion(row.china_revenue, row.unit)
            total = china / (row.china_share_percent / 100)
            basis = f"{row.period}: China amount and share ({row.citation})"
        else:
            total_row = _row(table, holder, spec["total"])
            if "share" in spec:
                share_row = _row(table, holder, spec["share"])
                share = share_row.china_share_percent / 100
                basis = (
                    f"{share_row.period} share ({share_row.citation}) × {total_row.period} "
                    f"revenue ({total_row.citation})"
                )
            else:
                rows = [_row(table, holder, key) for key in spec["shares"]]
                share = sum(r.china_share_percent for r in rows) / len(rows) / 100
                basis = (
                    f"mean of the {len(rows)} quarterly shares of {total_row.period} × "
                    f"{total_row.period} revenue ({total_row.citation})"
                )
            total = usd_billion(total_row.total_revenue, total_row.unit)
            china = share * total
        stakes.append(CompanyStake(holder, spec["group"], float(china), float(total), basis))
    return tuple(stakes)


@dataclass(frozen=True)
class Holder:
    """A named holder of the cascade.

    Attributes
    ----------
    name : str
        One of :data:`HOLDER_GROUPS`.
    china_usd_bn : float
        China revenue at stake, billion USD.
    weight : float
        Its share of all holders' China revenue (weights sum to 1).
    china_share : float
        China revenue ÷ total revenue: the cost of restraint r, in years of revenue.
    join_threshold : float
        q*: the weighted share controlling at which it joins a control regime.
    defect_threshold : float
        1 − q*, clipped to [0, 1]: the weighted share selling at which it defects.
    """

    name: str
    china_usd_bn: float
    weight: float
    china_share: float
    join_threshold: float
    defect_threshold: float


@strict_keywords
def holders(
    security_value: float = staghunt.PARAMETERS["security_value"].default,
    retained_share: float = staghunt.PARAMETERS["retained_share"].default,
) -> tuple[Holder, ...]:
    """The five named holders with weights from the data and thresholds from the stag hunt.

    Parameters
    ----------
    security_value, retained_share : float
        S and β of the stag hunt, the same for every holder (declared judgements).

    Examples
    --------
    >>> named = holders()
    >>> [h.name for h in named] == list(HOLDER_GROUPS), round(sum(h.weight for h in named), 9)
    (True, 1.0)
    """
    stakes = company_stakes()
    total_china = sum(s.china_usd_bn for s in stakes)
    result = []
    for group in HOLDER_GROUPS:
        members = [s for s in stakes if s.group == group]
        china = sum(s.china_usd_bn for s in members)
        revenue = sum(s.total_usd_bn for s in members)
        share = china / revenue
        q_star = staghunt.belief_threshold(
            restraint_cost=share, security_value=security_value, retained_share=retained_share
        )
        result.append(
            Holder(
                group,
                float(china),
                float(china / total_china),
                float(share),
                float(q_star),
                float(min(1.0, max(0.0, 1.0 - q_star))),
            )
        )
    return tuple(result)


def _names(label: str, names, known) -> tuple[str, ...]:
    names = tuple(names)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"{label} = {unknown} are not holders; valid names: {list(known)}")
    return names


@dataclass(frozen=True)
class NamedCascade:
    """A cascade over named holders, round by round.

    Attributes
    ----------
    rounds : tuple of tuple of str
        Who is acting (selling, or controlling in a control cascade) after each round; the
        first entry is the seed.
    shares : tuple of float
        The weighted share acting after each round.
    """

    rounds: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]

    @property
    def final(self) -> tuple[str, ...]:
        """Who acts at the end."""
        return self.rounds[-1]

    @property
    def final_share(self) -> float:
        """The weighted share acting at the end."""
        return self.shares[-1]


@strict_keywords
def named_cascade(named, seed=H200_SEED, bound=(), mode: str = "defect") -> NamedCascade:
    """Run the cascade over named holders from a seed set.

    Parameters
    ----------
    named : sequence of Holder
        The holders (e.g. :func:`holders`, or with edited weights or thresholds).
    seed : sequence of str
        First movers: they act whatever others do.
    bound : sequence of str
        Holders bound by a league rule: they never defect (ignored in a control cascade).
    mode : {"defect", "join"}
        ``"defect"``: holders sell once the share selling reaches ``defect_threshold``;
        ``"join"``: they control once the share controlling reaches ``join_threshold``.

    Examples
    --------
    >>> run = named_cascade(holders())
    >>> run.final                                  # the H200 decision alone tips no one
    ('US chipmakers',)
    """
    named = tuple(named)
    known = [h.name for h in named]
    seed_set = set(_names("seed", seed, known))
    bound_set = set(_names("bound", bound, known)) if mode == "defect" else set()
    if mode not in ("defect", "join"):
        raise ValueError(f"mode = {mode!r} is not one of ['defect', 'join']")
    total = sum(h.weight for h in named)
    acting = set(seed_set)
    rounds, shares = [], []
    for _ in range(len(named) + 1):
        share = sum(h.weight for h in named if h.name in acting) / total
        rounds.append(tuple(h.name for h in named if h.name in acting))
        shares.append(float(share))
        threshold = (
            (lambda h: h.defect_threshold) if mode == "defect" else (lambda h: h.join_threshold)
        )
        following = seed_set | {
            h.name for h in named if h.name not in bound_set and threshold(h) <= share + 1e-12
        }
        if following == acting:
            break
        acting = following
    return NamedCascade(tuple(rounds), tuple(shares))


@dataclass(frozen=True)
class UnravellingSeed:
    """The lightest set of first movers whose defection brings every other free holder along.

    Attributes
    ----------
    names : tuple of str
        The first movers, in :data:`HOLDER_GROUPS` order.
    weight : float
        Their share of all holders' China revenue.
    """

    names: tuple[str, ...]
    weight: float


@strict_keywords
def smallest_unravelling_seed(named, bound=(), must_include=()) -> UnravellingSeed | None:
    """The lightest seed set that unravels the rest, or None if no seed does.

    Every set of first movers that includes ``must_include`` and leaves at least one holder
    outside the league rule to follow is tried (five holders: 32 sets); among those after
    which every holder outside the seed and outside ``bound`` sells, the lightest wins.

    Examples
    --------
    >>> found = smallest_unravelling_seed(holders(), must_include=H200_SEED)
    >>> found.names
    ('US toolmakers', 'US chipmakers')
    """
    from itertools import combinations

    named = tuple(named)
    known = [h.name for h in named]
    bound_set = set(_names("bound", bound, known))
    required = set(_names("must_include", must_include, known))
    best = None
    for size in range(1, len(named) + 1):
        for chosen in combinations(known, size):
            seed = set(chosen)
            followers = [h for h in named if h.name not in seed | bound_set]
            if not required <= seed or seed & bound_set or not followers:
                continue
            final = set(named_cascade(named, seed=chosen, bound=tuple(bound_set)).final)
            if all(h.name in final for h in followers):
                weight = sum(h.weight for h in named if h.name in seed) / sum(
                    h.weight for h in named
                )
                if best is None or weight < best.weight - 1e-12:
                    best = UnravellingSeed(tuple(n for n in known if n in seed), float(weight))
    return best


@strict_keywords
def with_changes(named, weights=None, defect_thresholds=None) -> tuple[Holder, ...]:
    """The holders with some weights (billion USD of China revenue) or thresholds replaced.

    Weights are renormalised to sum to 1; every value is checked.

    Examples
    --------
    >>> edited = with_changes(holders(), defect_thresholds={"Japan": 0.2})
    >>> [h.defect_threshold for h in edited if h.name == "Japan"]
    [0.2]
    """
    named = tuple(named)
    known = [h.name for h in named]
    weights = dict(weights or {})
    thresholds = dict(defect_thresholds or {})
    _names("weights", weights, known)
    _names("defect_thresholds", thresholds, known)
    china = {
        h.name: HOLDER_CHINA_REVENUE.check(weights[h.name])
        if h.name in weights
        else h.china_usd_bn
        for h in named
    }
    total = sum(china.values())
    if total <= 0:
        raise ValueError("weights: at least one holder needs China revenue above 0")
    return tuple(
        replace(
            h,
            china_usd_bn=china[h.name],
            weight=china[h.name] / total,
            defect_threshold=(
                HOLDER_DEFECT_THRESHOLD.check(thresholds[h.name])
                if h.name in thresholds
                else h.defect_threshold
            ),
        )
        for h in named
    )
