"""What our theme partials call beyond Material's own: installed on MkDocs' template environment by
the hook's on_env, and by adapter/checks.py before it compiles the theme, so that a check sees the
templates as the build renders them."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig

from atazan import DEFAULT_LANGUAGE, LANGUAGES
from atazan.adapter.state import language, root_of
from atazan.website import csp
from atazan.website.i18n import load_strings, strings_path
from atazan.website.routes import HOME, page_url


def install(env: Environment, config: MkDocsConfig) -> Environment:
    # Theme partials read strings.yml through atazan_say("key"), in this build's language.
    root = root_of(config)
    strings = load_strings(strings_path(root), root)
    lang = language(config)
    env.globals["atazan_say"] = lambda key, **values: strings.get(key, lang, **values)
    env.globals["atazan_home"] = {code: page_url(code, HOME) for code in LANGUAGES}
    env.globals["atazan_default"] = DEFAULT_LANGUAGE
    env.filters["atazan_csp"] = csp.policy  # partials/atazan/head-csp.html
    return env
