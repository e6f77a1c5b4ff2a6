"""One salt convention for every model's per-student variants."""

from __future__ import annotations

import importlib

import pytest

import chipcontrols
from chipcontrols.core import variants

#: Each model's variant function, by the model's name.
VARIANTS = {
    "ledger": "chapter1_variant",
    "tools_vs_chips": "chapter2_variant",
    "coalition": "chapter3_variant",
    "catchup": "chapter4_variant",
    "hedging": "chapter5_variant",
}


def test_every_model_has_variants():
    assert set(VARIANTS) == set(chipcontrols.CHAPTER_MODELS)


@pytest.mark.parametrize("model", sorted(VARIANTS))
def test_each_model_salts_every_draw_with_its_own_name(model, monkeypatch):
    drawn = []
    fraction = variants.fraction

    def recording(student_id, model_name, label):
        drawn.append((model_name, label))
        return fraction(student_id, model_name, label)

    monkeypatch.setattr(variants, "fraction", recording)
    module = importlib.import_module(f"chipcontrols.{model}.variants")
    assert model == module.MODEL
    getattr(module, VARIANTS[model])("s1234567")
    assert drawn and {name for name, _ in drawn} == {model}
    assert len({label for _, label in drawn}) == len(drawn)  # no label drawn twice


def test_the_same_label_in_two_models_draws_differently():
    draws = {model: variants.fraction("s1234567", model, "die") for model in VARIANTS}
    assert len(set(draws.values())) == len(draws)


def test_an_unknown_model_name_is_refused():
    with pytest.raises(ValueError, match="not a model's name"):
        variants.between("s1234567", "ch3", "mu", 0.25, 0.5, 0.01)


@pytest.mark.parametrize("student_id", [..., "", "   ", 1234567])
def test_a_bad_student_id_is_refused_before_the_model(student_id):
    with pytest.raises(ValueError, match="is not a student id"):
        variants.fraction(student_id, "not a model", "label")
