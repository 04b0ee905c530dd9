"""Browser fixtures: the sample site built once by the real `briefing build`, served on 127.0.0.1, and
driven by the system's headless Chromium through Python Playwright (never a downloaded browser).

Every test in this folder is skipped, with the reason, when /usr/bin/chromium or the playwright package
is missing (`.ci/run` installs Debian's chromium in CI). Test modules here must not import playwright at
the top: the fixtures hand them everything they need, so a machine without it still collects them.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, SEEDS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HERE = Path(__file__).resolve().parent
SCREENSHOTS = ROOT / "tests" / "screenshots"


def missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return (f"browser tests need Chromium at {CHROMIUM} (Debian: apt-get install chromium chromium-driver); "
                "it is not installed")
    if importlib.util.find_spec("playwright") is None:
        return "browser tests need the playwright package (pip install -e '.[test]'); it is not installed"
    return None


def pytest_collection_modifyitems(config, items):
    reason = missing_reason()
    if reason is None:
        return
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(skip)


PREFIX = os.environ.get("BRIEFING_BROWSER_PREFIX", "/").strip("/")
"""Where the sample site is served: at the server's root, or with BRIEFING_BROWSER_PREFIX=/REPO/ under that
sub-path, as on a GitHub Pages project site (built then with site_url https://example.org/REPO/ as the
README says to publish there)."""
PUBLIC = "https://example.org/"

VIEWPORT = os.environ.get("BRIEFING_BROWSER_VIEWPORT", "1280x900")
"""The size of the `page` fixture's window, WIDTHxHEIGHT: a desktop's, or with BRIEFING_BROWSER_VIEWPORT=390x844
a phone's (touch, scaled as a phone is), so that the whole suite runs once as a reader on a phone sees it."""
WIDTH, HEIGHT = (int(n) for n in VIEWPORT.lower().split("x"))
NARROW = WIDTH < 768
"""The window is a phone's: Material shows no tabs and no sidebars there (the nav is in the drawer)."""
"""The public address the sites built for a sub-path are given (site_url); only its path matters here."""


def build_sample(out: Path, site_url: str | None = None, articles: Path | None = None) -> Path:
    """The project's sample archive (content/, data/; or the articles of `articles` with the project's
    knowledge base) built by the real command line into out/site."""
    env = dict(os.environ)
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run([sys.executable, "-m", "builder", "--root", str(ROOT), "build",
                             *(["--articles", str(articles)] if articles else []),
                             "--site", str(out / "site"), "--docs", str(out / "docs")],
                            capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, f"briefing build failed:\n{result.stderr}"
    return out / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample site, built once (with site_url when the suite runs under a sub-path); the site folder."""
    return build_sample(tmp_path_factory.mktemp("browser-site"), f"{PUBLIC}{PREFIX}/" if PREFIX else None)


class _QuietHandler(SimpleHTTPRequestHandler):
    """A static host: the site under `prefix` ("" or "REPO/"), and for a missing page the site's 404.html
    with status 404, as GitHub Pages answers."""

    prefix = ""

    def log_message(self, format, *args):  # keep the test output readable
        pass

    def translate_path(self, path):
        route = urlsplit(path).path
        if not route.startswith("/" + self.prefix):
            return str(Path(self.directory) / ".outside-the-site")
        return super().translate_path("/" + route[len(self.prefix) + 1:])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def serve():
    """serve(site_dir, prefix="") -> base URL ("http://127.0.0.1:PORT/" + prefix): a threaded static server,
    stopped at the end."""
    servers = []

    def start(site_dir: Path, prefix: str = "") -> str:
        prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        handler = functools.partial(type("Handler", (_QuietHandler,), {"prefix": prefix}), directory=str(site_dir))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/{prefix}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory) -> Path:
    """The five seeds (../shared/seeds) built with the project's knowledge base, like built_site; the out folder
    (site/ and docs/ in it)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seeds are not at {SEEDS}")
    out = tmp_path_factory.mktemp("browser-seeds")
    build_sample(out, f"{PUBLIC}{PREFIX}/" if PREFIX else None, SEEDS)
    return out


@pytest.fixture(scope="session")
def site_url(serve, built_site) -> str:
    """Base URL of the served sample site (under BRIEFING_BROWSER_PREFIX when it is set)."""
    return serve(built_site, PREFIX)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_errors() -> list[str]:
    """Console errors and uncaught page errors of the test's page, as text (assert it stays empty)."""
    return []


@pytest.fixture
def page(browser, page_errors):
    """A fresh page in its own context (at VIEWPORT); console errors and page errors go into `page_errors`."""
    phone_like = {"device_scale_factor": 3, "is_mobile": True, "has_touch": True} if NARROW else {}
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, **phone_like)
    tab = context.new_page()
    tab.on("console", lambda message: page_errors.append(f"console error: {message.text} ({message.location.get('url') or tab.url})")
           if message.type == "error" else None)
    tab.on("pageerror", lambda error: page_errors.append(f"page error: {error} ({tab.url})"))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The folder screenshots go into (tests/screenshots/, ignored by git)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def phone(browser, page_errors):
    """A fresh page at a phone's viewport (390×844, touch), errors into `page_errors` like `page`."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True,
                                  has_touch=True)
    tab = context.new_page()
    tab.on("console", lambda message: page_errors.append(f"console error: {message.text} ({tab.url})")
           if message.type == "error" else None)
    tab.on("pageerror", lambda error: page_errors.append(f"page error: {error} ({tab.url})"))
    yield tab
    context.close()


AXE = HERE / "axe"
"""The npm project of the test tools that run in the page: axe-core, pinned by package-lock.json."""


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's axe.min.js, from tests/browser/axe/node_modules (installed by `make test` with `npm ci`;
    installed here too when missing and npm is on the PATH)."""
    script = AXE / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("the accessibility tests need axe-core from the npm registry: install Node.js and npm "
                        "(Debian: apt-get install npm), then `make test` (it runs npm ci in tests/browser/axe)")
        result = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(AXE)],
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"npm ci in {AXE} failed:\n{result.stderr}"
    return script.read_text(encoding="utf-8")
