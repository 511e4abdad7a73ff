"""The HTML report in a real browser: headless Chromium renders the report of ``examples/articles``.

Chromium comes from the system packages (``apt-get install chromium``; ``.ci/run`` installs it).
Without a chromium binary the tests skip, saying so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.reconcile import reconcile

ROOT = Path(__file__).resolve().parents[1]
BINARIES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell")


def _chromium() -> str:
    for name in BINARIES:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(f"no chromium binary on PATH (looked for {', '.join(BINARIES)}); apt-get install chromium")


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = reconcile([ROOT / "examples" / "articles"])
    out = tmp_path_factory.mktemp("html") / "report.html"
    out.write_text(report.to_html(title="North Korean troops: who says what"), encoding="utf-8")
    return out


def test_reconcile_browser_dom_has_findings_and_series(page: Path, tmp_path: Path) -> None:
    done = _run(["--dump-dom", page.as_uri()], tmp_path)
    dom = done.stdout
    assert done.returncode == 0 and "<body" in dom, done.stderr[-2000:]
    # findings beside the timelines, with the evidence on each side
    finding = dom[dom.index('class="fc-finding" data-kind="disagreement"'):][:4000]
    assert "<b>lower</b>" in finding and "<b>higher</b>" in finding and "HUR" in finding and "NIS" in finding
    misreport = dom[dom.index('class="fc-finding" data-kind="suspected_misreport"'):][:4000]
    assert "<b>suspect</b>" in misreport and "Quick Bulletin" in misreport
    assert 'href="https://example.net/quick-bulletin/nk-losses"' in misreport  # outlet, date and URL beside the quote
    # one SVG timeline per quantity with dated figures, one series per originator
    assert dom.count('<svg class="fc-timeline"') >= 3
    originators = set(re.findall(r'<g class="fc-series" data-originator="([^"]+)"', dom))
    assert {"NIS", "HUR", "South Korea"} <= originators
    # each quote declares its language; the parsed value stands next to it
    assert re.search(r'<span class="fc-value">≈3,000</span> <q lang="en">', dom)
    assert re.search(r'<q lang="hi">', dom)
    assert "<script" not in dom and "src=" not in dom  # self-contained: nothing fetched


def test_reconcile_browser_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    done = _run([f"--screenshot={shot}", "--window-size=1280,1800", "--hide-scrollbars", page.as_uri()], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    keep = ROOT / ".pytest-artifacts"
    if keep.is_dir():  # a place CI can pick the picture up from, when it asks for one
        shutil.copy(shot, keep / "reconcile-report.png")
