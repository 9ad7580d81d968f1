/**
 * The web app's service worker (public/sw.js): registered where the browser allows it, which is
 * a secure context — https, or this PC as localhost. Over plain http on the LAN browsers refuse
 * it, and with it installing and notifications on phones (README → "On a phone").
 */

/** Whether this page can have a service worker at all (not in the desktop app, not over plain http). */
export function canUseServiceWorker(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    window.isSecureContext &&
    window.location.protocol !== 'file:'
  );
}

/** Registers the worker once the page has loaded; a refusal only costs installing and phone notifications. */
export function registerServiceWorker(): void {
  if (!canUseServiceWorker()) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}

/** The worker to show notifications through, when one is active (phones need it). */
export async function activeRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!canUseServiceWorker()) return null;
  const registration = await navigator.serviceWorker.getRegistration('/').catch(() => undefined);
  return registration?.active ? registration : null;
}

/** A tap on a notification shown by the worker: it asks this window to open the chat. */
export function onNotificationTap(openChat: (session: string, chat: string) => void): void {
  if (!canUseServiceWorker()) return;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: unknown; session?: unknown; chat?: unknown } | null;
    if (
      data?.type === 'chatdock.openChat' &&
      typeof data.session === 'string' &&
      typeof data.chat === 'string'
    ) {
      openChat(data.session, data.chat);
    }
  });
}
