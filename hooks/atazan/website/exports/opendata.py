"""The public open-data export: `api/v1/<lang>.json`, one object per language.

Documented in docs/<lang>/open-data.md. Fields only ever get added within v1.
"""

from __future__ import annotations

import json
import os

from atazan import LANGUAGES
from atazan.dataset import schema
from atazan.dataset.model import Dataset
from atazan.dataset.schema import Lang
from atazan.dataset.texts import article_eid
from atazan.fsutil import write_atomic
from atazan.website import comparison, held, legaltext, routes
from atazan.website.exports import akn
from atazan.website.kinds import changes, kk_ru
from atazan.website.kinds.handout import pairs_of
from atazan.website.kinds.news import headline, provisions_of, shown_ids, themes_of
from atazan.website.kinds.theme import sorted_themes

API_VERSION = "v1"  # routes.API_DIR


def _status(record: schema.Record, lang: Lang) -> dict[str, str]:
    # Per-field translation status of every localized field of a record.
    out: dict[str, str] = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if isinstance(value, dict) and lang in value and isinstance(value[lang], schema.LocalText):
            out[name] = value[lang].status
        elif isinstance(value, schema.Explanation):
            out.update({f"{name}.{k}": v for k, v in _status(value, lang).items()})
    return out


def _version_date(dataset: Dataset, version: schema.TextVersion) -> str:
    # The date of the draft itself; a proposal has none, so the date it was reported.
    kind = dataset.versions[version.version]
    return (kind.date or version.source.date).isoformat()


def export(dataset: Dataset, lang: Lang) -> dict[str, object]:
    provisions = []
    for pid, p in sorted(dataset.provisions.items()):
        provisions.append({
            "id": pid,
            "url": routes.page_url(lang, routes.provision(pid)),
            "title": p.title[lang].text,
            "themes": list(p.themes),
            "provisions": list(p.related),
            "sources": sorted({v.source.url for v in p.versions if v.source.url}),
            "status": _status(p, lang),
            "versions": [
                {"version": v.version, "date": _version_date(dataset, v), "number": v.number,
                 "source": v.source.url}
                for v in p.versions
            ],
        })
    themes = []
    for tid, t in sorted(dataset.themes.items()):
        members = sorted(pid for pid, p in dataset.provisions.items() if tid in p.themes)
        themes.append({
            "id": tid,
            "url": routes.page_url(lang, routes.theme(tid)),
            "title": t.title[lang].text,
            "themes": [tid],
            "provisions": members,
            "sources": sorted({v.source.url for pid in members for v in dataset.provisions[pid].versions if v.source.url}),
            "status": _status(t, lang),
        })
    news = []
    for nid in shown_ids(dataset):
        item = dataset.news[nid]
        news.append({
            "id": nid,
            "url": routes.page_url(lang, routes.news(nid)),
            "title": headline(item, lang).text,
            "source_title": item.machine.title,
            "themes": themes_of(item),
            "provisions": provisions_of(item),
            "sources": sorted({s.url for s in item.machine.sources if s.url}),
            "status": {"headline": item.curated.headline[lang].status if item.curated.headline else "extracted",
                       "summary": item.curated.summary[lang].status if item.curated.summary else "extracted"},
            "date": item.date.isoformat(),
        })
    return {"version": API_VERSION, "language": lang, "provisions": provisions, "themes": themes, "news": news,
            "handouts": _handouts(dataset, lang), "articles": _articles(dataset, lang),
            "changes": changes.counts(dataset),
            "texts": _texts(dataset, lang), "kk_ru_differences": kk_ru.open_data(dataset, lang),
            "held": held.export(dataset)}


def write_exports(dataset: Dataset, site_dir: str) -> list[str]:
    written: list[str] = []
    for lang in LANGUAGES:
        path = os.path.join(site_dir, routes.api(lang))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, json.dumps(export(dataset, lang), ensure_ascii=False, indent=1, sort_keys=False) + "\n",
                     durable=False)
        written.append(path)
    written += akn.write_all(dataset, site_dir)  # api/v1/akn/<version>/<lang>.xml
    return written


def _handouts(dataset: Dataset, lang: Lang) -> list[dict[str, object]]:
    """The `handouts` list: each theme's sheet in this language and its bilingual sheets."""
    out: list[dict[str, object]] = []
    for tid in sorted_themes(dataset):
        out.append({"theme": tid, "url": routes.page_url(lang, routes.handout(tid)), "languages": [lang]})
        for pair in pairs_of(lang):
            out.append({"theme": tid, "url": routes.page_url(lang, routes.handout(tid, pair)), "languages": list(pair)})
    return out


def _paragraphs(dataset: Dataset, version: str, text_lang: str, number: str) -> list[dict[str, object]]:
    view = legaltext.article_view(dataset, version, text_lang, number)
    return [{"number": block.number, "id": block.eid, "text": block.plain} for block in view.blocks]


def _articles(dataset: Dataset, lang: Lang) -> list[dict[str, object]]:
    """`articles`: one entry per article of the reference version, with every other version held:
    its number there (None: not in it) and, when held, its paragraphs in this language or an
    official one."""
    version = legaltext.reference_version(dataset)
    if version is None:
        return []
    table = dataset.correspondence
    out: list[dict[str, object]] = []
    for number in legaltext.article_numbers(dataset, version):
        shown = legaltext.choose(dataset, version, lang, number)
        versions: list[dict[str, object]] = []
        if shown:
            versions.append({"version": version, "number": number, "lang": shown.text_lang, "official": shown.source.official,
                             "paragraphs": _paragraphs(dataset, version, shown.text_lang, number)})
        if table is not None:
            row = table.row_of(table.reference, number)
            in_table = comparison.held_versions(dataset)
            for other in in_table:
                if other == table.reference:
                    continue
                found = row.number(other) if row else None
                item: dict[str, object] = {"version": other, "number": found}
                other_shown = legaltext.choose(dataset, other, lang, found) if found else None
                if other_shown and found:
                    item.update(lang=other_shown.text_lang, official=other_shown.source.official,
                                paragraphs=_paragraphs(dataset, other, other_shown.text_lang, found))
                versions.append(item)
            versions.sort(key=lambda v: in_table.index(str(v["version"])))
        out.append({"id": article_eid(number), "url": routes.page_url(lang, routes.article(number)),
                    "versions": versions})
    return out


def _texts(dataset: Dataset, lang: Lang) -> list[dict[str, object]]:
    """`texts`: every text held (all languages), with its provenance and its Akoma Ntoso file, so a
    reuser can tell an official text from a translation."""
    out: list[dict[str, object]] = []
    for (version, text_lang), text in sorted(dataset.texts.files.items()):
        source = text.source
        out.append({"version": version, "lang": text_lang, "official": source.official,
                    "translator": source.translator, "complete": source.complete,
                    "publisher": source.publisher, "title": source.title, "date": source.date.isoformat(),
                    "url": source.url, "registry": source.registry,
                    "akn": akn.export_path(version, text_lang), "page": routes.page_url(lang, routes.text(version))})
    return out
