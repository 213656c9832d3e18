"""The build stays inside the repository: a symbolic link in docs/ that leads out of it (or into
.git) stops the build with one line, before MkDocs would copy what it points at into the site."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from atazan.errors import display_path
from atazan.fsutil import links_leaving


def refuse_links_out_of_docs(config: MkDocsConfig, root: str) -> None:
    found = links_leaving(config.docs_dir, root)
    if found:
        raise PluginError("\n".join(
            f"{display_path(link, root)}: a symbolic link to {target}, outside the repository; "
            "MkDocs would publish it: copy the file in or remove the link" for link, target in found))
