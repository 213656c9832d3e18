"""What the build refuses before it starts, each as one line:
- a symbolic link in docs/ that leads out of the repository (or into .git): MkDocs would copy what
  it points at into the site, so /proc/self/environ would publish the build's environment;
- a site_url or repo_url (SITE_URL, REPO_URL in the environment) that is not a plain web address:
  Material prints both unescaped into every page (<link rel="canonical">, the repository link),
  so a quote in one would end the attribute and the rest would be markup."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from atazan.dataset.schema import URL_PATTERN, url_problem
from atazan.errors import display_path
from atazan.fsutil import links_leaving


def refuse_links_out_of_docs(config: MkDocsConfig, root: str) -> None:
    found = links_leaving(config.docs_dir, root)
    if found:
        raise PluginError("\n".join(
            f"{display_path(link, root)}: a symbolic link to {target}, outside the repository; "
            "MkDocs would publish it: copy the file in or remove the link" for link, target in found))


def refuse_unsafe_addresses(config: MkDocsConfig) -> None:
    for key, variable in (("site_url", "SITE_URL"), ("repo_url", "REPO_URL")):
        value = config.get(key)
        if value and not re.fullmatch(URL_PATTERN, value):
            raise PluginError(f"mkdocs.yml: {key} (or {variable} in the environment): {url_problem(value)}")
