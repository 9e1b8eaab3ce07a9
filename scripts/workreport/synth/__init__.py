"""Synthetic data at scale, for benchmarks: ``workreport generate --scale 10 --seed 1 --out DIR``.

The template bureau (``data/`` by default) is cloned once per scale step, as a province
would put its city and county bureaus on one site: each copy gets its own place names,
unit and leader names, ids with a numeric suffix, and fresh dates, logs, figures and text.
Every text is rebuilt from sentences and phrases cut out of the template's own fields, so
the vocabulary stays the bureau's (this package holds no subject matter, only syllables for
place and person names and a few neutral sentences that carry them). The output passes
``workreport check`` without an error or a warning.

Everything follows from ``random.Random`` seeded with the seed (one generator per copy,
so scale 2 begins with the records of scale 1), never from the clock: the same scale and
seed give byte-identical files.
"""

from .command import DEFAULT_TEMPLATE, SynthError, generate

__all__ = ["DEFAULT_TEMPLATE", "SynthError", "generate"]
