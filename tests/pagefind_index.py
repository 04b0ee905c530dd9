"""Read the Pagefind index a build wrote (site/pagefind/): one record per indexed page, as Pagefind stores
it (gzip, a "pagefind_dcd" signature, then JSON with url, content, filters and meta)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def records(site: Path) -> dict[str, dict]:
    """Indexed pages by their URL ("/events/anchorage-summit-2025/"), from every part of the index (a page
    is in one part only)."""
    out = {}
    for fragment in sorted((site / "pagefind").rglob("fragment/*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(SIGNATURE), fragment
        record = json.loads(data[len(SIGNATURE):])
        assert record["url"] not in out, f"{record['url']} is in two parts of the index"
        out[record["url"]] = record
    return out
