/* The chat widget: one conversation with Rasa's socketio channel, kept across page reloads.
 *
 * <script src="…/widget.js" data-rasa-url="http://localhost:5005"></script> adds a chat
 * button to any page; with data-target="#id" the chat fills that element instead.
 * Rasa (channels/socketio_sessions.py) issues a signed session id in session_confirm; the widget
 * keeps that id and the shown messages in localStorage, and after a reload asks for the same
 * session, so Rasa continues the conversation. A question is shown as typed only until Rasa
 * confirms it (`user_confirmed`) with client data redacted; only that redacted text is shown
 * and kept. Bot text goes through renderMarkdown (DOM nodes only); user text is only ever textContent.
 */
(function () {
  "use strict";

  var TEXT = {
    title: "Armoede-assistent",
    subtitle: "Fondsen, signalen en gesprekstips, met bron",
    privacy: "Noem geen namen of andere herleidbare gegevens van cliënten.",
    welcome: "Hallo! Ik beantwoord vragen over armoede in gezinnen: welk fonds iets betaalt, welke " +
      "signalen je ziet en hoe je het gesprek begint. Elk antwoord noemt de bron.\nBijvoorbeeld:",
    examples: ["Welk fonds betaalt een fiets voor een kind van 10?", "Hoe begin ik over geldzorgen met een puber?"],
    label: "Stel je vraag",
    placeholder: "Typ je vraag",
    send: "Verstuur",
    reset: "Nieuw gesprek",
    resetHint: "Wist dit gesprek uit deze browser en begint opnieuw",
    log: "Gesprek",
    you: "Jij: ",
    bot: "Assistent: ",
    connecting: "Verbinden met de assistent…",
    offline: "Geen verbinding met de assistent. Ik probeer het opnieuw…",
    typing: "De assistent zoekt het op…",
    noAnswer: "Er kwam geen antwoord. Probeer het nog eens of stel je vraag anders.",
    open: "Chat met de armoede-assistent",
    close: "Chat sluiten",
    region: "Chat met de armoede-assistent"
  };
  var MAX_STORED = 200;
  var ANSWER_TIMEOUT_MS = 45000;

  var script = document.currentScript ||
    document.querySelector('script[src$="/widget.js"], script[src*="/widget.js?"]');
  var scriptSrc = script && script.src ? script.src : location.href;

  function attr(name, fallback) {
    var value = script && script.getAttribute(name);
    return value ? value : fallback;
  }

  var config = {
    rasaUrl: attr("data-rasa-url", "http://localhost:5005").replace(/\/+$/, ""),
    socketPath: attr("data-socket-path", "/socket.io/"),
    target: attr("data-target", null),
    stylesheet: new URL("widget.css", scriptSrc).href
  };
  var storageKey = "armoedeChat:" + config.rasaUrl;
  var counter = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  var SESSION_ID = /^[\w-]{8,128}$/;

  /* A reference that pairs a sent question with Rasa's confirmation of it. */
  function newRef() {
    var bytes = new Uint8Array(8);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  /* --- what is kept across reloads -------------------------------------------------- */

  function cleanButtons(buttons) {
    return (Array.isArray(buttons) ? buttons : []).filter(function (b) {
      return b && typeof b.title === "string" && typeof b.payload === "string";
    }).map(function (b) { return { title: b.title, payload: b.payload }; });
  }

  function cleanMessage(m) {
    if (!m || (m.from !== "user" && m.from !== "bot") || typeof m.text !== "string") return null;
    return { from: m.from, text: m.text, buttons: cleanButtons(m.buttons) };
  }

  function loadState() {
    try {
      var data = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (data && (data.sessionId === null || SESSION_ID.test(data.sessionId)) && Array.isArray(data.messages)) {
        return { sessionId: data.sessionId, messages: data.messages.map(cleanMessage).filter(Boolean) };
      }
    } catch (e) { /* unreadable or blocked storage: start afresh */ }
    return { sessionId: null, messages: [] };   // Rasa issues the session id
  }

  function saveState(state) {
    try {
      localStorage.setItem(storageKey, JSON.stringify({
        sessionId: state.sessionId, messages: state.messages.slice(-MAX_STORED)
      }));
    } catch (e) { /* storage full or blocked: the conversation just is not kept */ }
  }

  /* --- the widget ------------------------------------------------------------------- */

  function Chat(container, floating) {
    var self = this;
    var id = "armoede-chat-" + (++counter);
    this.state = loadState();
    this.pending = [];          // questions not yet sent: {message, ref}
    this.unconfirmed = {};      // sent, shown as typed, not kept until Rasa confirms them: ref -> {bubble, shown, payload}
    this.ready = false;
    this.waiting = null;
    this.socket = null;
    this.lostConnection = false;

    var root = this.root = el("section", "ac-root ac-widget" + (floating ? " ac-floating" : ""));
    root.id = id;
    root.setAttribute("aria-label", TEXT.region);

    var header = el("div", "ac-header");
    var titles = el("div", "ac-titles");
    titles.appendChild(el("h2", "ac-title", TEXT.title));
    titles.appendChild(el("p", "ac-subtitle", TEXT.subtitle));
    header.appendChild(titles);
    var reset = el("button", "ac-button ac-reset", TEXT.reset);
    reset.type = "button";
    reset.title = TEXT.resetHint;
    reset.addEventListener("click", function () { self.reset(); });
    header.appendChild(reset);
    if (floating) {
      this.closeButton = el("button", "ac-button ac-close", "×");
      this.closeButton.type = "button";
      this.closeButton.setAttribute("aria-label", TEXT.close);
      header.appendChild(this.closeButton);
    }
    root.appendChild(header);
    root.appendChild(el("p", "ac-privacy", TEXT.privacy));

    this.log = el("div", "ac-log");
    this.log.setAttribute("role", "log");
    this.log.setAttribute("aria-live", "polite");
    this.log.setAttribute("aria-relevant", "additions");
    this.log.setAttribute("aria-label", TEXT.log);
    this.log.tabIndex = 0;
    root.appendChild(this.log);
    // Follow the newest message while the reader is at the bottom: the log changes height after it is
    // first laid out (a reload fills it before it is in the page), with the status line and the phone keyboard.
    this.atBottom = true;
    this.log.addEventListener("scroll", function () {
      self.atBottom = self.log.scrollTop + self.log.clientHeight >= self.log.scrollHeight - 8;
    });
    if (window.ResizeObserver) {
      new ResizeObserver(function () { if (self.atBottom) self.scrollDown(); }).observe(this.log);
    }

    this.status = el("p", "ac-status");
    this.status.setAttribute("role", "status");
    root.appendChild(this.status);

    var form = this.form = el("form", "ac-form");
    form.setAttribute("novalidate", "");
    var label = el("label", "ac-label", TEXT.label);
    label.htmlFor = id + "-input";
    var row = el("div", "ac-row");
    var input = this.input = el("input", "ac-input");
    input.id = id + "-input";
    input.type = "text";
    input.name = "message";
    input.autocomplete = "off";
    input.maxLength = 1000;
    input.placeholder = TEXT.placeholder;
    input.setAttribute("enterkeyhint", "send");
    var submit = el("button", "ac-button ac-send", TEXT.send);
    submit.type = "submit";
    row.appendChild(input);
    row.appendChild(submit);
    form.appendChild(label);
    form.appendChild(row);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) { input.focus(); return; }
      input.value = "";
      self.send(text, text);
      input.focus();
    });
    root.appendChild(form);

    this.renderAll();        // before the log is in the document: restoring is not announced
    container.appendChild(root);
    this.scrollDown();       // only now has the log a height: open at the latest message
  }

  Chat.prototype.renderAll = function () {
    var self = this;
    this.log.textContent = "";
    this.quick = null;
    this.log.appendChild(this.welcome());
    this.state.messages.forEach(function (message, index) {
      var last = index === self.state.messages.length - 1;
      self.appendMessage(message, last);
    });
    this.scrollDown();
  };

  Chat.prototype.welcome = function () {
    var self = this;
    var wrap = el("div", "ac-msg ac-msg-bot ac-welcome");
    var bubble = el("div", "ac-bubble");
    bubble.appendChild(renderMarkdown(TEXT.welcome));
    wrap.appendChild(bubble);
    var examples = el("div", "ac-quick");
    TEXT.examples.forEach(function (question) {
      var button = el("button", "ac-button ac-choice", question);
      button.type = "button";
      button.addEventListener("click", function () { self.send(question, question); self.input.focus(); });
      examples.appendChild(button);
    });
    wrap.appendChild(examples);
    return wrap;
  };

  /* One message into the log (returns its bubble); a bot message's buttons only while it is the last message. */
  Chat.prototype.appendMessage = function (message, withButtons) {
    var self = this;
    var user = message.from === "user";
    var wrap = el("div", "ac-msg " + (user ? "ac-msg-user" : "ac-msg-bot"));
    var bubble = el("div", "ac-bubble");
    bubble.appendChild(el("span", "ac-visually-hidden", user ? TEXT.you : TEXT.bot));
    if (user) bubble.appendChild(document.createTextNode(message.text));
    else bubble.appendChild(renderMarkdown(message.text));
    wrap.appendChild(bubble);
    this.log.appendChild(wrap);
    if (this.quick) { this.quick.remove(); this.quick = null; }
    if (!user && withButtons && message.buttons.length) {
      var quick = this.quick = el("div", "ac-quick");
      message.buttons.forEach(function (b) {
        var button = el("button", "ac-button ac-choice", b.title);
        button.type = "button";
        button.addEventListener("click", function () { self.send(b.payload, b.title); self.input.focus(); });
        quick.appendChild(button);
      });
      this.log.appendChild(quick);
    }
    this.scrollDown();
    return bubble;
  };

  Chat.prototype.addMessage = function (message) {
    this.state.messages.push(message);
    if (this.state.messages.length > MAX_STORED) this.state.messages.shift();
    saveState(this.state);
    this.appendMessage(message, true);
  };

  Chat.prototype.scrollDown = function () {
    this.log.scrollTop = this.log.scrollHeight;
    this.atBottom = true;
  };

  Chat.prototype.setStatus = function (text) {
    if (this.status.textContent !== text) this.status.textContent = text;
  };

  Chat.prototype.updateStatus = function () {
    if (!this.ready) this.setStatus(this.lostConnection ? TEXT.offline : TEXT.connecting);
    else if (this.waiting) this.setStatus(TEXT.typing);
    else this.setStatus("");
  };

  /* Show `shown` (a question, or a button's title), send `text` (the question, or the payload).
   * Shown, not kept: what is kept is Rasa's redacted text (see confirm). */
  Chat.prototype.send = function (text, shown) {
    var self = this;
    var ref = newRef();
    var bubble = this.appendMessage({ from: "user", text: shown, buttons: [] }, false);
    bubble.parentNode.classList.add("ac-unconfirmed");
    this.unconfirmed[ref] = { bubble: bubble, shown: shown, payload: text !== shown };
    this.pending.push({ message: text, ref: ref });
    clearTimeout(this.waiting);
    this.waiting = setTimeout(function () {
      self.waiting = null;
      self.updateStatus();
      if (self.ready) self.setStatus(TEXT.noAnswer);
    }, ANSWER_TIMEOUT_MS);
    this.connect();
    this.flush();
    this.updateStatus();
  };

  /* Messages go out only after session_confirm, so Rasa has put this connection in the session's room. */
  Chat.prototype.flush = function () {
    while (this.ready && this.pending.length) {
      var next = this.pending.shift();
      this.socket.emit("user_uttered", { message: next.message, ref: next.ref, session_id: this.state.sessionId });
    }
  };

  /* Rasa's user_confirmed event: the question as Rasa keeps it, client data replaced by [BSN], [NAAM] …
   * That text replaces what was typed, on screen and in localStorage. A button keeps its title. */
  Chat.prototype.confirm = function (data) {
    var sent = data && typeof data.ref === "string" && this.unconfirmed[data.ref];
    if (!sent || typeof data.text !== "string") return;
    delete this.unconfirmed[data.ref];
    var text = sent.payload ? sent.shown : data.text;
    sent.bubble.lastChild.textContent = text;
    sent.bubble.parentNode.classList.remove("ac-unconfirmed");
    this.state.messages.push({ from: "user", text: text, buttons: [] });
    if (this.state.messages.length > MAX_STORED) this.state.messages.shift();
    saveState(this.state);
  };

  /* A bot_uttered event: { text, quick_replies | buttons } from Rasa's socketio channel. */
  Chat.prototype.receive = function (data) {
    if (!data || typeof data !== "object") return;
    var text = typeof data.text === "string" ? data.text : "";
    var buttons = cleanButtons(data.quick_replies || data.buttons);
    if (!text && !buttons.length) return;
    clearTimeout(this.waiting);
    this.waiting = null;
    this.addMessage({ from: "bot", text: text, buttons: buttons });
    this.updateStatus();
  };

  Chat.prototype.connect = function () {
    var self = this;
    if (this.socket) return;
    var socket = this.socket = io(config.rasaUrl, {
      path: config.socketPath,
      transports: ["websocket", "polling"],   // websocket first; long-polling when a proxy blocks it
      tryAllTransports: true,
      reconnectionDelayMax: 10000
    });
    socket.on("connect", function () {
      self.lostConnection = false;
      socket.emit("session_request", { session_id: self.state.sessionId });
    });
    socket.on("session_confirm", function (sessionId) {
      var confirmed = typeof sessionId === "string" ? sessionId : sessionId && sessionId.session_id;
      if (confirmed && confirmed !== self.state.sessionId && SESSION_ID.test(confirmed)) {
        self.state.sessionId = confirmed;
        saveState(self.state);
      }
      self.ready = true;
      self.flush();
      self.updateStatus();
    });
    socket.on("user_confirmed", function (data) { self.confirm(data); });
    socket.on("bot_uttered", function (data) { self.receive(data); });
    socket.on("disconnect", function () { self.ready = false; self.lostConnection = true; self.updateStatus(); });
    socket.on("connect_error", function () { self.ready = false; self.lostConnection = true; self.updateStatus(); });
    this.updateStatus();
  };

  /* "Nieuw gesprek": forget this conversation here, and continue under a new session id. */
  Chat.prototype.reset = function () {
    clearTimeout(this.waiting);
    this.waiting = null;
    this.pending = [];
    this.unconfirmed = {};
    try { localStorage.removeItem(storageKey); } catch (e) { /* nothing kept */ }
    this.state = { sessionId: null, messages: [] };   // the new connection gets a new id from Rasa
    saveState(this.state);
    this.renderAll();
    if (this.socket) {
      this.socket.disconnect();             // a fresh connection joins only the new session's room
      this.ready = false;
      this.lostConnection = false;
      this.socket.connect();
    }
    this.updateStatus();
    this.input.focus();
  };

  /* --- mounting ----------------------------------------------------------------------- */

  function ensureStylesheet() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) if (links[i].href === config.stylesheet) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = config.stylesheet;
    document.head.appendChild(link);
  }

  function mountFloating() {
    var launcher = el("button", "ac-root ac-button ac-launcher", TEXT.open);
    launcher.type = "button";
    launcher.setAttribute("aria-expanded", "false");
    document.body.appendChild(launcher);
    var host = el("div", "ac-floating-host");
    host.hidden = true;
    document.body.appendChild(host);
    var chat = new Chat(host, true);
    launcher.setAttribute("aria-controls", chat.root.id);
    function show(open) {
      host.hidden = !open;
      launcher.hidden = open;
      launcher.setAttribute("aria-expanded", String(open));
      if (open) { chat.connect(); chat.scrollDown(); chat.input.focus(); } else launcher.focus();
    }
    launcher.addEventListener("click", function () { show(true); });
    chat.closeButton.addEventListener("click", function () { show(false); });
    chat.root.addEventListener("keydown", function (event) { if (event.key === "Escape") show(false); });
    return chat;
  }

  function mount() {
    ensureStylesheet();
    var target = config.target ? document.querySelector(config.target) : null;
    var chat;
    if (target) {
      chat = new Chat(target, false);
      chat.connect();
    } else {
      chat = mountFloating();
    }
    window.ArmoedeChat.instances.push(chat);
  }

  window.ArmoedeChat = window.ArmoedeChat || { instances: [] };
  window.ArmoedeChat.renderMarkdown = renderMarkdown;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
}());
