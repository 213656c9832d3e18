#!/usr/bin/env python3
"""Build the offline copy of the site and pack it as a zip that works from file://.

Usage: python3 scripts/offline_build.py [--out ata-zan-offline.zip] [--site-dir DIR]

Steps: build with mkdocs.offline.yml and ATAZAN_OFFLINE=true (Material's offline plugin: .html
links, search index inlined as a script, the vendored Web Worker shim), check that no page
references a network address for a script, style or frame, then zip the folder under one
top-level directory `ata-zan/`. An organiser unzips it and opens ata-zan/index.html.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a browser fetches on its own when a page opens. Links to read (<a>, canonical, alternate
# feeds) are the reader's choice and stay.
_FETCHED = re.compile(
    r"""<(?:script|iframe|img|source|video|audio)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|modulepreload|prefetch|icon|manifest))[^>]*\bhref=["']?(?:https?:)?//""",
    re.I,
)


def build(site_dir: Path, root: Path = ROOT) -> None:
    """The offline build of the project at `root` (this checkout, or a copy the tests made)."""
    env = dict(os.environ, ATAZAN_OFFLINE="true")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.offline.yml"),
         "--site-dir", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        sys.exit(f"offline build failed:\n{result.stderr[-4000:]}")


def network_references(site_dir: Path) -> list[str]:
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        for match in _FETCHED.finditer(page.read_text(encoding="utf-8")):
            found.append(f"{page.relative_to(site_dir)}: {match.group(0)}")
    return found


def pack(site_dir: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                archive.write(path, Path("ata-zan") / path.relative_to(site_dir))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "ata-zan-offline.zip")
    parser.add_argument("--site-dir", type=Path, help="build here and keep it (default: a temp folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="atazan-offline-") as tmp:
        site_dir = args.site_dir or Path(tmp) / "site"
        build(site_dir)
        remote = network_references(site_dir)
        if remote:
            print("\n".join(remote[:20]), file=sys.stderr)
            sys.exit(f"offline copy would fetch {len(remote)} network resources (first ones above)")
        pack(site_dir, args.out)
    print(f"{args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
