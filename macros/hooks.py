"""MkDocs hook: one generated page per task, indicator, project, case and unit, plus photos.

The pages' Markdown comes whole from the core's renderer; this hook only registers it.
"""

from mkdocs.structure.files import File, Files

from workreport.mkdocs_adapter import site_from_config
from workreport.render.links import PHOTO_DIR


def on_files(files: Files, config) -> Files:
    site = site_from_config(config)
    for uri, markdown in site.pages():
        files.append(File.generated(config, uri, content=markdown))
    photos = site.data.data_dir / PHOTO_DIR
    for path in sorted(p for p in photos.rglob("*") if p.is_file()):
        uri = path.relative_to(site.data.data_dir).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_config(config):
    # The header shows the bureau and period from data/report.yaml, not a name typed twice.
    report = site_from_config(config).report
    config.site_name = f"{report.bureau} · {report.period.title}"
    return config
