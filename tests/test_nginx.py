"""deploy/nginx/workreport.conf in a real nginx on 127.0.0.1, serving a fake mike-published tree.

The published branch is laid out as mike 2.2 writes it: one folder per reporting period, versions.json and a
redirect index.html at the root, and the `latest` alias as redirect pages (`workreport publish` deploys with
`--alias-type redirect`); one test also serves mike's default layout, where `latest` is a symbolic link.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx" / "workreport.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"

for _tool in (NGINX, OPENSSL):
    if not Path(_tool).exists():
        # CI installs nginx and openssl; a developer machine without them skips rather than fails.
        if os.environ.get("CI"):
            raise RuntimeError(f"{Path(_tool).name} is required in CI (.ci/run installs it)")
        pytest.skip(f"{Path(_tool).name} is not installed", allow_module_level=True)

USER, PASSWORD = "shuiliju", "Chengchuan-2025"
VERSIONS = {"2025-h1": "2025年上半年", "2025-m09": "2025年9月"}
ASSET = "assets/javascripts/bundle.abc12345.min.js"


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


def redirect_page(href: str) -> str:
    """What mike's redirect template renders for an alias page."""
    return (
        f'<!DOCTYPE html>\n<html>\n<head>\n  <meta charset="utf-8">\n  <title>Redirecting</title>\n'
        f'  <noscript>\n    <meta http-equiv="refresh" content="1; url={href}" />\n  </noscript>\n'
        f'  <script>\n    window.location.replace(\n      "{href}" + window.location.search + window.location.hash\n'
        f'    );\n  </script>\n</head>\n<body>\n  Redirecting to <a href="{href}">{href}</a>...\n</body>\n</html>\n'
    )


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
        # --alias-type redirect: a redirect page for each HTML page of the version, and nothing else.
        for page_path in sorted((root / "2025-m09").rglob("*.html")):
            relative = page_path.relative_to(root / "2025-m09")
            alias = root / "latest" / relative
            alias.parent.mkdir(parents=True, exist_ok=True)
            href = os.path.relpath(page_path, alias.parent).replace(os.sep, "/")
            if href.endswith("/index.html"):
                href = href.removesuffix("index.html")
            alias.write_text(redirect_page(href), encoding="utf-8")
    (root / "versions.json").write_text(
        json.dumps(
            [
                {"version": "2025-m09", "title": "2025年9月", "aliases": ["latest"]},
                {"version": "2025-h1", "title": "2025年上半年", "aliases": []},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (root / "index.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Redirecting</title>'
        '<noscript><meta http-equiv="refresh" content="1; url=latest/" /></noscript>'
        '<script>window.location.replace("latest/" + window.location.search + window.location.hash);</script>'
        '</head><body>Redirecting to <a href="latest/">latest/</a>...</body></html>\n',
        encoding="utf-8",
    )
    (root / ".nojekyll").write_text("", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text('[remote "origin"]\n\turl = secret-remote\n', encoding="utf-8")


def apr1(password: str) -> str:
    """The same hash as the README's `openssl passwd -apr1` (what `htpasswd -m` writes)."""
    done = subprocess.run(
        [OPENSSL, "passwd", "-apr1", "-stdin"], check=False, input=password, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


# --- the configuration under test --------------------------------------------------------------------------


def substitute(text: str, pattern: str, replacement: str) -> str:
    """Replace the one line the config promises to keep recognisable; fail if it moved or doubled."""
    new, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    assert count == 1, f"expected exactly one line matching {pattern!r} in {CONF.name}, found {count}"
    return new


def site_config(port: int, root: Path, htpasswd: Path) -> str:
    text = CONF.read_text(encoding="utf-8")
    text = substitute(text, r"^(\s*)listen 80;$", rf"\g<1>listen 127.0.0.1:{port};")
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
    text = text[:start] + block.replace("http://sso.example.internal", sso) + "\n    " + text[end:]
    text = substitute(text, r"^(\s*)(auth_basic \".*\";)$", r"\1# \2")
    return substitute(text, r"^(\s*)(auth_basic_user_file .*;)$", r"\1# \2")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Nginx:
    url: str
    root: Path
    workdir: Path
    process: subprocess.Popen


def start_nginx(workdir: Path, site_conf: str, port: int, root: Path) -> Nginx:
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
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                stop_nginx(process)
                log = (workdir / "error.log").read_text(errors="replace") if (workdir / "error.log").exists() else ""
                pytest.fail(f"nginx did not start: {process.stderr.read() if process.stderr else ''}\n{log}")
            time.sleep(0.05)
    return Nginx(f"http://127.0.0.1:{port}", root, workdir, process)


def stop_nginx(process: subprocess.Popen) -> None:
    """Stop the master and its workers: nginx's own fast shutdown, then the whole process group if need be."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # workers share the master's session (start_new_session)
    except ProcessLookupError:
        pass
    process.wait(timeout=5)
    if process.stderr:
        process.stderr.close()


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("published") / "workreport"
    root.mkdir()
    build_tree(root)
    return root


@pytest.fixture(scope="module")
def htpasswd(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("auth") / "workreport.htpasswd"
    path.write_text(f"{USER}:{apr1(PASSWORD)}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory, published, htpasswd) -> Iterator[Nginx]:
    port = free_port()
    nginx = start_nginx(tmp_path_factory.mktemp("nginx"), site_config(port, published, htpasswd), port, published)
    try:
        yield nginx
    finally:
        stop_nginx(nginx.process)


# --- HTTP without third-party clients ----------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)


@dataclass
class Response:
    status: int
    headers: object
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name) or ""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def get(url: str, *, auth: tuple[str, str] | None = (USER, PASSWORD), headers: dict | None = None) -> Response:
    request = urllib.request.Request(url, headers=dict(headers or {}))
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        request.add_header("Authorization", f"Basic {token}")
    try:
        with OPENER.open(request, timeout=5) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Response(error.code, error.headers, error.read())


# --- access control ----------------------------------------------------------------------------------------


def test_without_credentials_is_asked_to_log_in(server):
    response = get(server.url + "/2025-h1/", auth=None)
    assert response.status == 401
    assert response.header("WWW-Authenticate").startswith("Basic realm=")
    assert title_of("2025-h1") not in response.body.decode("utf-8", "replace")


def test_wrong_password_and_unknown_user_are_refused(server):
    assert get(server.url + "/2025-h1/", auth=(USER, "wrong")).status == 401
    assert get(server.url + "/2025-h1/", auth=("nobody", PASSWORD)).status == 401
    assert get(server.url + "/versions.json", auth=(USER, "wrong")).status == 401


def test_dotfiles_are_refused(server):
    for path in ("/.git/config", "/.nojekyll", "/2025-h1/.hidden"):
        response = get(server.url + path)
        assert response.status in (403, 404), path
        assert b"secret-remote" not in response.body


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
    assert 'window.location.replace("latest/"' in root.text


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


def test_security_headers(server):
    response = get(server.url + "/2025-h1/")
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("Referrer-Policy") == "same-origin"
    assert response.header("X-Frame-Options") == "SAMEORIGIN"
    csp = response.header("Content-Security-Policy")
    for directive in ("default-src 'self'", "script-src 'self' 'unsafe-inline'", "worker-src 'self' blob:"):
        assert directive in csp
    # Also on errors, where nginx drops add_header without "always".
    assert get(server.url + "/2025-h1/", auth=None).header("X-Content-Type-Options") == "nosniff"


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


def test_symlink_alias_layout(tmp_path, htpasswd):
    """mike's default alias_type: latest is a symbolic link to the version, followed by nginx."""
    root = tmp_path / "workreport"
    root.mkdir()
    build_tree(root, alias_type="symlink")
    port = free_port()
    nginx = start_nginx(tmp_path / "nginx", site_config(port, root, htpasswd), port, root)
    try:
        latest = get(nginx.url + "/latest/")
        assert latest.status == 200 and f"<title>{title_of('2025-m09')}</title>" in latest.text
        assert get(nginx.url + "/latest/tasks/T-RV-01/").status == 200
        missing = get(nginx.url + "/no-such-page")
        assert missing.status == 404 and "页面不存在（2025年9月）" in missing.text
        asset = get(f"{nginx.url}/{ASSET}")  # no Referer: latest/ answers
        assert asset.status == 200 and asset.body == (root / "2025-m09" / ASSET).read_bytes()
    finally:
        stop_nginx(nginx.process)


# --- the single sign-on variant ----------------------------------------------------------------------------


class SSOHandler(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self):
        type(self).seen.append(self.headers.get("X-Original-URI", ""))
        ok = self.path == "/validate" and "sso=ok" in (self.headers.get("Cookie") or "")
        self.send_response(200 if ok else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def sso_server(tmp_path_factory, published) -> Iterator[Nginx]:
    validator = ThreadingHTTPServer(("127.0.0.1", 0), SSOHandler)
    thread = threading.Thread(target=validator.serve_forever, daemon=True)
    thread.start()
    port = free_port()
    text = site_config(port, published, Path("/nonexistent"))
    conf = sso_config(text, f"http://127.0.0.1:{validator.server_address[1]}")
    nginx = start_nginx(tmp_path_factory.mktemp("nginx-sso"), conf, port, published)
    try:
        yield nginx
    finally:
        stop_nginx(nginx.process)
        validator.shutdown()
        validator.server_close()


def test_single_sign_on_block_works_when_enabled(sso_server):
    anonymous = get(sso_server.url + "/2025-h1/tasks/T-RV-01/?tab=1", auth=None)
    assert anonymous.status == 302
    location = anonymous.header("Location")
    assert location.startswith("http://127.0.0.1:")
    assert location.endswith(
        "/login?return_to=http://" + sso_server.url.removeprefix("http://") + "/2025-h1/tasks/T-RV-01/?tab=1"
    )
    assert "/2025-h1/tasks/T-RV-01/?tab=1" in SSOHandler.seen

    signed_in = get(sso_server.url + "/2025-h1/", auth=None, headers={"Cookie": "sso=ok"})
    assert signed_in.status == 200
    assert title_of("2025-h1") in signed_in.text
    assert get(sso_server.url + "/_sso", auth=None, headers={"Cookie": "sso=ok"}).status == 404  # internal only
