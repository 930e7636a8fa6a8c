/* Register the service worker that keeps pages of the offer readable offline. The site works
 * the same without it (and without JavaScript). */
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {});
  });
}
