"""`atazan serve --lang`: one language built, an edit of data/ shown without a second rebuild, an
edit of the theme (overrides/) or of the strings shown on every page, a clear error for an unknown
language. (The timing, which a shared machine cannot assert: scripts/serve_latency.py.)"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from adapter.test_build import _project_with_fixture_data


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _until(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _quiet(log: Path, seconds: float = 3.0, timeout: float = 120) -> str:
    size, since, deadline = -1, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.stat().st_size != size:
            size, since = log.stat().st_size, time.monotonic()
        elif time.monotonic() - since >= seconds:
            break
        time.sleep(0.1)
    return log.read_text(encoding="utf-8")


@pytest.mark.slow  # a server, a first build and a rebuild
def test_serve_one_language_shows_edits_of_data_theme_and_strings(tmp_path):
    project = _project_with_fixture_data(tmp_path / "project")
    address = f"127.0.0.1:{_free_port()}"
    base = f"http://{address}/ata-zan/"
    log = tmp_path / "serve.log"
    env = {key: value for key, value in os.environ.items() if key != "ATAZAN_LANGUAGES"}
    with open(log, "wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "atazan", "serve", "--lang", "ru", "-a", address],
                                  cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            page = base + "ru/provisions/ownership/"
            assert _until(lambda: _get(page)[0] == 200, timeout=180), log.read_text(encoding="utf-8")[-3000:]
            first = _quiet(log)
            assert "atazan: only ru built" in first and "Aborted" not in first
            assert _get(base + "en/provisions/ownership/")[0] == 404  # the other languages are not built
            assert "<html lang=\"ru\"" in _get(page)[1]

            data = project / "data" / "provisions" / "ownership.yml"
            text = data.read_text(encoding="utf-8")
            old = 'ru: {text: "Формы собственности (статья 8 первого проекта)"'
            assert text.count(old) == 1
            data.write_text(text.replace(old, 'ru: {text: "Формы собственности — проверка превью"'), encoding="utf-8")
            assert _until(lambda: "проверка превью" in _get(page)[1], timeout=120), log.read_text(encoding="utf-8")[-3000:]
            after = _quiet(log)[len(first):]
            # One rebuild for the edit: the generated pages it wrote into docs/ did not trigger another.
            assert after.count("Building documentation...") == 1, after
            assert "pages (ru " in after and "0 warning(s)" in after

            # The theme: an edit of main.html shows on every page, also those whose Markdown is unchanged.
            about = base + "ru/about/"
            theme = project / "overrides" / "main.html"
            text = theme.read_text(encoding="utf-8")
            assert text.count("{% block content %}\n") == 1
            theme.write_text(text.replace("{% block content %}\n", "{% block content %}\n<p>theme-probe</p>\n"), encoding="utf-8")
            for url in (page, about):
                assert _until(lambda: "<p>theme-probe</p>" in _get(url)[1], timeout=120), url + log.read_text(encoding="utf-8")[-3000:]
            # The strings: the heading anchors' title (the hook reads strings.yml) on a hand-written page.
            strings = project / "overrides" / "atazan" / "strings.yml"
            text = strings.read_text(encoding="utf-8")
            old = 'ru: "Постоянная ссылка на этот раздел"'
            assert text.count(old) == 1
            strings.write_text(text.replace(old, 'ru: "Постоянная ссылка — проверка превью"'), encoding="utf-8")
            assert _until(lambda: "Постоянная ссылка — проверка превью" in _get(about)[1], timeout=120), log.read_text(encoding="utf-8")[-3000:]
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_unknown_language_to_build_is_one_clear_error(tmp_path):
    project = _project_with_fixture_data(tmp_path / "project")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "out")],
                            cwd=project, env=dict(os.environ, ATAZAN_LANGUAGES="de"), capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "ATAZAN_LANGUAGES=de: unknown language(s) de; choose from kk, ru, en" in result.stderr


def test_an_edited_string_table_is_read_again(tmp_path):
    # `mkdocs serve` / `atazan serve` load the tables many times in one process: an edit must show.
    from atazan.website.i18n import load_strings

    path = tmp_path / "overrides" / "atazan" / "strings.yml"
    path.parent.mkdir(parents=True)
    path.write_text("probe: {kk: бір, ru: один, en: one}\n", encoding="utf-8")
    assert load_strings(str(path), str(tmp_path)).get("probe", "en") == "one"
    path.write_text("probe: {kk: бір, ru: один, en: one edited}\n", encoding="utf-8")
    assert load_strings(str(path), str(tmp_path)).get("probe", "en") == "one edited"


# Two builds in one Python process, as `mkdocs serve` runs them, with strings.yml edited between.
TWO_BUILDS = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, out = Path(sys.argv[1]), sys.argv[2]
strings = project / "overrides" / "atazan" / "strings.yml"
page = Path(out) / "en" / "provisions" / "ownership" / "index.html"
build(load_config(str(project / "mkdocs.yml"), site_dir=out))
print("first:", "What it says EDITED" in page.read_text(encoding="utf-8"), "Permanent link to this section EDITED" in page.read_text(encoding="utf-8"))
text = strings.read_text(encoding="utf-8")
for old, new in (("en: What it says}", "en: What it says EDITED}"), ('en: "Permanent link to this section"}', 'en: "Permanent link to this section EDITED"}')):
    assert text.count(old) == 1, old
    text = text.replace(old, new)
strings.write_text(text, encoding="utf-8")
build(load_config(str(project / "mkdocs.yml"), site_dir=out))
html = page.read_text(encoding="utf-8")
print("second:", "What it says EDITED" in html, "Permanent link to this section EDITED" in html)
"""


@pytest.mark.slow  # two builds of the core project
def test_two_builds_in_one_process_show_a_strings_edit(tmp_path):
    project = _project_with_fixture_data(tmp_path / "project")
    env = dict(os.environ, ATAZAN_LANGUAGES="en")
    result = subprocess.run([sys.executable, "-c", TWO_BUILDS, str(project), str(tmp_path / "out")], cwd=project,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    # The page heading (rendered by the generator) and the heading anchors' title (set by the hook).
    assert result.stdout.splitlines() == ["first: False False", "second: True True"], result.stdout + result.stderr[-3000:]
