"""Deduplication and relevance on the fixture dumps and on the real seeds, against groups and
verdicts read by hand."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from atazan.importers.news import dedupe, relevance
from atazan.importers.news.parse import RawItem, parse_text


def _located(seeds):
    out = []
    for path in seeds:
        items, _ = parse_text(path.read_text(encoding="utf-8-sig"), path.name)
        out += [dedupe.Located(item, path.name) for item in items]
    return out


# ---------------------------------------------------------------- the fixture dumps (any clone)

# 002 and 003 tell the teachers' round table twice, in two translations under two titles.
FIXTURE_RETELLING = frozenset({"Fixture akimat explains the draft Constitution to teachers",
                               "Teachers of Fixture District learned about the draft of the new Constitution"})


def test_fixture_repeats_and_the_retelling(dumps):
    stories = dedupe.group(_located(dumps))
    assert sum(len(s.variants) + len(s.repeats) for s in stories) == 15  # 3 + 2 + 6 + 4 items
    # The "Society" section of 002 repeats its three stories, one copy without quote marks.
    assert sorted(r.item.line for s in stories for r in s.repeats) == [14, 17, 20]
    assert len(stories) == 11
    assert [frozenset(v.item.title for v in s.variants) for s in stories if len(s.variants) > 1] == [FIXTURE_RETELLING]
    merged = next(s for s in stories if len(s.variants) > 1)
    # The earlier telling (10 February) is the canonical one, the one with the link.
    assert merged.canonical.date == dt.date(2026, 2, 10) and merged.canonical.url.endswith("/900001?lang=en")


def test_fixture_threshold_sits_between_the_retelling_and_other_stories(dumps):
    stories = dedupe.group(_located(dumps))
    inside = [score for s in stories for score in s.scores.values()]
    canon = [s.canonical for s in stories]
    across = [dedupe.similarity(a, b) for a, b in itertools.combinations(canon, 2)
              if abs((a.date - b.date).days) <= dedupe.MAX_DAYS]
    assert len(inside) == 1 and max(across) < dedupe.THRESHOLD < min(inside)


def test_fixture_input_order_does_not_change_the_stories(dumps):
    items = _located(dumps)
    expected = [[v.item.title for v in s.variants] for s in dedupe.group(items)]
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert [[v.item.title for v in s.variants] for s in dedupe.group(shuffled)] == expected


def test_fixture_relevance(dumps):
    verdicts = {s.canonical.title: relevance.judge(s.canonical) for s in dedupe.group(_located(dumps))}
    assert sorted(title for title, v in verdicts.items() if v.relevant) == [
        "Fixture Council to be granted power to propose a referendum",
        "Fixture Region rehearses referendum day",
        "Fixture akimat explains the draft Constitution to teachers",
        "Nurses of Fixture Hospital discuss the new Constitution",
        "Proposals on ownership were taken into account in the draft Constitution",
        "Students debate Article 8 of the draft Constitution",
    ]
    assert verdicts["Fixture Region rehearses referendum day"].reason == "title mentions referendum; text mentions the reform 1 time(s)"
    for title in ("Fixture Region library opens a reading room", "Open day at the Fixture sports school", "Фикстура жаңалығы"):
        assert verdicts[title] == relevance.Verdict(False, "no mention of the Constitution, a referendum or the Qurultay")


def _item(title: str, text: str) -> RawItem:
    return RawItem(title, dt.date(2026, 2, 11), "govkz-inline", 1, text.split("\n"))


def test_mentions_in_the_text_count_only_from_three():
    # Invented texts: one or two passing mentions are not a story about the reform; three are.
    twice = _item("Fixture choir tours the region", "The choir sang at the Constitution Day concert.\nA referendum poster hung in the hall.")
    assert twice.text.count("\n") == 1
    assert relevance.judge(twice) == relevance.Verdict(False, "only 2 passing mention(s) (constitution, referendum) and none in the title")
    thrice = _item("Fixture lecture series ends", "Lecturers compared the constitutions of three countries.\n"
                                                  "The new Constitution was discussed.\nThe referendum date was announced.")
    assert relevance.judge(thrice) == relevance.Verdict(True, "text mentions the reform 3 times (constitution, constitutions, referendum)")


# ---------------------------------------------------------------- the real dumps (../shared/seeds)


# Read from the seeds: one event told twice under different titles (translations).
EXPECTED_MERGES = {
    frozenset({"From anxiety to support: how Almaty helps children with special needs from the first days of life",
               "How special children are being helped in Almaty"}),
    frozenset({"In Almaty, the Early Intervention Center provided assistance to 167 children and over 4,700 services.",
               "The Early Intervention Center in Almaty helped 167 children and provided more than 4.7 thousand services"}),
    frozenset({"135 anti-drug measures were carried out in Almaty within the framework of the \"Law and Order\" principle.",
               "\"Law and Order: Almaty held 135 anti-drug events this year\""}),
    frozenset({"From classrooms to messaging apps: How Almaty is strengthening drug prevention among young people",
               "From the school classroom to messengers: Almaty steps up fight against drug addiction among youth"}),
    frozenset({"THE NEW CONSTITUTION OF THE REPUBLIC OF KAZAKHSTAN: THE BEGINNING OF A COMPLEX REFORM",
               "The draft of the new Constitution of the Republic of Kazakhstan has been published"}),
}


def test_exact_repeats_and_merge_groups_on_all_seeds(seeds):
    stories = dedupe.group(_located(seeds))
    assert sum(len(s.variants) + len(s.repeats) for s in stories) == 58
    assert sum(len(s.repeats) for s in stories) == 10  # the "Society" copies of 002 and 004
    assert len(stories) == 43
    merged = {frozenset(v.item.title for v in s.variants) for s in stories if len(s.variants) > 1}
    assert merged == EXPECTED_MERGES


def test_housing_proposals_by_two_ombudsmen_stay_separate(seeds):
    stories = dedupe.group(_located(seeds))
    by_title = {s.canonical.title: s for s in stories}
    assert len(by_title["PROHIBITING EXCLUSION FROM ASYLUM WITHOUT COURT DECISION PROPOSED TO BE ENFORCED IN THE NEW CONSTITUTION OF KAZAKHSTAN"].variants) == 1


def test_threshold_sits_in_the_gap_between_retellings_and_other_stories(seeds):
    stories = dedupe.group(_located(seeds))
    inside = [score for s in stories for score in s.scores.values()]
    canon = [s.canonical for s in stories]
    across = [dedupe.similarity(a, b) for a, b in itertools.combinations(canon, 2)
              if abs((a.date - b.date).days) <= dedupe.MAX_DAYS]
    assert min(inside) >= 0.38 and max(across) <= 0.22
    assert max(across) < dedupe.THRESHOLD < min(inside)


def test_input_order_does_not_change_the_stories(seeds):
    items = _located(seeds)
    expected = [[v.item.title for v in s.variants] for s in dedupe.group(items)]
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert [[v.item.title for v in s.variants] for s in dedupe.group(shuffled)] == expected


def test_relevance_counts_and_reasons(seeds):
    stories = dedupe.group(_located(seeds))
    verdicts = {s.canonical.title: relevance.judge(s.canonical) for s in stories}
    assert sum(v.relevant for v in verdicts.values()) == 15
    assert sum(not v.relevant for v in verdicts.values()) == 28
    # "National Kurultai" once, in a children's policy story: not about the reform.
    children = verdicts['Government Approved the Unified "Children of Kazakhstan" Concept']
    assert children == relevance.Verdict(False, "only 1 passing mention(s) (kurultai) and none in the title")
    india = verdicts["Kazakhstan and India Reaffirm Commitment to Deepening Political Dialogue and Enhancing Consular Cooperation"]
    assert not india.relevant and "(constitutional)" in india.reason
    beer = verdicts["Announcement. An online seminar will be held on the mandatory labeling of beer and beer drinks"]
    assert beer.reason == "no mention of the Constitution, a referendum or the Qurultay"
    medical = verdicts["Representatives of the medical profession in Shymkent expressed support for the new draft Constitution"]
    assert medical.relevant and medical.reason.startswith("title mentions constitution;")
    stability = verdicts["HEAD OF STATE: NEW CONSTITUTION IS A GUARANTEE OF STABILITY OF THE STATE"]
    assert stability.relevant
