"""MkDocs hooks: one generated page per record, plus the photos those pages show; the header's
name; the search index compacted. They live in the core's MkDocs adapter (``workreport.adapter.hooks``).
"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).with_name("_checkout.py")))  # this checkout's scripts/ first (see there)

from workreport.adapter.hooks import on_config, on_files, on_page_markdown, on_post_build, on_startup  # noqa: E402

__all__ = ["on_config", "on_files", "on_page_markdown", "on_post_build", "on_startup"]
