"""Running MkDocs: the one place that starts it in a child process, from typed build options.

A build is described by ``BuildOptions``: who it is for, whether it is the offline bundle,
the version selector (``mike``, when publishing), the time it is stamped with, and how
strict and quiet MkDocs is. MkDocs itself reads the first three through ``!ENV`` tags in
mkdocs.yml; the names of those environment variables appear only here (and there).

``run_build`` runs ``mkdocs build`` in a fresh Python process that dies with its parent;
``build_command`` gives its command line and environment to a caller that runs it itself
(the benchmark wraps Python to read the build's peak memory), and
``BuildOptions.environment`` is what mike, which runs MkDocs on its own, is started with.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .audience import Audience
from .scratch import die_with_parent

# The environment variables mkdocs.yml reads (`!ENV`): extra.visibility, the offline plugin, extra.version.provider.
VISIBILITY_VARIABLE = "WORKREPORT_VISIBILITY"
OFFLINE_VARIABLE = "WORKREPORT_OFFLINE"
VERSION_PROVIDER_VARIABLE = "WORKREPORT_VERSION_PROVIDER"
DOWNLOADS_VARIABLE = "WORKREPORT_DOWNLOADS"

PYTHON: tuple[str, ...] = (sys.executable,)
"""How MkDocs' Python is started: this environment's interpreter."""


@dataclass(frozen=True)
class BuildOptions:
    audience: Audience
    """Who the site is for: the public build holds nothing marked internal."""
    offline: bool = False
    """The offline bundle: a single-version site that opens from file://, search included."""
    version_provider: str | None = None
    """The version selector (``mike`` when publishing); None for a site without one."""
    stamp: dt.datetime | None = None
    """The build's clock (SOURCE_DATE_EPOCH: the sitemap's dates), so one data commit always
    builds the same bytes; None leaves MkDocs its own clock."""
    downloads: bool = True
    """The download centre's documents, written with the site (the editors' preview goes without)."""
    strict: bool = True
    """``--strict``: any MkDocs warning fails the build."""
    quiet: bool = True
    """``-q``: only errors reach the terminal (data warnings are logged at INFO, see the adapter)."""

    def environment(self, base: Mapping[str, str] | None = None) -> dict[str, str]:
        """``base`` (by default this process's environment) with these options, as MkDocs reads them."""
        env = dict(os.environ if base is None else base)
        env["NO_MKDOCS_2_WARNING"] = "1"  # MkDocs 2 notice: not for editors
        env[VISIBILITY_VARIABLE] = self.audience.key
        env[OFFLINE_VARIABLE] = "true" if self.offline else "false"
        env[DOWNLOADS_VARIABLE] = "true" if self.downloads else "false"
        if self.version_provider:
            env[VERSION_PROVIDER_VARIABLE] = self.version_provider
        else:
            env.pop(VERSION_PROVIDER_VARIABLE, None)  # mkdocs.yml's default: no version selector
        if self.stamp is not None:
            env["SOURCE_DATE_EPOCH"] = str(int(self.stamp.timestamp()))
        return env

    def flags(self) -> list[str]:
        """MkDocs' own options for ``strict`` and ``quiet``."""
        return ["--strict" if self.strict else "--no-strict", *(["-q"] if self.quiet else [])]


def checkout_first(env: dict[str, str], config: str | Path) -> dict[str, str]:
    """``env`` with the ``scripts/`` beside ``config`` first on Python's path.

    MkDocs imports our Markdown extension (``workreport.render.table_cards``) while it reads the
    configuration, before the hooks' ``_checkout.py`` can put the checkout's own ``scripts/`` first:
    without this, a tag's worktree (``publish``) or a copied project would be built by whichever
    ``workreport`` the environment has installed.
    """
    scripts = Path(config).resolve().parent / "scripts"
    if scripts.is_dir():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(scripts), env.get("PYTHONPATH", "")]))
    return env


@dataclass(frozen=True)
class MkdocsCommand:
    """A command line that runs MkDocs, and the environment it runs with."""

    argv: list[str]
    env: dict[str, str]


def build_command(
    options: BuildOptions, config: str | Path, site_dir: str | Path, *, python: Sequence[str] = PYTHON, engine: str = "mkdocs"
) -> MkdocsCommand:
    """``mkdocs build`` of ``config`` into ``site_dir``, started with ``python`` (``python -m mkdocs …``);
    ``engine="properdocs"`` builds with MkDocs's maintained drop-in fork instead, ``"zensical"`` with
    Zensical (which runs no hooks: give it a staged configuration, see ``workreport.staging``, that
    names ``site_dir`` itself, since Zensical takes no output folder on its command line)."""
    if engine == "zensical":
        argv = [*python, "-m", engine, "build", *(["--strict"] if options.strict else []), "-f", str(config)]
    else:
        argv = [*python, "-m", engine, "build", *options.flags(), "-f", str(config), "-d", str(site_dir)]
    return MkdocsCommand(argv, checkout_first(options.environment(), config))


def serve_command(
    options: BuildOptions, config: str | Path, address: str, *, python: Sequence[str] = PYTHON
) -> MkdocsCommand:
    """``mkdocs serve`` of ``config`` on ``address`` (``127.0.0.1:8000``): the preview, rebuilt on every edit
    (``--dirty``: only the pages whose input changed, see ``workreport.adapter.preview``)."""
    argv = [*python, "-m", "mkdocs", "serve", "--dirty", *options.flags(), "-a", address, "-f", str(config)]
    return MkdocsCommand(argv, checkout_first(options.environment(), config))


ENGINES = ("mkdocs", "properdocs", "zensical")
"""The engines a site can be built with; only MkDocs and ProperDocs run the hooks (see ``workreport.staging``)."""


def run_build(
    options: BuildOptions,
    config: str | Path,
    site_dir: str | Path,
    *,
    cwd: Path | None = None,
    capture: bool = False,
    engine: str = "mkdocs",
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build``; its output goes to the terminal, or is captured (as text) with ``capture``.

    MkDocs is killed when this process dies: a killed ``workreport build`` leaves no MkDocs
    writing into a scratch folder that the next run removes.
    """
    command = build_command(options, config, site_dir, engine=engine)
    return subprocess.run(
        command.argv, env=command.env, cwd=cwd, capture_output=capture, text=True, check=False,
        preexec_fn=die_with_parent(),
    )
