"""The one error the ``new`` command raises: what went wrong, the exit status and any problems found."""

from __future__ import annotations

from collections.abc import Sequence

from ..problems import Problem


class ScaffoldError(Exception):
    """A user's mistake (status 2) or data that cannot take a new record (status 1)."""

    def __init__(self, message: str, status: int = 2, problems: Sequence[Problem] = ()):
        super().__init__(message)
        self.status = status
        self.problems = list(problems)
