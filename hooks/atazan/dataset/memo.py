"""Figures computed once per loaded dataset instead of once per page.

A Dataset is a mutable dataclass, so it cannot be a dict key; it is also never changed after
load_dataset returns it. The cache therefore keeps the result for the last dataset, by identity.
"""

from __future__ import annotations

import functools
from typing import Callable, TypeVar

T = TypeVar("T")


def per_dataset(compute: Callable[[object], T]) -> Callable[[object], T]:
    """`compute(dataset)`, recomputed only when called with another dataset object."""
    last: list = [None, None]

    @functools.wraps(compute)
    def cached(dataset):
        if last[0] is not dataset:
            last[0], last[1] = dataset, compute(dataset)
        return last[1]

    return cached


def per_dataset_key(compute: Callable[..., T]) -> Callable[..., T]:
    """`compute(dataset, *key)`, made once per dataset and key: a page model (a provision in one
    language, say) that its page, the indexes, handouts, exports and feeds all show is built once
    per build and shared. Models are never changed after they are returned."""
    last: list = [None, {}]

    @functools.wraps(compute)
    def cached(dataset, *key):
        if last[0] is not dataset:
            last[0], last[1] = dataset, {}
        made = last[1]
        if key not in made:
            made[key] = compute(dataset, *key)
        return made[key]

    return cached
