"""Who an output is for, decided once: the records they may see and what may be shown to them.

There are two audiences. The bureau itself (``INTERNAL``) sees every record, its own
assessment of its units (the charges at a multiple of points lost above) and who changed
what. Everyone else (``PUBLIC``: reviewers, the public site, the USB bundle) sees only the
records and fields not marked internal, and none of the bureau's own bookkeeping.

An ``Edition`` is the data as one audience may see it, made only by ``Audience.edition``:
the record filter and the presentation policy travel together, so nothing can put the full
data in front of the public policy, or the filtered data in front of the internal one.
Every renderer, exporter, the bundle and publishing take an Edition.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dataset import Dataset


@dataclass(frozen=True)
class Audience:
    key: str
    """``internal`` or ``public``: the value of ``--audience`` and of the build option."""
    label: str
    """局内 / 对外, for messages."""
    sees_internal_records: bool
    """Records and fields marked internal are shown (and badged 内部)."""
    sees_internal_assessment: bool
    """The bureau's own charges to its units (points lost above × the multiplier) are shown."""
    sees_history: bool
    """Record pages show who changed the record and when (from git)."""
    document_mark: str | None
    """What every page or sheet of a document for this audience is marked with (内部资料)."""

    def edition(self, data: Dataset) -> Edition:
        """The data as this audience may see it."""
        from .visibility import public_view  # the filter reads the register of kinds, which reads this module's users

        return Edition(self, data if self.sees_internal_records else public_view(data), _token=_EDITION_TOKEN)


INTERNAL = Audience("internal", "局内", True, True, True, "内部资料")
PUBLIC = Audience("public", "对外", False, False, False, None)
AUDIENCES = {a.key: a for a in (INTERNAL, PUBLIC)}

_EDITION_TOKEN = object()


@dataclass(frozen=True)
class Edition:
    """The data one audience may see, with that audience. Made by ``Audience.edition`` only."""

    audience: Audience
    data: Dataset
    _token: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._token is not _EDITION_TOKEN:
            raise TypeError("an Edition is made by Audience.edition(dataset), which applies the audience's filter")


def audience_named(key: str) -> Audience:
    """The audience called ``key`` (``internal`` or ``public``); ValueError with the choices otherwise."""
    try:
        return AUDIENCES[key]
    except KeyError:
        raise ValueError(f"受众应为 {' 或 '.join(AUDIENCES)}（实际值：'{key}'）") from None
