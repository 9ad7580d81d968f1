import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { english } from '../../i18n/messages/en';
import hebrew from '../../i18n/messages/automation/he.json';
import { automationPartName } from './part-name';

describe('automationPartName', () => {
  const en = createIntl({ locale: 'en', messages: english });
  const he = createIntl({ locale: 'he', messages: { ...english, ...hebrew } });

  it('keeps the names the core labels its messages with, in English', () => {
    for (const rule of ['Greeting', 'Away message', 'Menu', 'Menu: Opening hours', 'Default reply', 'Prices'])
      expect(automationPartName(rule, en)).toBe(rule);
  });

  it("translates the built-in parts and keeps the shop's own words", () => {
    expect(automationPartName('Greeting', he)).toBe('ברכה');
    expect(automationPartName('Away message', he)).toBe('הודעת היעדרות');
    expect(automationPartName('Menu: Opening hours', he)).toBe('תפריט: Opening hours');
    expect(automationPartName('Default reply', he)).toBe('תשובת ברירת מחדל');
    expect(automationPartName('מחירים', he)).toBe('מחירים');
    // A keyword rule the shop itself called "Greeting" is its name, not the greeting.
    expect(automationPartName('Greeting', he, 'keyword')).toBe('Greeting');
  });
});
