"""Everything that stops `mkdocs build --strict`, found before MkDocs runs, in one list: the build
(adapter/generation.py) and `atazan validate` (tools/cli.py) both call `check`, so what one
rejects the other rejects, with the same `file:line: field: message`.

What it checks, all at once (a problem in one part does not hide those in another):
- the data (dataset/validate.py): every file, then the rules between the records that loaded;
- the interface strings (overrides/atazan/strings.yml, strings-text.yml): every key in kk, ru, en;
- the templates: the theme's (overrides/**/*.html, compiled as MkDocs compiles them, with the
  templates they include) and the generator's (overrides/atazan/pages/*.j2); every literal key of
  `atazan_say("…")`, `t("…")` and `tt("…")` is in its strings table;
- the generated pages, rendered as the build renders them (a template error names its line), and
  no hand-written page where a generated one goes;
- mkdocs.yml: its languages, and every nav entry a page in every language built;
- in a strict build (mkdocs.yml: strict: true), where MkDocs' warnings about them would stop it,
  the links of hand-written pages (docs/<lang>/**/*.md) that stay inside their language folder:
  to a page or file that exists in that language, and to an anchor that page has (MkDocs'
  `validation.links.anchors: warn` in mkdocs.yml). Links that leave the language folder are left
  to MkDocs, whose mkdocs-static-i18n lookup for them this module does not repeat; and their
  `<!-- atazan:… -->` markers (only `<!-- atazan:held -->` and `<!-- atazan:launcher -->`, each on a line of its own).

Links, nav and the generated pages need the site plan, so they wait for valid data; `DataError.
not_checked` says so.
"""

from __future__ import annotations

import html.parser
import os
import posixpath
import re
import traceback
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import jinja2.nodes
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from atazan import LANGUAGES, Language
from atazan.dataset.validate import Dataset, load_dataset
from atazan.errors import DataError, Problem, display_path
from atazan.website import generate, render
from atazan.website import plan as site_plan
from atazan.website.i18n import Strings, load_strings, strings_path, text_strings_path
from atazan.website.pagefile import DOCS, GeneratedPage


@dataclass(frozen=True)
class Checked:
    """What a build goes on with once `check` found nothing."""

    dataset: Dataset
    plan: site_plan.SitePlan
    pages: list[GeneratedPage]  # every rendered page: Markdown for docs/, and files of the built site

    @property
    def docs_pages(self) -> list[GeneratedPage]:
        return [page for page in self.pages if page.output == DOCS]


def load_config(config_file: str) -> MkDocsConfig:
    """mkdocs.yml as `mkdocs build` reads it (its plugins and hook loaded, no event run)."""
    from mkdocs.config import load_config as mkdocs_load_config

    return mkdocs_load_config(config_file=config_file)


def check(config: MkDocsConfig, languages: tuple[Language, ...] = LANGUAGES) -> Checked:
    """The checked dataset, plan and rendered pages of `languages`; raises DataError listing every
    problem that would stop the strict build."""
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    problems: list[Problem] = []
    not_checked: list[str] = []
    problems += _mkdocs_languages(config, root)
    tables = _string_tables(root, problems)
    problems += _theme_templates(config, root, tables.get("strings"))
    templates = _generator_templates(root, tables)
    problems += templates
    dataset = None
    try:
        dataset = load_dataset(os.path.join(root, "data"), root)
    except DataError as error:
        problems += error.problems
        not_checked += error.not_checked
    checked = None
    if dataset is not None and len(tables) == 2 and not templates:
        from atazan.adapter.state import offline

        # The offline copy has no folder per page: links MkDocs does not rewrite must name the .html file.
        plan = site_plan.build(dataset, languages, site_url=config.site_url or "", repo_url=config.repo_url or "",
                               directory_urls=config.use_directory_urls and not offline(config))
        pages, found = _render(plan, root)
        problems += found
        if pages is not None:
            checked = Checked(dataset, plan, pages)
            docs = os.path.abspath(config.docs_dir)
            docs_pages = checked.docs_pages
            problems += generate.clashes(docs_pages, docs, root)
            if config.strict:  # otherwise MkDocs' own warnings about them do not stop the build either
                site = _Pages(docs, root, languages, docs_pages, config)
                problems += _nav(config, root, site)
                problems += _links(site)
                problems += _markers(site)
    if checked is None:
        not_checked.append("the generated pages, mkdocs.yml's nav and the links of docs/ (they need valid data, strings and templates)")
    if problems or checked is None:
        raise DataError(problems, not_checked)
    return checked


# ---------------------------------------------------------------- mkdocs.yml's languages


def _mkdocs_languages(config: MkDocsConfig, root: str) -> list[Problem]:
    from atazan.adapter.state import check_languages

    try:
        check_languages(config, root)
    except PluginError as error:
        # "mkdocs.yml:88: plugins.i18n.languages: unknown language 'de'; …"
        where, _, rest = str(error).partition(": ")
        path, _, line = where.partition(":")
        field, _, message = rest.partition(": ")
        return [Problem(path, field, message, int(line) if line.isdigit() else None)]
    return []


# ---------------------------------------------------------------- strings and templates


def _loader(env: jinja2.Environment) -> jinja2.BaseLoader:
    assert env.loader is not None  # MkDocs' and our environments are made with a loader
    return env.loader


def _string_tables(root: str, problems: list[Problem]) -> dict[str, Strings]:
    tables = {}
    for name, path in (("strings", strings_path(root)), ("strings-text", text_strings_path(root))):
        try:
            tables[name] = load_strings(path, root)
        except DataError as error:
            problems += error.problems
    return tables


# Literal keys of the calls that look strings up, by the table they read.
_LOOKUPS = {"atazan_say": "strings", "t": "strings", "tt": "strings-text"}


def _keys_missing(ast: jinja2.nodes.Template, shown: str, tables: dict[str, Strings]) -> list[Problem]:
    problems = []
    # A name the template binds itself (a macro's parameter, a {% set %}) is another translator.
    bound = {name.name for name in ast.find_all(jinja2.nodes.Name) if name.ctx in ("param", "store")}
    for call in ast.find_all(jinja2.nodes.Call):
        named = call.node.name if isinstance(call.node, jinja2.nodes.Name) and call.node.name not in bound else None
        table = _LOOKUPS.get(named) if named else None
        if table not in tables or not call.args or not isinstance(call.args[0], jinja2.nodes.Const):
            continue
        key = call.args[0].value
        if isinstance(key, str) and key not in tables[table].keys():
            problems.append(Problem(shown, "", f"{named}(\"{key}\"): no such key in overrides/atazan/{table}.yml", call.lineno))
    return problems


def _template_problem(error: jinja2.TemplateSyntaxError, root: str, fallback: str) -> Problem:
    shown = display_path(error.filename, root) if error.filename else fallback
    return Problem(shown, "", f"template error: {error.message}", error.lineno)


def _theme_templates(config: MkDocsConfig, root: str, strings: Strings | None) -> list[Problem]:
    """The theme's templates under overrides/, compiled with MkDocs' own environment (Material's
    templates behind them); what they include must exist."""
    theme = config.theme.custom_dir
    if not theme:
        return []
    from atazan.adapter import theme as theme_globals

    env = theme_globals.install(config.theme.get_env(), config)  # the globals and filters the hook adds
    problems = []
    generator_pages = os.path.join(theme, "atazan", "pages")
    for dirpath, dirnames, filenames in os.walk(theme):
        dirnames[:] = sorted(d for d in dirnames if os.path.join(dirpath, d) != generator_pages)
        for filename in sorted(f for f in filenames if f.endswith(".html")):
            path = os.path.join(dirpath, filename)
            name = os.path.relpath(path, theme).replace(os.sep, "/")
            shown = display_path(path, root)
            try:
                ast = _parsed_template(env, _loader(env).get_source(env, name)[0], name, path)
            except jinja2.TemplateSyntaxError as error:
                problems.append(_template_problem(error, root, shown))
                continue
            for node in ast.find_all((jinja2.nodes.Include, jinja2.nodes.Extends, jinja2.nodes.Import, jinja2.nodes.FromImport)):
                target = getattr(node, "template", None)
                if isinstance(target, jinja2.nodes.Const) and isinstance(target.value, str):
                    try:
                        _loader(env).get_source(env, target.value)
                    except jinja2.TemplateNotFound:
                        if not getattr(node, "ignore_missing", False):
                            problems.append(Problem(shown, "", f"template error: '{target.value}' not found in overrides/ or the theme", node.lineno))
            if strings is not None:
                problems += _keys_missing(ast, shown, {"strings": strings})
    return problems


def _generator_templates(root: str, tables: dict[str, Strings]) -> list[Problem]:
    """Every generator template compiles (also those no page of this dataset uses)."""
    folder = render.template_dir(root)
    if not os.path.isdir(folder):
        return []
    env = render.make_environment(folder, render.cache_dir(root))  # compiled once, as the build's
    problems = []
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".j2")):
        path = os.path.join(folder, name)
        try:
            ast = _parsed_template(env, _loader(env).get_source(env, name)[0], name, path)
        except jinja2.TemplateSyntaxError as error:
            problems.append(_template_problem(error, root, display_path(path, root)))
            continue
        problems += _keys_missing(ast, display_path(path, root), tables)
    return problems


# A live preview (atazan serve) checks every template again on each edit; compiling and parsing
# them is most of that check, and an edit of data changes none of them. A template whose source
# compiled and parsed before is not compiled again: keyed by the source itself (read anew each
# time), so an edit of a template is always checked. Compiling (get_template) also finds an
# unknown filter; the filters are the hook's, the same for the whole process.
_TEMPLATE_ASTS: dict[tuple[str, str, str], jinja2.nodes.Template] = {}


def _parsed_template(env: jinja2.Environment, source: str, name: str, path: str) -> jinja2.nodes.Template:
    key = (path, name, source)
    ast = _TEMPLATE_ASTS.get(key)
    if ast is None:
        env.get_template(name)  # an error raises and is never kept
        ast = env.parse(source, name, path)
        if len(_TEMPLATE_ASTS) > 512:
            _TEMPLATE_ASTS.clear()
        _TEMPLATE_ASTS[key] = ast
    return ast


def _render(plan: site_plan.SitePlan, root: str) -> tuple[list[GeneratedPage] | None, list[Problem]]:
    try:
        return render.render(plan), []
    except DataError as error:
        return None, error.problems
    except jinja2.TemplateSyntaxError as error:
        return None, [_template_problem(error, root, display_path(render.template_dir(root), root))]
    except Exception as error:  # noqa: BLE001 -- a template that fails on this data: name its line
        folder = os.path.abspath(render.template_dir(root))
        frames = [f for f in traceback.extract_tb(error.__traceback__) if os.path.abspath(f.filename).startswith(folder + os.sep)]
        if not frames:
            raise
        where = frames[-1]
        return None, [Problem(display_path(where.filename, root), "", f"template error: {type(error).__name__}: {error}", where.lineno)]


# ---------------------------------------------------------------- the pages of each language


class _Pages:
    """The pages each language's build will have: hand-written ones in docs/<lang>/ and the
    generated ones of the plan; the anchors of a page, rendered as MkDocs renders it."""

    def __init__(self, docs: str, root: str, languages: tuple[str, ...], generated: list[GeneratedPage],
                 config: MkDocsConfig) -> None:
        self.docs, self.root, self.languages, self.config = docs, root, languages, config
        self.generated = {(page.lang, page.path): page.content for page in generated}
        self.hand_written: dict[tuple[str, str], str] = {}  # (lang, path) -> file
        self.files: set[tuple[str, str]] = set()  # (lang, path) of every other file
        for lang in languages:
            folder = os.path.join(docs, lang)
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames.sort()
                for filename in sorted(filenames):
                    path = os.path.join(dirpath, filename)
                    rel = os.path.relpath(path, folder).replace(os.sep, "/")
                    if not filename.endswith(".md"):
                        self.files.add((lang, rel))
                    elif (lang, rel) not in self.generated and not generate.is_generated(path):
                        self.hand_written[(lang, rel)] = path
        self._html: dict[tuple[str, str], str] = {}
        self._anchors: dict[tuple[str, str], set[str]] = {}
        self._markdown: Any = None  # markdown.Markdown, made on first use

    def exists(self, lang: str, path: str) -> bool:
        return (lang, path) in self.generated or (lang, path) in self.hand_written or (lang, path) in self.files

    def markdown(self, lang: str, path: str) -> str | None:
        if (lang, path) in self.generated:
            return self.generated[(lang, path)]
        if (lang, path) in self.hand_written:
            with open(self.hand_written[(lang, path)], encoding="utf-8-sig") as handle:
                return handle.read()
        return None

    def anchors(self, lang: str, path: str) -> set[str]:
        if (lang, path) not in self._anchors:
            self._anchors[(lang, path)] = _Ids.of(self.html(lang, path))
        return self._anchors[(lang, path)]

    def html(self, lang: str, path: str) -> str:
        """The page's body as MkDocs renders it: the Markdown after its front matter, with
        mkdocs.yml's extensions."""
        if (lang, path) not in self._html:
            import markdown  # type: ignore[import-untyped]
            from mkdocs.utils.meta import get_data

            if self._markdown is None:
                self._markdown = markdown.Markdown(extensions=self.config.markdown_extensions,
                                                   extension_configs=self.config.mdx_configs or {})
            converter = self._markdown
            body, _ = get_data(self.markdown(lang, path) or "")
            self._html[(lang, path)] = converter.reset().convert(body)
        return self._html[(lang, path)]


class _Ids(html.parser.HTMLParser):
    """The anchors of a page as MkDocs counts them: every id, and the name of every <a>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if ident := values.get("id"):
            self.ids.add(ident)
        if tag == "a" and (name := values.get("name")):
            self.ids.add(name)
        link = values.get("href") if tag == "a" else values.get("src") if tag == "img" else None
        if link is not None:
            self.links.append(link)

    @classmethod
    def of(cls, page_html: str) -> set[str]:
        parser = cls()
        parser.feed(page_html)
        return parser.ids

    @classmethod
    def links_of(cls, page_html: str) -> list[str]:
        parser = cls()
        parser.feed(page_html)
        return parser.links


# ---------------------------------------------------------------- nav


def _nav(config: MkDocsConfig, root: str, site: _Pages) -> list[Problem]:
    """Every page the nav names exists in every language built: hand-written or generated (a page
    another language has is no page of this one for the nav)."""
    config_file = os.path.abspath(config.config_file_path)
    shown = display_path(config_file, root)
    entries = _nav_entries(config_file)
    problems = []
    for path, line in entries:
        if urlsplit(path).scheme or path.startswith("/") or not path.endswith(".md"):
            continue
        missing = [lang for lang in site.languages if not site.exists(lang, posixpath.normpath(path))]
        if missing:
            where = ", ".join(f"docs/{lang}/{path}" for lang in missing)
            problems.append(Problem(shown, "nav", f"'{path}' is no page in {'/'.join(missing)} (no {where}, and the data generates none)", line))
    return problems


def _nav_entries(config_file: str) -> list[tuple[str, int]]:
    # The nav's page paths with their lines; composed, not loaded: mkdocs.yml's !ENV and
    # !!python tags need no meaning here.
    with open(config_file, encoding="utf-8-sig") as handle:
        node = yaml.compose(handle, Loader=yaml.SafeLoader)
    nav = next((value for key, value in (node.value if isinstance(node, yaml.MappingNode) else [])
                if key.value == "nav"), None)
    found: list[tuple[str, int]] = []
    stack = [nav] if nav is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            found.append((current.value, current.start_mark.line + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack += reversed(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack += reversed([value for _, value in current.value])
    return found


# ---------------------------------------------------------------- links of hand-written pages


def _links(site: _Pages) -> list[Problem]:
    problems = []
    for (lang, path), abs_path in sorted(site.hand_written.items()):
        source = site.markdown(lang, path) or ""
        shown = display_path(abs_path, site.root)
        for href in _Ids.links_of(site.html(lang, path)):
            message = _link_problem(site, lang, path, href)
            if message:
                problems.append(Problem(shown, "", message, _line_of(source, href)))
    return problems


def _link_problem(site: _Pages, lang: str, path: str, href: str) -> str | None:
    scheme, netloc, target, _, anchor = urlsplit(href)
    if scheme or netloc or href.startswith(("/", "\\")):
        return None  # an address on the web, or absolute (MkDocs leaves those as they are)
    if not target:
        if anchor and anchor not in site.anchors(lang, path):
            return f"link '{href}': there is no anchor '#{anchor}' on this page"
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(target)))
    if resolved.startswith("../") or resolved == "..":
        return None  # leaves docs/<lang>/: left to MkDocs (see the module's docstring)
    if not posixpath.splitext(resolved)[1]:
        return None  # a folder: MkDocs only notes it (validation.links.unrecognized_links)
    if not site.exists(lang, resolved):
        return f"link '{href}': docs/{lang}/{resolved} does not exist in {lang}, and the data generates no such page"
    if anchor and resolved.endswith(".md") and anchor not in site.anchors(lang, resolved):
        return f"link '{href}': docs/{lang}/{resolved} has no anchor '#{anchor}'"
    return None


_MARKER = re.compile(r"<!--\s*atazan:.*?-->")


def _markers(site: _Pages) -> list[Problem]:
    """A hand-written page's `<!-- atazan:… -->` markers: the build fills only its known ones
    (`<!-- atazan:held -->`, website/held.py; `<!-- atazan:launcher -->`, website/kinds/home.py), and
    only on a line of their own (each becomes a block)."""
    from atazan.website import held
    from atazan.website.kinds import home

    known = {held.MARKER: "what the dataset holds of the text", home.MARKER: "the home page's launcher"}
    names = ", ".join(f"{marker} ({what})" for marker, what in known.items())
    problems = []
    for (lang, path), abs_path in sorted(site.hand_written.items()):
        for number, line in enumerate((site.markdown(lang, path) or "").splitlines(), start=1):
            for found in _MARKER.finditer(line):
                if found[0] not in known:
                    problems.append(Problem(display_path(abs_path, site.root), "", f"unknown marker '{found[0]}': the build "
                                            f"fills only {names}", number))
                elif line.strip() != found[0]:
                    problems.append(Problem(display_path(abs_path, site.root), "", f"{found[0]} must stand on a line of its "
                                            "own (it becomes a block)", number))
    return problems


def _line_of(source: str, href: str) -> int | None:
    # The rendered page has no source lines: the first line that spells the link.
    for number, line in enumerate(source.splitlines(), start=1):
        if f"({href}" in line or f'"{href}"' in line or f"'{href}'" in line or f"<{href}>" in line:
            return number
    for number, line in enumerate(source.splitlines(), start=1):
        if href in line:
            return number
    return None

