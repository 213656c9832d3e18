"""Every value a page template prints is escaped for its place, or is one that cannot hold markup.

The page templates (overrides/atazan/pages/*.md.j2) write Markdown with inline HTML and front
matter; Jinja's autoescape is off there (HTML escaping is not Markdown escaping), so each
`{{ … }}` must say how it is escaped. This reads every template's syntax tree and checks each
printed expression:
- an escaping filter last (|md, |md_block, |html, |url, |tojson, |diff_html, |qr_svg), maybe
  followed by a |replace of constants;
- a macro call (the macro's own prints are checked where it is defined);
- an interface string, t()/tt()/ta()/tb(), whose every value passed in is itself safe by these
  rules (strings.yml is trusted; a data value put into one unescaped was issue 25's F2);
- a constant, or a name from TRUSTED, values the schema or the code makes markup-free.
A new template printing `record.title` raw fails here, before any payload has to find it.
"""

from __future__ import annotations

import os

from jinja2 import nodes

from conftest import ROOT

ESCAPING = {"md", "md_block", "html", "url", "tojson", "diff_html", "qr_svg"}
# Filters that keep a value as safe as it was (|replace of constants after an escape, |join of
# safe items, |length and |lower of anything).
PASSING = {"replace", "join", "lower", "upper", "trim", "string"}
PRODUCING_SAFE = {"length", "count", "int", "round"}
TRANSLATORS = {"t", "tt", "ta", "tb"}
# The route table's link functions (website/routes.py through render.PageLinks): a path made from
# their arguments, so safe exactly when every argument is.
LINK_FUNCTIONS = {"href", "url", "file_url"}

# Names and attributes that hold no markup, and why.
TRUSTED = {
    # paths and links computed by the generator from ids and numbers (website/plan.py, route table)
    "depth", "path", "href", "whole_text", "feed", "counterpart", "source", "source_file",
    # ids and numbers the schema constrains to [a-z0-9-_], digits, Roman numerals
    "id", "eid", "number", "previous", "next", "reference", "version", "old", "new", "paragraphs", "subparagraphs",
    # languages (Literal kk/ru/en) and enumerations (Literal or computed from a fixed set)
    "lang", "text_lang", "reader_lang", "source_language", "text_language", "from_lang", "a", "b", "src",
    "status", "state", "sentence", "kind", "text_kind", "gap", "verdict",
    # dates (date objects, or formatted by Babel from one), counts, line numbers, switches
    "date", "version_date", "outdated", "counts", "line", "search_boost", "index", "generated_mark",
    # a data file's field path as the schema names it (translation status page); an anchor made
    # from version ids (website/changes.py pair_anchor); a word diff's HTML, escaped word by word
    # by website/textdiff.to_html (a markupsafe.Markup)
    "field", "anchor", "html",
    # macro parameters that are Markdown heading marks ("##", "###"), never data
    "level", "heading",
    # a pair of language codes (handouts side by side)
    "pair",
}
# Attributes that are route-table paths (website/routes.py) or dates, never as a plain name: `page`
# alone is a page model.
TRUSTED_ATTRIBUTES = {"page", "updated"}
# Parameters named like data fields: trusted only as the plain name, never as an attribute of a record.
ONLY_AS_NAME = {"heading", "source", "level", "a", "b", "src"}


def _templates():
    from atazan.website import render

    folder = render.template_dir(str(ROOT))
    env = render.make_environment(folder)
    for name in sorted(os.listdir(folder)):
        # Templates Jinja autoescapes (the Atom feeds, *.xml.j2): every printed value is escaped.
        if name.endswith(".j2") and not (env.autoescape(name) if callable(env.autoescape) else env.autoescape):
            yield name, env.parse(open(os.path.join(folder, name), encoding="utf-8").read())


def _macro_names() -> set[str]:
    """Macros, and blocks captured with {% set x %}…{% endset %}: their own prints are checked."""
    names = {"caller"}
    for _, tree in _templates():
        names |= {macro.name for macro in tree.find_all(nodes.Macro)}
        names |= {block.target.name for block in tree.find_all(nodes.AssignBlock) if isinstance(block.target, nodes.Name)}
    return names


def _describe(node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_describe(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{_describe(node.node)}[…]"
    if isinstance(node, nodes.Filter):
        return f"{_describe(node.node)}|{node.name}"
    if isinstance(node, nodes.Call):
        return f"{_describe(node.node)}(…)"
    return type(node).__name__


def unsafe(node, macros: set[str]) -> list[str]:
    """The parts of a printed expression that could carry markup unescaped."""
    if isinstance(node, (nodes.Const, nodes.TemplateData)):
        return []
    if isinstance(node, nodes.Filter):
        if node.name in ESCAPING or node.name in PRODUCING_SAFE:
            return []
        if node.name in PASSING:
            return unsafe(node.node, macros)
        return [_describe(node)]
    if isinstance(node, nodes.CondExpr):
        return unsafe(node.expr1, macros) + (unsafe(node.expr2, macros) if node.expr2 is not None else [])
    if isinstance(node, nodes.Concat):
        return [part for child in node.nodes for part in unsafe(child, macros)]
    if isinstance(node, nodes.Call):
        callee = node.node
        if isinstance(callee, nodes.Name) and callee.name in macros or (
                isinstance(callee, nodes.Getattr) and isinstance(callee.node, nodes.Name) and callee.attr in macros):
            return []
        translator = (isinstance(callee, nodes.Name) and callee.name in TRANSLATORS) or (
            isinstance(callee, nodes.Call) and isinstance(callee.node, nodes.Name) and callee.node.name == "t_for")
        if translator:
            return [part for kwarg in node.kwargs for part in unsafe(kwarg.value, macros)]
        if (isinstance(callee, nodes.Name) and callee.name in LINK_FUNCTIONS or
                isinstance(callee, nodes.Getattr) and isinstance(callee.node, nodes.Name) and callee.node.name == "routes"):
            return [part for arg in [*node.args, *(kwarg.value for kwarg in node.kwargs)] for part in unsafe(arg, macros)]
        return [_describe(node)]
    if isinstance(node, nodes.Name):
        return [] if node.name in TRUSTED or node.name in macros or node.name == "loop" else [node.name]
    if isinstance(node, nodes.Getattr):
        if node.attr in TRUSTED and node.attr not in ONLY_AS_NAME or node.attr in TRUSTED_ATTRIBUTES:
            return []
        if isinstance(node.node, nodes.Name) and node.node.name == "routes":  # a path constant of the route table
            return []
        if isinstance(node.node, nodes.Name) and node.node.name == "loop":
            return []
        if isinstance(node.node, nodes.Getattr) and node.node.attr == "counts":  # pair.counts.removed
            return []
        return [_describe(node)]
    if isinstance(node, nodes.Getitem):
        if isinstance(node.node, nodes.Getattr) and node.node.attr == "counts":
            return []
        if isinstance(node.node, nodes.Name) and node.node.name in TRUSTED:
            return unsafe(node.arg, macros)
        return [_describe(node)]
    return [_describe(node)]


def test_every_printed_value_is_escaped_or_markup_free():
    macros = _macro_names()
    found = {}
    for name, tree in _templates():
        for output in tree.find_all(nodes.Output):
            for child in output.nodes:
                for part in unsafe(child, macros):
                    found.setdefault(name, []).append(f"line {child.lineno}: {part}")
    assert found == {}


def test_the_audit_catches_a_raw_data_value():
    from jinja2 import Environment

    macros = _macro_names()
    env = Environment()

    def parts(source: str) -> list[str]:
        tree = env.parse(source)
        return [p for out in tree.find_all(nodes.Output) for child in out.nodes for p in unsafe(child, macros)]

    assert parts("{{ page.title.text }}") == ["page.title.text"]
    assert parts("## {{ tt('text.index.articles', version=reference.shown.version_label) }}") == ["reference.shown.version_label"]
    assert parts("{{ section.heading }}") == ["section.heading"]
    assert parts("{{ online.split('://')[-1] }}") == ["online.split(…)[…]"]
    assert parts("{{ page.title.text|md }} {{ tt('x', version=label|md) }} {{ depth }}{{ link.path }}") == []
