"""The real build: every generated page exists in every language, with the right lang."""

from __future__ import annotations

import json
import re

import pytest

from conftest import LANGUAGES


def _prefix(lang: str) -> str:
    return "" if lang == "kk" else f"{lang}/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_provision_and_theme_page_exists_with_its_lang(site_dir, dataset, lang):
    pages = [f"provisions/{pid}/" for pid in dataset.provisions] + [f"themes/{tid}/" for tid in dataset.themes]
    for page in pages:
        html = (site_dir / _prefix(lang) / page / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{lang}"', html), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_data_lists_every_page(site_dir, dataset, lang):
    exported = json.loads((site_dir / "api" / "v1" / f"{lang}.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in exported["provisions"]} == set(dataset.provisions)
    assert {t["id"] for t in exported["themes"]} == set(dataset.themes)
    for entry in exported["provisions"] + exported["themes"]:
        assert (site_dir / entry["url"] / "index.html").is_file(), entry["url"]
