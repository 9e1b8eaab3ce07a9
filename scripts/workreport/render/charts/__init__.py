"""Charts drawn at build time as inline SVG.

No JavaScript: a chart works offline, prints, and can be reused as it is by a PDF
export (WeasyPrint), so every colour, stroke and font size is an attribute on its
element, never a rule in a stylesheet. Colour never carries meaning alone: every bar
and segment has its label and figure written beside it, donut segments also differ
by pattern and their legend markers by shape, and each chart's ``<desc>`` lists
every value in words for screen readers.

Output is deterministic (same input, same bytes) because golden snapshots compare
it; element ids come from a hash of the chart's content plus an optional caller
``key``, so two different charts on one page never share an id. The markup has no
blank lines, so Markdown passes it through as one raw HTML block.

The package, by what each module holds:

- ``palette``: the colour roles (``Tone``, ``TONES``) and the inks of text, axes and tracks;
- ``svg``: the building blocks: elements, text and its fitting, ids, the ``<svg>`` and its figure;
- ``bars``: the schedule bar of a table cell, horizontal bars, and the funnel (``Bar``);
- ``donuts``: the ring of parts of a whole (``Segment``);
- ``trend``: a value over time against its target;
- ``investments``: investment completed against plan (``InvestmentRow``).

Callers use what this module exports: ``charts.donut(...)``, ``charts.Bar(...)``.
"""

from __future__ import annotations

from .bars import Bar, funnel, hbars, schedule_bar
from .donuts import Segment, donut
from .investments import InvestmentRow, investment
from .palette import TONES, Tone
from .trend import trend_line

__all__ = ["TONES", "Bar", "InvestmentRow", "Segment", "Tone"]
__all__ += ["donut", "funnel", "hbars", "investment", "schedule_bar", "trend_line"]
