"""Edit links and "suggest a translation" links on the real built site, in every language."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import LANGUAGES, ROOT

from atazan.website import editlinks
from atazan.dataset import schema
from atazan.website.generate import is_generated

REPO = "https://github.com/ata-zan/ata-zan"  # mkdocs.yml's repo_url default (REPO_URL unset in tests)
EDIT = re.compile(rf"^{re.escape(REPO)}/(edit|tree)/main/(.+)$")


class _Page(HTMLParser):
    """The edit button and the translation notice of one built page."""

    def __init__(self):
        super().__init__()
        self.edit_links: list[str] = []
        self.translate: list[tuple[str, str]] = []  # (data-gap, link href)
        self._gap: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "a" and "md-content__button" in classes and attrs.get("href", "").startswith(REPO):
            self.edit_links.append(attrs["href"])
        if tag == "aside" and "atazan-translate" in classes:
            self._gap = attrs.get("data-gap")
        if tag == "a" and self._gap is not None:
            self.translate.append((self._gap, attrs["href"]))
            self._gap = None


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _html_pages(site_dir: Path) -> list[Path]:
    skip = {"404.html"}
    return sorted(p for p in site_dir.rglob("*.html") if p.name not in skip and "assets" not in p.parts)


def _site_page(site_dir: Path, lang: str, md_path: str) -> Path:
    # use_directory_urls: a/b.md -> a/b/index.html, a/index.md -> a/index.html; kk sits at the root.
    base = site_dir if lang == "kk" else site_dir / lang
    stem = md_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return base / f"{stem}.html"
    return base / stem / "index.html"


def _in_repo(rel: str) -> bool:
    # Tracked, or new and not ignored: the files a pull request would carry. A folder needs one such file.
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", rel],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return bool(out.strip())


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def test_every_page_has_one_edit_link_to_a_real_source(site_dir):
    pages = _html_pages(site_dir)
    assert len(pages) > 20
    for html in pages:
        links = _parse(html).edit_links
        assert len(links) == 1, f"{html.relative_to(site_dir)}: {links}"
        match = EDIT.match(links[0])
        assert match, links[0]
        action, rel = match.groups()
        target = ROOT / rel
        assert _in_repo(rel), f"{html.relative_to(site_dir)}: {rel} is not in the repository"
        if action == "edit":
            assert target.is_file(), rel
            assert not is_generated(str(target)), f"{html.relative_to(site_dir)} edits generated {rel}"
        else:
            assert target.is_dir(), rel
        assert not rel.startswith("docs/") or rel.split("/")[1] in LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_generated_pages_edit_their_data_source(site_dir, lang):
    generated = [p for p in (ROOT / "docs" / lang).rglob("*.md") if is_generated(str(p))]
    assert generated
    for md in generated:
        source = _front_matter(md)["atazan_source"]
        assert source == "data" or source.startswith("data/")  # "data": the translation-status page
        action = "edit" if source.endswith(".yml") else "tree"
        page = _site_page(site_dir, lang, str(md.relative_to(ROOT / "docs" / lang)))
        assert _parse(page).edit_links == [f"{REPO}/{action}/main/{source}"], page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hand_written_pages_edit_their_markdown_in_the_language_folder(site_dir, lang):
    written = [p for p in (ROOT / "docs" / lang).rglob("*.md") if not is_generated(str(p))]
    assert any(p.name == "about.md" for p in written)
    for md in written:
        rel = md.relative_to(ROOT / "docs" / lang)
        page = _site_page(site_dir, lang, str(rel))
        assert _parse(page).edit_links == [f"{REPO}/edit/main/docs/{lang}/{rel}"], page


def test_unreviewed_translation_gets_a_suggest_link_in_the_readers_language(site_dir):
    record = yaml.safe_load((ROOT / "data" / "provisions" / "ownership.yml").read_text(encoding="utf-8"))
    assert record["title"]["ru"]["status"] == "translated"  # the precondition this test relies on
    page = _parse(site_dir / "ru" / "provisions" / "ownership" / "index.html")
    assert len(page.translate) == 1
    gap, href = page.translate[0]
    assert gap == "translated"
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/issues/new"
    query = parse_qs(url.query)
    assert query["template"] == ["translation-fix.yml"]
    assert query["language"] == ["ru"]
    assert query["file"] == ["data/provisions/ownership.yml"]
    assert query["page"][0].endswith("/ru/provisions/ownership/")
    html = (site_dir / "ru" / "provisions" / "ownership" / "index.html").read_text(encoding="utf-8")
    assert "Предложить перевод" in html and "Suggest a translation" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hand_written_page_without_a_status_has_no_suggest_link(site_dir, lang):
    about = ROOT / "docs" / lang / "about.md"
    assert "translation_status" not in _front_matter(about)
    assert _parse(_site_page(site_dir, lang, "about.md")).translate == []


# Unit level: which texts count as missing or unreviewed, with records built here.

def _text(status: str, lang_from: str | None = None) -> schema.LocalText:
    return schema.LocalText(text="x", status=status, **({"from": lang_from} if lang_from else {}))


def _all(**statuses) -> dict:
    return {lang: _text(*statuses[lang]) if lang in statuses else _text("original") for lang in LANGUAGES}


def _theme(**title_statuses) -> schema.Theme:
    return schema.Theme(id="t", title=_all(**title_statuses), summary=_all(), explainer=_all())


def test_gap_translated_when_one_text_is_not_reviewed():
    theme = _theme(ru=("translated", "en"))
    assert editlinks.translation_gap([theme], "ru") == "translated"
    assert editlinks.translation_gap([theme], "kk") is None


def test_reviewed_translation_is_no_gap():
    assert editlinks.translation_gap([_theme(ru=("reviewed", "en"), kk=("reviewed", "en"))], "ru") is None


def test_quote_without_a_rendering_in_the_readers_language_is_missing():
    source = schema.Source(outlet="o", title="t", date="2026-01-30", url="https://example.org/a")
    version = schema.TextVersion(version="first_draft", text="Мәтін", text_kind="quote", text_language="kk",
                                 translations={"ru": _text("translated", "kk")}, source=source)
    assert editlinks.translation_gap([version], "en") == "missing"
    assert editlinks.translation_gap([version], "ru") == "translated"
    assert editlinks.translation_gap([version], "kk") is None


def test_uncurated_news_in_another_language_is_missing():
    item = schema.NewsItem.model_validate({
        "id": "2026-02-11-x", "date": "2026-02-11",
        "machine": {"title": "T", "outlet": "O", "sources": [{"outlet": "O", "title": "T", "date": "2026-02-11"}],
                    "summary": {"text": "S", "kind": "extracted", "language": "en"},
                    "relevance": {"relevant": True, "reason": "r"}},
    })
    assert editlinks.translation_gap([item], "kk") == "missing"
    assert editlinks.translation_gap([item], "en") is None


def test_edit_url_for_a_file_and_a_folder():
    assert editlinks.edit_url(REPO + "/", "data/themes/x.yml") == f"{REPO}/edit/main/data/themes/x.yml"
    assert editlinks.edit_url(REPO, "data/themes") == f"{REPO}/tree/main/data/themes"
