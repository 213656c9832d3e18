"""The loaded dataset: every record of data/, by kind and id, as `validate.load_dataset` returns
it once checked. Models and exports read it; nothing changes it after loading."""

from __future__ import annotations

from dataclasses import dataclass, field

from atazan.dataset import schema
from atazan.dataset.correspondence import Table
from atazan.dataset.explanations import Check
from atazan.dataset.translations import Translation
from atazan.dataset.texts import Texts
from atazan.errors import Problem


@dataclass
class Dataset:
    root: str  # the project folder; paths in messages and edit links are relative to it
    provisions: dict[str, schema.Provision] = field(default_factory=dict)
    themes: dict[str, schema.Theme] = field(default_factory=dict)
    glossary: dict[str, schema.GlossaryTerm] = field(default_factory=dict)
    news: dict[str, schema.NewsItem] = field(default_factory=dict)
    factchecks: dict[str, schema.FactCheck] = field(default_factory=dict)
    versions: dict[str, schema.VersionKind] = field(default_factory=dict)
    sections: dict[str, schema.Section] = field(default_factory=dict)
    # Each outlet's name per language (data/outlets.yml), keyed by the outlet as records write it.
    outlets: dict[str, schema.Outlet] = field(default_factory=dict)
    timeline: list[schema.TimelineEvent] = field(default_factory=list)
    # Record id -> the data file it came from, for edit links and messages.
    origin: dict[tuple[str, str], str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    # Every text in every language with its translation state (translations.py). Kept apart from
    # `warnings`: an outdated translation is reported, but never stops the build.
    translations: list[Translation] = field(default_factory=list)
    # The Constitution's own text per version and language (texts.py); empty until imported.
    texts: Texts = field(default_factory=Texts)
    # Which article of each version is which (correspondence.py); None until `atazan match` ran.
    correspondence: Table | None = None
    # Each provision entry's text fingerprint against the text now held (explanations.py).
    explanations: list[Check] = field(default_factory=list)
