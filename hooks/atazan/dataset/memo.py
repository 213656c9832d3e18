"""Figures computed once per loaded dataset instead of once per page.

A Dataset is a mutable dataclass, so it cannot be a dict key; it is also never changed after
load_dataset returns it. The cache therefore keeps the result for the last dataset, by identity.
The decorators keep the signature of what they wrap (ParamSpec), so a call of a memoised model
builder is type-checked like a call of the builder itself.
"""

from __future__ import annotations

import functools
from typing import Callable, Concatenate, Hashable, ParamSpec, TypeVar

T = TypeVar("T")
D = TypeVar("D")
P = ParamSpec("P")


def per_dataset(compute: Callable[[D], T]) -> Callable[[D], T]:
    """`compute(dataset)`, recomputed only when called with another dataset object."""
    last: list[object] = [None, None]

    @functools.wraps(compute)
    def cached(dataset: D) -> T:
        if last[0] is not dataset:
            last[0], last[1] = dataset, compute(dataset)
        return last[1]  # type: ignore[return-value]  # set from compute() just above

    return cached


def per_dataset_key(compute: Callable[Concatenate[D, P], T]) -> Callable[Concatenate[D, P], T]:
    """`compute(dataset, *key)`, made once per dataset and key: a page model (a provision in one
    language, say) that its page, the indexes, handouts, exports and feeds all show is built once
    per build and shared. Models are never changed after they are returned. The key is passed
    positionally, so that one model is never made twice under two spellings of its key."""
    last: list[object] = [None, {}]

    @functools.wraps(compute)
    def cached(dataset: D, /, *key: P.args, **named: P.kwargs) -> T:
        if named:
            raise TypeError(f"{compute.__name__}: pass the key positionally, not as {sorted(named)}")
        if last[0] is not dataset:
            last[0], last[1] = dataset, {}
        made: dict[tuple[Hashable, ...], T] = last[1]  # type: ignore[assignment]  # only this function fills it
        if key not in made:
            made[key] = compute(dataset, *key, **named)
        return made[key]

    return cached
