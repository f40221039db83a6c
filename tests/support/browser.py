"""Debian's Chromium, headless, driven by Playwright (no browser download)."""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest

from bot import settings

# The pages README shows, as the browser tests last drew them (copied to docs/ by hand).
SCREENSHOTS = settings.PROJECT_ROOT / "results" / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run `make browser` (make test does it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()
