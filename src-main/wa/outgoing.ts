import type { AnyMessageContent, MiscMessageGenerationOptions } from '@whiskeysockets/baileys';
import type { SendMessageInput } from '../../src-shared/send-schemas.js';
import { decodeRawMessage } from './message-mapping.js';

/** A media file ready to upload: the send service resolves URLs, uploads and saved replies to this. */
export interface ResolvedMedia {
  bytes: Buffer;
  mimetype: string;
  fileName: string | null;
}

/** What the send service resolved before building the WhatsApp message. */
export interface OutgoingParts {
  input: SendMessageInput;
  jid: string;
  media: ResolvedMedia | null;
  mentions: string[];
  /** The raw WebMessageInfo of the message to quote (replyTo). */
  quotedRaw: Buffer | null;
  /** The raw WebMessageInfo of the message to react to (reaction). */
  reactionTargetRaw: Buffer | null;
}

function vcardFor(name: string, phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${name}`,
    `TEL;type=CELL;type=VOICE;waid=${digits}:+${digits}`,
    'END:VCARD',
  ].join('\n');
}

/** Builds the Baileys content and options for one send request. */
export function buildOutgoing(parts: OutgoingParts): {
  content: AnyMessageContent;
  options: MiscMessageGenerationOptions;
} {
  const { input, media } = parts;
  const options: MiscMessageGenerationOptions = {};
  if (parts.quotedRaw) options.quoted = decodeRawMessage(parts.quotedRaw);
  if (input.id) options.messageId = input.id;
  const mentions = parts.mentions.length ? { mentions: parts.mentions } : {};
  const need = (): ResolvedMedia => {
    if (!media) throw new Error('media was not resolved');
    return media;
  };

  let content: AnyMessageContent;
  switch (input.type) {
    case 'text':
      content = { text: input.text, ...mentions };
      break;
    case 'image':
      content = {
        image: need().bytes,
        mimetype: need().mimetype,
        ...(input.caption ? { caption: input.caption } : {}),
        ...mentions,
      };
      break;
    case 'video':
      content = {
        video: need().bytes,
        mimetype: need().mimetype,
        ...(input.caption ? { caption: input.caption } : {}),
        ...(input.gif ? { gifPlayback: true } : {}),
        ...mentions,
      };
      break;
    case 'audio':
      content = { audio: need().bytes, mimetype: need().mimetype, ptt: Boolean(input.voiceNote) };
      break;
    case 'document':
      content = {
        document: need().bytes,
        mimetype: need().mimetype,
        fileName: input.fileName ?? need().fileName ?? 'file',
        ...(input.caption ? { caption: input.caption } : {}),
        ...mentions,
      };
      break;
    case 'sticker':
      content = { sticker: need().bytes, mimetype: 'image/webp' };
      break;
    case 'location':
      content = {
        location: {
          degreesLatitude: input.latitude,
          degreesLongitude: input.longitude,
          ...(input.name ? { name: input.name } : {}),
          ...(input.address ? { address: input.address } : {}),
        },
      };
      break;
    case 'contact': {
      // A stored contact (`contact`) was turned into its name and phone by the send service.
      const contacts = input.contacts.map((c) => ({
        displayName: c.name ?? '',
        vcard: c.vcard ?? vcardFor(c.name ?? '', c.phone ?? ''),
      }));
      content = {
        contacts: {
          displayName: contacts.length === 1 ? contacts[0]!.displayName : `${contacts.length} contacts`,
          contacts,
        },
      };
      break;
    }
    case 'reaction':
      if (!parts.reactionTargetRaw) throw new Error('reaction target was not resolved');
      content = { react: { text: input.emoji, key: decodeRawMessage(parts.reactionTargetRaw).key } };
      break;
    case 'poll':
      content = {
        poll: { name: input.name, values: input.options, selectableCount: input.selectableCount ?? 1 },
      };
      break;
  }
  return { content, options };
}
