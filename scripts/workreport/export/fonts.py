"""Fonts for the PDF: the official faces first, free simplified-Chinese faces after.

GB/T 9704 names licensed faces (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体). A bureau PC
usually has them; a server usually does not. WeasyPrint takes the first family of each
stack that fontconfig knows, so every stack names the official faces, then free SC
faces (Noto CJK SC from fonts-noto-cjk, AR PL from fonts-arphic-*), and never the JP or
TC cuts, whose glyph forms differ. ``choose_fonts`` says which face each role will get.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

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
    "body": Role("正文（仿宋）", ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong"), ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")),
    "kai": Role("二级标题（楷体）", ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti"), ("AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC")),
    "hei": Role("一级标题（黑体）", ("黑体", "SimHei", "STHeiti"), ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei")),
    "song": Role("页码（宋体）", ("宋体", "SimSun", "STSong"), ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")),
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

    @property
    def is_official(self) -> bool:
        return self.used in self.role.official

    def describe(self) -> str:
        if not self.known:
            return f"{self.role.name}：{self.role.official[0]}（无法查询本机字体，由系统匹配）"
        if self.used is None:
            return f"{self.role.name}：未找到 {self.role.official[0]} 及其替代字体，由系统匹配"
        if self.is_official:
            return f"{self.role.name}：{self.used}"
        return f"{self.role.name}：{self.used}（未安装 {self.role.official[0]}，使用免费字体代替）"


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


def css_family(key: str) -> str:
    """A CSS font-family value for a role: the whole stack, quoted."""
    return ", ".join(f'"{name}"' for name in ROLES[key].stack) + ", serif"
