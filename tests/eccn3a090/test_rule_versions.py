"""The October 2022 and January 2026 rule versions, against the rule texts' thresholds.

Expected classes are written out from the thresholds quoted in the chapter (87 FR 62186 for
October 2022; 91 FR 1684 for January 2026), not computed with the code under test.
"""

import pytest
from hypothesis import given, strategies as st

from chipcontrols.eccn3a090 import (
    JANUARY_2026,
    OCTOBER_2022,
    OCTOBER_2023,
    RULE_VERSIONS,
    Treatment,
    classify_under_every_version,
)

NAN = None  # an unknown figure


@pytest.mark.parametrize(
    ("tpp", "interconnect", "expected"),
    [
        (4_992, 600, "3A090"),  # A100: both tests met, exactly at 600 GB/s
        (15_832, 900, "3A090"),  # H100
        (15_832, 400, "not controlled"),  # H800: full compute, links cut below 600 GB/s
        (4_799, 900, "not controlled"),  # just under the TPP line
        (4_800, 599.9, "not controlled"),
        (2_368, 900, "not controlled"),  # H20
    ],
)
def test_october_2022_needs_both_tpp_and_interconnect(tpp, interconnect, expected):
    assert OCTOBER_2022.classify(tpp, NAN, interconnect_gbs=interconnect) == expected


def test_october_2022_ignores_density_and_flags_unknown_interconnect():
    assert OCTOBER_2022.classify(15_832, 0.1, interconnect_gbs=900) == "3A090"
    assert OCTOBER_2022.classify(15_832, NAN) == "undetermined (interconnect unknown)"
    # Below 4,800 the interconnect cannot matter, so an unknown one does not block a verdict.
    assert OCTOBER_2022.classify(2_000, NAN) == "not controlled"


@pytest.mark.parametrize(
    ("tpp", "density", "bandwidth", "expected"),
    [
        (15_832, 19.45, 4_800, "3A090.a, case-by-case"),  # H200
        (20_919, 25.0, 6_000, "3A090.a, case-by-case"),  # MI325X, just under both
        (21_000, 25.0, 6_000, "3A090.a, presumption of denial"),  # TPP ceiling reached
        (15_832, 19.45, 6_500, "3A090.a, presumption of denial"),  # bandwidth ceiling reached
        (15_832, 19.45, 6_499.9, "3A090.a, case-by-case"),
        (36_000, 30.0, 8_000, "3A090.a, presumption of denial"),  # B200
        (2_000, 6.0, 7_000, "3A090.a, presumption of denial"),  # dense small chip, 3A090.a.2
        (3_000, 2.0, 7_000, "3A090.b"),  # grey zone is not split
        (2_368, 2.91, 4_000, "not controlled"),  # H20
    ],
)
def test_january_2026_splits_3a090a_at_21000_tpp_and_6500_gbs(tpp, density, bandwidth, expected):
    assert JANUARY_2026.classify(tpp, density, memory_bandwidth_gbs=bandwidth) == expected


def test_january_2026_unknown_bandwidth_is_undetermined_only_where_it_matters():
    assert JANUARY_2026.classify(15_832, 19.45) == "undetermined (memory bandwidth unknown)"
    assert JANUARY_2026.classify(25_000, 19.45) == "3A090.a, presumption of denial"
    assert JANUARY_2026.classify(1_000, 1.0) == "not controlled"


@given(tpp=st.floats(500, 100_000), density=st.floats(0.1, 200), bandwidth=st.floats(0, 20_000))
def test_january_2026_is_october_2023_with_3a090a_split(tpp, density, bandwidth):
    before = OCTOBER_2023.classify(tpp, density)
    after = JANUARY_2026.classify(tpp, density, memory_bandwidth_gbs=bandwidth)
    if before != "3A090.a":
        assert after == before
    elif tpp < 21_000 and bandwidth < 6_500:
        assert after == "3A090.a, case-by-case"
    else:
        assert after == "3A090.a, presumption of denial"


@pytest.mark.parametrize("rule", [OCTOBER_2022, JANUARY_2026])
def test_versions_beyond_the_plane_refuse_to_draw_plane_regions(rule):
    with pytest.raises(ValueError, match="cannot be drawn"):
        rule.regions((500, 100_000), (0.5, 100))


def test_every_class_has_a_known_treatment_and_unknown_labels_are_rejected():
    for rule in RULE_VERSIONS:
        for label in rule.labels:
            assert isinstance(rule.treatment_of(label), Treatment)
    with pytest.raises(ValueError, match="not a class of the October 2022 rule"):
        OCTOBER_2022.treatment_of("3A090.b")


def test_every_chip_appears_once_under_every_version(chips):
    table = classify_under_every_version(chips)
    assert len(table) == len(chips) * len(RULE_VERSIONS)
    counts = table.groupby(["chip_id", "rule"]).size()
    assert set(counts) == {1}


def test_the_h800_story_and_the_h200_opening(chips):
    table = classify_under_every_version(chips).set_index(["chip_id", "rule"])["eccn_class"]
    assert table["nvidia-h800-sxm5", "October 2022"] == "not controlled"
    assert table["nvidia-h800-sxm5", "October 2023"] == "3A090.a"
    assert table["nvidia-h200-sxm", "January 2026"] == "3A090.a, case-by-case"
    assert table["nvidia-b200-hgx", "January 2026"] == "3A090.a, presumption of denial"
    assert table["nvidia-h20", "January 2026"] == "not controlled"
