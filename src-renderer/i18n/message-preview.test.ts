import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { messagePreview } from '../../src-shared/messages';
import { english } from './messages/en';
import { localMessagePreview } from './message-preview';
import arabic from './messages/messages/ar.json';

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
