/* One reconnecting socket to /ws/chat/, shared by the message pages (chat.js, inbox.js).
 *
 * Phones lose signal: when the socket drops, it tries again after 1 s, then 2, 4, 8... up to
 * 30 s, with some randomness so a whole caseload does not reconnect in the same instant, and
 * at once when the browser says it is back online. It pings every 50 s, which keeps the person
 * counted as "on the website" (see chat/presence/). The page says what is going on in its
 * status line; everything works without this file, as plain forms and pages.
 */
(() => {
  "use strict";

  const MAX_DELAY = 30000;
  const PING_EVERY = 50000;
  const SIGNED_OUT = new Set([4401, 4403]);

  function openLiveSocket({ query = "", onOpen, onFrame, onStatus }) {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    const url = `${scheme}://${window.location.host}/ws/chat/${query}`;
    let socket = null;
    let attempts = 0;
    let retryTimer = null;
    let pingTimer = null;
    let stopped = false;

    function connect() {
      clearTimeout(retryTimer);
      retryTimer = null;
      if (stopped || socket) return;
      onStatus(attempts ? "reconnecting" : "connecting");
      const current = new WebSocket(url);
      socket = current;
      current.addEventListener("open", () => {
        attempts = 0;
        onStatus("open");
        pingTimer = setInterval(() => send({ type: "ping" }), PING_EVERY);
        onOpen();
      });
      current.addEventListener("message", (event) => {
        let frame;
        try {
          frame = JSON.parse(event.data);
        } catch {
          return;
        }
        onFrame(frame);
      });
      current.addEventListener("close", (event) => {
        clearInterval(pingTimer);
        if (socket === current) socket = null;
        if (SIGNED_OUT.has(event.code)) {
          stopped = true;
          onStatus("signed-out");
          return;
        }
        if (navigator.onLine === false) {
          onStatus("offline"); // the browser's "online" event brings it back
          return;
        }
        onStatus("reconnecting");
        const delay = Math.min(MAX_DELAY, 1000 * 2 ** attempts) * (0.5 + Math.random() / 2);
        attempts += 1;
        retryTimer = setTimeout(connect, delay);
      });
    }

    function send(frame) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    }

    window.addEventListener("online", () => {
      attempts = 0;
      connect();
    });
    window.addEventListener("offline", () => {
      onStatus("offline");
      if (socket) socket.close(); // the browser may not notice for minutes on its own
    });
    connect();
    return {
      send,
      get isOpen() {
        return Boolean(socket) && socket.readyState === WebSocket.OPEN;
      },
    };
  }

  const STATUS_TEXT = {
    open: "",
    connecting: "",
    reconnecting: "Reconnecting…",
    offline: "You're offline. Messages you write will send when you're back online.",
    "signed-out": "You've been signed out. Sign in again to carry on.",
  };

  /* Staff: a safeguarding alert in a conversation this page follows, shown at the top of the
   * page at once (and read out: role=alert). The link opens the alert. */
  function showAlert(frame) {
    const main = document.getElementById("main");
    if (!main || document.getElementById(`live-alert-${frame.id}`)) return;
    const box = document.createElement("p");
    box.id = `live-alert-${frame.id}`;
    box.className = "notification notification--error";
    box.setAttribute("role", "alert");
    const link = document.createElement("a");
    link.href = frame.url;
    link.textContent = "Read it now";
    box.append(`Safeguarding alert: ${frame.categories.join(", ")}. `, link);
    main.prepend(box);
  }

  window.PortalLive = { openLiveSocket, showAlert, STATUS_TEXT };
})();
