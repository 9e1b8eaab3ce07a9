"""A staged build: the site's whole source written out as files before the engine starts, so that
an engine that runs no MkDocs hooks (Zensical) builds the record pages too.

``make build`` builds through the hooks (``workreport.adapter.hooks``): the record pages, the
photos and the frame are handed to MkDocs in memory, and ``make serve`` renders again only what
changed. ``workreport build --staged`` (and ``--engine zensical``) writes the same things first:

- ``build/staged/docs/``: the office's pages as they are, every record's page, the generated
  list pages, the photos the pages show and the download centre's documents;
- ``build/staged/search_dict.txt``: the bureau's dictionary and the data's own names, for jieba;
- ``.staged.yml`` beside ``mkdocs.yml``: ``INHERIT: mkdocs.yml`` with the frame filled in (site
  name, worded navigation, footer line), the staged docs folder, the search plugin reading the
  staged dictionary, and no hooks. It sits beside mkdocs.yml because every engine resolves the
  relative paths of a configuration (theme overrides, the macros module) from its folder.

The office's pages keep their macros: the macros plugin (or Zensical's version of it) draws the
fragments. After the engine, ``finish`` mends Material's output as the hooks do.
``tests/test_engines.py`` checks that MkDocs and ProperDocs build the staged project to the
same bytes as the hooks do.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from .export.deliverables import write_downloads
from .render.frame import Frame, NavWordError, site_frame, worded_titles
from .render.site import SiteRenderer
from .sitebuild import BuildOptions
from .siteload import DATA_DIR, load_site
from .siteoutput import compact_search_index, fix_search_worker
from .views.downloads import FOLDER

STAGE = Path("build") / "staged"
"""Where the staged source goes, under the project."""
CONFIG_NAME = ".staged.yml"


@dataclass(frozen=True)
class Staged:
    config: Path
    """The staged configuration, beside mkdocs.yml."""
    docs: Path
    site: Path
    """Where the staged configuration puts the site (Zensical takes no other; MkDocs is told with ``-d``)."""
    pages: int
    """How many pages were generated (records and lists)."""


class _Tagged(yaml.SafeLoader):
    """Reads mkdocs.yml keeping ``!ENV`` as it is written, so the staged configuration can repeat it."""


@dataclass(frozen=True)
class EnvTag:
    value: Any


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> EnvTag:
    if isinstance(node, yaml.SequenceNode):
        return EnvTag(loader.construct_sequence(node))
    return EnvTag(loader.construct_scalar(node))  # type: ignore[arg-type]


def _keep_other(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None  # python objects (a slugify function) belong to keys the staged configuration does not repeat


_Tagged.add_constructor("!ENV", _env)
_Tagged.add_multi_constructor("tag:yaml.org,2002:python/", _keep_other)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(EnvTag, lambda dumper, tag: (
    dumper.represent_sequence("!ENV", tag.value, flow_style=True) if isinstance(tag.value, list)
    else dumper.represent_scalar("!ENV", tag.value)
))
# Words filled into labels are escaped Markup: the theme then escapes them exactly once (see render.frame).
_Dumper.add_representer(Markup, lambda dumper, text: dumper.represent_sequence(
    "tag:yaml.org,2002:python/object/apply:markupsafe.Markup", [str(text)], flow_style=True
))


class StageError(Exception):
    """The staged source cannot be written; the message (Chinese) names the file, and the line where known."""


def read_config(config: Path) -> dict[str, Any]:
    try:
        with config.open(encoding="utf-8") as stream:
            loaded = yaml.load(stream, Loader=_Tagged)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{config.name}:{mark.line + 1}" if mark is not None else config.name
        raise StageError(f"{where}: 配置文件不是有效的 YAML（{getattr(error, 'problem', None) or error}）") from None
    return loaded if isinstance(loaded, dict) else {}


def stage(site: SiteRenderer, root: Path, config: Path, settings: dict[str, Any]) -> Staged:
    """Write the staged source of ``site`` for the project at ``root``, configured by ``config`` (read: ``settings``)."""
    office_docs = root / str(settings.get("docs_dir", "docs"))
    out = root / STAGE
    docs = out / "docs"
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(office_docs, docs)
    office = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    try:
        frame = site_frame(site, settings.get("nav"), lambda uri: uri in office)
    except NavWordError as error:
        raise StageError(str(error)) from None

    generated = 0
    for uri, markdown in site.generated_pages(office):
        _write(docs / uri, markdown.encode("utf-8"))
        generated += 1
    # Only the photos of records on the site: a public build must not carry an internal case's pictures.
    for uri in site.photo_files():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site.data.data_dir / uri, docs / uri)
    if site.site.downloads:
        (docs / FOLDER).mkdir(parents=True, exist_ok=True)
        write_downloads(site.site, docs / FOLDER, root)
    for uri, title in worded_titles(frame.nav or []).items():
        if (docs / uri).is_file():
            _write(docs / uri, with_title((docs / uri).read_text(encoding="utf-8"), title).encode("utf-8"))

    dictionary = out / "search_dict.txt"
    _write(dictionary, _dictionary(root, settings, frame.terms).encode("utf-8"))
    staged = root / CONFIG_NAME
    built = out / "site"  # Zensical wants it inside the project
    staged.write_text(_staged_config(config, settings, frame, docs.relative_to(root), dictionary, built.relative_to(root)), encoding="utf-8")
    return Staged(staged, docs, built, generated)


def stage_project(config: Path, options: BuildOptions) -> Staged:
    """Load the data of ``config``'s project for ``options`` (its audience, its download centre) and stage it."""
    root = config.resolve().parent
    settings = read_config(config)
    site, _ = load_site(
        root / DATA_DIR, root, options.audience,
        directory_urls=bool(settings.get("use_directory_urls", True)), downloads=options.downloads,
    )
    return stage(site, root, config.resolve(), settings)


def finish(site_dir: Path) -> None:
    """Mend Material's output as the hooks do after a build through them."""
    compact_search_index(site_dir)
    fix_search_worker(site_dir)


def with_title(markdown: str, title: str) -> str:
    """The page with ``title`` in its front matter (added to the one it has, or a new one)."""
    line = f"title: {json.dumps(str(title), ensure_ascii=False)}\n"
    if markdown.startswith("---\n"):
        end = markdown.find("\n---", 3)
        if any(key.startswith("title:") for key in markdown[4:end].splitlines()):
            return markdown  # the office titled the page itself
        return "---\n" + line + markdown[4:]
    return f"---\n{line}---\n\n{markdown}"


def _dictionary(root: Path, settings: dict[str, Any], terms: Iterable[str]) -> str:
    """jieba's user dictionary: the bureau's (``search.jieba_dict_user``) followed by the data's names."""
    own = ""
    configured = _search_settings(settings).get("jieba_dict_user")
    if isinstance(configured, str) and (root / configured).is_file():
        own = (root / configured).read_text(encoding="utf-8")
        own += "" if own.endswith("\n") or not own else "\n"
    return own + "".join(f"{term}\n" for term in terms)


def _search_settings(settings: dict[str, Any]) -> dict[str, Any]:
    for plugin in settings.get("plugins") or []:
        search = plugin.get("search") if isinstance(plugin, dict) else None
        if isinstance(search, dict):
            return search
    return {}


def _staged_config(
    config: Path, settings: dict[str, Any], frame: Frame, docs: Path, dictionary: Path, site_dir: Path
) -> str:
    plugins = [
        {"search": {**(plugin["search"] or {}), "jieba_dict_user": str(dictionary)}}
        if isinstance(plugin, dict) and "search" in plugin else plugin
        for plugin in settings.get("plugins") or []
    ]
    staged: dict[str, Any] = {
        "INHERIT": config.name,
        "docs_dir": docs.as_posix(),
        "site_dir": site_dir.as_posix(),
        "site_name": frame.site_name,
        "extra": {"footer_line": frame.footer_line},
        "hooks": [],
        "plugins": plugins,
    }
    if frame.nav is not None:
        staged["nav"] = frame.nav
    header = "# Written by `workreport build --staged` from mkdocs.yml and data/ (see workreport.staging): do not edit.\n"
    return header + yaml.dump(staged, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
