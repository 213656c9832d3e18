"""What the build refuses before it starts, each as one line:
- a symbolic link in docs/ or overrides/ (the theme's custom_dir) that leads out of the repository,
  into .git, or to a folder, and a docs_dir or custom_dir outside it: MkDocs copies what they hold
  into the site (a link to /proc/self/environ would publish the build's environment) and walks
  linked folders (a link to an ancestor hung the build);
- a site_url or repo_url (SITE_URL, REPO_URL in the environment) that is not a plain web address:
  Material prints both unescaped into every page (<link rel="canonical">, the repository link),
  so a quote in one would end the attribute and the rest would be markup."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from atazan.dataset.schema import URL_PATTERN, url_problem
from atazan.errors import display_path
from atazan.fsutil import is_inside, unsafe_links


def refuse_links_out_of_docs(config: MkDocsConfig, root: str) -> None:
    """docs/ and the theme's custom_dir (overrides/): MkDocs copies every file of both that is not
    a page or a template into the site."""
    folders = [config.docs_dir] + ([config.theme.custom_dir] if config.theme.custom_dir else [])
    for folder in folders:
        if not is_inside(folder, root):
            raise PluginError(f"mkdocs.yml: {display_path(folder, root)} is outside the repository; MkDocs would publish it")
    found = [entry for folder in folders for entry in unsafe_links(folder, root)]
    if found:
        raise PluginError("\n".join(
            f"{display_path(link, root)}: a symbolic link to {target}, {reason}; "
            "MkDocs would publish it: copy the file in or remove the link" for link, target, reason in found))


def refuse_unsafe_addresses(config: MkDocsConfig) -> None:
    for key, variable in (("site_url", "SITE_URL"), ("repo_url", "REPO_URL")):
        value = config.get(key)
        if value and not re.fullmatch(URL_PATTERN, value):
            raise PluginError(f"mkdocs.yml: {key} (or {variable} in the environment): {url_problem(value)}")
