"""The hook package keeps its layers: figures over site over data, and only the registered hook
(hooks/record_site.py) talks to MkDocs. The contracts are in pyproject.toml; import-linter checks
them against the imports the code really makes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from project import ROOT


def test_the_import_contracts_hold():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports), "--no-cache", str(ROOT / "pyproject.toml")], cwd=ROOT / "hooks",
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout
