"""`atazan import-news`: the driver. Steps, each its own function:

1. read   - read every dump (BOM and CRLF tolerated); an unreadable file stops the run.
2. parse  - parse.py turns text into items; unparseable chunks become `file:line` warnings.
3. group  - dedupe.py drops exact repeats and merges retellings.
4. judge  - relevance.py keeps stories about the reform, with the reason.
5. build  - the machine-made part of each record: sources, extract, references, themes.
6. plan   - compare with data/news/ on disk: new, updated, unchanged; curated parts are kept.
7. write  - unless --dry-run; then print the report and one summary line.

A record file is its schema line, `id`, `date`, a `curated:` block people edit, then a marker comment and the
`machine:` block. The importer rewrites only what follows the marker, so curated text stays
byte for byte as a person left it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
import dataclasses
from dataclasses import dataclass, field

import yaml

from atazan.dataset import textrules
from atazan.dataset.load import BIDI_CONTROLS
from atazan.dataset.schema import URL_PATTERN
from atazan.errors import display_path
from atazan.fsutil import read_regular, write_atomic
from atazan.importers.news import dedupe, parse, refs, relevance

MARKER = "# --- machine: written by `atazan import-news` on every run; edit `curated` above, not below ---"
# The first line of a new record, as of every other data file: editors that use the YAML language
# server check the record against its JSON Schema as people type (tools/schema_export.py).
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/news-item.schema.json"
_OUTLET_IN_TEXT = re.compile(r"Qazinform News Agency|primeminister\.kz|akorda\.kz", re.IGNORECASE)
_GOVKZ_ENTITY = re.compile(r"gov\.kz/memleket/entities/([^/]+)/")
_SLUG_STOP = frozenset("the a an of and to in on for is are be by with at from its".split())


class ImportError_(Exception):
    """Unusable input: the run stops with this one line."""


@dataclass
class Context:
    """What the importer needs from the dataset: versions' dates and provision numbering."""

    final_draft_date: dt.date
    # (version, article number) -> [(provision id, paragraphs it covers, its themes)]
    articles: dict[tuple[str, int], list[tuple[str, frozenset[str], tuple[str, ...]]]]
    # version -> the day it was published; a story cannot quote a version published after it.
    version_dates: dict[str, dt.date] = field(default_factory=dict)


@dataclass
class Report:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # files left alone, with the reason
    merged: list[str] = field(default_factory=list)
    repeats: list[str] = field(default_factory=list)
    irrelevant: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    items: int = 0

    def summary(self) -> str:
        return (f"import-news: {self.items} items read; {len(self.new)} new, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged, {len(self.merged)} merged, {len(self.repeats)} exact repeats dropped, "
                f"{len(self.irrelevant)} irrelevant, {len(self.unmapped)} unmapped references, {len(self.warnings)} warnings")


def context_from_dataset(dataset) -> Context:
    articles: dict = {}
    for pid, provision in sorted(dataset.provisions.items()):
        for version in provision.versions:
            if version.number is not None:
                articles.setdefault((version.version, version.number), []).append(
                    (pid, frozenset(version.paragraphs), tuple(provision.themes)))
    final = dataset.versions.get(refs.FINAL_DRAFT)
    return Context(final.date if final and final.date else dt.date(2026, 2, 12), articles,
                   {vid: v.date for vid, v in dataset.versions.items() if v.date})


# A dump is a few hundred news items in some 50 KB; a hundred times that is no dump.
MAX_DUMP_BYTES = 64 * 1024 * 1024


# 1-2. read and parse
def read_dumps(paths: list[str], report: Report, log=print) -> list[dedupe.Located]:
    located = []
    for number, path in enumerate(paths, start=1):
        try:
            text = read_regular(path, MAX_DUMP_BYTES).decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise ImportError_(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None
        items, warnings = parse.parse_text(text, path)
        report.warnings += [str(w) for w in warnings]
        for item in items:
            report.warnings += _neutralise(item, path)
        report.items += len(items)
        located += [dedupe.Located(item, path) for item in items]
        log(f"import-news: [{number}/{len(paths)}] {path}: {len(items)} items, {len(warnings)} warning(s)")
    if not located:
        raise ImportError_(f"no news items found in {len(paths)} file(s)")
    return located


# Control characters, and the bidirectional controls that display text in another order than
# it is stored (U+202E): no news text needs them, and the data loader refuses files holding them.
# Unicode non-characters too (textrules.FORBIDDEN, the rules the loader applies to what this writes).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]|" + textrules.FORBIDDEN.pattern)


def _neutralise(item: parse.RawItem, path: str) -> list[str]:
    """Removes unprintable characters from the item and drops a source address that is not a
    web address (URL_PATTERN), so a dump cannot put `javascript:` or a `>` into a record; each
    change is a warning naming the item."""
    warnings = []
    found = sorted({f"U+{ord(c):04X}" for text in [item.title, *item.body] for c in _UNPRINTABLE.findall(text)})
    if found:
        item.title = _UNPRINTABLE.sub("", item.title)
        item.body = [_UNPRINTABLE.sub("", line) for line in item.body]
        warnings.append(f"{path}:{item.line}: removed control characters {', '.join(found)}")
    if item.url is not None and not re.fullmatch(URL_PATTERN, item.url):
        warnings.append(f"{path}:{item.line}: source address {item.url!r} is not a web address; left out")
        item.url = None
    return warnings


# 5. build
def slug(title: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_) if w not in _SLUG_STOP][:7]
    if not words:  # a title with no Latin letters: a stable fingerprint instead
        return "item-" + hashlib.sha1(dedupe.normalize(title).encode()).hexdigest()[:8]
    return "-".join(words)


def story_id(story: dedupe.Story) -> str:
    return f"{min(v.item.date for v in story.variants).isoformat()}-{slug(story.canonical.title)}"


def outlet(item: parse.RawItem) -> str:
    if item.layout == "kazakhstan-today":
        found = _OUTLET_IN_TEXT.search(item.text)
        name = {"qazinform news agency": "Qazinform"}.get(found.group(0).lower(), found.group(0)) if found else None
        # "via" only where the dump itself credits the site: the same page layout without that
        # footer (the 27-28 January dump) names Qazinform alone (issue 12, T12).
        if name and item.credited_to:
            return f"{name} via {item.credited_to}"
        return name or item.credited_to or "Kazakhstan Today"
    entity = _GOVKZ_ENTITY.search(item.url or "")
    # Without a URL the dump does not say which gov.kz entity published the item; the outlet is
    # shown on pages in every language, so it names only what is known.
    return f"gov.kz ({entity.group(1)})" if entity else "gov.kz"


# The extract is shown on the news page as a quotation of the source, and we quote only short
# fragments: the first sentence, cut at this many words.
EXTRACT_WORDS = 25


def extract_summary(item: parse.RawItem, words: int = EXTRACT_WORDS) -> str:
    text = re.sub(r"^\*[^*]+\*\s*", "", " ".join(item.text.split()))  # a repeated *title* opener
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text)[0].split()
    if not first:
        return item.title
    return " ".join(first) if len(first) <= words else " ".join(first[:words]).rstrip(",;:") + " …"


def machine_block(story: dedupe.Story, verdict: relevance.Verdict, ctx: Context, report: Report, sid: str) -> dict:
    found: list[dict] = []
    themes: set[str] = set()
    seen = set()
    for ref in refs.extract(story.canonical.text, story.canonical.date, ctx.final_draft_date):
        published = ctx.version_dates.get(ref.version) if ref.version else None
        if published and story.canonical.date < published:
            # "the draft" in a story older than the first draft is no version we hold.
            ref = dataclasses.replace(ref, version=None)
        key = (ref.version, ref.article, ref.paragraphs, ref.subparagraphs)
        if key in seen:
            continue
        seen.add(key)
        candidates = ctx.articles.get((ref.version, ref.article), []) if ref.version else []
        matches = [c for c in candidates if not c[1] or not ref.paragraphs or c[1] & set(ref.paragraphs)]
        entry: dict[str, object] = {"text": ref.text, "version": ref.version, "article": ref.article}
        if ref.paragraphs:
            entry["paragraphs"] = list(ref.paragraphs)
        if ref.subparagraphs:
            entry["subparagraphs"] = list(ref.subparagraphs)
        entry["provisions"] = sorted({c[0] for c in matches})  # a provision may hold one article twice (two sources)
        for c in matches:
            themes.update(c[2])
        if not matches:
            why = "version not stated" if ref.version is None else "no provision record has this article"
            report.unmapped.append(f"{sid}: '{ref.text}' ({why})")
        found.append(entry)
    sources = []
    for v in sorted(story.variants + story.repeats, key=dedupe.Located.sort_key):
        source = {"outlet": outlet(v.item), "title": v.item.title, "date": v.item.date.isoformat()}
        if v.item.url:
            source["url"] = v.item.url
        if source not in sources:
            sources.append(source)
    return {
        "title": story.canonical.title,
        "outlet": outlet(story.canonical),
        "sources": sources,
        "summary": {"text": extract_summary(story.canonical), "kind": "extracted", "language": "en"},
        "themes": sorted(themes),
        "references": found,
        "relevance": {"relevant": verdict.relevant, "reason": verdict.reason},
    }


# 6-7. plan and write
def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def render_new(sid: str, date: str, machine: dict) -> str:
    head = _dump({"id": sid, "date": dt.date.fromisoformat(date)})
    curated = ("# curated: written by people, never touched by the importer. Add headline and summary (kk, ru,\n"
               "# en, each with status), themes, provisions (checked by hand) and, to override the rule, relevant.\n"
               "curated: {}\n")
    return SCHEMA_LINE + "\n" + head + curated + MARKER + "\n" + _dump({"machine": machine})


def merge_existing(existing: bytes, machine: dict) -> bytes | None:
    """The file with its machine part replaced; None if the marker is gone (left alone).

    Everything up to and including the marker line is kept byte for byte (a byte-order mark,
    CRLF line ends, a person's spacing); the new machine block uses the marker line's line end."""
    marker = MARKER.encode("utf-8")
    at = existing.find(marker)
    if at < 0:
        return None
    rest = existing[at + len(marker):]
    newline = b"\r\n" if rest.startswith(b"\r\n") else b"\n"
    if not rest.startswith(newline):
        return None  # text after the marker on its line: a person edited it; left alone
    head = existing[: at + len(marker)] + newline
    return head + _dump({"machine": machine}).replace("\n", newline.decode()).encode("utf-8")


def _load_record(text: str) -> dict:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _curated_relevance(record: dict) -> bool | None:
    curated = record.get("curated")
    value = curated.get("relevant") if isinstance(curated, dict) else None
    return value if isinstance(value, bool) else None


def _items_of(story: dedupe.Story) -> list[parse.RawItem]:
    return [v.item for v in story.variants + story.repeats]


def story_owners(stories: list[dedupe.Story]) -> dict[tuple[str, str], int]:
    """(title, date) of every item read -> the index of the story it belongs to."""
    return {(i.title, i.date.isoformat()): n for n, story in enumerate(stories) for i in _items_of(story)}


def _written_for_another(record: dict, index: int, owners: dict[tuple[str, str], int]) -> bool:
    """Whether the record on disk was written for another story of this run: its sources are
    items of that story and none is this story's. A file whose sources match no story read
    now (a hand-made or older record) is taken to be this id's, as before."""
    machine = record.get("machine")
    sources = machine.get("sources") if isinstance(machine, dict) else None
    if not isinstance(sources, list):
        return False
    found = {owners.get((str(s.get("title")), str(s.get("date")))) for s in sources if isinstance(s, dict)} - {None}
    return bool(found) and index not in found


def _fingerprint(story: dedupe.Story) -> str:
    canonical = story.canonical
    text = dedupe.normalize(canonical.title) + "\n" + dedupe.normalize(canonical.text)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def assign_id(story: dedupe.Story, index: int, owners: dict[tuple[str, str], int], news_dir: str,
              taken: dict[str, dedupe.Story], report: Report) -> tuple[str, bytes | None]:
    """The story's record id and the bytes of its file on disk (None: new).

    Two different stories of one day can slug to one id (the slug keeps seven title words); the
    second then gets the id with a fingerprint of its own text appended, so neither record
    overwrites the other, on this run or against a file an earlier run wrote for the other."""
    base = story_id(story)
    for sid in (base, f"{base}-{_fingerprint(story)}"):
        if sid in taken:
            continue
        target = os.path.join(news_dir, f"{sid}.yml")
        existing = _read_record(target)
        if existing is not None and _written_for_another(_load_record(existing.decode("utf-8-sig", "replace")), index, owners):
            continue
        if sid != base:
            report.warnings.append(f"{story.variants[0].where}: id {base} is another story's; this one is {sid}")
        return sid, existing
    raise ImportError_(f"{story.variants[0].where}: id {base} and {base}-{_fingerprint(story)} both belong to other "
                       f"stories; rename one of data/news/{base}*.yml by hand")


def _read_record(path: str) -> bytes | None:
    if not os.path.lexists(path):
        return None
    if not os.path.isfile(path) or os.path.islink(path):
        raise ImportError_(f"{path}: not a regular file; the importer writes only plain record files")
    with open(path, "rb") as handle:
        return handle.read()


def run(paths: list[str], data_dir: str, ctx: Context, dry_run: bool = False, log=print) -> Report:
    report = Report()
    located = read_dumps(paths, report, log)
    stories = dedupe.group(located)
    news_dir = os.path.join(data_dir, "news")
    writes: dict[str, bytes] = {}
    taken: dict[str, dedupe.Story] = {}
    owners = story_owners(stories)
    for index, story in enumerate(stories):
        sid, existing = assign_id(story, index, owners, news_dir, taken, report)
        taken[sid] = story
        for r in story.repeats:
            report.repeats.append(f"{r.where}: exact repeat of {sid}")
        for n, v in enumerate(story.variants[1:], start=1):
            report.merged.append(f"{v.where}: retelling merged into {sid} (similarity {story.scores[n]})")
        verdict = relevance.judge(story.canonical)
        target = os.path.join(news_dir, f"{sid}.yml")
        override = _curated_relevance(_load_record(existing.decode("utf-8-sig", "replace"))) if existing is not None else None
        if not verdict.relevant and override is not True:
            report.irrelevant.append(f"{story.variants[0].where}: {sid}: {verdict.reason}")
            if existing is not None:
                report.kept.append(f"{sid}: file exists, rule says irrelevant; left alone")
            continue
        machine = machine_block(story, verdict, ctx, report, sid)
        if existing is None:
            writes[target] = render_new(sid, min(v.item.date for v in story.variants).isoformat(), machine).encode("utf-8")
            report.new.append(sid)
            continue
        merged = merge_existing(existing, machine)
        if merged is None:
            report.kept.append(f"{sid}: machine marker missing; file left alone")
        elif merged == existing:
            report.unchanged.append(sid)
        else:
            writes[target] = merged
            report.updated.append(sid)
    if len(writes) != len(report.new) + len(report.updated):  # ids are unique (assign_id); a bug otherwise
        raise ImportError_(f"internal error: {len(writes)} files to write for "
                           f"{len(report.new) + len(report.updated)} new or updated records; nothing written")
    if not dry_run:
        _write_all(sorted(writes.items()), os.path.dirname(os.path.abspath(data_dir)))
    return report


def _write_all(writes: list[tuple[str, bytes]], root: str) -> None:
    # A read-only folder, a full disk or a linked data/news (leading out of the project) stops the
    # run with one line; each file is replaced whole or not at all (fsutil.write_atomic).
    for done, (target, content) in enumerate(writes):
        try:
            write_atomic(target, content, root=root)
        except OSError as error:
            raise ImportError_(f"{display_path(target, root)}: cannot write: {error.strerror or error}; "
                               f"{done} of {len(writes)} record(s) written before it, the rest not (each file is whole)") from None


def print_report(report: Report, log=print) -> None:
    for title, entries in (("new", report.new), ("updated", report.updated), ("unchanged", report.unchanged),
                           ("left alone", report.kept), ("merged", report.merged), ("exact repeats", report.repeats),
                           ("irrelevant", report.irrelevant), ("unmapped references", report.unmapped)):
        if entries:
            log(f"{title} ({len(entries)}):")
            for entry in entries:
                log(f"  {entry}")
