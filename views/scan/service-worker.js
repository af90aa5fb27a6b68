/*
 * The scanner page's service worker (served at /scan-sw.js, scope /scan): it keeps the page, its styles and
 * scripts and the offline verifier, so the page opens and checks vouchers with no network. Everything is asked
 * of the network first and the kept copy is used only when there is no answer; the page itself is kept as an
 * anonymous visitor sees it (nobody's name stays in the cache). The trust bundle is the page's to keep.
 */
'use strict';
var CACHE = 'iaod-scan-__VERSION__';
var PAGE = '/scan';
var KEPT = [
  '/scan/verifier.js',
  '/scan/manifest.webmanifest',
  '/scan/icon.svg',
  '/scan/icon-192.png',
  '/assets/app.css',
  '/assets/ssp.css',
  '/assets/officer.css',
  '/assets/provider.css',
  '/assets/scan.css',
  '/assets/htmx.min.js',
  '/assets/in-page-updates.js',
  '/assets/focus-messages.js',
  '/assets/vendor/jsQR.js',
  '/assets/qr-reader.js',
  '/assets/scan.js',
  '/favicon.ico',
];

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return Promise.all(
          [cache.add(new Request(PAGE, { credentials: 'omit' }))].concat(
            KEPT.map(function (url) {
              return cache.add(url);
            }),
          ),
        );
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf('iaod-scan-') === 0 && name !== CACHE;
            })
            .map(function (name) {
              return caches.delete(name);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  var isPage = request.mode === 'navigate' && url.pathname === PAGE;
  if (!isPage && KEPT.indexOf(url.pathname) === -1) return;
  event.respondWith(
    fetch(request).then(
      function (response) {
        if (response.ok && !isPage) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) {
            return cache.put(url.pathname, copy);
          });
        }
        return response;
      },
      function () {
        return caches.match(isPage ? PAGE : url.pathname).then(function (kept) {
          return kept || Response.error();
        });
      },
    ),
  );
});
