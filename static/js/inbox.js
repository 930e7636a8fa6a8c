/* The PA's inbox, live: a new message updates that young person's row (unread count, latest
 * message, last heard from) and moves it to the top, as a reload would. Without this file
 * the inbox is the same list, fresh on every load. */
(() => {
  "use strict";

  const inbox = document.getElementById("inbox");
  const statusLine = document.getElementById("chat-status");
  const announcer = document.getElementById("chat-announce");
  if (!inbox || !window.PortalLive || !("WebSocket" in window)) return;

  const me = Number(inbox.dataset.me);
  const dateFormat = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  const seen = new Set();

  function truncate(text, length) {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
  }

  function update(message) {
    if (seen.has(message.id)) return;
    seen.add(message.id);
    const row = inbox.querySelector(`li[data-conversation="${message.conversation}"]`);
    if (!row) {
      statusLine.textContent = "There are new messages for someone not on this list: reload the page.";
      return;
    }
    const latest = row.querySelector("[data-latest]");
    latest.textContent = truncate(message.body, 80);
    latest.hidden = false;
    if (message.sender.id === me) return;
    const unread = row.querySelector("[data-unread]");
    const count = Number(unread.dataset.unread) + 1;
    unread.dataset.unread = count;
    unread.textContent = `${count} unread`;
    unread.hidden = false;
    if (message.sender.id === Number(row.dataset.youngPerson)) {
      row.querySelector("[data-last-contact]").textContent = dateFormat.format(
        new Date(message.created_at),
      );
      const overdue = row.querySelector("[data-overdue]");
      if (overdue) overdue.remove();
    }
    inbox.prepend(row);
    announcer.textContent = `New message from ${message.sender.name}`;
  }

  /* After a reconnect, whatever came in meanwhile: fetch the list again rather than guess. */
  async function refresh() {
    try {
      const response = await fetch(window.location.href, { credentials: "same-origin" });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("inbox");
      if (fresh) inbox.replaceChildren(...fresh.children);
    } catch {
      /* still offline: the next reconnect tries again */
    }
  }

  let opened = false;
  window.PortalLive.openLiveSocket({
    onStatus(state) {
      statusLine.textContent = state === "offline"
        ? "You're offline. The list will update when you're back online."
        : window.PortalLive.STATUS_TEXT[state] || "";
    },
    onOpen() {
      if (opened) refresh();
      opened = true;
    },
    onFrame(frame) {
      if (frame.type === "message") update(frame.message);
      else if (frame.type === "alert") window.PortalLive.showAlert(frame);
    },
  });
})();
