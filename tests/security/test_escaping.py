"""The escaping filters, through the site's own Markdown extensions: each place a data text goes
gets text, never markup."""

from __future__ import annotations

import functools
import re
import sys

import lxml.html
import markdown
import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from atazan.dataset import schema  # noqa: E402
from atazan.dataset.schema import URL_PATTERN  # noqa: E402
from atazan.website import glossary, render  # noqa: E402


class _ConfigLoader(yaml.UnsafeLoader):
    """mkdocs.yml as MkDocs reads it, except `!ENV` (not needed for the Markdown settings)."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


@functools.lru_cache(maxsize=1)
def _markdown_settings() -> tuple[list, dict]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    extensions, configs = ["toc", "tables", "fenced_code"], {}  # MkDocs always adds these three
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        extensions.append(name)
        if options:
            configs[name] = options
    return extensions, configs


def site_markdown(text: str) -> lxml.html.HtmlElement:
    """`text` rendered with the markdown_extensions of mkdocs.yml, parsed."""
    extensions, configs = _markdown_settings()
    html = markdown.markdown(text, extensions=extensions, extension_configs=configs)
    return lxml.html.fragment_fromstring(html, create_parent="div")


def tags(root) -> set[str]:
    """The elements under `root`, except the permalink MkDocs's toc adds to every heading."""
    return {e.tag for e in root.iterdescendants()
            if isinstance(e.tag, str) and "headerlink" not in (e.get("class") or "")}


PROSE_STARTS = ["1996. Year of the first draft", "1) first", "??? danger \"Boom\"", "???+ note", "!!! warning",
                "# Heading", "- item", "+ item", "* item", "> quote", "=== \"Tab\"", "```python", "~~~", "<div>x</div>",
                "| a | b |", "[^1]: note", "*[HTML]: Hyper", "[x]: https://e.example/", "{: .cls }", "---"]


@pytest.mark.parametrize("text", PROSE_STARTS)
@pytest.mark.parametrize("filter_", [render.md_inline, render.md_block])
def test_a_text_starting_with_block_syntax_stays_one_paragraph(text, filter_):
    # After another line too: "===" or "---" under a line would make it a heading.
    for markdown_text in (filter_(text), "Line before\n" + filter_(text)):
        root = site_markdown(markdown_text + "\n\nbody")
        assert tags(root) == {"p"}, (text, markdown_text)
        assert root.text_content().replace("\n", " ").startswith(("Line before ", "")) and text in root.text_content()


INLINE_ATTACKS = ['[link](javascript:alert(1))', '![i](x" onerror="alert(1))', '<img src=x onerror=alert(1)>',
                  '<https://e.example/>', '*emph* _u_ `code`', 'text {: onclick="alert(1)" }', '\\<b>']


@pytest.mark.parametrize("text", INLINE_ATTACKS)
@pytest.mark.parametrize("place", ["# <span lang=\"en\">{}</span>", "- <span lang=\"en\">«{}»</span>",
                                   "??? quote \"x\"\n    <span lang=\"en\">{}</span>", "<p class=\"x\">{}</p>"])
def test_html_filter_is_text_in_inline_html_inside_markdown(text, place):
    root = site_markdown(place.format(render.html_text(text)))
    assert tags(root) <= {"h1", "span", "li", "ul", "details", "summary", "p"}, tags(root)
    assert text in root.text_content()
    assert not any(k.startswith("on") for e in root.iter() for k in e.attrib)


@pytest.mark.parametrize("text", INLINE_ATTACKS)
def test_md_filter_is_text_in_a_heading_and_a_list(text):
    for place in ("# {}", "- {}", "Text {} more"):
        root = site_markdown(place.format(render.md_inline(text)))
        assert tags(root) <= {"h1", "li", "ul", "p"}
        assert text in root.text_content()


DEFINITION = 'A body <img src=x onerror=alert(1)> & [x](javascript:alert(2)) `c` *e* "quoted"'


def test_tooltip_title_is_the_definition_as_written():
    # The tooltip is text (docs/assets/javascripts/atazan.js; the browser pass in
    # test_hostile_data.py hovers and focuses every one): the title holds the definition itself,
    # and nothing in it becomes a link, image or attribute through Markdown.
    link = f'<a class="atazan-term" href="g/#t" title="{glossary.tooltip_attribute(DEFINITION)}">term</a>'
    root = site_markdown(f"Some {link} prose.")
    (anchor,) = root.iter("a")
    assert anchor.get("title") == DEFINITION
    assert tags(root) == {"p", "a"} and set(anchor.attrib) == {"class", "href", "title"}


GOOD_URLS = ["https://www.gov.kz/memleket/entities/kostanai-kalasy-akimat/press/news/details/1152143?lang=kk",
             "http://example.org", "https://e.example:8080/a/b(c)?q=1&r=%D0%B0#frag", "https://e.example/wiki/A_(b)"]
BAD_URLS = ["javascript:alert(1)", "https://e.example/a>b", 'https://e.example/"onmouseover=x', "https://e.example/a b",
            "https://e.example/<script>", "https://", "https:///path", "https://e.example/\u0430", "https://e.example/%zz",
            "https://e.example/a\\b", "https://e.example/\nx", "data:text/html,x", "HTTPS://e.example/"]


@pytest.mark.parametrize("url", GOOD_URLS)
def test_schema_accepts_web_addresses(url):
    assert TypeAdapter(schema.Url).validate_python(url) == url
    assert schema.url_problem(url) is None


@pytest.mark.parametrize("url", BAD_URLS)
def test_schema_refuses_what_is_not_a_web_address(url):
    with pytest.raises(ValidationError):
        TypeAdapter(schema.Url).validate_python(url)
    assert schema.url_problem(url)


@pytest.mark.parametrize("url", ["https://e.example/a>b c\n\"d'", "https://e.example/\u0430\u0431", "https://e.example/%zz"])
def test_url_filter_percent_encodes_what_could_end_a_link(url):
    encoded = render.md_url(url)
    assert not set(encoded) & set('<> \n"\\\u0430\u0431')
    assert re.fullmatch(URL_PATTERN, encoded)
    root = site_markdown(f"[t](<{encoded}>)")
    (anchor,) = root.iter("a")
    assert anchor.get("href") == encoded


@pytest.mark.parametrize("url", ["javascript:alert(1)", " javascript:alert(1)", "data:text/html,x", ""])
def test_url_filter_refuses_other_schemes(url):
    with pytest.raises(render.UnsafeUrl):
        render.md_url(url)
