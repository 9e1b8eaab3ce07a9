"""Shared test helpers: fixture bureaus copied into a temporary project."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from workreport.audience import INTERNAL
from workreport.sitebuild import BuildOptions, run_build

ROOT = Path(__file__).resolve().parent.parent
STAMP = dt.datetime(2025, 7, 3, 2, 0, tzinfo=dt.UTC)
"""The data commit's time for writers called directly in tests."""
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL_DATA = FIXTURES / "minimal" / "data"


def copy_project(target: Path, data: Path) -> Path:
    """A buildable project in ``target``: the real mkdocs.yml, docs/ and macros/, with ``data``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, target / name)
    for name in ("docs", "macros"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "scripts" / "workreport", target / "scripts" / "workreport", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "deploy" / "mike", target / "deploy" / "mike")  # the redirect pages' template (publish)
    shutil.copytree(data, target / "data")
    if not (target / "data" / "search_dict.txt").exists():
        shutil.copy(ROOT / "data" / "search_dict.txt", target / "data" / "search_dict.txt")
    return target


def run_mkdocs_build(project: Path, site: Path, options: BuildOptions | None = None) -> subprocess.CompletedProcess[str]:
    """The real `mkdocs build --strict` of ``project`` into ``site`` (the internal site, not quiet: the data's
    warnings are logged at INFO), its output captured. The download centre's documents are left out unless
    ``options`` asks for them: written for every build, they would add ten seconds to each (test_downloads)."""
    options = options or BuildOptions(INTERNAL, quiet=False, downloads=False)
    return run_build(options, project / "mkdocs.yml", site, cwd=project, capture=True)


@pytest.fixture(scope="session")
def sample():
    """The sample bureau's validated dataset."""
    from workreport.loading import load_dataset

    result = load_dataset(ROOT / "data", ROOT)
    assert result.problems == [], "\n".join(map(str, result.problems))
    return result.dataset


@pytest.fixture(scope="session")
def site(tmp_path_factory, sample) -> Path:
    """The sample site, built once per test session with the real `mkdocs build --strict`."""
    project = copy_project(tmp_path_factory.mktemp("project"), ROOT / "data")
    out = project / "site"
    build = run_mkdocs_build(project, out)
    assert build.returncode == 0, build.stderr
    assert "Traceback" not in build.stderr
    return out


@pytest.fixture(scope="session")
def internal(sample):
    """The views' Site of the sample's internal edition (everything, for the bureau)."""
    from workreport.audience import INTERNAL
    from workreport.views.context import Site

    return Site(INTERNAL.edition(sample))


@pytest.fixture(scope="session")
def public(sample):
    """The views' Site of the sample's public edition."""
    from workreport.audience import PUBLIC
    from workreport.views.context import Site

    return Site(PUBLIC.edition(sample))


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A writable copy of the minimal bureau's data/ (its parent is the project folder)."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL_DATA, target)
    return target


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current renderer (then read the diff before committing)",
    )
