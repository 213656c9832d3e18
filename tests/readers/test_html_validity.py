"""HTML validity of a sample of built pages, checked by the Nu Html Checker (vnu-jar from npm)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT
from readers.test_a11y import sample_pages

# Errors in Material 9.8.1's own markup, which we do not template: its checkbox toggles carry
# autocomplete="off", and the sidebar's "Table of contents" label points at the __toc toggle
# that Material leaves out on pages without one. Matched on the exact element, nothing wider.
MATERIAL_MARKUP = (
    ("Attribute “autocomplete” is only allowed", 'class="md-toggle"'),
    ("The value of the “for” attribute of the “label” element", 'for="__toc"'),
)
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.slow  # a Java start and the checker over a dozen pages
def test_sample_pages_are_valid_html(site_dir):
    if shutil.which("java") is None:
        pytest.skip("java is not installed; scripts/test installs default-jre-headless")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `npm ci` (scripts/test does)")
    pages = [path for _, _, path in sample_pages(site_dir)] + [site_dir / "404.html"]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
              for m in messages if m.get("type") == "error"
              and not any(m["message"].startswith(msg) and element in m.get("extract", "") for msg, element in MATERIAL_MARKUP)]
    assert errors == [], "\n".join(errors[:40])
