"""The repository stands on its own: no file it tracks names a path outside it, so a clone in any
folder builds and tests the site with nothing beside it."""

from __future__ import annotations

from project import ROOT
from repository import outside_references, tracked_files


def test_no_tracked_file_refers_to_a_path_outside_the_repository():
    files = tracked_files(ROOT)
    assert len(files) > 100
    found = outside_references(ROOT, files)
    assert not found, "paths outside the repository:\n" + "\n".join(found)


def test_a_reference_outside_the_repository_is_caught(tmp_path):
    """The check above can fail: each way of naming a path outside the repository is reported."""
    root = tmp_path / "repo"
    (root / "tests" / "build").mkdir(parents=True)
    outside = root / "tests" / "paths.py"
    # Spelt in pieces, so that this file does not name such paths itself.
    up, parent, home, shared = "..", "parent", "/" + "home", "sha" + "red"
    outside.write_text(f'SOURCE = ROOT.{parent} / "{shared}" / "source"\n'
                       f'TEXT = "{up}/{up}/{shared}/source/release.txt"\n'
                       f'UP = Path(__file__).resolve().{parent}s[2]\n'
                       f'UPUP = Path(__file__).{parent}.{parent}.{parent}\n'
                       f'HOME = "{home}/someone/g7/data"\n', encoding="utf-8")
    inside = root / "tests" / "build" / "inside.py"
    inside.write_text('ROOT = Path(__file__).resolve().parent.parent.parent\n'
                      'LINK = "../../docs/about.md"\n'
                      'HREF = \'href="../about/#contact"\'\n', encoding="utf-8")
    found = outside_references(root, [outside, inside])
    assert [line.split(":")[1] for line in found] == ["1", "2", "3", "4", "5"], found
