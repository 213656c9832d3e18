"""The dataset schema: the one source of truth for what a data file may hold.

Each record type is a pydantic model. `validate.py` checks files against these models and
turns pydantic's errors into one-line messages; cross-record rules (references, duplicate ids,
clashing article numbers) live there too, because a single file cannot see them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from atazan import LANGUAGES

Lang = Literal["kk", "ru", "en"]
TranslationStatus = Literal["original", "translated", "reviewed"]

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
VersionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:_[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A web address as RFC 3986 allows it written: http(s), a host, then only the characters a URL
# may hold unencoded (anything else percent-encoded). So no space, quote, <, >, backslash or
# control character can reach a page, where it could end a Markdown link or an HTML attribute.
URL_PATTERN = (r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
               r"(?:[/?#](?:[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*)?$")
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN)]


def _iso_date(value: Any) -> dt.date:
    # YAML already turns 2026-01-30 into a date; anything else must be that exact form.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("iso_date", "expected YYYY-MM-DD, got {got}", {"got": repr(value)})


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
# A paragraph or subparagraph number as news and fact-checks cite it: digits, nothing else (the
# article macro writes paragraph lists into pages as they are).
ParagraphNumber = Annotated[str, StringConstraints(pattern=r"^[0-9]+$")]


class Record(BaseModel):
    # Unknown keys are errors: a misspelt key would otherwise vanish without a word.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class LocalText(Record):
    """A text in one language, with its translation status."""

    text: Text
    status: TranslationStatus
    from_: Lang | None = Field(default=None, alias="from")
    # Fingerprint of the source-language text this translation was made from.
    source_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}$")] | None = None

    @model_validator(mode="after")
    def _from_matches_status(self) -> "LocalText":
        if self.status == "original" and self.from_ is not None:
            raise PydanticCustomError("status", "'from' is only for translated or reviewed text")
        if self.status != "original" and self.from_ is None:
            raise PydanticCustomError(
                "status", "'from' is required when status is '{status}'", {"status": self.status}
            )
        return self


def _all_languages(value: dict[str, LocalText]) -> dict[str, LocalText]:
    missing = [lang for lang in LANGUAGES if lang not in value]
    if missing:
        raise PydanticCustomError(
            "missing_language", "missing language {langs}", {"langs": ", ".join(missing)}
        )
    return value


LocalizedAll = Annotated[dict[Lang, LocalText], AfterValidator(_all_languages)]


class Source(Record):
    """Where a text or claim comes from, as a reader can check it."""

    outlet: Text
    title: Text
    date: IsoDate
    url: Url | None = None
    # Context a reader needs, such as who spoke, or why there is no URL.
    note: LocalizedAll | None = None

    @model_validator(mode="after")
    def _url_or_note(self) -> "Source":
        if self.url is None and self.note is None:
            raise PydanticCustomError("source", "give a url, or a note saying why there is none")
        return self


class TextVersion(Record):
    """One version of a provision's legal text, exactly as one source gives it."""

    version: VersionId
    number: Annotated[int, Field(ge=1, le=999)] | None = None  # null: the source gives none
    paragraphs: list[Annotated[str, StringConstraints(pattern=r"^[0-9]+$")]] = []
    # Numbered items such as "2)" when the source names them without their paragraph
    # ("subparagraphs 2), 4) and 8) of Article 46").
    subparagraphs: list[Annotated[str, StringConstraints(pattern=r"^[0-9]+\)$")]] = []
    text: Text | None = None
    text_kind: Literal["quote", "paraphrase"] | None = None
    text_language: Lang | None = None
    translation: Literal["official", "unofficial", "unknown"] | None = None
    # Ata Zan's own renderings of `text` into other languages; never the official wording.
    translations: dict[Lang, LocalText] = {}
    source: Source
    note: LocalizedAll | None = None
    # The fingerprint of the text this entry points at when a person last checked the explanation
    # against it (dataset/explanations.py); `atazan stamp` writes it.
    explains_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}$")] | None = None

    @model_validator(mode="after")
    def _text_is_described(self) -> "TextVersion":
        if self.text is not None:
            for key in ("text_kind", "text_language"):
                if getattr(self, key) is None:
                    raise PydanticCustomError(
                        "text", "'{key}' is required when 'text' is given", {"key": key}
                    )
        elif self.translations:
            raise PydanticCustomError("text", "'translations' need a 'text' to translate")
        return self


class Explanation(Record):
    says: LocalizedAll  # what the provision says
    changed: LocalizedAll  # what changed between versions
    means: LocalizedAll  # what it means for a person


class Provision(Record):
    id: Slug
    section: Slug | None = None  # null: the sources do not say
    themes: list[Slug] = Field(min_length=1)
    related: list[Slug] = []
    title: LocalizedAll
    summary: LocalizedAll
    explanation: Explanation
    versions: list[TextVersion] = Field(min_length=1)


class Theme(Record):
    id: Slug
    order: int = 100
    title: LocalizedAll
    summary: LocalizedAll
    explainer: LocalizedAll
    questions: list[LocalizedAll] = []  # discussion questions for roundtables


class GlossaryTerm(Record):
    id: Slug
    term: LocalizedAll
    definition: LocalizedAll
    provisions: list[Slug] = []


# A registry code of the state's legal information system (K950001000_, K2600000000): letters,
# digits and the underscore only, so a portal address made from it (website/official.py) is safe.
REGISTRY_PATTERN = r"[A-Z][A-Z0-9_]{4,19}"  # whole string: re.fullmatch (a `$` lets a final newline pass)
RegistryCode = Annotated[str, StringConstraints(pattern=f"^{REGISTRY_PATTERN}$")]


class VersionKind(Record):
    id: VersionId
    date: IsoDate | None = None
    label: LocalizedAll
    description: LocalizedAll
    sources: list[Url] = []
    # Where the official text of this version is published, by its registry code: the site links the
    # official portal's page of it (website/official.py), also while data/texts/ holds no text of it.
    registry: RegistryCode | None = None


class Section(Record):
    id: Slug
    number: Annotated[str, StringConstraints(pattern=r"^[IVXLC]+$")] | None = None
    title: LocalizedAll
    source_note: LocalizedAll | None = None


class Outlet(Record):
    """How the site names an outlet in each language (data/outlets.yml): outlets, institutions and
    our own timeline are named in the reader's language; only a source's own title stays as published."""

    outlet: Text  # exactly as records write it (the news importer's `outlet`, a source's `outlet`)
    name: Annotated[dict[Lang, Text], AfterValidator(_all_languages)]


class TimelineEvent(Record):
    date: IsoDate
    # A short heading per language (the timeline's headings, the news index, search); None: the date only.
    title: LocalizedAll | None = None
    event: LocalizedAll
    sources: list[Url] = Field(min_length=1)
    version: VersionId | None = None


class NewsSource(Record):
    """One outlet's telling of a news story; url is None when the dump gives no link."""

    outlet: Text
    title: Text
    date: IsoDate
    url: Url | None = None


class NewsExtract(Record):
    """Sentences copied from the story by the importer: extracted, not written by us."""

    text: Text
    kind: Literal["extracted"]
    language: Lang


class NewsReference(Record):
    """An article reference as the story words it, and the provision records it maps to."""

    text: Text
    version: VersionId | None  # None: the story does not say which text it means
    article: Annotated[int, Field(ge=1, le=999)]
    paragraphs: list[ParagraphNumber] = []
    subparagraphs: list[ParagraphNumber] = []
    provisions: list[Slug] = []  # empty: no provision record has this article yet


class NewsRelevance(Record):
    relevant: bool
    reason: Text


class NewsMachine(Record):
    """Written by `atazan import-news` and rewritten on every run."""

    title: Text
    outlet: Text
    sources: list[NewsSource] = Field(min_length=1)
    summary: NewsExtract
    themes: list[Slug] = []
    references: list[NewsReference] = []
    relevance: NewsRelevance


def _not_in_capitals(value: dict[str, LocalText]) -> dict[str, LocalText]:
    # Outlets often send headlines in capitals; a reader's headline is in sentence case.
    for lang, entry in value.items():
        letters = [c for c in entry.text if c.isalpha() and c.lower() != c.upper()]
        if len(letters) >= 4 and not any(c.islower() for c in letters):
            raise PydanticCustomError(
                "capitals", "the {lang} headline is in capitals: write it in sentence case", {"lang": lang}
            )
    return value


Headline = Annotated[LocalizedAll, AfterValidator(_not_in_capitals)]


class NewsCurated(Record):
    """Written by people; the importer never touches it. None: not curated yet."""

    relevant: bool | None = None  # overrides machine.relevance
    # Our headline in each language, in sentence case; machine.title stays the source's own title.
    headline: Headline | None = None
    summary: LocalizedAll | None = None
    themes: list[Slug] | None = None  # checked by hand; replaces machine.themes
    provisions: list[Slug] | None = None  # checked by hand


class NewsItem(Record):
    id: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")]
    date: IsoDate
    curated: NewsCurated = NewsCurated()
    machine: NewsMachine

    @model_validator(mode="after")
    def _id_starts_with_date(self) -> "NewsItem":
        if not self.id.startswith(self.date.isoformat()):
            raise PydanticCustomError("id", "the id must start with the date {date}", {"date": self.date.isoformat()})
        return self


class CheckedArticle(Record):
    """An article a fact-check compared the claim with, by version and number."""

    version: VersionId
    article: Annotated[int, Field(ge=1, le=999)]
    paragraphs: list[ParagraphNumber] = []


class FactCheck(Record):
    """A circulating claim, what the texts actually say, and where to check it."""

    id: Slug
    date: IsoDate  # when the claim was reported
    claim: LocalizedAll
    finding: LocalizedAll
    verdict: Literal["false", "misleading", "accurate", "unproven"]
    checked: list[CheckedArticle] = []
    provisions: list[Slug] = []
    news: list[Slug] = []
    sources: list[NewsSource] = Field(min_length=1)


class RejectedVariant(Record):
    """A word we do not use for a concept in one language, and why (data/terms.yml)."""

    lang: Lang
    pattern: Text  # a regular expression
    why: Text
    case: Literal["sensitive"] | None = None  # default: matched case-insensitively
    in_quotes: bool = False  # allowed inside quotation marks only, where a source says it


class PreferredTerm(Record):
    """One concept, one word per language: the glossary contributors and tests/language/test_terms.py use."""

    concept: Text
    preferred: Annotated[dict[Lang, Text], AfterValidator(_all_languages)]
    rejected: list[RejectedVariant] = Field(min_length=1)


# Which model each part of data/ holds; the one table the loader and the schema export share.
COLLECTIONS: dict[str, type[Record]] = {
    "provisions": Provision,
    "themes": Theme,
    "glossary": GlossaryTerm,
    "news": NewsItem,
    "factchecks": FactCheck,
}
LISTS: dict[str, type[Record]] = {
    "versions.yml": VersionKind,
    "sections.yml": Section,
    "timeline.yml": TimelineEvent,
    "outlets.yml": Outlet,
}
# Lists a dataset may leave out: without outlets.yml every outlet is shown as its records write it.
OPTIONAL_LISTS = {"outlets.yml"}
# Lists in data/ for contributors and tests, not rendered, so the loader does not read them.
REFERENCE_LISTS: dict[str, type[Record]] = {
    "terms.yml": PreferredTerm,
}


def url_problem(url: str) -> str | None:
    """Why `url` is not a web address URL_PATTERN accepts, in words; None if it is one."""
    if re.fullmatch(URL_PATTERN, url):
        return None
    if not re.match(r"https?://", url):
        return f"expected a web address starting with http:// or https://, got {url!r}"
    bad = re.search(r"%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]", url)
    if bad:
        return (f"not a valid web address: {bad.group(0)!r} at position {bad.start() + 1} must be percent-encoded "
                f"(spaces, quotes, <, >, backslashes and letters outside ASCII are not allowed), got {url!r}")
    return f"not a valid web address: expected a host name after the scheme, got {url!r}"
