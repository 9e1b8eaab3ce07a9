"""Fonts for the PDF: the official faces first, free simplified-Chinese faces after.

GB/T 9704 names licensed faces (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体). A bureau PC
usually has them; a server usually does not. WeasyPrint takes the first family of each
stack that fontconfig knows, so every stack names the official faces, then free SC
faces: the Fandol faces for 仿宋 and 楷体 (``deploy/fonts/install-fandol.sh``; the only free
simplified FangSong with the whole of GB 2312), Noto CJK SC (fonts-noto-cjk) for 黑体 and
宋体, AR PL (fonts-arphic-*), and never the JP or TC cuts, whose glyph forms differ.
``choose_fonts`` says which face each role will get; ``missing_glyphs`` which characters
of a document that face cannot draw (they fall back to another face).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from . import ExportError


@dataclass(frozen=True)
class Role:
    name: str
    """What the face is for, in the words of the standard (标题, 正文…)."""
    official: tuple[str, ...]
    free: tuple[str, ...]

    @property
    def stack(self) -> tuple[str, ...]:
        return self.official + self.free


ROLES = {
    "title": Role("标题（小标宋）", ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S"), ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")),
    "body": Role("正文（仿宋）", ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong"), ("FandolFang", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")),
    "kai": Role("二级标题（楷体）", ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti"), ("FandolKai", "AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC")),
    "hei": Role("一级标题（黑体）", ("黑体", "SimHei", "STHeiti"), ("Noto Sans CJK SC", "Source Han Sans SC", "FandolHei", "WenQuanYi Zen Hei")),
    "song": Role("页码（宋体）", ("宋体", "SimSun", "STSong"), ("Noto Serif CJK SC", "Source Han Serif SC", "FandolSong", "AR PL UMing CN")),
}


class FontError(ExportError):
    """No Chinese face at all: the PDF would show empty boxes instead of characters."""


@dataclass(frozen=True)
class Choice:
    role: Role
    used: str | None
    """The family the PDF will use, or None when none of the stack is installed or fontconfig cannot tell."""
    known: bool = True
    """Whether the machine's fonts could be listed at all."""
    missing: str = ""
    """Characters of the document this face has no glyph for (see ``missing_glyphs``)."""

    @property
    def is_official(self) -> bool:
        return self.used in self.role.official

    def describe(self) -> str:
        if not self.known:
            return f"{self.role.name}：{self.role.official[0]}（无法查询本机字体，由系统匹配）"
        if self.used is None:
            return f"{self.role.name}：未找到 {self.role.official[0]} 及其替代字体，由系统匹配"
        face = self.used if self.is_official else f"{self.used}（未安装 {self.role.official[0]}，使用免费字体代替）"
        if self.missing:
            shown = "".join(self.missing[:MISSING_SHOWN]) + ("…" if len(self.missing) > MISSING_SHOWN else "")
            face += f"；其中 {len(self.missing)} 个字没有字形，由其他字体显示：{shown}"
        return f"{self.role.name}：{face}"


MISSING_SHOWN = 20


def installed_families() -> set[str] | None:
    """Every font family fontconfig knows, or None where there is no fontconfig (e.g. Windows)."""
    if shutil.which("fc-list") is None:
        return None
    listing = subprocess.run(["fc-list", "--format", "%{family}\n"], capture_output=True, text=True, check=False).stdout
    return {name.strip() for line in listing.splitlines() for name in line.split(",") if name.strip()}


def choose_fonts(families: set[str] | None = None) -> dict[str, Choice]:
    """The face each role will get. Raises FontError when no role finds any Chinese face."""
    families = installed_families() if families is None else families
    if families is None:
        return {key: Choice(role, None, known=False) for key, role in ROLES.items()}
    choices = {key: Choice(role, next((f for f in role.stack if f in families), None)) for key, role in ROLES.items()}
    if all(c.used is None for c in choices.values()):
        raise FontError(
            "未找到任何中文字体，PDF 中的汉字将无法显示。请安装仿宋_GB2312 等公文字体，"
            "或免费的思源/Noto 中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk fonts-arphic-ukai）"
        )
    return choices


@functools.cache
def font_file(family: str) -> Path | None:
    """The file fontconfig takes for ``family`` (its regular face), or None."""
    if shutil.which("fc-match") is None:
        return None
    found = subprocess.run(
        ["fc-match", "--format", "%{family}\n%{file}", f"{family}:style=Regular"],
        capture_output=True, text=True, check=False,
    ).stdout.split("\n")
    # fc-match always answers with some face: it must be the family asked for.
    if len(found) < 2 or family not in found[0].split(","):
        return None
    return Path(found[1])


@functools.cache
def _code_points(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # WeasyPrint's own dependency

    with TTFont(str(path), lazy=True, fontNumber=0) as font:
        return frozenset(font.getBestCmap())


def missing_glyphs(text: str, family: str) -> str:
    """The characters of ``text`` that ``family`` cannot draw, in order of first appearance.

    White space and control characters are not drawn and never count. An empty answer also
    when the family's file cannot be found (then nothing can be said).
    """
    path = font_file(family)
    if path is None:
        return ""
    covered = _code_points(path)
    seen = dict.fromkeys(c for c in text if not c.isspace() and c.isprintable() and ord(c) not in covered)
    return "".join(seen)


def check_glyphs(choices: dict[str, Choice], texts: dict[str, str]) -> dict[str, Choice]:
    """``choices`` with the characters of ``texts`` (by role) that each role's face lacks."""
    return {
        key: replace(choice, missing=missing_glyphs(texts[key], choice.used)) if choice.used and texts.get(key) else choice
        for key, choice in choices.items()
    }


def css_family(key: str) -> str:
    """A CSS font-family value for a role: the whole stack, quoted."""
    return ", ".join(f'"{name}"' for name in ROLES[key].stack) + ", serif"
