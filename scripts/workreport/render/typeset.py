"""Typesetting helpers for the exported documents: where a Chinese line may break.

Chinese breaks between any two characters, so a title or a caption can be cut inside a
word (梯/队, 展/示). ``unbroken_words`` marks each word (jieba's segmentation) as one
unit; a style sheet then keeps it whole (``.w { white-space: nowrap }``).
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from markupsafe import Markup, escape

WORD_CLASS = "w"


@functools.cache
def _segmenter() -> Any:
    """A jieba of the documents' own, with the default dictionary only.

    The site build teaches the shared ``jieba`` the data's names for the search (``adapter.site``):
    a document written inside a build (the download centre) must break its lines as ``make export``
    does, whichever process writes it.
    """
    import jieba  # loaded on first use: its dictionary takes a moment, and only exports need it

    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()


def unbroken_words(text: str) -> Markup:
    """``text`` as HTML with every word of two characters or more in a ``<span class="w">``."""
    pieces = []
    for word in _segmenter().cut(text, HMM=True):
        if len(word) > 1 and not word.isspace():
            pieces.append(Markup('<span class="{}">{}</span>').format(WORD_CLASS, word))
        else:
            pieces.append(escape(word))
    return Markup("").join(pieces)
