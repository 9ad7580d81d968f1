import { renderToStaticMarkup } from 'react-dom/server';
import { createIntl, IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { english } from '../../i18n/messages/en';
import { testChat } from '../../test-support/fixtures';
import { DisappearingNote, timerDuration } from './DisappearingNote';

const render = (node: React.ReactNode) =>
  renderToStaticMarkup(
    <IntlProvider locale="en" messages={english}>
      {node}
    </IntlProvider>,
  );

describe('the disappearing-messages timer in the chat header', () => {
  it('says how long messages last, and nothing when the timer is off', () => {
    expect(
      render(<DisappearingNote chat={testChat({ jid: 'c@s.whatsapp.net', ephemeralSeconds: 604_800 })} />),
    ).toContain('Messages disappear after 7 days');
    expect(
      render(<DisappearingNote chat={testChat({ jid: 'c@s.whatsapp.net', ephemeralSeconds: 0 })} />),
    ).toBe('');
  });

  it('names each timer WhatsApp offers in the reader’s language', () => {
    const en = createIntl({ locale: 'en', messages: english });
    expect([86_400, 604_800, 7_776_000].map((s) => timerDuration(en, s))).toEqual([
      '24 hours',
      '7 days',
      '90 days',
    ]);
    expect(timerDuration(en, 3600 * 8)).toBe('8 hours');
  });
});
