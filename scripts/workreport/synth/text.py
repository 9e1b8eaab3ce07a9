"""Generated text: paragraphs, phrases and titles of a given length, in one bureau's places."""

from __future__ import annotations

from typing import Any

from .bureau import Bureau
from .vocabulary import GLUE, Vocabulary, sentences


class Writer:
    """Paragraphs of a given length from the template's sentences, in a bureau's places."""

    def __init__(self, words: Vocabulary, bureau: Bureau):
        self.words = words
        self.b = bureau
        self.rng = bureau.rng

    def glue(self) -> str:
        county, county2 = self.rng.sample(self.b.counties, 2) if len(self.b.counties) > 1 else (self.b.place,) * 2
        return self.rng.choice(GLUE).format(
            county=county, county2=county2, place=self.b.place,
            n=self.rng.randint(3, 60),
        )

    def paragraph(self, kind: str, low: int, high: int, own: str | None = None, category: str | None = None) -> str:
        """``low``–``high`` characters: a sentence or two of the record's own template text, then
        sentences of the same kind (mostly from the same line of work) and a place-name sentence."""
        rng = self.rng
        goal = rng.randint(low, high)
        parts: list[str] = []
        mine = sentences(own)
        for sentence in mine[: rng.randint(1, 2)] if mine else []:
            if len(sentence) + sum(map(len, parts)) <= goal:
                parts.append(self.b.local(sentence))
        if rng.random() < 0.5:
            parts.insert(rng.randint(0, len(parts)), self.glue())
        size = sum(map(len, parts))
        near = self.words.sentences.get(f"{kind}@{category}") if category else None
        anywhere = self.words.pool(kind)
        for _ in range(40):
            if size >= goal:
                break
            candidate = self.b.local(rng.choice(near if near and rng.random() < 0.7 else anywhere))
            if candidate in parts or size + len(candidate) > high:
                continue
            parts.append(candidate)
            size += len(candidate)
        while size < low:
            parts.append(self.glue())
            size += len(parts[-1])
        text = "".join(parts)
        return text if len(text) <= high else text[: high - 1].rstrip("，、；") + "。"

    def paragraphs(
        self, kind: str, count: tuple[int, int], low: int, high: int, own: str | None = None, category: str | None = None
    ) -> str:
        """Paragraphs separated by blank lines; the first begins with the record's own text."""
        return "\n\n".join(
            self.paragraph(kind, low, high, own if index == 0 else None, category)
            for index in range(self.rng.randint(*count))
        )

    def phrase(self, kind: str, fallback: str = "") -> str:
        pool = self.words.phrases.get(kind)
        return self.b.local(self.rng.choice(pool)) if pool else fallback

    def phrases(self, kind: str, count: int, category: str | None = None) -> list[Any]:
        """``count`` different phrases (fewer if the template has fewer), from the same line of work first."""
        near = self.words.phrases.get(f"{kind}@{category}", []) if category else []
        chosen = self.rng.sample(near, min(count, len(near)))
        rest = [p for p in self.words.phrases.get(kind, []) if p not in chosen]
        return chosen + self.rng.sample(rest, min(count - len(chosen), len(rest)))

    def title(self, base: str, low: int = 10, high: int = 30) -> str:
        """A title of ``low``–``high`` characters made from a template title and a place name."""
        base = self.b.local(base)
        where = f"（{self.b.place}）"
        county = self.rng.choice(self.b.counties or [self.b.place])
        options = [base, f"{self.b.place}{base}", f"{county}{base}", f"{base}{where}"]
        fitting = [o for o in options if low <= len(o) <= high] or [f"{county}{base}{where}"]
        return self.rng.choice(fitting)[:high]
