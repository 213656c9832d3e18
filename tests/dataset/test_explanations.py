"""The stale-explanation warning fires only when the words an explanation relies on changed
(hooks/atazan/dataset/explanations.py, issue 21): a plain import flags nothing; a quoted fragment is
found in the held paragraph and only its words count; one changed word of it is a warning, listed by
`atazan validate` and shown on the pages, until `atazan stamp --explanations`; an explanation written
from a news report says so once the text is held, without a warning."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import yaml

from conftest import ROOT, atazan_here, nonempty

from atazan.dataset import explanations
from atazan.dataset.explanations import CURRENT, DIFFERS, LOCATE_AT, OUTDATED, UNCHECKED, locate, words
from atazan.dataset.texts import fingerprint

STRINGS = yaml.safe_load((ROOT / "overrides" / "atazan" / "strings.yml").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- finding a quotation in its paragraph

PASSAGE = ("Тестовый Курултай рассматривает развитие тестовых регионов ежегодно в порядке, установленном "
           "тестовым законом. Тестовый Президент поддерживает тестовую собственность.")


def test_words_are_compared_as_the_matcher_compares_them():
    # Case, quotes, dashes, spacing and look-alike letters do not count; punctuation is no word.
    assert words("Тестовый  «Курултай» — рассматривает, ЕЖЕГОДНО") == words('тестовый "курултай" - рассматривает ежегодно')
    assert words("Тестовый курултай") != words("Тестовый президент")


def test_a_quotation_is_found_word_for_word_and_with_one_word_changed():
    held, score = locate("развитие тестовых регионов ежегодно в порядке", PASSAGE)
    assert score == 100 and held == words("развитие тестовых регионов ежегодно в порядке")
    # One word of the quotation differs in the held text: still the place it quotes, not the same words.
    held, score = locate("развитие тестовых районов ежегодно в порядке", PASSAGE)
    assert score >= LOCATE_AT and held == words("развитие тестовых регионов ежегодно в порядке")


def test_a_paraphrase_or_another_language_is_not_found():
    found = locate("the test Kurultai looks at how the regions develop", PASSAGE)
    assert found is None or found[1] < LOCATE_AT
    found = locate("Курултай каждый год обсуждает, как растут области", PASSAGE)
    assert found is None or found[1] < LOCATE_AT
    assert locate(PASSAGE + " Ещё одно предложение.", PASSAGE) is None  # longer than the passage


# ---------------------------------------------------------------- a plain import of the rehearsal


def _shipped_entries(version: str) -> list[tuple[str, int]]:
    """(provision, entry index) of the shipped entries for `version` with a number and a fragment
    (the entries without one had nothing to stamp before the import: the overlay's stamp did)."""
    found = []
    for path in sorted((ROOT / "data" / "provisions").glob("[!_]*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(record["id"], index) for index, entry in enumerate(record["versions"])
                  if entry["version"] == version and entry.get("number") is not None and entry.get("text")]
    return found


def test_a_plain_import_flags_no_explanation(rehearsal_dir):
    """The rehearsal: the texts imported, matched and curated as an operator and a curator do. The
    shipped first-draft explanations were stamped from the news' fragments: none is "changed"; each
    says it was written from a news report and is listed for a person, with no warning."""
    from atazan.dataset.validate import load_dataset

    data = rehearsal_dir / "data"
    dataset = load_dataset(str(data), str(rehearsal_dir))
    states = Counter(c.state for c in dataset.explanations)
    assert states[OUTDATED] == states[DIFFERS] == 0, states
    unchecked = {(c.provision, c.loc[1]) for c in dataset.explanations if c.state == UNCHECKED}
    assert unchecked == set(nonempty(_shipped_entries("first_draft"), "the shipped first-draft entries"))
    code, out, err = atazan_here("validate", "--data", str(data))
    assert code == 0 and "explains_hash" not in err
    for pid, index in unchecked:
        assert f"data/provisions/{pid}.yml:" in out and f"versions[{index}].explains_hash: written from a news report" in out


def _copy(rehearsal_dir: Path, tmp_path: Path) -> Path:
    """The rehearsal's data and theme in tmp_path (the pages are rendered in this process)."""
    shutil.copytree(rehearsal_dir / "data", tmp_path / "data")
    shutil.copytree(rehearsal_dir / "overrides", tmp_path / "overrides")
    return tmp_path / "data"


def _paragraph(data: Path, version: str, lang: str, article: str, paragraph: str) -> str:
    text = yaml.safe_load((data / "texts" / version / f"{lang}.yml").read_text(encoding="utf-8"))
    found = next(a for a in text["articles"] if str(a["number"]) == article)
    return next(p["text"] for p in found["paragraphs"] if str(p["number"]) == paragraph)


def _replace_in_text(data: Path, version: str, lang: str, old: str, new: str) -> None:
    path = data / "texts" / version / f"{lang}.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (old, text.count(old))
    path.write_text(text.replace(old, new), encoding="utf-8")


def _entry(dataset, pid: str, index: int):
    return next(c for c in dataset.explanations if c.provision == pid and c.loc == ("versions", index))


def _pages(data: Path, lang: str = "ru") -> dict[str, str]:
    from atazan.dataset.validate import load_dataset
    from atazan.website import render

    dataset = load_dataset(str(data), str(data.parent))
    return {p.path: p.content for p in render.render_all(dataset, languages=(lang,))}


def test_one_changed_word_of_a_quoted_fragment_warns_until_stamped(rehearsal_dir, tmp_path):
    """A news item quoted seven words of first-draft Article 8, paragraph 2 (adopted Article 9), in
    Russian, before the text was imported: the explanation was stamped from that quotation."""
    from atazan.dataset.validate import load_dataset
    from rehearsal.make_rehearsal import _append_to_sequence

    data = _copy(rehearsal_dir, tmp_path)
    paragraph = _paragraph(data, "first_draft", "ru", "8", "2")
    spoken = paragraph.split()
    fragment = " ".join(spoken[3:10])
    record = data / "provisions" / "ownership.yml"
    index = len(yaml.safe_load(record.read_text(encoding="utf-8"))["versions"])
    _append_to_sequence(str(record), "versions", [{
        "version": "first_draft", "number": 8, "paragraphs": ["2"], "text": fragment, "text_kind": "quote",
        "text_language": "ru", "translation": "official",
        "source": {"outlet": "Test outlet (test data)", "title": "A quotation of the draft (test data)",
                   "date": "2026-01-31", "url": "https://example.org/rehearsal/quotation"},
        "explains_hash": fingerprint(fragment)}])
    line = max(n for n, text in enumerate(record.read_text(encoding="utf-8").splitlines(), start=1)
               if text == "  - version: first_draft")
    dataset = load_dataset(str(data), str(tmp_path))
    check = _entry(dataset, "ownership", index)
    assert check.basis.kind == explanations.LOCATED and check.basis.verbatim and check.state == CURRENT

    # A word of the paragraph outside the quotation: not the words this explanation relies on.
    _replace_in_text(data, "first_draft", "ru", paragraph, " ".join(["Изменённое", *spoken[1:]]))
    assert _entry(load_dataset(str(data), str(tmp_path)), "ownership", index).state == CURRENT
    code, _, err = atazan_here("validate", "--data", str(data))
    assert code == 0 and "explains_hash" not in err

    # One word inside it: the held text words the quoted passage differently.
    quoted_before = " ".join(["Изменённое", *spoken[1:]])
    quoted_after = " ".join(["Изменённое", *spoken[1:6], "иначе", *spoken[7:]])
    _replace_in_text(data, "first_draft", "ru", quoted_before, quoted_after)
    assert _entry(load_dataset(str(data), str(tmp_path)), "ownership", index).state == DIFFERS
    code, _, err = atazan_here("validate", "--data", str(data))
    warned = [w for w in err.splitlines() if "explains_hash" in w]
    assert code == 0 and warned == [
        f"data/provisions/ownership.yml:{line}: versions[{index}].explains_hash: the held text of first_draft article 8 "
        "paragraph(s) 2 words the passage this explanation quotes differently from its quotation; check the explanation "
        "against the held text, then run `atazan stamp data/provisions/ownership.yml --explanations`"]
    pages = _pages(data)
    assert STRINGS["explanation.differs.title"]["ru"] in pages["provisions/ownership.md"]
    assert not any(STRINGS["explanation.differs.title"]["ru"] in content for path, content in pages.items()
                   if path != "provisions/ownership.md")
    # Adopted Article 9's page: the curator's entry for adopted Article 9 was checked against that
    # very text, which is what its reader reads; the draft's quotation is the provision page's business.
    assert "data-check=" not in pages["articles/9.md"]

    # A person checked the explanation against the held text and stamped it.
    code, out, err = atazan_here("stamp", str(record), "--explanations", "--data", str(data))
    assert code == 0, err
    code, _, err = atazan_here("validate", "--data", str(data))
    assert code == 0 and "explains_hash" not in err
    assert _entry(load_dataset(str(data), str(tmp_path)), "ownership", index).state == CURRENT

    # Then the text changes again inside the quoted words: changed since it was checked.
    _replace_in_text(data, "first_draft", "ru", quoted_after, quoted_after.replace(" иначе ", " по-другому "))
    code, _, err = atazan_here("validate", "--data", str(data))
    warned = [w for w in err.splitlines() if "explains_hash" in w]
    # Both entries stamped above: ours (its quoted words changed) and versions[0], which names the
    # whole of first-draft Article 8 and was stamped against it with the same command.
    first = record.read_text(encoding="utf-8").splitlines().index("  - version: first_draft") + 1
    assert [w.split(": ", 1)[0] for w in warned] == [f"data/provisions/ownership.yml:{first}", f"data/provisions/ownership.yml:{line}"]
    assert all("changed since it was checked" in w for w in warned)
    assert STRINGS["explanation.outdated.title"]["ru"] in _pages(data)["provisions/ownership.md"]


def test_an_explanation_written_from_the_news_says_so_once_the_text_is_held(rehearsal_dir, tmp_path):
    """Without the curator's entry for adopted Article 9, ownership's only text is first-draft Article
    8, now held: the page says the explanation was written from a news report and not yet checked
    against it (a note, not a warning), linking the held article; with the curator's entry checked
    against adopted Article 9, it says nothing."""
    data = _copy(rehearsal_dir, tmp_path)
    before = _pages(data)["provisions/ownership.md"]
    assert STRINGS["explanation.unchecked.title"]["ru"] not in before
    record = data / "provisions" / "ownership.yml"
    parsed = yaml.safe_load(record.read_text(encoding="utf-8"))
    kept = [e for e in parsed["versions"] if e["version"] not in ("adopted", "final_draft")]
    text = record.read_text(encoding="utf-8")
    record.write_text(text[: text.index("\nversions:\n")] + "\n" + yaml.safe_dump({"versions": kept}, allow_unicode=True,
                                                                                   sort_keys=False, width=10**6),
                      encoding="utf-8")
    page = _pages(data)["provisions/ownership.md"]
    notice = page[page.index(STRINGS["explanation.unchecked.title"]["ru"]):]
    assert notice.startswith(STRINGS["explanation.unchecked.title"]["ru"] + '"')
    assert '!!! note "' + STRINGS["explanation.unchecked.title"]["ru"] in page
    assert "](../texts/first_draft.md#art_8)" in notice.split("\n\n", 1)[0]
    assert STRINGS["explanation.outdated.title"]["ru"] not in page and STRINGS["explanation.differs.title"]["ru"] not in page
    # Beside adopted Article 9, which first-draft Article 8 became: written for the draft, not checked against this text.
    assert 'data-check="unchecked"' in _pages(data)["articles/9.md"]


def test_committed_stamps_stay_valid_fragment_fingerprints():
    """The shipped entries were stamped from their fragments (no text held): the basis of an entry
    with a fragment and no held text is that fragment, so nothing shipped needs stamping again."""
    from atazan.dataset.validate import load_dataset

    dataset = load_dataset(str(ROOT / "data"), str(ROOT))
    with_text = [c for c in dataset.explanations if c.basis.fragment is not None]
    for check in nonempty(with_text, "shipped entries with a fragment"):
        assert check.basis.kind == explanations.FRAGMENT and check.current == fingerprint(check.basis.fragment)
        assert check.state == CURRENT
