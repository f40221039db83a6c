"""The website widget in a real headless Chromium (Debian's) against the running bot."""
from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect, sync_playwright

from bot import settings

CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
AXE = settings.PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = settings.PROJECT_ROOT / "results" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is not installed: run `make browser` (make test does it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, bot_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    page.goto(f"{bot_url}/webhooks/widget/")
    yield page
    context.close()


def ask(page, text):
    before = page.locator(".asw-bot").count()
    page.fill("#asw-input", text)
    page.keyboard.press("Enter")
    expect(page.locator(".asw-typing")).to_have_text("")
    page.wait_for_function(f"document.querySelectorAll('.asw-bot').length > {before}")
    return page.locator(".asw-bot").nth(-1)


def test_open_ask_and_read_the_answer_with_sources_and_disclaimer(page):
    expect(page.locator(".asw-panel")).to_be_hidden()
    page.click(".asw-launcher")
    expect(page.locator(".asw-panel")).to_be_visible()
    expect(page.locator("#asw-input")).to_be_focused()
    ask(page, "how are rolling scars treated?")
    log = page.locator("[role=log]")
    expect(log).to_contain_text("Rolling scars come from bands of scar tissue")
    expect(log).to_contain_text("Sources: ")
    expect(page.locator(".asw-bot").nth(-1)).to_have_text("Assistant: " + settings.DISCLAIMER)


def test_quick_replies_reload_keeps_history(page):
    page.click(".asw-launcher")
    ask(page, "blorp zxq frrr")
    choice = page.get_by_role("button", name="What causes acne scars")
    expect(choice).to_be_visible()
    choice.click()
    expect(page.locator("[role=log]")).to_contain_text("inflammatory acne lesions")
    sender = page.evaluate("JSON.parse(sessionStorage.getItem('acne-scar-widget')).sender")
    count = page.locator(".asw-msg").count()
    page.reload()
    expect(page.locator(".asw-panel")).to_be_visible()
    expect(page.locator(".asw-msg")).to_have_count(count)
    assert page.evaluate("JSON.parse(sessionStorage.getItem('acne-scar-widget')).sender") == sender


def test_emergency_and_crisis_replies_stand_out_and_are_announced(page):
    page.click(".asw-launcher")
    style = "e => getComputedStyle(e).backgroundColor"
    ordinary = ask(page, "what causes acne scars?").evaluate(style)
    for message, kind in (("my lip went white after the filler an hour ago", "emergency"), ("i want to kill myself", "crisis")):
        page.fill("#asw-input", message)
        page.keyboard.press("Enter")
        alert = page.locator(f".asw-alert-{kind}")
        expect(alert).to_have_count(1)
        expect(alert).to_have_attribute("role", "alert")
        expect(alert).to_contain_text("URGENT")
        assert alert.evaluate(style) != ordinary
    page.reload()
    expect(page.locator(".asw-alert")).to_have_count(2)


def test_markup_in_messages_is_shown_as_text(page):
    page.click(".asw-launcher")
    payload = "<img src=x onerror=alert(1)>"
    ask(page, payload)
    expect(page.locator(".asw-user").nth(-1)).to_have_text("You said: " + payload)
    assert page.locator(".asw-log img").count() == 0


def test_a_whole_conversation_with_the_keyboard_only(page):
    page.keyboard.press("Tab")
    expect(page.locator(".asw-launcher")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#asw-input")).to_be_focused()
    page.keyboard.type("what can you do?")
    page.keyboard.press("Enter")
    first_choice = page.locator(".asw-choice").first
    expect(first_choice).to_be_visible()
    first_choice.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[role=log]")).to_contain_text("inflammatory acne lesions")
    expect(page.locator("#asw-input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".asw-panel")).to_be_hidden()
    expect(page.locator(".asw-launcher")).to_be_focused()


def test_no_serious_accessibility_violations(page):
    # The page's Content-Security-Policy refuses inline scripts; axe-core comes in
    # as an init script (through the browser's DevTools protocol) instead.
    page.add_init_script(path=str(AXE))
    page.reload()
    page.click(".asw-launcher")
    ask(page, "what can you do?")
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], json.dumps(serious, indent=1)


def test_unreachable_server_is_announced_and_retried(page):
    page.click(".asw-launcher")
    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.fill("#asw-input", "what causes acne scars")
    page.keyboard.press("Enter")
    expect(page.locator(".asw-status")).to_have_text("The assistant can't be reached right now. Retrying…")
    page.unroute("**/webhooks/rest/webhook")
    expect(page.locator("[role=log]")).to_contain_text("inflammatory acne lesions", timeout=20000)
    expect(page.locator(".asw-status")).to_have_text("")


def test_a_refused_message_says_why_at_once_and_gives_the_text_back(page):
    """A 413 (or 400) would be refused again: no retrying as if the server were down."""
    page.click(".asw-launcher")
    page.evaluate("document.querySelector('#asw-input').removeAttribute('maxlength')")
    long_question = "what causes acne scars " * 100
    page.fill("#asw-input", long_question)
    page.keyboard.press("Enter")
    expect(page.locator(".asw-status")).to_contain_text("longer than 2000 characters", timeout=5000)
    expect(page.locator(".asw-status")).not_to_contain_text("Retrying")
    expect(page.locator("#asw-input")).to_have_value(long_question.strip())


def test_phone_width_and_screenshots(browser, bot_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", {"width": 1280, "height": 800}), ("phone", {"width": 360, "height": 740})):
        context = browser.new_context(viewport=viewport, device_scale_factor=1)
        page = context.new_page()
        page.goto(f"{bot_url}/webhooks/widget/")
        page.click(".asw-launcher")
        ask(page, "how are rolling scars treated?")
        panel = page.locator(".asw-panel").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= viewport["width"]
        expect(page.locator("#asw-input")).to_be_in_viewport()
        page.locator(".asw-log").evaluate("log => log.scrollTop = log.scrollHeight")
        page.screenshot(path=str(SCREENSHOTS / f"widget-{name}.png"))
        context.close()
