"""What our theme partials call beyond Material's own: installed on MkDocs' template environment by
the hook's on_env, and by adapter/checks.py before it compiles the theme, so that a check sees the
templates as the build renders them."""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig

from atazan import DEFAULT_LANGUAGE, LANGUAGES
from atazan.adapter.state import language, root_of
from atazan.website import csp, official
from atazan.website.i18n import load_strings, strings_path
from atazan.website.plan import SitePlan
from atazan.website.routes import HOME, page_url


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates for the life of the process. MkDocs makes a new template environment
    for every build, and so compiled Material's templates again for each language of a build and on
    every rebuild of a live preview (a sixth of a preview rebuild's time). Jinja keys each entry by
    the template's name and a checksum of its source: an edited template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_THEME_BYTECODE = _MemoryBytecodeCache()


def install(env: Environment, config: MkDocsConfig, plan: SitePlan | None = None) -> Environment:
    if env.bytecode_cache is None:
        env.bytecode_cache = _THEME_BYTECODE
    # Theme partials read strings.yml through atazan_say("key"), in this build's language.
    root = root_of(config)
    strings = load_strings(strings_path(root), root)
    lang = language(config)
    env.globals["atazan_say"] = lambda key, **values: strings.get(key, lang, **values)
    # Whether the site holds the text, and where it is officially published (the search note on an
    # article number and the 404 page say so; without a plan, as `atazan validate` compiles the theme: held).
    env.globals["atazan_official"] = official.theme_view(plan.dataset if plan else None, lang, env.globals["atazan_say"])
    env.globals["atazan_home"] = {code: page_url(code, HOME) for code in LANGUAGES}
    env.globals["atazan_default"] = DEFAULT_LANGUAGE
    env.filters["atazan_csp"] = csp.policy  # partials/atazan/head-csp.html
    return env
