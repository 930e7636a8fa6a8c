/* A live message thread. Without this file the page is a thread and a form that posts; with
 * it, messages arrive as they are sent, your own show Sending…, Sent, Delivered and Read, and a
 * message written with no signal waits in this tab and is sent when the connection is back.
 *
 * Every send carries a client_id, and the server stores one message per client_id, so
 * sending the waiting messages again after a reconnect can never make a duplicate.
 * Waiting messages are kept in sessionStorage, not localStorage: they are gone when the tab
 * is closed, so what a young person wrote on a shared phone does not stay on it.
 */
(() => {
  "use strict";

  const thread = document.getElementById("thread");
  if (!thread || !window.PortalLive || !("WebSocket" in window)) return;

  const conversation = Number(thread.dataset.conversation);
  const me = Number(thread.dataset.me);
  const form = document.getElementById("message-form");
  const statusLine = document.getElementById("chat-status");
  const announcer = document.getElementById("chat-announce");
  const storageKey = `portal.waiting.${me}.${conversation}`;
  const timeFormat = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });

  let live = null; // the socket, once opened below
  let lastId = 0;
  let delivered = Number(thread.dataset.delivered || 0);
  let read = Number(thread.dataset.read || 0);
  let lastReadSent = 0;
  let lastDeliveredSent = 0;
  let newestFromOthers = 0;

  for (const item of thread.querySelectorAll("li[data-id]")) {
    const id = Number(item.dataset.id);
    lastId = Math.max(lastId, id);
    if (!item.classList.contains("bubble--mine")) newestFromOthers = Math.max(newestFromOthers, id);
  }

  /* Waiting messages: [{client_id, body, created_at}] */
  function waiting() {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey)) || [];
    } catch {
      return [];
    }
  }
  function saveWaiting(items) {
    try {
      if (items.length) sessionStorage.setItem(storageKey, JSON.stringify(items));
      else sessionStorage.removeItem(storageKey);
    } catch {
      /* storage full or blocked: the message still shows and is sent while the page is open */
    }
  }

  /* What the server can store: it refuses a NUL character and half of an emoji pair (a lone
   * surrogate, which a cut-off paste can leave), so drop the one and mend the other (U+FFFD,
   * as any UTF-8 encoder would) rather than have the message refused. */
  function storable(text) {
    const whole = typeof text.toWellFormed === "function" ? text.toWellFormed() : text;
    return whole.replaceAll("\0", "");
  }

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  /* Invisible "format" characters (zero-width spaces and joiners, bidirectional overrides...)
     are shown as [U+XXXX], and a word holding one is never linked, as the page does
     (chat/templatetags/chat_tags.py): "goo\u200bgle.com" must not look like google.com. */
  const FORMAT = /\p{Cf}/u;
  const JOINERS = new Set(["\u200c", "\u200d", "\u200e", "\u200f", "\u061c"]);
  const isTag = (char) => char && char.codePointAt(0) >= 0xe0020 && char.codePointAt(0) < 0xe0080;

  function needed(chars, at) {
    const char = chars[at];
    if (JOINERS.has(char)) return (chars[at - 1] || "") > "\x7f" && (chars[at + 1] || "") > "\x7f";
    if (!isTag(char)) return false;
    let before = at - 1;
    while (before >= 0 && isTag(chars[before])) before -= 1;
    return chars[before] === "\u{1f3f4}"; // a flag such as England's
  }

  function appendShown(target, word) {
    const chars = Array.from(word);
    let plain = "";
    chars.forEach((char, at) => {
      if (!FORMAT.test(char) || needed(chars, at)) {
        plain += char;
        return;
      }
      target.append(plain);
      plain = "";
      const mark = document.createElement("mark");
      mark.className = "invisible-char";
      mark.title = "Hidden character";
      mark.textContent = `[U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}]`;
      target.append(mark);
    });
    target.append(plain);
  }

  /* Plain text with web addresses made into links; text is never parsed as HTML. */
  function renderBody(target, body) {
    const pattern = /\b(https?:\/\/[^\s<>"]+|www\.[^\s<>"]+)/g;
    body.split("\n").forEach((line, index) => {
      if (index) target.append(document.createElement("br"));
      line.split(/([^\S\ufeff]+)/).forEach((word) => {
        if (FORMAT.test(word)) {
          const unlinked = document.createElement("span");
          unlinked.className = "unlinked";
          appendShown(unlinked, word);
          target.append(unlinked);
          return;
        }
        let at = 0;
        for (const match of word.matchAll(pattern)) {
          target.append(word.slice(at, match.index));
          const link = document.createElement("a");
          link.href = match[0].startsWith("www.") ? `https://${match[0]}` : match[0];
          link.rel = "nofollow noopener noreferrer";
          link.target = "_blank";
          link.textContent = match[0];
          target.append(link);
          at = match.index + match[0].length;
        }
        target.append(word.slice(at));
      });
    });
  }

  /* The bot's crisis reply (client_id "crisis:..."), shown as help with links to call or
   * text, as templates/safeguarding/_crisis.html shows it after a reload. Its words are read
   * the way chat.safeguarding.crisis.from_text reads them: a heading, then "Name: what to do."
   * for each contact, then who was told. */
  const CONTACT = /(?:^|(?<=\. ))([^\s:.][^:.]*): ([^.]+)\./g;
  const CALL = /(?:\bcall |^)(\+?\d[\d ]*\d)/i; // or a bare number
  const TEXT = /\btext (?:([A-Z]+) to )?(\d[\d ]*\d)/i;
  const headings = (() => {
    try {
      return JSON.parse(document.getElementById("crisis-headings").textContent);
    } catch {
      return {};
    }
  })();

  function isCrisis(message) {
    return !message.sender.id && String(message.client_id || "").startsWith("crisis:");
  }

  function crisisPanel(body, id) {
    const text = body.split(/\s+/).join(" ").trim();
    const found = [...text.matchAll(CONTACT)];
    if (!found.length) return null;
    const heading = text.slice(0, found[0].index).trim();
    const last = found[found.length - 1];
    const told = text.slice(last.index + last[0].length).trim();
    const severity = Object.keys(headings).find((code) => headings[code] === heading) || "high";
    const panel = document.createElement("section");
    panel.className = `crisis crisis--${severity}`;
    panel.setAttribute("aria-labelledby", `crisis-${id}-heading`);
    const title = document.createElement("h2");
    title.className = "crisis__heading";
    title.id = `crisis-${id}-heading`;
    title.textContent = heading;
    const list = document.createElement("ul");
    list.className = "crisis__contacts";
    for (const [, name, detail] of found) {
      const item = document.createElement("li");
      item.className = "crisis__contact";
      const what = document.createElement("p");
      what.className = "crisis__what";
      const strong = document.createElement("strong");
      strong.textContent = name;
      what.append(strong, `: ${detail}`);
      item.append(what);
      const links = [];
      const call = detail.match(CALL);
      if (call) links.push([`tel:${call[1].replace(/[^\d+]/g, "")}`, `Call ${call[1]}`]);
      const texting = detail.match(TEXT);
      if (texting) {
        const number = texting[2].replace(/\D/g, "");
        const href = `sms:${number}${texting[1] ? `?&body=${texting[1]}` : ""}`;
        links.push([href, texting[1] ? `Text ${texting[1]} to ${texting[2]}` : `Text ${texting[2]}`]);
      }
      if (links.length) {
        const actions = document.createElement("p");
        actions.className = "crisis__actions";
        for (const [href, words] of links) {
          const link = document.createElement("a");
          link.className = "crisis__link";
          link.href = href;
          link.textContent = words;
          const hidden = document.createElement("span");
          hidden.className = "visually-hidden";
          hidden.textContent = ` (${name})`;
          link.append(hidden);
          actions.append(link);
        }
        item.append(actions);
      }
      list.append(item);
    }
    panel.append(title, list);
    if (told) {
      const toldLine = document.createElement("p");
      toldLine.className = "crisis__told";
      toldLine.textContent = told;
      panel.append(toldLine);
    }
    return panel;
  }

  function crisisItem(message) {
    const panel = crisisPanel(message.body, message.id);
    if (!panel) return null;
    const item = document.createElement("li");
    item.className = "bubble bubble--crisis";
    item.dataset.id = message.id;
    const when = document.createElement("p");
    when.className = "bubble__when";
    const time = document.createElement("time");
    const date = new Date(message.created_at);
    time.dateTime = date.toISOString();
    time.textContent = timeFormat.format(date);
    when.append("From the chatbot · ", time);
    item.append(panel, when);
    return item;
  }

  function stateOf(id) {
    if (id <= read) return "Read";
    if (id <= delivered) return "Delivered";
    return "Sent";
  }

  function bubble({ id, clientId, who, body, createdAt, mine, byText }) {
    const item = document.createElement("li");
    item.className = mine ? "bubble bubble--mine" : "bubble";
    if (id) item.dataset.id = id;
    if (clientId) item.dataset.clientId = clientId;
    const whoLine = document.createElement("p");
    whoLine.className = "bubble__who";
    whoLine.textContent = (mine ? "You" : who) + (byText ? " (by text)" : "");
    const bodyBlock = document.createElement("div");
    bodyBlock.className = "bubble__body";
    renderBody(bodyBlock, body);
    const when = document.createElement("p");
    when.className = "bubble__when";
    const time = document.createElement("time");
    const date = new Date(createdAt);
    time.dateTime = date.toISOString();
    time.textContent = timeFormat.format(date);
    when.append(time);
    if (mine) {
      const state = document.createElement("span");
      state.className = "bubble__state";
      when.append(" · ", state);
    }
    item.append(whoLine, bodyBlock, when);
    return item;
  }

  function setState(item, text) {
    const state = item.querySelector(".bubble__state");
    if (state) state.textContent = text;
  }

  function refreshStates() {
    for (const item of thread.querySelectorAll(".bubble--mine[data-id]")) {
      setState(item, stateOf(Number(item.dataset.id)));
    }
    let waitingText = live && live.isOpen ? "Sending…" : "Waiting for signal";
    if (Date.now() < holdUntil) waitingText = "Not sent yet";
    for (const item of thread.querySelectorAll(".bubble--mine:not([data-id])")) {
      setState(item, waitingText);
    }
  }

  function clearEmptyNote() {
    const empty = thread.querySelector(".thread__empty");
    if (empty) empty.remove();
  }

  function scrollToNewest(item) {
    if (item.getBoundingClientRect().top < window.innerHeight * 1.5) {
      item.scrollIntoView({ block: "nearest" });
    }
  }

  /* Server order (by id), whatever order frames arrive in (the bot's reply can overtake the
   * message it answers), with messages still waiting to be sent last. */
  function placeInOrder(item, id) {
    const later = [...thread.querySelectorAll("li[data-id]")].find(
      (li) => li !== item && Number(li.dataset.id) > id,
    );
    const target = later || thread.querySelector(".bubble--mine:not([data-id])");
    if (target !== item && target !== item.nextSibling) thread.insertBefore(item, target);
    else if (!target && item.parentNode !== thread) thread.append(item);
  }

  /* A stored message, from the server: new, our own acknowledged, or one we already show. */
  function showMessage(message) {
    const existing = thread.querySelector(`li[data-id="${message.id}"]`);
    if (existing) return;
    const mine = message.sender.id === me;
    let item = null;
    if (mine && message.client_id) {
      item = thread.querySelector(`li[data-client-id="${CSS.escape(message.client_id)}"]`);
      saveWaiting(waiting().filter((w) => w.client_id !== message.client_id));
    }
    if (item && !item.dataset.id) {
      item.dataset.id = message.id;
      placeInOrder(item, message.id);
    } else if (isCrisis(message) && (item = crisisItem(message))) {
      clearEmptyNote();
      placeInOrder(item, message.id);
      scrollToNewest(item);
    } else {
      clearEmptyNote();
      item = bubble({
        id: message.id,
        who: message.sender.name,
        body: message.body,
        createdAt: message.created_at,
        mine,
        byText: message.channel === "sms",
      });
      placeInOrder(item, message.id);
      scrollToNewest(item);
    }
    lastId = Math.max(lastId, message.id);
    if (!mine) {
      newestFromOthers = Math.max(newestFromOthers, message.id);
      announcer.textContent = isCrisis(message)
        ? `Help from the chatbot: ${item.querySelector(".crisis__heading")?.textContent || ""}`
        : `New message from ${message.sender.name}`;
      markRead();
    }
    refreshStates();
  }

  /* Staff only: what became of a message texted to the young person, and a way to text a
   * failed one again (the same form the page has without JavaScript). */
  const TEXT_FAILURES = new Set(["failed", "undelivered"]);
  function showTextState(frame) {
    const item = thread.querySelector(`li[data-id="${frame.message}"]`);
    if (!item) return;
    let label = item.querySelector(".bubble__text");
    if (!label) {
      label = document.createElement("span");
      item.querySelector(".bubble__when").append(" · ", label);
    }
    label.className = `bubble__text bubble__text--${frame.state}`;
    label.textContent = frame.label;
    const retry = item.querySelector(".bubble__retry");
    let why = item.querySelector(".bubble__error");
    if (!TEXT_FAILURES.has(frame.state)) {
      if (retry) retry.remove();
      if (why) why.remove();
      return;
    }
    if (frame.detail) {
      if (!why) {
        why = document.createElement("p");
        why.className = "bubble__error";
        item.querySelector(".bubble__when").after(why);
      }
      why.textContent = frame.detail;
    }
    announcer.textContent = `A text to the young person was not delivered: ${frame.label}`;
    const token = document.querySelector("#message-form [name=csrfmiddlewaretoken]");
    if (retry || !thread.dataset.textAgain || !token) return;
    const again = document.createElement("form");
    again.className = "bubble__retry";
    again.method = "post";
    again.action = thread.dataset.textAgain.replace(/\/0\/$/, `/${frame.message}/`);
    const csrf = document.createElement("input");
    csrf.type = "hidden";
    csrf.name = "csrfmiddlewaretoken";
    csrf.value = token.value;
    const button = document.createElement("button");
    button.className = "link-button";
    button.type = "submit";
    button.textContent = "Text it again";
    again.append(csrf, button);
    item.append(again);
  }

  /* Tell the others how far we got: read if this page is in front of the person, else only
   * delivered (the message reached this browser). */
  function markRead() {
    if (!live || newestFromOthers <= lastReadSent) return;
    if (document.visibilityState !== "visible") {
      if (newestFromOthers > lastDeliveredSent) {
        live.send({ type: "delivered", conversation, up_to: newestFromOthers });
        lastDeliveredSent = newestFromOthers;
      }
      return;
    }
    if (live.send({ type: "read", conversation, up_to: newestFromOthers })) {
      lastReadSent = newestFromOthers;
      lastDeliveredSent = newestFromOthers;
    }
  }

  let retryTimer = 0;
  let holdUntil = 0; // the server asked us to wait (unavailable, rate_limited) until then
  let holdNote = "";

  /* The server said "not now" (it stored nothing): keep what waits, send it after the wait. */
  function holdFor(seconds, note) {
    holdUntil = Date.now() + seconds * 1000;
    holdNote = note;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(sendWaiting, seconds * 1000);
    refreshStates();
  }

  function sendWaiting() {
    holdUntil = 0;
    if (holdNote && statusLine.textContent === holdNote) statusLine.textContent = "";
    holdNote = "";
    for (const item of waiting()) {
      live.send({ type: "send", conversation, body: item.body, client_id: item.client_id });
    }
    refreshStates();
  }

  function status(state) {
    thread.dataset.live = state;
    statusLine.textContent = window.PortalLive.STATUS_TEXT[state] || "";
    if (state === "signed-out" && form) form.hidden = true;
    refreshStates();
  }

  live = window.PortalLive.openLiveSocket({
    query: "?receipts=1",
    onStatus: status,
    onOpen() {
      // Anything missed while away first, then what was written while away.
      live.send({ type: "sync", conversation, after: lastId });
      // Staff: what became of texts while this page was away (a reload, lost signal).
      if (thread.dataset.textStates) live.send({ type: "text_states", conversation });
      sendWaiting();
      lastReadSent = lastDeliveredSent = 0; // the server keeps the furthest; say it again
      markRead();
    },
    onFrame(frame) {
      if (frame.type === "message" && frame.message.conversation === conversation) {
        showMessage(frame.message);
      } else if (frame.type === "receipt" && frame.conversation === conversation) {
        delivered = Math.max(delivered, frame.delivered_up_to || 0);
        read = Math.max(read, frame.read_up_to || 0);
        refreshStates();
      } else if (frame.type === "alert") {
        window.PortalLive.showAlert(frame);
      } else if (frame.type === "text_status" && frame.conversation === conversation) {
        showTextState(frame);
      } else if (frame.type === "error") {
        statusLine.textContent = frame.detail;
        // The database was away, or this person sent a lot in a short time: nothing was
        // stored, so what is still waiting goes again after the wait the server gave (same
        // client_id, so it is stored once whatever happened to the first try).
        if (frame.code === "unavailable" || frame.code === "rate_limited") {
          holdFor(frame.retry_after || 30, frame.detail);
        }
      }
    },
  });

  /* Messages still waiting from before a reload show at the end, ready to go. */
  for (const item of waiting()) {
    clearEmptyNote();
    thread.append(
      bubble({ clientId: item.client_id, body: item.body, createdAt: item.created_at, mine: true }),
    );
  }
  refreshStates();

  if (form) {
    const field = form.querySelector("textarea");
    // The longest message the server stores: the form's maxlength, which Django renders from
    // chat.services.MAX_BODY, so the limit is written in one place.
    const maxBody = field.maxLength >= 0 ? field.maxLength : Infinity;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = storable(field.value).trim();
      if (!body || body.length > maxBody) {
        statusLine.textContent = body
          ? `Messages can be up to ${maxBody} characters.`
          : "Type a message first.";
        field.focus();
        return;
      }
      const item = {
        client_id: newClientId(),
        body,
        created_at: new Date().toISOString(),
      };
      saveWaiting([...waiting(), item]);
      clearEmptyNote();
      const shown = bubble({
        clientId: item.client_id,
        body,
        createdAt: item.created_at,
        mine: true,
      });
      thread.append(shown);
      field.value = "";
      // While the server has asked us to wait, it goes with the others when the wait ends.
      if (Date.now() >= holdUntil) {
        live.send({ type: "send", conversation, body, client_id: item.client_id });
      }
      refreshStates();
      scrollToNewest(shown);
      field.focus();
    });
  }

  document.addEventListener("visibilitychange", markRead);
})();
