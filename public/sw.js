/*
 * Hashwatt service worker: keeps the app shell for offline use and shows Web Push alerts.
 *
 * Caching: '/' (the overview) and its /_next/static assets are precached on install; navigations go to the
 * network first and fall back to the cached page, else to the offline page below; /_next/static/ (content-
 * hashed, never changes) and the icons are cache-first. The API and socket.io are never cached: live
 * figures come from the network or not at all. Cache names carry VERSION; activate deletes older ones.
 *
 * Push: the payload is JSON { title, body, url, tag, firing } (lib/notify/webpush/payload.ts).
 */
const VERSION = 'v1';
const SHELL_CACHE = `hashwatt-shell-${VERSION}`;
const STATIC_CACHE = `hashwatt-static-${VERSION}`;
const CURRENT = [SHELL_CACHE, STATIC_CACHE];
const SHELL_URL = '/';
const STATIC_LIMIT = 300;

const OFFLINE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Hashwatt · offline</title>
<style>body{margin:0;min-height:100vh;display:grid;place-items:center;background:#0a0e14;color:#e6edf3;
font:16px system-ui,sans-serif;text-align:center}h1{font-size:1.4rem}p{color:#8b98a9;max-width:28rem;padding:0 1rem}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.5rem;border:1px solid #2d3a4d;background:#151c27;color:#e6edf3}</style>
</head><body><main><h1>Hashwatt is offline</h1><p>This device cannot reach the Hashwatt server. Figures shown
elsewhere may be out of date; nothing here is live until the connection is back.</p>
<button onclick="location.reload()">Try again</button></main></body></html>`;

function offlinePage() {
  return new Response(OFFLINE_HTML, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** Caches the shell and the static assets its HTML names; a failure (signed out, server down) never blocks install. */
async function precacheShell() {
  const cache = await caches.open(SHELL_CACHE);
  const res = await fetch(SHELL_URL, { credentials: 'same-origin', cache: 'no-store' });
  if (!res.ok || res.redirected) return; // e.g. the login page: nothing worth keeping
  const html = await res.clone().text();
  await cache.put(SHELL_URL, res);
  const assets = [...new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) || [])];
  const statics = await caches.open(STATIC_CACHE);
  await Promise.all(assets.map((url) => statics.add(url).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    precacheShell()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('hashwatt-') && !CURRENT.includes(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function trimStatic() {
  const cache = await caches.open(STATIC_CACHE);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - STATIC_LIMIT)).map((k) => cache.delete(k)));
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, res.clone());
    void trimStatic();
  }
  return res;
}

async function networkFirstPage(request, url) {
  try {
    const res = await fetch(request);
    if (url.pathname === SHELL_URL && res.ok && !res.redirected) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put(SHELL_URL, res.clone());
    }
    return res;
  } catch {
    return (await caches.match(request, { ignoreSearch: true })) || offlinePage();
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Live data: network only, never from a cache.
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(request, url));
    return;
  }
  if (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/')) {
    event.respondWith(cacheFirst(request));
  }
});

self.addEventListener('push', (event) => {
  let data;
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'Hashwatt alert';
  const options = {
    body: typeof data.body === 'string' ? data.body : '',
    icon: '/icons/icon-192.png',
    badge: '/icons/maskable-192.png',
    data: { url: typeof data.url === 'string' && data.url ? data.url : '/alerts' },
  };
  if (typeof data.tag === 'string' && data.tag) {
    options.tag = data.tag;
    options.renotify = true; // a resolution replacing its alert still tells the person
  }
  if (data.firing === true) options.requireInteraction = true;
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || '/alerts', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const exact = windows.find((w) => w.url === target);
      if (exact) return exact.focus();
      const ours = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (ours) {
        await ours.focus();
        return ours.navigate(target).catch(() => self.clients.openWindow(target));
      }
      return self.clients.openWindow(target);
    }),
  );
});
