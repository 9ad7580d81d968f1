import type { Message } from '../../../src-shared/messages.js';

/**
 * WhatsApp's own chat export ("Export chat" on Android), one line per message:
 *
 *     05/12/2026, 09:30 - Dana: Hello
 *     05/12/2026, 09:31 - Falafel House: IMG-20261205-WA0000.png (file attached)
 *     our menu                                  ← a caption, or more lines of the text
 *     05/12/2026, 09:32 - Dana: <Media omitted>
 *     05/12/2026, 09:33 - Dana: This message was deleted
 *
 * Date `dd/mm/yyyy, HH:MM` in the chosen time zone (24 h); lines after the first of a message
 * carry no prefix, as in WhatsApp's files, so tools that read those exports read these.
 */
interface TxtOptions {
  timeZone: string;
  /** The name shown for the shop's own messages. */
  ownName: string;
  /** The attached file's name of a message whose media is in the export, else null. */
  fileOf: (message: Message) => string | null;
}

const PREFIXES: Partial<Record<Message['type'], string>> = {
  image: 'IMG',
  video: 'VID',
  audio: 'AUD',
  sticker: 'STK',
  document: 'DOC',
};

export function whatsappLine(message: Message, options: TxtOptions): string {
  const when = stamp(message.timestampUnix * 1000, options.timeZone);
  const who = message.fromMe ? options.ownName : senderOf(message);
  return `${when.date}, ${when.time} - ${who}: ${body(message, options)}`;
}

function body(message: Message, options: TxtOptions): string {
  if (message.revoked) return message.fromMe ? 'You deleted this message' : 'This message was deleted';
  if (message.media) {
    const file = options.fileOf(message);
    const head = file ? `${file} (file attached)` : '<Media omitted>';
    return message.text ? `${head}\n${message.text}` : head;
  }
  if (message.type === 'location') return `location: ${locationText(message)}`;
  const text = message.text ?? '';
  return message.edited ? `${text} <This message was edited>` : text;
}

function locationText(message: Message): string {
  const content = message.content as { latitude?: number; longitude?: number } | null;
  return content?.latitude !== undefined && content.longitude !== undefined
    ? `https://maps.google.com/?q=${content.latitude},${content.longitude}`
    : (message.text ?? '');
}

function senderOf(message: Message): string {
  if (message.senderName) return message.senderName;
  const user = (message.sender ?? message.chat).split('@')[0]?.split(':')[0] ?? '';
  return /^\d+$/.test(user) ? `+${user}` : user;
}

/** `IMG-20261205-WA0003.jpg`, as WhatsApp names exported media (documents keep their name). */
export function exportFileName(message: Message, index: number, timeZone: string): string {
  if (message.type === 'document' && message.media?.fileName)
    return message.media.fileName.replace(/[/\\]/g, '_');
  const prefix = message.media?.voiceNote ? 'PTT' : (PREFIXES[message.type] ?? 'FILE');
  const { date } = stamp(message.timestampUnix * 1000, timeZone);
  const [dd, mm, yyyy] = date.split('/');
  return `${prefix}-${yyyy}${mm}${dd}-WA${String(index).padStart(4, '0')}.${extensionOf(message.media?.mimetype ?? '')}`;
}

function extensionOf(mimetype: string): string {
  const subtype = mimetype.split(';')[0]?.split('/')[1] ?? 'bin';
  const known: Record<string, string> = {
    jpeg: 'jpg',
    'x-m4a': 'm4a',
    mpeg: 'mp3',
    quicktime: 'mov',
    plain: 'txt',
  };
  return known[subtype] ?? subtype.replace(/[^a-z0-9]/gi, '') ?? 'bin';
}

function stamp(ms: number, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return { date: `${parts.day}/${parts.month}/${parts.year}`, time: `${parts.hour}:${parts.minute}` };
}
