"""website/routes.py: one module owns every page path and makes every relative link, for the
online build (directory URLs) and the offline copy (.html files opened from file://)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT

from atazan.website import routes
from atazan.website.routes import DIRECTORY, FILE, MARKDOWN

PACKAGE = ROOT / "hooks" / "atazan"
TEMPLATES = ROOT / "overrides" / "atazan" / "pages"

# A page path or output folder spelled out, or an Akoma Ntoso id built by hand (dataset/texts.py owns those).
SPELLED = re.compile(
    r"(?<![\w/.<-])(?:provisions|themes|news|factchecks|handouts|articles|texts|changes|feeds|api|akn)/"
    r"|(?<![\w/.-])(?:glossary|timeline|translations|organisers|contributing|index)\.md\b(?!\.j2)"
    r"|(?<![\w/])(?:art|para|part|subpara)_(?=[{\"'\w]|$)")


def _python_strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module, its docstrings left out (prose may name a path)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def _template_text(path: Path) -> list[tuple[int, str]]:
    text = re.sub(r"\{#.*?#\}", lambda m: "\n" * m.group(0).count("\n"), path.read_text(encoding="utf-8"), flags=re.S)
    return list(enumerate(text.splitlines(), start=1))


def spelled_paths() -> list[str]:
    found = []
    modules = [p for p in (PACKAGE / "website").rglob("*.py") if p.name != "routes.py"]
    modules += [*(PACKAGE / "adapter").rglob("*.py"), ROOT / "hooks" / "atazan_hook.py"]
    for path, lines in [(p, _python_strings(p)) for p in modules] + [(p, _template_text(p)) for p in TEMPLATES.glob("*.j2")]:
        for line, text in lines:
            found += [f"{path.relative_to(ROOT)}:{line}: {m.group(0)}" for m in SPELLED.finditer(text)]
    return found


def test_no_module_or_template_spells_a_page_path():
    assert spelled_paths() == []


def test_the_path_check_finds_a_spelled_path(tmp_path, monkeypatch):
    # The check must be able to fail: a kind that builds its own path, a template that does.
    module = tmp_path / "hooks" / "atazan" / "website" / "kinds" / "probe.py"
    module.parent.mkdir(parents=True)
    module.write_text('"""Docstrings may say themes/x.md."""\nPATH = f"themes/{1}.md"\nANCHOR = "#art_" + "6"\n', encoding="utf-8")
    template = tmp_path / "overrides" / "atazan" / "pages" / "probe.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text("{# glossary.md in a comment is fine #}\n[x]({{ depth }}glossary.md)\n", encoding="utf-8")
    (tmp_path / "hooks" / "atazan_hook.py").write_text("", encoding="utf-8")
    here = sys.modules[__name__]
    monkeypatch.setattr(here, "ROOT", tmp_path)
    monkeypatch.setattr(here, "PACKAGE", tmp_path / "hooks" / "atazan")
    monkeypatch.setattr(here, "TEMPLATES", tmp_path / "overrides" / "atazan" / "pages")
    assert sorted(spelled_paths()) == ["hooks/atazan/website/kinds/probe.py:2: themes/",
                                       "hooks/atazan/website/kinds/probe.py:3: art_",
                                       "overrides/atazan/pages/probe.md.j2:2: glossary.md"]


def _ignore_block() -> list[str]:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# Pages generated from data/"))
    block = []
    for line in lines[start + 2:]:
        if not line.startswith("/docs/"):
            break
        block.append(line)
    return block


def test_gitignore_lists_exactly_the_generated_pages():
    assert _ignore_block() == [f"/docs/*/{entry}" for entry in routes.GENERATED]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_git_ignores_every_generated_page_and_no_hand_written_one(lang):
    generated = [f"docs/{lang}/{routes.provision('ownership')}", f"docs/{lang}/{routes.THEME_INDEX}",
                 f"docs/{lang}/{routes.news('2026-01-01-x')}", f"docs/{lang}/{routes.FACTCHECK_INDEX}",
                 f"docs/{lang}/{routes.handout('ownership', ('kk', 'ru'))}", f"docs/{lang}/{routes.article('6')}",
                 f"docs/{lang}/{routes.text('adopted')}", f"docs/{lang}/{routes.changes_pair('first_draft', 'adopted')}",
                 f"docs/{lang}/{routes.CHANGES_INDEX}", f"docs/{lang}/{routes.GLOSSARY}", f"docs/{lang}/{routes.TIMELINE}",
                 f"docs/{lang}/{routes.TRANSLATION_STATUS}"]
    hand_written = [f"docs/{lang}/{routes.HOME}", f"docs/{lang}/{routes.ORGANISERS}", f"docs/{lang}/{routes.CONTRIBUTING}"]
    result = subprocess.run(["git", "check-ignore", "--no-index", *generated, *hand_written], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.stdout.splitlines() == generated


def test_page_addresses_in_both_url_styles():
    assert routes.url("kk", routes.provision("ownership")) == "provisions/ownership/"
    assert routes.url("ru", routes.PROVISION_INDEX) == "ru/provisions/"
    assert routes.url("kk", routes.HOME) == ""
    assert routes.url("en", routes.provision("ownership"), FILE) == "en/provisions/ownership.html"
    assert routes.url("kk", routes.PROVISION_INDEX, FILE) == "provisions/index.html"


@pytest.mark.parametrize("style, expected", [
    (MARKDOWN, "../glossary.md#kurultai"),  # MkDocs resolves it in either URL style
    (DIRECTORY, "../../glossary/#kurultai"),
    (FILE, "../glossary.html#kurultai"),
])
def test_a_link_to_the_glossary_in_each_style(style, expected):
    assert routes.relative("en", routes.theme("parliament"), routes.GLOSSARY, anchor="kurultai", style=style) == expected


@pytest.mark.parametrize("style, expected", [
    # Another language's page is not among the files of this language's build: never a .md link.
    (MARKDOWN, "../en/factchecks/"),
    (DIRECTORY, "../en/factchecks/"),
    (FILE, "../en/factchecks/index.html"),
])
def test_a_link_to_another_language(style, expected):
    assert routes.relative("kk", routes.FACTCHECK_INDEX, routes.FACTCHECK_INDEX, lang="en", style=style) == expected
    assert routes.relative("ru", routes.GLOSSARY, routes.GLOSSARY, lang="en", style=FILE) == "../en/glossary.html"
    assert routes.relative("en", routes.GLOSSARY, routes.HOME, lang="kk", style=DIRECTORY) == "../../"


def test_a_link_to_a_file_at_the_site_root():
    feed = routes.news_feed("ru")
    assert routes.relative_file("ru", routes.NEWS_INDEX, feed, DIRECTORY) == "../../feeds/news-ru.xml"
    assert routes.relative_file("ru", routes.NEWS_INDEX, feed, FILE) == "../../feeds/news-ru.xml"
    assert routes.relative_file("kk", routes.article("6"), routes.article_feed("6", "kk"), DIRECTORY) == "../../feeds/articles/6-kk.xml"
    assert routes.relative_file("kk", routes.article("6"), routes.article_feed("6", "kk"), FILE) == "../feeds/articles/6-kk.xml"
