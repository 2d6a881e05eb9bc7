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
      } else if (span.strong) {
        node = el("strong", null, span.text);
      } else if (span.emphasis) {
        node = el("em", null, span.text);
      } else {
        node = document.createTextNode(span.text);
      }
      parent.appendChild(node);
    }
  }

  function blocks(parent, list) {
    let ul = null;
    for (const block of list || []) {
      if (block.kind === "bullet") {
        if (!ul) {
          ul = el("ul", "bullets");
          parent.appendChild(ul);
        }
        const li = el("li");
        li.style.marginInlineStart = (block.depth || 0) * 1.25 + "rem";
        spans(li, block.spans);
        ul.appendChild(li);
        continue;
      }
      ul = null;
      const tag = block.kind === "heading" ? "h3" : block.kind === "quote" ? "blockquote" : "p";
      const node = el(tag, block.kind);
      spans(node, block.spans);
      parent.appendChild(node);
    }
  }

  function item(who, className) {
    const li = el("li", "msg " + className);
    li.appendChild(el("span", "visually-hidden", who + ": "));
    log.appendChild(li);
    return li;
  }

  function showUser(text) {
    item("You", "user").appendChild(el("p", null, text));
  }

  function showBot(message) {
    const li = item("GuidelineBot", "bot " + (message.kind || ""));
    blocks(li, message.blocks);
    if (message.citation) {
      const cite = el("p", "citation");
      const href = message.citation.href ? safeHref(message.citation.href) : null;
      cite.appendChild(document.createTextNode("Source: "));
      if (href) {
        const a = el("a", null, message.citation.text);
        a.href = href;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        cite.appendChild(a);
      } else {
        cite.appendChild(el("cite", null, message.citation.text));
      }
      li.appendChild(cite);
    }
    for (const group of message.buttons || []) {
      const box = el("div", "buttons " + (group.kind || ""));
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", group.label);
      if (group.label) box.appendChild(el("p", "group-label", group.label));
      for (const b of group.buttons) {
        const button = el("button", b.primary ? "primary" : null, b.label);
        button.type = "button";
        button.addEventListener("click", () => press(group, box, button, b));
        box.appendChild(button);
      }
      li.appendChild(box);
    }
    return li;
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

  function press(group, box, button, b) {
    if (busy) return;
    if (group.kind === "feedback" || group.kind === "choices") {
      for (const other of box.querySelectorAll("button")) other.disabled = true;
      button.setAttribute("aria-pressed", "true");
    }
    if (group.kind !== "feedback") showUser(b.label);
    send("chat/actions", { value: b.value }, true);
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
