"""`python tests/counting_build.py SITE COUNTS.json`, run in a project folder: exactly
`mkdocs build --strict --site-dir SITE`, in this process, with the constructor of every page
model counted; writes the counts and the generator modules the build imported to COUNTS.json.

The suite's real site (conftest.site_dir) is built this way, so that tests/website/test_plan.py can check
that each page model is made once per build without a build of its own. Counting changes nothing
in the output."""

from __future__ import annotations

import collections
import dataclasses
import inspect
import json
import os
import sys

sys.path.insert(0, os.path.join(os.getcwd(), "hooks"))

from atazan.website import legaltext, views  # noqa: E402
from atazan.website.kinds import (article, changes, factcheck, glossary_page, handout, news, provision, status,  # noqa: E402
                                  text, theme, timeline)

counts: collections.Counter = collections.Counter()


def _count(cls: type, name: str) -> None:
    init = cls.__init__

    def counted(self, *args, **kwargs):
        counts[name] += 1
        init(self, *args, **kwargs)

    cls.__init__ = counted


for module in (legaltext, views, article, changes, factcheck, glossary_page, handout, news, provision, status, text, theme,
               timeline):
    for name, cls in list(vars(module).items()):
        if inspect.isclass(cls) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__:
            _count(cls, name)

from mkdocs.__main__ import cli  # noqa: E402

site, report = sys.argv[1], sys.argv[2]
try:
    cli(["build", "--strict", "--site-dir", site])
finally:
    from atazan.fsutil import write_atomic

    write_atomic(report, json.dumps({"counts": counts, "modules": sorted(m for m in sys.modules if m.startswith("atazan"))}),
                 durable=False)
