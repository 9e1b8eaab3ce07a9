#!/usr/bin/env python3
"""Add or update one login in the nginx password file, with a bcrypt hash (make passwd USER=…).

The password is asked for twice on a terminal (it never appears in the shell history); otherwise the first
line of standard input is used, for scripts: printf '%s\\n' "$pw" | passwd.py --file F zhangsan.
nginx checks the hash with the system crypt(3) (libxcrypt on Debian 12 reads $2b$ and $2y$), on every
request, so the cost is kept moderate; see README.md, section 4.

Stand-alone: needs only the `bcrypt` package (pinned in requirements.txt).
"""

from __future__ import annotations

import argparse
import getpass
import grp
import os
import sys
import tempfile
from pathlib import Path

import bcrypt

DEFAULT_FILE = "/etc/nginx/workreport.htpasswd"
DEFAULT_COST = 7  # 2^7 rounds: under 10 ms per check on one core; nginx checks on every request
MAX_PASSWORD_BYTES = 72  # bcrypt ignores (the bcrypt package refuses) anything longer
NEW_FILE_MODE = 0o640  # root:www-data, readable by nginx's workers only
NGINX_GROUP = "www-data"  # Debian's nginx workers


class Refused(Exception):
    """A problem the person running the command must fix; printed without a traceback."""


def check_user(user: str) -> str:
    if not user or user != user.strip() or any(c == ":" or not c.isprintable() or c.isspace() for c in user):
        raise Refused(f"用户名不能为空，不能含冒号、空格或控制字符：{user!r}")
    return user


def check_password(password: str) -> str:
    if not password:
        raise Refused("口令不能为空")
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise Refused(f"口令太长：bcrypt 只用前 {MAX_PASSWORD_BYTES} 个字节（一个汉字占 3 个字节）")
    if "\n" in password or "\r" in password:
        raise Refused("口令不能含换行")
    return password


def read_password(stdin=sys.stdin) -> str:
    if stdin.isatty():
        first = getpass.getpass("口令：")
        check_password(first)
        if getpass.getpass("再输一次：") != first:
            raise Refused("两次输入的口令不一致，未作改动")
        return first
    line = stdin.readline()
    return check_password(line.removesuffix("\n").removesuffix("\r"))


def hash_password(password: str, cost: int = DEFAULT_COST) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=cost, prefix=b"2b")).decode("ascii")


def updated_lines(lines: list[str], user: str, entry: str | None) -> tuple[list[str], bool]:
    """The file's lines with ``user``'s line replaced by ``entry`` (or removed when None); was it there?"""
    kept: list[str] = []
    found = False
    for line in lines:
        if line.split(":", 1)[0] == user and ":" in line:
            if not found and entry is not None:
                kept.append(entry)
            found = True
        else:
            kept.append(line)
    if not found and entry is not None:
        kept.append(entry)
    return kept, found


def nginx_gid() -> int | None:
    try:
        return grp.getgrnam(NGINX_GROUP).gr_gid
    except KeyError:
        return None


def write_atomically(path: Path, lines: list[str]) -> None:
    """Replace the file in one rename, keeping its mode and owner (nginx never reads half a file).

    A new file made by root belongs to root:www-data, so that nginx's workers can read it.
    """
    path = Path(os.path.realpath(path))  # through a symbolic link, not over it
    try:
        stat = path.stat()
    except FileNotFoundError:
        stat = None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write("".join(f"{line}\n" for line in lines))
        os.chmod(temp, (stat.st_mode & 0o777) if stat else NEW_FILE_MODE)
        if os.geteuid() == 0:
            if stat:
                os.chown(temp, stat.st_uid, stat.st_gid)
            elif (gid := nginx_gid()) is not None:
                os.chown(temp, 0, gid)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="在 nginx 口令文件中增加或更新一个用户（bcrypt 哈希）。")
    parser.add_argument("user", help="用户名")
    parser.add_argument("--file", default=DEFAULT_FILE, help=f"口令文件，默认 {DEFAULT_FILE}")
    parser.add_argument(
        "--cost",
        type=int,
        default=DEFAULT_COST,
        choices=range(4, 15),
        metavar="4-14",
        help=f"bcrypt 计算强度，默认 {DEFAULT_COST}；每加 1 校验时间翻倍",
    )
    parser.add_argument("--delete", action="store_true", help="删除该用户")
    args = parser.parse_args(argv)
    path = Path(args.file)
    try:
        user = check_user(args.user)
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if args.delete:
            lines, found = updated_lines(lines, user, None)
            if not found:
                raise Refused(f"{path} 中没有用户 {user}")
            write_atomically(path, lines)
            print(f"已从 {path} 删除用户 {user}")
            return 0
        entry = f"{user}:{hash_password(read_password(), args.cost)}"
        lines, found = updated_lines(lines, user, entry)
        write_atomically(path, lines)
    except Refused as problem:
        print(problem, file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\n未作改动", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"无法读写 {path}：{error.strerror}（通常需要 root 权限）", file=sys.stderr)
        return 1
    print(f"已{'更新' if found else '增加'}用户 {user}（{path}），nginx 立即生效，无需重新加载")
    return 0


if __name__ == "__main__":
    sys.exit(main())
