"""Copied by atazan bench into the plain project copy: theme globals for the plain build (see hooks/atazan/tools/bench.py)."""
import json
import os

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "plain_theme_strings.json"), encoding="utf-8") as _handle:
    _THEME = json.load(_handle)


def _csp(known_scripts):
    # The same policy as the real build's (partials/atazan/head-csp.html): the generator package
    # is importable here as in any bench build (PYTHONPATH or the editable install).
    from atazan.website.csp import policy

    return policy(known_scripts)


def on_env(env, config, files):
    lang = config.theme.get("language")
    lang = lang if lang in _THEME["home"] else _THEME["default"]
    strings = _THEME["strings"]
    env.globals["atazan_say"] = lambda key, **values: strings[key][lang].format(**values) if values else strings[key][lang]
    env.globals["atazan_home"] = _THEME["home"]
    env.globals["atazan_default"] = _THEME["default"]
    env.filters["atazan_csp"] = _csp
    return env
