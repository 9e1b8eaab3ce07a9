"""deploy/nginx/workreport.conf in a real nginx on 127.0.0.1, serving a fake mike-published tree.

The server runs as deployed: HTTPS with a certificate made by deploy/nginx/make-cert.sh (`make cert`), a plain
HTTP listener that only redirects to the configured name, logins from a bcrypt password file written by
deploy/nginx/passwd.py (`make passwd`), failed logins rate-limited. The single sign-on variant is the commented
block switched on as the README says. One Chromium run opens the real sample site through nginx under the
Content-Security-Policy.

The published branch is laid out as mike 2.2 writes it: one folder per reporting period, versions.json and a
redirect index.html at the root, and the `latest` alias as redirect pages (`workreport publish` deploys with
`--alias-type redirect`). mike's default layout, where `latest` is a symbolic link, is refused: nginx follows no
link inside the published tree. The redirect pages are rendered by mike's own template code from the project's
deploy/mike/redirect.html, as `workreport publish` has mike do: no script, a <meta refresh>, under the same strict
Content-Security-Policy as every other page.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import gzip
import json
import os
import re
import select
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from mike.commands import _redirect_template

DEPLOY = Path(__file__).resolve().parent.parent / "deploy" / "nginx"
CONF = DEPLOY / "workreport.conf"
MAKE_CERT = DEPLOY / "make-cert.sh"
PASSWD = DEPLOY / "passwd.py"
REPO = DEPLOY.parent.parent
REDIRECT_TEMPLATE = REPO / "deploy" / "mike" / "redirect.html"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [  # as in test_browser.py
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

for _tool in (NGINX, OPENSSL):
    if not Path(_tool).exists():
        # CI installs nginx and openssl; a developer machine without them skips rather than fails.
        if os.environ.get("CI"):
            raise RuntimeError(f"{Path(_tool).name} is required in CI (.ci/run installs it)")
        pytest.skip(f"{Path(_tool).name} is not installed", allow_module_level=True)

SERVER_NAME = "workreport.example.internal"  # the server_name in workreport.conf, left as shipped
USER, PASSWORD = "shuiliju", "Chengchuan-2025"
# A second login whose hash says $2y$, as `htpasswd -B` (apache2-utils) writes it.
USER_2Y, PASSWORD_2Y = "bangongshi", "澄川-办公室-2025"
VERSIONS = {"2025-h1": "2025年上半年", "2025-m09": "2025年9月"}
ASSET = "assets/javascripts/bundle.abc12345.min.js"
SECURITY_HEADERS = (
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
    "Content-Security-Policy",
)


# --- the fake published tree -------------------------------------------------------------------------------


def page(title: str, body: str) -> str:
    # Big enough to be over gzip_min_length (1 KB), like a real Material page.
    filler = "<p>澄川市水利局重点任务进展情况：河湖长制、水资源节约、灌区改造、防汛抗旱。</p>\n" * 40
    return (
        f'<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><title>{title}</title>'
        f'<script src="../{ASSET}"></script></head>\n<body><h1>{title}</h1>\n{body}\n{filler}</body></html>\n'
    )


def title_of(version: str) -> str:
    return f"澄川市水利局{VERSIONS[version]}工作看板"


@functools.cache
def redirect_template():
    """deploy/mike/redirect.html loaded as mike 2.2 loads a --template (jinja2, autoescaped)."""
    return _redirect_template(str(REDIRECT_TEMPLATE))


def redirect_page(href: str) -> str:
    """What mike renders from our template for an alias page and for the root index.html: only ``href`` is passed."""
    return redirect_template().render(href=href)


def add_redirect_alias(root: Path, version: str, alias: str = "latest") -> None:
    """mike's --alias-type redirect: a redirect page for each HTML page of the version, and nothing else."""
    for page_path in sorted((root / version).rglob("*.html")):
        relative = page_path.relative_to(root / version)
        alias_page = root / alias / relative
        alias_page.parent.mkdir(parents=True, exist_ok=True)
        href = os.path.relpath(page_path, alias_page.parent).replace(os.sep, "/")
        if href.endswith("/index.html"):
            href = href.removesuffix("index.html")
        alias_page.write_text(redirect_page(href), encoding="utf-8")


def write_root(root: Path, versions: list[dict]) -> None:
    """versions.json and the root index.html that `mike set-default latest` writes, plus a git checkout's dotfiles."""
    (root / "versions.json").write_text(json.dumps(versions, ensure_ascii=False), encoding="utf-8")
    (root / "index.html").write_text(redirect_page("latest/"), encoding="utf-8")
    (root / ".nojekyll").write_text("", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text('[remote "origin"]\n\turl = secret-remote\n', encoding="utf-8")


def build_tree(root: Path, alias_type: str = "redirect") -> None:
    for version, label in VERSIONS.items():
        base = root / version
        (base / "tasks" / "T-RV-01").mkdir(parents=True)
        (base / "index.html").write_text(page(title_of(version), f"<p>报告期：{label}</p>"), encoding="utf-8")
        (base / "tasks" / "T-RV-01" / "index.html").write_text(
            page(f"T-RV-01 河湖长制（{label}）", "<p>任务详情</p>"), encoding="utf-8"
        )
        (base / "404.html").write_text(page(f"页面不存在（{label}）", ""), encoding="utf-8")
        (base / ASSET).parent.mkdir(parents=True)
        (base / ASSET).write_text(f"/* {version} */ console.log('workreport');\n" * 60, encoding="utf-8")
        (base / "search").mkdir()
        (base / "search" / "search_index.json").write_text(
            json.dumps({"config": {"lang": ["zh"]}, "docs": [{"location": "", "title": label}]}, ensure_ascii=False),
            encoding="utf-8",
        )
    if alias_type == "symlink":
        # mike 2.2's default: latest -> 2025-m09, a relative link as mike commits it.
        (root / "latest").symlink_to("2025-m09", target_is_directory=True)
    else:
        add_redirect_alias(root, "2025-m09")
    write_root(
        root,
        [
            {"version": "2025-m09", "title": "2025年9月", "aliases": ["latest"]},
            {"version": "2025-h1", "title": "2025年上半年", "aliases": []},
        ],
    )


# --- certificate and password file, made with the repository's own tools ------------------------------------


def make_cert(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(MAKE_CERT), "-n", SERVER_NAME, "-o", str(out), *extra],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )


def passwd(path: Path, user: str, password: str | None, *extra: str) -> subprocess.CompletedProcess[str]:
    """deploy/nginx/passwd.py with the password on standard input (not a terminal), as a script would."""
    return subprocess.run(
        [sys.executable, str(PASSWD), "--file", str(path), *extra, user],
        check=False,
        input=None if password is None else password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ssl")
    done = make_cert(out)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def htpasswd(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("auth") / "workreport.htpasswd"
    for user, password in ((USER, PASSWORD), (USER_2Y, PASSWORD_2Y)):
        done = passwd(path, user, password)
        assert done.returncode == 0, done.stderr
    # bcrypt's $2b$ and $2y$ are the same algorithm; apache2-utils writes $2y$.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"{USER_2Y}:$2b$", f"{USER_2Y}:$2y$"), encoding="utf-8")
    return path


# --- the configuration under test --------------------------------------------------------------------------


def substitute(text: str, pattern: str, replacement: str) -> str:
    """Replace the one line the config promises to keep recognisable; fail if it moved or doubled."""
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    assert count == 1, f"expected exactly one line matching {pattern!r} in {CONF.name}, found {count}"
    return new


@functools.cache
def nginx_version() -> tuple[int, ...]:
    done = subprocess.run([NGINX, "-v"], check=False, capture_output=True, text=True)
    match = re.search(r"nginx/(\d+)\.(\d+)\.(\d+)", done.stderr)
    assert match, done.stderr
    return tuple(int(part) for part in match.groups())


@dataclass(frozen=True)
class Ports:
    http: int
    https: int


def site_config(ports: Ports, root: Path, htpasswd: Path, certificate: Path) -> str:
    text = CONF.read_text(encoding="utf-8")
    text = substitute(text, r"^(\s*)listen 80;$", rf"\g<1>listen 127.0.0.1:{ports.http};")
    # From nginx 1.25.1 `listen … http2` is deprecated (a warning) in favour of `http2 on;`, as the config notes.
    tls = "ssl http2;" if nginx_version() < (1, 25, 1) else "ssl; http2 on;"
    text = substitute(text, r"^(\s*)listen 443 ssl http2;(\s+#.*)?$", rf"\g<1>listen 127.0.0.1:{ports.https} {tls}")
    text = substitute(
        text,
        r"^(\s*)ssl_certificate\s+/etc/nginx/ssl/workreport\.crt;$",
        rf"\g<1>ssl_certificate {certificate / 'workreport.crt'};",
    )
    text = substitute(
        text,
        r"^(\s*)ssl_certificate_key\s+/etc/nginx/ssl/workreport\.key;$",
        rf"\g<1>ssl_certificate_key {certificate / 'workreport.key'};",
    )
    text = substitute(text, r"^(\s*)root /srv/workreport;$", rf"\g<1>root {root};")
    return substitute(
        text,
        r"^(\s*)auth_basic_user_file /etc/nginx/workreport\.htpasswd;$",
        rf"\g<1>auth_basic_user_file {htpasswd};",
    )


SSO_CODE = re.compile(r"^(\s*)# ((?:auth_request|error_page|location|\}|    ).*)$")


def sso_config(text: str, sso: str) -> str:
    """The single sign-on variant, as the README tells IT staff to make it: basic auth out, the SSO block in."""
    start = text.index("# ---- 单点登录")
    end = text.index("# ---- ", start + 1)
    block = "\n".join(SSO_CODE.sub(r"\1\2", line) for line in text[start:end].splitlines())
    assert "auth_request /_sso;" in block and "location @login" in block, block
    # The validation endpoint becomes the test's; the login page stays as configured (it is only a Location).
    text = (
        text[:start] + block.replace("http://sso.example.internal/validate", f"{sso}/validate") + "\n    " + text[end:]
    )
    text = substitute(text, r"^(\s*)(auth_basic \".*\";)$", r"\1# \2")
    text = substitute(text, r"^(\s*)(auth_basic_user_file .*;)$", r"\1# \2")
    return substitute(text, r"^(\s*)(error_page 401 = @workreport_denied;)$", r"\1# \2")


def free_ports() -> Ports:
    with socket.socket() as first, socket.socket() as second:
        first.bind(("127.0.0.1", 0))
        second.bind(("127.0.0.1", 0))
        return Ports(first.getsockname()[1], second.getsockname()[1])


@dataclass
class Nginx:
    url: str  # https://127.0.0.1:port
    http_url: str  # http://127.0.0.1:port, which only redirects
    root: Path
    workdir: Path
    process: subprocess.Popen

    @property
    def error_log(self) -> str:
        return (self.workdir / "error.log").read_text(encoding="utf-8", errors="replace")


def start_nginx(workdir: Path, site_conf: str, ports: Ports, root: Path) -> Nginx:
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "workreport.conf").write_text(site_conf, encoding="utf-8")
    temp = "\n".join(
        f"    {kind}_temp_path {workdir / ('temp-' + kind)};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root the workers would otherwise run as nobody, who cannot enter pytest's 0700 temporary folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = workdir / "nginx.conf"
    main.write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {workdir / 'nginx.pid'};\nerror_log {workdir / 'error.log'};\n"
        "events { worker_connections 64; }\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    access_log {workdir / 'access.log'};\n{temp}\n"
        f"    include {workdir / 'workreport.conf'};\n}}\n",
        encoding="utf-8",
    )
    command = [NGINX, "-c", str(main), "-p", f"{workdir}/"]
    check = subprocess.run([*command, "-t"], check=False, capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    assert "test is successful" in check.stderr
    assert "[warn]" not in check.stderr, check.stderr

    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    deadline = time.monotonic() + 10
    for port in (ports.http, ports.https):
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    stop_nginx(process)
                    log = (
                        (workdir / "error.log").read_text(errors="replace") if (workdir / "error.log").exists() else ""
                    )
                    pytest.fail(f"nginx did not start: {process.stderr.read() if process.stderr else ''}\n{log}")
                time.sleep(0.05)
    return Nginx(f"https://127.0.0.1:{ports.https}", f"http://127.0.0.1:{ports.http}", root, workdir, process)


def stop_nginx(process: subprocess.Popen) -> None:
    """Stop the master and its workers: nginx's own fast shutdown, then the whole process group if need be."""
    if process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # workers share the master's session (start_new_session)
    process.wait(timeout=5)
    if process.stderr:
        process.stderr.close()


@contextlib.contextmanager
def serving(
    workdir: Path, root: Path, htpasswd: Path, certificate: Path, edit: Callable[[str], str] = lambda text: text
) -> Iterator[Nginx]:
    """A fresh nginx (its own rate-limit zone) for one test."""
    ports = free_ports()
    nginx = start_nginx(workdir, edit(site_config(ports, root, htpasswd, certificate)), ports, root)
    try:
        yield nginx
    finally:
        stop_nginx(nginx.process)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("published") / "workreport"
    root.mkdir()
    build_tree(root)
    return root


@pytest.fixture(scope="module")
def server(tmp_path_factory, published, htpasswd, certificate) -> Iterator[Nginx]:
    with serving(tmp_path_factory.mktemp("nginx"), published, htpasswd, certificate) as nginx:
        yield nginx


# --- HTTP without third-party clients ----------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# The certificate itself is checked in test_tls_*; the other tests talk to 127.0.0.1, not to its name.
UNVERIFIED = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
UNVERIFIED.check_hostname = False
UNVERIFIED.verify_mode = ssl.CERT_NONE
OPENER = urllib.request.build_opener(
    urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=UNVERIFIED), NoRedirect
)


@dataclass
class Response:
    status: int
    headers: object
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name) or ""

    def headers_named(self, name: str) -> list[str]:
        # http.client reads header bytes as Latin-1; nginx sends the realm in UTF-8.
        return [value.encode("latin-1").decode("utf-8") for value in self.headers.get_all(name) or []]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def get(url: str, *, auth: tuple[str, str] | None = (USER, PASSWORD), headers: dict | None = None) -> Response:
    request = urllib.request.Request(url, headers=dict(headers or {}))
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        request.add_header("Authorization", f"Basic {token}")
    try:
        with OPENER.open(request, timeout=10) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Response(error.code, error.headers, error.read())


def policy(response: Response) -> dict[str, list[str]]:
    """The Content-Security-Policy as directive -> sources."""
    directives = {}
    for part in response.header("Content-Security-Policy").split(";"):
        if part.strip():
            name, *sources = part.split()
            directives[name] = sources
    return directives


def realm() -> str:
    match = re.search(r'^\s*auth_basic "(.+)";$', CONF.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert match
    return match.group(1)


# --- HTTPS and the plain-HTTP listener ---------------------------------------------------------------------


def test_plain_http_only_redirects_to_https_on_the_configured_name(server):
    for path in ("/", "/2025-h1/tasks/T-RV-01/?tab=1", "/.git/config", "/versions.json"):
        for auth in (None, (USER, PASSWORD)):
            # A forged Host header must not choose where the browser goes.
            response = get(server.http_url + path, auth=auth, headers={"Host": "evil.example"})
            assert response.status == 301, path
            assert response.header("Location") == f"https://{SERVER_NAME}{path}"
            assert "secret-remote" not in response.text and "澄川市" not in response.text
            assert "2025-m09" not in response.text


def test_tls_handshake_verifies_the_certificate_name_and_offers_http2(server, certificate):
    context = ssl.create_default_context(cafile=str(certificate / "workreport.crt"))
    context.set_alpn_protocols(["h2", "http/1.1"])
    port = int(server.url.rsplit(":", 1)[1])
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=SERVER_NAME) as tls,
    ):
        assert tls.version() in ("TLSv1.2", "TLSv1.3")
        assert tls.selected_alpn_protocol() == "h2"
        assert ("DNS", SERVER_NAME) in tls.getpeercert()["subjectAltName"]
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
        pytest.raises(ssl.SSLCertVerificationError),
    ):
        context.wrap_socket(raw, server_hostname="other.example.internal")


def handshake(port: int, configure: Callable[[ssl.SSLContext], None]) -> str:
    """The protocol a client limited by ``configure`` gets, or the error text."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    configure(context)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw, context.wrap_socket(raw) as tls:
            return tls.version() or ""
    except ssl.SSLError as error:
        return f"error: {error}"


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1:DeprecationWarning")
def test_tls_refuses_old_protocols_and_weak_ciphers(server):
    port = int(server.url.rsplit(":", 1)[1])

    def only(version: ssl.TLSVersion, ciphers: str | None = None):
        def configure(context: ssl.SSLContext) -> None:
            # Security level 0 lets this client offer what it refuses by default, so the server has to say no.
            context.set_ciphers((ciphers or "DEFAULT") + ":@SECLEVEL=0")
            context.minimum_version = context.maximum_version = version

        return configure

    assert handshake(port, only(ssl.TLSVersion.TLSv1_3)) == "TLSv1.3"
    assert handshake(port, only(ssl.TLSVersion.TLSv1_2, "ECDHE-ECDSA-AES128-GCM-SHA256")) == "TLSv1.2"
    for version in (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1):
        refused = handshake(port, only(version))
        assert refused.startswith("error:") and "PROTOCOL_VERSION" in refused.upper(), refused
    # TLS 1.2 without forward secrecy or without an AEAD cipher.
    for cipher in ("ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384", "AES128-GCM-SHA256"):
        refused = handshake(port, only(ssl.TLSVersion.TLSv1_2, cipher))
        assert refused.startswith("error:") and "HANDSHAKE_FAILURE" in refused.upper(), (cipher, refused)


def test_hsts_on_every_https_response(server):
    responses = {
        "page": get(server.url + "/2025-h1/"),
        "not logged in": get(server.url + "/2025-h1/", auth=None),
        "missing": get(server.url + "/2025-h1/no-such-page/"),
        "dotfile": get(server.url + "/.git/config"),
    }
    for name, response in responses.items():
        hsts = response.header("Strict-Transport-Security")
        match = re.fullmatch(r"max-age=(\d+)(?:; includeSubDomains)?", hsts)
        assert match and int(match.group(1)) >= 180 * 86400, (name, hsts)
    # Browsers ignore HSTS over plain HTTP; the redirect there carries nothing but the redirect.
    assert get(server.http_url + "/2025-h1/").status == 301


def test_make_cert_writes_a_private_key_and_a_certificate_for_the_name(tmp_path):
    out = tmp_path / "ssl"
    done = make_cert(out)
    assert done.returncode == 0, done.stderr
    key, crt = out / "workreport.key", out / "workreport.crt"
    assert key.stat().st_mode & 0o777 == 0o600
    text = subprocess.run(
        [OPENSSL, "x509", "-in", str(crt), "-noout", "-subject", "-ext", "subjectAltName,basicConstraints"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert f"CN = {SERVER_NAME}" in text or f"CN={SERVER_NAME}" in text
    assert f"DNS:{SERVER_NAME}" in text and "CA:FALSE" in text
    check = subprocess.run([OPENSSL, "pkey", "-in", str(key), "-noout"], check=False, capture_output=True)
    assert check.returncode == 0

    # An existing certificate is never replaced by accident (a real one may live in the same folder).
    before = key.read_bytes(), crt.read_bytes()
    again = make_cert(out)
    assert again.returncode != 0 and "-f" in again.stderr
    assert (key.read_bytes(), crt.read_bytes()) == before
    forced = make_cert(out, "-f")
    assert forced.returncode == 0, forced.stderr
    assert key.read_bytes() != before[0] and key.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_targets_cert_and_passwd(tmp_path):
    out = tmp_path / "ssl"
    done = subprocess.run(
        ["make", "-s", "-C", str(REPO), "cert", "CN=10.1.2.3", f"OUT={out}"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    san = subprocess.run(
        [OPENSSL, "x509", "-in", str(out / "workreport.crt"), "-noout", "-ext", "subjectAltName"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "IP Address:10.1.2.3" in san
    # passwd (dry run: it would prompt): the file and user come from the command line …
    planned = subprocess.run(
        ["make", "-n", "-C", str(REPO), "passwd", "USER=zhangsan", f"HTPASSWD={tmp_path / 'x.htpasswd'}"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert planned.returncode == 0, planned.stderr
    assert f'deploy/nginx/passwd.py --file "{tmp_path / "x.htpasswd"}"' in planned.stdout
    assert '"zhangsan"' in planned.stdout
    # … and never from the login name in the environment's USER.
    unnamed = subprocess.run(
        ["make", "-n", "-C", str(REPO), "passwd"],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, USER="root"),
    )
    assert unnamed.returncode != 0 and "USER=" in unnamed.stderr


# --- make passwd ---------------------------------------------------------------------------------------------


def checks(path: Path, user: str, password: str) -> bool:
    import bcrypt

    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, hashed = line.partition(":")
        if name == user:
            return bcrypt.checkpw(password.encode("utf-8"), hashed.encode("ascii"))
    raise AssertionError(f"no line for {user}")


def test_passwd_adds_updates_and_deletes_one_user_keeping_the_others(tmp_path):
    path = tmp_path / "etc" / "workreport.htpasswd"
    assert passwd(path, "zhangsan", "第一个口令 1").returncode == 0
    assert path.stat().st_mode & 0o777 == 0o640  # root:www-data in production
    if os.geteuid() == 0 and shutil.which("getent"):
        group = subprocess.run(["getent", "group", "www-data"], check=False, capture_output=True, text=True)
        if group.returncode == 0:
            assert path.stat().st_gid == int(group.stdout.split(":")[2])  # nginx's workers can read it
    path.write_text(path.read_text(encoding="utf-8") + "lisi:$apr1$old$hash\n", encoding="utf-8")
    path.chmod(0o600)

    done = passwd(path, "zhangsan", "second-password", "--cost", "5")
    assert done.returncode == 0, done.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in lines] == ["zhangsan", "lisi"]  # replaced in place, not appended
    assert lines[0].startswith("zhangsan:$2b$05$") and lines[1] == "lisi:$apr1$old$hash"
    assert checks(path, "zhangsan", "second-password") and not checks(path, "zhangsan", "第一个口令 1")
    assert path.stat().st_mode & 0o777 == 0o600  # the file's own mode is kept

    assert passwd(path, "wangwu", "third password").returncode == 0
    assert checks(path, "wangwu", "third password")
    assert passwd(path, "lisi", None, "--delete").returncode == 0
    assert [line.split(":")[0] for line in path.read_text(encoding="utf-8").splitlines()] == ["zhangsan", "wangwu"]
    assert passwd(path, "lisi", None, "--delete").returncode == 1
    assert not [p for p in path.parent.iterdir() if p.name != path.name]  # no temporary file left behind

    # A password file that is a symbolic link is updated through the link, which stays.
    link = tmp_path / "link.htpasswd"
    link.symlink_to(path)
    assert passwd(link, "zhangsan", "fourth password").returncode == 0
    assert link.is_symlink() and checks(path, "zhangsan", "fourth password")


def test_passwd_refuses_bad_names_and_passwords(tmp_path):
    path = tmp_path / "workreport.htpasswd"
    for user, password in (
        ("zhang:san", "password"),
        ("zhang san", "password"),
        ("", "password"),
        ("zhangsan", ""),
        ("zhangsan", "口令" * 13),  # 78 bytes: bcrypt would silently use only the first 72
    ):
        done = passwd(path, user, password)
        assert done.returncode != 0, (user, password)
        assert "Traceback" not in done.stderr
        assert not path.exists()
    assert passwd(path, "zhangsan", "x" * 72).returncode == 0


def test_passwd_asks_twice_on_a_terminal(tmp_path):
    import pty

    path = tmp_path / "workreport.htpasswd"

    def on_terminal(*answers: str) -> tuple[int, str]:
        """Run passwd.py on a pseudo-terminal, typing each answer once its prompt shows."""
        master, slave = pty.openpty()
        output = b""

        def read() -> bytes:
            ready, _, _ = select.select([master], [], [], 30)  # a guard against hanging, not a time limit
            assert ready, f"passwd.py waits for nothing it says: {output!r}"
            try:
                return os.read(master, 4096)
            except OSError:  # EIO: the program ended and the terminal closed
                return b""

        try:
            process = subprocess.Popen(
                [sys.executable, str(PASSWD), "--file", str(path), "zhangsan"],
                stdin=slave,
                stdout=slave,
                stderr=slave,
                start_new_session=True,
            )
            os.close(slave)
            for answer in answers:
                # getpass flushes what was typed before its prompt (TCSAFLUSH): answer after the next prompt.
                seen = len(output)
                while not output[seen:].rstrip().endswith("：".encode()):
                    chunk = read()
                    assert chunk, output.decode("utf-8", "replace")
                    output += chunk
                os.write(master, answer.encode("utf-8") + b"\n")
            while chunk := read():
                output += chunk
            return process.wait(timeout=30), output.decode("utf-8", "replace")
        finally:
            os.close(master)

    code, output = on_terminal("pass-one", "pass-two")
    assert code == 1 and "不一致" in output and not path.exists()
    code, output = on_terminal("same-pass", "same-pass")
    assert code == 0, output
    assert "same-pass" not in output  # not echoed
    assert checks(path, "zhangsan", "same-pass")


# --- access control ----------------------------------------------------------------------------------------


def test_without_credentials_is_asked_to_log_in(server):
    response = get(server.url + "/2025-h1/", auth=None)
    assert response.status == 401
    # Exactly one challenge, auth_basic's, kept through the internal redirect to @workreport_denied.
    assert response.headers_named("WWW-Authenticate") == [f'Basic realm="{realm()}"']
    assert response.header("Cache-Control") == "no-store"
    assert title_of("2025-h1") not in response.text


def test_password_file_is_bcrypt_and_both_prefixes_log_in(server, htpasswd):
    entries = dict(line.split(":", 1) for line in htpasswd.read_text(encoding="utf-8").splitlines())
    assert set(entries) == {USER, USER_2Y}
    assert re.fullmatch(r"\$2b\$\d\d\$[./A-Za-z0-9]{53}", entries[USER])
    assert re.fullmatch(r"\$2y\$\d\d\$[./A-Za-z0-9]{53}", entries[USER_2Y])
    for auth in ((USER, PASSWORD), (USER_2Y, PASSWORD_2Y)):
        response = get(server.url + "/2025-h1/", auth=auth)
        assert response.status == 200, auth
        assert f"<title>{title_of('2025-h1')}</title>" in response.text


def test_wrong_password_and_unknown_user_are_refused(server):
    assert get(server.url + "/2025-h1/", auth=(USER, "wrong")).status == 401
    assert get(server.url + "/2025-h1/", auth=(USER_2Y, PASSWORD)).status == 401
    assert get(server.url + "/2025-h1/", auth=("nobody", PASSWORD)).status == 401
    response = get(server.url + "/versions.json", auth=(USER, "wrong"))
    assert response.status == 401 and b"2025-m09" not in response.body


def test_dotfiles_are_refused(server):
    for path in ("/.git/config", "/.nojekyll", "/2025-h1/.hidden"):
        response = get(server.url + path)
        assert response.status in (403, 404), path
        assert b"secret-remote" not in response.body


def test_failed_logins_are_rate_limited_and_logins_are_not(tmp_path, published, htpasswd, certificate):
    text = CONF.read_text(encoding="utf-8")
    burst = int(re.search(r"limit_req zone=workreport_login burst=(\d+) nodelay;", text).group(1))
    with serving(tmp_path / "nginx", published, htpasswd, certificate) as nginx:
        page_url = nginx.url + "/2025-h1/"
        # A Material page is a dozen requests: logged-in requests never count, however many.
        assert [get(page_url).status for _ in range(2 * (burst + 1))] == [200] * (2 * (burst + 1))

        statuses = []
        for attempt in range(burst + 10):
            statuses.append(get(page_url, auth=(USER, f"guess-{attempt}")).status)
            if statuses[-1] == 429:
                break
        # The first burst + 1 failures are answered 401 (the bucket only empties with time), then 429.
        assert statuses[: burst + 1] == [401] * (burst + 1), statuses
        assert statuses[-1] == 429, statuses

        limited = get(page_url, auth=None)  # no credentials at all is a failed login too
        assert limited.status == 429
        assert title_of("2025-h1") not in limited.text
        assert limited.header("Cache-Control") == "no-store"
        page_headers = get(page_url)
        for name in SECURITY_HEADERS:
            assert limited.header(name) == page_headers.header(name), name

        # The right password still gets in from the same address: failures are limited, people are not.
        assert get(page_url).status == 200
        assert get(nginx.url + "/2025-m09/tasks/T-RV-01/", auth=(USER_2Y, PASSWORD_2Y)).status == 200
        # What fail2ban's nginx-limit-req filter reads to block the address for good.
        assert re.search(
            r'limiting requests, excess: [\d.]+ by zone "workreport_login", client: 127\.0\.0\.1', nginx.error_log
        )


# --- pages of two reporting periods ------------------------------------------------------------------------


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_each_version_serves_its_own_pages(server, version):
    response = get(f"{server.url}/{version}/")
    assert response.status == 200
    assert response.header("Content-Type") == "text/html; charset=utf-8"
    assert f"<title>{title_of(version)}</title>" in response.text
    assert "no-cache" in response.header("Cache-Control")

    task = get(f"{server.url}/{version}/tasks/T-RV-01/")
    assert task.status == 200
    assert f"T-RV-01 河湖长制（{VERSIONS[version]}）" in task.text


def test_latest_alias_pages_and_root_redirect_page(server):
    latest = get(server.url + "/latest/")
    assert latest.status == 200
    assert 'url=../2025-m09/"' in latest.text
    assert "no-cache" in latest.header("Cache-Control")  # the alias moves at each publish
    task = get(server.url + "/latest/tasks/T-RV-01/")
    assert task.status == 200 and 'url=../../../2025-m09/tasks/T-RV-01/"' in task.text
    root = get(server.url + "/")
    assert root.status == 200
    assert '<meta http-equiv="refresh" content="0; url=latest/">' in root.text


def test_directory_without_slash_redirects_so_relative_links_work(server):
    response = get(server.url + "/2025-h1/tasks/T-RV-01")
    assert response.status == 301
    assert response.header("Location") == "/2025-h1/tasks/T-RV-01/"


# --- types and caching -------------------------------------------------------------------------------------


def test_versions_json_is_json_and_not_cached(server):
    response = get(server.url + "/versions.json")
    assert response.status == 200
    assert response.header("Content-Type").startswith("application/json")
    assert "no-cache" in response.header("Cache-Control")
    assert "max-age=31536000" not in response.header("Cache-Control")
    assert json.loads(response.body)[0]["aliases"] == ["latest"]


def test_search_index_is_json_and_not_cached(server):
    response = get(server.url + "/2025-h1/search/search_index.json")
    assert response.status == 200
    assert response.header("Content-Type").startswith("application/json")
    assert "no-cache" in response.header("Cache-Control")


def test_hashed_asset_is_cached_for_a_year(server):
    response = get(f"{server.url}/2025-h1/{ASSET}")
    assert response.status == 200
    assert response.header("Content-Type").startswith("application/javascript")
    cache = response.header("Cache-Control")
    assert "max-age=31536000" in cache and "immutable" in cache
    assert response.body == (server.root / "2025-h1" / ASSET).read_bytes()
    # A refused login on the same address is not stored, a missing hashed file not kept for a year.
    assert get(f"{server.url}/2025-h1/{ASSET}", auth=None).header("Cache-Control") == "no-store"
    missing = get(f"{server.url}/2025-h1/{ASSET.replace('abc12345', 'def67890')}")
    assert missing.status == 404 and missing.header("Cache-Control") == "no-cache"


def test_html_is_gzipped_when_asked(server):
    original = (server.root / "2025-m09" / "index.html").read_bytes()
    assert len(original) > 1024  # over gzip_min_length
    response = get(server.url + "/2025-m09/", headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.header("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.header("Vary")
    assert gzip.decompress(response.body) == original
    plain = get(server.url + "/2025-m09/")
    assert plain.header("Content-Encoding") == "" and plain.body == original


# --- security headers --------------------------------------------------------------------------------------


def test_security_headers(server):
    response = get(server.url + "/2025-h1/")
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("Referrer-Policy") == "same-origin"
    assert response.header("X-Frame-Options") == "SAMEORIGIN"
    # The same on errors (nginx drops add_header without "always") and on the refused-login location, which has
    # its own add_header lines and so inherits none.
    for other in (
        get(server.url + "/2025-h1/", auth=None),
        get(server.url + "/2025-h1/", auth=(USER, "wrong")),
        get(server.url + "/2025-h1/no-such-page/"),
    ):
        for name in SECURITY_HEADERS:
            assert other.header(name) == response.header(name), (other.status, name)


def test_pages_allow_no_inline_script(server):
    for path in ("/2025-h1/", "/2025-m09/tasks/T-RV-01/", "/2025-h1/no-such-page/", f"/2025-h1/{ASSET}"):
        csp = policy(get(server.url + path))
        assert csp["script-src"] == ["'self'"], path  # no 'unsafe-inline', no hashes, nothing else
        assert csp["default-src"] == ["'self'"]
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'self'"]
        assert csp["frame-ancestors"] == ["'self'"]
        assert csp["worker-src"] == ["'self'"]
        # Style attributes stay allowed (tables, charts); <style> elements and style sheets come from files only.
        assert csp["style-src"] == ["'self'", "'unsafe-inline'"] and csp["style-src-elem"] == ["'self'"]
        assert not any("'unsafe-eval'" in sources for sources in csp.values())
        assert "'unsafe-inline'" not in csp.get("script-src-elem", []) + csp.get("script-src-attr", [])


def test_redirect_pages_get_the_strict_policy_and_carry_no_script(server):
    # Our template redirects with a <meta refresh> outside <noscript>, so the pages need no exception to the policy
    # (that they redirect under it is shown in Chromium by test_real_site_in_chromium_under_the_csp).
    strict = get(server.url + "/2025-m09/").header("Content-Security-Policy")
    assert policy(get(server.url + "/2025-m09/"))["script-src"] == ["'self'"]
    for path in ("/", "/index.html", "/latest/", "/latest/tasks/T-RV-01/", "/no-such-page"):
        response = get(server.url + path)
        assert response.header("Content-Security-Policy") == strict, path
        assert "<script" not in response.text.lower(), path
        assert re.search(r'<meta http-equiv="refresh" content="0; url=[^"]+">', response.text), path
        assert '<meta name="robots" content="noindex">' in response.text, path
        assert "<noscript" not in response.text.lower(), path


def test_redirect_template_escapes_the_address():
    # mike passes a path made from file names: it may not end the attribute or cut the refresh address short.
    text = redirect_page("../2025-h1/a b\"'<>&#?;%/任务/")
    quoted = "../2025-h1/a%20b%22%27%3C%3E%26%23%3F%3B%25/%E4%BB%BB%E5%8A%A1/"
    assert f'<meta http-equiv="refresh" content="0; url={quoted}">' in text
    assert f'<a href="{quoted}">如果没有自动跳转，请点击这里</a>' in text
    assert "<title>正在跳转…</title>" in text and '<meta charset="utf-8">' in text
    assert text.startswith("<!DOCTYPE html>\n")  # the template's comment leaves nothing before it


# --- missing pages -----------------------------------------------------------------------------------------


def test_missing_page_gets_its_versions_404(server):
    response = get(server.url + "/2025-h1/tasks/T-XX-99/")
    assert response.status == 404
    assert "页面不存在（2025年上半年）" in response.text
    other = get(server.url + "/2025-m09/no-such-page/")
    assert other.status == 404 and "页面不存在（2025年9月）" in other.text


def test_missing_page_outside_a_version_gets_latest_404(server):
    response = get(server.url + "/no-such-page")
    assert response.status == 404
    assert "url=../2025-m09/404.html" in response.text  # latest/404.html, mike's redirect to the real one
    assert get(server.url + "/2099-q1/").status == 404
    assert get(server.url + "/latest/no-such-page/").status == 404


def test_root_assets_of_a_404_page_come_from_the_referring_version(server):
    # Without site_url, MkDocs' 404.html links /assets/… and /search/…; the root has none, so the version of
    # the page that asks (its Referer) answers.
    for version, label in VERSIONS.items():
        referer = {"Referer": f"{server.url}/{version}/no-such-page/"}
        response = get(f"{server.url}/{ASSET}", headers=referer)
        assert response.status == 200
        assert response.body == (server.root / version / ASSET).read_bytes()
        index = get(server.url + "/search/search_index.json", headers=referer)
        assert index.status == 200 and json.loads(index.body)["docs"][0]["title"] == label
    # With redirect aliases latest/ has no assets: nothing to fall back on.
    assert get(f"{server.url}/{ASSET}").status == 404


# --- symbolic links ----------------------------------------------------------------------------------------


def test_symbolic_links_inside_the_published_tree_are_not_followed(tmp_path, htpasswd, certificate):
    """mike's default symlink alias, and a link out of the tree, are refused; the site root may be a link."""
    release = tmp_path / "releases" / "20251001"
    release.mkdir(parents=True)
    build_tree(release, alias_type="symlink")
    secret = tmp_path / "outside.txt"
    secret.write_text("outside-secret\n", encoding="utf-8")
    (release / "2025-h1" / "leak.txt").symlink_to(secret)
    (release / "2025-h1" / "tasks" / "T-RV-02").symlink_to("T-RV-01", target_is_directory=True)
    root = tmp_path / "workreport"  # README section 4, method two: /srv/workreport -> the current release
    root.symlink_to(release, target_is_directory=True)
    with serving(tmp_path / "nginx", root, htpasswd, certificate) as nginx:
        served = get(nginx.url + "/2025-m09/")
        assert served.status == 200 and f"<title>{title_of('2025-m09')}</title>" in served.text
        for path in (
            "/latest/",
            "/latest/tasks/T-RV-01/",
            f"/latest/{ASSET}",
            "/2025-h1/leak.txt",
            "/2025-h1/tasks/T-RV-02/",
        ):
            response = get(nginx.url + path)
            assert response.status in (403, 404), path
            assert "outside-secret" not in response.text
            assert "T-RV-01 河湖长制" not in response.text and title_of("2025-m09") not in response.text
        assert get(nginx.url + "/no-such-page").status == 404  # the fallback latest/404.html is a link too


# --- the single sign-on variant ----------------------------------------------------------------------------


class SSOHandler(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, str]]] = []

    def do_GET(self):
        type(self).seen.append((self.headers.get("X-Original-URI", ""), self.headers.get("X-Original-Host", "")))
        ok = self.path == "/validate" and "sso=ok" in (self.headers.get("Cookie") or "")
        self.send_response(200 if ok else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def sso_server(tmp_path_factory, published, certificate) -> Iterator[Nginx]:
    validator = ThreadingHTTPServer(("127.0.0.1", 0), SSOHandler)
    thread = threading.Thread(target=validator.serve_forever, daemon=True)
    thread.start()
    sso = f"http://127.0.0.1:{validator.server_address[1]}"
    try:
        with serving(
            tmp_path_factory.mktemp("nginx-sso"),
            published,
            Path("/nonexistent"),
            certificate,
            edit=lambda text: sso_config(text, sso),
        ) as nginx:
            yield nginx
    finally:
        validator.shutdown()
        validator.server_close()


def test_single_sign_on_block_works_when_enabled(sso_server):
    # The Host header is the client's to forge: the return address must come from the configuration.
    anonymous = get(sso_server.url + "/2025-h1/tasks/T-RV-01/?tab=1", auth=None, headers={"Host": "evil.example"})
    assert anonymous.status == 302
    assert anonymous.header("Location") == (
        f"https://sso.example.internal/login?return_to=https://{SERVER_NAME}/2025-h1/tasks/T-RV-01/?tab=1"
    )
    assert ("/2025-h1/tasks/T-RV-01/?tab=1", SERVER_NAME) in SSOHandler.seen
    assert "evil.example" not in anonymous.text

    signed_in = get(sso_server.url + "/2025-h1/", auth=None, headers={"Cookie": "sso=ok"})
    assert signed_in.status == 200
    assert title_of("2025-h1") in signed_in.text
    assert signed_in.header("Strict-Transport-Security").startswith("max-age=")
    assert get(sso_server.url + "/_sso", auth=None, headers={"Cookie": "sso=ok"}).status == 404  # internal only
    # Plain HTTP still only redirects.
    assert get(sso_server.http_url + "/2025-h1/", auth=None).header("Location") == f"https://{SERVER_NAME}/2025-h1/"


# --- the real site in Chromium, under the Content-Security-Policy ------------------------------------------

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const violation = {
    page: location.pathname, directive: event.effectiveDirective, blocked: event.blockedURI,
    source: event.sourceFile, line: event.lineNumber, sample: event.sample,
  };
  window.__cspViolations.push(violation);
  if (window.__cspReport) window.__cspReport(violation);  // survives the page navigating away
});
"""


def test_real_site_in_chromium_under_the_csp(tmp_path, site, htpasswd, certificate):
    """The sample site built by mkdocs, published as 2025-h1 with latest/ and the root redirect, in Chromium.

    The redirect pages are rendered from deploy/mike/redirect.html and redirect under the strict policy.
    """
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError("chromium is required in CI (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    root = tmp_path / "workreport"
    shutil.copytree(site, root / "2025-h1")
    add_redirect_alias(root, "2025-h1")
    write_root(root, [{"version": "2025-h1", "title": "2025年上半年", "aliases": ["latest"]}])

    violations: list[dict] = []

    def record_violation(violation: dict) -> None:
        # A function of our own: Playwright marks the callable it is given, which a builtin like list.append refuses.
        violations.append(violation)

    console: list[str] = []
    errors: list[str] = []
    statuses: list[tuple[int, str]] = []
    with serving(tmp_path / "nginx", root, htpasswd, certificate) as nginx, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                ignore_https_errors=True,  # the self-signed certificate
                http_credentials={"username": USER, "password": PASSWORD},
                viewport={"width": 1440, "height": 900},
            )
            context.expose_function("__cspReport", record_violation)
            context.add_init_script(RECORD_VIOLATIONS)
            page = context.new_page()
            page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("response", lambda response: statuses.append((response.status, response.url)))

            # The root: a redirect page to latest/, whose page redirects to 2025-h1/, both by <meta refresh>
            # under the same policy as every page (no script on them, none allowed inline).
            page.goto(nginx.url + "/")
            page.wait_for_url(nginx.url + "/2025-h1/")
            assert (200, nginx.url + "/latest/") in statuses, statuses
            page.wait_for_load_state("networkidle")
            assert page.locator("h1").first.inner_text().rstrip("¶").strip() == "澄川市水利局2025年上半年工作看板"

            # A task page, through its latest/ alias.
            page.goto(nginx.url + "/latest/tasks/T-RV-01/")
            page.wait_for_url(nginx.url + "/2025-h1/tasks/T-RV-01/")
            page.wait_for_load_state("networkidle")
            assert "T-RV-01" in page.title() or "T-RV-01" in page.locator("article").inner_text()

            # Search: Material's scripts and its search worker.
            box = page.locator("input.md-search__input")
            box.click()
            box.fill("灌区")
            results = page.locator(".md-search-result__item")
            for _ in range(60):  # a key press makes Material search CJK input; again until the worker has its index
                box.press("End")
                if results.count():
                    break
                page.wait_for_timeout(250)
            results.first.wait_for()
            assert results.count() > 0
            in_window = page.evaluate("window.__cspViolations")
        finally:
            browser.close()

    csp_console = [line for line in console if "Content Security Policy" in line or "Content-Security-Policy" in line]
    report = json.dumps(
        {"violations": violations, "console": csp_console, "page errors": errors}, ensure_ascii=False, indent=1
    )
    assert [v for v in violations if v["directive"].startswith("script-src")] == [], report
    assert violations == [] and in_window == [] and csp_console == [], report
    assert errors == [], report
    assert not [url for status, url in statuses if status == 429], statuses
