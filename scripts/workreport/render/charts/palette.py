"""The charts' colours: every one a role, every ink dark enough to stand out from the white page.

Colour never carries meaning alone (see the package's docstring); the site's stylesheet
(docs/stylesheets/workreport.css) uses the same inks.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EMPTY", "GRID", "INK", "MUTED", "TONES", "TRACK", "Tone", "tone"]


@dataclass(frozen=True)
class Tone:
    """A colour role: ``ink`` is what must stand out from the white page (≥ 3:1)."""

    ink: str
    """Fill of solid shapes, stroke of outlined ones."""
    fill: str
    """What fills the shape: the ink itself, or a light tint for outline tones."""


TONES: dict[str, Tone] = {
    "done": Tone("#1b7f3b", "#1b7f3b"),
    "ok": Tone("#1f5fbf", "#1f5fbf"),
    "warn": Tone("#a65300", "#a65300"),
    "bad": Tone("#b3261e", "#b3261e"),
    "overdue": Tone("#7a1f7a", "#7a1f7a"),
    "neutral": Tone("#5f6368", "#5f6368"),
    # The year's plan is drawn as an outline: a light tint inside a dark enough border.
    "plan": Tone("#5f6368", "#f1f3f5"),
}

INK = "#1f2328"  # text and axes: 15:1 on white
MUTED = "#57606a"  # secondary text (notes, ticks): 6.4:1, still body-text legible
GRID = "#d8dee4"  # gridlines are decoration, the tick labels carry the values
TRACK = "#eef1f4"  # empty part of a progress track
EMPTY = "#d8dee4"  # the ring of a donut without data


def tone(name: str) -> Tone:
    """The tone called ``name``; an unknown name is an error that lists the known ones."""
    try:
        return TONES[name]
    except KeyError:
        raise ValueError(f"未知的颜色 {name!r}，可用：{'、'.join(TONES)}") from None
