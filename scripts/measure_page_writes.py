"""What writing the generated pages into docs/<lang>/ costs, against handing them to MkDocs in memory
(decisions/generated-pages.md). Usage: python scripts/measure_page_writes.py . 1   (root, scale)."""
import os, sys, time
root = sys.argv[1]; scale = float(sys.argv[2]); work = f"/tmp/prof-{scale}"
sys.path.insert(0, os.path.join(root, "hooks"))
from atazan.tools import benchbuild
if not os.path.exists(work):
    benchbuild.make_project(root, work, scale)
from atazan.dataset.validate import load_dataset
from atazan.website import plan as site_plan, render, generate
ds = load_dataset(os.path.join(work, "data"), work)
pages = render.render(site_plan.build(ds))
docs = os.path.join(work, "docs")
rows = []
for rep in range(3):
    benchbuild.remove_generated(docs)
    s = time.process_time(); generate.write_pages(pages, docs, work); cold = time.process_time() - s
    s = time.process_time(); generate.write_pages(pages, docs, work); warm = time.process_time() - s
    s = time.process_time()
    for p in pages:
        with open(os.path.join(docs, p.lang, p.path), encoding="utf-8-sig") as h: h.read()
    read = time.process_time() - s
    rows.append((cold, warm, read))
best = [min(r[i] for r in rows) for i in range(3)]
print(f"scale {scale}: {len(pages)} pages: write (cold) {best[0]:.3f} s, unchanged check {best[1]:.3f} s, MkDocs-style read-back {best[2]:.3f} s CPU (best of 3)")
