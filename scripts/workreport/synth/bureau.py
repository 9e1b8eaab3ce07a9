"""One bureau of the province: a copy of the template bureau with its own places, names and random generator."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..dataset import Dataset
from .vocabulary import NameMaker


def template_places(data: Dataset) -> tuple[str, list[str]]:
    """The template bureau's own place (the 某某市 of 某某市某某局) and its counties, to be renamed in every copy."""
    found = re.match(r"^(.{2,4}?[省市县区州盟旗])", data.report.bureau)
    counties = list(dict.fromkeys(p.county for p in data.projects))
    return (found.group(1) if found else ""), counties


def stem(place: str) -> str:
    return place[:-1] if len(place) >= 3 and place[-1] in "省市县区州盟旗" else place


@dataclass
class Bureau:
    """One copy of the template bureau: its number, names and its own random generator."""

    number: int
    tag: str
    rng: random.Random
    names: NameMaker
    place: str
    counties: list[str]
    renames: dict[str, str]
    _pattern: re.Pattern[str] | None = None

    def ref(self, record_id: str | None) -> str | None:
        """The id of the copy of a template record."""
        return None if record_id is None else f"{record_id}-{self.tag}"

    def refs(self, ids: Sequence[str]) -> list[str]:
        return [f"{i}-{self.tag}" for i in ids]

    @property
    def stem(self) -> str:
        return stem(self.place)

    def local(self, text: str) -> str:
        """Template text with the template's place names replaced by this bureau's."""
        if not self.renames:
            return text
        if self._pattern is None:
            keys = sorted(self.renames, key=len, reverse=True)
            self._pattern = re.compile("|".join(map(re.escape, keys)))
        return self._pattern.sub(lambda m: self.renames[m.group(0)], text)


def make_bureau(number: int, width: int, seed: int, names: NameMaker, template: tuple[str, list[str]]) -> Bureau:
    """The first copy keeps the template's own place (the site's bureau); the others are new places."""
    rng = random.Random(f"{seed}:bureau:{number}")
    place, counties = template
    own = place if number == 1 and place else names.place()
    names.used.add(stem(own))
    new_counties = [names.place(rng.choice(("县", "区"))) for _ in counties or range(6)]
    renames = {place: own, stem(place): stem(own)} if place and own != place else {}
    for old, new in zip(counties, new_counties):
        renames[old] = new
        if stem(old) != old and len(stem(old)) >= 2:
            renames[stem(old)] = stem(new)
    return Bureau(number, f"{number:0{width}d}", rng, names, own, new_counties, renames)
