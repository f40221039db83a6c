/*
 * Acne-scar assistant chat widget. No framework, no build step.
 *
 *   <script src="https://bot.example/webhooks/widget/widget.js"
 *           data-server="https://bot.example" data-title="Ask about acne scars"
 *           data-primary="#0b5cad" data-greeting="Hi! Ask me about acne scars."></script>
 *
 * or set window.AcneScarWidgetConfig = {server, title, primary, greeting} before
 * the script loads. It talks to Rasa's REST channel; the conversation id is one
 * the server issued (POST /webhooks/rest/conversations), kept in sessionStorage,
 * so a reload keeps the conversation and nothing outlives the tab.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var given = window.AcneScarWidgetConfig || {};
  var config = {
    server: (given.server || data.server || "").replace(/\/$/, ""),
    title: given.title || data.title || "Acne-scar assistant",
    primary: given.primary || data.primary || "#0b5cad",
    greeting: given.greeting || data.greeting ||
      "Hi! I answer general questions about acne scars: causes, types, treatments and prevention.",
  };
  var STORE = "acne-scar-widget";
  var RETRY_DELAYS = [1000, 2000, 4000, 8000];

  function load() {
    try {
      return JSON.parse(sessionStorage.getItem(STORE)) || null;
    } catch (error) {
      return null;
    }
  }

  var state = load() || { sender: null, open: false, messages: [] };
  function save() {
    sessionStorage.setItem(STORE, JSON.stringify(state));
  }
  save();

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  // Bot text is never parsed as HTML: text nodes only, and http(s) links as anchors.
  function renderText(container, text) {
    var url = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;
    text.split("\n").forEach(function (line, index) {
      if (index) container.appendChild(document.createElement("br"));
      var last = 0, match;
      while ((match = url.exec(line))) {
        container.appendChild(document.createTextNode(line.slice(last, match.index)));
        container.appendChild(el("a", { href: match[0], target: "_blank", rel: "noopener noreferrer", text: match[0] }));
        last = match.index + match[0].length;
      }
      container.appendChild(document.createTextNode(line.slice(last)));
    });
  }

  // A speech bubble drawn in SVG: no icon font or emoji font needed.
  function chatIcon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "28");
    svg.setAttribute("height", "28");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z");
    svg.appendChild(path);
    return svg;
  }

  var root = el("div", { class: "asw", "data-testid": "acne-scar-widget" });
  root.style.setProperty("--asw-primary", config.primary);
  var launcher = el("button", {
    class: "asw-launcher", type: "button", "aria-controls": "asw-panel", "aria-expanded": "false",
    "aria-label": "Open the acne-scar assistant chat",
  }, [chatIcon()]);
  var closeButton = el("button", { class: "asw-close", type: "button", "aria-label": "Close the chat", text: "×" });
  var log = el("div", { class: "asw-log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0" });
  var typing = el("div", { class: "asw-typing", role: "status", "aria-live": "polite" });
  var status = el("div", { class: "asw-status", role: "alert" });
  var input = el("input", { class: "asw-input", id: "asw-input", type: "text", autocomplete: "off", maxlength: "1000" });
  var label = el("label", { for: "asw-input", class: "asw-visually-hidden", text: "Your question about acne scars" });
  var send = el("button", { class: "asw-send", type: "submit", text: "Send" });
  var form = el("form", { class: "asw-form" }, [label, input, send]);
  var panel = el("section", {
    class: "asw-panel", id: "asw-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "asw-title", hidden: "",
  }, [
    el("header", { class: "asw-header" }, [el("h2", { id: "asw-title", text: config.title }), closeButton]),
    log, typing, status, form,
  ]);
  root.appendChild(panel);
  root.appendChild(launcher);

  function addMessage(message, remember) {
    // Emergency and crisis replies stand out, and a screen reader announces them at once.
    var alert = message.alert === "emergency" || message.alert === "crisis";
    var bubble = el("div", alert
      ? { class: "asw-msg asw-bot asw-alert asw-alert-" + message.alert, role: "alert" }
      : { class: "asw-msg asw-" + message.from });
    var who = el("span", { class: "asw-visually-hidden", text: message.from === "user" ? "You said: " : alert ? "Urgent: " : "Assistant: " });
    bubble.appendChild(who);
    var body = el("div", { class: "asw-text" });
    renderText(body, message.text);
    bubble.appendChild(body);
    log.appendChild(bubble);
    if (message.buttons && message.buttons.length) {
      var group = el("div", { class: "asw-buttons", role: "group", "aria-label": "Suggested questions" });
      message.buttons.forEach(function (button) {
        var choice = el("button", { type: "button", class: "asw-choice", text: button.title });
        choice.addEventListener("click", function () {
          group.remove();
          message.buttons = [];
          save();
          ask(button.title, button.payload);
        });
        group.appendChild(choice);
      });
      log.appendChild(group);
    }
    if (remember) {
      state.messages.push(message);
      save();
    }
    log.scrollTop = log.scrollHeight;
  }

  function setBusy(busy) {
    typing.textContent = busy ? "The assistant is typing…" : "";
    typing.classList.toggle("asw-active", busy);
    send.disabled = busy;
  }

  // The conversation id the server issued, asked for once per conversation.
  function conversation() {
    if (state.sender) return Promise.resolve(state.sender);
    return fetch(config.server + "/webhooks/rest/conversations", { method: "POST" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (body) {
      state.sender = body.sender;
      save();
      return state.sender;
    });
  }

  function post(payload, attempt, renewed) {
    return conversation().then(function (sender) {
      return fetch(config.server + "/webhooks/rest/webhook", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: sender, message: payload }),
      });
    }).then(function (response) {
      if (response.status === 401 && !renewed) {
        // The server no longer knows this id (its key changed): start a new conversation.
        state.sender = null;
        save();
        return post(payload, attempt, true);
      }
      if (response.status >= 400 && response.status < 500) {
        // Refused (too long, malformed): the same request would be refused again.
        return response.json().catch(function () { return null; }).then(function (body) {
          var refused = new Error((body && body.error) || "HTTP " + response.status);
          refused.refused = true;
          throw refused;
        });
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      status.textContent = "";
      return response.json();
    }).catch(function (error) {
      if (error.refused || attempt >= RETRY_DELAYS.length) throw error;
      status.textContent = "The assistant can't be reached right now. Retrying…";
      return new Promise(function (resolve) { setTimeout(resolve, RETRY_DELAYS[attempt]); })
        .then(function () { return post(payload, attempt + 1, renewed); });
    });
  }

  function ask(text, payload) {
    addMessage({ from: "user", text: text }, true);
    setBusy(true);
    post(payload || text, 0).then(function (replies) {
      replies.filter(function (reply) { return reply.text; }).forEach(function (reply) {
        addMessage({ from: "bot", text: reply.text, buttons: reply.buttons || [], alert: reply.alert }, true);
      });
    }).catch(function (error) {
      if (error.refused) {
        // Say why, and give the text back so nothing typed is lost.
        status.textContent = error.message;
        if (!payload) input.value = text;
        return;
      }
      status.textContent = "Sorry, the assistant is unavailable. Please try again later or contact the clinic.";
    }).then(function () {
      setBusy(false);
      input.focus();
    });
  }

  function setOpen(open) {
    state.open = open;
    save();
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    launcher.setAttribute("aria-label", open ? "Close the acne-scar assistant chat" : "Open the acne-scar assistant chat");
    if (open) input.focus();
  }

  launcher.addEventListener("click", function () { setOpen(panel.hidden); if (panel.hidden) launcher.focus(); });
  closeButton.addEventListener("click", function () { setOpen(false); launcher.focus(); });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { setOpen(false); launcher.focus(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || send.disabled) return;
    input.value = "";
    ask(text);
  });

  addMessage({ from: "bot", text: config.greeting }, false);
  state.messages.forEach(function (message) { addMessage(message, false); });

  function mount() {
    if (script && script.src) {
      document.head.appendChild(el("link", { rel: "stylesheet", href: script.src.replace(/widget\.js(\?.*)?$/, "widget.css") }));
    }
    document.body.appendChild(root);
    if (state.open) setOpen(true);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
