"""The MkDocs hooks (mkdocs.yml names them through ``macros/hooks.py``): one generated page per
record (task, indicator, project, case, unit, line of work, leader), plus the photos those
pages show; the header's name; the search index compacted.

The pages' Markdown comes whole from the core's renderer; these hooks only register it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..plain import html_text
from .site import compact_search_index, site_from_config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = site_from_config(config)
    for uri, markdown in site.pages():
        files.append(File.generated(config, uri, content=markdown))
    # Only the photos of records on the site: a public build must not carry an internal case's pictures.
    for uri in site.photo_files():
        files.append(File.generated(config, uri, abs_src_path=str(site.data.data_dir / uri)))
    return files


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The header shows the bureau and period from data/report.yaml, not a name typed twice.
    # The theme prints the site name unescaped, and sometimes through `| e`: as Markup it is
    # escaped exactly once either way.
    report = site_from_config(config).report
    config.site_name = html_text(f"{report.bureau} · {report.period.title}")
    return config


def on_post_build(config: MkDocsConfig) -> None:
    # After the search plugin wrote its index (hooks run after plugins), before the offline
    # plugin copies it into search_index.js (it runs last).
    compact_search_index(config.site_dir)
