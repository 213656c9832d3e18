"""mypy over the package and the MkDocs hook (pyproject.toml [tool.mypy]): 0 errors. The page-kind
contexts, the memoised model builders (memo.py keeps their signatures) and the Lang type are
checked here, not first at render time."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_mypy_finds_no_error():
    # The real command (its configuration is the point), with its cache beside the project's others.
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(ROOT / ".cache" / "mypy")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "Success: no issues found" in result.stdout
