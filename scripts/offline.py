"""Write the offline copy: the site built with mkdocs.offline.yml, zipped into
dist/g7-ministerial-2024-offline.zip, to be unzipped and opened from disk (file://…/index.html).

The iframe-worker shim that lets search run from disk is copied in from node_modules (pinned in
package-lock.json), where mkdocs.offline.yml expects it, and where each edition's offline
configuration expects it in the edition's folder. The copy holds every edition (the Japanese
one in ja/), as the site does. The 404 pages and the sitemaps are left out:
on disk no address is unknown, and there is no address to list. Entries are sorted and dated from
SOURCE_DATE_EPOCH, so the same commit gives the same zip.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.offline.yml"
NAME = "g7-ministerial-2024-offline"
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_IN_SITE = Path("assets", "javascripts", "iframe-worker", "shim.js")  # as in mkdocs.offline.yml
LEFT_OUT = ("404.html", "sitemap.xml", "sitemap.xml.gz")
FALLBACK_EPOCH = 1710720000  # the source's date, 18 March 2024, as in the Makefile


def build_offline(site_dir: Path) -> Path:
    """Build the offline copy into `site_dir` and return it."""
    if not SHIM.is_file():
        raise SystemExit(f"{SHIM.relative_to(ROOT)} is missing: run `make node-deps`")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    config = load_config(str(CONFIG), strict=True, site_dir=str(site_dir))
    build(config)
    for edition in (site_dir, *(site_dir / folder for folder in config.extra.get("editions") or {})):
        (edition / SHIM_IN_SITE).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIM, edition / SHIM_IN_SITE)
    for name in LEFT_OUT:  # in the site and in each edition's folder
        for path in site_dir.rglob(name):
            path.unlink()
    return site_dir


def write_zip(site_dir: Path, archive: Path) -> Path:
    """Zip `site_dir` as one folder, NAME/, into `archive`, byte for byte the same for the same files."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", FALLBACK_EPOCH))
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{NAME}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zipped.writestr(info, path.read_bytes())
    partial.replace(archive)
    return archive


def main(archive: Path = ROOT / "dist" / f"{NAME}.zip") -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_zip(build_offline(Path(folder) / NAME), archive)
    print(f"wrote {archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive}")


if __name__ == "__main__":
    main(*(Path(arg).resolve() for arg in sys.argv[1:2]))
