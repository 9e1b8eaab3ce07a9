"""What the last preview build rendered, so that the next renders again only the views that changed.

A template's output is a function of its view, the page it is drawn on and the URL style: the
Jinja environment's filters read nothing else (see ``render.environment``). So when a page's view
equals the one it had in the last build, the text it rendered then is its text now. ``make serve``
builds again after every save; at ten times the sample, drawing every record page's Markdown
again to compare it took about as long as everything else the preview does. Building the views
stays (it is the cheap part, and a view is where a change in the data shows).

Only the preview keeps one (``adapter.preview``): a full build renders every page once, and
holding every page's view and text would only cost memory there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .environment import TEMPLATES

Key = tuple[str, str, bool]
"""A template, the page it is drawn on, the URL style."""


def templates_signature() -> tuple[tuple[str, int], ...]:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in TEMPLATES.rglob("*.j2")))


@dataclass
class RenderMemo:
    outputs: dict[Key, tuple[Any, str]] = field(default_factory=dict)
    templates: tuple[tuple[str, int], ...] = ()

    def begin(self) -> None:
        """Start a build: when a template changed since the last one, nothing rendered before holds."""
        signature = templates_signature()
        if signature != self.templates:
            self.outputs.clear()
            self.templates = signature

    def recall(self, key: Key, view: Any) -> str | None:
        known = self.outputs.get(key)
        return known[1] if known is not None and bool(known[0] == view) else None

    def keep(self, key: Key, view: Any, output: str) -> None:
        self.outputs[key] = (view, output)

