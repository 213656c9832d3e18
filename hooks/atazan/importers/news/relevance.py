"""Is a story about the constitutional reform? A transparent keyword rule; the reason is stored.

Rule: relevant if the title names the Constitution, a referendum or the Qurultay, or the text
does so at least MIN_MENTIONS times. One passing mention is not enough: a diplomatic meeting
that touches on "constitutional reforms" once, or the "National Kurultai" (a different body)
in a story about a children's policy, is not about the reform.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from atazan.importers.news.parse import RawItem

MIN_MENTIONS = 3
_REFORM = re.compile(r"\bconstitution\w*|\breferend\w*|\bq[uy]rultay\b|\bkurultai\b", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    relevant: bool
    reason: str


def judge(item: RawItem) -> Verdict:
    in_title = sorted({m.lower() for m in _REFORM.findall(item.title)})
    in_text = [m.lower() for m in _REFORM.findall(item.text)]
    words = ", ".join(sorted(set(in_text)))
    if in_title:
        return Verdict(True, f"title mentions {', '.join(in_title)}; text mentions the reform {len(in_text)} time(s)")
    if len(in_text) >= MIN_MENTIONS:
        return Verdict(True, f"text mentions the reform {len(in_text)} times ({words})")
    if in_text:
        return Verdict(False, f"only {len(in_text)} passing mention(s) ({words}) and none in the title")
    return Verdict(False, "no mention of the Constitution, a referendum or the Qurultay")
