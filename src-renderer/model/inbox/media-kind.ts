import type { IntlShape } from 'react-intl';
import { currentIntl } from '../../i18n/store';
import type { SendMessageInput } from '../../../src-shared/send-schemas';

type MediaSendKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

const IMAGE = ['image/jpeg', 'image/png', 'image/webp'];
const VIDEO = ['video/mp4', 'video/3gpp', 'video/quicktime'];
const AUDIO = ['audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/amr', 'audio/wav', 'audio/webm'];

const MB = 1024 * 1024;
/** WhatsApp's limits (the core checks them again). */
const MAX_BYTES: Record<MediaSendKind, number> = {
  image: 16 * MB,
  video: 64 * MB,
  audio: 16 * MB,
  document: 100 * MB,
  sticker: 1 * MB,
};

/** How a file is sent: as a photo, video or audio when WhatsApp shows that format, else as a document. */
export function sendKindFor(mimetype: string): MediaSendKind {
  const base = mimetype.split(';')[0]?.trim().toLowerCase() ?? '';
  if (IMAGE.includes(base)) return 'image';
  if (VIDEO.includes(base)) return 'video';
  if (AUDIO.includes(base)) return 'audio';
  return 'document';
}

/** Why a file cannot be sent, or null. */
export function fileProblem(
  file: { size: number; type: string },
  intl: IntlShape = currentIntl(),
): string | null {
  const kind = sendKindFor(file.type);
  if (file.size === 0) return intl.formatMessage({ id: 'composer.fileEmpty' });
  if (file.size > MAX_BYTES[kind])
    return intl.formatMessage({ id: 'composer.fileTooLarge' }, { kind, size: MAX_BYTES[kind] / MB });
  return null;
}

interface MediaDraft {
  dataUrl: string;
  mimetype: string;
  fileName: string;
  caption?: string;
  voiceNote?: boolean;
}

/** The messages.send input for a file. */
export function mediaMessage(to: string, draft: MediaDraft, replyTo?: string): SendMessageInput {
  const kind = sendKindFor(draft.mimetype);
  const media = {
    data: draft.dataUrl,
    mimetype: draft.mimetype.split(';')[0] ?? draft.mimetype,
    fileName: draft.fileName,
  };
  const caption = draft.caption?.trim() || undefined;
  const common = { to, ...(replyTo ? { replyTo } : {}) };
  switch (kind) {
    case 'image':
      return { ...common, type: 'image', media, caption };
    case 'video':
      return { ...common, type: 'video', media, caption };
    case 'audio':
      return { ...common, type: 'audio', media, voiceNote: draft.voiceNote ?? false };
    default:
      return { ...common, type: 'document', media, caption, fileName: draft.fileName };
  }
}

/** The best recording format this browser offers for voice notes, or null if it cannot record. */
export function voiceNoteMimetype(isTypeSupported: (type: string) => boolean): string | null {
  for (const type of ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus', 'audio/webm']) {
    if (isTypeSupported(type)) return type;
  }
  return null;
}
