"""The engine floor: a plain Material site of the same page count and text, with no data and no macros.

Same theme, same search plugin with jieba and the same separator, an ordinary navigation
(every page listed, grouped in folders of 50 as a hand-made site would be; pruned to the open
section in the competent variant), pages of plain
Markdown holding the text our pages hold. What that costs is what MkDocs and Material
cost by themselves; our build is compared with it.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import yaml

from .measure import ROOT

FOLDER_SIZE = 50


def floor_config(dict_file: Path, *, pruned: bool = False) -> dict[str, Any]:
    """``pruned``: the competent plain site, whose pages render only the open section of the navigation
    (``navigation.prune``), not every page of the site: the floor that costs linear time."""
    features = ["navigation.tabs", "navigation.sections"] + (["navigation.prune"] if pruned else [])
    return {
        "site_name": "引擎基准",
        "theme": {"name": "material", "language": "zh", "font": False, "features": features},
        "plugins": [{"search": {"separator": r"[\s\u200b\-]", "jieba_dict_user": str(dict_file)}}],
        "markdown_extensions": ["tables", "attr_list", "admonition"],
    }


def make_floor(target: Path, texts: list[str], pages: int, *, pruned: bool = False) -> Path:
    """A project of ``pages`` Markdown pages whose text is ``texts`` taken in turn (see ``floor_config``)."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# 引擎基准\n\n" + texts[0] + "\n", encoding="utf-8")
    source = itertools.cycle([t for t in texts if t] or ["空白"])
    for number in range(1, pages):
        folder = docs / f"section-{number // FOLDER_SIZE:03d}"
        folder.mkdir(exist_ok=True)
        text = next(source)
        # Paragraphs of about 200 characters, as our pages' prose and table rows come.
        body = "\n\n".join(text[i : i + 200] for i in range(0, len(text), 200))
        (folder / f"page-{number:05d}.md").write_text(f"# 第 {number} 页\n\n{body}\n", encoding="utf-8")
    config = target / "mkdocs.yml"
    settings = floor_config(ROOT / "data" / "search_dict.txt", pruned=pruned)
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return config
