import { describe, expect, it } from 'vitest';
import { fill, placeholdersOf, render, seededRandom, spin } from './template.js';

describe('campaign templates', () => {
  it('spintax picks one option per group, nested groups too', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++)
      seen.add(spin('{Hi|Hello} {there|{dear|lovely} friend}', seededRandom(String(i))));
    expect(seen).toEqual(
      new Set(
        ['Hi', 'Hello'].flatMap((greeting) =>
          ['there', 'dear friend', 'lovely friend'].map((tail) => `${greeting} ${tail}`),
        ),
      ),
    );
  });

  it('braces without options stay as written', () => {
    expect(spin('Price {today}: 5$', seededRandom('x'))).toBe('Price {today}: 5$');
  });

  it('fills placeholders case-insensitively and tidies a missing one away', () => {
    expect(fill('Hi [Name], your code is [promo code].', { name: 'Dana', 'Promo Code': 'X1' })).toBe(
      'Hi Dana, your code is X1.',
    );
    expect(fill('Hi [name], welcome!', {})).toBe('Hi, welcome!');
    expect(placeholdersOf('[name] [Phone] [name] [city]')).toEqual(['name', 'phone', 'city']);
  });

  it('is the same for the same recipient (preview = send) and varies between recipients', () => {
    const template = '{Hi|Hello|Hey|Good day} [name]!';
    const a = render(template, { name: 'Dana' }, '972500000001@s.whatsapp.net');
    expect(render(template, { name: 'Dana' }, '972500000001@s.whatsapp.net')).toBe(a);
    const variants = new Set(
      Array.from({ length: 40 }, (_, i) =>
        render(template, { name: 'X' }, `97250000${1000 + i}@s.whatsapp.net`),
      ),
    );
    expect(variants.size).toBeGreaterThan(1);
  });

  it('keeps Hebrew, Arabic and emoji intact', () => {
    expect(render('{שלום|שלום רב} [name] 🎉', { name: 'دانا' }, 'k')).toMatch(/^שלום( רב)? دانا 🎉$/);
  });
});
