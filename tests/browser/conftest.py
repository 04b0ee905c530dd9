"""Browser fixtures: the sample site built once by the real `briefing build`, served on 127.0.0.1, and
driven by the system's headless Chromium through Python Playwright (never a downloaded browser).

Every test in this folder is skipped, with the reason, when /usr/bin/chromium or the playwright package
is missing (`.ci/run` installs Debian's chromium in CI). Test modules here must not import playwright at
the top: the fixtures hand them everything they need, so a machine without it still collects them.
"""

from __future__ import annotations

import functools
import importlib.util
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT

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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project's sample archive (content/, data/) built once by the real command line; the site folder."""
    out = tmp_path_factory.mktemp("browser-site")
    result = subprocess.run([sys.executable, "-m", "builder", "--root", str(ROOT), "build",
                             "--site", str(out / "site"), "--docs", str(out / "docs")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"briefing build failed:\n{result.stderr}"
    return out / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(site_dir) -> base URL ("http://127.0.0.1:PORT/"): a threaded static server, stopped at the end."""
    servers = []

    def start(site_dir: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(site_dir))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(serve, built_site) -> str:
    """Base URL of the served sample site."""
    return serve(built_site)


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
    """A fresh page in its own context; console errors and page errors go into `page_errors`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
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
