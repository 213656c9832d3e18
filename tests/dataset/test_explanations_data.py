"""The committed dataset: every explanation that points at a text carries its fingerprint, and
none is outdated (dataset/explanations.py)."""

from __future__ import annotations

from conftest import ROOT

from atazan.dataset import explanations
from atazan.dataset.validate import load_dataset


def test_every_committed_explanation_is_stamped_and_current():
    dataset = load_dataset(str(ROOT / "data"), str(ROOT))
    assert dataset.explanations, "no provision entry points at a text"
    states = {(c.path, c.field): c.state for c in dataset.explanations}
    assert {k: s for k, s in states.items() if s != explanations.CURRENT} == {}
