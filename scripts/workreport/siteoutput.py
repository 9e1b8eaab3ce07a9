"""What is mended in Material's output after the engine wrote it, whichever way the site was built
(through the MkDocs hooks, or staged: ``workreport.staging``): the search index as UTF-8, the
search worker's query scan.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def compact_search_index(site_dir: str | Path, merge: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Rewrite Material's search index with its Chinese as UTF-8, not ``\\uXXXX`` escapes, its pages in a
    fixed order; ``merge`` first changes the index in place (the preview's, see ``adapter.preview``), so
    it is read and written once.

    The index is mostly Chinese and jieba's zero-width spaces; escaped, each of those takes
    six bytes instead of three, which nearly doubles what every reader's browser downloads.
    """
    path = Path(site_dir) / "search" / "search_index.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        if merge is not None:
            merge(data)
        # Pages in the order of their URLs, each page's sections as the page has them: the same index
        # whether the engine met the record pages after the office's (hooks) or among them (staged).
        data["docs"].sort(key=lambda entry: str(entry["location"]).split("#")[0])
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# Material 9.x's search worker cuts a Chinese query into the index's words, but its scan stops one
# character short of the query's end: a query that is itself an indexed word (生态清洁小流域) is
# never looked up whole, and its pieces match pages that hold only a piece. Fixed where it happens.
WORKER_SCAN = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
WORKER_SCAN_FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def fix_search_worker(site_dir: str | Path) -> bool:
    """Let the query scan reach the query's last character; False when the worker has no such scan
    (another Material version: the search tests then say whether whole terms still rank first)."""
    fixed = False
    for worker in (Path(site_dir) / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        text = worker.read_text(encoding="utf-8")
        if WORKER_SCAN in text:
            worker.write_text(text.replace(WORKER_SCAN, WORKER_SCAN_FIXED), encoding="utf-8")
            fixed = True
    return fixed
