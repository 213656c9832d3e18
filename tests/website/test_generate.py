"""generate.py: writes only what changed, never touches a hand-written page, removes stale pages."""

from __future__ import annotations

import os

import pytest

from atazan.website import render
from atazan.errors import DataError
from atazan.website.generate import is_generated, write_pages
from atazan.dataset.validate import load_dataset
from conftest import ROOT


def pages_for(data):
    dataset = load_dataset(str(data), str(data.parent))
    dataset.root = str(ROOT)  # templates and strings come from the project
    return render.render_all(dataset)


@pytest.fixture(scope="module")
def fixture_pages(tmp_path_factory):
    """The untouched fixture's pages, rendered once: Jinja compiles every template per render."""
    import shutil

    from conftest import CORE_FIXTURE

    data = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(CORE_FIXTURE, data)
    return pages_for(data)


@pytest.fixture
def docs(core_data):
    folder = core_data.parent / "docs"
    (folder / "en").mkdir(parents=True)
    (folder / "en" / "about.md").write_text("# About\n\nHand-written.\n", encoding="utf-8")
    return folder


def test_first_run_writes_every_page_with_the_generated_header(fixture_pages, docs):
    pages = fixture_pages
    report = write_pages(pages, str(docs), str(docs.parent))
    assert sorted(report.written) == sorted(str(docs / p.lang / p.path) for p in pages)
    assert report.unchanged == [] and report.removed == []
    written = (docs / "ru" / "provisions" / "ownership.md").read_text(encoding="utf-8")
    assert written.startswith("---\natazan_generated: true\natazan_source: data/provisions/ownership.yml\n")
    assert is_generated(str(docs / "ru" / "provisions" / "ownership.md"))
    assert not is_generated(str(docs / "en" / "about.md"))


def test_second_run_touches_nothing(core_data, fixture_pages, docs):
    pages = fixture_pages
    write_pages(pages, str(docs), str(docs.parent))
    target = docs / "kk" / "provisions" / "ownership.md"
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))  # an old mtime: any rewrite would change it
    report = write_pages(pages_for(core_data), str(docs), str(docs.parent))
    assert report.written == [] and report.removed == []
    assert len(report.unchanged) == len(pages)
    assert target.stat().st_mtime_ns == 1_000_000_000


def test_only_the_changed_page_is_rewritten(core_data, fixture_pages, docs):
    write_pages(fixture_pages, str(docs), str(docs.parent))
    path = core_data / "themes/ownership.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("text: Ownership and property,", "text: Property,"),
                    encoding="utf-8")
    report = write_pages(pages_for(core_data), str(docs), str(docs.parent))
    changed = {os.path.relpath(p, docs) for p in report.written}
    # The theme's English title shows on its own page and on English pages that link to it.
    assert "en/themes/ownership.md" in changed
    assert all(p.startswith("en/") for p in changed), changed


def test_hand_written_page_in_the_way_is_an_error_and_is_kept(fixture_pages, docs):
    blocker = docs / "en" / "provisions" / "ownership.md"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("# My own notes\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        write_pages(fixture_pages, str(docs), str(docs.parent))
    assert [str(p) for p in error.value.problems] == [
        "docs/en/provisions/ownership.md: a hand-written page is in the way of a generated one; rename or move it"]
    assert blocker.read_text(encoding="utf-8") == "# My own notes\n"
    assert not (docs / "kk" / "provisions" / "ownership.md").exists()  # nothing written before the check


def test_stale_generated_page_is_removed_and_hand_written_pages_stay(core_data, docs):
    second = core_data / "provisions" / "second.yml"
    second.write_text((core_data / "provisions/ownership.yml").read_text(encoding="utf-8")
                      .replace("id: ownership", "id: second").replace("number: 8", "number: 9"), encoding="utf-8")
    write_pages(pages_for(core_data), str(docs), str(docs.parent))
    assert (docs / "ru" / "provisions" / "second.md").is_file()
    second.unlink()
    report = write_pages(pages_for(core_data), str(docs), str(docs.parent))
    assert sorted(os.path.relpath(p, docs) for p in report.removed) == [
        f"{lang}/provisions/second.md" for lang in ("en", "kk", "ru")]
    assert not (docs / "ru" / "provisions" / "second.md").exists()
    assert (docs / "ru" / "provisions" / "ownership.md").is_file()
    assert (docs / "en" / "about.md").read_text(encoding="utf-8") == "# About\n\nHand-written.\n"


def test_pages_of_some_languages_leave_the_others_alone(core_data, fixture_pages, docs):
    # `atazan serve --lang ru` renders only ru: the kk and en pages are neither rewritten nor removed.
    write_pages(fixture_pages, str(docs), str(docs.parent))
    kk = docs / "kk" / "provisions" / "ownership.md"
    os.utime(kk, ns=(1_000_000_000, 1_000_000_000))
    dataset = load_dataset(str(core_data), str(core_data.parent))
    dataset.root = str(ROOT)
    ru_only = render.render_all(dataset, languages=("ru",))
    assert {p.lang for p in ru_only} == {"ru"}
    report = write_pages(ru_only, str(docs), str(docs.parent), languages=("ru",))
    assert report.removed == [] and len(report.unchanged) == len(ru_only)
    assert kk.stat().st_mtime_ns == 1_000_000_000 and (docs / "en" / "provisions" / "ownership.md").is_file()


def test_a_write_is_atomic_and_leaves_no_temporary_file(fixture_pages, docs, monkeypatch):
    write_pages(fixture_pages, str(docs), str(docs.parent))
    target = docs / "en" / "provisions" / "ownership.md"
    before = target.read_text(encoding="utf-8")
    changed = [p for p in fixture_pages if (p.lang, p.path) != ("en", "provisions/ownership.md")]
    from atazan.website.pagefile import GeneratedPage

    page = next(p for p in fixture_pages if (p.lang, p.path) == ("en", "provisions/ownership.md"))
    edited = GeneratedPage(page.lang, page.path, page.source_file, page.content + "\nEdited.\n")
    # The rename fails: the old file must still be there, whole, and no temporary file left beside it.
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        write_pages(changed + [edited], str(docs), str(docs.parent))
    assert target.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in target.parent.iterdir() if p.name.startswith(".")) == []
