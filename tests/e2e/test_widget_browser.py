"""The website widget in a real headless Chromium (Debian's) against the running bot."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from bot import settings
from bot.dialogue.messages import message, widget_words
from bot.dialogue.responses import response_text
from tests.support.browser import SCREENSHOTS, chromium
from tests.support.running_bot import BOOKING_URL, SENT

AXE = settings.PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
WORDS = widget_words(settings.clinic_contact())
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
PHONE_LANDSCAPE = {"width": 740, "height": 360}
# A theme stylesheet of the kind that broke the widget when it shared the page's CSS.
HOSTILE_CSS = """
* { box-sizing: content-box !important; }
html { font-size: 22px; }
body { font-family: "Comic Sans MS", cursive; text-transform: uppercase; letter-spacing: 3px; line-height: 2.6;
       color: #c00; text-align: center; word-spacing: 8px; }
button { text-transform: uppercase; padding: 20px 40px !important; border: 4px dashed red !important;
         background: yellow !important; width: 100% !important; border-radius: 0 !important; }
input { width: 100% !important; padding: 30px !important; font-size: 30px !important; }
section, header, aside, div, p { padding: 40px !important; margin: 20px !important; }
svg { width: 4px !important; height: 4px !important; }
h2 { font-size: 40px !important; text-transform: uppercase; }
a { color: lime !important; }
body { white-space: pre; font-style: italic; font-variant: small-caps; word-break: break-all; cursor: wait; }
acne-scar-assistant { display: block; padding: 50px; font-size: 30px; transform: scale(0.5); }
"""


def host_page(css: str = "", attributes: str = 'data-server="/"') -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Host page</title>"
        f"<style>{css}</style></head><body><main><h1>A clinic</h1><p>Some text.</p></main>"
        f"<script src='/webhooks/widget/widget.js' {attributes}></script></body></html>"
    )


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def open_page(browser, url, viewport=DESKTOP, html=None):
    """A new tab at `url`; with `html`, that page is served at `url` (on the bot's origin)."""
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    if html is not None:
        page.route(url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
    page.goto(url)
    return page


@pytest.fixture
def page(browser, bot_url):
    page = open_page(browser, f"{bot_url}/webhooks/widget/")
    yield page
    page.context.close()


def ask(page, text):
    """Send `text` and wait for its answer; the answer's group."""
    before = page.locator(".asw-group").count()
    SENT.append(text)
    page.fill("#asw-input", text)
    page.keyboard.press("Enter")
    expect(page.locator(".asw-group")).to_have_count(before + 1, timeout=30000)
    expect(page.locator(".asw-typing")).to_have_text("")
    return page.locator(".asw-group").nth(-1)


def contrast(page, foreground: str, background: str) -> float:
    """WCAG contrast of two CSS colours, computed in the page."""
    return page.evaluate(
        """([a, b]) => {
          const rgb = (c) => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
          const lum = (c) => { const [r, g, bl] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                               return 0.2126 * r + 0.7152 * g + 0.0722 * bl; };
          const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
          return (x + 0.05) / (y + 0.05);
        }""",
        [foreground, background],
    )


def style(locator, prop: str) -> str:
    return locator.evaluate(f"e => getComputedStyle(e).getPropertyValue({json.dumps(prop)})")


def test_open_ask_and_read_one_answer_with_its_sources_and_disclaimer_as_a_footer(page):
    expect(page.locator(".asw-panel")).to_be_hidden()
    page.click(".asw-launcher")
    expect(page.locator(".asw-panel")).to_be_visible()
    expect(page.locator("#asw-input")).to_be_focused()
    expect(page.locator("#asw-input")).to_have_attribute("placeholder", WORDS["placeholder"])
    group = ask(page, "how are rolling scars treated?")
    expect(group.locator(".asw-bot")).to_have_count(1)
    answer = group.locator(".asw-bot")
    expect(answer.locator(".asw-text")).to_contain_text("Rolling scars come from bands of scar tissue")
    expect(answer.locator(".asw-meta .asw-sources")).to_contain_text("Sources: ")
    disclaimer = answer.locator(".asw-meta .asw-disclaimer")
    expect(disclaimer.get_by_text(WORDS["disclaimer_short"])).to_be_visible()
    expect(disclaimer.get_by_text(settings.DISCLAIMER)).to_be_hidden()
    disclaimer.get_by_role("button", name=WORDS["more"]).click()
    expect(disclaimer.get_by_text(settings.DISCLAIMER)).to_be_visible()
    expect(disclaimer.locator(".asw-more")).to_have_attribute("aria-expanded", "true")


def test_the_feedback_question_is_small_thumbs_in_the_answers_footer_and_a_tap_is_sent_once(page):
    page.click(".asw-launcher")
    ask(page, "when should I see a doctor about acne scars?")
    group = page.locator(".asw-group").nth(page.locator(".asw-group").count() - 1)  # stays on this reply
    # No bubble of its own: a line in the answer's footer, after the disclaimer.
    expect(group.locator(".asw-bot")).to_have_count(1)
    feedback = group.locator(".asw-meta .asw-feedback")
    expect(feedback).to_have_attribute("aria-label", message("feedback_question"))
    thumbs = feedback.locator(".asw-thumb")
    expect(thumbs).to_have_text([message("feedback_yes"), message("feedback_no")])
    assert thumbs.first.bounding_box()["height"] < group.locator(".asw-choice").first.bounding_box()["height"]
    # The booking button is an ordinary quick reply under the answer.
    expect(group.locator(".asw-buttons .asw-choice")).to_have_text([message("book_consultation")])
    thumbs.first.click()
    expect(page.locator(".asw-group").nth(-1)).to_contain_text(message("feedback_thanks"), timeout=30000)
    expect(thumbs.first).to_have_attribute("aria-pressed", "true")
    expect(thumbs.first).to_be_disabled()
    expect(thumbs.nth(1)).to_be_disabled()
    # After a reload the rating is still shown as given, and cannot be sent again.
    page.reload()
    again = page.locator(".asw-thumb[aria-pressed='true']")
    expect(again).to_have_count(1)
    expect(again).to_be_disabled()
    page.locator(".asw-group").nth(-2).get_by_role("button", name=message("book_consultation")).click()
    expect(page.locator(".asw-group").nth(-1).locator("a")).to_have_attribute("href", BOOKING_URL, timeout=30000)


def test_bulleted_lines_are_a_list(page):
    page.click(".asw-launcher")
    group = ask(page, "what causes acne scars?")
    items = group.locator(".asw-text li")
    assert items.count() >= 3
    assert "•" not in group.locator(".asw-text").inner_text()


def test_the_privacy_notice_and_starters_show_on_open_and_hello_gets_one_greeting(page):
    page.click(".asw-launcher")
    expect(page.locator(".asw-privacy")).to_be_visible()
    expect(page.locator(".asw-privacy")).to_have_text(settings.PRIVACY_NOTICE)
    expect(page.locator(".asw-welcome .asw-choice")).to_have_count(6)
    ask(page, "hello")
    log = page.locator("[role=log]").inner_text()
    assert log.count(settings.PRIVACY_NOTICE) == 1
    assert log.count(response_text("utter_greet")) == 1
    assert not log.lstrip().startswith("Hi")  # the open panel's words are not a second greeting


def test_a_starter_question_is_answered(page):
    page.click(".asw-launcher")
    page.locator(".asw-welcome").get_by_role("button", name="What causes acne scars").click()
    expect(page.locator(".asw-group").nth(-1)).to_contain_text("inflammatory acne lesions", timeout=30000)


def test_quick_replies_then_a_reload_keeps_history_without_taking_the_focus(page):
    page.click(".asw-launcher")
    ask(page, "blorp zxq frrr")
    choice = page.locator(".asw-group").nth(-1).get_by_role("button", name="What causes acne scars")
    expect(choice).to_be_visible()
    choice.click()
    expect(page.locator(".asw-group").nth(-1)).to_contain_text("inflammatory acne lesions", timeout=30000)
    stored = "JSON.parse(sessionStorage.getItem('acne-scar-widget-v2')).sender"
    sender = page.evaluate(stored)
    count = page.locator(".asw-msg").count()
    page.reload()
    expect(page.locator(".asw-panel")).to_be_visible()
    expect(page.locator(".asw-msg")).to_have_count(count)
    assert page.evaluate(stored) == sender
    expect(page.locator("#asw-input")).not_to_be_focused()
    assert page.evaluate("document.activeElement === document.body")


def test_a_conversation_id_the_server_no_longer_knows_is_replaced(page):
    page.evaluate("sessionStorage.setItem('acne-scar-widget-v2', JSON.stringify({sender: 'made-up', open: true, history: []}))")
    page.reload()
    ask(page, "what causes acne scars?")
    expect(page.locator(".asw-group").nth(-1)).to_contain_text("inflammatory acne lesions")
    assert page.evaluate("JSON.parse(sessionStorage.getItem('acne-scar-widget-v2')).sender") != "made-up"


def test_emergency_and_crisis_replies_stand_out_and_are_announced(page):
    page.click(".asw-launcher")
    ordinary = style(ask(page, "what causes acne scars?").locator(".asw-bot"), "background-color")
    for text, kind in (("my lip went white after the filler an hour ago", "emergency"), ("i want to kill myself", "crisis")):
        ask(page, text)
        alert = page.locator(f".asw-alert-{kind}")
        expect(alert).to_have_count(1)
        expect(alert).to_have_attribute("role", "alert")
        expect(alert).to_contain_text("URGENT")
        assert style(alert, "background-color") != ordinary
        assert contrast(page, style(alert, "color"), style(alert, "background-color")) >= 7
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
    launcher = page.locator(".asw-launcher")
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#asw-input")).to_be_focused()
    expect(launcher).to_have_attribute("aria-label", WORDS["close"])
    page.keyboard.type("what can you do?")
    page.keyboard.press("Enter")
    first_choice = page.locator(".asw-group .asw-choice").first
    expect(first_choice).to_be_visible(timeout=30000)
    first_choice.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".asw-group").nth(-1)).to_contain_text("inflammatory acne lesions", timeout=30000)
    expect(page.locator("#asw-input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".asw-panel")).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-label", WORDS["open"])


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE, PHONE_LANDSCAPE], ids=["desktop", "phone", "phone-landscape"])
def test_each_new_answer_is_shown_from_its_start(browser, bot_url, viewport):
    page = open_page(browser, f"{bot_url}/webhooks/widget/", viewport)
    page.click(".asw-launcher")
    for question in ("what causes acne scars?", "how are rolling scars treated?", "what about boxcar scars?"):
        group = ask(page, question)
        page.wait_for_timeout(100)
        top = group.evaluate("g => g.getBoundingClientRect().top")
        log = page.locator(".asw-log").evaluate("l => [l.getBoundingClientRect().top, l.getBoundingClientRect().bottom]")
        # Its first line in view: at the top of the log, or lower when nothing follows it to scroll up.
        assert log[0] - 1 <= top <= log[1] - 60, (question, top, log)
        if group.evaluate("g => g.getBoundingClientRect().height") > log[1] - log[0]:
            assert top <= log[0] + 20, (question, top, log)
    assert page.locator(".asw-log").evaluate("l => l.clientHeight") >= 150
    expect(page.locator("#asw-input")).to_be_in_viewport()
    page.context.close()


def test_the_host_pages_theme_does_not_reach_the_widget(browser, bot_url):
    def looks(page) -> dict:
        page.click(".asw-launcher")
        ask(page, "what causes acne scars?")
        checked = {
            ".asw-launcher": ("width", "height", "padding-top", "border-top-style", "background-color", "position"),
            ".asw-launcher svg": ("width", "height"),
            ".asw-header h2": ("font-size", "font-family", "text-transform", "letter-spacing", "padding-top", "margin-top"),
            ".asw-send": ("text-transform", "padding-left", "width", "background-color", "border-top-style"),
            "#asw-input": ("width", "padding-left", "font-size"),
            ".asw-welcome .asw-choice >> nth=0": ("text-transform", "color", "width", "line-height"),
            ".asw-group .asw-bot": (
                "font-family",
                "text-align",
                "word-spacing",
                "padding-top",
                "margin-top",
                "color",
                "white-space",
                "font-style",
                "font-variant-caps",
                "word-break",
                "cursor",
                "font-size",
            ),
        }
        return {(selector, prop): style(page.locator(selector), prop) for selector, props in checked.items() for prop in props}

    blank = open_page(browser, f"{bot_url}/webhooks/widget/blank.html", html=host_page())
    themed = open_page(browser, f"{bot_url}/webhooks/widget/themed.html", html=host_page(HOSTILE_CSS))
    assert looks(themed) == looks(blank)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    themed.screenshot(path=str(SCREENSHOTS / "widget-hostile-page.png"))
    blank.context.close()
    themed.context.close()


def test_nothing_shows_before_the_widgets_style_sheet_has_loaded(browser, bot_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()

    def slow_style_sheet(route):
        time.sleep(1.5)
        route.continue_()

    page.route("**/widget.css", slow_style_sheet)
    page.goto(f"{bot_url}/webhooks/widget/", wait_until="commit")
    page.wait_for_selector("acne-scar-assistant", state="attached")
    assert not page.locator(".asw-launcher").is_visible()
    expect(page.locator(".asw-launcher")).to_be_visible(timeout=10000)
    assert style(page.locator(".asw-launcher"), "position") == "fixed"
    context.close()


def test_a_light_brand_colour_still_gives_readable_text_and_focus(browser, bot_url):
    page = open_page(
        browser, f"{bot_url}/webhooks/widget/light.html", html=host_page(attributes='data-server="/" data-primary="#ffd54f"')
    )
    page.click(".asw-launcher")
    ask(page, "hello")
    header = page.locator(".asw-header")
    assert style(header, "background-color") == "rgb(255, 213, 79)"
    assert contrast(page, style(page.locator(".asw-header h2"), "color"), style(header, "background-color")) >= 4.5
    user = page.locator(".asw-user").nth(-1)
    assert contrast(page, style(user, "color"), style(user, "background-color")) >= 4.5
    choice = page.locator(".asw-group .asw-choice, .asw-welcome .asw-choice").first
    assert contrast(page, style(choice, "color"), "rgb(255, 255, 255)") >= 4.5
    choice.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert choice.evaluate("e => e.matches(':focus-visible')")
    assert style(choice, "outline-style") == "solid" and float(style(choice, "outline-width").rstrip("px")) >= 3
    assert contrast(page, style(choice, "outline-color"), style(page.locator(".asw-log"), "background-color")) >= 3
    page.context.close()


def test_without_a_server_address_the_console_says_so_and_nothing_is_posted_to_the_host(browser, bot_url):
    context = browser.new_context()
    page = context.new_page()
    errors, posts = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    url = f"{bot_url}/webhooks/widget/no-server.html"
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=host_page(attributes="")))
    page.goto(url)
    page.wait_for_timeout(500)
    assert any("server address is missing" in error for error in errors), errors
    assert page.locator("acne-scar-assistant").count() == 0 and posts == []
    context.close()


def test_the_demo_page_works_with_and_without_its_trailing_slash(browser, bot_url):
    for address in (f"{bot_url}/webhooks/widget", f"{bot_url}/webhooks/widget/"):
        page = open_page(browser, address)
        expect(page.locator(".asw-launcher")).to_be_visible()
        page.context.close()


def test_no_accessibility_violations(page):
    """axe-core's WCAG 2.2 A/AA and best-practice rules, every impact, with an
    answer, an alert and the expanded disclaimer on screen."""
    # The page's Content-Security-Policy refuses inline scripts; axe-core comes in
    # as an init script (through the browser's DevTools protocol) instead.
    page.add_init_script(path=str(AXE))
    page.reload()
    page.click(".asw-launcher")
    ask(page, "what causes acne scars?").locator(".asw-more").click()
    ask(page, "my lip went white after the filler an hour ago")
    result = page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']})"
    )
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert violations == [], json.dumps(violations, indent=1)


def test_an_unreachable_server_marks_the_message_not_sent_with_retry_then_the_clinic_contact(page):
    page.click(".asw-launcher")
    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.fill("#asw-input", "what causes acne scars")
    page.keyboard.press("Enter")
    expect(page.locator(".asw-status")).to_have_text(WORDS["retrying"])
    unsent = page.locator(".asw-user .asw-unsent")
    expect(unsent).to_contain_text(WORDS["not_sent"], timeout=15000)
    expect(page.locator(".asw-status")).to_have_text(WORDS["unreachable"])
    retry = unsent.get_by_role("button", name=WORDS["retry"])
    page.keyboard.press("Shift+Tab")  # from the input back to Retry, the log's last control
    expect(retry).to_be_focused()
    bubble = page.locator(".asw-user").nth(-1)
    assert contrast(page, style(retry, "outline-color"), style(bubble, "background-color")) >= 3
    retry.click()
    expect(unsent).to_be_visible(timeout=15000)
    expect(page.locator(".asw-status")).to_contain_text(WORDS["contact"])
    page.unroute("**/webhooks/rest/webhook")
    unsent.get_by_role("button", name=WORDS["retry"]).click()
    expect(page.locator(".asw-group").nth(-1)).to_contain_text("inflammatory acne lesions", timeout=20000)
    expect(page.locator(".asw-unsent")).to_have_count(0)
    expect(page.locator(".asw-status")).to_have_text("")


def test_a_refused_message_is_not_retried_says_why_and_gives_the_text_back(page):
    """A 4xx would be refused again: no retrying as if the server were down."""
    page.click(".asw-launcher")
    calls = []

    def refuse(route):
        calls.append(route.request.url)
        route.fulfill(status=400, content_type="application/json", body=json.dumps({"error": "That is not a message."}))

    page.route("**/webhooks/rest/webhook", refuse)
    page.fill("#asw-input", "what causes acne scars")
    page.keyboard.press("Enter")
    expect(page.locator(".asw-status")).to_have_text("That is not a message.")
    page.wait_for_timeout(2500)
    assert len(calls) == 1
    expect(page.locator(".asw-user")).to_have_count(0)
    expect(page.locator(".asw-retry")).to_have_count(0)
    expect(page.locator("#asw-input")).to_have_value("what causes acne scars")
    assert "what causes acne scars" not in page.evaluate("sessionStorage.getItem('acne-scar-widget-v2')")


def test_an_overlong_message_is_refused_by_the_server_with_its_reason(page):
    page.click(".asw-launcher")
    page.evaluate(
        "document.querySelector('acne-scar-assistant').shadowRoot.querySelector('#asw-input').removeAttribute('maxlength')"
    )
    long_question = "what causes acne scars " * 100
    page.fill("#asw-input", long_question)
    page.keyboard.press("Enter")
    expect(page.locator(".asw-status")).to_contain_text("longer than 2000 characters", timeout=5000)
    expect(page.locator("#asw-input")).to_have_value(long_question.strip())


def test_screenshots_for_the_readme(browser, bot_url):
    """Desktop, phone, the emergency style and an answer's footer with the thumbs, as
    docs/ shows them (results/screenshots/)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport, question in (
        ("desktop", DESKTOP, "how are rolling scars treated?"),
        ("phone", PHONE, "what causes acne scars?"),
        ("emergency", PHONE, "my lip went white and cold after my filler an hour ago"),
        ("footer", DESKTOP, "what are boxcar scars?"),
    ):
        page = open_page(browser, f"{bot_url}/webhooks/widget/", viewport)
        page.click(".asw-launcher")
        ask(page, question)
        panel = page.locator(".asw-panel").bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= viewport["width"]
        if name == "footer":
            # The answer's end: its sources, the disclaimer line and the thumbs.
            page.locator(".asw-thumb").last.scroll_into_view_if_needed()
            expect(page.locator(".asw-thumb").last).to_be_in_viewport()
        page.screenshot(path=str(SCREENSHOTS / f"widget-{name}.png"))
        page.context.close()


def test_a_message_still_waiting_when_the_page_reloads_is_offered_again(page):
    page.click(".asw-launcher")
    page.route("**/webhooks/rest/webhook", lambda route: None)  # never answered
    page.fill("#asw-input", "what causes acne scars")
    page.keyboard.press("Enter")
    expect(page.locator(".asw-typing")).to_have_text(WORDS["typing"])
    # Reloaded while the request is still held: unrouted first, it would go through and
    # could be answered before the reload.
    page.reload()
    page.unroute("**/webhooks/rest/webhook")
    unsent = page.locator(".asw-user .asw-unsent")
    expect(unsent).to_contain_text(WORDS["not_sent"])
    unsent.get_by_role("button", name=WORDS["retry"]).click()
    expect(page.locator(".asw-group").nth(-1)).to_contain_text("inflammatory acne lesions", timeout=30000)
