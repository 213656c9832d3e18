"""`atazan import-news`: the driver. Steps, each its own function:

1. read   - read every dump (BOM and CRLF tolerated); an unreadable file stops the run.
2. parse  - parse.py turns text into items; unparseable chunks become `file:line` warnings.
3. group  - dedupe.py drops exact repeats and merges retellings.
4. judge  - relevance.py keeps stories about the reform, with the reason.
5. build  - the machine-made part of each record: sources, extract, references, themes.
6. plan   - compare with data/news/ on disk: new, updated, unchanged; curated parts are kept.
7. write  - unless --dry-run; then print the report and one summary line.

A record file is `id`, `date`, a `curated:` block people edit, then a marker comment and the
`machine:` block. The importer rewrites only what follows the marker, so curated text stays
byte for byte as a person left it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from atazan.importers.news import dedupe, parse, refs, relevance

MARKER = "# --- machine: written by `atazan import-news` on every run; edit `curated` above, not below ---"
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
    return Context(final.date if final and final.date else dt.date(2026, 2, 12), articles)


# 1-2. read and parse
def read_dumps(paths: list[str], report: Report, log=print) -> list[dedupe.Located]:
    located = []
    for number, path in enumerate(paths, start=1):
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise ImportError_(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None
        items, warnings = parse.parse_text(text, path)
        report.warnings += [str(w) for w in warnings]
        report.items += len(items)
        located += [dedupe.Located(item, path) for item in items]
        log(f"import-news: [{number}/{len(paths)}] {path}: {len(items)} items, {len(warnings)} warning(s)")
    if not located:
        raise ImportError_(f"no news items found in {len(paths)} file(s)")
    return located


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
        return f"{name} via Kazakhstan Today" if name else "Kazakhstan Today"
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
        key = (ref.version, ref.article, ref.paragraphs, ref.subparagraphs)
        if key in seen:
            continue
        seen.add(key)
        candidates = ctx.articles.get((ref.version, ref.article), []) if ref.version else []
        matches = [c for c in candidates if not c[1] or not ref.paragraphs or c[1] & set(ref.paragraphs)]
        entry = {"text": ref.text, "version": ref.version, "article": ref.article}
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
    return head + curated + MARKER + "\n" + _dump({"machine": machine})


def merge_existing(existing: str, machine: dict) -> str | None:
    """The file with its machine part replaced; None if the marker is gone (left alone)."""
    before, marker, _ = existing.replace("\r\n", "\n").partition(MARKER + "\n")
    if not marker:
        return None
    return before + MARKER + "\n" + _dump({"machine": machine})


def _curated_relevance(text: str) -> bool | None:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return None
    curated = data.get("curated") if isinstance(data, dict) else None
    value = curated.get("relevant") if isinstance(curated, dict) else None
    return value if isinstance(value, bool) else None


def run(paths: list[str], data_dir: str, ctx: Context, dry_run: bool = False, log=print) -> Report:
    report = Report()
    located = read_dumps(paths, report, log)
    stories = dedupe.group(located)
    news_dir = os.path.join(data_dir, "news")
    writes: dict[str, str] = {}
    for story in stories:
        sid = story_id(story)
        for r in story.repeats:
            report.repeats.append(f"{r.where}: exact repeat of {sid}")
        for n, v in enumerate(story.variants[1:], start=1):
            report.merged.append(f"{v.where}: retelling merged into {sid} (similarity {story.scores[n]})")
        verdict = relevance.judge(story.canonical)
        target = os.path.join(news_dir, f"{sid}.yml")
        existing = None
        if os.path.exists(target):
            with open(target, encoding="utf-8-sig") as handle:
                existing = handle.read()
        override = _curated_relevance(existing) if existing is not None else None
        if not verdict.relevant and override is not True:
            report.irrelevant.append(f"{story.variants[0].where}: {sid}: {verdict.reason}")
            if existing is not None:
                report.kept.append(f"{sid}: file exists, rule says irrelevant; left alone")
            continue
        machine = machine_block(story, verdict, ctx, report, sid)
        if existing is None:
            writes[target] = render_new(sid, min(v.item.date for v in story.variants).isoformat(), machine)
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
    if not dry_run:
        os.makedirs(news_dir, exist_ok=True)
        for target, content in writes.items():
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
    return report


def print_report(report: Report, log=print) -> None:
    for title, entries in (("new", report.new), ("updated", report.updated), ("unchanged", report.unchanged),
                           ("left alone", report.kept), ("merged", report.merged), ("exact repeats", report.repeats),
                           ("irrelevant", report.irrelevant), ("unmapped references", report.unmapped)):
        if entries:
            log(f"{title} ({len(entries)}):")
            for entry in entries:
                log(f"  {entry}")
