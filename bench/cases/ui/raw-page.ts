/**
 * The raw side of the UI rows: the least a browser page can do for the same screens, served
 * from the app's own origin (so it calls the same REST API with the same key), throttled the
 * same way and timed in turns with the app. Signing in fetches the first 50 chats of every
 * number and writes them as plain DOM; clicking a chat fetches its newest 50 messages and
 * writes them. No framework, no store, no virtualiser: what is left is the machine, the
 * network stack and the server's query.
 */
export const RAW_PATH = '/__bench/raw';

export function rawPageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>raw</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; display: flex; height: 100vh; }
  [role=listbox] { width: 380px; overflow: auto; border-right: 1px solid #ccc; }
  [role=option] { height: 60px; padding: 8px; border-bottom: 1px solid #eee; overflow: hidden; }
  [role=feed] { flex: 1; overflow: auto; padding: 12px; }
  article { max-width: 60%; margin: 6px 0; padding: 6px 10px; border-radius: 8px; background: #eef; }
</style></head>
<body>
<form id="login"><input id="key" aria-label="API key"><button type="submit">Sign in</button></form>
<script>
  let key = '';
  const api = (path) => fetch(path, { headers: { authorization: 'Bearer ' + key } }).then((r) => r.json());
  const escape = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
  document.getElementById('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    key = document.getElementById('key').value;
    const page = await api('/api/v1/chats?limit=50');
    const list = document.createElement('div');
    list.setAttribute('role', 'listbox');
    list.innerHTML = page.items.map((chat) =>
      '<div role="option" data-session="' + escape(chat.session) + '" data-jid="' + escape(chat.jid) + '">' +
      escape(chat.name ?? chat.phone ?? chat.jid) + '<br>' + escape(chat.lastMessage?.preview) + '</div>').join('');
    const feed = document.createElement('div');
    feed.setAttribute('role', 'feed');
    document.body.replaceChildren(list, feed);
    list.addEventListener('click', async (click) => {
      const row = click.target.closest('[role=option]');
      if (!row) return;
      const messages = await api('/api/v1/sessions/' + encodeURIComponent(row.dataset.session) + '/chats/' +
        encodeURIComponent(row.dataset.jid) + '/messages?limit=50');
      feed.innerHTML = messages.items.map((m) => '<article>' + escape(m.text) + '</article>').join('');
      feed.scrollTop = feed.scrollHeight;
    });
  });
</script>
</body></html>`;
}
