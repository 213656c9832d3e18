"""An outlet as a reader sees it: named in the reader's language (data/outlets.yml).

Source labels on kk and ru pages carry no English words: an outlet, an institution or our own
timeline is named in the page's language. An outlet the table does not name yet is shown as the
record writes it (the news dumps are English) and marked as English, so a screen reader reads it
right and tests/language/test_source_labels.py names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang

# The language the importer writes outlets in: the dumps are English.
RECORDED_LANG: Lang = "en"


@dataclass(frozen=True)
class OutletName:
    text: str
    lang: Lang  # the language of `text`: the reader's, or RECORDED_LANG for an outlet not in the table


def outlet_name(dataset: Dataset, outlet: str, lang: Lang) -> OutletName:
    named = dataset.outlets.get(outlet)
    if named is None:
        return OutletName(outlet, RECORDED_LANG)
    return OutletName(named.name[lang], lang)
