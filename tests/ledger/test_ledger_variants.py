"""Chapter 1's per-student variants: reproducible, distinct, inside the ranges, answerable."""

from __future__ import annotations

import pytest

from chipcontrols import ledger
from chipcontrols.ledger.checks import check_binding
from chipcontrols.ledger.variants import SCENARIO_PARAMETERS, chapter1_variant

STUDENTS = [f"s{n:07d}" for n in range(40)]


def test_variants_are_per_student_reproducible_and_distinct():
    variants = [chapter1_variant(student) for student in STUDENTS]
    assert chapter1_variant(" s0000001 ") == variants[1]
    assert len({(v.chip, tuple(v.scenario.items())) for v in variants}) == len(STUDENTS)


@pytest.mark.parametrize("student", STUDENTS)
def test_every_variant_is_inside_the_ranges_and_answerable(student):
    variant = chapter1_variant(student)
    assert tuple(variant.scenario) == SCENARIO_PARAMETERS
    result = ledger.ledger(**variant.scenario)  # every value inside its declared range
    assert check_binding(result.binding[0], volume=result.volume, **variant.scenario).correct
    assert 1_200 <= 8 * variant.chip.dense_8bit_tops <= 6_000  # spans every 3A090 line


def test_a_bad_student_id_is_refused():
    with pytest.raises(ValueError, match="is not a student id"):
        chapter1_variant(...)
