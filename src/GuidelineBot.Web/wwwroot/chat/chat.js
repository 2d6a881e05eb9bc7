// GuidelineBot web chat. Everything the bot says is put on the page with DOM APIs (textContent), never as HTML.
"use strict";

(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const status = document.getElementById("status");
  const token = document.querySelector('meta[name="request-verification-token"]').content;
  let busy = false;

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

  function actions(block) {
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
      button.type = "button";
      button.dataset.kind = b.kind;
      button.addEventListener("click", () => press(box, button, b));
      box.appendChild(button);
    }
    return box;
  }

  function block(b) {
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
        return actions(b);
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
    for (const b of message.blocks || []) node.appendChild(block(b));
    return node;
  }

  function focusAfterReply(shown, fromButton) {
    // After a button, move to the first button of the newest reply (onboarding's Next), else back to the question box.
    const first = fromButton && shown.length ? shown[shown.length - 1].querySelector("button:not([disabled])") : null;
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
    form.setAttribute("aria-busy", "true");
    status.classList.remove("error");
    status.textContent = "GuidelineBot is looking that up…";
    try {
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
      form.removeAttribute("aria-busy");
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

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      status.textContent = "Type a question first.";
      input.focus();
      return;
    }
    if (busy) return;
    showUser(text);
    input.value = "";
    send("chat/messages", { text }, false);
  });

  input.focus();
})();
