"""The site's Content-Security-Policy: defence in depth under the escaping (decisions/security.md).

Every text from data is escaped for the place it goes; should one escape ever be missed, the
browser still runs no script from it. Pages carry the policy as a <meta> (a static host sends no
headers of ours), written by overrides/partials/atazan/head-csp.html before any script.

- Scripts: the site's own files ('self') and Material's inline scripts by their SHA-256 hashes.
  `policy` receives those scripts as Material's partials render them for the page, never a built
  page's content, so an injected <script> is never hashed. No 'unsafe-inline', no 'unsafe-eval'
  (Material's bundle and lunr need neither), no inline event handlers.
- Styles: 'unsafe-inline' as well, since Markdown writes table alignment as style attributes and
  the print footer is a <style> of the page's own address; a style runs no script.
- Images: the site's own and data: (Material draws its icons as data: SVG in CSS).
- Nothing from another host, no plugins (object-src), no <base> elsewhere, forms post only here.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

# An inline script as Material's partials write it: <script> without attributes.
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # + the hashes
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def script_hash(body: str) -> str:
    """A CSP source expression for one inline script's exact text."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@functools.lru_cache(maxsize=64)  # one per page depth and language: the same few texts for every page
def policy(known_scripts: str) -> str:
    """The policy for one page; `known_scripts`: HTML holding the inline scripts to allow."""
    hashes = sorted({script_hash(body) for body in _INLINE_SCRIPT.findall(str(known_scripts))})
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src":
            value = " ".join([value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)
