import { describe, expect, it } from 'vitest';
import { emojiImage, splitEmoji, twemojiCode } from './twemoji';

describe('twemoji names', () => {
  it('drops the variation selector except in joined sequences', () => {
    expect(twemojiCode('❤️')).toBe('2764');
    expect(twemojiCode('👋🏾')).toBe('1f44b-1f3fe');
    expect(twemojiCode('👩‍❤️‍👨')).toBe('1f469-200d-2764-fe0f-200d-1f468');
  });

  it('knows which emoji have a bundled image', () => {
    expect(emojiImage('🍕')).toBe('/emoji/1f355.svg');
    expect(emojiImage('🇮🇱')).toBe('/emoji/1f1ee-1f1f1.svg');
    expect(emojiImage('#️⃣')).not.toBeNull();
    expect(emojiImage('a')).toBeNull();
  });
});

describe('splitting text', () => {
  it('keeps plain text whole and cuts out each emoji', () => {
    expect(splitEmoji('Order ready')).toEqual([{ text: 'Order ready' }]);
    expect(splitEmoji('Thanks 🙏🏽 see you 🇮🇱!')).toEqual([
      { text: 'Thanks ' },
      { emoji: '🙏🏽', image: '/emoji/1f64f-1f3fd.svg' },
      { text: ' see you ' },
      { emoji: '🇮🇱', image: '/emoji/1f1ee-1f1f1.svg' },
      { text: '!' },
    ]);
  });

  it('leaves text-style symbols and digits as text', () => {
    // © and ™ are text unless followed by the emoji selector; digits alone are never emoji.
    expect(splitEmoji('© 2026 Bakery™ 123')).toEqual([{ text: '© 2026 Bakery™ 123' }]);
    expect(splitEmoji('שלום ❤️')).toEqual([{ text: 'שלום ' }, { emoji: '❤️', image: '/emoji/2764.svg' }]);
  });
});
