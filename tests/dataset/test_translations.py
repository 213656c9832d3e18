"""Translation status and staleness (issue 4, parts 3 and 5).

Fingerprints and states (hooks/atazan/dataset/translations.py), `atazan stamp` on real data files,
`atazan validate` warnings, the page banner and the translation-status page in the real built
site, and the completeness of every interface string table.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES, ROOT, atazan_process, build_site

sys.path.insert(0, str(ROOT / "hooks"))

from atazan.dataset import schema, translations  # noqa: E402

HASH_KEY = re.compile(r', source_hash: "[0-9a-f]{8}"|\r?\n *source_hash: "[0-9a-f]{8}"(?=\r?\n)')
OWNERSHIP = "data/provisions/ownership.yml"


def sha8(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """`atazan ARGS` from `cwd`, in this process (plain lines unless GITHUB_ACTIONS is given)."""
    return atazan_process(*args, cwd=cwd, env={"GITHUB_ACTIONS": None, **env})


def strip_hashes(text: str) -> str:
    return HASH_KEY.sub("", text)


# ---------------------------------------------------------------- fingerprints and states

def test_fingerprint_is_sha256_of_the_text_as_the_reader_sees_it():
    assert translations.fingerprint("Forms of ownership") == sha8("Forms of ownership")
    # Paragraphs stay apart; whitespace inside a paragraph becomes one space.
    assert translations.fingerprint("  One\r\n  two  \r\n\r\n\tThree \n") == sha8("One two\n\nThree")


@pytest.mark.parametrize("variant", [
    "First line.\r\nSecond line.\r\n\r\nNext paragraph.\r\n",  # CRLF
    "First line.   \nSecond line.\t\n\nNext paragraph.",  # trailing whitespace, no final newline
    "First line. Second line.\n\nNext paragraph.\n",  # re-wrapped inside the paragraph
    "First line.\nSecond line.\n \nNext paragraph.",  # a "blank" line holding a space
])
def test_invisible_changes_keep_the_fingerprint(variant):
    assert translations.fingerprint(variant) == translations.fingerprint(
        "First line.\nSecond line.\n\nNext paragraph.\n")


def test_unicode_normalisation_keeps_the_fingerprint():
    # "й" typed as one code point, or as "и" + combining breve (some keyboards and PDFs).
    assert translations.fingerprint("Жылжымайтын мүлік й") == translations.fingerprint("Жылжымайтын мүлік \u0438\u0306")


@pytest.mark.parametrize("changed", [
    "First line.\nSecond line!\n\nNext paragraph.",  # punctuation
    "First line.\nSecond lines.\n\nNext paragraph.",  # a word
    "First line.\nSecond line.\nNext paragraph.",  # a paragraph break removed
    "First line.\n\nSecond line.\n\nNext paragraph.",  # a paragraph break added
])
def test_visible_changes_change_the_fingerprint(changed):
    assert translations.fingerprint(changed) != translations.fingerprint("First line.\nSecond line.\n\nNext paragraph.")


def _texts(**entries):
    return {lang: schema.LocalText.model_validate(value) for lang, value in entries.items()}


def test_states():
    texts = _texts(
        en={"text": "Forms of ownership", "status": "original"},
        ru={"text": "Формы собственности", "status": "translated", "from": "en", "source_hash": sha8("Forms of ownership")},
        kk={"text": "Меншік нысандары", "status": "reviewed", "from": "en", "source_hash": sha8("Forms")},
    )
    source = translations.source_text(texts, "ru")
    assert source == "Forms of ownership"
    assert translations.state(texts["en"], None) is None
    assert translations.state(texts["ru"], source) == translations.CURRENT
    assert translations.state(texts["kk"], source) == translations.OUTDATED
    unstamped = schema.LocalText.model_validate({"text": "x", "status": "translated", "from": "en"})
    assert translations.state(unstamped, source) == translations.UNFINGERPRINTED
    assert translations.state(unstamped, None) == translations.NO_SOURCE


def test_the_source_of_a_rendering_of_quoted_text_is_the_quote():
    quote = "all forms of ownership are recognised"
    version = schema.TextVersion.model_validate({
        "version": "final_draft", "text": quote, "text_kind": "quote", "text_language": "en",
        "translations": {"ru": {"text": "все формы", "status": "translated", "from": "en", "source_hash": sha8(quote)},
                         "kk": {"text": "барлық нысан", "status": "translated", "from": "ru"}},
        "source": {"outlet": "o", "title": "t", "date": "2026-02-11", "url": "https://example.org/a"},
    })
    assert translations.source_text(version.translations, "ru", version) == quote
    assert translations.source_text(version.translations, "kk", version) == "все формы"
    found = {f.loc: f for f in translations.walk(version)}
    assert translations.state(found[("translations", "ru")].entry, found[("translations", "ru")].source) == "current"


# ---------------------------------------------------------------- atazan stamp on real files

@pytest.fixture
def real_data(tmp_path) -> Path:
    """A copy of the real data/ in tmp_path/data."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def test_the_committed_dataset_is_fully_stamped_and_current():
    result = run("validate", "--strict-translations", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_stamping_unstamped_files_adds_only_the_hash_keys(real_data):
    """Every byte of a curated file survives: comments, order, flow style, `|` blocks."""
    files = sorted(real_data.rglob("*.yml"))
    originals = {p: p.read_bytes() for p in files}
    for path in files:
        path.write_bytes(strip_hashes(path.read_text(encoding="utf-8")).encode("utf-8"))
    stripped = {p: p.read_bytes() for p in files}
    assert stripped != originals

    result = run("stamp", cwd=real_data.parent)
    assert result.returncode == 0, result.stderr
    for path in files:
        after = path.read_text(encoding="utf-8")
        assert strip_hashes(after).encode("utf-8") == stripped[path], path
    # housing-eviction.yml mixes flow mappings, block mappings with `|` text and nested renderings.
    housing = (real_data / "provisions" / "housing-eviction.yml").read_text(encoding="utf-8")
    assert housing.startswith("# yaml-language-server: $schema=../../schema/provision.schema.json\n# A proposed norm")
    assert re.search(r'  ru: \{text: "Запрет выселения без решения суда \(предложение\)", status: translated, '
                     r'from: en, source_hash: "[0-9a-f]{8}"\}\n', housing)
    assert re.search(r'    ru:\n      status: translated\n      from: en\n      source_hash: "[0-9a-f]{8}"\n      text: \|\n', housing)
    # Every translation is now current, and a second run changes nothing.
    assert run("validate", "--strict-translations", "--data", str(real_data), cwd=real_data.parent).returncode == 0
    again = run("stamp", "--check", cwd=real_data.parent)
    assert again.returncode == 0 and again.stdout.startswith("atazan stamp --check: 0 translation(s)")


def test_stamp_keeps_crlf_bom_and_a_comment_after_from(real_data):
    path = real_data / "provisions" / "housing-eviction.yml"
    text = strip_hashes(path.read_text(encoding="utf-8"))
    # A translator's comment on the `from:` line of a block mapping (explanation.says.ru).
    marked = text.replace("    ru:\n      status: translated\n      from: en\n",
                          "    ru:\n      status: translated\n      from: en  # checked against the video\n", 1)
    assert marked != text
    path.write_bytes(b"\xef\xbb\xbf" + marked.replace("\n", "\r\n").encode("utf-8"))

    result = run("stamp", "data/provisions/housing-eviction.yml", cwd=real_data.parent)
    assert result.returncode == 0, result.stderr

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    body = raw[3:].decode("utf-8")
    assert "\n" not in body.replace("\r\n", "")  # no bare LF slipped in
    assert strip_hashes(body) == marked.replace("\n", "\r\n")
    assert re.search(r'      from: en  # checked against the video\r\n      source_hash: "[0-9a-f]{8}"\r\n      text: \|', body)


def test_hash_is_written_quoted_so_digits_stay_text(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a:\n  ru: {text: x, status: translated, from: en}\n  kk:\n    status: translated\n    from: en\n    text: y\n",
                    encoding="utf-8")
    out = translations.stamp_file(str(path), {("a", "ru"): "12345678", ("a", "kk"): "00000e10"}).decode("utf-8")
    data = yaml.safe_load(out)
    assert data["a"]["ru"]["source_hash"] == "12345678"
    assert data["a"]["kk"]["source_hash"] == "00000e10"
    assert out == ('a:\n  ru: {text: x, status: translated, from: en, source_hash: "12345678"}\n'
                   '  kk:\n    status: translated\n    from: en\n    source_hash: "00000e10"\n    text: y\n')


def _says_line(path: Path, lang: str) -> int:
    """The 1-based line where explanation.says.<lang>'s mapping starts (the line below `<lang>:`)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    says = lines.index("  says:")
    return lines.index(f"    {lang}:", says) + 2


def _edit_english_says(data: Path) -> None:
    path = data / "provisions" / "ownership.yml"
    text = path.read_text(encoding="utf-8")
    old = "According to the Deputy Chairman of the Constitutional Court, Article 8"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "According to the Deputy Chairman of the Constitutional Court, draft Article 8"),
                    encoding="utf-8")


def test_editing_the_source_outdates_translations_until_they_are_restamped(real_data):
    project = real_data.parent
    before = (real_data / "provisions" / "ownership.yml").read_bytes()
    _edit_english_says(real_data)
    edited = (real_data / "provisions" / "ownership.yml").read_bytes()
    ru_line, kk_line = _says_line(real_data / "provisions" / "ownership.yml", "ru"), _says_line(real_data / "provisions" / "ownership.yml", "kk")
    expected = [
        f"{OWNERSHIP}:{ru_line}: explanation.says.ru: translation outdated: source en changed since it was translated; "
        f"update it, then run `atazan stamp {OWNERSHIP} --field explanation.says.ru`",
        f"{OWNERSHIP}:{kk_line}: explanation.says.kk: translation outdated: source en changed since it was translated; "
        f"update it, then run `atazan stamp {OWNERSHIP} --field explanation.says.kk`",
    ]

    # A warning by default (exit 0) ...
    result = run("validate", cwd=project)
    assert result.returncode == 0
    assert result.stderr.splitlines() == expected
    assert result.stdout.strip().endswith("2 warning(s)")
    # ... an error with the flag, and an annotation of the right kind in GitHub Actions.
    strict = run("validate", "--strict-translations", cwd=project)
    assert strict.returncode == 1
    assert strict.stderr.splitlines() == expected + ["atazan: 2 translation error(s) in data (--strict-translations)"]
    annotated = run("validate", cwd=project, GITHUB_ACTIONS="true")
    assert annotated.stderr.splitlines()[0].startswith(f"::warning file={OWNERSHIP},line={ru_line}::explanation.says.ru: translation outdated")
    annotated = run("validate", "--strict-translations", cwd=project, GITHUB_ACTIONS="true")
    assert annotated.stderr.splitlines()[0].startswith(f"::error file={OWNERSHIP},line={ru_line}::")

    # Stamping without naming the field never marks an outdated translation as fresh.
    plain = run("stamp", cwd=project)
    assert plain.returncode == 0, plain.stderr
    assert "0 translation(s) stamped in 0 file(s); 2 outdated translation(s) left" in plain.stdout
    assert (real_data / "provisions" / "ownership.yml").read_bytes() == edited
    check = run("stamp", OWNERSHIP, "--field", "explanation.says.ru", "--check", cwd=project)
    assert check.returncode == 1
    assert (real_data / "provisions" / "ownership.yml").read_bytes() == edited

    # The translator updates ru and names it: only ru becomes current.
    named = run("stamp", OWNERSHIP, "--field", "explanation.says.ru", cwd=project)
    assert named.returncode == 0, named.stderr
    assert named.stdout.splitlines()[0].startswith(f"{OWNERSHIP}:{ru_line}: explanation.says.ru: source_hash ")
    assert run("validate", cwd=project).stderr.splitlines() == expected[1:]
    # The only byte change is ru's hash value.
    after = (real_data / "provisions" / "ownership.yml").read_text(encoding="utf-8")
    assert strip_hashes(after) == strip_hashes(edited.decode("utf-8"))
    assert after.count("source_hash") == before.decode("utf-8").count("source_hash")

    # A prefix names every language under it.
    assert run("stamp", OWNERSHIP, "--field", "explanation.says", cwd=project).returncode == 0
    assert run("validate", "--strict-translations", cwd=project).returncode == 0


@pytest.mark.parametrize("args, message", [
    (("stamp", OWNERSHIP, "--field", "explanation.sayz"), f"atazan stamp: {OWNERSHIP}: no translation at --field explanation.sayz"),
    (("stamp", "--field", "title.ru"), "atazan stamp: --field needs exactly one FILE"),
    (("stamp", "data/provisions/nothing.yml"), "atazan stamp: data/provisions/nothing.yml: not a data file with translations in data"),
])
def test_stamp_refuses_unclear_requests(real_data, args, message):
    before = {p: p.read_bytes() for p in real_data.rglob("*.yml")}
    result = run(*args, cwd=real_data.parent)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message]
    assert {p: p.read_bytes() for p in real_data.rglob("*.yml")} == before


def test_stamp_refuses_invalid_data(real_data):
    path = real_data / "themes" / "housing.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("order: 10", "order: ten"), encoding="utf-8")
    result = run("stamp", cwd=real_data.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["atazan stamp: data is invalid: data/themes/housing.yml:3: order: expected a whole number, got 'ten'"]


# ---------------------------------------------------------------- pages: banner and status page

class _Collect(HTMLParser):
    """Elements by class, and every link, from one built page."""

    def __init__(self):
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.spans: list[dict[str, str]] = []
        self.notice: dict[str, str] | None = None
        self.cells: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "a":
            self.links.append(attrs)
        if tag == "span" and "atazan-status" in attrs.get("class", ""):
            self.spans.append(attrs)
        if tag == "p" and "atazan-translation-notice" in attrs.get("class", ""):
            self.notice = attrs
        if tag in ("td", "th"):
            self._cell = []

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append("".join(self._cell).strip())
            self._cell = None


def _page(site: Path, lang: str, rel: str) -> tuple[str, _Collect]:
    path = site / ("" if lang == "kk" else lang) / rel / "index.html"
    html = path.read_text(encoding="utf-8")
    parsed = _Collect()
    parsed.feed(html)
    return html, parsed


def _resolve(site: Path, lang: str, rel: str, href: str) -> Path:
    base = site / ("" if lang == "kk" else lang) / rel
    return (base / href.split("#")[0]).resolve() / "index.html"


def _copy_project(target: Path) -> Path:
    """The project as a contributor has it (data, docs, hooks, overrides), without the generated pages."""
    from atazan.tools import bench

    skip = shutil.ignore_patterns(".*", "site", "node_modules", "tests", "__pycache__", "*.egg-info", "*.zip")
    shutil.copytree(ROOT, target, ignore=skip)
    bench.remove_generated(str(target / "docs"))
    return target


STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings.yml").read_text(encoding="utf-8"))


@pytest.mark.slow  # two builds of a copy of the project
def test_outdated_translation_shows_on_the_built_pages_until_restamped(tmp_path):
    """Done when: an English explanation changes -> kk and ru pages say so; stamping clears it."""
    project = _copy_project(tmp_path / "project")
    _edit_english_says(project / "data")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=project, env=env, capture_output=True, text=True, timeout=600)
    # The build still passes --strict, and names the outdated texts at INFO level.
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"INFO    -  {OWNERSHIP}:{_says_line(project / 'data' / 'provisions' / 'ownership.yml', 'ru')}: " \
           "explanation.says.ru: translation outdated" in result.stderr
    site = tmp_path / "site"

    for lang in ("kk", "ru"):
        html, page = _page(site, lang, "provisions/ownership")
        outdated = [s for s in page.spans if s.get("data-outdated") == "true"]
        assert len(outdated) == 1  # explanation.says only
        assert STRINGS["status.outdated"][lang] in html
        assert STRINGS["translation.outdated.title"][lang] in html
        assert page.notice is not None and page.notice["data-outdated"] == "1"
        # The "suggest a translation" line at the foot of the page says why: outdated.
        assert re.findall(r'class="atazan-translate" data-gap="(\w+)"', html) == ["outdated"]
        originals = [a["href"] for a in page.links if "atazan-original-link" in a.get("class", "")]
        assert originals and all(a for a in originals)
        for href in originals:
            assert _resolve(site, lang, "provisions/ownership", href) == (site / "en" / "provisions" / "ownership" / "index.html").resolve()
        # The status page of this language counts and lists it, with the page and the data file.
        html, status = _page(site, lang, "translations")
        assert f"explanation.says.{lang}" in html
        assert f"{OWNERSHIP}:{_says_line(project / 'data' / 'provisions' / 'ownership.yml', lang)}" in html
    html, page = _page(site, "en", "provisions/ownership")
    assert 'data-outdated="true"' not in html and page.notice["data-outdated"] == "0"
    _, other = _page(site, "ru", "provisions/unitary-state")
    assert other.notice["data-outdated"] == "0"

    stamped = run("stamp", OWNERSHIP, "--field", "explanation.says", cwd=project)
    assert stamped.returncode == 0, stamped.stderr
    site = build_site(project, tmp_path / "site-2")
    for lang in LANGUAGES:
        html, page = _page(site, lang, "provisions/ownership")
        assert 'data-outdated="true"' not in html
        assert page.notice["data-outdated"] == "0"
        assert "outdated" not in re.findall(r'class="atazan-translate" data-gap="(\w+)"', html)
        assert STRINGS["translations.attention.none"][lang] in _page(site, lang, "translations")[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_provision_and_theme_page_has_the_banner(site_dir, lang):
    for folder in ("provisions", "themes"):
        root = site_dir / ("" if lang == "kk" else lang) / folder
        pages = [p for p in root.glob("*/index.html")]
        assert pages
        for path in pages:
            parsed = _Collect()
            parsed.feed(path.read_text(encoding="utf-8"))
            assert parsed.notice is not None, path
            for href in (a["href"] for a in parsed.links if "atazan-original-link" in a.get("class", "")):
                assert (path.parent / href).resolve().joinpath("index.html").is_file(), (path, href)


def _raw_counts() -> dict[str, dict[str, int]]:
    """Statuses counted straight from the YAML files, without the generator."""
    counts = {lang: {"original": 0, "translated": 0, "reviewed": 0} for lang in LANGUAGES}

    def visit(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in LANGUAGES and isinstance(item, dict) and "status" in item and "text" in item:
                    counts[key][item["status"]] += 1
                else:
                    visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)

    for path in (ROOT / "data").rglob("*.yml"):
        if not path.name.startswith("_"):
            visit(yaml.safe_load(path.read_text(encoding="utf-8-sig")))
    return counts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_status_page_counts_every_language(site_dir, lang):
    html, page = _page(site_dir, lang, "translations")
    assert f'<html lang="{lang}"' in html
    assert STRINGS["translations.title"][lang] in html
    expected = _raw_counts()
    cells = page.cells
    for code in LANGUAGES:
        name = STRINGS[f"lang.{code}"][lang]
        row = cells[cells.index(name): cells.index(name) + 7]
        assert row[1:4] == [str(expected[code][s]) for s in ("original", "translated", "reviewed")], (code, row)
        assert row[5] == "0"  # outdated: the committed data is current
    assert STRINGS["translations.attention.none"][lang] in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contributing_links_the_status_page(site_dir, lang):
    html, page = _page(site_dir, lang, "contributing")
    assert 'id="translation-status"' in html
    targets = {_resolve(site_dir, lang, "contributing", a["href"]) for a in page.links
               if a.get("href", "").startswith("../translations")}
    assert targets == {(site_dir / ("" if lang == "kk" else lang) / "translations" / "index.html").resolve()}


# ---------------------------------------------------------------- part 5: every interface string

# Values that may equal the English one: none today. Add proper names or codes (e.g. "PDF")
# here with a reason; a real translation never belongs on this list.
SAME_AS_ENGLISH: dict[str, str] = {}

# Material keys whose values are settings, not words a reader sees.
MATERIAL_SETTINGS = {"direction", "search.config.pipeline", "search.config.separator"}


def test_every_generated_page_string_is_translated():
    raw = (ROOT / "overrides" / "atazan" / "strings.yml").read_text(encoding="utf-8")
    table = yaml.safe_load(raw)
    problems = []
    for key, texts in table.items():
        # Exactly the three languages: a comma in an unquoted flow value makes a fourth key.
        if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
            problems.append(f"{key}: languages {sorted(map(str, texts)) if isinstance(texts, dict) else texts!r}")
            continue
        for lang in LANGUAGES:
            if not isinstance(texts[lang], str) or not texts[lang].strip():
                problems.append(f"{key}.{lang}: empty")
        for lang in ("kk", "ru"):
            if texts[lang].strip() == texts["en"].strip() and key not in SAME_AS_ENGLISH:
                problems.append(f"{key}.{lang}: same as English")
            # Placeholders must survive translation, or .format() fails or drops a value.
            if set(re.findall(r"\{(\w+)\}", texts[lang])) != set(re.findall(r"\{(\w+)\}", texts["en"])):
                problems.append(f"{key}.{lang}: placeholders differ from English")
    assert problems == []


def _material_table(path: Path) -> dict[str, str]:
    return dict(re.findall(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"), re.M))


def test_kazakh_theme_strings_cover_every_material_key():
    import material

    english = _material_table(Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html")
    kazakh = _material_table(ROOT / "overrides" / "partials" / "languages" / "kk.html")
    assert len(english) >= 50  # the parse found Material's table
    assert sorted(set(english) - set(kazakh)) == []
    same = sorted(k for k in english if kazakh[k] == english[k] and k not in MATERIAL_SETTINGS)
    assert same == []
    assert kazakh["search.config.lang"] == "ru"  # never kk: lunr.kk.min.js does not exist
