"""How wide a text is, estimated from its characters: one rule for the charts, the ledger and ``new``.

Nothing here sees the reader's font, so widths are estimates, and every caller leaves some
slack. The rule, in two parts:

- A character is **wide** when its Unicode East Asian Width is W (wide), F (full-width) or
  A (ambiguous): ideographs, kana, hangul, full-width forms, and the punctuation that Chinese
  fonts draw a full em wide (“ ” — … · ①). Ambiguous characters count as wide because this
  text is Chinese and set in Chinese fonts. Every other character is **narrow**.
- A wide character is one em. A narrow one is a fixed fraction of an em, which depends only
  on the kind of font:

  - in a proportional font (the site and its charts), ``NARROW_EMS`` = 0.6: Latin digits
    and letters average a little over half an em, and an estimate had better err wide;
  - on a grid of character cells, ``CELL_EMS`` = 0.5, exactly half: a wide character takes
    two cells and a narrow one a cell. That is a monospace editor or terminal (aligning the
    comments of a new YAML entry) and Excel, whose column width is counted in digits of its
    default font, a digit being about half an em and a Chinese character two digits.

``width_in_ems`` is the first, ``cells`` and ``excel_width`` the second.
"""

from __future__ import annotations

import unicodedata

__all__ = ["CELL_EMS", "NARROW_EMS", "cells", "excel_width", "is_wide", "width_in_ems"]

WIDE_CLASSES = frozenset({"W", "F", "A"})
"""East Asian Width classes drawn one em wide."""
NARROW_EMS = 0.6
"""A narrow character's width in a proportional font, in ems."""
CELL_EMS = 0.5
"""A narrow character's width on a grid of cells (monospace, Excel), in ems: one cell."""


def is_wide(char: str) -> bool:
    """Whether ``char`` is one em wide (East Asian Width W, F or A)."""
    return unicodedata.east_asian_width(char) in WIDE_CLASSES


def _ems(text: str, narrow: float) -> float:
    return sum(1.0 if is_wide(char) else narrow for char in text)


def width_in_ems(text: str) -> float:
    """The width of ``text`` set in a proportional font: wide characters 1 em, others ``NARROW_EMS``."""
    return _ems(text, NARROW_EMS)


def cells(text: str) -> int:
    """The width of one line on a grid of cells: a wide character two cells, any other one.

    The same rule with ``CELL_EMS`` for the narrow fraction, counted in cells (half ems).
    """
    return round(_ems(text, CELL_EMS) / CELL_EMS)


def excel_width(text: str) -> int:
    """Excel's column width (in digits of its default font) that shows ``text``: its widest line in ``cells``."""
    return max(cells(line) for line in text.splitlines() or [""])
