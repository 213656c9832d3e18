"""render.py: data text is inert in the Markdown, and every language goes through one code path."""

from __future__ import annotations

import re
from collections import Counter

import markdown
import pytest

from atazan.website import render
from atazan.website.kinds import PAGE_KINDS
from atazan.dataset.validate import load_dataset
from conftest import LANGUAGES, ROOT, nonempty, replace_first, replace_once

# One probe per way a data text could become markup: HTML, Jinja, a link, a heading, emphasis.
PROBE = "<script>alert(1)</script> {{ 7*7 }} [click](javascript:alert(2)) **bold** _em_ `code`"
HEADING = "# heading"


def _markdown_to_html(text: str) -> str:
    # The site's own extensions, so admonitions and raw HTML blocks behave as in the build.
    return markdown.markdown(_body(text), extensions=["admonition", "attr_list", "md_in_html", "pymdownx.details",
                                               "pymdownx.superfences"])


@pytest.fixture
def injected_pages(core_data):
    path = core_data / "provisions/ownership.yml"
    replace_once(path, 'en: {text: "Forms of ownership (Article 8 of the first draft)"', f'en: {{text: "{PROBE}"')
    replace_first(path, "  says:\n    en:\n      status: original\n      text: |\n",
                  f"  says:\n    en:\n      status: original\n      text: |\n        {HEADING}\n\n        {PROBE}\n\n")
    replace_once(path, 'text: "All forms of ownership in the Republic', f'text: "{PROBE} All forms of ownership in the Republic')
    replace_first(path, 'title: "The proposals received', f'title: "{PROBE} The proposals received')
    replace_once(core_data / "themes/ownership.yml", "en: {text: Ownership and property, status: original}",
                 f'en: {{text: "{PROBE}", status: original}}')
    dataset = load_dataset(str(core_data), str(core_data.parent))
    dataset.root = str(ROOT)  # templates and strings come from the project
    return {(p.lang, p.path): p.content for p in render.render_all(dataset)}


def _body(page: str) -> str:
    # The Markdown after the front matter; the title in front matter is YAML, checked in the build.
    return page.split("\n---\n", 1)[1]


def test_markdown_of_data_text_is_escaped(injected_pages):
    page = _body(injected_pages[("en", "provisions/ownership.md")])
    assert "<script>" not in page and "49" not in page  # Jinja never evaluates data
    # Raw HTML blocks (legal text) get HTML escaping only: Markdown is not parsed inside them.
    markdown_lines = "\n".join(line for line in page.splitlines() if not line.startswith("<"))
    assert "{{ 7*7 }}" not in markdown_lines
    assert "[click](javascript:" not in markdown_lines
    assert "**bold**" not in markdown_lines and "_em_" not in markdown_lines and "`code`" not in markdown_lines
    # The page has exactly one level-1 heading, the title, and it carries the probe as escaped text.
    assert re.findall(r"^# .*$", page, flags=re.M) == [
        r"# &lt;script&gt;alert\(1\)&lt;/script&gt; \{\{ 7\*7 \}\} \[click\]\(javascript:alert\(2\)\) "
        r"\*\*bold\*\* \_em\_ \`code\`"]
    assert r"\# heading" in page


@pytest.mark.parametrize("path", ["provisions/ownership.md", "themes/ownership.md", "themes/index.md", "provisions/index.md"])
def test_rendered_html_shows_data_markup_as_text(injected_pages, path):
    html = _markdown_to_html(injected_pages[("en", path)])
    assert "<script" not in html
    # only as visible text; in raw HTML its brackets are character references (render.html_text)
    assert "javascript:" not in html.replace("[click](javascript:alert(2))", "").replace("&#91;click&#93;(javascript:alert(2))", "")
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html  # shown literally


def test_data_heading_is_not_a_heading(injected_pages):
    html = _markdown_to_html(injected_pages[("en", "provisions/ownership.md")])
    assert len(re.findall(r"<h1", html)) == 1
    assert "<p># heading</p>" in html


def test_front_matter_marks_the_page_and_names_its_source(injected_pages):
    for (lang, path), content in nonempty(injected_pages.items()):
        head = content.split("\n---\n", 1)[0]
        assert head.startswith(f"---\n{render.GENERATED_MARK}: true\n"), (lang, path)
        # A data file or folder; the translation-status page is built from the whole of data/.
        assert re.search(r"\natazan_source: data(/|\n)", head), (lang, path)


@pytest.fixture
def real_pages(generated_pages):
    return generated_pages


def test_every_language_has_the_same_pages(real_pages, dataset):
    per_lang = {lang: {p.path for p in real_pages if p.lang == lang} for lang in LANGUAGES}
    shared = per_lang["kk"] & per_lang["ru"] & per_lang["en"]
    # The one designed exception: kk+ru bilingual handouts for roundtables (kk and ru only).
    bilingual = {page.path for lang in LANGUAGES for page in PAGE_KINDS["handout-bilingual"].pages(dataset, lang)}
    assert set().union(*per_lang.values()) - shared == bilingual
    for kind in ("provision", "theme", "provision-index", "theme-index", "timeline", "glossary"):
        paths = {page.path for page in PAGE_KINDS[kind].pages(dataset, "kk")}
        assert paths and paths <= shared, kind
    assert {f"provisions/{pid}.md" for pid in dataset.provisions} <= shared
    assert {f"themes/{tid}.md" for tid in dataset.themes} <= shared


def test_every_language_has_the_same_heading_structure(real_pages):
    # One template per page kind fed with each language: the outline can only differ by a bug.
    outline = {(p.lang, p.path): Counter(m.group(1) for m in re.finditer(r"^(#{1,6}) ", p.content, flags=re.M))
               for p in real_pages}
    compared = 0
    for (lang, path), counts in outline.items():
        if lang == "kk" and ("ru", path) in outline and ("en", path) in outline:
            assert outline[("ru", path)] == counts == outline[("en", path)], path
            compared += 1
    assert compared >= 6
    assert outline[("kk", "provisions/ownership.md")]["#"] == 1


def test_unknown_article_number_is_said_plainly(real_pages):
    page = next(p.content for p in real_pages if (p.lang, p.path) == ("en", "provisions/ownership.md"))
    assert "\n### First draft (January 30, 2026): Article 8\n" in page
    final = next(line for line in page.splitlines() if line.startswith("### Amended draft"))
    assert not re.search(r"Article \d", final)


@pytest.mark.parametrize("text, expected", [
    ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
    ("# x", r"\# x"),
    ("[a](b)", r"\[a\]\(b\)"),
    ("a   b\nc", "a b c"),  # one line: a data text cannot start a new Markdown block
    (None, ""),
])
def test_md_inline(text, expected):
    assert render.md_inline(text) == expected


def test_md_block_keeps_paragraphs_only():
    assert render.md_block("one\n\n\n# two\n") == "one\n\n\\# two"


@pytest.mark.parametrize("lang, words", [
    ("en", "Article 46, subparagraphs 2), 4), 8)"),
    ("ru", "статья 46, подпункты 2), 4), 8)"),
    ("kk", "46-бап, 2), 4), 8) тармақшалар"),
])
def test_subparagraphs_are_not_called_paragraphs(real_pages, lang, words):
    # The source names "subparagraphs 2), 4) and 8) of Article 46"; the heading must say the same.
    [page] = [p for p in real_pages if (p.lang, p.path) == (lang, "provisions/kurultai-dissolution.md")]
    headings = [line for line in page.content.splitlines() if line.startswith("### ")]
    assert any(line.endswith(words) for line in headings), headings



def test_compiled_templates_are_cached_and_an_edited_template_is_compiled_again(core_data):
    import shutil

    project = core_data.parent
    shutil.copytree(ROOT / "overrides" / "atazan", project / "overrides" / "atazan")
    dataset = load_dataset(str(core_data), str(project))
    cache = project / ".cache" / "atazan" / "jinja"

    def render_in_a_new_environment():
        render._environment.cache_clear()  # as a new build process would start
        pages = {(p.lang, p.path): p.content for p in render.render_all(dataset, languages=("en",))}
        return pages, {f.name: f.stat().st_mtime_ns for f in cache.iterdir()}

    first, compiled = render_in_a_new_environment()
    assert len(compiled) >= len({kind.template for kind in PAGE_KINDS.values()})
    again, reused = render_in_a_new_environment()
    assert again == first and reused == compiled  # read back, not compiled and written again

    template = project / "overrides" / "atazan" / "pages" / "theme_index.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace('{{ t("themes.intro") }}', "EDITED-INTRO"),
                        encoding="utf-8")
    edited, _ = render_in_a_new_environment()
    assert "EDITED-INTRO" in edited[("en", "themes/index.md")]
    assert "EDITED-INTRO" not in first[("en", "themes/index.md")]


# How each language would claim that every text shown is a draft (the wording of the warning before
# 2 December 2026): such a claim is untrue on a page that shows a proposal or the 1995 Constitution.
DRAFTS_CLAIM = {"en": r"texts below are drafts|comes from drafts",
                "ru": r"приведены тексты проектов|взяты из проектов",
                "kk": r"жоба мәтіндері берілген|жобалардан алынған"}
DRAFT_VERSIONS = {"first_draft", "amended_draft", "final_draft"}


def test_a_page_without_the_adopted_text_never_calls_a_proposal_or_the_1995_text_a_draft(site_dir, dataset):
    from atazan.website.routes import page_url

    not_drafts = [pid for pid, p in sorted(dataset.provisions.items())
                  if not any(v.version == "adopted" and v.text for v in p.versions)
                  and any(v.version not in DRAFT_VERSIONS for v in p.versions)]
    assert "housing-eviction" in not_drafts  # proposals only, in the real data
    for pid in not_drafts:
        themes = dataset.provisions[pid].themes
        for lang, claim in DRAFTS_CLAIM.items():
            pages = [f"provisions/{pid}.md"] + [f"handouts/{tid}.md" for tid in themes]
            for path in pages:
                html = (site_dir / page_url(lang, path) / "index.html").read_text(encoding="utf-8")
                text = re.sub(r"<[^>]+>", " ", html)
                if path.startswith("provisions/"):
                    assert "admonition warning" in html, (lang, path)  # the warning is there ...
                assert not re.search(claim, text), (lang, path)  # ... and says nothing untrue
