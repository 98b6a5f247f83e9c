// WifiCore service worker (generated from frontend/build/sw.js at build time).
// - the app shell (index.html, the entry chunk and its CSS, manifest, icons) is cached on install
// - /assets/* files are content-hashed: cache first, then the network (and cache what it gives)
// - page navigations: the network first, the cached shell when offline (the app shows an offline banner)
// - /api, /portal, /sim and everything else: the network only; API data is never cached here
const VERSION = __VERSION__;
const SHELL = __SHELL__;
const CACHE = 'wificore-shell-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('wificore-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    if (request.mode !== 'navigate') {
      event.respondWith(cacheFirst(request));
      return;
    }
  }
  if (request.mode === 'navigate' && !/^\/(api|portal|sim|health|actuator)(\/|$)/.test(url.pathname)) {
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: CACHE })));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}
