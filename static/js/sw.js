/* Service worker: a page of the offer read once can be read again with no signal or data.
 *
 * Only pages the server marks as the same for everyone ("X-Offline-Ok: 1": the offer, the
 * checker, help) are kept on the phone; personal pages (My page, messages, staff pages) never
 * are, so nothing private is left on a shared phone. Pages: network first, then the saved copy,
 * then the offline page. Static files: saved copy first. */
const VERSION = "v1";
const PAGES = `pages-${VERSION}`;
const ASSETS = `assets-${VERSION}`;
const OFFLINE_URL = "/offline/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(PAGES).then((cache) => cache.add(OFFLINE_URL)).then(() => self.skipWaiting())
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
    if (response.ok && response.headers.get("X-Offline-Ok") === "1") {
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
