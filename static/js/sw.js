/* Service worker: a page of the offer read once can be read again with no signal or data.
 *
 * Only pages the server marks as the same for everyone ("X-Offline-Ok: 1": the offer, the
 * checker, help) are kept on the phone; personal pages (My page, messages, staff pages) never
 * are, so nothing private is left on a shared phone. Pages: network first, then the saved copy,
 * then the offline page. Static files: saved copy first. */
// v2: drops any offline page a v1 worker fetched while someone was signed in.
const VERSION = "v2";
const PAGES = `pages-${VERSION}`;
const ASSETS = `assets-${VERSION}`;
const OFFLINE_URL = "/offline/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    // Without cookies: the offline page kept is a visitor's, even if the worker installs
    // while someone is signed in (their copy names their pages in the menu).
    caches.open(PAGES)
      .then((cache) => cache.add(new Request(OFFLINE_URL, { credentials: "omit" })))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key !== PAGES && key !== ASSETS).map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

async function pageFromNetworkThenCache(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    // The server marks only visitors' pages, and sends "no-store" with everything a signed-in
    // person sees (issue 15): both must agree before a copy is kept.
    const noStore = (response.headers.get("Cache-Control") || "").includes("no-store");
    if (response.ok && response.headers.get("X-Offline-Ok") === "1" && !noStore) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    return (await cache.match(request)) || (await cache.match(OFFLINE_URL));
  }
}

async function assetFromCacheThenNetwork(request) {
  const cache = await caches.open(ASSETS);
  const saved = await cache.match(request);
  if (saved) {
    return saved;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(pageFromNetworkThenCache(request));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(assetFromCacheThenNetwork(request));
  }
});
