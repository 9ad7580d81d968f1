import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { messagePreview } from '../../src-shared/messages';
import { english } from './messages/en';
import { testLastMessage } from '../test-support/fixtures';
import { chatListPreview, localMessagePreview } from './message-preview';
import arabic from './messages/messages/ar.json';
import hebrew from './messages/messages/he.json';

const base = { text: null, revoked: false, media: null, content: null } as const;

describe('localMessagePreview', () => {
  it('says in English exactly what the API stores, for every kind of message', () => {
    const intl = createIntl({ locale: 'en', messages: english });
    const samples = [
      { ...base, type: 'image', text: 'our menu' },
      { ...base, type: 'audio', media: { voiceNote: true } },
      { ...base, type: 'video', content: { videoNote: true } },
      { ...base, type: 'document', media: { fileName: 'offer.pdf' } },
      { ...base, type: 'document' },
      { ...base, type: 'poll', content: { name: 'Lunch?' } },
      { ...base, type: 'poll', text: 'Lunch?', content: { name: 'Lunch?' } },
      { ...base, type: 'location' },
      { ...base, type: 'text', text: 'hello' },
      { ...base, type: 'text', text: 'gone', revoked: true },
    ] as unknown as Parameters<typeof messagePreview>[0][];
    for (const message of samples) expect(localMessagePreview(message, intl)).toBe(messagePreview(message));
  });

  it("speaks the reader's language and keeps the customer's words", () => {
    const intl = createIntl({ locale: 'ar', messages: { ...english, ...arabic } });
    const photo = { ...base, type: 'image', text: 'قائمة الطعام' } as unknown as Parameters<
      typeof messagePreview
    >[0];
    expect(localMessagePreview(photo, intl)).toBe('📷 صورة: قائمة الطعام');
  });
});

describe('chatListPreview', () => {
  const he = createIntl({ locale: 'he', messages: { ...english, ...hebrew } });
  const en = createIntl({ locale: 'en', messages: english });

  it("words the chat list's last message in the reader's language, not the server's English", () => {
    const photo = testLastMessage('2026-11-21T10:00:00.000Z', 'התפריט', {
      type: 'image',
      preview: '📷 Photo: התפריט',
    });
    expect(chatListPreview(photo, 'user', he)).toBe('📷 תמונה: התפריט');
    const file = testLastMessage('2026-11-21T10:00:00.000Z', '', {
      type: 'document',
      text: null,
      fileName: 'offer.pdf',
    });
    expect(chatListPreview(file, 'user', he)).toBe('📄 offer.pdf');
    const gone = testLastMessage('2026-11-21T10:00:00.000Z', '', { text: null, revoked: true });
    expect(chatListPreview(gone, 'user', he)).toBe('ההודעה הזו נמחקה');
    const poll = testLastMessage('2026-11-21T10:00:00.000Z', '', {
      type: 'poll',
      text: null,
      pollName: null,
    });
    expect(chatListPreview(poll, 'user', he)).toBe('📊 סקר');
  });

  it('says how long a voice message is and, in groups, who wrote the message', () => {
    const voice = testLastMessage('2026-11-21T10:00:00.000Z', '', {
      type: 'audio',
      text: null,
      voiceNote: true,
      seconds: 72,
      senderName: 'Dana',
    });
    expect(chatListPreview(voice, 'user', he)).toBe('🎤 הודעה קולית (1:12)');
    expect(chatListPreview(voice, 'group', en)).toBe('Dana: 🎤 Voice message (1:12)');
    expect(chatListPreview({ ...voice, fromMe: true }, 'group', en)).toBe('🎤 Voice message (1:12)');
  });

  it('shows nothing for a last message that is not stored', () => {
    const missing = testLastMessage('2026-11-21T10:00:00.000Z', '', { type: 'unknown', text: null });
    expect(chatListPreview(missing, 'user', he)).toBe('');
  });
});
