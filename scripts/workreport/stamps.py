"""The one time an output may carry: when its data was committed, never when it was built.

Files and zips record times (a document's "created", a zip entry's date, a sitemap's
``lastmod``). Taken from the clock, two runs on one commit would differ, and a published
version could not be checked against a rebuild. Every writer takes this time instead:

1. ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention; ``publish`` sets it);
2. else the time of the last commit that touched ``data/``;
3. else (no git, or nothing committed yet) the report's as-of date, at midnight UTC.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import zipfile
from collections.abc import Iterable
from pathlib import Path

ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
"""The earliest time a zip entry can hold."""


def source_time(root: Path, data_dir: Path, as_of: dt.date) -> dt.datetime:
    """The time outputs of this data carry (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", str(data_dir)],
            cwd=root, capture_output=True, text=True, check=False,
        )
    except FileNotFoundError:
        done = None
    if done is not None and done.returncode == 0 and done.stdout.strip().isdigit():
        return dt.datetime.fromtimestamp(int(done.stdout.strip()), dt.UTC)
    return dt.datetime.combine(as_of, dt.time(), dt.UTC)


def zip_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """``when`` as a zip entry's date (zips start in 1980 and count even seconds)."""
    when = max(when.astimezone(dt.UTC), ZIP_EPOCH)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)


def repack_zip(content: bytes, when: dt.datetime) -> bytes:
    """The same zip with every member dated ``when`` (writers otherwise stamp the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=zip_time(when))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info))
    return out.getvalue()


def write_zip(target: Path, files: Iterable[tuple[Path, str]], when: dt.datetime) -> None:
    """A zip of ``(file, name in the zip)`` pairs, in name order, every entry dated ``when``."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, name in sorted(files, key=lambda pair: pair[1]):
            info = zipfile.ZipInfo(name, date_time=zip_time(when))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
