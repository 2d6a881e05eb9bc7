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

  // The question box sticks to the bottom of the window: scrolling (a reply into view, a focused button) stops above it.
  new ResizeObserver(() => {
    document.documentElement.style.scrollPaddingBottom = form.offsetHeight + "px";
  }).observe(form);

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
        for (const passage of b.passages || []) quote.appendChild(el("p", null, passage));
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
    item("You", "user").appendChild(el("p", null, text));
  }

  function showBot(message) {
    const node = item("GuidelineBot", "bot " + (message.kind || ""));
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
    for (const b of blocks) {
      const shown = parent.appendChild(block(b, isForm));
      // A row of buttons right under a heading ("For example:") is named by that heading, not by the generic label.
      if (b.type === "actions" && !(b.text && b.text.length) && previous && /^H[34]$/.test(previous.tagName)) {
        previous.id = previous.id || "h" + Math.random().toString(36).slice(2);
        shown.removeAttribute("aria-label");
        shown.setAttribute("aria-labelledby", previous.id);
      }
      previous = shown;
    }
    return node;
  }

  function focusAfterReply(shown, fromButton) {
    // After a button, move to the newest reply's first field (a form's) or button (onboarding's Next), else back to
    // the question box.
    const first = fromButton && shown.length
      ? shown[shown.length - 1].querySelector("input:not([disabled]), textarea:not([disabled]), button:not([disabled])")
      : null;
    (first || input).focus();
    (shown[shown.length - 1] || log.lastElementChild)?.scrollIntoView({ block: "nearest" });
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: token },
      body: JSON.stringify(body),
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

  async function send(url, body, fromButton) {
    if (busy) return;
    busy = true;
    log.setAttribute("aria-busy", "true"); // on the log, not the form: the status line in the form must be announced meanwhile
    status.classList.remove("error");
    status.textContent = "GuidelineBot is looking that up…";
    try {
      await ready; // what waited for the person (an expert's answer) is shown before this reply
      const data = await post(url, body);
      if (!data) return;
      status.textContent = "";
      const shown = (data.messages || []).map(showBot);
      focusAfterReply(shown, fromButton);
    } catch {
      status.textContent = "The bot could not be reached. Check your connection and try again.";
      status.classList.add("error");
    } finally {
      busy = false;
      log.removeAttribute("aria-busy");
    }
  }

  function press(box, button, b) {
    if (busy) return;
    if (b.kind !== "ask") {
      // A vote or an onboarding step is given once: the group's buttons are done.
      for (const other of box.querySelectorAll("button")) other.disabled = true;
      button.setAttribute("aria-pressed", "true");
    }
    if (b.kind !== "helpful" && b.kind !== "notHelpful") showUser(b.label);
    send("chat/actions", { kind: b.kind, value: b.value }, true);
  }

  function submit(formNode, button) {
    if (busy || !button) return;
    const inputs = {};
    for (const control of formNode.querySelectorAll("[data-field]")) {
      inputs[control.dataset.field] = control.type === "checkbox" ? String(control.checked) : control.value.trim();
    }
    // Sent once: the form's fields and buttons are done.
    for (const control of formNode.elements) control.disabled = true;
    button.setAttribute("aria-pressed", "true");
    showUser(button.textContent);
    send("chat/actions", { kind: button.dataset.kind, value: button.dataset.value, inputs }, true);
  }

  // Once when the page opens: what waits for the person (an expert's answer to a question they sent), shown once.
  async function opened() {
    try {
      const data = await post("chat/opened", {});
      const shown = ((data && data.messages) || []).map(showBot);
      if (shown.length) shown[shown.length - 1].scrollIntoView({ block: "nearest" });
    } catch {
      // The bot could not be reached: the question box still works, and says so when used.
    }
  }

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
    showUser(text);
    input.value = "";
    send("chat/messages", { text }, false);
  });

  // The greeting comes with the page, so it is first in the log before anything can be typed. The log is silent while
  // it is added (a screen reader starts at the page, not with the greeting read out over the focused box), then
  // announces what follows.
  try {
    for (const message of JSON.parse(log.dataset.greeting || "{}").messages || []) showBot(message);
  } catch {
    // No greeting: the page works without it.
  }
  log.setAttribute("aria-live", "polite");
  input.focus();
  const ready = opened();
})();
