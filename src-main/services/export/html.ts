import type { Message } from '../../../src-shared/messages.js';

/** A conversation as one self-contained, printable HTML page (print to PDF from any browser). */
export function conversationHtml(
  title: string,
  messages: readonly Message[],
  options: { timeZone: string; ownName: string },
): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: options.timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const rows = messages
    .map((m) => {
      const who = m.fromMe ? options.ownName : (m.senderName ?? `+${(m.sender ?? m.chat).split('@')[0]}`);
      const text = m.revoked
        ? '<em>This message was deleted</em>'
        : [
            m.media
              ? `<span class="media">[${escape(m.type)}${m.media.fileName ? `: ${escape(m.media.fileName)}` : ''}]</span>`
              : '',
            escape(m.text ?? ''),
          ]
            .filter(Boolean)
            .join(' ');
      return `<div class="msg${m.fromMe ? ' me' : ''}"><div class="meta">${escape(who)} · ${escape(format.format(new Date(m.timestampUnix * 1000)))}</div><div class="text">${text}</div></div>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:720px;margin:2em auto;color:#111}
.msg{margin:.4em 0;padding:.4em .7em;border-radius:8px;background:#f1f1f1;max-width:80%;break-inside:avoid}
.msg.me{margin-left:auto;background:#dcf8c6}.meta{font-size:.75em;color:#555}.text{white-space:pre-wrap;unicode-bidi:plaintext}
.media{color:#555}
</style></head><body><h1>${escape(title)}</h1>
${rows}
</body></html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
