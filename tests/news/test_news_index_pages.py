"""The news index in pages (issue 26): newest first, ENTRIES_PER_PAGE entries a page, every page and
every shown story reachable from page 1 by following its links, online and in the offline copy's
URL style. On the plan and its rendered Markdown (no MkDocs build): the built pages are checked in
test_news_site.py, and the page-sanity scan reads them with every other page."""

from __future__ import annotations

import math
import posixpath
import re
import shutil

import pytest

from atazan.dataset.validate import load_dataset
from atazan.website import plan, render, routes
from atazan.website.kinds import news

from conftest import LANGUAGES, ROOT

TEMPLATE_STORY = "2026-01-27-tokayev-says-constitutional-reform-will-positively-boost"


def _entries(count: int) -> list[news.IndexEntry]:
    # Oldest first, as index_entries gives them; one a day.
    return [news.IndexEntry(f"2026-01-{1 + i // 28:02d}-{i % 28 + 1:02d}", f"day {i}") for i in range(count)]


@pytest.mark.parametrize("count", [0, 1, news.ENTRIES_PER_PAGE, news.ENTRIES_PER_PAGE + 1, 23, 423])
def test_pages_hold_every_entry_once_newest_first(count):
    entries = _entries(count)
    pages = news.index_pages(entries)
    assert len(pages) == max(1, math.ceil(count / news.ENTRIES_PER_PAGE))
    assert all(len(page) <= news.ENTRIES_PER_PAGE for page in pages)
    assert [e for page in pages for e in page] == entries[::-1]


def _project_with_extra_news(tmp_path, extra: int):
    """The real data, plus `extra` stories made from one real record (TEST DATA: new ids and dates)."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")  # the templates and strings render.py reads
    source = (data / "news" / f"{TEMPLATE_STORY}.yml").read_text(encoding="utf-8")
    for i in range(extra):
        nid = f"2026-05-{i % 28 + 1:02d}-test-extra-story-{i}"
        text = source.replace(f"id: {TEMPLATE_STORY}", f"id: {nid}").replace("date: 2026-01-27", f"date: 2026-05-{i % 28 + 1:02d}")
        assert text != source
        (data / "news" / f"{nid}.yml").write_text(text, encoding="utf-8")
    return load_dataset(str(data), str(tmp_path))


def _links(markdown: str) -> list[tuple[str, str]]:
    """(kind, target) of every link: "html" for raw HTML (the list and the pager: MkDocs leaves them
    as written, so they must be in the build's URL style), "md" for Markdown links (the fact-check
    and timeline line: a source path, which MkDocs resolves in either style)."""
    return ([("html", h) for h in re.findall(r'href="([^"#]+)"', markdown)]
            + [("md", h) for h in re.findall(r"\]\(([^)#<>\s]+)\)", markdown)])


def _resolve(lang, here: str, kind: str, href: str, style, by_url: dict[str, str]) -> str | None:
    """The page path a link on page `here` leads to, or None where it leads to no generated page."""
    if kind == "md":
        return posixpath.normpath(posixpath.join(posixpath.dirname(here), href)) if href.endswith(".md") else None
    base = routes.url(lang, here, style)
    folder = base if style == routes.DIRECTORY else posixpath.dirname(base)
    address = posixpath.normpath(posixpath.join(folder, href)) + ("/" if href.endswith("/") else "")
    return by_url.get(address.lstrip("./") if address != "." else "")


@pytest.mark.parametrize("extra", [0, 9, 30])
@pytest.mark.parametrize("directory_urls", [True, False], ids=["online", "offline"])
def test_every_story_is_reachable_from_page_1_and_the_page_count_follows_the_news(tmp_path, extra, directory_urls):
    dataset = _project_with_extra_news(tmp_path, extra)
    site = plan.build(dataset, LANGUAGES, directory_urls=directory_urls)
    rendered = {(p.lang, p.path): p.content for p in render.render(site)}
    style = site.style
    shown = news.shown_ids(dataset)
    assert len(shown) == 15 + extra
    expected_pages = math.ceil((len(shown) + len(dataset.timeline)) / news.ENTRIES_PER_PAGE)
    for lang in LANGUAGES:
        index_pages = [p.path for p in site.pages if p.lang == lang and p.kind == "news-index"]
        assert len(index_pages) == expected_pages
        assert index_pages == [routes.news_index_page(n) for n in range(1, expected_pages + 1)]
        # Addresses of this language's generated pages, in the build's URL style.
        by_url = {routes.url(lang, p.path, style): p.path for p in site.pages if p.lang == lang}
        seen, queue, stories = {routes.NEWS_INDEX}, [routes.NEWS_INDEX], []
        while queue:
            here = queue.pop()
            markdown = rendered[(lang, here)]
            for kind, href in _links(markdown):
                target = _resolve(lang, here, kind, href, style, by_url)
                if target in index_pages and target not in seen:
                    seen.add(target)
                    queue.append(target)
                elif target and target.startswith("news/") and target not in index_pages:
                    stories.append(posixpath.splitext(posixpath.basename(target))[0])
            # Verified milestones and fact-checks from page 1.
            if here == routes.NEWS_INDEX:
                for to in (routes.TIMELINE, routes.FACTCHECK_INDEX):
                    assert f"]({routes.relative(lang, here, to)})" in markdown, to
        assert seen == set(index_pages), lang
        assert sorted(stories) == sorted(shown), lang  # each story on exactly one page, once
        # "Older" (rel=next) walks the pages in order from page 1, "newer" (rel=prev) walks them back.
        for rel, order in (("next", index_pages), ("prev", index_pages[::-1])):
            walked, here = [order[0]], order[0]
            while found := re.findall(rf'<a href="([^"]+)" rel="{rel}">', rendered[(lang, here)]):
                assert len(set(found)) == 1, found  # the same link above and below the list
                here = _resolve(lang, here, "html", found[0], style, by_url)
                assert here not in walked, (rel, walked, here)
                walked.append(here)
            assert walked == order, (lang, rel)


def test_only_page_1_is_searched(tmp_path):
    dataset = _project_with_extra_news(tmp_path, 9)
    pages = [p for p in render.render(plan.build(dataset, ("en",))) if p.path.startswith("news/") and "/page/" in p.path]
    assert len(pages) >= 2
    assert all("\nsearch:\n  exclude: true\n" in p.content for p in pages)
    first = next(p for p in render.render(plan.build(dataset, ("en",))) if p.path == routes.NEWS_INDEX)
    assert "exclude: true" not in first.content.split("\n---\n", 1)[0]
