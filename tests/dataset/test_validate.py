"""validate.py: one representative broken dataset per error class of issue 2, part 3.

Each test copies the small valid fixture (tests/fixtures/core/data), breaks one thing, and
asserts the whole one-line message. The expected text is written from the rule in schema.py /
validate.py; the line number is where the test made its change. The exhaustive catalogue of
broken files lives in test_bad_input.py; this file checks the error classes in-process.
"""

from __future__ import annotations

import shutil

import pytest

from atazan.errors import DataError
from atazan.dataset.validate import load_dataset
from conftest import OWNERSHIP, replace_first, replace_once

PROVISION_KEYS = "id, section, themes, related, title, summary, explanation, versions"


def problems(data) -> list[str]:
    try:
        load_dataset(str(data), str(data.parent))
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def test_fixture_is_valid(core_data):
    dataset = load_dataset(str(core_data), str(core_data.parent))
    assert set(dataset.provisions) == {"ownership"} and set(dataset.themes) == {"ownership"}
    assert dataset.origin[("provisions", "ownership")] == OWNERSHIP
    assert dataset.warnings == []


def test_unknown_theme(core_data):
    line = replace_once(core_data / "provisions/ownership.yml", "themes: [ownership]", "themes: [ownership, housing]")
    assert problems(core_data) == [f"{OWNERSHIP}:{line}: themes[1]: unknown theme 'housing' (no data/themes/housing.yml)"]


def test_unknown_provision_reference(core_data):
    line = replace_once(core_data / "provisions/ownership.yml", "themes: [ownership]\n", "themes: [ownership]\nrelated: [land]\n") + 1
    assert problems(core_data) == [f"{OWNERSHIP}:{line}: related[0]: unknown provision 'land' (no data/provisions/land.yml)"]


def test_duplicate_id_and_id_not_matching_file_name(core_data):
    # `second.yml` sorts after `ownership.yml`, so it is the second claim on the id.
    shutil.copy(core_data / "provisions/ownership.yml", core_data / "provisions/second.yml")
    line = 3  # `id: ownership`, after the two comment lines
    assert problems(core_data) == [
        f"data/provisions/second.yml:{line}: id: 'ownership' does not match the file name 'second.yml'",
        f"data/provisions/second.yml:{line}: id: duplicate id 'ownership' (also in {OWNERSHIP})",
    ]


def test_duplicate_id_in_a_list_file(core_data):
    versions = core_data / "versions.yml"
    text = versions.read_text(encoding="utf-8")
    start = text.index("- id: first_draft")
    end = text.index("- id: final_draft")
    versions.write_text(text + text[start:end], encoding="utf-8")
    entries = text.count("\n- id: ")
    line = text.count("\n") + 1  # the appended copy's first line
    assert problems(core_data) == [f"data/versions.yml:{line}: [{entries}].id: duplicate id 'first_draft'"]


@pytest.mark.parametrize("bad", ["30.01.26", "2026-1-30", "2026-02-30"])
def test_bad_date(core_data, bad):
    line = replace_first(core_data / "provisions/ownership.yml", "date: 2026-02-11", f"date: '{bad}'")  # versions[0]
    assert problems(core_data) == [f"{OWNERSHIP}:{line}: versions[0].source.date: expected YYYY-MM-DD, got '{bad}'"]


def test_impossible_unquoted_date_is_a_message_not_a_crash(core_data):
    # Unquoted, PyYAML itself would try to build a date from 2026-02-30 and raise ValueError.
    line = replace_first(core_data / "provisions/ownership.yml", "date: 2026-02-11", "date: 2026-02-30")
    assert problems(core_data) == [f"{OWNERSHIP}:{line}: versions[0].source.date: expected YYYY-MM-DD, got '2026-02-30'"]


def test_missing_required_field(core_data):
    path = core_data / "provisions/ownership.yml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("summary:\n"), text.index("explanation:\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    # A missing key has no line of its own: the message points at the record's first key.
    assert problems(core_data) == [f"{OWNERSHIP}:3: summary: required field missing"]


def test_missing_language(core_data):
    path = core_data / "provisions/ownership.yml"
    text = path.read_text(encoding="utf-8")
    kk_line = next(line for line in text.splitlines(keepends=True) if line.startswith("  kk: {text: \"Меншік нысандары"))
    kk = replace_once(path, kk_line, "")
    # The line is where title's value starts: its `en:` entry, two lines above the removed kk.
    assert problems(core_data) == [f"{OWNERSHIP}:{kk - 2}: title: missing language kk"]


def test_unknown_key_lists_allowed_keys(core_data):
    line = replace_once(core_data / "provisions/ownership.yml", "section: foundations", "sektion: foundations")
    assert problems(core_data) == [f"{OWNERSHIP}:{line}: sektion: unknown key; expected one of: {PROVISION_KEYS}"]


def test_unknown_nested_key_lists_that_level_s_keys(core_data):
    line = replace_once(core_data / "provisions/ownership.yml", "  - version: amended_draft\n", "  - version: amended_draft\n    page: 3\n") + 1
    assert problems(core_data) == [
        f"{OWNERSHIP}:{line}: versions[1].page: unknown key; expected one of: version, number, paragraphs, subparagraphs, text, "
        "text_kind, text_language, translation, translations, source, note, explains_hash"
    ]


def test_wrong_type(core_data):
    line = replace_once(core_data / "provisions/ownership.yml", "themes: [ownership]", "themes: ownership")
    assert problems(core_data) == [f"{OWNERSHIP}:{line}: themes: expected a list, got text"]


def test_empty_text(core_data):
    line = replace_once(core_data / "themes/ownership.yml", "text: Ownership and property,", 'text: "  ",')
    assert problems(core_data) == [f"data/themes/ownership.yml:{line}: title.en.text: must not be empty"]


def test_article_number_clash_within_a_version(core_data):
    second = core_data / "provisions/second.yml"
    shutil.copy(core_data / "provisions/ownership.yml", second)
    replace_once(second, "id: ownership", "id: second")
    line = replace_once(second, "number: 8", "number: 8")
    assert problems(core_data) == [
        f"data/provisions/second.yml:{line}: versions[0].number: article 8 of first_draft is already claimed by provision 'ownership'"
    ]


def test_same_article_number_in_another_version_is_no_clash(core_data):
    second = core_data / "provisions/second.yml"
    shutil.copy(core_data / "provisions/ownership.yml", second)
    replace_once(second, "id: ownership", "id: second")
    replace_once(second, "  - version: first_draft\n", "  - version: constitution_1995\n")
    assert problems(core_data) == []


def test_from_is_required_for_translated_text(core_data):
    line = replace_once(core_data / "themes/ownership.yml", "kk: {text: Меншік, status: translated, from: en}",
                        "kk: {text: Меншік, status: translated}")
    assert problems(core_data) == [f"data/themes/ownership.yml:{line}: title.kk: 'from' is required when status is 'translated'"]


def test_every_problem_is_reported_not_just_the_first(core_data):
    replace_once(core_data / "provisions/ownership.yml", "section: foundations", "sektion: foundations")
    replace_once(core_data / "themes/ownership.yml", "order: 30", "order: thirty")
    found = problems(core_data)
    assert len(found) == 2
    assert found[0].startswith(f"{OWNERSHIP}:4: sektion: unknown key")
    assert found[1] == "data/themes/ownership.yml:3: order: expected a whole number, got 'thirty'"


def test_no_message_spans_lines(core_data):
    replace_once(core_data / "provisions/ownership.yml", "themes: [ownership]", "themes: [ownership, housing]")
    replace_once(core_data / "themes/ownership.yml", "order: 30", "order: [30]")
    found = problems(core_data)
    assert found, "the broken fixture must produce problems"
    for message in found:
        assert "\n" not in message


# ---------------------------------------------------------------- truth rules (issue 12)

TOO_EARLY = "reported on {reported}, before {version} existed ({existed}); label it with the version it was reported as (see data/versions.yml)"


def _line_after(path, marker: str, wanted: str) -> int:
    """1-based line of the first `wanted` after `marker` in a data file."""
    text = path.read_text(encoding="utf-8")
    return text[: text.index(wanted, text.index(marker))].count("\n") + 1


def test_wording_reported_before_the_final_draft_is_not_the_final_draft(core_data):
    # Audit T2: wording reported on 11 February 2026 was filed as the final draft of 12 February.
    path = core_data / "provisions/ownership.yml"
    replace_once(path, "  - version: amended_draft\n", "  - version: final_draft\n")
    line = _line_after(path, "  - version: final_draft\n", "date: 2026-02-11")
    assert problems(core_data) == [f"{OWNERSHIP}:{line}: versions[1].source.date: "
                                   + TOO_EARLY.format(reported="2026-02-11", version="final_draft", existed="2026-02-12")]


def test_a_source_dated_the_day_the_final_draft_was_published_may_quote_it(core_data):
    path = core_data / "provisions/ownership.yml"
    replace_once(path, "  - version: amended_draft\n", "  - version: final_draft\n")
    text = path.read_text(encoding="utf-8")
    cut = text.index("  - version: final_draft\n")
    path.write_text(text[:cut] + text[cut:].replace("date: 2026-02-11", "date: 2026-02-12", 1), encoding="utf-8")
    assert problems(core_data) == []


def _news_item(core_data, version: str, date: str = "2026-01-31") -> str:
    news = core_data / "news"
    news.mkdir()
    (news / f"{date}-claim.yml").write_text(f"""id: {date}-claim
date: {date}
machine:
  title: A story
  outlet: gov.kz
  sources:
  - {{outlet: gov.kz, title: A story, date: '{date}', url: https://example.org/a}}
  summary: {{text: A story., kind: extracted, language: en}}
  references:
  - text: Article 8 of the draft
    version: {version}
    article: 8
    provisions: [ownership]
  relevance: {{relevant: true, reason: test}}
""", encoding="utf-8")
    return f"data/news/{date}-claim.yml"


def test_a_news_reference_cannot_name_a_version_newer_than_the_story(core_data):
    path = _news_item(core_data, "final_draft")
    line = _line_after(core_data.parent / path, "references:", "version: final_draft")
    assert problems(core_data) == [f"{path}:{line}: machine.references[0].version: "
                                   + TOO_EARLY.format(reported="2026-01-31", version="final_draft", existed="2026-02-12")]


def test_a_news_reference_to_an_older_version_is_fine(core_data):
    _news_item(core_data, "first_draft")
    assert problems(core_data) == []


def _factcheck(core_data, checked: str) -> tuple[str, int]:
    folder = core_data / "factchecks"
    folder.mkdir()
    texts = "\n".join(f"  {lang}: {{text: x, status: original}}" if lang == "en" else f"  {lang}: {{text: x, status: translated, from: en}}"
                      for lang in ("kk", "ru", "en"))
    body = (f"id: land-claim\ndate: 2026-01-31\nverdict: \"false\"\nclaim:\n{texts}\nfinding:\n{texts}\n"
            f"checked:\n  - {checked}\nsources:\n  - {{outlet: gov.kz, title: A statement, date: 2026-01-31}}\n")
    (folder / "land-claim.yml").write_text(body, encoding="utf-8")
    return "data/factchecks/land-claim.yml", body[: body.index("checked:")].count("\n") + 2


def test_a_factcheck_cannot_cite_an_article_no_provision_holds(core_data):
    # Audit T1: a paragraph heading in a quotation became "Article 6" of the first draft.
    path, line = _factcheck(core_data, "{version: first_draft, article: 6}")
    assert problems(core_data) == [
        f"{path}:{line}: checked[0]: article 6 of first_draft is in no provision record (no data/provisions/*.yml has it under versions[])"]


def test_a_factcheck_article_must_be_in_the_version_it_names(core_data):
    # Article 8 exists in the first draft of the fixture, not in the 1995 Constitution.
    path, line = _factcheck(core_data, "{version: constitution_1995, article: 8}")
    assert problems(core_data) == [
        f"{path}:{line}: checked[0]: article 8 of constitution_1995 is in no provision record (no data/provisions/*.yml has it under versions[])"]


def test_a_factcheck_paragraph_must_be_among_the_recorded_paragraphs(core_data):
    path, line = _factcheck(core_data, "{version: first_draft, article: 8, paragraphs: [\"2\"]}")
    assert problems(core_data) == []  # the provision records the whole of Article 8
    replace_once(core_data / "provisions/ownership.yml", "    number: 8\n", "    number: 8\n    paragraphs: [\"1\"]\n")
    assert problems(core_data) == [
        f"{path}:{line}: checked[0]: article 8, paragraph(s) 2, of first_draft is in no provision record (no data/provisions/*.yml has it under versions[])"]


def test_a_factcheck_citing_a_recorded_article_is_valid(core_data):
    _factcheck(core_data, "{version: first_draft, article: 8}")
    assert problems(core_data) == []


# ---------------------------------------------------------------- all at once, and placeholders


def test_problems_between_records_are_reported_beside_those_of_single_files(core_data):
    # The theme file does not load; the provision's reference to it is no new problem, but its
    # reference to a record that does not exist at all is.
    order = replace_once(core_data / "themes/ownership.yml", "order: 30", "order: soon")
    related = replace_once(core_data / "provisions/ownership.yml", "themes: [ownership]\n",
                           "themes: [ownership]\nrelated: [land]\n") + 1
    assert problems(core_data) == [
        "data/themes/ownership.yml:%d: order: expected a whole number, got 'soon'" % order,
        f"{OWNERSHIP}:{related}: related[0]: unknown provision 'land' (no data/provisions/land.yml)",
    ]


def test_a_reference_into_a_list_file_that_does_not_load_is_not_reported_again(core_data):
    (core_data / "versions.yml").write_text("- id: first_draft\n  date: [\n", encoding="utf-8")
    found = problems(core_data)
    assert len(found) == 1 and found[0].startswith("data/versions.yml:3: YAML syntax error"), found


TEMPLATES = {"provisions": "replace-me", "themes": "replace-me", "glossary": "replace-me",
             "factchecks": "replace-me", "news": "2026-01-30-replace-me"}


@pytest.mark.parametrize("collection", sorted(TEMPLATES))
def test_a_record_copied_from_its_template_names_every_placeholder(core_data, collection):
    from conftest import ROOT

    template = ROOT / "data" / collection / "_template.yml"
    target = core_data / collection / f"{TEMPLATES[collection]}.yml"
    target.parent.mkdir(exist_ok=True)
    shutil.copy(template, target)
    lines = template.read_text(encoding="utf-8").splitlines()
    # Every line with a value left from the template: a "REPLACE…" text, the example id, or a
    # `# REPLACE` note after a value. Header comments that say "REPLACE" are no value.
    wanted = {n for n, line in enumerate(lines, 1)
              if not line.lstrip().startswith("#") and ("REPLACE" in line or "replace-me" in line)}
    shown = f"data/{collection}/{TEMPLATES[collection]}.yml"
    found = [p for p in problems(core_data) if p.startswith(shown + ":")]
    flagged = {int(p.split(":")[1]) for p in found if "placeholder" in p or "`# REPLACE`" in p}
    assert wanted and flagged == wanted, (sorted(wanted - flagged), sorted(flagged - wanted))


def test_a_text_that_only_mentions_replace_is_no_placeholder(core_data):
    replace_once(core_data / "provisions/ownership.yml", 'en: {text: "Forms of ownership (Article 8 of the first draft)"',
                 'en: {text: "Parliament may REPLACE the rule"')
    assert problems(core_data) == []
