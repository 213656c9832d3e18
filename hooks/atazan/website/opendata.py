"""The public open-data export: `api/v1/<lang>.json`, one object per language.

Documented in docs/<lang>/open-data.md. Fields only ever get added within v1.
"""

from __future__ import annotations

import json
import os

from atazan import LANGUAGES
from atazan.website import akn, articles, changes, handouts
from atazan.dataset import schema
from atazan.website.i18n import page_url
from atazan.website import news as news_pages
from atazan.dataset.validate import Dataset
from atazan.fsutil import write_atomic

API_VERSION = "v1"


def _status(record: schema.Record, lang: str) -> dict[str, str]:
    # Per-field translation status of every localized field of a record.
    out = {}
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


def export(dataset: Dataset, lang: str) -> dict:
    provisions = []
    for pid, p in sorted(dataset.provisions.items()):
        provisions.append({
            "id": pid,
            "url": page_url(lang, f"provisions/{pid}.md"),
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
            "url": page_url(lang, f"themes/{tid}.md"),
            "title": t.title[lang].text,
            "themes": [tid],
            "provisions": members,
            "sources": sorted({v.source.url for pid in members for v in dataset.provisions[pid].versions if v.source.url}),
            "status": _status(t, lang),
        })
    news = []
    for nid in news_pages.shown_ids(dataset):
        item = dataset.news[nid]
        news.append({
            "id": nid,
            "url": page_url(lang, f"news/{nid}.md"),
            "title": news_pages.headline(item, lang).text,
            "source_title": item.machine.title,
            "themes": news_pages.themes_of(item),
            "provisions": news_pages.provisions_of(item),
            "sources": sorted({s.url for s in item.machine.sources if s.url}),
            "status": {"headline": item.curated.headline[lang].status if item.curated.headline else "extracted",
                       "summary": item.curated.summary[lang].status if item.curated.summary else "extracted"},
            "date": item.date.isoformat(),
        })
    return {"version": API_VERSION, "language": lang, "provisions": provisions, "themes": themes, "news": news,
            "handouts": handouts.exported(dataset, lang), "articles": changes.exported_articles(dataset, lang),
            "changes": changes.counts(dataset),
            "texts": articles.texts_exported(dataset, lang)}


def write_exports(dataset: Dataset, site_dir: str) -> list[str]:
    written = []
    folder = os.path.join(site_dir, "api", API_VERSION)
    os.makedirs(folder, exist_ok=True)
    for lang in LANGUAGES:
        path = os.path.join(folder, f"{lang}.json")
        write_atomic(path, json.dumps(export(dataset, lang), ensure_ascii=False, indent=1, sort_keys=False) + "\n",
                     durable=False)
        written.append(path)
    written += akn.write_all(dataset, folder)  # api/v1/akn/<version>/<lang>.xml
    return written
