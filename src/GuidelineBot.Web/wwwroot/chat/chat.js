// GuidelineBot web chat. Everything the bot says is put on the page with DOM APIs (textContent), never as HTML.
"use strict";

(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const status = document.getElementById("status");
  const token = document.querySelector('meta[name="request-verification-token"]').content;
  let busy = false;
  let fields = 0;

  // The conversation so far, kept in this tab (sessionStorage, under a name the server gives each person), so that a
  // reload (or signing in again) shows it again: what the person typed or pressed once the bot took it, each reply, and
  // which of a reply's buttons were used. Another person's conversation in this tab (a new id: the earlier session is
  // over) is removed. The newest entries are kept when the tab's storage is full; without storage the page still works.
  const history = (() => {
    const prefix = "guidelinebot.chat.";
    const key = log.dataset.history;
    const limit = 200;
    let entries = [];
    try {
      for (const other of Object.keys(sessionStorage)) {
        if (other.startsWith(prefix) && other !== key) sessionStorage.removeItem(other);
      }
      const stored = key ? JSON.parse(sessionStorage.getItem(key) || "[]") : [];
      const readable = (e) => e && (typeof e.user === "string" || Array.isArray(e.bot?.blocks));
      if (Array.isArray(stored)) entries = stored.filter(readable);
    } catch {
      entries = [];
    }
    function save() {
      if (!key) return;
      for (;;) {
        try {
          sessionStorage.setItem(key, JSON.stringify(entries));
          return;
        } catch {
          if (entries.length <= 1) {
            try {
              sessionStorage.removeItem(key); // better none than an older one
            } catch {
              // No storage at all.
            }
            return;
          }
          entries = entries.slice(Math.ceil(entries.length / 2));
        }
      }
    }
    return {
      restored: entries.slice(),
      add(entry) {
        entries.push(entry);
        if (entries.length > limit) entries = entries.slice(entries.length - limit);
        save();
        return entry;
      },
      changed: save,
    };
  })();
  const entryOf = new WeakMap(); // a reply on the page -> its history entry

  // The question box sticks to the bottom of the window: scrolling (a reply into view, a focused button) stops above it.
  function clearOfForm() {
    document.documentElement.style.scrollPaddingBottom = form.offsetHeight + "px";
  }
  new ResizeObserver(clearOfForm).observe(form);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function safeHref(href) {
    try {
      const url = new URL(href, document.baseURI);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }

  function spans(parent, list) {
    for (const span of list || []) {
      let node;
      const href = span.href ? safeHref(span.href) : null;
      if (href) {
        node = el("a", null, span.text);
        node.href = href;
        node.rel = "noopener noreferrer";
        node.target = "_blank";
      } else if (span.code) {
        node = el("code", null, span.text);
      } else if (span.strong) {
        node = el("strong", null, span.text);
      } else if (span.emphasis) {
        node = el("em", null, span.text);
      } else {
        node = document.createTextNode(span.text);
      }
      parent.appendChild(node);
    }
    return parent;
  }

  function actions(block, inForm) {
    const box = el("div", "buttons");
    const label = block.text && block.text.length ? spans(el("p", "group-label"), block.text) : null;
    const feedback = (block.buttons || []).some((b) => b.kind === "helpful" || b.kind === "notHelpful");
    box.setAttribute("role", "group");
    if (label) {
      label.id = "g" + Math.random().toString(36).slice(2);
      box.setAttribute("aria-labelledby", label.id);
      box.appendChild(label);
    } else {
      box.setAttribute("aria-label", (block.buttons || []).every((b) => b.kind === "ask") ? "Topics" : "Options");
    }
    if (feedback) box.classList.add("feedback");
    for (const b of block.buttons || []) {
      const button = el("button", b.primary ? "primary" : null, b.label);
      button.dataset.kind = b.kind;
      if (inForm) {
        // A form's button submits it (Enter in a field does too), with the fields' values.
        button.type = "submit";
        button.dataset.value = b.value;
      } else {
        button.type = "button";
        button.addEventListener("click", () => press(box, button, b));
      }
      box.appendChild(button);
    }
    return box;
  }

  // A form field: a labelled text box (input or textarea, with the server's maxlength) or a labelled tick box.
  function field(b) {
    const id = "field-" + ++fields;
    const wrap = el("div", b.type === "toggle" ? "field toggle" : "field");
    const label = spans(el("label"), b.text);
    label.htmlFor = id;
    let control;
    if (b.type === "toggle") {
      control = el("input");
      control.type = "checkbox";
      wrap.append(control, label);
    } else {
      control = el(b.multiline ? "textarea" : "input");
      if (!b.multiline) control.type = "text";
      if (b.maxLength) control.maxLength = b.maxLength;
      if (b.placeholder) control.placeholder = b.placeholder;
      control.required = !b.optional;
      control.autocomplete = "off";
      wrap.append(label, control);
    }
    control.id = id;
    control.name = b.id;
    control.dataset.field = b.id;
    return wrap;
  }

  function block(b, inForm) {
    switch (b.type) {
      case "heading":
        return spans(el((b.level || 1) > 1 ? "h4" : "h3"), b.text);
      case "note":
        return spans(el("p", "note"), b.text);
      case "list": {
        const list = el(b.ordered ? "ol" : "ul", "items");
        for (const itemSpans of b.items || []) list.appendChild(spans(el("li"), itemSpans));
        return list;
      }
      case "guidelineText": {
        const quote = el("blockquote", "guideline");
        // A list's items come one a line in one passage: each line a block of its own, a little apart, so that long
        // items that wrap still read as separate items.
        for (const passage of b.passages || []) {
          const p = quote.appendChild(el("p"));
          for (const line of passage.split("\n")) p.appendChild(el("span", "line", line));
        }
        return quote;
      }
      case "actions":
        return actions(b, inForm);
      case "input":
      case "toggle":
        return field(b);
      default:
        return spans(el("p"), b.text);
    }
  }

  function item(who, className) {
    const node = el("div", "msg " + className);
    node.appendChild(el("span", "visually-hidden", who + ": "));
    log.appendChild(node);
    return node;
  }

  function showUser(text) {
    const node = item("You", "user");
    node.appendChild(el("p", null, text)).dir = "auto"; // a right-to-left question reads right to left
    return node;
  }

  // A line the bot did not take (no connection, the rate limit, a server fault) says so, and typed text goes back into
  // the question box (unless something new was typed meanwhile), so nothing the person wrote is lost.
  function notSent(line, typed) {
    line.classList.add("unsent");
    line.appendChild(el("span", "unsent-note", "Not sent"));
    if (typed !== undefined && !input.value) input.value = typed;
  }

  // A reply; entry is its history entry when it is shown again after a reload (else it is recorded as new).
  function showBot(message, entry) {
    const node = item("GuidelineBot", "bot " + (message.kind || ""));
    entryOf.set(node, entry || history.add({ bot: message }));
    const blocks = message.blocks || [];
    // A message with fields is a form: its button posts the fields' values with the button's kind and value.
    const isForm = blocks.some((b) => b.type === "input" || b.type === "toggle");
    const parent = isForm ? node.appendChild(el("form", "form")) : node;
    if (isForm) {
      parent.addEventListener("submit", (event) => {
        event.preventDefault();
        submit(parent, event.submitter || parent.querySelector("button[type=submit]"));
      });
    }
    let previous = null;
    for (const [index, b] of blocks.entries()) {
      const shown = parent.appendChild(block(b, isForm));
      if (b.type === "actions") shown.dataset.block = String(index);
      // A row of buttons right under a heading ("For example:") or a note ("Only the part … is shown.") is named by it,
      // not by the generic label.
      if (b.type === "actions" && !(b.text && b.text.length) && previous
          && (/^H[34]$/.test(previous.tagName) || previous.classList.contains("note"))) {
        previous.id = previous.id || "h" + Math.random().toString(36).slice(2);
        shown.removeAttribute("aria-label");
        shown.setAttribute("aria-labelledby", previous.id);
      }
      previous = shown;
    }
    for (const [group, pressed] of Object.entries((entry && entry.used) || {})) {
      const controls = group === "form"
        ? node.querySelector("form")?.elements
        : node.querySelector(`[data-block="${CSS.escape(group)}"]`)?.querySelectorAll("button");
      if (group === "form") fill(node, entry.sent);
      done(controls || [], buttonsIn(controls || [])[pressed]);
    }
    return node;
  }

  // A sent form shown again after a reload holds what was sent in it.
  function fill(node, sent) {
    for (const control of node.querySelectorAll("[data-field]")) {
      const value = sent && sent[control.dataset.field];
      if (typeof value !== "string") continue;
      if (control.type === "checkbox") control.checked = value === "true";
      else control.value = value;
    }
  }

  // The buttons among a group's or a form's controls: a used one is remembered by its place among them.
  function buttonsIn(controls) {
    return [...controls].filter((c) => c.tagName === "BUTTON");
  }

  // A vote, an onboarding step or a form is given once: its controls are done and the one used is marked pressed.
  function done(controls, used) {
    for (const control of controls) control.disabled = true;
    if (used) used.setAttribute("aria-pressed", "true");
  }

  // What a press or a submit did, for send: once the bot took it, the history remembers it (group: the buttons' block,
  // or "form", with the values sent) so that a reload shows it the same way; if the bot did not take it, its controls
  // work again.
  function given(controls, used, group, sent) {
    done(controls, used);
    return {
      accepted() {
        const entry = entryOf.get(used.closest(".msg"));
        if (!entry) return;
        entry.used = { ...entry.used, [group]: buttonsIn(controls).indexOf(used) };
        if (sent) entry.sent = sent;
        history.changed();
      },
      failed() {
        for (const control of controls) control.disabled = false;
        used.removeAttribute("aria-pressed");
      },
    };
  }

  function focusAfterReply(shown, fromButton) {
    // After a button, move to the newest reply's first field (a form's) or button (onboarding's Next), else back to
    // the question box. When that control sits further down than the window shows above the box (a long topic with
    // Next under it), the reply itself takes the focus, shown from its start: Tab goes on to its controls.
    const last = shown[shown.length - 1];
    const first = fromButton && last
      ? last.querySelector("input:not([disabled]), textarea:not([disabled]), button:not([disabled])")
      : null;
    if (!first) {
      input.focus();
      (last || log.lastElementChild)?.scrollIntoView({ block: "nearest" });
    } else {
      const room = window.innerHeight - form.offsetHeight;
      const top = last.getBoundingClientRect().top;
      const target = first.getBoundingClientRect().bottom - top > room ? last : first;
      if (target === last) last.tabIndex = -1;
      target.focus({ preventScroll: true });
      last.scrollIntoView({ block: last.getBoundingClientRect().height > room ? "start" : "nearest" });
    }
  }

  // A pair is kept, a half alone becomes U+FFFD (no lookbehind: Safari before 16.4 would not load the script).
  const surrogates = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
  const wellFormed = (text) => text.replace(surrogates, (m) => m.length === 2 ? m : "\uFFFD");

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: token },
      // Pasted text can hold half of a surrogate pair, which the server cannot read as text: it becomes U+FFFD, as in Slack.
      body: JSON.stringify(body, (_, value) => typeof value === "string" ? wellFormed(value) : value),
    });
    if (response.status === 401) {
      status.textContent = "Your sign-in has expired. Reloading the page…";
      window.location.reload();
      return null;
    }
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (!response.ok) {
      status.textContent = (data && data.error) || "Something went wrong (" + response.status + "). Please try again.";
      status.classList.add("error");
      return null;
    }
    return data;
  }

  // Posts what the person typed or pressed (said: the line shown for it, if any) and shows the replies. The history gets
  // the line and the replies only when the bot took it; action: what a press or a submit did (given), told the outcome.
  // True when the bot took it.
  async function send(url, body, fromButton, said, action) {
    if (busy) return false;
    busy = true;
    log.setAttribute("aria-busy", "true"); // on the log, not the form: the status line in the form must be announced meanwhile
    status.classList.remove("error");
    status.textContent = "GuidelineBot is looking that up…";
    let data = null;
    try {
      await ready; // what waited for the person (an expert's answer) is shown before this reply
      data = await post(url, body);
      if (!data) return false;
      status.textContent = "";
      if (said !== undefined) history.add({ user: said });
      action?.accepted();
      const shown = (data.messages || []).map((message) => showBot(message));
      focusAfterReply(shown, fromButton);
    } catch {
      status.textContent = "The bot could not be reached. Check your connection and try again.";
      status.classList.add("error");
    } finally {
      if (!data) action?.failed();
      busy = false;
      log.removeAttribute("aria-busy");
    }
    return data !== null;
  }

  function press(box, button, b) {
    if (busy) return;
    const action = b.kind !== "ask" ? given(box.querySelectorAll("button"), button, box.dataset.block) : undefined;
    const said = b.kind !== "helpful" && b.kind !== "notHelpful" ? b.label : undefined;
    const line = said !== undefined ? showUser(said) : null;
    send("chat/actions", { kind: b.kind, value: b.value }, true, said, action).then((taken) => {
      if (!taken && line) notSent(line);
    });
  }

  function submit(formNode, button) {
    if (busy || !button) return;
    const inputs = {};
    for (const control of formNode.querySelectorAll("[data-field]")) {
      inputs[control.dataset.field] = control.type === "checkbox" ? String(control.checked) : control.value.trim();
    }
    const action = given(formNode.elements, button, "form", inputs);
    const line = showUser(button.textContent);
    const body = { kind: button.dataset.kind, value: button.dataset.value, inputs };
    send("chat/actions", body, true, button.textContent, action).then((taken) => {
      if (!taken) notSent(line);
    });
  }

  // Once when the page opens: what waits for the person (an expert's answer to a question they sent), shown once.
  async function opened() {
    try {
      const data = await post("chat/opened", {});
      const shown = ((data && data.messages) || []).map((message) => showBot(message));
      if (shown.length) shown[shown.length - 1].scrollIntoView({ block: "nearest" });
    } catch {
      // The bot could not be reached: the question box still works, and says so when used.
    }
  }

  // The box takes at most its maxlength (a longer paste is cut there): say so rather than cut it silently, and take the
  // notice back once the question is shorter (never over the "looking that up" line of a question on its way).
  const tooLong = "A question can be up to " + input.maxLength.toLocaleString("en") + " characters long.";
  input.addEventListener("input", () => {
    if (busy) return;
    if (input.maxLength > 0 && input.value.length >= input.maxLength) {
      status.classList.remove("error");
      status.textContent = tooLong;
    } else if (status.textContent === tooLong) {
      status.textContent = "";
    }
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      status.classList.remove("error");
      status.textContent = "Type a question first.";
      input.value = "";
      input.focus();
      return;
    }
    if (busy) return;
    const line = showUser(text);
    input.value = "";
    send("chat/messages", { text }, false, text).then((taken) => {
      if (!taken) notSent(line, text);
    });
  });

  // The greeting comes with the page, so it is first in the log before anything can be typed. The log is silent while
  // it is added (a screen reader starts at the page, not with the greeting read out over the focused box), then
  // announces what follows.
  try {
    // {}: an entry of its own, never stored (every page starts with the greeting).
    for (const message of JSON.parse(log.dataset.greeting || "{}").messages || []) showBot(message, {});
  } catch {
    // No greeting: the page works without it.
  }
  // Then the conversation this tab had before a reload, also silently, scrolled to its end.
  for (const entry of history.restored) {
    const shownBefore = log.childElementCount;
    try {
      if (typeof entry.user === "string") showUser(entry.user);
      else showBot(entry.bot, entry);
    } catch {
      // An entry this version of the page cannot show is skipped, with whatever of it was added.
      while (log.childElementCount > shownBefore) log.lastElementChild.remove();
    }
  }
  clearOfForm(); // now, not when the observer first runs: the newest message must end above the question box
  log.lastElementChild?.scrollIntoView({ block: "end" });
  log.setAttribute("aria-live", "polite");
  input.focus();
  const ready = opened();
})();
