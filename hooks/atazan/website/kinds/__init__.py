"""One module per page kind: its models, its typed context, the function that lists its pages in
one language, and its template's name (base.PageKind). Adding a kind is one module here, its
template in overrides/atazan/pages/, its strings, and its line below."""

from __future__ import annotations

from atazan.website.kinds import (article, article_feed, changes, compare, factcheck, glossary_page, handout, home,
                                  kk_ru, news, provision, status, text, theme, timeline)
from atazan.website.kinds.base import PageKind

# The order pages are listed (and rendered) in, per language.
PAGE_KINDS: dict[str, PageKind] = {kind.name: kind for kind in (
    provision.KINDS[0], theme.KINDS[0], provision.KINDS[1], theme.KINDS[1], *timeline.KINDS, *glossary_page.KINDS,
    *news.KINDS, *factcheck.KINDS, *handout.KINDS, *status.KINDS, *home.KINDS,
    # The Constitution's own text (legaltext.py), what changed between its versions (comparison.py),
    # and where its official kk and ru texts differ (dataset/textcompare.py).
    *article.KINDS, *text.KINDS, *changes.KINDS, *compare.KINDS, *article_feed.KINDS, *kk_ru.KINDS,
)}
