"""The repository's own files, and what in them points outside the repository."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

# A relative path that climbs out of its folder: "..", then a slash, then more.
_CLIMB = re.compile(r"(?<![\w.])((?:\.\./)+)([\w.\-/]*)")
# Python walking up from a file: Path(__file__).parent.parent…, .parents[2]
_FROM_FILE = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?((?:\.parent\b)+|\.parents\[(\d+)\])")
# Python walking up from the project root, which is always outside it.
_ABOVE_ROOT = re.compile(r"\bROOT\s*\.\s*parents?\b")
# An absolute path into somebody's machine.
_ABSOLUTE = re.compile(r"(?<![\w.:/])/(?:work|home|root|Users|mnt|srv)/[\w.\-]")


def tracked_files(root: Path) -> list[Path]:
    """The files git tracks in `root`."""
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, text=True, check=True)
    return [root / name for name in listing.stdout.split("\0") if name and (root / name).is_file()]


def outside_references(root: Path, files: list[Path]) -> list[str]:
    """Each place in `files` that names a path outside `root`, as 'file:line: text'."""
    root = root.resolve()
    found = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # not text
        where = file.resolve().parent
        for number, line in enumerate(text.splitlines(), 1):
            escapes = [m.group(0) for m in _CLIMB.finditer(line)
                       if not _inside(root, where / (m.group(1) + m.group(2)))]
            for m in _FROM_FILE.finditer(line):
                up = int(m.group(2)) + 1 if m.group(2) else m.group(1).count(".parent")
                if not _inside(root, Path(os.path.normpath(file.resolve().joinpath(*[".."] * up)))):
                    escapes.append(m.group(0))
            escapes += [m.group(0) for m in (*_ABOVE_ROOT.finditer(line), *_ABSOLUTE.finditer(line))]
            found += [f"{file.relative_to(root)}:{number}: {escape}" for escape in escapes]
    return found


def _inside(root: Path, path: Path) -> bool:
    return Path(os.path.normpath(path)).is_relative_to(root)
