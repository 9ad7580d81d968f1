import { describe, expect, it } from 'vitest';
import { matchLanguage } from './detect';

describe('matchLanguage', () => {
  it('takes the first requested language Chatdock has, region or not', () => {
    expect(matchLanguage(['de-AT', 'en'])).toBe('de');
    expect(matchLanguage(['es-MX'])).toBe('es');
    expect(matchLanguage(['pt-PT'])).toBe('pt-BR');
    expect(matchLanguage(['pt-br'])).toBe('pt-BR');
    expect(matchLanguage(['ar-EG'])).toBe('ar');
    expect(matchLanguage(['iw-IL'])).toBe('he');
  });

  it('skips languages it does not have and falls back to English', () => {
    expect(matchLanguage(['ja-JP', 'he'])).toBe('he');
    expect(matchLanguage(['ja-JP', 'zh'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });
});
