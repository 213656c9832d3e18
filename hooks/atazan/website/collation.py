"""Alphabetical order as readers of each language expect it, for every list sorted for readers.

Python's own order is by code point, which puts the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І after Я
(Құрылтай and Әкім after Яндекс). ICU's collation for `kk` follows the Kazakh alphabet
(А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я), the one for
`ru` the Russian alphabet (Ё with Е), and both ignore case; tests/website/test_collation.py checks the
letters against that list, so a change in ICU's data fails there, not on a page.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, TypeVar

import icu

T = TypeVar("T")


@lru_cache(maxsize=None)
def _collator(lang: str) -> "icu.Collator":
    return icu.Collator.createInstance(icu.Locale(lang))


def sort_key(lang: str) -> Callable[[str], bytes]:
    """The sort key of a text for readers of `lang` (kk, ru, en)."""
    return _collator(lang).getSortKey


def sorted_for(lang: str, items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """`items` in the alphabetical order of `lang`, by the text `key` gives; ties keep their order."""
    collate = sort_key(lang)
    return sorted(items, key=lambda item: collate(key(item)))
