import { describe, expect, it } from 'vitest';
import { describeOpening, initials, safeColor, safeImageUrl, whatsappLink } from './format';
import { WIDGET_TEXTS, widgetTexts } from './texts';

describe('whatsappLink', () => {
  it('links the digits and encodes the prefill', () => {
    expect(whatsappLink('491701234567', 'Hallo & tschüss? #1')).toBe(
      'https://wa.me/491701234567?text=Hallo%20%26%20tsch%C3%BCss%3F%20%231',
    );
  });

  it('omits ?text= without a prefill', () => {
    expect(whatsappLink('491701234567')).toBe('https://wa.me/491701234567');
    expect(whatsappLink('+49 170 1234567', '')).toBe('https://wa.me/491701234567');
  });
});

describe('initials', () => {
  it.each([
    ['Anna', 'A'],
    ['anna maria lee', 'AL'],
    ['  Ben   Ott ', 'BO'],
    ['محمد علي', 'مع'],
    ['𝒜lice Bob', '𝒜B'],
    ['', '?'],
  ])('%j → %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('describeOpening', () => {
  const now = new Date('2025-06-06T10:00:00Z'); // Friday

  it('says today, tomorrow or the weekday, in the given clock', () => {
    expect(describeOpening(new Date('2025-06-06T15:30:00Z'), now, 'UTC')).toBe('today at 15:30');
    expect(describeOpening(new Date('2025-06-07T09:00:00Z'), now, 'UTC')).toBe('tomorrow at 09:00');
    expect(describeOpening(new Date('2025-06-09T07:00:00Z'), now, 'UTC')).toBe('Monday 07:00');
    expect(describeOpening(new Date('2025-06-09T07:00:00Z'), now, 'Europe/Berlin')).toBe('Monday 09:00');
    // 23:00 UTC Friday is already Saturday in Tokyo.
    expect(describeOpening(new Date('2025-06-06T23:00:00Z'), now, 'Asia/Tokyo')).toBe('tomorrow at 08:00');
  });
});

describe("the widget in the visitor's language", () => {
  const now = new Date('2025-06-06T10:00:00Z'); // Friday

  it('follows the page language, then the browser, else English', () => {
    expect(widgetTexts('ar', ['de-DE']).nobody).toBe('لا يوجد أحد متاح الآن.');
    expect(widgetTexts('pt-BR').locale).toBe('pt-BR');
    expect(widgetTexts('', ['es-MX', 'en']).close).toBe('Cerrar chat');
    expect(widgetTexts('ja', ['zh']).close).toBe('Close chat');
  });

  it("says when someone is back in Arabic, Hebrew and German, with the locale's own weekday", () => {
    const monday = new Date('2025-06-09T07:00:00Z');
    const arabic = describeOpening(monday, now, 'UTC', WIDGET_TEXTS.ar);
    expect(arabic).toContain('الاثنين');
    expect(arabic).not.toMatch(/Monday|today|tomorrow/);
    expect(describeOpening(new Date('2025-06-07T09:00:00Z'), now, 'UTC', WIDGET_TEXTS.he)).toBe(
      'מחר ב-09:00',
    );
    expect(describeOpening(monday, now, 'UTC', WIDGET_TEXTS.de)).toBe('am Montag um 07:00');
  });
});

describe('safeColor / safeImageUrl', () => {
  it('lets only #rrggbb and https through', () => {
    expect(safeColor('#A1b2C3', '#000000')).toBe('#A1b2C3');
    expect(safeColor('red;background:url(x)', '#000000')).toBe('#000000');
    expect(safeImageUrl('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(safeImageUrl('http://cdn.example.com/a.png')).toBeUndefined();
    expect(safeImageUrl('javascript:alert(1)')).toBeUndefined();
  });
});
