"""Add the site's new page addresses and anchors to the link contract, tests/links/contract.txt.

Builds the site strictly into a temporary folder and adds every link it publishes to the
contract (see tests/link_contract.py). Links already in the contract stay. When the build no
longer keeps one of them, nothing is written: keep that link working first, with a redirect in
mkdocs.yml (`redirect_maps`) for a page or a former id in the data (`former_ids`) for an item.

Run it as `make links`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from link_contract import CONTRACT, broken_links, published_links, read_contract, write_contract  # noqa: E402
from project import ROOT, build_site  # noqa: E402


def main() -> int:
    contract = read_contract() if CONTRACT.exists() else []
    with tempfile.TemporaryDirectory() as folder:
        site = build_site(Path(folder) / "site")
        broken = broken_links(contract, site)
        published = published_links(site)
    where = CONTRACT.relative_to(ROOT)
    if broken:
        print(f"{where} is unchanged: the build no longer keeps {len(broken)} of its links.", file=sys.stderr)
        print("Keep each working with a redirect in mkdocs.yml (redirect_maps) or a former id in the data (former_ids):",
              file=sys.stderr)
        for link in broken:
            print(f"  {link}", file=sys.stderr)
        return 1
    added = sorted(published - set(contract))
    write_contract(set(contract) | published)
    print(f"{where}: {len(added)} new links, {len(set(contract) | published)} in all.")
    for link in added:
        print(f"  + {link}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
