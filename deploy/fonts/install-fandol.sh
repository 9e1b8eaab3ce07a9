#!/bin/sh
# Free 仿宋, 楷体, 黑体 and 宋体 faces for the exported PDFs: the Fandol fonts (GPL with the font
# exception), taken from Debian's texlive-lang-chinese package without installing TeX. A bureau PC
# with 仿宋_GB2312 and the other official faces does not need them; a server usually does.
#
#   sh deploy/fonts/install-fandol.sh [folder]
#
# The folder defaults to /usr/local/share/fonts/fandol as root, ~/.local/share/fonts/fandol otherwise
# (both are read by fontconfig). Nothing happens when the faces are already there.
set -eu
if [ "$(id -u)" = 0 ]; then default=/usr/local/share/fonts/fandol; else default="$HOME/.local/share/fonts/fandol"; fi
target="${1:-$default}"
faces="FandolFang-Regular FandolKai-Regular FandolHei-Regular FandolHei-Bold FandolSong-Regular FandolSong-Bold"

missing=0
for face in $faces; do [ -f "$target/$face.otf" ] || missing=1; done
[ "$missing" = 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "未找到 apt-get：请手动安装仿宋_GB2312、楷体_GB2312、黑体，或把 Fandol 字体复制到 $target" >&2
  exit 1
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# apt-get download needs no root; the _apt user cannot write into a private scratch folder, which
# only costs a warning.
(cd "$scratch" && apt-get download -qq texlive-lang-chinese 2>/dev/null)
deb="$(ls "$scratch"/texlive-lang-chinese_*.deb)"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$scratch" --wildcards '*/fandol/Fandol*.otf'
mkdir -p "$target"
for face in $faces; do
  cp "$scratch"/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/"$face".otf "$target/"
done
fc-cache -f "$target" >/dev/null 2>&1 || true
echo "已安装 Fandol 字体（仿宋、楷体、黑体、宋体）到 $target"
