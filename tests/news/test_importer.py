"""`atazan import-news` end to end: counts, ids, idempotence, curated fields, bad input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from atazan.tools.cli import main
from atazan.importers.news.importer import MARKER

from conftest import nonempty

from .conftest import ROOT


def _run(capsys, *args):
    code = main(["import-news", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def _files(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((data / "news").glob("*.yml"))}


# ---------------------------------------------------------------- the fixture dumps (any clone)

# Worked out from tests/news/fixtures/ by hand: the earliest date of each story, then its title's
# first seven words that are not stop words.
FIXTURE_IDS = {
    "2026-01-28-fixture-council-granted-power-propose-referendum",
    "2026-02-09-nurses-fixture-hospital-discuss-new-constitution",
    "2026-02-10-fixture-akimat-explains-draft-constitution-teachers",
    "2026-02-10-students-debate-article-8-draft-constitution",
    "2026-02-11-fixture-region-rehearses-referendum-day",
    "2026-02-11-proposals-ownership-were-taken-into-account-draft",
}


def _machine(data: Path, sid: str) -> dict:
    import yaml

    return yaml.safe_load((data / "news" / f"{sid}.yml").read_text(encoding="utf-8"))["machine"]


def test_fixture_dumps_give_one_record_per_constitutional_story(dumps, core_scratch, capsys):
    code, out, err = _run(capsys, *dumps, "--data", core_scratch)
    assert code == 0
    assert out.strip().splitlines()[-1] == (
        "import-news: 15 items read; 6 new, 0 updated, 0 unchanged, 1 merged, 3 exact repeats dropped, "
        "5 irrelevant, 1 unmapped references, 2 warnings")
    assert "000_kazakhstan_today.txt:25: 'Most viewed' list" in err
    assert "001_kazakhstan_today.txt:9: date header without a title" in err
    assert set(_files(core_scratch)) == {f"{sid}.yml" for sid in FIXTURE_IDS}
    assert main(["validate", "--data", str(core_scratch)]) == 0


def test_fixture_new_records_name_their_schema_on_the_first_line(dumps, core_scratch, capsys):
    from atazan.tools import schema_export

    _run(capsys, *dumps, "--data", core_scratch)
    files = _files(core_scratch)
    assert len(files) == len(FIXTURE_IDS)
    for name, content in files.items():
        first = content.decode("utf-8").splitlines()[0]
        assert schema_export.declared_schema(first) == f"../../schema/{schema_export.expected_file('news/' + name)}", name


def test_fixture_retelling_keeps_both_sources_and_a_story_without_link_has_none(dumps, core_scratch, capsys):
    _run(capsys, *dumps, "--data", core_scratch)
    teachers = _machine(core_scratch, "2026-02-10-fixture-akimat-explains-draft-constitution-teachers")
    assert teachers["outlet"] == "gov.kz (fixture-akimat)"
    assert teachers["sources"] == [
        {"outlet": "gov.kz (fixture-akimat)", "title": "Fixture akimat explains the draft Constitution to teachers",
         "date": "2026-02-10", "url": "https://www.gov.kz/memleket/entities/fixture-akimat/press/news/details/900001?lang=en"},
        {"outlet": "gov.kz", "title": "Teachers of Fixture District learned about the draft of the new Constitution",
         "date": "2026-02-11"},
    ]
    # The dump gives no link and no entity: the record says only what is known, and its repeat adds nothing.
    nurses = _machine(core_scratch, "2026-02-09-nurses-fixture-hospital-discuss-new-constitution")
    assert nurses["sources"] == [{"outlet": "gov.kz", "title": "Nurses of Fixture Hospital discuss the new Constitution",
                                  "date": "2026-02-09"}]


def test_fixture_references_map_to_the_core_provision_only(dumps, core_scratch, capsys):
    _, out, _ = _run(capsys, *dumps, "--data", core_scratch)
    proposals = _machine(core_scratch, "2026-02-11-proposals-ownership-were-taken-into-account-draft")
    assert [(r["text"], r["article"], r.get("paragraphs"), r["provisions"]) for r in proposals["references"]] == [
        ("Article 8 of the draft Constitution", 8, None, ["ownership"]),
        ("paragraph 1 of the said article", 8, ["1"], ["ownership"]),
        ("Paragraph 3 of Article 99", 99, ["3"], []),
    ]
    assert {r["version"] for r in proposals["references"]} == {"first_draft"}  # dated 11 February: before the final draft
    assert proposals["themes"] == ["ownership"]
    assert "'Paragraph 3 of Article 99' (no provision record has this article)" in out


@pytest.mark.parametrize("index, new", [(0, 2), (1, 1), (2, 2), (3, 2)])
def test_fixture_dump_on_its_own(dumps, core_scratch, capsys, index, new):
    code, out, _ = _run(capsys, dumps[index], "--data", core_scratch)
    assert code == 0 and f"; {new} new," in out


def test_fixture_second_run_changes_nothing(dumps, core_scratch, capsys):
    _run(capsys, *dumps, "--data", core_scratch)
    before = _files(core_scratch)
    code, out, _ = _run(capsys, *dumps, "--data", core_scratch)
    assert code == 0 and "0 new, 0 updated, 6 unchanged" in out
    assert _files(core_scratch) == before


def test_fixture_dumps_renamed_moved_reordered_and_re_encoded_give_the_same_records(dumps, core_scratch, tmp_path, capsys):
    _run(capsys, *dumps, "--data", core_scratch)
    expected = _files(core_scratch)
    other = tmp_path / "elsewhere" / "deeper"
    other.mkdir(parents=True)
    moved = []
    for n, path in enumerate(reversed(dumps)):
        raw = path.read_bytes()
        plain = raw.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")
        # Each dump in the other encoding: the CRLF+BOM one as plain LF, the others as CRLF with a BOM.
        mangled = plain if plain != raw else b"\xef\xbb\xbf" + plain.replace(b"\n", b"\r\n")
        target = other / f"renamed-{n}.dump"
        target.write_bytes(mangled)
        moved.append(target)
    fresh = tmp_path / "fresh"
    shutil.copytree(core_scratch, fresh, ignore=shutil.ignore_patterns("news"))
    _run(capsys, *moved, "--data", fresh)
    assert _files(fresh) == expected


def test_fixture_curated_fields_survive_reruns_and_machine_updates(dumps, core_scratch, capsys):
    _run(capsys, *dumps, "--data", core_scratch)
    path = core_scratch / "news" / "2026-01-28-fixture-council-granted-power-propose-referendum.yml"
    curated = ("# my note, kept verbatim\ncurated:\n  themes: [ownership]\n  relevant: true\n  summary:\n"
               "    en: {text: Mine., status: original}\n    ru: {text: Моё., status: translated, from: en}\n"
               "    kk: {text: Менікі., status: translated, from: en}\n")
    head, _, machine = path.read_text().partition(MARKER)
    head = head.split("# curated:")[0] + curated
    machine = machine.replace("title: Fixture Council to be granted power to propose a referendum", "title: hand-damaged")
    path.write_text(head + MARKER + machine)
    code, out, _ = _run(capsys, *dumps, "--data", core_scratch)
    assert "1 updated, 5 unchanged" in out
    after = path.read_text()
    assert after.startswith(head + MARKER)  # curated part byte for byte
    assert "title: Fixture Council to be granted power to propose a referendum" in after
    assert main(["validate", "--data", str(core_scratch)]) == 0


def test_fixture_curated_relevance_override_keeps_an_irrelevant_story(dumps, core_scratch, capsys):
    _run(capsys, *dumps, "--data", core_scratch)
    sid = "2026-02-11-fixture-region-library-opens-reading-room"
    (core_scratch / "news" / f"{sid}.yml").write_text(
        f"id: {sid}\ndate: 2026-02-11\ncurated:\n  relevant: true\n{MARKER}\nmachine:\n  title: placeholder\n"
        "  outlet: x\n  sources: [{outlet: x, title: x, date: 2026-02-11}]\n"
        "  summary: {text: x, kind: extracted, language: en}\n  relevance: {relevant: false, reason: x}\n")
    code, out, _ = _run(capsys, *dumps, "--data", core_scratch)
    assert "0 new, 1 updated, 6 unchanged" in out and "4 irrelevant" in out
    text = (core_scratch / "news" / f"{sid}.yml").read_text()
    assert "curated:\n  relevant: true\n" in text and "title: Fixture Region library opens a reading room" in text


def test_fixture_dry_run_reports_and_writes_nothing(dumps, core_scratch, capsys):
    code, out, _ = _run(capsys, *dumps, "--data", core_scratch, "--dry-run")
    assert code == 0 and not (core_scratch / "news").exists()
    for heading in ("new (6):", "merged (1):", "exact repeats (3):", "irrelevant (5):", "unmapped references (1):"):
        assert heading in out
    assert "(dry run: nothing written)" in out


def test_fixture_extracts_are_short_quotes_of_the_source(dumps, core_scratch, capsys):
    from atazan.importers.news.importer import EXTRACT_WORDS

    _run(capsys, *dumps, "--data", core_scratch)
    source = " ".join(" ".join(p.read_text(encoding="utf-8-sig").split()) for p in dumps)
    for name in nonempty(_files(core_scratch)):
        extract = _machine(core_scratch, name.removesuffix(".yml"))["summary"]["text"]
        words = extract.removesuffix(" …").split()
        assert 0 < len(words) <= EXTRACT_WORDS, name
        assert " ".join(words) in source, name


# ---------------------------------------------------------------- the real dumps (../shared/seeds)

def test_all_seeds_give_one_record_per_constitutional_story(seeds, scratch_data, capsys):
    code, out, err = _run(capsys, *seeds, "--data", scratch_data)
    assert code == 0
    # The unmapped count follows data/provisions, which grows; the rest is fixed by the seeds.
    assert re.fullmatch(
        r"import-news: 58 items read; 15 new, 0 updated, 0 unchanged, 5 merged, 10 exact repeats dropped, "
        r"28 irrelevant, \d+ unmapped references, 1 warnings", out.strip().splitlines()[-1])
    assert "000_7b8bbd930c805478.txt:91: 'Most viewed' list" in err
    # The committed records were made by this importer: the same ids, and nothing else.
    assert set(_files(scratch_data)) == {p.name for p in (ROOT / "data" / "news").glob("*.yml") if not p.name.startswith("_")}
    assert main(["validate", "--data", str(scratch_data)]) == 0


def test_merged_story_keeps_every_variants_source(seeds, scratch_data, capsys):
    _run(capsys, *seeds, "--data", scratch_data)
    text = (scratch_data / "news" / "2026-01-31-new-constitution-republic-kazakhstan-beginning-complex-reform.yml").read_text()
    assert "title: The draft of the new Constitution of the Republic of Kazakhstan has been published" in text
    assert "url: https://www.gov.kz/memleket/entities/kostanai-kalasy-akimat/press/news/details/1152143?lang=kk" in text


def test_references_map_to_existing_provisions_only(seeds, scratch_data, capsys):
    code, out, _ = _run(capsys, *seeds, "--data", scratch_data)
    text = (scratch_data / "news" / "2026-02-11-proposals-received-were-taken-into-account-additional.yml").read_text()
    assert "  - text: Article 8 of the draft Constitution\n    version: first_draft\n    article: 8\n    provisions:\n    - ownership\n" in text
    assert "  - text: paragraphs 1 and 2 of Article 62\n    version: first_draft\n    article: 62\n    paragraphs:\n    - '1'\n    - '2'\n    provisions:\n    - kurultai-dissolution\n" in text
    # Paragraph 5 of Article 14: no provision record covers it, so it stays unmapped and reported.
    assert "'Paragraph 5 of this article' (no provision record has this article)" in out
    assert "'Article 3 of the Constitution' (version not stated)" in out


@pytest.mark.parametrize("index, new", [(0, 2), (1, 3), (2, 3), (3, 5), (4, 2)])
def test_each_seed_on_its_own(seeds, scratch_data, capsys, index, new):
    code, out, _ = _run(capsys, seeds[index], "--data", scratch_data)
    assert code == 0 and f"; {new} new," in out


def test_second_run_changes_nothing(seeds, scratch_data, capsys):
    _run(capsys, *seeds, "--data", scratch_data)
    before = _files(scratch_data)
    code, out, _ = _run(capsys, *seeds, "--data", scratch_data)
    assert code == 0 and "0 new, 0 updated, 15 unchanged" in out
    assert _files(scratch_data) == before


def test_renamed_moved_reordered_crlf_bom_dumps_give_the_same_records(seeds, scratch_data, tmp_path, capsys):
    _run(capsys, *seeds, "--data", scratch_data)
    expected = _files(scratch_data)
    other = tmp_path / "elsewhere" / "deeper"
    other.mkdir(parents=True)
    moved = []
    for n, path in enumerate(reversed(seeds)):
        target = other / f"renamed-{n}.dump"
        target.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
        moved.append(target)
    fresh = tmp_path / "fresh"
    shutil.copytree(scratch_data, fresh, ignore=shutil.ignore_patterns("news"))
    _run(capsys, *moved, "--data", fresh)
    assert _files(fresh) == expected


def test_curated_fields_survive_reruns_and_machine_updates(seeds, scratch_data, capsys):
    _run(capsys, *seeds, "--data", scratch_data)
    path = scratch_data / "news" / "2026-02-11-kazakhstan-hold-constitutional-referendum-march.yml"
    curated = ("# my note, kept verbatim\ncurated:\n  themes: [ownership]\n  relevant: true\n  summary:\n"
               "    en: {text: Mine., status: original}\n    ru: {text: Моё., status: translated, from: en}\n"
               "    kk: {text: Менікі., status: translated, from: en}\n")
    text = path.read_text()
    head, _, machine = text.partition(MARKER)
    head = head.split("# curated:")[0] + curated
    machine = machine.replace("title: Kazakhstan to hold constitutional referendum in March", "title: hand-damaged")
    path.write_text(head + MARKER + machine)
    code, out, _ = _run(capsys, *seeds, "--data", scratch_data)
    assert "1 updated, 14 unchanged" in out
    after = path.read_text()
    assert after.startswith(head + MARKER)  # curated part byte for byte
    assert "title: Kazakhstan to hold constitutional referendum in March" in after
    assert main(["validate", "--data", str(scratch_data)]) == 0


def test_curated_relevance_override_keeps_an_irrelevant_story(seeds, scratch_data, capsys):
    _run(capsys, *seeds, "--data", scratch_data)
    sid = "2026-02-11-kazakhstan-maribor-aim-strengthen-interregional-cooperation"
    (scratch_data / "news" / f"{sid}.yml").write_text(
        f"id: {sid}\ndate: 2026-02-11\ncurated:\n  relevant: true\n{MARKER}\nmachine:\n  title: placeholder\n"
        "  outlet: x\n  sources: [{outlet: x, title: x, date: 2026-02-11}]\n"
        "  summary: {text: x, kind: extracted, language: en}\n  relevance: {relevant: false, reason: x}\n")
    code, out, _ = _run(capsys, *seeds, "--data", scratch_data)
    assert "0 new, 1 updated, 15 unchanged" in out and "27 irrelevant" in out
    text = (scratch_data / "news" / f"{sid}.yml").read_text()
    assert "curated:\n  relevant: true\n" in text and "title: Kazakhstan and Maribor aim" in text


def test_dry_run_reports_and_writes_nothing(seeds, scratch_data, capsys):
    code, out, _ = _run(capsys, *seeds, "--data", scratch_data, "--dry-run")
    assert code == 0 and not (scratch_data / "news").exists()
    for heading in ("new (15):", "merged (5):", "exact repeats (10):", "irrelevant (28):"):
        assert heading in out
    assert "(dry run: nothing written)" in out


def test_unreadable_file_exits_1_with_one_line(scratch_data, tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    code, out, err = _run(capsys, missing, "--data", scratch_data)
    assert code == 1 and err == f"atazan import-news: {missing}: cannot read: No such file or directory\n"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    code, _, err = _run(capsys, binary, "--data", scratch_data)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "binary.txt: cannot read" in err


def test_no_items_at_all_exits_1(scratch_data, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("just words\n")
    code, _, err = _run(capsys, empty, "--data", scratch_data)
    assert code == 1
    assert err.strip().splitlines()[-1] == "atazan import-news: no news items found in 1 file(s)"


def test_committed_records_are_up_to_date_with_the_importer(seeds, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    before = _files(data)
    code, out, _ = _run(capsys, *seeds, "--data", data)
    assert code == 0 and "0 new, 0 updated, 15 unchanged" in out
    assert _files(data) == before


def test_a_provision_holding_an_article_twice_is_linked_once(seeds, scratch_data, capsys):
    # unitary-state has two first-draft versions numbered 2 (two sources): one link, not two.
    _run(capsys, *seeds, "--data", scratch_data)
    text = (scratch_data / "news" / "2026-01-31-center-countering-disinformation-has-recorded-spread-false.yml").read_text()
    assert "  - text: Article 2 of the draft new Constitution\n    version: first_draft\n    article: 2\n    provisions:\n    - unitary-state\n  - text" in text


def test_extracts_are_short_quotes_of_the_source(seeds):
    # The page shows the extract as a quotation of the source; we quote only short fragments.
    import yaml

    from atazan.importers.news.importer import EXTRACT_WORDS

    source = " ".join(" ".join(p.read_text(encoding="utf-8-sig").split()) for p in seeds)
    for path in nonempty(sorted((ROOT / "data" / "news").glob("2*.yml"))):
        extract = yaml.safe_load(path.read_text(encoding="utf-8"))["machine"]["summary"]["text"]
        words = extract.removesuffix(" …").split()
        assert len(words) <= EXTRACT_WORDS, path.name
        assert " ".join(words) in source, path.name
