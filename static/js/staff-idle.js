/* Staff idle warning (issue 15). The server signs a member of staff out after some idle minutes
 * (portal/people/idle.py); this warns a few minutes before, in a dialog with "Stay signed in".
 *
 * Several tabs share one session, so before warning, and again before leaving the page, it asks
 * the server how long is really left (asking does not count as activity). With JavaScript off
 * nothing shows, and the server still signs them out. No inline script or style (the CSP). */
(() => {
  "use strict";

  const script = document.currentScript;
  if (!script || !script.dataset.staffIdle || typeof HTMLDialogElement === "undefined") {
    return;
  }
  const config = JSON.parse(script.dataset.staffIdle);

  function csrfToken() {
    if (config.csrfToken) {
      return config.csrfToken;
    }
    const wagtail = document.getElementById("wagtail-config"); // in the website editor
    return wagtail ? JSON.parse(wagtail.textContent).CSRF_TOKEN : "";
  }

  let timer = null;
  let ticker = null;
  let deadline = 0;
  let lastSpokenMinutes = null;

  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, value);
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // The dialog: a heading, how long is left, "Stay signed in" and "Sign out now".
  const dialog = element("dialog", {
    class: "idle-warning",
    "aria-labelledby": "idle-warning-title",
    "aria-describedby": "idle-warning-text",
  });
  const title = element("h2", { id: "idle-warning-title" }, "Do you want to stay signed in?");
  const text = element("p", { id: "idle-warning-text" });
  const spoken = element("p", {
    class: "visually-hidden w-sr-only",
    "aria-live": "polite",
  });
  const stay = element("button", { type: "button", class: "button" }, "Stay signed in");
  const signOut = element("form", { method: "post", action: config.signOutUrl });
  signOut.append(
    element("input", { type: "hidden", name: "csrfmiddlewaretoken", value: csrfToken() }),
    element("button", { type: "submit", class: "button button--secondary button-secondary" }, "Sign out now")
  );
  const why = element(
    "p",
    {},
    "We sign staff out when the portal is not used for a while, to keep young people's " +
      "records safe on a shared computer. Anything you have not saved will be lost."
  );
  dialog.append(title, text, why, stay, signOut, spoken);
  document.body.append(dialog);

  function describe(seconds) {
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60);
      return `${minutes} minute${minutes === 1 ? "" : "s"}`;
    }
    return `${seconds} second${seconds === 1 ? "" : "s"}`;
  }

  function tick() {
    const seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    text.textContent = `You have not used the portal for a while. You will be signed out in ${describe(seconds)}.`;
    // Screen readers hear the time once a minute, not every second.
    const minutes = Math.ceil(seconds / 60);
    if (minutes !== lastSpokenMinutes) {
      lastSpokenMinutes = minutes;
      spoken.textContent = `You will be signed out in ${describe(seconds)}.`;
    }
  }

  function signIn() {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`${config.signInUrl}?next=${encodeURIComponent(next)}`);
  }

  function hideWarning() {
    window.clearInterval(ticker);
    ticker = null;
    lastSpokenMinutes = null;
    if (dialog.open) {
      dialog.close();
    }
  }

  function showWarning(secondsLeft) {
    deadline = Date.now() + secondsLeft * 1000;
    tick();
    if (!dialog.open) {
      dialog.showModal();
      stay.focus();
    }
    window.clearInterval(ticker);
    ticker = window.setInterval(tick, 1000);
    // At the end, ask again: another tab may have kept the session going.
    window.clearTimeout(timer);
    timer = window.setTimeout(check, (secondsLeft + 1) * 1000);
  }

  function schedule(secondsLeft) {
    window.clearTimeout(timer);
    if (secondsLeft <= 0) {
      signIn();
    } else if (secondsLeft <= config.warningSeconds) {
      showWarning(secondsLeft);
    } else {
      hideWarning();
      timer = window.setTimeout(check, (secondsLeft - config.warningSeconds) * 1000);
    }
  }

  async function ask(method) {
    const headers = { Accept: "application/json" };
    if (method === "POST") {
      headers["X-CSRFToken"] = csrfToken();
    }
    const response = await fetch(config.statusUrl, {
      method,
      headers,
      credentials: "same-origin",
    });
    return response.json();
  }

  async function check() {
    try {
      const status = await ask("GET");
      if (!status.signed_in) {
        signIn();
        return;
      }
      schedule(status.seconds_left);
    } catch (error) {
      // No connection: try again in a minute; the server decides in any case.
      timer = window.setTimeout(check, 60 * 1000);
    }
  }

  async function staySignedIn() {
    try {
      const status = await ask("POST");
      if (!status.signed_in) {
        signIn();
        return;
      }
      schedule(status.seconds_left);
    } catch (error) {
      text.textContent = "We could not reach the portal. Check your connection and try again.";
    }
  }

  stay.addEventListener("click", staySignedIn);
  // Escape means "stay", as in the GOV.UK timeout pattern, never a silent sign-out.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    staySignedIn();
  });

  // This page was just served, so the whole time is left, less the minute the server may
  // round by (idle.TOUCH_EVERY_SECONDS).
  schedule(config.timeoutSeconds - 60);
})();
