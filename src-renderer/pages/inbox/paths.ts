/**
 * The deep link of a chat (survives a reload); `message` jumps to that message and `query`
 * marks the search that found it.
 */
export function chatPath(session: string, jid: string, message?: string, query?: string): string {
  // "@" is fine in a path segment: /chats/shop/972501234567@s.whatsapp.net reads as it should.
  const path = `/chats/${encodeURIComponent(session)}/${encodeURIComponent(jid).replace(/%40/g, '@')}`;
  const params = new URLSearchParams();
  if (message) params.set('msg', message);
  if (message && query) params.set('q', query);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const CHAT_ROUTE = '/chats/:session/:jid';
