/*
 * Chatdock's service worker. It makes the web UI installable on a phone's home screen and
 * shows new-message notifications there: Android's Chrome refuses `new Notification()` from a
 * page and only shows notifications through a service worker. It caches nothing: the inbox is
 * live data from this Chatdock server, and a stale copy would be worse than an honest
 * "cannot connect". Browsers register it only in a secure context (https, or localhost).
 */
self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// Network only: a fetch handler is still what some browsers look for before offering "Install".
self.addEventListener('fetch', () => undefined);

// A tap on a notification: bring a Chatdock window forward on the chat, or open one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const url = typeof data.url === 'string' ? data.url : '/inbox';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows[0];
      if (open) {
        open.postMessage({ type: 'chatdock.openChat', session: data.session, chat: data.chat });
        return open.focus();
      }
      return self.clients.openWindow(url);
    }),
  );
});
