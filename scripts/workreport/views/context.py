"""What every view builder reads: the edition (data and audience), its analysis, the history."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from ..analysis import Analysis, Scorecard
from ..audience import Audience, Edition
from ..dataset import Dataset
from ..history import History
from ..model import ReportConfig
from ..review import MonthReview, monthly_review
from ..wording import Words, words_of


class Site:
    """One edition of the data with everything computed from it once."""

    def __init__(self, edition: Edition, history: History | None = None, *, downloads: bool = False):
        self.edition = edition
        self.downloads = downloads
        """Whether this build writes the download centre's files (not the editors' preview)."""
        self.audience: Audience = edition.audience
        self.data: Dataset = edition.data
        self.report: ReportConfig = edition.data.report
        self.as_of: dt.date = self.report.as_of
        self.words: Words = words_of(self.report)
        """The period's words (上半年, 明年) and the bureau's (处室, 八大攻坚行动)."""
        self.analysis = Analysis(edition.data)
        # Who changed what is shown only to an audience that may see it.
        self.history = history if self.audience.sees_history else None
        self._scorecards: dict[tuple[str, str], Scorecard] = {}

    @cached_property
    def bureau(self) -> Scorecard:
        return self.analysis.scorecard(self.analysis.bureau_scope())

    def scorecard(self, kind: str, record_id: str) -> Scorecard:
        """The scorecard of a line of work (``categories``), a unit or a leader."""
        key = (kind, record_id)
        if key not in self._scorecards:
            a = self.analysis
            scope = {"categories": a.category_scope, "units": a.unit_scope, "leaders": a.leader_scope}[kind](record_id)
            self._scorecards[key] = a.scorecard(scope)
        return self._scorecards[key]

    @cached_property
    def months(self) -> list[MonthReview]:
        return monthly_review(self.data)

    def shows_internal_mark(self, record: object) -> bool:
        """Whether a record is badged 内部 here: internal, and shown to an audience that sees such records."""
        return self.audience.sees_internal_records and bool(getattr(record, "is_internal", False))
