"""The scenarios chapter 4's exercises give the student, and the numbers their statements cite.

None of these is a worked example of the text: the exercises use other chips, another wafer,
other yields, other years, other learning rates and another cluster, so no checked answer is
printed above its exercise.  Glued as ``catchup_ex_<key>``; the answers are computed in
:mod:`solutions.catchup`, which the student edition never imports.
"""

from __future__ import annotations

from chipcontrols.catchup import market
from chipcontrols.catchup.prose import LEARNING_RATES, SUPERPOD_CHIPS, _chip, _chips

__all__ = ["EXERCISE_CHIPS", "exercise_figures"]

#: The dies of the dies-per-wafer exercise: Huawei's 910B-class die, Nvidia's A100 and
#: Cambricon's MLU290 (areas from ``data/chips.csv``), on the exercise's larger wafer.
EXERCISE_CHIPS = ("huawei-ascend-910b", "nvidia-a100-sxm4-80gb", "cambricon-mlu290-m5")
#: The exercises' own scenarios, none of which the text works through: a 450 mm wafer (the size
#: the industry planned and shelved); a hypothetical SMIC-made die of the MLU290's area whose
#: yield rose from 25% to 36% while cumulative output tripled; the gap CFR forecasts for 2027;
#: chip pairs the text does not compare; learning rates it does not try; a 24,576-chip job.
EX_WAFER_DIAMETER_MM = 450.0
EX_YIELD_CHIP = "cambricon-mlu290-m5"
EX_YIELD_EARLIER, EX_YIELD_LATER, EX_OUTPUT_MULTIPLE = 0.25, 0.36, 3.0
EX_OUTPUT_AHEAD = (2.0, 4.0)
EX_CLAIM_YEARS = (2.0, 3.0)
EX_GROWTH_PAIRS = {
    "nvidia": ("nvidia-a100-sxm4-80gb", "nvidia-h100-sxm5"),
    "huawei": ("huawei-ascend-910", "huawei-ascend-950pr"),
}
EX_LEARNING_RATES = (0.1, 0.25, 0.35)
EX_CROSSOVER_LR, EX_CROSSOVER_YEARS = 0.25, 6.0
EX_CLUSTER_CHIPS = 24_576
EX_FAILURE_MULTIPLE = 5.0
EX_FOREIGN_CARD = "nvidia-h200-sxm"
EX_HUAWEI_SHARE_OF_NVIDIA, EX_HUAWEI_SHARE_OF_CHINA = 0.08, 0.6


def exercise_figures() -> dict[str, float]:
    """Numbers the exercise statements give the student (not answers), ``catchup_ex_<key>``."""
    out: dict[str, float] = {}
    for chip_id in EXERCISE_CHIPS:
        out[f"area_{chip_id.replace('-', '_')}"] = _chip(chip_id, "die_area_mm2")
    out["wafer_diameter_mm"] = EX_WAFER_DIAMETER_MM
    out["yield_area"] = _chip(EX_YIELD_CHIP, "die_area_mm2")
    out["yield_earlier_percent"] = 100 * EX_YIELD_EARLIER
    out["yield_later_percent"] = 100 * EX_YIELD_LATER
    out["output_multiple"] = EX_OUTPUT_MULTIPLE
    out["ahead_low"], out["ahead_high"] = EX_OUTPUT_AHEAD
    out["claim_years_low"], out["claim_years_high"] = EX_CLAIM_YEARS
    for vendor, (first, last) in EX_GROWTH_PAIRS.items():
        launch = _chips().set_index("chip_id")["launch_year"]
        out[f"{vendor}_first_year"] = float(launch[first])
        out[f"{vendor}_last_year"] = float(launch[last])
        out[f"{vendor}_first_fp8"] = _chip(first, "dense_8bit_tops")
        out[f"{vendor}_last_fp8"] = _chip(last, "dense_8bit_tops")
    out["lr_low"], out["lr_high"] = LEARNING_RATES[0], LEARNING_RATES[-1]
    out["race_lr_1"], out["race_lr_2"], out["race_lr_3"] = EX_LEARNING_RATES
    out["crossover_lr"], out["crossover_years"] = EX_CROSSOVER_LR, EX_CROSSOVER_YEARS
    out["growth_grid_low"], out["growth_grid_high"] = 0.5, 1.8
    out["superpod_chips"] = SUPERPOD_CHIPS
    out["cluster_chips"] = EX_CLUSTER_CHIPS
    out["failure_multiple"] = EX_FAILURE_MULTIPLE
    out["h100e_h200"] = market.h100e_by_tpp(EX_FOREIGN_CARD)
    out["huawei_share_of_nvidia_percent"] = 100 * EX_HUAWEI_SHARE_OF_NVIDIA
    out["huawei_share_of_china_percent"] = 100 * EX_HUAWEI_SHARE_OF_CHINA
    return out
