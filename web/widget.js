/*
 * Acne-scar assistant chat widget. No framework, no build step.
 *
 *   <script src="https://bot.example/webhooks/widget/widget.js"
 *           data-server="https://bot.example" data-title="Ask about acne scars"
 *           data-primary="#0b5cad"></script>
 *
 * or set window.AcneScarWidgetConfig = {server, title, primary, greeting} before
 * the script loads (it wins over the data- attributes). `server` is required.
 *
 * The widget lives in a shadow root, so the host page's style sheets cannot
 * reach it, and shows nothing until its own style sheet has loaded. Its words
 * come from the server (data/messages.yml), which fills them in below as it
 * serves this file. It talks to Rasa's REST channel with a conversation id the
 * server issued, kept in sessionStorage: a reload keeps the conversation and
 * nothing outlives the tab.
 */
(function () {
  "use strict";

  const SERVED = {} /* filled in by the server */;
  const STORE = "acne-scar-widget-v2";
  // Automatic retries of a message the server did not answer (never of a 4xx),
  // and how long one request may take.
  const RETRY_DELAYS = [1000, 3000];
  const REQUEST_TIMEOUT_MS = 30000;
  const PROBLEM = "Acne-scar widget: ";

  const script = document.currentScript;
  const data = (script && script.dataset) || {};
  const given = window.AcneScarWidgetConfig || {};
  const option = (name) => (given[name] !== undefined ? given[name] : data[name]);

  if (!SERVED.words) {
    console.error(PROBLEM + "load widget.js from the assistant's server (https://<server>/webhooks/widget/widget.js); this copy has no words.");
    return;
  }
  const words = SERVED.words;

  function serverAddress(value) {
    if (!value) {
      console.error(PROBLEM + 'the server address is missing: add data-server="https://<the assistant\'s server>" to the script tag, or set AcneScarWidgetConfig.server.');
      return null;
    }
    let url;
    try {
      url = new URL(value, script ? script.src : location.href);
    } catch {
      console.error(PROBLEM + "the server address " + JSON.stringify(value) + " is not a web address.");
      return null;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      console.error(PROBLEM + "the server address " + JSON.stringify(value) + " must start with https:// (or http:// for a test).");
      return null;
    }
    return url.href.replace(/\/+$/, "");
  }

  const server = serverAddress(option("server"));
  if (!server) return;

  // Colours: the clinic's brand colour, with text on it and brand-coloured text
  // on white chosen for contrast (WCAG: 4.5:1 for text, 3:1 for focus rings).
  const WHITE = [255, 255, 255];
  const BLACK = [0, 0, 0];
  function parseHex(value) {
    const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value || "").trim());
    if (!match) return null;
    const hex = match[1].length === 3 ? match[1].replace(/./g, "$&$&") : match[1];
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  }
  function luminance(rgb) {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function contrast(a, b) {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  }
  const hex = (rgb) => "#" + rgb.map((v) => ("0" + Math.round(v).toString(16)).slice(-2)).join("");
  function darkenUntil(rgb, against, ratio) {
    let colour = rgb.slice();
    while (contrast(colour, against) < ratio) colour = colour.map((v) => v * 0.9);
    return colour;
  }
  let brand = parseHex(option("primary"));
  if (option("primary") && !brand) console.error(PROBLEM + "the colour " + JSON.stringify(option("primary")) + " is not #rgb or #rrggbb; using the default.");
  brand = brand || parseHex("#0b5cad");
  // White text when it reads well on the brand colour, else black (which then always does).
  const onBrand = contrast(brand, WHITE) >= 4.5 ? WHITE : BLACK;
  const ink = darkenUntil(brand, WHITE, 4.5);

  const config = {
    title: option("title") || words.title,
    welcome: option("greeting") || SERVED.welcome,
  };

  function load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORE));
      return saved && Array.isArray(saved.history) ? saved : null;
    } catch {
      return null;
    }
  }
  const state = load() || { sender: null, open: false, history: [] };
  function save() {
    try {
      sessionStorage.setItem(STORE, JSON.stringify(state));
    } catch {
      // Storage full or refused: the conversation goes on, it is just not kept across reloads.
    }
  }

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    });
    (children || []).forEach((child) => node.appendChild(child));
    return node;
  }

  // Bot text is never parsed as HTML: text nodes only, and http(s) links as anchors.
  function inline(container, line) {
    const url = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;
    let last = 0;
    let match;
    while ((match = url.exec(line))) {
      container.appendChild(document.createTextNode(line.slice(last, match.index)));
      container.appendChild(el("a", { href: match[0], target: "_blank", rel: "noopener noreferrer", text: match[0] }));
      last = match.index + match[0].length;
    }
    container.appendChild(document.createTextNode(line.slice(last)));
  }

  // A paragraph of bot text: lines starting with "• " become a list.
  function paragraph(container, text) {
    let list = null;
    let prose = null;
    text.split("\n").forEach((line) => {
      if (/^\s*•\s+/.test(line)) {
        prose = null;
        if (!list) list = container.appendChild(el("ul"));
        inline(list.appendChild(el("li")), line.replace(/^\s*•\s+/, ""));
        return;
      }
      list = null;
      if (prose) prose.appendChild(el("br"));
      else prose = container.appendChild(el("p"));
      inline(prose, line);
    });
  }

  function icon(pathData) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", pathData);
    svg.appendChild(path);
    return svg;
  }
  const CHAT_ICON = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z";
  const CLOSE_ICON = "M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z";

  // The widget's own tree, in a shadow root the host page's CSS cannot reach.
  const host = document.createElement("acne-scar-assistant");
  const shadow = host.attachShadow({ mode: "open" });
  const styleSheet = el("link", { rel: "stylesheet", href: server + "/webhooks/widget/widget.css" });
  const root = el("aside", { class: "asw", "aria-label": config.title, hidden: "" });
  root.style.setProperty("--asw-brand", hex(brand));
  root.style.setProperty("--asw-on-brand", hex(onBrand));
  root.style.setProperty("--asw-ink", hex(ink));

  const launcher = el("button", { class: "asw-launcher", type: "button", "aria-controls": "asw-panel", "aria-expanded": "false", "aria-label": words.open });
  const closeButton = el("button", { class: "asw-close", type: "button", "aria-label": words.close }, [icon(CLOSE_ICON)]);
  const log = el("div", { class: "asw-log", role: "log", "aria-label": words.conversation, tabindex: "0" });
  const typing = el("div", { class: "asw-typing", role: "status" });
  const status = el("div", { class: "asw-status", role: "alert" });
  const input = el("input", {
    class: "asw-input", id: "asw-input", type: "text", autocomplete: "off",
    maxlength: String(SERVED.max_message_chars), placeholder: words.placeholder,
  });
  const send = el("button", { class: "asw-send", type: "submit", text: words.send });
  const form = el("form", { class: "asw-form" }, [
    el("label", { for: "asw-input", class: "asw-visually-hidden", text: words.input_label }), input, send,
  ]);
  const panel = el("section", { class: "asw-panel", id: "asw-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "asw-title", hidden: "" }, [
    el("header", { class: "asw-header" }, [el("h2", { id: "asw-title", text: config.title }), closeButton]),
    log, typing, status, form,
  ]);
  root.appendChild(panel);
  root.appendChild(launcher);
  shadow.appendChild(styleSheet);
  shadow.appendChild(root);

  function choices(buttons, label) {
    const group = el("div", { class: "asw-buttons", role: "group", "aria-label": label || words.suggestions });
    buttons.forEach((button) => {
      const choice = el("button", { type: "button", class: "asw-choice", text: button.title });
      choice.addEventListener("click", () => {
        if (!send.disabled) ask(button.title, button.payload);
      });
      group.appendChild(choice);
    });
    return group;
  }

  // The open panel: the privacy notice before the first keystroke, what the assistant does, starter questions.
  log.appendChild(el("div", { class: "asw-welcome" }, [
    el("p", { class: "asw-privacy", text: SERVED.privacy_notice }),
    el("p", { class: "asw-intro", text: config.welcome }),
    choices(SERVED.starters),
  ]));

  function disclaimerLine() {
    const line = el("div", { class: "asw-disclaimer" });
    const short = el("span", { text: words.disclaimer_short });
    const full = el("span", { text: SERVED.disclaimer, hidden: "" });
    const toggle = el("button", { type: "button", class: "asw-more", "aria-expanded": "false", text: words.more });
    toggle.addEventListener("click", () => {
      const open = full.hidden;
      full.hidden = !open;
      short.hidden = open;
      toggle.textContent = open ? words.less : words.more;
      toggle.setAttribute("aria-expanded", String(open));
    });
    line.append(short, full, " ", toggle);
    return line;
  }

  // "Did this answer your question?" with its two answers as small thumbs in the
  // answer's footer. A rating is sent once: the history item remembers it.
  const isRating = (button) => /^\/answer_/.test(button.payload || "");
  function feedbackRow(reply, item) {
    const row = el("div", { class: "asw-feedback", role: "group", "aria-label": reply.text }, [el("span", { text: reply.text })]);
    const thumbs = (reply.buttons || []).filter(isRating).map((button) => {
      const thumb = el("button", { type: "button", class: "asw-thumb", "aria-pressed": String(item.rated === button.payload), text: button.title });
      thumb.disabled = Boolean(item.rated);
      thumb.addEventListener("click", () => {
        if (send.disabled || item.rated) return;
        item.rated = button.payload;
        save();
        thumbs.forEach((other) => { other.disabled = true; });
        thumb.setAttribute("aria-pressed", "true");
        ask(button.title, button.payload);
      });
      row.appendChild(thumb);
      return thumb;
    });
    return row;
  }

  // One reply of the server (every message it returned for one question) as one
  // group: alerts first, then one answer bubble whose sources, disclaimer and
  // feedback question are a compact footer, then quick replies. Added to the log
  // at once, so a screen reader announces it once. `item` is its history entry.
  function renderReplies(replies, item) {
    const group = el("div", { class: "asw-group" });
    let bubble = null;
    let text = null;
    let footer = null;
    const answerBubble = () => {
      if (!bubble) {
        text = el("div", { class: "asw-text" });
        footer = el("div", { class: "asw-meta" });
        bubble = el("div", { class: "asw-msg asw-bot" }, [el("span", { class: "asw-visually-hidden", text: words.assistant_said + " " }), text, footer]);
        group.appendChild(bubble);
      }
      return bubble;
    };
    replies.forEach((reply) => {
      if (reply.part === "privacy_notice") return; // shown in the open panel
      if (reply.alert === "emergency" || reply.alert === "crisis") {
        // The reply's own first words say it is urgent.
        const alert = el("div", { class: "asw-msg asw-alert asw-alert-" + reply.alert, role: "alert" });
        paragraph(alert, reply.text || "");
        group.appendChild(alert);
        return;
      }
      if (reply.part === "sources") {
        answerBubble();
        const sources = el("p", { class: "asw-sources" });
        inline(sources, reply.text);
        footer.appendChild(sources);
      } else if (reply.part === "disclaimer") {
        answerBubble();
        footer.appendChild(disclaimerLine());
      } else if (reply.part === "feedback") {
        answerBubble();
        footer.appendChild(feedbackRow(reply, item));
      } else if (reply.text) {
        answerBubble();
        paragraph(text, reply.text);
      }
      const others = (reply.buttons || []).filter((button) => reply.part !== "feedback" || !isRating(button));
      if (others.length) group.appendChild(choices(others));
    });
    log.appendChild(group);
    return group;
  }

  function renderUser(item) {
    const bubble = el("div", { class: "asw-msg asw-user" }, [el("span", { class: "asw-visually-hidden", text: words.you_said + " " })]);
    bubble.appendChild(document.createTextNode(item.text));
    log.appendChild(bubble);
    if (item.unsent) markUnsent(bubble, item);
    return bubble;
  }

  function markUnsent(bubble, item) {
    if (bubble.querySelector(".asw-unsent")) return;
    bubble.classList.add("asw-failed");
    const retry = el("button", { type: "button", class: "asw-retry", text: words.retry });
    const note = el("div", { class: "asw-unsent" }, [el("span", { text: words.not_sent + " " }), retry]);
    retry.addEventListener("click", () => {
      if (send.disabled) return;
      note.remove();
      bubble.classList.remove("asw-failed");
      deliver(item, bubble);
    });
    bubble.appendChild(note);
  }

  // The new answer's first line at the top of the log: long answers are read from their start.
  function showStart(node) {
    log.scrollTop = Math.max(0, node.offsetTop - 8);
  }

  function setBusy(busy) {
    typing.textContent = busy ? words.typing : "";
    typing.classList.toggle("asw-active", busy);
    send.disabled = busy;
  }

  function conversation() {
    if (state.sender) return Promise.resolve(state.sender);
    return fetch(server + "/webhooks/rest/conversations", { method: "POST" }).then((response) => {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then((body) => {
      state.sender = body.sender;
      save();
      return state.sender;
    });
  }

  // One request; a conversation id the server no longer knows (its key changed) is replaced once.
  function request(payload, renewed) {
    return conversation().then((sender) => fetch(server + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: payload }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })).then((response) => {
      if (response.status === 401 && !renewed) {
        state.sender = null;
        save();
        return request(payload, true);
      }
      if (response.status >= 400 && response.status < 500) {
        // Refused (too long, malformed): the same request would be refused again.
        return response.json().catch(() => null).then((body) => {
          const refused = new Error((body && body.error) || "HTTP " + response.status);
          refused.refused = true;
          throw refused;
        });
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  // The request, retried after RETRY_DELAYS when the server did not answer.
  function post(payload, attempt) {
    return request(payload, false).catch((error) => {
      if (error.refused || attempt >= RETRY_DELAYS.length) throw error;
      status.textContent = words.retrying;
      return new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS[attempt])).then(() => post(payload, attempt + 1));
    });
  }

  let failures = 0;

  function deliver(item, bubble) {
    setBusy(true);
    log.scrollTop = log.scrollHeight;
    post(item.payload || item.text, 0).then((replies) => {
      status.textContent = "";
      failures = 0;
      item.unsent = false;
      item.pending = false;
      const answer = { from: "bot", replies: replies };
      state.history.push(answer);
      save();
      showStart(renderReplies(replies, answer));
    }).catch((error) => {
      if (error.refused) {
        // Say why, and give the text back so nothing typed is lost; the message is not kept.
        status.textContent = error.message;
        bubble.remove();
        if (state.history.includes(item)) state.history.splice(state.history.indexOf(item), 1);
        save();
        if (!item.payload) input.value = item.text;
        return;
      }
      failures += 1;
      item.unsent = true;
      item.pending = false;
      save();
      markUnsent(bubble, item);
      status.textContent = words.unreachable + (failures >= 2 ? " " + words.contact : "");
    }).then(() => {
      setBusy(false);
    });
  }

  function ask(text, payload) {
    // Pending until answered: a page reloaded meanwhile offers to send it again.
    const item = { from: "user", text: text, payload: payload || null, unsent: false, pending: true };
    state.history.push(item);
    save();
    deliver(item, renderUser(item));
    input.focus();
  }

  function setOpen(open, focus) {
    state.open = open;
    save();
    panel.hidden = !open;
    root.classList.toggle("asw-open", open);
    launcher.setAttribute("aria-expanded", String(open));
    launcher.setAttribute("aria-label", open ? words.close : words.open);
    launcher.replaceChildren(icon(open ? CLOSE_ICON : CHAT_ICON));
    if (open && focus) input.focus();
  }

  launcher.addEventListener("click", () => {
    const opening = panel.hidden;
    setOpen(opening, true);
    if (!opening) launcher.focus();
  });
  closeButton.addEventListener("click", () => {
    setOpen(false);
    launcher.focus();
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      setOpen(false);
      launcher.focus();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || send.disabled) return;
    input.value = "";
    ask(text);
  });

  state.history.forEach((item) => {
    if (item.from === "user" && item.pending) {
      item.pending = false;
      item.unsent = true;
    }
    if (item.from === "user") renderUser(item);
    else renderReplies(item.replies || [], item);
  });
  // A reopened page shows the chat as it was, without taking the focus from the page.
  setOpen(state.open, false);

  // Shown once the widget's own style sheet is in: never unstyled.
  styleSheet.addEventListener("load", () => {
    root.hidden = false;
    log.scrollTop = log.scrollHeight;
  });
  styleSheet.addEventListener("error", () => console.error(PROBLEM + "could not load " + styleSheet.href + "."));

  function mount() {
    document.body.appendChild(host);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
